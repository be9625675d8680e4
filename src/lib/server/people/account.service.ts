import { recordAudit, type Actor, type AuditAction } from '$lib/server/shared/audit';
import { asRequestCookies } from './cookies';
import type { PeopleContext } from './people.wiring';
import { throttledPasswordCheck, type PasswordCheckResult } from './sign-in.service';

/*
 * A staff member's own account: the password, two-step sign-in and its recovery
 * codes. better-auth makes each change, in a transaction of its own that the
 * app cannot join, so the audit entry is written here right after the change
 * went through. Every change that needs the password runs under the sign-in
 * throttle (`throttledPasswordCheck`).
 */

interface Request {
	/** The request's headers: better-auth finds the session in their cookies. */
	headers: Headers;
	ip: string;
}

async function recorded(people: PeopleContext, staff: Actor, action: AuditAction, ip: string): Promise<void> {
	await recordAudit(people.db, { action, actor: staff, ip }, people.clock().toISOString());
}

/** A better-auth change that needs the password: under the throttle, and in the audit log once it went through. */
async function withPassword<T>(people: PeopleContext, staff: Actor, ip: string, action: AuditAction, change: () => Promise<T>): Promise<PasswordCheckResult<T>> {
	const result = await throttledPasswordCheck(people.db, { staff, ip }, change);
	if (result.ok) await recorded(people, staff, action, ip);
	return result;
}

/** Every other session of the person ends; the returned headers renew this one. */
export async function changeOwnPassword(people: PeopleContext, staff: Actor, input: Request & { current: string; next: string }) {
	return withPassword(people, staff, input.ip, 'password.changed', () =>
		people.auth.api.changePassword({
			body: { currentPassword: input.current, newPassword: input.next, revokeOtherSessions: true },
			headers: input.headers,
			returnHeaders: true
		})
	);
}

/** The first step of turning two-step sign-in on: the secret to scan and the recovery codes; nothing is on until `confirmTwoFactor`. */
export async function startTwoFactor(people: PeopleContext, staff: Actor, input: Request & { password: string }) {
	return throttledPasswordCheck(people.db, { staff, ip: input.ip }, () => people.auth.api.enableTwoFactor({ body: { password: input.password }, headers: input.headers }));
}

/** Turns two-step sign-in on with a first code from the app. Throws better-auth's APIError for a wrong code. */
export async function confirmTwoFactor(people: PeopleContext, staff: Actor, input: Request & { code: string }): Promise<Headers> {
	const { headers } = await people.auth.api.verifyTOTP({ body: { code: input.code }, headers: input.headers, returnHeaders: true });
	await recorded(people, staff, 'two-factor.enabled', input.ip);
	return headers;
}

/**
 * Turns two-step sign-in off. Sessions that passed the second step elsewhere
 * end, as after a password change: only the renewed one (in the returned headers) stays.
 */
export async function disableTwoFactor(people: PeopleContext, staff: Actor, input: Request & { password: string }) {
	const result = await throttledPasswordCheck(people.db, { staff, ip: input.ip }, () =>
		people.auth.api.disableTwoFactor({ body: { password: input.password }, headers: input.headers, returnHeaders: true })
	);
	if (!result.ok) return result;
	await people.auth.api.revokeOtherSessions({ headers: asRequestCookies(result.value.headers) });
	await recorded(people, staff, 'two-factor.disabled', input.ip);
	return result;
}

/** New recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(people: PeopleContext, staff: Actor, input: Request & { password: string }) {
	return withPassword(people, staff, input.ip, 'recovery-codes.regenerated', () =>
		people.auth.api.generateBackupCodes({ body: { password: input.password }, headers: input.headers })
	);
}
