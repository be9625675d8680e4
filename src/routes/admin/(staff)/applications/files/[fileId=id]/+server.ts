import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { downloadApplicationFile } from '$lib/server/calls/application-admin';
import { requirePermission } from '$lib/server/people/guard';

const notFound = 'There is no such file for you.';

/**
 * An applicant's file, to staff who manage calls and to the reviewers assigned
 * to its application (in blind review, never a contact field's file). Anyone
 * else gets the same 404 as for a file that does not exist, so a refusal
 * reveals nothing. Always a download, never shown inline, and sandboxed in
 * case a browser renders it anyway.
 */
export const GET: RequestHandler = async ({ locals, url, params, getClientAddress }) => {
	const staff = requirePermission(locals, url, 'applications.review');
	const fileId = Number(params.fileId);
	const download = await downloadApplicationFile(app().calls, staff, fileId, getClientAddress());
	if (!download) error(404, notFound);
	const { file, bytes } = download;
	// A plain-ASCII name for old clients, and the exact one as RFC 5987 spells it (which leaves no ' ( ) * ! bare).
	const asciiName = file.originalName.replace(/[^\x20-\x7e]|["\\]/g, '_');
	const utf8Name = encodeURIComponent(file.originalName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': file.mediaType,
			'Content-Length': String(bytes.byteLength),
			'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${utf8Name}`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox"
		}
	});
};
