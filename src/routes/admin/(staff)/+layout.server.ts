import type { LayoutServerLoad } from './$types';
import { can, permissions, type Permission } from '$lib/people/roles';
import type { StaffClock } from '$lib/i18n/staff-clock';
import { requirePermission } from '$lib/server/people/guard';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const staff = requirePermission(locals, url, 'account.manage-own');
	const allowed = (Object.keys(permissions) as Permission[]).filter((p) => can(staff.role, p));
	// Times in the person's zone; in UTC, named, until they choose one.
	const clock: StaffClock = { locale: staff.locale, timeZone: staff.timeZone ?? 'UTC' };
	// Only what the pages show: never the session token.
	return {
		staff: { id: staff.id, name: staff.name, email: staff.email, role: staff.role, twoFactorEnabled: staff.twoFactorEnabled },
		allowed,
		clock,
		choosePreferences: staff.timeZone === null
	};
};
