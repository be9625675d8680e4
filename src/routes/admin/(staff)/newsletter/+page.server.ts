import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { countAudience, listCampaigns } from '$lib/server/newsletter/campaign.service';
import { requirePermission } from '$lib/server/people/guard';
import { pageFrom } from '$lib/server/platform/route-params';
import { pageCount } from '$lib/server/platform/paging';

const perPage = 25;

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'newsletter.campaigns');
	const { db } = app();
	const page = pageFrom(url);
	const [list, reachable] = await Promise.all([
		listCampaigns(db, { limit: perPage, offset: (page - 1) * perPage }),
		// Empty filters: everyone a campaign can reach (confirmed, not paused).
		countAudience(db, { topics: [], locales: [] })
	]);
	return {
		page,
		pages: pageCount(list.total, perPage),
		total: list.total,
		reachable,
		campaigns: list.campaigns.map((c) => ({
			id: c.id,
			subject: c.subject.en,
			status: c.status,
			createdAt: c.createdAt,
			scheduledAt: c.scheduledAt,
			startedAt: c.startedAt,
			finishedAt: c.finishedAt,
			progress: c.progress
				? { sent: c.progress.sent, failed: c.progress.failed, bounced: c.progress.bounced, skipped: c.progress.skipped, remaining: c.progress.remaining, total: c.progress.total }
				: null
		}))
	};
};
