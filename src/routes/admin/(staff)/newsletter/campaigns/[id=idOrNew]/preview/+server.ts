import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { isLocale } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { findOrganization } from '$lib/server/shared/organization';
import { getCampaign } from '$lib/server/newsletter/campaign.service';
import { personalize, renderCampaignTemplate } from '$lib/server/newsletter/campaign-mail';
import { requirePermission } from '$lib/server/people/guard';

/**
 * The saved campaign as the e-mail readers of a language get, for staff to look
 * at in a tab of its own. The HTML is an e-mail, not an admin page: it may load
 * no script and nothing from this site, only pictures over https and its inline
 * styles.
 */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'newsletter.campaigns');
	const id = params.id === 'new' ? undefined : Number(params.id);
	const campaign = id === undefined ? undefined : await getCampaign(app().db, id);
	if (!campaign) error(404, 'This campaign does not exist (any more).');
	const wanted = url.searchParams.get('locale') ?? 'en';
	const locale = isLocale(wanted) ? wanted : 'en';
	const { db, config } = app();
	const siteName = (await findOrganization(db))?.name ?? 'Community arts';
	const template = renderCampaignTemplate(campaign, locale, { origin: config.origin, siteName });
	if (!template) error(404, 'This campaign has no text to show yet.');
	const publicPage = `${config.origin}/newsletter`;
	const { html } = personalize(template, { preferences: publicPage, unsubscribe: publicPage });
	return new Response(html, {
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Content-Security-Policy': "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'",
			'Content-Language': template.locale,
			'Cache-Control': 'private, no-store'
		}
	});
};
