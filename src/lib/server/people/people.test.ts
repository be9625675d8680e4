import { beforeAll, describe, expect, it } from 'vitest';
import type { Auth } from '$lib/server/platform/auth';
import { listAudit } from '$lib/server/shared/audit';
import { endSessions, inviteStaff, requestPasswordReset, setPasswordWithLink, setRole, type StaffMail } from './people.service';
import { signIn, verifySecondFactor } from './sign-in.service';
import { throttleRules } from './sign-in-throttle';
import { totpFromUri } from '../../../../tests/support/totp';
import { auditBookmark, expectNothingLeftWhenTheAuditEntryFails, peopleContext, testAuth } from '../../../../tests/support/domain-contexts';
import { useTestDatabase } from '../../../../tests/support/test-database';

/** Records what would be mailed; the real mail layer has its own SMTP tests. */
function recordingMail() {
	const sent: { kind: string; to: string; link: string; locale: string }[] = [];
	const mail: StaffMail = {
		async invitation(_db, { to, link, locale }) {
			sent.push({ kind: 'invitation', to, link, locale });
		},
		async passwordReset(_db, { to, link, locale }) {
			sent.push({ kind: 'reset', to, link, locale });
		}
	};
	return { mail, sent };
}

function tokenOf(link: string): string {
	return link.split('/').at(-1)!;
}

