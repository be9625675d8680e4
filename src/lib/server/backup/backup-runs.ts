import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '$lib/server/db/connect';
import type { BackupTrigger, Database } from '$lib/server/db/schema';
import type { DomainContext } from '$lib/server/platform/domain-context';
import { enqueueJob } from '$lib/server/platform/jobs/job-queue';
import type { JobHandler } from '$lib/server/platform/jobs/job-worker';
import type { ObjectStorage } from '$lib/server/platform/storage/object-storage';
import type { Secrets } from '$lib/server/platform/secrets';
import type { Actor } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';
import { backupFileName, backupFolderKey, createBackup } from './backup.service';

/*
 * The backups the app makes by itself: one a day through the jobs queue (so
 * one process makes it however many run), and one whenever staff ask. Each is
 * a backup run (a row) and an archive in the storage under backups/. After
 * each, retention keeps the newest archive of each of the last 7 days that
 * have one, and of each of the last 4 weeks, and deletes the rest.
 */

export const dailyBackupJobKind = 'backup.daily';
export const requestedBackupJobKind = 'backup.requested';
export const retention = { days: 7, weeks: 4 };

export interface BackupJobDependencies {
	database: DatabaseHandle;
	storage: ObjectStorage;
	secrets: Secrets;
	appVersion: string;
	clock?: () => Date;
}

/**
 * Asks for today's backup; the key makes it once a day, whichever process asks
 * first. It runs an hour after that first ask, not at once: a start is the
 * busiest moment (the demo's photos, migrations), and a process started for a
 * short task (a test, a one-off) then never makes one.
 */
export async function scheduleDailyBackup(db: Kysely<Database>, now = new Date()): Promise<void> {
	await enqueueJob(db, dailyBackupJobKind, {}, {
		idempotencyKey: `${dailyBackupJobKind}:${now.toISOString().slice(0, 10)}`,
		runAt: new Date(now.getTime() + 60 * 60_000),
		// A failed backup is tried again a few times; the admin shows the last failure.
		maxAttempts: 3
	});
}

/** Staff's "Back up now": a job (a backup takes minutes on a large site), asked for with its audit entry. */
export async function requestBackup(context: DomainContext, actor: Actor): Promise<void> {
	await runCommand(context, actor, async ({ trx, audit, now }) => {
		await enqueueJob(trx, requestedBackupJobKind, { by: actor.email }, { idempotencyKey: `${requestedBackupJobKind}:${now.toISOString()}:${actor.id}` });
		await audit({ action: 'backup.requested' });
	});
}

export function backupJobHandlers(dependencies: BackupJobDependencies): Record<string, JobHandler> {
	return {
		[dailyBackupJobKind]: async () => void (await runBackup(dependencies, 'daily')),
		[requestedBackupJobKind]: async () => void (await runBackup(dependencies, 'staff'))
	};
}

/**
 * Makes one backup into the storage and records it; then applies retention.
 * A failure is recorded with its reason (for the admin) and thrown again, so
 * the job is retried as any other.
 */
export async function runBackup(dependencies: BackupJobDependencies, trigger: BackupTrigger): Promise<{ id: number; key: string }> {
	const clock = dependencies.clock ?? (() => new Date());
	const db = dependencies.database.db;
	const started = clock();
	const key = `${backupFolderKey}${backupFileName(started)}`;
	const { id } = await db
		.insertInto('backup_run')
		.values({ trigger, status: 'running', storage_key: key, started_at: started.toISOString() })
		.returning('id')
		.executeTakeFirstOrThrow();
	try {
		const result = await createBackup(dependencies, { kind: 'storage', key }, started);
		await db
			.updateTable('backup_run')
			.set({
				status: 'done',
				finished_at: clock().toISOString(),
				bytes: result.size,
				rows: result.manifest.tables.reduce((n, t) => n + t.rows, 0),
				files: result.manifest.files.count
			})
			.where('id', '=', id)
			.execute();
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		await db.updateTable('backup_run').set({ status: 'failed', finished_at: clock().toISOString(), error: reason.split('\n')[0]!.slice(0, 500) }).where('id', '=', id).execute();
		throw error;
	}
	await applyRetention(db, dependencies.storage, clock());
	return { id, key };
}

