import type { Kysely } from 'kysely';
import type { Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { findOrganization } from '$lib/server/shared/organization';
import { pickJson } from '$lib/server/shared/localized-text';
import type { Database } from '$lib/server/db/schema';
import type { SiteMail } from '$lib/server/platform/domain-context';
import { composeMail } from '$lib/server/platform/mail/mail-blocks';
import { localizedPath } from '$lib/i18n/paths';
import { queueDonationReceipt } from './donation-receipt';

/** The donations' e-mails, made once (donations.wiring.ts); each is queued in the transaction `db` is. */
export interface DonationsMail {
	/** The receipt of one recorded payment (session of a one-off gift, invoice of a month). */
	receipt(db: Kysely<Database>, payment: { donationId: number; paymentKey: string }): Promise<void>;
	/** A monthly donor's one-time link to manage their gift; `key` names the message for good. */
	donorLink(db: Kysely<Database>, request: { to: string; locale: Locale; token: string; key: string }): Promise<void>;
}

export function createDonationsMail(site: SiteMail): DonationsMail {
	return {
		receipt: (db, payment) => queueDonationReceipt(db, site.mailer, { ...payment, origin: site.origin }),
		donorLink: (db, request) => queueDonorLinkMail(db, site, request)
	};
}

async function queueDonorLinkMail(db: Kysely<Database>, site: SiteMail, request: { to: string; locale: Locale; token: string; key: string }): Promise<void> {
	const { locale } = request;
	const link = `${site.origin}${localizedPath(`/donate/manage/${request.token}`, locale)}`;
	const org = await findOrganization(db);
	const name = org?.name ?? 'Community arts';
	const o = { locale };
	const subject = m.mail_donor_link_subject({ site: name }, o);
	const location = org ? pickJson(org.location, locale).text : '';
	const footer = m.mail_receipt_footer({ site: location ? `${name}, ${location}` : name, email: org?.email ?? '' }, o);
	const message = composeMail(locale, subject, footer, [
		{ text: m.mail_donor_link_body({ site: name }, o) },
		{ button: m.mail_donor_link_button({}, o), href: link },
		{ text: m.mail_donor_link_ignore({}, o) }
	]);
	await site.mailer.queue(db, { idempotencyKey: request.key, to: request.to, locale, ...message });
}
