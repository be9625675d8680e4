/**
 * Setting up two-step sign-in over HTTP against the built server: the pending
 * secret survives a wrong code, a reload and a new sign-in, "start over" gives a
 * new one, recovery codes use an alphabet without look-alike characters, and
 * their text-file download answers only their owner, only right after they were made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/http';
import { AdminClient, createStaff, secretOnPage } from '../support/staff';
import { totpFromUri } from '../support/totp';

const password = 'kites above the rice terraces';
const uriOf = (secret: string) => `otpauth://totp/x?secret=${secret}&digits=6&period=30`;
/** A six-digit code that is not the one the secret gives now (nor in the next minute). */
function wrongCodeFor(secret: string): string {
	const near = [-30_000, 0, 30_000, 60_000].map((shift) => totpFromUri(uriOf(secret), Date.now() + shift));
	for (let n = 0; ; n++) {
		const candidate = String(n).padStart(6, '0');
		if (!near.includes(candidate)) return candidate;
	}
}
const codesOnPage = (html: string) => [...html.matchAll(/<li><code>([^<]+)<\/code><\/li>/g)].map((match) => match[1]!);
/** Digits 2-9 and lower-case letters without i, l, o: nothing to mistake for 0, O, 1, l or I. */
const unambiguousCode = /^[2-9abcdefghjkmnpqrstuvwxyz]{4}-[2-9abcdefghjkmnpqrstuvwxyz]{4}-[2-9abcdefghjkmnpqrstuvwxyz]{4}$/;

