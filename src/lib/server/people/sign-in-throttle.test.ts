import { APIError } from 'better-auth/api';
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '$lib/server/platform/auth';
import { inviteStaff, requestPasswordReset, setDisabled, setPasswordWithLink, type StaffMail } from './people.service';
import { signIn, throttledPasswordCheck } from './sign-in.service';
import { resetRules, throttleRules } from './sign-in-throttle';
import { peopleContext, testAuth, withClock } from '../../../../tests/support/domain-contexts';
import { useTestDatabase } from '../../../../tests/support/test-database';

/*
 * The throttle must hold when attempts arrive all at once: each attempt is
 * counted before its password is checked. The password hasher is better-auth's
 * own, wrapped to count how many passwords were really checked.
 */

const handle = useTestDatabase('sign_in_attempt');
let auth: Auth;
const people = () => peopleContext(handle.db, auth, { mail });
const password = 'kites-over-the-harbour';
const checked = { count: 0 };
const sent: { to: string }[] = [];
const mail: StaffMail = {
	async invitation() {},
	async passwordReset(_db, { to }) {
		sent.push({ to });
	}
};

async function createStaff(email: string): Promise<string> {
	const { userId, link } = await inviteStaff(people(), null, { email, name: email.split('@')[0]!, role: 'editor' });
	const result = await setPasswordWithLink(people(), { token: link.split('/').at(-1)!, password });
	if (!result.ok) throw new Error(`could not set the password of ${email}`);
	return userId;
}

const attempt = (email: string, ip: string, pw = 'not-the-password-1') => signIn(handle.db, auth, { email, password: pw, ip, headers: new Headers() });

beforeAll(async () => {
	auth = testAuth(handle, {
		passwordHasher: {
			hash: hashPassword,
			async verify(data) {
				checked.count++;
				return verifyPassword(data);
			}
		}
	});
	await createStaff('rin@example.org');
	await createStaff('sol@example.org');
	await createStaff('tam@example.org');
	await createStaff('uma@example.org');
});
beforeEach(() => {
	checked.count = 0;
});

describe('the sign-in throttle', () => {
	it('checks at most five wrong passwords for one address, however many arrive at once', async () => {
		const results = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt('rin@example.org', `10.1.${Math.floor(i / 250)}.${i % 250}`)));
		expect(checked.count).toBe(throttleRules.maxFailuresPerEmail);
		expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(throttleRules.maxFailuresPerEmail);
		expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(100 - throttleRules.maxFailuresPerEmail);
		const recorded = await handle.db.selectFrom('sign_in_attempt').select('email').where('email', '=', 'rin@example.org').execute();
		expect(recorded).toHaveLength(throttleRules.maxFailuresPerEmail);
		// Locked: even the right password is not checked now.
		expect(await attempt('rin@example.org', '10.9.9.9', password)).toMatchObject({ ok: false, reason: 'locked' });
		expect(checked.count).toBe(throttleRules.maxFailuresPerEmail);
	});

	it('checks at most thirty passwords from one network address, however many arrive at once', async () => {
		const results = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(`guess${i}@example.org`, '192.0.2.50')));
		expect(checked.count).toBe(throttleRules.maxAttemptsPerIp);
		expect(results.filter((r) => !r.ok && r.reason === 'too-many')).toHaveLength(100 - throttleRules.maxAttemptsPerIp);
		// Another network address is not held back.
		expect(await attempt('sol@example.org', '192.0.2.51', password)).toMatchObject({ ok: true });
	});

	it('forgets the failures of an address once the right password is given', async () => {
		for (let round = 0; round < 2; round++) {
			for (let i = 0; i < throttleRules.maxFailuresPerEmail - 1; i++) {
				expect(await attempt('sol@example.org', '10.2.0.1')).toEqual({ ok: false, reason: 'invalid' });
			}
			expect(await attempt('sol@example.org', '10.2.0.1', password)).toMatchObject({ ok: true });
		}
		for (let i = 0; i < throttleRules.maxFailuresPerEmail; i++) await attempt('sol@example.org', '10.2.0.1');
		expect(await attempt('sol@example.org', '10.2.0.1', password)).toMatchObject({ ok: false, reason: 'locked' });
	});

	it('checks a password for an unknown or disabled address too, so the answer takes as long as for a real one', async () => {
		expect(await attempt('nobody@example.org', '10.3.0.1')).toEqual({ ok: false, reason: 'invalid' });
		expect(checked.count).toBe(1);
		const userId = await handle.db.selectFrom('user').select('id').where('email', '=', 'tam@example.org').executeTakeFirstOrThrow();
		await setDisabled(people(), { id: 'someone', email: 'lead@example.org' }, userId.id, true);
		expect(await attempt('tam@example.org', '10.3.0.1', password)).toEqual({ ok: false, reason: 'invalid' });
		expect(checked.count).toBe(2);
		expect(await attempt('sol@example.org', '10.3.0.1')).toEqual({ ok: false, reason: 'invalid' });
		expect(checked.count).toBe(3);
	});

	it('counts the account page’s password checks with the sign-in attempts, however many arrive at once', async () => {
		// What the account page runs: a better-auth call that checks the current password first.
		const wrongPassword = async () => {
			checked.count++;
			throw new APIError('BAD_REQUEST', { message: 'Invalid password' });
		};
		const uma = await handle.db.selectFrom('user').select(['id', 'email']).where('email', '=', 'uma@example.org').executeTakeFirstOrThrow();
		const results = await Promise.all(Array.from({ length: 25 }, () => throttledPasswordCheck(handle.db, { staff: uma, ip: '10.4.0.1' }, wrongPassword)));
		expect(checked.count).toBe(throttleRules.maxFailuresPerEmail);
		expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(throttleRules.maxFailuresPerEmail);
		let ran = false;
		const right = await throttledPasswordCheck(handle.db, { staff: uma, ip: '10.4.0.1' }, async () => (ran = true));
		expect(right).toMatchObject({ ok: false, reason: 'locked' });
		expect(ran).toBe(false);
		// The same lock holds at the sign-in form.
		expect(await attempt('uma@example.org', '10.4.0.2', password)).toMatchObject({ ok: false, reason: 'locked' });
	});
});

