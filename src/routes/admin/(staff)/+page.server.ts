import type { PageServerLoad } from './$types';
import { can } from '$lib/people/roles';
import { app } from '$lib/server/app';
import { listAudit } from '$lib/server/shared/audit';
import { requirePermission } from '$lib/server/people/guard';
import { markDashboardVisit } from '$lib/server/people/dashboard-visit';
import { applicationsSince, callsClosing, reviewsToDo } from '$lib/server/calls/calls-today';
import { campaignsNeedingEyes } from '$lib/server/newsletter/campaigns-today';
import { eventsComing } from '$lib/server/events/events-today';
import { countJobsByStatus } from '$lib/server/platform/jobs/job-queue';
import { lastContentChange } from '$lib/server/content/content.queries';
import { countAudience } from '$lib/server/newsletter/campaign.service';

const week = 7 * 24 * 60 * 60 * 1000;

/*
 * What needs this person today, by what their role lets them do: their reviews
 * not finished, applications since their last visit, calls closing within a
 * week, campaigns waiting to go out or in trouble, failed background work,
 * events in the coming week. Each part is read only for those who may act on it.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requirePermission(locals, url, 'dashboard.view');
	const { db } = app();
	const now = new Date();
	const from = now.toISOString();
	const until = new Date(now.getTime() + week).toISOString();
	const since = await markDashboardVisit(db, staff.id, now);
	const allowed = (permission: Parameters<typeof can>[1]) => can(staff.role, permission);
	return {
		since,
		today: {
			reviews: allowed('applications.review') ? await reviewsToDo(db, staff) : null,
			newApplications: allowed('calls.manage') ? await applicationsSince(db, since ?? new Date(now.getTime() - week).toISOString(), staff.locale) : null,
			closingCalls: allowed('calls.manage') ? await callsClosing(db, from, until, staff.locale) : null,
			campaigns: allowed('newsletter.campaigns') ? await campaignsNeedingEyes(db, staff.locale) : null,
			failedJobs: allowed('jobs.manage') ? (await countJobsByStatus(db)).failed : null,
			events: allowed('content.edit') ? await eventsComing(db, from, until, staff.locale) : null
		},
		lastContentChange: allowed('content.edit') ? ((await lastContentChange(db)) ?? null) : null,
		// Everyone a campaign sent now would reach.
		newsletterReach: allowed('newsletter.campaigns') ? await countAudience(db, { topics: [], locales: [] }) : null,
		recent: allowed('audit.view')
			? (await listAudit(db, { limit: 8 })).rows.map((r) => ({ id: r.id, at: r.at, action: r.action, actor: r.actor_email, subject: r.subject }))
			: []
	};
};
