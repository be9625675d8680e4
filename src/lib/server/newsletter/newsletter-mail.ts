import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { listFormat } from '$lib/i18n/intl';
import { baseLocale, isLocale, type Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { findOrganization } from '$lib/server/shared/organization';
import { pickJson } from '$lib/server/shared/localized-text';
import type { Database, SubscriberRow } from '$lib/server/db/schema';
import { composeMail } from '$lib/server/platform/mail/mail-blocks';
import type { Mailer } from '$lib/server/platform/mail/mailer';
import { personalize, renderCampaignTemplate } from './campaign-mail';
import type { NewsletterMail } from './newsletter.service';
import { ensureSubscriberLinks, listUnsubscribeHeaders, mailboxOf, subscriberLinkUrls } from './subscriber-links';
import { hashToken } from './subscriber-tokens';

/*
 * The newsletter's own e-mails (campaigns go out through campaign-sender.ts):
 * the confirm link, "you are already subscribed", the welcome, and a campaign's
 * test to staff. Each is written in the recipient's language, as a text part
 * and an HTML part, and queued in the caller's transaction through the jobs queue.
 */

export interface NewsletterMailOptions {
	mailer: Pick<Mailer, 'queue' | 'from'>;
	/** The public ORIGIN, for the links. */
	origin: string;
	/** The app's secret, from which the preferences and unsubscribe links are derived. */
	secret: string;
}

/** English at the root, the other languages under their prefix (as `subscriberLinkUrls` does). */
export function confirmLinkUrl(origin: string, locale: string, token: string): string {
	const prefix = locale === baseLocale ? '' : `/${locale}`;
	return `${origin.replace(/\/$/, '')}${prefix}/newsletter/confirm/${token}`;
}

function localeOf(subscriber: SubscriberRow): Locale {
	return isLocale(subscriber.locale) ? subscriber.locale : baseLocale;
}

async function siteOf(db: Kysely<Database>, locale: Locale) {
	const org = await findOrganization(db);
	const site = org?.name ?? 'Community arts';
	const location = org ? pickJson(org.location, locale).text : '';
	const footer = m.mail_newsletter_footer({ site: location ? `${site}, ${location}` : site, email: org?.email ?? '' }, { locale });
	return { site, footer };
}

/** The subscriber's topics by name, in their language, as a sentence's list ("News, Events and Open calls"). */
async function topicNames(db: Kysely<Database>, subscriber: SubscriberRow, locale: Locale): Promise<string | null> {
	const chosen = new Set<string>(JSON.parse(subscriber.topics) as string[]);
	if (chosen.size === 0) return null;
	const rows = await db.selectFrom('newsletter_topic').select(['key', 'name']).orderBy('position').orderBy('id').execute();
	const names = rows.filter((row) => chosen.has(row.key)).map((row) => pickJson(row.name, locale).text);
	return names.length ? listFormat(locale, { type: 'conjunction' }).format(names) : null;
}

export function createNewsletterMail(options: NewsletterMailOptions): NewsletterMail {
	const { mailer, origin, secret } = options;
	const mailbox = mailboxOf(mailer.from);

	/** The subscriber's private links, made sure to open, and the RFC 8058 headers that go with them. */
	async function privateLinks(db: Kysely<Database>, subscriber: SubscriberRow, locale: Locale) {
		const tokens = (await ensureSubscriberLinks(db, secret, [subscriber])).get(subscriber.id)!;
		const urls = subscriberLinkUrls(origin, locale, tokens);
		return { tokens, urls, headers: listUnsubscribeHeaders(urls.unsubscribe, mailbox) };
	}

	return {
		async confirmation(db, subscriber, confirmToken) {
			const locale = localeOf(subscriber);
			const o = { locale };
			const { site, footer } = await siteOf(db, locale);
			const message = composeMail(locale, m.mail_newsletter_confirm_subject({ site }, o), footer, [
				{ text: m.mail_newsletter_confirm_body({ site }, o) },
				{ button: m.mail_newsletter_confirm_button({}, o), href: confirmLinkUrl(origin, locale, confirmToken) },
				{ text: m.mail_newsletter_confirm_ignore({}, o) }
			]);
			await mailer.queue(db, {
				idempotencyKey: `newsletter-confirm:${hashToken(confirmToken)}`,
				to: subscriber.email,
				locale,
				...message
			});
		},

		async alreadySubscribed(db, subscriber, idempotencyKey) {
			const locale = localeOf(subscriber);
			const o = { locale };
			const { site, footer } = await siteOf(db, locale);
			const { urls, headers } = await privateLinks(db, subscriber, locale);
			const message = composeMail(locale, m.mail_newsletter_already_subject({ site }, o), footer, [
				{ text: m.mail_newsletter_already_body({ site }, o) },
				{ text: m.mail_newsletter_preferences_intro({}, o) },
				{ button: m.mail_newsletter_preferences_button({}, o), href: urls.preferences },
				{ text: m.mail_newsletter_already_ignore({}, o) }
			]);
			await mailer.queue(db, { idempotencyKey, to: subscriber.email, locale, headers, ...message });
		},

		async welcome(db, subscriber) {
			const locale = localeOf(subscriber);
			const o = { locale };
			// One after another: inside a transaction there is one connection to share.
			const { site, footer } = await siteOf(db, locale);
			const topics = await topicNames(db, subscriber, locale);
			const { tokens, urls, headers } = await privateLinks(db, subscriber, locale);
			const message = composeMail(locale, m.mail_newsletter_welcome_subject({ site }, o), footer, [
				{
					text: subscriber.name
						? m.mail_newsletter_welcome_greeting({ name: subscriber.name }, o)
						: m.mail_newsletter_welcome_greeting_anonymous({}, o)
				},
				{ text: m.mail_newsletter_welcome_body({ site }, o) },
				...(topics ? [{ text: m.mail_newsletter_welcome_topics({ topics }, o) }] : []),
				{ text: m.mail_newsletter_preferences_intro({}, o) },
				{ button: m.mail_newsletter_preferences_button({}, o), href: urls.preferences },
				{ text: m.mail_newsletter_welcome_unsubscribe({}, o) },
				{ button: m.mail_newsletter_unsubscribe_button({}, o), href: urls.unsubscribe }
			]);
			await mailer.queue(db, {
				// One welcome per confirmation: subscribing again later is welcomed again.
				idempotencyKey: `newsletter-welcome:${subscriber.id}:${subscriber.confirmed_at ?? ''}`,
				to: subscriber.email,
				locale,
				headers,
				...message
			});
			return tokens;
		},

		async campaignTest(db, campaign, wanted, to) {
			const siteName = (await findOrganization(db))?.name ?? 'Community arts';
			const template = renderCampaignTemplate(campaign, wanted, { origin, siteName }, { test: true });
			if (!template) return undefined;
			// A test has no subscriber behind it: both personal links lead to the public newsletter page.
			const publicPage = `${origin}/newsletter`;
			const message = personalize(template, { preferences: publicPage, unsubscribe: publicPage });
			await mailer.queue(db, {
				// Every test is a new message, however often staff ask for one.
				idempotencyKey: `newsletter.test:${campaign.id}:${randomUUID()}`,
				to,
				locale: template.locale,
				subject: `[Test] ${message.subject}`,
				text: message.text,
				html: message.html
			});
			return { locale: template.locale };
		}
	};
}
