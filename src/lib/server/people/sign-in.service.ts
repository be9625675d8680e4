import { APIError } from 'better-auth/api';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { Auth } from '$lib/server/platform/auth';
import { recordAudit } from './audit';
import { checkSignInAllowed, recordSignInAttempt } from './sign-in-throttle';

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
	const verdict = await checkSignInAllowed(db, email, input.ip);
	if (!verdict.allowed) {
		await recordAudit(db, { action: 'sign-in.locked', subject: `email:${email}`, ip: input.ip, detail: { reason: verdict.reason } });
		return { ok: false, reason: verdict.reason, retryAfterMs: verdict.retryAfterMs };
	}

	const user = await db.selectFrom('user').select(['id', 'email', 'disabledAt']).where('email', '=', email).executeTakeFirst();
	const fail = async () => {
		await recordSignInAttempt(db, { email, ip: input.ip, succeeded: false });
		await recordAudit(db, {
			action: 'sign-in.failed',
			actor: user ? { id: user.id, email: user.email } : null,
			subject: `email:${email}`,
			ip: input.ip
		});
		return { ok: false as const, reason: 'invalid' as const };
	};
	// A disabled account answers exactly like a wrong password.
	if (!user || user.disabledAt) return fail();

	try {
		const { headers, response } = await auth.api.signInEmail({
			body: { email, password: input.password, rememberMe: false },
			headers: input.headers,
			returnHeaders: true
		});
		await recordSignInAttempt(db, { email, ip: input.ip, succeeded: true });
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

export type SecondStepResult = { ok: true; headers: Headers } | { ok: false; reason: 'invalid' | 'expired' };

/** The second step: a code from the authenticator app, or one of the recovery codes. */
export async function verifySecondFactor(
	db: Kysely<Database>,
	auth: Auth,
	input: { code: string; kind: 'totp' | 'recovery'; ip: string; headers: Headers }
): Promise<SecondStepResult> {
	const code = input.kind === 'totp' ? input.code.replace(/\s+/g, '') : input.code.trim();
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
