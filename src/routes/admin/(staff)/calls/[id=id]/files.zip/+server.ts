import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { exportCallFiles, zipLimitBytes } from '$lib/server/calls/call-export';
import { refusedIssues } from '$lib/server/platform/forms';
import { requirePermission } from '$lib/server/people/guard';
import { attachmentResponse } from '$lib/server/platform/http/attachment-response';
import { callOf } from '../applications/applications-route';

/**
 * The files of the call's submitted applications as one zip, with the CSV at
 * its top. The zip is built in memory, so above a limit it is refused with a
 * page that says so instead of a broken download.
 */
export const GET: RequestHandler = async ({ locals, url, params, getClientAddress }) => {
	const staff = requirePermission(locals, url, 'calls.manage');
	const call = await callOf(app().db, Number(params.id));
	let result;
	try {
		result = await exportCallFiles(app().calls, staff, call.id, getClientAddress());
	} catch (e) {
		if (refusedIssues(e)?.zip === 'zip_too_large') {
			error(
				413,
				`The files of this call are together larger than ${Math.round(zipLimitBytes / (1024 * 1024))} MB, too much to put in one zip. Open the applications one by one to download their files.`
			);
		}
		throw e;
	}
	return attachmentResponse(new Uint8Array(result.zip), 'application/zip', `${call.slug}-files-${new Date().toISOString().slice(0, 10)}.zip`, {
		'Content-Length': String(result.zip.byteLength)
	});
};
