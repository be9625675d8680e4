import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { listAudit } from '$lib/server/shared/audit';
import { requirePermission } from '$lib/server/people/guard';
import { idFrom, searchTextFrom } from '$lib/server/platform/route-params';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'audit.view');
	const before = idFrom(url.searchParams.get('before'));
	const action = searchTextFrom(url, 'action', 60) || undefined;
	const { rows, more } = await listAudit(app().db, { limit: 50, before, action });
	return {
		action: action ?? '',
		events: rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor_email, action: r.action, subject: r.subject, detail: r.detail, ip: r.ip })),
		nextBefore: more ? rows.at(-1)?.id : undefined
	};
};
