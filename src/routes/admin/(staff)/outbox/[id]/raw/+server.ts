import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { requirePermission } from '$lib/server/people/guard';
import { getMailMessage, readOutboxFile } from '$lib/server/platform/mail/mail-outbox';
import { outboxDirectory } from '$lib/server/platform/mail/transports';
import { idFrom } from '$lib/server/platform/route-params';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'outbox.view');
	const id = idFrom(params.id);
	const message = id === undefined ? undefined : await getMailMessage(app().db, id);
	const file = message && (await readOutboxFile(outboxDirectory(app().config.dataDir), message));
	if (!file) error(404, 'There is no file for this e-mail.');
	return new Response(new Uint8Array(file), {
		headers: {
			'Content-Type': 'message/rfc822',
			'Content-Disposition': `attachment; filename="message-${id}.eml"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
