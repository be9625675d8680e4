import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { requirePermission } from '$lib/server/people/guard';
import { getMailMessage, readOutboxFile } from '$lib/server/platform/mail/mail-outbox';
import { outboxDirectory } from '$lib/server/platform/mail/transports';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'outbox.view');
	const message = await getMailMessage(app().db, Number(params.id));
	const file = message && (await readOutboxFile(outboxDirectory(app().config.dataDir), message));
	if (!file) error(404, 'There is no file for this e-mail.');
	return new Response(new Uint8Array(file), {
		headers: {
			'Content-Type': 'message/rfc822',
			'Content-Disposition': `attachment; filename="message-${params.id}.eml"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
