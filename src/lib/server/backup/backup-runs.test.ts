import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskStorage } from '$lib/server/platform/storage/disk-storage';
import { useTestDatabase } from '../../../../tests/support/test-database';
import { applyRetention, keptBackups, listBackups, runBackup } from './backup-runs';

const day = 24 * 60 * 60_000;

describe('retention', () => {
	/** One backup a day at 02:00 UTC for `days` days, ending on Friday 4 December 2026, newest first. */
	function daily(days: number) {
		const last = Date.parse('2026-12-04T02:00:00.000Z');
		return Array.from({ length: days }, (_, i) => ({ id: days - i, startedAt: new Date(last - i * day).toISOString() }));
	}

	it('keeps the last 7 days and the newest of each of the last 4 weeks', () => {
		const kept = keptBackups(daily(60));
		const byDate = new Map([...kept].map(([id, why]) => [daily(60).find((b) => b.id === id)!.startedAt.slice(0, 10), why]));
		expect(Object.fromEntries(byDate)).toEqual({
			'2026-12-04': ['daily', 'weekly'],
			'2026-12-03': ['daily'],
			'2026-12-02': ['daily'],
			'2026-12-01': ['daily'],
			'2026-11-30': ['daily'],
			'2026-11-29': ['daily', 'weekly'], // the Sunday that ends the week before
			'2026-11-28': ['daily'],
			'2026-11-22': ['weekly'],
			'2026-11-15': ['weekly']
		});
	});

	it('keeps the newest of a day with several, and counts only days and weeks that have a backup', () => {
		const backups = [
			{ id: 1, startedAt: '2026-10-01T02:00:00.000Z' },
			{ id: 2, startedAt: '2026-12-04T02:00:00.000Z' },
			{ id: 3, startedAt: '2026-12-04T15:30:00.000Z' }
		];
		expect(Object.fromEntries(keptBackups(backups))).toEqual({ 3: ['daily', 'weekly'], 1: ['daily', 'weekly'] });
	});
});

describe('backup runs', () => {
	const database = useTestDatabase('backup_run');
	const root = mkdtempSync(join(tmpdir(), 'arts-backup-runs-'));
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	it('records each run, deletes the archives retention does not keep, and shows the last failure plainly', async () => {
		const storage = new DiskStorage(root);
		const handle = { db: database.db, dialect: database.dialect, location: database.url ?? database.location, close: async () => {} };
		let now = Date.parse('2026-11-01T02:00:00.000Z');
		const clock = () => new Date(now);
		const made: string[] = [];
		for (let i = 0; i < 20; i++, now += day) {
			made.push((await runBackup({ database: handle, storage, secrets: { authSecret: 'x'.repeat(43) }, appVersion: 'test', clock }, 'daily')).key);
		}
		const stored: string[] = [];
		for await (const object of storage.list('backups/')) stored.push(object.key);
		// 7 days (14–20 November), and the newest of each of 4 weeks (Monday to Sunday): 20, 15, 8 and 1 November.
		expect(stored.sort()).toEqual([0, 7, ...Array.from({ length: 7 }, (_, i) => 13 + i)].map((i) => made[i]));

		const failing = new DiskStorage(join(root, 'not-a-folder', 'x'));
		rmSync(join(root, 'not-a-folder'), { force: true });
		await import('node:fs').then((fs) => fs.writeFileSync(join(root, 'not-a-folder'), 'a file where a folder should be'));
		await expect(runBackup({ database: handle, storage: failing, secrets: { authSecret: 'x'.repeat(43) }, appVersion: 'test', clock }, 'staff')).rejects.toThrow();
		const { backups, lastFailure } = await listBackups(database.db);
		expect(lastFailure?.trigger).toBe('staff');
		expect(lastFailure?.error).toMatch(/ENOTDIR|not a directory/);
		expect(backups.filter((b) => b.status === 'done')).toHaveLength(9);
		expect(backups.find((b) => b.status === 'done')?.keptBecause).toEqual(['daily', 'weekly']);

		// A week later with no new backup, nothing more goes: retention counts days that have one.
		expect(await applyRetention(database.db, storage, new Date(now + 7 * day))).toBe(0);
	}, 60_000);
});
