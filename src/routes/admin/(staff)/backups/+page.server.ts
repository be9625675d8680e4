import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { listBackups, requestBackup, retention } from '$lib/server/backup/backup-runs';
import { requirePermission } from '$lib/server/people/guard';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'backups.manage');
	const { backups, lastFailure } = await listBackups(app().db);
	return { backups, lastFailure, retention, storage: { kind: app().storage.kind, location: app().storage.location } };
};

export const actions = {
	now: async ({ locals, url }) => {
		const staff = requirePermission(locals, url, 'backups.manage');
		await requestBackup(app().jobs, staff);
		return { requested: true };
	}
} satisfies Actions;
