import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '$lib/i18n/locales';
import { demoContent } from '$lib/server/demo/demo-content';
import { seedDemoContent } from '$lib/server/demo/demo-seed';
import { createTestDatabase } from '$lib/server/db/test-database';
import { createMailer, type MailToQueue } from '$lib/server/platform/mail/mailer';
import { createStaffMail } from './staff-mail';

describe('staff e-mails in every language', () => {
	let handle: Awaited<ReturnType<typeof createTestDatabase>>;
	const queued: MailToQueue[] = [];
	const mailer = {
		queue: async (_db: unknown, message: MailToQueue) => {
			queued.push(message);
			return { mailMessageId: queued.length, jobId: queued.length, created: true };
		}
	} satisfies Parameters<typeof createStaffMail>[0]['mailer'];

	beforeAll(async () => {
		handle = await createTestDatabase();
		await seedDemoContent(handle.db, demoContent, new Date().toISOString());
	});
	afterAll(() => handle.dispose());

	it.each(locales)('writes the invitation and the reset e-mail in %s, with the link in both parts', async (locale) => {
		const mail = createStaffMail({ mailer });
		const link = `http://localhost:3000/admin/welcome/${locale}-token-1234567890`;
		await mail.invitation(handle.db, { to: `${locale}@example.org`, name: 'Maya', locale, link, invitedBy: 'lead@example.org' });
		await mail.passwordReset(handle.db, { to: `${locale}@example.org`, name: 'Maya', locale, link: link.replace('welcome', 'reset') });
		const [invitation, reset] = queued.slice(-2);
		for (const message of [invitation!, reset!]) {
			expect(message.locale).toBe(locale);
			expect(message.subject).toContain('Micro Galleries');
			expect(message.html).toContain(`lang="${locale}"`);
		}
		expect(invitation!.text).toContain(link);
		expect(invitation!.html).toContain(link);
		expect(invitation!.text).toContain('lead@example.org');
		expect(reset!.text).toContain(link.replace('welcome', 'reset'));
		// Written in the recipient's language: not the English words, unless the language is English.
		const english = locale === 'en';
		expect(invitation!.subject.includes('You are invited')).toBe(english);
		expect(reset!.text.includes('If you did not ask for this')).toBe(english);
		if (locale === 'ne') expect(invitation!.text).toMatch(/[\u0900-\u097F]/);
	});

	it('escapes what a person typed into the HTML part', async () => {
		await createStaffMail({ mailer }).invitation(handle.db, {
			to: 'x@example.org',
			name: '<img src=x onerror=alert(1)>',
			locale: 'en',
			link: 'http://localhost:3000/admin/welcome/abc"><script>alert(1)</script>',
			invitedBy: null
		});
		const html = queued.at(-1)!.html;
		expect(html).not.toContain('<img src=x');
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
	});

	it('queues through the real mailer with a distinct key per link', async () => {
		const realMailer = createMailer({ transport: { name: 'outbox', send: async () => ({ messageId: 'x' }) } as never, from: 'MG <hello@example.org>' });
		const mail = createStaffMail({ mailer: realMailer });
		await mail.invitation(handle.db, { to: 'a@example.org', name: 'A', locale: 'id', link: 'http://x/admin/welcome/one-1234567890', invitedBy: null });
		await mail.invitation(handle.db, { to: 'a@example.org', name: 'A', locale: 'id', link: 'http://x/admin/welcome/two-1234567890', invitedBy: null });
		await mail.invitation(handle.db, { to: 'a@example.org', name: 'A', locale: 'id', link: 'http://x/admin/welcome/two-1234567890', invitedBy: null });
		const rows = await handle.db.selectFrom('mail_message').select(['locale', 'subject']).execute();
		expect(rows).toHaveLength(2);
		expect(rows.every((r) => r.locale === 'id' && r.subject === 'Undangan ke admin Micro Galleries')).toBe(true);
	});
});
