import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/*
 * Recovery codes people copy by hand from paper: only characters that cannot
 * be mistaken for one another (no 0/o, 1/l/i), in groups of four. Twelve
 * characters from 31 keep the strength of better-auth's own codes (about 59
 * bits) while being easier to read aloud and type.
 */

/** Digits 2-9 and lower-case letters without i, l and o. */
export const recoveryCodeAlphabet = '23456789abcdefghjkmnpqrstuvwxyz';
const groups = 3;
const groupLength = 4;
export const recoveryCodePattern = new RegExp(`^[${recoveryCodeAlphabet}]{${groupLength}}(-[${recoveryCodeAlphabet}]{${groupLength}}){${groups - 1}}$`);

/** Ten new codes, each `xxxx-xxxx-xxxx` (better-auth's `customBackupCodesGenerate`). */
export function generateRecoveryCodes(amount = 10): string[] {
	return Array.from({ length: amount }, () => {
		const chars = Array.from({ length: groups * groupLength }, () => recoveryCodeAlphabet[randomInt(recoveryCodeAlphabet.length)]);
		return Array.from({ length: groups }, (_, g) => chars.slice(g * groupLength, (g + 1) * groupLength).join('')).join('-');
	});
}

/**
 * A recovery code as typed: capitals, spaces and missing dashes are forgiven for
 * codes of this alphabet. Codes made before it (ten characters, mixed case) are
 * kept exactly as typed, so they still work.
 */
export function normalizeRecoveryCode(typed: string): string {
	const compact = typed.replace(/[\s-]+/g, '').toLowerCase();
	if (compact.length !== groups * groupLength || [...compact].some((c) => !recoveryCodeAlphabet.includes(c))) return typed.trim();
	return Array.from({ length: groups }, (_, g) => compact.slice(g * groupLength, (g + 1) * groupLength)).join('-');
}

/** A TOTP key (base32) in blocks of four, as people type it into an app. */
export function groupKey(key: string): string {
	return key.match(/.{1,4}/g)?.join(' ') ?? '';
}

/** The text file of the codes: who they belong to, how to use them, one code a line. */
export function recoveryCodesFile(input: { site: string; email: string; codes: string[]; intro: string }): string {
	return [input.site, input.email, '', input.intro, '', ...input.codes, ''].join('\r\n');
}

/*
 * The download of the codes: allowed only for a short while after they were
 * made and shown, to the person they belong to, and only while they are still
 * the current ones. The codes are never kept in the ticket: it is a signed note
 * (an HttpOnly cookie) of who may download, until when, and a fingerprint of the
 * stored (encrypted) codes, so making new codes ends the old ticket at once.
 */

export const downloadTicketMinutes = 10;
/** The cookie that carries the ticket, sent only to the account page and its download. */
export const recoveryCodesCookie = 'arts_recovery_codes';

function sign(secret: string, payload: string): string {
	return createHmac('sha256', secret).update(`recovery-codes-download\0${payload}`).digest('base64url');
}

/** A fingerprint of the stored codes (their ciphertext), never the codes themselves. */
export function codesFingerprint(storedCodes: string): string {
	return createHash('sha256').update(storedCodes).digest('base64url').slice(0, 22);
}

export function createDownloadTicket(secret: string, input: { userId: string; fingerprint: string; now: Date }): string {
	const expires = input.now.getTime() + downloadTicketMinutes * 60_000;
	const payload = `${Buffer.from(input.userId).toString('base64url')}.${expires}.${input.fingerprint}`;
	return `${payload}.${sign(secret, payload)}`;
}

/** Whether the ticket is genuine, unexpired, this person's, and for the codes stored now. */
export function checkDownloadTicket(secret: string, ticket: string | undefined, input: { userId: string; fingerprint: string; now: Date }): boolean {
	if (!ticket) return false;
	const parts = ticket.split('.');
	if (parts.length !== 4) return false;
	const [user, expires, fingerprint, signature] = parts as [string, string, string, string];
	const expected = Buffer.from(sign(secret, `${user}.${expires}.${fingerprint}`));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
	return Buffer.from(user, 'base64url').toString() === input.userId && Number(expires) > input.now.getTime() && fingerprint === input.fingerprint;
}