export type KeptBecause = 'daily' | 'weekly';

/**
 * Which finished backups retention keeps, and why: the newest of each of the
 * `days` most recent days that have one, and the newest of each of the `weeks`
 * most recent weeks (Monday to Sunday, UTC) that have one. Days and weeks with
 * no backup do not count, so a site that was down a week keeps its history.
 */
export function keptBackups(backups: readonly { id: number; startedAt: string }[], limits = retention): Map<number, KeptBecause[]> {
	const newestFirst = [...backups].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id - a.id);
	const kept = new Map<number, KeptBecause[]>();
	const keep = (by: (startedAt: string) => string, count: number, because: KeptBecause) => {
		const seen = new Set<string>();
		for (const backup of newestFirst) {
			const period = by(backup.startedAt);
			if (seen.has(period)) continue;
			if (seen.size === count) break;
			seen.add(period);
			kept.set(backup.id, [...(kept.get(backup.id) ?? []), because]);
		}
	};
	keep((at) => at.slice(0, 10), limits.days, 'daily');
	keep(weekOf, limits.weeks, 'weekly');
	return kept;
}

/** The Monday that starts the week of a moment (UTC), as a date. */
function weekOf(at: string): string {
	const day = new Date(`${at.slice(0, 10)}T00:00:00Z`);
	day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
	return day.toISOString().slice(0, 10);
}

/** Deletes the archives retention does not keep, and records that; failed runs are forgotten after the 4 weeks. */
export async function applyRetention(db: Kysely<Database>, storage: ObjectStorage, now: Date): Promise<number> {
	const finished = await db.selectFrom('backup_run').select(['id', 'started_at', 'storage_key']).where('status', '=', 'done').where('deleted_at', 'is', null).execute();
	const kept = keptBackups(finished.map((row) => ({ id: row.id, startedAt: row.started_at })));
	let deleted = 0;
	for (const row of finished) {
		if (kept.has(row.id)) continue;
		await storage.delete(row.storage_key);
		await db.updateTable('backup_run').set({ deleted_at: now.toISOString() }).where('id', '=', row.id).execute();
		deleted += 1;
	}
	const forgetBefore = new Date(now.getTime() - retention.weeks * 7 * 24 * 60 * 60_000).toISOString();
	await db.deleteFrom('backup_run').where('status', '=', 'failed').where('started_at', '<', forgetBefore).execute();
	return deleted;
}

export interface BackupListing {
	id: number;
	trigger: BackupTrigger;
	status: 'running' | 'done' | 'failed';
	storageKey: string;
	startedAt: string;
	finishedAt: string | null;
	bytes: number | null;
	error: string | null;
	keptBecause: KeptBecause[];
}

/** The backups staff see: kept archives and recent failures, newest first; and the last failure since the last success. */
export async function listBackups(db: Kysely<Database>): Promise<{ backups: BackupListing[]; lastFailure: BackupListing | undefined }> {
	const rows = await db.selectFrom('backup_run').selectAll().where('deleted_at', 'is', null).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(60).execute();
	const kept = keptBackups(rows.filter((row) => row.status === 'done').map((row) => ({ id: row.id, startedAt: row.started_at })));
	const backups = rows.map((row) => ({
		id: row.id,
		trigger: row.trigger,
		status: row.status,
		storageKey: row.storage_key,
		startedAt: row.started_at,
		finishedAt: row.finished_at,
		bytes: row.bytes === null ? null : Number(row.bytes),
		error: row.error,
		keptBecause: kept.get(row.id) ?? []
	}));
	const lastDone = backups.find((backup) => backup.status === 'done');
	const lastFailure = backups.find((backup) => backup.status === 'failed' && (!lastDone || backup.startedAt > lastDone.startedAt));
	return { backups, lastFailure };
}
