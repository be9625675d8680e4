import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an Authorization header carries the token. Both sides are hashed
 * first, so the comparison takes the same time whatever was sent, its length
 * included.
 */
export function bearerTokenMatches(authorization: string | null, token: string): boolean {
	const match = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
	if (!match) return false;
	const digest = (value: string) => createHash('sha256').update(value).digest();
	return timingSafeEqual(digest(match[1]!), digest(token));
}
