import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connect';
import { useTestDatabase } from '../../../../../tests/support/test-database';
import {
	claimJobs,
	completeJob,
	countJobsByStatus,
	enqueueJob,
	failJob,
	getJob,
	jobPayload,
	listJobs,
	retryDelayMs,
	retryJob
} from './job-queue';
import { sleep } from '../../../../../tests/support/waiting';

const lease = { leaseMs: 60_000 };

describe('the jobs queue', () => {
	const handle = useTestDatabase('job');

	async function getJobOrThrow(id: number) {
		const job = await getJob(handle.db, id);
		if (!job) throw new Error(`job ${id} is gone`);
		return job;
	}

	it('adds one job per idempotency key, however often it is enqueued', async () => {
		const first = await enqueueJob(handle.db, 'test.echo', { n: 1 }, { idempotencyKey: 'order:7' });
		const again = await enqueueJob(handle.db, 'test.echo', { n: 2 }, { idempotencyKey: 'order:7' });
		expect(first.created).toBe(true);
		expect(again).toEqual({ id: first.id, created: false });
		// The first payload stands.
		expect(jobPayload(await getJobOrThrow(first.id))).toEqual({ n: 1 });

		// Concurrent enqueues of one key, as two requests retrying at once would make.
		const racing = await Promise.all(
			Array.from({ length: 8 }, () => enqueueJob(handle.db, 'test.echo', {}, { idempotencyKey: 'order:8' }))
		);
		expect(new Set(racing.map((r) => r.id)).size).toBe(1);
		expect(racing.filter((r) => r.created)).toHaveLength(1);

		// Jobs without a key are all kept.
		await enqueueJob(handle.db, 'test.echo', {});
		await enqueueJob(handle.db, 'test.echo', {});
		expect((await countJobsByStatus(handle.db)).pending).toBe(4);
	});

	it('claims only jobs whose run_at has come, earliest first, and leases them to the worker', async () => {
		const later = await enqueueJob(handle.db, 'test.echo', {}, { runAt: new Date(Date.now() + 3_600_000) });
		const now = await enqueueJob(handle.db, 'test.echo', {});
		const earlier = await enqueueJob(handle.db, 'test.echo', {}, { runAt: new Date(Date.now() - 60_000) });

		const claimed = await claimJobs(handle.db, { workerId: 'w1', limit: 10, ...lease });
		expect(claimed.map((j) => j.id)).toEqual([earlier.id, now.id]);
		for (const job of claimed) {
			expect(job.status).toBe('running');
			expect(job.locked_by).toBe('w1');
			expect(job.attempts).toBe(1);
			expect(job.locked_until! > job.updated_at).toBe(true);
		}
		expect((await getJobOrThrow(later.id)).status).toBe('pending');
		expect(await claimJobs(handle.db, { workerId: 'w2', limit: 10, ...lease })).toEqual([]);

		await handle.db.updateTable('job').set({ run_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', later.id).execute();
		expect((await claimJobs(handle.db, { workerId: 'w2', limit: 10, ...lease })).map((j) => j.id)).toEqual([later.id]);
	});

	it('claims at most the limit, and only the kinds asked for', async () => {
		for (let i = 0; i < 3; i++) await enqueueJob(handle.db, 'test.a', { i });
		await enqueueJob(handle.db, 'test.b', {});
		const two = await claimJobs(handle.db, { workerId: 'w', limit: 2, kinds: ['test.a'], ...lease });
		expect(two.map((j) => j.kind)).toEqual(['test.a', 'test.a']);
		const rest = await claimJobs(handle.db, { workerId: 'w', limit: 5, kinds: ['test.a'], ...lease });
		expect(rest.map((j) => j.kind)).toEqual(['test.a']);
		expect((await claimJobs(handle.db, { workerId: 'w', limit: 5, ...lease })).map((j) => j.kind)).toEqual(['test.b']);
	});

	it('lets another worker take a job whose worker died, once the lease has run out', async () => {
		const { id } = await enqueueJob(handle.db, 'test.echo', {});
		const [taken] = await claimJobs(handle.db, { workerId: 'dead', limit: 1, leaseMs: 300 });
		expect(taken?.id).toBe(id);
		// Still leased: nobody else gets it.
		expect(await claimJobs(handle.db, { workerId: 'alive', limit: 1, leaseMs: 60_000 })).toEqual([]);

		await sleep(450);
		const [retaken] = await claimJobs(handle.db, { workerId: 'alive', limit: 1, leaseMs: 60_000 });
		expect(retaken).toMatchObject({ id, locked_by: 'alive', attempts: 2, status: 'running' });

		// The dead worker, should it wake up, no longer holds the job.
		expect(await completeJob(handle.db, id, 'dead')).toBe(false);
		expect(await failJob(handle.db, id, 'dead', new Error('late'))).toBe('not-held');
		expect(await completeJob(handle.db, id, 'alive')).toBe(true);
		const done = await getJobOrThrow(id);
		expect(done).toMatchObject({ status: 'done', locked_by: null, locked_until: null });
		expect(done.finished_at).not.toBeNull();
	});

	it('marks a job failed instead of running it again when its lease ran out on its last attempt', async () => {
		const { id } = await enqueueJob(handle.db, 'test.crash', {}, { maxAttempts: 1 });
		await claimJobs(handle.db, { workerId: 'dead', limit: 1, leaseMs: 200 });
		await sleep(350);
		expect(await claimJobs(handle.db, { workerId: 'alive', limit: 1, ...lease })).toEqual([]);
		const job = await getJobOrThrow(id);
		expect(job.status).toBe('failed');
		expect(job.last_error).toMatch(/lease ran out/);
	});

	it('retries a failing job with growing delays, then keeps it as failed with its error', async () => {
		expect([1, 2, 3, 8, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);

		const { id } = await enqueueJob(handle.db, 'test.flaky', {}, { maxAttempts: 3 });
		const makeDue = () =>
			handle.db.updateTable('job').set({ run_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', id).execute();

		for (const attempt of [1, 2]) {
			const [job] = await claimJobs(handle.db, { workerId: 'w', limit: 1, ...lease });
			expect(job?.attempts).toBe(attempt);
			expect(await failJob(handle.db, id, 'w', new Error(`SMTP down ${attempt}`))).toBe('retrying');
			const row = await getJobOrThrow(id);
			expect(row).toMatchObject({ status: 'pending', locked_by: null, finished_at: null });
			expect(row.last_error).toContain(`SMTP down ${attempt}`);
			// Both times come from one reading of the database's clock.
			expect(Date.parse(row.run_at) - Date.parse(row.updated_at)).toBe(retryDelayMs(attempt));
			expect(await claimJobs(handle.db, { workerId: 'w', limit: 1, ...lease })).toEqual([]);
			await makeDue();
		}

		await claimJobs(handle.db, { workerId: 'w', limit: 1, ...lease });
		expect(await failJob(handle.db, id, 'w', new Error('SMTP down for good'))).toBe('failed');
		const failed = await getJobOrThrow(id);
		expect(failed).toMatchObject({ status: 'failed', attempts: 3, locked_by: null });
		expect(failed.last_error).toContain('SMTP down for good');
		expect(failed.finished_at).not.toBeNull();
		await makeDue();
		expect(await claimJobs(handle.db, { workerId: 'w', limit: 1, ...lease })).toEqual([]);
	});

	it('puts a failed job back in the queue when staff retry it, and only a failed one', async () => {
		const { id } = await enqueueJob(handle.db, 'test.flaky', {}, { maxAttempts: 1 });
		await claimJobs(handle.db, { workerId: 'w', limit: 1, ...lease });
		expect(await retryJob(handle.db, id)).toBe(false); // running, not failed
		await failJob(handle.db, id, 'w', new Error('broken'));

		expect(await retryJob(handle.db, id)).toBe(true);
		expect(await retryJob(handle.db, id)).toBe(false); // a second click changes nothing
		const row = await getJobOrThrow(id);
		expect(row).toMatchObject({ status: 'pending', attempts: 0, finished_at: null });
		expect(row.last_error).toContain('broken');

		const [again] = await claimJobs(handle.db, { workerId: 'w', limit: 1, ...lease });
		expect(again).toMatchObject({ id, attempts: 1 });
		expect(await completeJob(handle.db, id, 'w')).toBe(true);
		expect(await retryJob(handle.db, id)).toBe(false); // done
		expect(await retryJob(handle.db, 999_999)).toBe(false);
	});

	it('lists jobs by status, newest first, a page at a time, with the count of each status', async () => {
		const ids: number[] = [];
		for (let i = 0; i < 5; i++) ids.push((await enqueueJob(handle.db, 'test.echo', { i })).id);
		const [first, second] = await claimJobs(handle.db, { workerId: 'w', limit: 2, ...lease });
		await completeJob(handle.db, first!.id, 'w');
		await handle.db.updateTable('job').set({ max_attempts: 1 }).where('id', '=', second!.id).execute();
		await failJob(handle.db, second!.id, 'w', new Error('nope'));

		const pending = await listJobs(handle.db, { status: 'pending', page: 1, pageSize: 2 });
		expect(pending.counts).toEqual({ pending: 3, running: 0, done: 1, failed: 1 });
		expect(pending.total).toBe(3);
		expect(pending.jobs.map((j) => j.id)).toEqual([ids[4], ids[3]]);
		const page2 = await listJobs(handle.db, { status: 'pending', page: 2, pageSize: 2 });
		expect(page2.jobs.map((j) => j.id)).toEqual([ids[2]]);

		const failed = await listJobs(handle.db, { status: 'failed' });
		expect(failed.jobs).toHaveLength(1);
		expect(failed.jobs[0]?.last_error).toContain('nope');
		expect((await listJobs(handle.db)).total).toBe(5);
	});

	describe('with two database connections claiming at once', () => {
		let other: DatabaseHandle;
		beforeAll(async () => {
			// A second pool (PostgreSQL) or a second connection to the same file (SQLite), as a second app process has.
			other = handle.url
				? await openDatabase({ databaseUrl: handle.url, sqlitePath: '' })
				: await openDatabase({ sqlitePath: handle.location });
		});
		afterAll(() => other.close());

		it('never hands the same job to two workers, and hands out every job once', async () => {
			const total = 120;
			const enqueued = new Set<number>();
			for (let i = 0; i < total; i++) enqueued.add((await enqueueJob(handle.db, 'test.race', { i })).id);

			const claimedBy = new Map<number, string>();
			let duplicates = 0;
			for (let round = 0; round < 20 && claimedBy.size < total; round++) {
				const batches = await Promise.all(
					Array.from({ length: 16 }, (_, i) => {
						const workerId = `worker-${round}-${i}`;
						const db = i % 2 === 0 ? handle.db : other.db;
						return claimJobs(db, { workerId, limit: 3, ...lease }).then((jobs) => ({ workerId, jobs }));
					})
				);
				for (const { workerId, jobs } of batches) {
					for (const job of jobs) {
						if (claimedBy.has(job.id)) duplicates++;
						claimedBy.set(job.id, workerId);
					}
				}
			}
			expect(duplicates).toBe(0);
			expect(new Set(claimedBy.keys())).toEqual(enqueued);

			const rows = await handle.db.selectFrom('job').select(['id', 'status', 'locked_by', 'attempts']).execute();
			for (const row of rows) {
				expect(row).toMatchObject({ status: 'running', attempts: 1, locked_by: claimedBy.get(row.id) });
			}
		});
	});
});
