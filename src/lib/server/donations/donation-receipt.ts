import type { Kysely } from 'kysely';
import { dateTimeFormat } from '$lib/i18n/intl';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { findOrganization } from '$lib/server/shared/organization';
import { pickJson, pick } from '$lib/server/shared/localized-text';
import type { Database } from '$lib/server/db/schema';
import { escapeHtml, mailLayout } from '$lib/server/platform/mail/mail-layout';
import type { Mailer } from '$lib/server/platform/mail/mailer';
import { formatMoney } from './currencies';
import { getDonationSettings } from './donation-settings';
import { localizedPath } from '$lib/i18n/paths';

/** The receipt's idempotency key: one per payment (session of a one-off gift, invoice of a month). */
export function receiptKey(paymentKey: string): string {
	return `donation-receipt:${paymentKey}`;
}

/**
 * Queues the receipt of one recorded payment, in the donor's language, in the
 * caller's transaction: the receipt exists exactly when the donation does.
 */
export async function queueDonationReceipt(
	db: Kysely<Database>,
	mailer: Pick<Mailer, 'queue'>,
	options: { donationId: number; paymentKey: string; origin?: string }
): Promise<void> {
	const donation = await db
		.selectFrom('donation')
		.leftJoin('donation_campaign as c', 'c.id', 'donation.campaign_id')
		.select([
			'donation.kind',
			'donation.amount_minor',
			'donation.currency',
			'donation.donor_name',
			'donation.donor_email',
			'donation.donor_locale',
			'donation.paid_at',
			'c.title as campaign_title'
		])
		.where('donation.id', '=', options.donationId)
		.executeTakeFirstOrThrow();
	if (!donation.donor_email) return;
	const locale: Locale = isLocale(donation.donor_locale) ? donation.donor_locale : 'en';
	const [org, settings] = await Promise.all([findOrganization(db), getDonationSettings(db)]);
	const site = org?.name ?? 'Community arts';
	const o = { locale };

	const amount = formatMoney(Number(donation.amount_minor), donation.currency, locale);
	const date = dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(donation.paid_at));
	const note = pick(settings.receiptNote, locale).text.trim();
	const paragraphs = [
		donation.donor_name ? m.mail_receipt_greeting({ name: donation.donor_name }, o) : m.mail_receipt_greeting_anonymous({ site }, o),
		donation.kind === 'monthly' ? m.mail_receipt_body_monthly({ amount, date }, o) : m.mail_receipt_body_one_off({ amount, date }, o),
		...(donation.campaign_title ? [m.mail_receipt_campaign({ campaign: pickJson(donation.campaign_title, locale).text }, o)] : []),
		...(note ? note.split(/\n{2,}/) : []),
		m.mail_receipt_reference({ reference: options.paymentKey }, o),
		...(donation.kind === 'monthly' && options.origin
			? [m.mail_receipt_manage({ link: `${options.origin}${localizedPath('/donate/manage', locale)}` }, o)]
			: [])
	];
	const location = org ? pickJson(org.location, locale).text : '';
	const footer = m.mail_receipt_footer({ site: location ? `${site}, ${location}` : site, email: org?.email ?? '' }, o);
	const subject = m.mail_receipt_subject({ site }, o);
	await mailer.queue(db, {
		idempotencyKey: receiptKey(options.paymentKey),
		to: donation.donor_email,
		locale,
		subject,
		text: [...paragraphs, '--', footer].join('\n\n'),
		html: mailLayout({
			locale,
			title: subject,
			footer,
			bodyHtml: paragraphs.map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`).join('')
		})
	});
}
