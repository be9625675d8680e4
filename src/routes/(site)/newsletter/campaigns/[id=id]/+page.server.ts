import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { campaignVersions } from '$lib/server/newsletter/campaign-mail';
import { getCampaign } from '$lib/server/newsletter/campaign.service';
import { versionForRecipient } from '$lib/server/newsletter/recipient-language';

/**
 * The web version of a campaign, linked from every copy: the same text in the
 * page's language, or English. Public once sending has started; drafts and
 * scheduled campaigns do not exist here.
 */
export const load: PageServerLoad = async ({ params }) => {
	const campaign = await getCampaign(app().db, Number(params.id));
	if (!campaign || !campaign.startedAt || !['sending', 'paused', 'sent'].includes(campaign.status)) error(404, m.campaign_not_found());
	const chosen = versionForRecipient(campaignVersions(campaign), getLocale());
	if (!chosen) error(404, m.campaign_not_found());
	return {
		lang: chosen.locale,
		subject: chosen.version.subject,
		previewText: chosen.version.previewText,
		bodyHtml: chosen.version.bodyHtml,
		sentAt: campaign.startedAt
	};
};