/** Cookies from Set-Cookie headers, as a browser would send them back. */
function cookieHeader(...sources: Headers[]): Headers {
	const jar = new Map<string, string>();
	for (const headers of sources) {
		for (const line of headers.getSetCookie()) {
			const [pair] = line.split(';');
			const [name, ...value] = pair!.split('=');
			if (/max-age=0/i.test(line)) jar.delete(name!.trim());
			else jar.set(name!.trim(), value.join('='));
		}
	}
	return new Headers({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') });
}

describe('staff accounts', () => {
	const handle = useTestDatabase();
	let auth: Auth;
	const people = () => peopleContext(handle.db, auth, { mail });
	const { mail, sent } = recordingMail();
	const password = 'laneway-murals-at-dusk';

	beforeAll(() => {
		auth = testAuth(handle);
	});

	it('invites by e-mail with a one-time link that sets the password once', async () => {
		const { link } = await inviteStaff(people(), null, { email: 'Anita@Example.org', name: 'Anita', role: 'admin', locale: 'es' });
		expect(link).toMatch(/^http:\/\/localhost:3000\/admin\/welcome\/[\w-]{40,}$/);
		expect(sent.at(-1)).toMatchObject({ kind: 'invitation', to: 'anita@example.org', link, locale: 'es' });

		const weak = await setPasswordWithLink(people(), { token: tokenOf(link), password: 'short' });
		expect(weak).toEqual({ ok: false, reason: 'weak', problem: 'too_short' });
		const containsEmail = await setPasswordWithLink(people(), { token: tokenOf(link), password: 'anita-is-here-2026' });
		expect(containsEmail).toMatchObject({ ok: false, problem: 'contains_email' });

		const done = await setPasswordWithLink(people(), { token: tokenOf(link), password });
		expect(done).toMatchObject({ ok: true, email: 'anita@example.org' });
		const again = await setPasswordWithLink(people(), { token: tokenOf(link), password });
		expect(again).toEqual({ ok: false, reason: 'used' });
		expect(await setPasswordWithLink(people(), { token: 'x'.repeat(43), password })).toEqual({ ok: false, reason: 'unknown' });
	});

	it('refuses a second invitation to the same address', async () => {
		await expect(
			inviteStaff(people(), null, { email: 'anita@example.org', name: 'Anita', role: 'editor' })
		).rejects.toMatchObject({ issues: { email: 'taken' } });
	});

	it('signs in with the password, then asks for the second factor once it is on', async () => {
		const first = await signIn(handle.db, auth, { email: 'anita@example.org', password, ip: '127.0.0.1', headers: new Headers() });
		expect(first).toMatchObject({ ok: true, twoFactorRequired: false });
		if (!first.ok) throw new Error('unreachable');
		const signedIn = cookieHeader(first.headers);
		const session = await auth.api.getSession({ headers: signedIn });
		expect(session?.user.email).toBe('anita@example.org');

		const enabled = await auth.api.enableTwoFactor({ body: { password }, headers: signedIn });
		if (enabled.method !== 'totp') throw new Error('expected an authenticator set-up');
		const uri = enabled.totpURI!;
		expect(enabled.backupCodes).toHaveLength(10);
		// Confirming with a valid code turns two-factor on.
		await auth.api.verifyTOTP({ body: { code: totpFromUri(uri) }, headers: signedIn });

		const step1 = await signIn(handle.db, auth, { email: 'anita@example.org', password, ip: '127.0.0.1', headers: new Headers() });
		expect(step1).toMatchObject({ ok: true, twoFactorRequired: true });
		if (!step1.ok) throw new Error('unreachable');
		const pending = cookieHeader(step1.headers);
		expect(await auth.api.getSession({ headers: pending })).toBeNull();

		const wrong = await verifySecondFactor(handle.db, auth, { code: '000000', kind: 'totp', ip: '127.0.0.1', headers: pending });
		expect(wrong.ok).toBe(false);
		const right = await verifySecondFactor(handle.db, auth, { code: totpFromUri(uri), kind: 'totp', ip: '127.0.0.1', headers: pending });
		expect(right.ok).toBe(true);
		if (!right.ok) throw new Error('unreachable');
		expect((await auth.api.getSession({ headers: cookieHeader(step1.headers, right.headers) }))?.user.email).toBe('anita@example.org');

		const step1b = await signIn(handle.db, auth, { email: 'anita@example.org', password, ip: '127.0.0.1', headers: new Headers() });
		if (!step1b.ok) throw new Error('unreachable');
		const recovery = await verifySecondFactor(handle.db, auth, {
			code: enabled.backupCodes[0]!,
			kind: 'recovery',
			ip: '127.0.0.1',
			headers: cookieHeader(step1b.headers)
		});
		expect(recovery.ok).toBe(true);
	});

	it('locks an address after repeated failures, and says so even for the right password', async () => {
		const ip = '10.0.0.9';
		for (let i = 0; i < throttleRules.maxFailuresPerEmail; i++) {
			const result = await signIn(handle.db, auth, { email: 'anita@example.org', password: 'wrong-password-123', ip, headers: new Headers() });
			expect(result).toEqual({ ok: false, reason: 'invalid' });
		}
		const locked = await signIn(handle.db, auth, { email: 'anita@example.org', password, ip, headers: new Headers() });
		expect(locked).toMatchObject({ ok: false, reason: 'locked' });
		const actions = (await listAudit(handle.db, { limit: 50 })).rows.map((r) => r.action);
		expect(actions).toContain('sign-in.locked');
		expect(actions).toContain('sign-in.failed');
	});

	it('answers a reset request for an unknown address like any other, and mails only real accounts', async () => {
		const before = sent.length;
		await requestPasswordReset(people(), { email: 'nobody@example.org', ip: '127.0.0.1' });
		expect(sent.length).toBe(before);
		await inviteStaff(people(), null, { email: 'ed@example.org', name: 'Ed', role: 'editor' });
		const invitation = sent.at(-1)!;
		await setPasswordWithLink(people(), { token: tokenOf(invitation.link), password });
		await requestPasswordReset(people(), { email: 'ED@example.org', ip: '127.0.0.1' });
		expect(sent.at(-1)).toMatchObject({ kind: 'reset', to: 'ed@example.org' });
		expect(sent.at(-1)!.link).toContain('/admin/reset/');
	});

	it('ends every session of a person whose role changes, and keeps the last admin', async () => {
		const signedIn = await signIn(handle.db, auth, { email: 'ed@example.org', password, ip: '127.0.0.2', headers: new Headers() });
		if (!signedIn.ok) throw new Error('sign-in failed');
		const cookies = cookieHeader(signedIn.headers);
		expect(await auth.api.getSession({ headers: cookies })).not.toBeNull();
		const admin = await handle.db.selectFrom('user').select(['id', 'email']).where('role', '=', 'admin').executeTakeFirstOrThrow();
		const ed = await handle.db.selectFrom('user').select('id').where('email', '=', 'ed@example.org').executeTakeFirstOrThrow();
		await setRole(people(), admin, ed.id, 'reviewer');
		expect(await auth.api.getSession({ headers: cookies })).toBeNull();
		await expect(setRole(people(), admin, admin.id, 'editor')).rejects.toThrow('last-admin');
		await endSessions(handle.db, admin.id);
	});

	it('changes a role together with its audit entry, or not at all; a failed invitation leaves no account', async () => {
		const lead = { id: 'lead-of-the-test', email: 'lead@example.org' };
		const { userId } = await inviteStaff(people(), lead, { email: 'rolled@example.org', name: 'Rolled', role: 'editor' });
		const roleOf = async () => (await handle.db.selectFrom('user').select('role').where('id', '=', userId).executeTakeFirstOrThrow()).role;
		await expectNothingLeftWhenTheAuditEntryFails(handle.db, (failing) => setRole({ ...people(), db: failing }, lead, userId, 'reviewer'));
		expect(await roleOf()).toBe('editor');

		const audit = await auditBookmark(handle.db);
		await setRole(people(), lead, userId, 'reviewer');
		expect(await roleOf()).toBe('reviewer');
		expect(await audit.entries()).toEqual([{ action: 'staff.role-changed', actor_email: lead.email, subject: `user:${userId}`, detail: { from: 'editor', to: 'reviewer' } }]);

		const invite = { email: 'never@example.org', name: 'Never', role: 'editor' };
		await expectNothingLeftWhenTheAuditEntryFails(handle.db, (failing) => inviteStaff({ ...people(), db: failing }, lead, invite));
		expect(await handle.db.selectFrom('user').select('id').where('email', '=', 'never@example.org').execute()).toEqual([]);
	});
});
