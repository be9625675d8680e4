import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requirePermission } from '$lib/server/people/guard';
import { getMailMessage } from '$lib/server/platform/mail/mail-outbox';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'outbox.view');
	const message = await getMailMessage(app().db, Number(params.id));
	if (!message) error(404, m.outbox_not_found());
	return {
		message: {
			id: message.id,
			to: message.to_address,
			subject: message.subject,
			locale: message.locale,
			status: message.status,
			error: message.error,
			text: message.text_body,
			hasFile: Boolean(message.outbox_file),
			createdAt: message.created_at,
			sentAt: message.sent_at
		}
	};
};
