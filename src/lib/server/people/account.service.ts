import { symmetricDecrypt } from 'better-auth/crypto';
import { recordAudit, type Actor, type AuditAction } from '$lib/server/shared/audit';
import { asRequestCookies } from './cookies';
import type { PeopleContext } from './people.wiring';
import { checkDownloadTicket, codesFingerprint, createDownloadTicket, recoveryCodesFile } from './recovery-codes';
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

/**
 * The first step of turning two-step sign-in on: a new secret, kept (with its
 * recovery codes) until a code from the app confirms it. Also "start over": a
 * set-up still waiting gets a new secret, and the old one stops mattering.
 * Nothing is on until `confirmTwoFactor`.
 */
export async function startTwoFactor(people: PeopleContext, staff: Actor, input: Request & { password: string }) {
	return throttledPasswordCheck(people.db, { staff, ip: input.ip }, () => people.auth.api.enableTwoFactor({ body: { password: input.password }, headers: input.headers }));
}

/** better-auth's row of a person's two-step secret and recovery codes (both encrypted with the app's secret). */
interface TwoFactorRow {
	secret: string;
	backupCodes: string;
	verified?: boolean | null;
}

async function twoFactorRow(people: PeopleContext, userId: string): Promise<TwoFactorRow | null> {
	const context = await people.auth.$context;
	return context.adapter.findOne<TwoFactorRow>({ model: 'twoFactor', where: [{ field: 'userId', value: userId }] });
}

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += base32Alphabet[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0) out += base32Alphabet[(value << (5 - bits)) & 31];
	return out;
}

/**
 * The set-up waiting for its first code, if there is one: the same secret on
 * every visit (after a wrong code, a reload, a new sign-in) until it is
 * confirmed or started over, so the entry already saved in the app keeps
 * working. As the otpauth URI an authenticator app reads, the one better-auth
 * gave when the set-up started. Shown to the signed-in person without asking
 * for the password again: until a code confirms it, the secret guards nothing,
 * and starting over (which makes a new one) does ask for the password.
 */
export async function pendingTwoFactor(people: PeopleContext, staff: Actor & { twoFactorEnabled: boolean }): Promise<{ totpURI: string; key: string } | null> {
	if (staff.twoFactorEnabled) return null;
	const row = await twoFactorRow(people, staff.id);
	if (!row || row.verified !== false) return null;
	const context = await people.auth.$context;
	const secret = await symmetricDecrypt({ key: context.secretConfig, data: row.secret });
	const key = base32(new TextEncoder().encode(secret));
	const issuer = context.appName;
	const params = new URLSearchParams({ secret: key, issuer, digits: '6', period: '30' });
	return { totpURI: `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(staff.email)}?${params}`, key };
}

/** The person's current recovery codes, decrypted: only to show them right after they were made. */
async function currentRecoveryCodes(people: PeopleContext, userId: string): Promise<string[]> {
	const { backupCodes } = await people.auth.api.viewBackupCodes({ body: { userId } });
	return backupCodes;
}

export interface FreshRecoveryCodes {
	codes: string[];
	/** A signed note that lets this person download these codes for a few minutes (see recovery-codes.ts). */
	downloadTicket: string;
}

async function freshCodes(people: PeopleContext, userId: string): Promise<FreshRecoveryCodes> {
	const row = await twoFactorRow(people, userId);
	if (!row) throw new Error('no recovery codes stored');
	const { secret } = await people.auth.$context;
	const downloadTicket = createDownloadTicket(secret, { userId, fingerprint: codesFingerprint(row.backupCodes), now: people.clock() });
	return { codes: await currentRecoveryCodes(people, userId), downloadTicket };
}

/**
 * Turns two-step sign-in on with a first code from the app. A wrong code leaves
 * the set-up as it was (same secret). Returns the renewed session's headers and
 * the recovery codes, shown now and only now. Throws better-auth's APIError for a wrong code.
 */
export async function confirmTwoFactor(
	people: PeopleContext,
	staff: Actor,
	input: Request & { code: string }
): Promise<{ headers: Headers; recovery: FreshRecoveryCodes }> {
	const { headers } = await people.auth.api.verifyTOTP({ body: { code: input.code }, headers: input.headers, returnHeaders: true });
	await recorded(people, staff, 'two-factor.enabled', input.ip);
	return { headers, recovery: await freshCodes(people, staff.id) };
}

/**
 * The recovery codes as a download: only with the ticket given when they were
 * made (a few minutes), to the same person, and while they are still the
 * current codes. Otherwise null: codes shown once cannot be read again later.
 */
export async function recoveryCodesForDownload(people: PeopleContext, staff: Actor, input: { ticket: string | undefined; intro: string }): Promise<string | null> {
	const row = await twoFactorRow(people, staff.id);
	if (!row || row.verified === false) return null;
	const { secret, appName } = await people.auth.$context;
	if (!checkDownloadTicket(secret, input.ticket, { userId: staff.id, fingerprint: codesFingerprint(row.backupCodes), now: people.clock() })) return null;
	return recoveryCodesFile({ site: appName, email: staff.email, codes: await currentRecoveryCodes(people, staff.id), intro: input.intro });
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

/** New recovery codes; the old ones stop working. Shown now, with a short-lived ticket to download them. */
export async function regenerateRecoveryCodes(
	people: PeopleContext,
	staff: Actor,
	input: Request & { password: string }
): Promise<PasswordCheckResult<FreshRecoveryCodes>> {
	const result = await withPassword(people, staff, input.ip, 'recovery-codes.regenerated', () =>
		people.auth.api.generateBackupCodes({ body: { password: input.password }, headers: input.headers })
	);
	if (!result.ok) return result;
	return { ok: true, value: await freshCodes(people, staff.id) };
}
