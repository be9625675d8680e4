import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplicationFileStorage } from '$lib/server/calls/application-files';
import { createTestDatabase } from '$lib/server/db/test-database';
import { runMaintenance } from '$lib/server/maintenance';
import { claimJobs, enqueueJob } from '$lib/server/platform/jobs/job-queue';
import { createLocalMediaStorage } from './media-storage';
import { sweepMediaLeftovers } from './media-leftovers';
import { mediaProcessJobKind } from './media.service';

/*
 * A process killed while it made a photo's files, or before its upload was
 * processed, leaves them on disk; so does one killed while it read an
 * application's upload. The daily housekeeping removes what is older than a
 * day and nothing that a job still needs.
 */
describe('what killed processes leave on disk', () => {
	let handle: Awaited<ReturnType<typeof createTestDatabase>>;
	const dataDir = mkdtempSync(join(tmpdir(), 'arts-leftovers-'));
	beforeAll(async () => {
		handle = await createTestDatabase();
	});
	afterAll(async () => {
		await handle.dispose();
		rmSync(dataDir, { recursive: true, force: true });
	});

	const now = Date.now();
	const twoDaysAgo = (now - 2 * 86_400_000) / 1000;
	const age = (path: string) => utimesSync(path, twoDaysAgo, twoDaysAgo);

	it('are swept by the daily housekeeping: old staging folders and uploads no job waits for; recent ones and those a job names are kept', async () => {
		const media = createLocalMediaStorage(dataDir);
		const applicationFiles = createApplicationFileStorage(dataDir);
		const incoming = join(media.root, '.incoming');
		mkdirSync(incoming, { recursive: true });
		mkdirSync(applicationFiles.incomingDir, { recursive: true });

		// A published photo's folder, however old, is never touched.
		mkdirSync(join(media.root, '7'), { recursive: true });
		writeFileSync(join(media.root, '7', '640.webp'), 'photo');
		age(join(media.root, '7'));
		// Staging folders: one abandoned two days ago, one being filled now.
		const abandoned = join(media.root, '.staging-abandoned');
		const filling = join(media.root, '.staging-filling');
		for (const folder of [abandoned, filling]) {
			mkdirSync(folder);
			writeFileSync(join(folder, '320.jpg'), 'part');
		}
		age(abandoned);
		// Uploads: an old one nobody will process, an old one a pending job and one a running job still name, a new one.
		const [orphan, pending, running, fresh] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
		for (const key of [orphan, pending, running, fresh]) writeFileSync(join(incoming, key), 'upload');
		for (const key of [orphan, pending, running]) age(join(incoming, key));
		await enqueueJob(handle.db, mediaProcessJobKind, { mediaId: 1, incoming: running }, { idempotencyKey: 'running' });
		await claimJobs(handle.db, { workerId: 'w', limit: 10, leaseMs: 60_000 });
		await enqueueJob(handle.db, mediaProcessJobKind, { mediaId: 2, incoming: pending }, { idempotencyKey: 'pending' });
		// An application's upload spooled by a request that never finished, and one being read now.
		writeFileSync(join(applicationFiles.incomingDir, 'spooled-old'), 'pdf');
		writeFileSync(join(applicationFiles.incomingDir, 'spooled-now'), 'pdf');
		age(join(applicationFiles.incomingDir, 'spooled-old'));

		const report = await runMaintenance(handle.db, now, {
			applicationFiles,
			sweepMediaLeftovers: (db, at) => sweepMediaLeftovers(db, media, at)
		});
		expect(report.leftoversSwept).toBe(3);
		expect(existsSync(abandoned)).toBe(false);
		expect(existsSync(join(incoming, orphan))).toBe(false);
		expect(existsSync(join(applicationFiles.incomingDir, 'spooled-old'))).toBe(false);
		for (const kept of [filling, join(media.root, '7', '640.webp'), join(incoming, pending), join(incoming, running), join(incoming, fresh), join(applicationFiles.incomingDir, 'spooled-now')]) {
			expect(existsSync(kept), kept).toBe(true);
		}
	});

	it('finds nothing to do where there is no media folder yet', async () => {
		expect(await sweepMediaLeftovers(handle.db, createLocalMediaStorage(join(dataDir, 'none')), now)).toBe(0);
	});
});
