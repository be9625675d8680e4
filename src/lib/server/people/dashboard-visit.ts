import type { Db } from '$lib/server/db/schema';

/** Marks this visit; returns when the one before began (null for a first visit). */
export async function markDashboardVisit(db: Db, userId: string, now: Date): Promise<string | null> {
	const row = await db.selectFrom('user').select('dashboardSeenAt').where('id', '=', userId).executeTakeFirst();
	await db.updateTable('user').set({ dashboardSeenAt: now.toISOString() }).where('id', '=', userId).execute();
	return row?.dashboardSeenAt ?? null;
}
