/**
 * The limits around a staff account, over HTTP against the built server: the
 * account page's password checks share the sign-in lock, the reset form cannot
 * flood an inbox, turning two-step sign-in off ends the other sessions, and a
 * session left unused past the idle limit is signed out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '$lib/server/db/connect';
import { startSmtpSink } from '../support/smtp';
import { startTestServer, type TestServer } from '../support/http';
import { AdminClient, createStaff } from '../support/staff';

describe('limits around staff accounts, over HTTP', () => {
	let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
	let test: TestServer;
	let database: DatabaseHandle;
	const password = 'murals along the old canal';

	const recipient = (mail: { to?: unknown }) => JSON.stringify(mail.to ?? '');

	beforeAll(async () => {
		smtp = await startSmtpSink();
		test = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Micro Galleries <hello@example.org>' });
		database = await test.openDatabase();
		for (const email of ['kim@example.org', 'lee@example.org', 'mo@example.org']) await createStaff(test, email, 'editor', { password, env: { SMTP_URL: smtp.url } });
	}, 120_000);
	afterAll(async () => {
		await test?.stop();
		await smtp?.close();
	});

	it('locks the account page’s password check after five wrong guesses, as the sign-in form does', async () => {
		const kim = new AdminClient(test.origin);
		expect((await kim.signIn('kim@example.org', password)).status).toBe(303);
		const newPassword = 'lanterns under the bridge';
		for (let i = 0; i < 5; i++) {
			const wrong = await kim.post('/admin/account?/changePassword', { current: `a wrong guess, number ${i}`, new: newPassword, confirm: newPassword });
			expect(wrong.status).toBe(400);
			expect(await wrong.text()).toContain('Your current password is not right.');
		}
		const right = await kim.post('/admin/account?/changePassword', { current: password, new: newPassword, confirm: newPassword });
		expect(right.status).toBe(429);
		expect(await right.text()).toContain('locked for a while');
		const twoStep = await kim.post('/admin/account?/startTwoFactor', { password });
		expect(twoStep.status).toBe(429);
		// The password is unchanged, and the sign-in form is locked for the account too.
		const elsewhere = await new AdminClient(test.origin).post('/admin/login', { email: 'kim@example.org', password });
		expect(elsewhere.status).toBe(429);
		expect(await elsewhere.text()).toContain('locked for a while');
	});

	it('sends one reset e-mail however often the form is sent at once, and answers every request alike', async () => {
		const answers = await Promise.all(Array.from({ length: 40 }, () => new AdminClient(test.origin).post('/admin/forgot', { email: 'lee@example.org' })));
		expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
		const notice = (html: string) => html.replace(/\s+/g, ' ').match(/If that address[^<]+/)?.[0];
		const notices = new Set(await Promise.all(answers.map(async (a) => notice(await a.text()))));
		expect(notices.size).toBe(1);
		expect([...notices][0]).toBeDefined();

		const queued = await database.db
			.selectFrom('mail_message')
			.select(['id', 'status'])
			.where('to_address', '=', 'lee@example.org')
			.where('subject', 'like', 'Reset your%')
			.execute();
		expect(queued).toHaveLength(1);
		await smtp.waitFor((m) => m.subject?.startsWith('Reset your') === true && recipient(m).includes('lee@example.org'));
		expect(smtp.messages.filter((m) => m.parsed.subject?.startsWith('Reset your') && recipient(m.parsed).includes('lee@example.org'))).toHaveLength(1);
	});

	it('tells one network address that asks for too many links to wait, whatever the addresses', async () => {
		const client = new AdminClient(test.origin);
		// One request is already counted from this address (the test before).
		for (let i = 1; i < 10; i++) expect((await client.post('/admin/forgot', { email: `nobody${i}@example.org` })).status).toBe(200);
		const refused = await client.post('/admin/forgot', { email: 'mo@example.org' });
		expect(refused.status).toBe(429);
		const html = await refused.text();
		expect(html).toContain('Too many requests from this network');
		expect(html).toContain('value="mo@example.org"');
	});

	it('signs out the other sessions when two-step sign-in is turned off', async () => {
		const laptop = new AdminClient(test.origin);
		expect((await laptop.signIn('lee@example.org', password)).status).toBe(303);
		const totpUri = await laptop.enableTwoFactor(password);
		const phone = new AdminClient(test.origin);
		expect((await phone.signIn('lee@example.org', password, totpUri)).status).toBe(303);
		expect((await phone.get('/admin')).status).toBe(200);

		const off = await laptop.post('/admin/account?/disableTwoFactor', { password });
		expect(off.status).toBe(200);
		const onPhone = await phone.get('/admin');
		expect(onPhone.status).toBe(303);
		expect(onPhone.headers.get('location')).toMatch(/^\/admin\/login\?next=/);
		expect((await laptop.get('/admin')).status).toBe(200);
		expect(await off.text()).toContain('You were signed out everywhere else.');
	});

	it('signs out a session left unused longer than the idle limit (12 hours), and says why', async () => {
		const mo = new AdminClient(test.origin);
		expect((await mo.signIn('mo@example.org', password)).status).toBe(303);
		const { id: userId } = await database.db.selectFrom('user').select('id').where('email', '=', 'mo@example.org').executeTakeFirstOrThrow();
		const lastUsed = (hoursAgo: number) =>
			database.db
				.updateTable('session')
				.set({ updatedAt: new Date(Date.now() - hoursAgo * 60 * 60_000) })
				.where('userId', '=', userId)
				.execute();

		await lastUsed(11);
		expect((await mo.get('/admin')).status).toBe(200);
		// Using it counts: the session is marked as used just now.
		const session = await database.db.selectFrom('session').select('updatedAt').where('userId', '=', userId).executeTakeFirstOrThrow();
		expect(Date.now() - new Date(session.updatedAt).getTime()).toBeLessThan(10 * 60_000);

		await lastUsed(13);
		const after = await mo.get('/admin/content');
		expect(after.status).toBe(303);
		const location = after.headers.get('location') ?? '';
		expect(location).toMatch(/^\/admin\/login\?next=%2Fadmin%2Fcontent&idle=1$/);
		expect(await (await mo.get(location)).text()).toContain('You were signed out after 12 hours without using the admin.');
		expect(await database.db.selectFrom('session').select('id').where('userId', '=', userId).execute()).toEqual([]);
		expect((await mo.get('/admin')).status).toBe(303);
	});
});