describe('the password-reset throttle', () => {
	beforeEach(async () => {
		await handle.db.deleteFrom('password_reset_request').execute();
		sent.length = 0;
	});

	it('sends one e-mail to an address however many requests arrive at once, and answers each the same way', async () => {
		const answers = await Promise.all(
			Array.from({ length: 40 }, (_, i) => requestPasswordReset(people(), { email: 'sol@example.org', ip: `10.5.0.${i}` }))
		);
		expect(sent).toEqual([{ to: 'sol@example.org' }]);
		const unknown = await requestPasswordReset(people(), { email: 'nobody@example.org', ip: '10.5.1.1' });
		expect(new Set([...answers, unknown].map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ ok: true })]));
	});

	it('allows a handful of e-mails to one address an hour, a few minutes apart', async () => {
		const start = Date.parse('2027-03-01T09:00:00Z');
		const at = (minutes: number) => requestPasswordReset(withClock(people(), start + minutes * 60_000), { email: 'rin@example.org', ip: '10.6.0.1' });
		await at(0);
		await at(1);
		expect(sent).toHaveLength(1);
		for (let i = 1; i < resetRules.maxPerEmailPerHour; i++) await at(i * (resetRules.minIntervalPerEmailMs / 60_000 + 1));
		expect(sent).toHaveLength(resetRules.maxPerEmailPerHour);
		await at(59);
		expect(sent).toHaveLength(resetRules.maxPerEmailPerHour);
		await at(61);
		expect(sent).toHaveLength(resetRules.maxPerEmailPerHour + 1);
	});

	it('allows so many requests from one network address an hour, for any addresses', async () => {
		const answers = await Promise.all(
			Array.from({ length: 30 }, (_, i) => requestPasswordReset(people(), { email: `who${i}@example.org`, ip: '198.51.100.7' }))
		);
		expect(answers.filter((a) => a.ok)).toHaveLength(resetRules.maxPerIpPerHour);
		expect(answers.filter((a) => !a.ok)).toHaveLength(30 - resetRules.maxPerIpPerHour);
		expect(await requestPasswordReset(people(), { email: 'tam@example.org', ip: '198.51.100.8' })).toEqual({ ok: true });
	});
});
