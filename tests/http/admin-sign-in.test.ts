import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../support/smtp';
import { startTestServer, type TestServer } from '../support/http';
import { AdminClient, adminCliEnv, createUserWithCli, pathOf } from '../support/staff';
import { totpFromUri } from '../support/totp';

describe('staff sign-in, invitations and two-step codes over HTTP, with mail through SMTP', () => {
	let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
	let test: TestServer;
	let env: Record<string, string>;
	const adminEmail = 'lead@example.org';
	const password = 'paper lanterns over the river';
	let totpUri = '';

	beforeAll(async () => {
		smtp = await startSmtpSink();
		test = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Micro Galleries <hello@example.org>' });
		env = { ...adminCliEnv(test), SMTP_URL: smtp.url, MAIL_FROM: 'Micro Galleries <hello@example.org>' };
	});
	afterAll(async () => {
		await test?.stop();
		await smtp?.close();
	});

	it('creates the first admin from the command line and e-mails the same one-time link it prints', async () => {
		const { link } = await createUserWithCli(env, { email: adminEmail, role: 'admin' });
		const mail = await smtp.waitFor((m) => m.subject?.includes('invited') === true);
		expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(adminEmail);
		expect(mail.text).toContain(link);
		expect(mail.html || '').toContain(link);
		expect(mail.headers.get('content-language')).toBe('en');
		expect(mail.messageId).toMatch(/^<.+@.+>$/);
		expect(mail.date).toBeInstanceOf(Date);

		const client = new AdminClient(test.origin);
		const page = await client.get(pathOf(link));
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('choose your password');

		const weak = await client.post(pathOf(link), { password: 'too short', confirm: 'too short' });
		expect(weak.status).toBe(400);
		expect(await weak.text()).toContain('Use at least 12 characters');

		const saved = await client.post(pathOf(link), { password, confirm: password });
		expect(saved.status).toBe(303);
		expect(saved.headers.get('location')).toBe('/admin/login?done=password');

		const reused = await client.get(pathOf(link));
		const reusedHtml = await reused.text();
		expect(reusedHtml).toContain('This link was already used.');
		expect(reusedHtml).toContain('/admin/forgot');
	});

	it('refuses a wrong password with a message that keeps the address typed', async () => {
		const client = new AdminClient(test.origin);
		const response = await client.post('/admin/login', { email: adminEmail, password: 'not the right one at all' });
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('do not match an account');
		expect(html).toContain(`value="${adminEmail}"`);
		expect(client.cookieHeader).not.toContain('session_token');
	});

	it('sets a session cookie that scripts cannot read, sent only to this site', async () => {
		const response = await fetch(`${test.origin}/admin/login`, {
			method: 'POST',
			redirect: 'manual',
			// What a browser sends for a plain form post.
			headers: { origin: test.origin, accept: 'text/html' },
			body: new URLSearchParams({ email: adminEmail, password })
		});
		expect(response.status).toBe(303);
		const cookie = response.headers.getSetCookie().find((c) => c.includes('session_token'));
		expect(cookie).toBeDefined();
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		// http://localhost here: Secure is set only under an https ORIGIN.
		expect(cookie).not.toMatch(/;\s*Secure/i);
	});

	it('sends an admin without two-step sign-in to set it up before anything else', async () => {
		const client = new AdminClient(test.origin);
		expect((await client.signIn(adminEmail, password)).status).toBe(303);
		const dashboard = await client.get('/admin');
		expect(dashboard.status).toBe(303);
		expect(dashboard.headers.get('location')).toBe('/admin/account#two-factor');
		const staffPage = await client.get('/admin/staff');
		expect(staffPage.headers.get('location')).toBe('/admin/account#two-factor');
		const invite = await client.post('/admin/staff?/invite', { email: 'x@example.org', name: 'X', role: 'editor' });
		expect(invite.status).toBe(303);

		totpUri = await client.enableTwoFactor(password);
		expect((await client.get('/admin')).status).toBe(200);
	});

	it('asks for the code from the app after the password, and refuses a wrong one', async () => {
		const client = new AdminClient(test.origin);
		const step1 = await client.post('/admin/login', { email: adminEmail, password, next: '/admin/staff' });
		expect(step1.status).toBe(303);
		expect(step1.headers.get('location')).toBe('/admin/login/two-factor?next=%2Fadmin%2Fstaff');
		expect((await client.get('/admin')).status).toBe(303);

		const wrongCode = totpFromUri(totpUri) === '000000' ? '111111' : '000000';
		const wrong = await client.post('/admin/login/two-factor?/totp', { code: wrongCode, next: '/admin/staff' });
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('That code is not right');

		const right = await client.post('/admin/login/two-factor?/totp', { code: totpFromUri(totpUri), next: '/admin/staff' });
		expect(right.status).toBe(303);
		expect(right.headers.get('location')).toBe('/admin/staff');
		expect((await client.get('/admin/staff')).status).toBe(200);
	});

	it('invites an editor in Spanish; the e-mail arrives in Spanish with a working link', async () => {
		const admin = new AdminClient(test.origin);
		await admin.signIn(adminEmail, password, totpUri);
		const invite = await admin.post('/admin/staff?/invite', { email: 'editora@example.org', name: 'Lucía', role: 'editor', locale: 'es' });
		expect(invite.status).toBe(200);
		const mail = await smtp.waitFor((m) => (m.to && 'text' in m.to ? m.to.text : '').includes('editora@example.org'));
		expect(mail.subject).toBe('Te invitamos al panel de Micro Galleries');
		expect(mail.headers.get('content-language')).toBe('es');
		expect(mail.text).toContain('Hola, Lucía:');
		const link = /https?:\/\/\S+\/admin\/welcome\/[\w-]+/.exec(mail.text ?? '')?.[0];
		expect(link).toBeDefined();

		const editor = new AdminClient(test.origin);
		expect((await editor.post(pathOf(link!), { password, confirm: password })).status).toBe(303);
		expect((await editor.signIn('editora@example.org', password)).headers.get('location')).toBe('/admin');
		expect((await editor.get('/admin')).status).toBe(200);
	});

	it('refuses a form posted from another site (CSRF)', async () => {
		const admin = new AdminClient(test.origin);
		await admin.signIn(adminEmail, password, totpUri);
		const forged = await admin.post('/admin/staff?/invite', { email: 'evil@example.org', name: 'Evil', role: 'admin' }, { origin: 'https://evil.example' });
		expect(forged.status).toBe(403);
		const list = await (await admin.get('/admin/staff')).text();
		expect(list).not.toContain('evil@example.org');
	});

	it('ends every session of a person who signs out, on every device', async () => {
		const phone = new AdminClient(test.origin);
		const laptop = new AdminClient(test.origin);
		await phone.signIn('editora@example.org', password);
		await laptop.signIn('editora@example.org', password);
		expect((await laptop.get('/admin')).status).toBe(200);
		const out = await phone.post('/admin/logout', {});
		expect(out.status).toBe(303);
		expect(out.headers.get('location')).toBe('/admin/login');
		const after = await laptop.get('/admin');
		expect(after.status).toBe(303);
		expect(after.headers.get('location')).toMatch(/^\/admin\/login\?next=/);
	});

	it('locks an account after repeated wrong passwords and says so', async () => {
		const client = new AdminClient(test.origin);
		for (let i = 0; i < 5; i++) {
			expect((await client.post('/admin/login', { email: 'editora@example.org', password: `wrong password ${i}!` })).status).toBe(400);
		}
		const locked = await client.post('/admin/login', { email: 'editora@example.org', password });
		expect(locked.status).toBe(429);
		expect(await locked.text()).toContain('locked for a while');
	});

	it('answers a reset request the same way for any address, and mails a link only to real accounts', async () => {
		const client = new AdminClient(test.origin);
		const before = smtp.messages.length;
		const unknown = await client.post('/admin/forgot', { email: 'nobody@example.org' });
		const known = await client.post('/admin/forgot', { email: adminEmail });
		expect(unknown.status).toBe(200);
		expect(known.status).toBe(200);
		const text = (html: string) => html.replace(/\s+/g, ' ').match(/If that address[^<]+/)?.[0];
		expect(text(await unknown.text())).toBe(text(await known.text()));
		const mail = await smtp.waitFor((m) => m.subject?.startsWith('Reset your') === true);
		expect(smtp.messages.length).toBe(before + 1);
		expect(mail.text).toMatch(/\/admin\/reset\/[\w-]+/);
	});
});
