import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requirePermission } from '$lib/server/people/guard';
import { listMailMessages } from '$lib/server/platform/mail/mail-outbox';
import { pageFrom } from '$lib/server/platform/route-params';
import { pageCount } from '$lib/server/platform/paging';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'outbox.view');
	const list = await listMailMessages(app().db, { page: pageFrom(url), pageSize: 50 });
	return {
		smtp: Boolean(app().config.smtpUrl),
		page: list.page,
		pages: pageCount(list.total, list.pageSize),
		messages: list.messages.map((m) => ({
			id: m.id,
			to: m.to_address,
			subject: m.subject,
			locale: m.locale,
			status: m.status,
			createdAt: m.created_at,
			sentAt: m.sent_at
		}))
	};
};
