import type { PageServerLoad } from './$types';
import { can } from '$lib/people/roles';
import { app } from '$lib/server/app';
import { listAudit } from '$lib/server/shared/audit';
import { requirePermission } from '$lib/server/people/guard';
import { countJobsByStatus } from '$lib/server/platform/jobs/job-queue';
import { lastContentChange } from '$lib/server/content/content.queries';
import { countAudience } from '$lib/server/newsletter/campaign.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requirePermission(locals, url, 'dashboard.view');
	const { db } = app();
	return {
		lastContentChange: can(staff.role, 'content.edit') ? ((await lastContentChange(db)) ?? null) : null,
		jobs: can(staff.role, 'jobs.manage') ? await countJobsByStatus(db) : null,
		// Everyone a campaign sent now would reach.
		newsletterReach: can(staff.role, 'newsletter.campaigns') ? await countAudience(db, { topics: [], locales: [] }) : null,
		recent: can(staff.role, 'audit.view')
			? (await listAudit(db, { limit: 8 })).rows.map((r) => ({ id: r.id, at: r.at, action: r.action, actor: r.actor_email }))
			: []
	};
};
