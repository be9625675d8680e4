import type { Kysely } from 'kysely';
import { isRole } from '$lib/people/roles';
import { baseLocale, isLocale } from '$lib/i18n/locales';
import { isTimeZone } from '$lib/i18n/staff-clock';
import type { Database } from '$lib/server/db/schema';
import type { Auth } from '$lib/server/platform/auth';

/** How often a session's last use is written down: often enough for the idle limit, not on every click. */
const markUseEveryMs = 60_000;

/**
 * Who is signed in, from the session cookie. A disabled account has no session;
 * one left unused for longer than the idle limit has ended ('idle': it is deleted,
 * so it cannot be used again). One still in use is marked as used now.
 */
export async function staffFromSession(
	sessions: { auth: Auth; db: Kysely<Database>; idleLimitMs: number },
	headers: Headers,
	now = Date.now()
): Promise<App.Locals['staff'] | 'idle'> {
	if (!headers.get('cookie')) return null;
	const session = await sessions.auth.api.getSession({ headers });
	if (!session) return null;
	const user = session.user as typeof session.user & { role?: string; locale?: string; timeZone?: string | null; disabledAt?: string | null };
	if (user.disabledAt || !isRole(user.role)) return null;
	if ((await keepSessionAlive(sessions.db, session.session, sessions.idleLimitMs, now)) === 'idle') return 'idle';
	return {
		id: user.id,
		name: user.name,
		email: user.email,
		role: user.role,
		locale: isLocale(user.locale) ? user.locale : baseLocale,
		timeZone: isTimeZone(user.timeZone) ? user.timeZone : null,
		twoFactorEnabled: Boolean(user.twoFactorEnabled),
		sessionToken: session.session.token
	};
}

/**
 * A staff session left unused for longer than the idle limit ends: it is
 * deleted. Its `updatedAt` is its last use (better-auth sets it too, when it
 * renews a session); better-auth's own expiry stays the upper bound.
 */
export async function keepSessionAlive(
	db: Kysely<Database>,
	session: { token: string; updatedAt: Date },
	idleLimitMs: number,
	now = Date.now()
): Promise<'active' | 'idle'> {
	const unusedFor = now - session.updatedAt.getTime();
	if (unusedFor > idleLimitMs) {
		await db.deleteFrom('session').where('token', '=', session.token).execute();
		return 'idle';
	}
	if (unusedFor > markUseEveryMs) {
		await db.updateTable('session').set({ updatedAt: new Date(now) }).where('token', '=', session.token).execute();
	}
	return 'active';
}
