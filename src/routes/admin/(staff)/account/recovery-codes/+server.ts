import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { recoveryCodesForDownload } from '$lib/server/people/account.service';
import { requirePermission } from '$lib/server/people/guard';
import { recoveryCodesCookie } from '$lib/server/people/recovery-codes';
import { m } from '$lib/paraglide/messages';

/**
 * The recovery codes just shown, as a text file: only for the person they
 * belong to, only for a few minutes after they were made, and only while they
 * are still the current ones. Later the codes cannot be read again, as before.
 */
export const GET: RequestHandler = async ({ locals, url, cookies }) => {
	const staff = requirePermission(locals, url, 'account.manage-own');
	const text = await recoveryCodesForDownload(app().people, staff, { ticket: cookies.get(recoveryCodesCookie), intro: m.signin_codes_file_intro() });
	if (!text) error(404, m.signin_codes_download_gone());
	return new Response(text, {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': 'attachment; filename="recovery-codes.txt"',
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