describe('two-step set-up that keeps its secret, and recovery codes to keep', () => {
	let test: TestServer;

	beforeAll(async () => {
		test = await startTestServer();
		for (const email of ['ana@example.org', 'bo@example.org', 'cy@example.org']) await createStaff(test, email, 'editor', { password });
	}, 120_000);
	afterAll(async () => {
		await test?.stop();
	});

	async function signedIn(email: string): Promise<AdminClient> {
		const client = new AdminClient(test.origin);
		const response = await client.signIn(email, password);
		expect(response.status).toBe(303);
		return client;
	}

	it('keeps the same secret after a wrong code, a reload and a new sign-in; the right code for it then turns two-step sign-in on', async () => {
		let ana = await signedIn('ana@example.org');
		const started = await ana.post('/admin/account?/startTwoFactor', { password });
		expect(started.status).toBe(200);
		const html = await started.text();
		const secret = secretOnPage(html);
		expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
		// Shown in blocks of four for typing.
		expect(/<code class="secret grouped">([^<]+)<\/code>/.exec(html)?.[1]).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
		// No recovery codes before the set-up is confirmed: they are shown once, when it is.
		expect(codesOnPage(html)).toEqual([]);

		const wrong = await ana.post('/admin/account?/confirmTwoFactor', { code: wrongCodeFor(secret!) });
		expect(wrong.status).toBe(400);
		const wrongHtml = await wrong.text();
		expect(wrongHtml).toContain('That code was not right.');
		expect(secretOnPage(wrongHtml)).toBe(secret);

		const reload = await ana.get('/admin/account');
		expect(reload.status).toBe(200);
		expect(secretOnPage(await reload.text())).toBe(secret);

		// Signed out and in again: still the same set-up waiting.
		expect((await ana.post('/admin/logout', {})).status).toBe(303);
		ana = await signedIn('ana@example.org');
		expect(secretOnPage(await (await ana.get('/admin/account')).text())).toBe(secret);

		const right = await ana.post('/admin/account?/confirmTwoFactor', { code: totpFromUri(uriOf(secret!)) });
		expect(right.status).toBe(200);
		const doneHtml = await right.text();
		expect(doneHtml).toContain('Two-step sign-in is on.');
		expect(secretOnPage(doneHtml)).toBeUndefined();
		const codes = codesOnPage(doneHtml);
		expect(codes).toHaveLength(10);
		for (const code of codes) expect(code).toMatch(unambiguousCode);

		// The next sign-in asks for a code from that same secret.
		const fresh = new AdminClient(test.origin);
		expect((await fresh.signIn('ana@example.org', password, uriOf(secret!))).headers.get('location')).toBe('/admin');
		// A recovery code typed in capitals and without dashes works too.
		const other = new AdminClient(test.origin);
		const step1 = await other.post('/admin/login', { email: 'ana@example.org', password, next: '/admin' });
		expect(step1.headers.get('location')).toMatch(/^\/admin\/login\/two-factor/);
		const recovery = await other.post('/admin/login/two-factor?/recovery', { code: codes[0]!.replace(/-/g, ' ').toUpperCase(), next: '/admin' });
		expect(recovery.status).toBe(303);
		expect(recovery.headers.get('location')).toBe('/admin');
	});

	it('starts over with a new secret only when asked, and then only the new one confirms', async () => {
		const bo = await signedIn('bo@example.org');
		const first = secretOnPage(await (await bo.post('/admin/account?/startTwoFactor', { password })).text());
		expect(first).toBeDefined();
		const over = await bo.post('/admin/account?/startTwoFactor', { password });
		expect(over.status).toBe(200);
		const second = secretOnPage(await over.text());
		expect(second).toBeDefined();
		expect(second).not.toBe(first);
		expect(secretOnPage(await (await bo.get('/admin/account')).text())).toBe(second);

		const old = await bo.post('/admin/account?/confirmTwoFactor', { code: totpFromUri(uriOf(first!)) });
		// The old secret's code is almost surely not the new one's; when it happens to be, nothing below is meaningful.
		if (totpFromUri(uriOf(first!)) !== totpFromUri(uriOf(second!))) expect(old.status).toBe(400);
		const confirmed = await bo.post('/admin/account?/confirmTwoFactor', { code: totpFromUri(uriOf(second!)) });
		expect(confirmed.status).toBe(200);
		expect(await confirmed.text()).toContain('Two-step sign-in is on.');
	});

	it('downloads the recovery codes just shown as a text file, for their owner only and only while they are current', async () => {
		const cy = await signedIn('cy@example.org');
		expect((await cy.get('/admin/account/recovery-codes')).status).toBe(404);
		const secret = secretOnPage(await (await cy.post('/admin/account?/startTwoFactor', { password })).text());
		const confirmed = await cy.post('/admin/account?/confirmTwoFactor', { code: totpFromUri(uriOf(secret!)) });
		const codes = codesOnPage(await confirmed.text());
		expect(codes).toHaveLength(10);

		const download = await cy.get('/admin/account/recovery-codes');
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="recovery-codes\.txt"$/);
		expect(download.headers.get('cache-control')).toBe('no-store');
		const text = await download.text();
		for (const code of codes) expect(text).toContain(code);
		expect(text).toContain('cy@example.org');

		// Someone else, signed in, with their own session and even with cy's download cookie: nothing.
		const ticket = /arts_recovery_codes=([^;]+)/.exec(cy.cookieHeader)?.[1];
		expect(ticket).toBeDefined();
		const stranger = new AdminClient(test.origin);
		await createStaff(test, 'dee@example.org', 'editor', { password });
		expect((await stranger.signIn('dee@example.org', password)).status).toBe(303);
		expect((await stranger.get('/admin/account/recovery-codes')).status).toBe(404);
		const borrowed = await stranger.get('/admin/account/recovery-codes', { cookie: `${stranger.cookieHeader}; arts_recovery_codes=${ticket}` });
		expect(borrowed.status).toBe(404);
		expect(await borrowed.text()).not.toContain(codes[0]!);
		// Nobody signed in: to the sign-in page.
		const anonymous = await fetch(`${test.origin}/admin/account/recovery-codes`, { redirect: 'manual', headers: { cookie: `arts_recovery_codes=${ticket}` } });
		expect(anonymous.status).toBe(303);

		// New codes end the old ticket at once; the new ones come with their own.
		const renewed = await cy.post('/admin/account?/regenerateCodes', { password });
		expect(renewed.status).toBe(200);
		const newCodes = codesOnPage(await renewed.text());
		expect(newCodes).toHaveLength(10);
		for (const code of newCodes) expect(code).toMatch(unambiguousCode);
		const stale = await cy.get('/admin/account/recovery-codes', { cookie: `${cy.cookieHeader.replace(/arts_recovery_codes=[^;]+/, `arts_recovery_codes=${ticket}`)}` });
		expect(stale.status).toBe(404);
		const current = await cy.get('/admin/account/recovery-codes');
		expect(current.status).toBe(200);
		expect(await current.text()).toContain(newCodes[0]!);
	});
});
