import { error, type RequestEvent } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { applicationPhoto } from '$lib/server/calls/application-admin';
import type { PhotoDerivative } from '$lib/server/calls/application-files';
import { requirePermission } from '$lib/server/people/guard';

/**
 * A smaller copy of an applicant's photo, shown inline on the review pages, to
 * the same people as the download and refused with the same 404. Private and
 * never cached: the person's access may end at any time.
 */
export async function photoResponse({ locals, url, params }: RequestEvent<{ fileId: string }>, size: PhotoDerivative): Promise<Response> {
	const staff = requirePermission(locals, url, 'applications.review');
	const bytes = await applicationPhoto(app().calls, staff, Number(params.fileId), size);
	if (!bytes) error(404, 'There is no such picture for you.');
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': 'image/webp',
			'Content-Length': String(bytes.byteLength),
			'Content-Disposition': 'inline',
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox"
		}
	});
}
