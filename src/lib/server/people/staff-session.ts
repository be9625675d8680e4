import { isRole } from '$lib/people/roles';
import type { Auth } from '$lib/server/platform/auth';

/** Who is signed in, from the session cookie; a disabled account has no session. */
export async function staffFromSession(auth: Auth, headers: Headers): Promise<App.Locals['staff']> {
	if (!headers.get('cookie')) return null;
	const session = await auth.api.getSession({ headers });
	if (!session) return null;
	const user = session.user as typeof session.user & { role?: string; locale?: string; disabledAt?: string | null };
	if (user.disabledAt || !isRole(user.role)) return null;
	return {
		id: user.id,
		name: user.name,
		email: user.email,
		role: user.role,
		locale: user.locale ?? 'en',
		twoFactorEnabled: Boolean(user.twoFactorEnabled),
		sessionToken: session.session.token
	};
}
