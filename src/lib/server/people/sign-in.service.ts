import { randomBytes } from 'node:crypto';
import { APIError } from 'better-auth/api';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { Auth } from '$lib/server/platform/auth';
import { recordAudit } from '$lib/server/shared/audit';
import { normalizeRecoveryCode } from './recovery-codes';
import { markAttemptSucceeded, reserveSignInAttempt } from './sign-in-throttle';

export type SignInResult =
	| { ok: true; twoFactorRequired: boolean; headers: Headers }
	| { ok: false; reason: 'invalid' | 'locked' | 'too-many'; retryAfterMs?: number };

/**
 * Checks the password. With two-factor on, the person is not signed in yet: the
 * returned headers carry a short-lived cookie for the second step instead.
 */
export async function signIn(
	db: Kysely<Database>,
	auth: Auth,
	input: { email: string; password: string; ip: string; headers: Headers }
): Promise<SignInResult> {
	const email = input.email.trim().toLowerCase();
	const verdict = await reserveSignInAttempt(db, { email, ip: input.ip });
	if (!verdict.allowed) {
		await recordAudit(db, { action: 'sign-in.locked', subject: `email:${email}`, ip: input.ip, detail: { reason: verdict.reason } });
		return { ok: false, reason: verdict.reason, retryAfterMs: verdict.retryAfterMs };
	}

	const user = await db.selectFrom('user').select(['id', 'email', 'disabledAt']).where('email', '=', email).executeTakeFirst();
	// The attempt is already recorded as a failure.
	const fail = async () => {
		await recordAudit(db, {
			action: 'sign-in.failed',
			actor: user ? { id: user.id, email: user.email } : null,
			subject: `email:${email}`,
			ip: input.ip
		});
		return { ok: false as const, reason: 'invalid' as const };
	};
	// A disabled or unknown account answers exactly like a wrong password, and
	// just as slowly, so the time taken does not tell which addresses exist.
	// (better-auth refuses a too-long password before looking at the account.)
	if (!user || user.disabledAt || input.password.length > (await auth.$context).password.config.maxPasswordLength) {
		await checkAgainstStandIn(auth, input.password);
		return fail();
	}

	try {
		const { headers, response } = await auth.api.signInEmail({
			body: { email, password: input.password, rememberMe: false },
			headers: input.headers,
			returnHeaders: true
		});
		await markAttemptSucceeded(db, verdict.attemptId);
		const twoFactorRequired = 'twoFactorRedirect' in response && response.twoFactorRedirect === true;
		await recordAudit(db, {
			action: 'sign-in.succeeded',
			actor: { id: user.id, email: user.email },
			ip: input.ip,
			detail: { step: twoFactorRequired ? 'password' : 'complete' }
		});
		return { ok: true, twoFactorRequired, headers };
	} catch (error) {
		if (error instanceof APIError) return fail();
		throw error;
	}
}

const standInHashes = new WeakMap<Auth, Promise<string>>();

/** The work of checking a password, with better-auth's hasher, against a hash of a password nobody knows. */
async function checkAgainstStandIn(auth: Auth, password: string): Promise<void> {
	const { password: hasher } = await auth.$context;
	let hash = standInHashes.get(auth);
	if (!hash) {
		hash = hasher.hash(randomBytes(24).toString('base64url'));
		standInHashes.set(auth, hash);
	}
	await hasher.verify({ hash: await hash, password });
}

export type PasswordCheckResult<T> =
	| { ok: true; value: T }
	| { ok: false; reason: 'invalid' | 'locked' | 'too-many'; retryAfterMs?: number };

/**
 * Runs a better-auth call that checks the signed-in person's password first
 * (changing it, two-step sign-in settings), under the sign-in throttle: a wrong
 * password counts as a failed sign-in of the address, and a locked address is
 * not checked at all. Otherwise a stolen session could guess the password here.
 */
export async function throttledPasswordCheck<T>(
	db: Kysely<Database>,
	input: { staff: { id: string; email: string }; ip: string },
	run: () => Promise<T>
): Promise<PasswordCheckResult<T>> {
	const { staff, ip } = input;
	const verdict = await reserveSignInAttempt(db, { email: staff.email, ip });
	if (!verdict.allowed) {
		await recordAudit(db, { action: 'sign-in.locked', actor: staff, subject: `email:${staff.email}`, ip, detail: { reason: verdict.reason, page: 'account' } });
		return { ok: false, reason: verdict.reason, retryAfterMs: verdict.retryAfterMs };
	}
	try {
		const value = await run();
		await markAttemptSucceeded(db, verdict.attemptId);
		return { ok: true, value };
	} catch (error) {
		if (!(error instanceof APIError)) throw error;
		await recordAudit(db, { action: 'sign-in.failed', actor: staff, subject: `email:${staff.email}`, ip, detail: { page: 'account' } });
		return { ok: false, reason: 'invalid' };
	}
}

export type SecondStepResult = { ok: true; headers: Headers } | { ok: false; reason: 'invalid' | 'expired' };

/** The second step: a code from the authenticator app, or one of the recovery codes. */
export async function verifySecondFactor(
	db: Kysely<Database>,
	auth: Auth,
	input: { code: string; kind: 'totp' | 'recovery'; ip: string; headers: Headers }
): Promise<SecondStepResult> {
	const code = input.kind === 'totp' ? input.code.replace(/\s+/g, '') : normalizeRecoveryCode(input.code);
	try {
		const { headers, response } =
			input.kind === 'totp'
				? await auth.api.verifyTOTP({ body: { code, trustDevice: false }, headers: input.headers, returnHeaders: true })
				: await auth.api.verifyBackupCode({ body: { code, trustDevice: false }, headers: input.headers, returnHeaders: true });
		const user = (response as { user?: { id: string; email: string } }).user;
		await recordAudit(db, {
			action: 'sign-in.succeeded',
			actor: user ? { id: user.id, email: user.email } : null,
			ip: input.ip,
			detail: { step: input.kind === 'totp' ? 'two-factor' : 'recovery-code' }
		});
		return { ok: true, headers };
	} catch (error) {
		if (!(error instanceof APIError)) throw error;
		const expired = error.status === 'UNAUTHORIZED' && /cookie|session|expired/i.test(error.message);
		await recordAudit(db, { action: 'two-factor.failed', ip: input.ip, detail: { kind: input.kind } });
		return { ok: false, reason: expired ? 'expired' : 'invalid' };
	}
}
