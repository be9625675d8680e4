import { createHash, randomBytes } from 'node:crypto';

/*
 * The private link of an application (`/applications/[token]`): to resume a
 * draft, and after submitting to view, edit until the deadline or withdraw. The
 * token (32 random bytes, base64url) exists only in the applicant's e-mail and
 * browser; the database keeps its SHA-256, so a copy of the database opens no
 * one's application.
 */

export function newApplicationToken(): { token: string; hash: string } {
	const token = randomBytes(32).toString('base64url');
	return { token, hash: hashApplicationToken(token) };
}

export function hashApplicationToken(token: string): string {
	return createHash('sha256').update(token).digest('base64url');
}

/** The shape of a token we issue; anything else is not looked up at all. */
export function isWellFormedToken(token: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(token);
}
