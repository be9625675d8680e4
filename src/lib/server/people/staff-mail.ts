import type { Kysely } from 'kysely';
import type { Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { findOrganization } from '$lib/server/shared/organization';
import type { Database } from '$lib/server/db/schema';
import { composeMail } from '$lib/server/platform/mail/mail-blocks';
import type { Mailer } from '$lib/server/platform/mail/mailer';
import { hashToken } from './staff-links';
import type { StaffMail } from './people.service';

interface LinkMail {
	key: string;
	to: string;
	locale: Locale;
	subject: string;
	paragraphs: string[];
	button: string;
	link: string;
	after: string[];
	site: string;
}

function render(mail: LinkMail) {
	const footer = m.mail_staff_footer({ site: mail.site }, { locale: mail.locale });
	return composeMail(mail.locale, mail.subject, footer, [
		...mail.paragraphs.map((text) => ({ text })),
		{ button: mail.button, href: mail.link },
		...mail.after.map((text) => ({ text }))
	]);
}

/** The invitation and password-reset e-mails, in the recipient's language, queued for the mail job in the transaction `db` is. */
export function createStaffMail({ mailer }: { mailer: Pick<Mailer, 'queue'> }): StaffMail {
	const queue = async (db: Kysely<Database>, mail: LinkMail) => {
		const { subject, html, text } = render(mail);
		await mailer.queue(db, { idempotencyKey: mail.key, to: mail.to, locale: mail.locale, subject, text, html });
	};
	const siteName = async (db: Kysely<Database>) => (await findOrganization(db))?.name ?? 'Admin';
	return {
		async invitation(db, { to, name, locale, link, invitedBy }) {
			const site = await siteName(db);
			const o = { locale };
			await queue(db, {
				key: `staff-invitation:${hashToken(link)}`,
				to,
				locale,
				site,
				link,
				subject: m.mail_invite_subject({ site }, o),
				paragraphs: [m.mail_invite_greeting({ name }, o), m.mail_invite_body({ site }, o)],
				button: m.mail_invite_button({}, o),
				after: invitedBy ? [m.mail_invite_by({ email: invitedBy }, o)] : []
			});
		},
		async passwordReset(db, { to, name, locale, link }) {
			const site = await siteName(db);
			const o = { locale };
			await queue(db, {
				key: `staff-reset:${hashToken(link)}`,
				to,
				locale,
				site,
				link,
				subject: m.mail_reset_subject({ site }, o),
				paragraphs: [m.mail_invite_greeting({ name }, o), m.mail_reset_body({ site }, o)],
				button: m.mail_reset_button({}, o),
				after: [m.mail_reset_ignore({}, o)]
			});
		}
	};
}
