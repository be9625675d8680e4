import type { LayoutServerLoad } from './$types';
import { can, permissions, type Permission } from '$lib/people/roles';
import { requirePermission } from '$lib/server/people/guard';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const staff = requirePermission(locals, url, 'account.manage-own');
	const allowed = (Object.keys(permissions) as Permission[]).filter((p) => can(staff.role, p));
	// Only what the pages show: never the session token.
	return {
		staff: { id: staff.id, name: staff.name, email: staff.email, role: staff.role, twoFactorEnabled: staff.twoFactorEnabled },
		allowed
	};
};
