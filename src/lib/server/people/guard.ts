import { error, redirect } from '@sveltejs/kit';
import { can, type Permission } from '$lib/people/roles';
import { adminUrls, isAdminPath } from '$lib/admin/urls';
import { staffFromSession } from './staff-session';

type Staff = NonNullable<App.Locals['staff']>;

/**
 * The first line of every admin load and action. Nobody signed in: to the
 * sign-in page (and back afterwards). Signed in without the permission: 403.
 * An admin without two-factor may only reach their own account page, to set it up.
 */
export function requirePermission(locals: App.Locals, url: URL, permission: Permission): Staff {
	const staff = locals.staff;
	if (!staff) {
		const next = url.pathname + url.search;
		redirect(303, adminUrls.loginThen(next, { idle: locals.staffSessionIdle }));
	}
	if (mustSetUpTwoFactor(staff) && permission !== 'account.manage-own') {
		redirect(303, `${adminUrls.account}#two-factor`);
	}
	if (!can(staff.role, permission)) error(403, 'You do not have access to this part of the admin.');
	return staff;
}

/** Two-factor sign-in is required for admins and offered to everyone. */
export function mustSetUpTwoFactor(staff: Staff): boolean {
	return staff.role === 'admin' && !staff.twoFactorEnabled;
}

/** A base for reading a path on its own; never shown to anyone. */
const sameSite = 'http://same-site.invalid';

/**
 * Only same-site paths inside the admin, so the sign-in page cannot be used to
 * send people elsewhere. The answer goes into a Location header: control
 * characters (a header injection) are refused, and text beyond ASCII comes back
 * percent-encoded, as a browser would send it.
 */
export function safeNext(next: string | null): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || /[\p{Cc}\\]/u.test(next)) return adminUrls.dashboard;
	const url = new URL(next, sameSite);
	// Read after resolving dot segments, so `/admin/../x` counts as the /x it leads to.
	if (url.origin !== sameSite || !isAdminPath(url.pathname)) return adminUrls.dashboard;
	return url.pathname + url.search + url.hash;
}

/**
 * For endpoints outside the admin that serve staff more than visitors (a photo's
 * files and image service before it is published): whether the session behind
 * these headers is staff's, active, with two-factor set up, and allowed `permission`.
 */
export async function sessionMay(
	sessions: Parameters<typeof staffFromSession>[0],
	headers: Headers,
	permission: Permission
): Promise<boolean> {
	const staff = await staffFromSession(sessions, headers);
	return staff !== null && staff !== 'idle' && !mustSetUpTwoFactor(staff) && can(staff.role, permission);
}
