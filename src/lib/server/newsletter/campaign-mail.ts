import { baseLocale, locales, type Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { htmlToText, isBlankRichText } from '$lib/server/shared/rich-text';
import { escapeHtml, mailLayout } from '$lib/server/platform/mail/mail-layout';
import type { Campaign } from './campaign.service';
import { versionForRecipient } from './recipient-language';

/*
 * A campaign as e-mail. The parts that are the same for every reader of one
 * language are rendered once per send; the two personal links are filled in per
 * recipient (`personalize`), which is a string replacement, not a render.
 */

export const preferencesPlaceholder = '%%PREFERENCES_URL%%';
export const unsubscribePlaceholder = '%%UNSUBSCRIBE_URL%%';

export interface CampaignTemplate {
	locale: Locale;
	subject: string;
	html: string;
	text: string;
}

export interface CampaignMailContext {
	/** The public ORIGIN, without a trailing slash. */
	origin: string;
	siteName: string;
}

function localePrefix(locale: string): string {
	return locale === baseLocale ? '' : `/${locale}`;
}

export function campaignWebUrl(origin: string, campaignId: number, locale: string): string {
	return `${origin}${localePrefix(locale)}/newsletter/campaigns/${campaignId}`;
}

/**
 * Links to this site's own pages ("/about") and its photos must carry the origin
 * in an e-mail. Photos shrink with a narrow screen (mail clients read only inline styles).
 */
function absoluteLinks(html: string, origin: string): string {
	return html
		.replace(/href="\/(?![/\\])/g, `href="${origin}/`)
		.replace(/<img src="\/(?![/\\])/g, `<img style="display:block;max-width:100%;height:auto;border:0;margin:16px 0;" src="${origin}/`);
}

/** The versions a campaign has: a subject and a body in that language. */
export function campaignVersions(campaign: Pick<Campaign, 'subject' | 'previewText' | 'bodyHtml'>) {
	const versions: Partial<Record<Locale, { subject: string; previewText: string; bodyHtml: string }>> = {};
	for (const locale of locales) {
		const subject = campaign.subject[locale]?.trim();
		const bodyHtml = campaign.bodyHtml[locale];
		if (subject && bodyHtml && !isBlankRichText(bodyHtml)) {
			versions[locale] = { subject, previewText: campaign.previewText[locale]?.trim() ?? '', bodyHtml };
		}
	}
	return versions;
}

/** The e-mail for readers of `recipientLocale`: their version, else English. Null when the campaign has neither. */
export function renderCampaignTemplate(
	campaign: Pick<Campaign, 'id' | 'subject' | 'previewText' | 'bodyHtml'>,
	recipientLocale: string,
	context: CampaignMailContext,
	options: { test?: boolean } = {}
): CampaignTemplate | null {
	const chosen = versionForRecipient(campaignVersions(campaign), recipientLocale);
	if (!chosen) return null;
	const { locale, version } = chosen;
	const o = { locale };
	const webUrl = campaignWebUrl(context.origin, campaign.id, locale);
	const body = absoluteLinks(version.bodyHtml, context.origin);
	const why = m.mail_campaign_why({ site: context.siteName }, o);
	const preferencesLabel = m.mail_campaign_preferences({}, o);
	const unsubscribeLabel = m.mail_campaign_unsubscribe({}, o);
	const webLabel = m.mail_campaign_web_version({}, o);
	const testNote = options.test ? m.mail_campaign_test_note({}, o) : null;
	const small = 'font-size:14px;line-height:1.5;color:#4a4a4a;';

	const html = mailLayout({
		locale,
		title: version.subject,
		preheader: version.previewText || undefined,
		bodyHtml:
			(testNote ? `<p style="padding:8px 12px;background:#fff4d6;color:#1a1a1a;">${escapeHtml(testNote)}</p>` : '') +
			`<p style="${small}"><a href="${escapeHtml(webUrl)}" style="color:#9a3412;">${escapeHtml(webLabel)}</a></p>` +
			body +
			`<hr style="border:0;border-top:1px solid #d4d4d4;margin:24px 0;">` +
			`<p style="${small}">${escapeHtml(why)}</p>` +
			`<p style="${small}"><a href="${preferencesPlaceholder}" style="color:#9a3412;">${escapeHtml(preferencesLabel)}</a>` +
			` · <a href="${unsubscribePlaceholder}" style="color:#9a3412;">${escapeHtml(unsubscribeLabel)}</a></p>`
	});
	const text = [
		...(testNote ? [testNote] : []),
		version.subject,
		htmlToText(body, { links: true }),
		'--',
		why,
		`${preferencesLabel}: ${preferencesPlaceholder}`,
		`${unsubscribeLabel}: ${unsubscribePlaceholder}`,
		`${webLabel}: ${webUrl}`
	].join('\n\n');
	return { locale, subject: version.subject, html, text };
}

/** The template with one recipient's links in it. The URLs hold only base64url characters, so nothing needs escaping. */
export function personalize(template: CampaignTemplate, links: { preferences: string; unsubscribe: string }) {
	const fill = (s: string) => s.replaceAll(preferencesPlaceholder, links.preferences).replaceAll(unsubscribePlaceholder, links.unsubscribe);
	return { subject: template.subject, html: fill(template.html), text: fill(template.text) };
}
