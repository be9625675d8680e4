/**
 * Backup and restore of a site with 10,000 subscribers and about 1 GB of
 * stored files (SUBSCRIBERS=…, MEGABYTES=…): the demo content, the
 * subscribers, and photo-sized files of random bytes (which do not compress,
 * as photos do not), in a temporary data folder removed afterwards. Times
 * `createBackup` into a file and `restoreBackup` into an empty folder, with
 * the throughput and the process's peak memory (RSS) during each.
 *
 * Run: npx tsx scripts/bench-backup.ts (TEST_DATABASE_URL=postgres://… to use
 * fresh PostgreSQL databases on that server instead of SQLite).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../src/lib/server/db/test-database.ts';
import { demoContent } from '../src/lib/server/demo/demo-content.ts';
import { seedDemoContent } from '../src/lib/server/demo/demo-seed.ts';
import { DiskStorage } from '../src/lib/server/platform/storage/disk-storage.ts';
import { archiveSource, createBackup, restoreBackup } from '../src/lib/server/backup/backup.service.ts';

const subscribers = Number(process.env.SUBSCRIBERS ?? 10_000);
const megabytes = Number(process.env.MEGABYTES ?? 1024);
const folder = mkdtempSync(join(tmpdir(), 'arts-bench-backup-'));

/** Runs `work`, sampling the RSS every 50 ms; returns its time and the highest sample. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakMb: number; beforeMb: number }> {
	let peak = process.memoryUsage.rss();
	const beforeMb = peak / 1e6;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
	const started = performance.now();
	try {
		const result = await work();
		peak = Math.max(peak, process.memoryUsage.rss());
		return { result, seconds: (performance.now() - started) / 1000, peakMb: peak / 1e6, beforeMb };
	} finally {
		clearInterval(timer);
	}
}

const source = await createTestDatabase();
const target = await createTestDatabase({ migrate: false });
try {
	const sourceStorage = new DiskStorage(join(folder, 'source'));
	const targetStorage = new DiskStorage(join(folder, 'target'));
	const now = new Date().toISOString();
	await seedDemoContent(source.db, demoContent, now);
	for (let start = 0; start < subscribers; start += 1000) {
		await source.db
			.insertInto('subscriber')
			.values(
				Array.from({ length: Math.min(1000, subscribers - start) }, (_, i) => ({
					email: `reader${start + i}@example.org`,
					name: `Reader ${start + i}`,
					status: 'confirmed' as const,
					topics: '["news"]',
					consent_text_version: 1,
					created_at: now,
					confirmed_at: now,
					updated_at: now
				}))
			)
			.execute();
	}
	// Photo-sized files: a 2 MB original-like file and six smaller variants per photo, ~4 MB each.
	const sizes = [2_000_000, 800_000, 500_000, 300_000, 200_000, 150_000, 100_000];
	let written = 0;
	for (let photo = 1; written < megabytes * 1e6; photo++) {
		for (const [i, size] of sizes.entries()) {
			await sourceStorage.put(`media/${photo}/${i === 0 ? 'original.jpg' : `${[2400, 1600, 1200, 800, 640, 320][i - 1]}.webp`}`, randomBytes(size));
			written += size;
		}
	}
	const archive = join(folder, 'site.tar');
	const secrets = { authSecret: randomBytes(32).toString('base64url') };
	const backup = await measured(() => createBackup({ database: source, storage: sourceStorage, secrets, appVersion: 'bench' }, { kind: 'file', path: archive }));
	const size = statSync(archive).size;
	const restore = await measured(() => restoreBackup(archiveSource({ kind: 'file', path: archive }, targetStorage), { database: target, storage: targetStorage, dataDir: join(folder, 'target') }));
	const rows = backup.result.manifest.tables.reduce((n, t) => n + t.rows, 0);
	const mb = size / 1e6;
	console.log(`${source.dialect}: ${rows} rows (${subscribers} subscribers), ${backup.result.manifest.files.count} files, archive ${mb.toFixed(0)} MB`);
	console.log(`backup:  ${backup.seconds.toFixed(1)} s, ${(mb / backup.seconds).toFixed(0)} MB/s, peak RSS ${backup.peakMb.toFixed(0)} MB (${backup.beforeMb.toFixed(0)} MB before)`);
	console.log(`restore: ${restore.seconds.toFixed(1)} s (the archive read twice: checked whole, then written), ${(mb / restore.seconds).toFixed(0)} MB/s, peak RSS ${restore.peakMb.toFixed(0)} MB (${restore.beforeMb.toFixed(0)} MB before)`);
} finally {
	await source.dispose();
	await target.dispose();
	rmSync(folder, { recursive: true, force: true });
}
