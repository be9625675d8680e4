import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/support/test-database';
import { enqueueJob, getJob, jobPayload } from './job-queue';
import { createJobWorker, type JobHandler } from './job-worker';
import { sleep, waitFor } from '../../../../../tests/support/waiting';

describe('the job worker', () => {
	const handle = useTestDatabase('job');

	const statusOf = async (id: number) => (await getJob(handle.db, id))?.status;

	it('runs due jobs with their handler, no more at once than its concurrency, and marks them done', async () => {
		let running = 0;
		let mostAtOnce = 0;
		const seen: number[] = [];
		const handlers: Record<string, JobHandler> = {
			'test.work': async (_db, job) => {
				running++;
				mostAtOnce = Math.max(mostAtOnce, running);
				await sleep(25);
				seen.push((jobPayload(job) as { n: number }).n);
				running--;
			}
		};
		const ids: number[] = [];
		for (let n = 0; n < 7; n++) ids.push((await enqueueJob(handle.db, 'test.work', { n })).id);

		const worker = createJobWorker(handle.db, { handlers, concurrency: 3, pollIntervalMs: 20 });
		worker.start();
		try {
			await waitFor(async () => (await Promise.all(ids.map(statusOf))).every((s) => s === 'done'));
		} finally {
			await worker.stop();
		}
		expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(mostAtOnce).toBe(3);
	});

	it('records a throwing handler as a failed attempt to retry later, and leaves kinds it has no handler for', async () => {
		const failing = await enqueueJob(handle.db, 'test.broken', {});
		const foreign = await enqueueJob(handle.db, 'test.someone-else', {});
		const worker = createJobWorker(handle.db, {
			handlers: { 'test.broken': async () => Promise.reject(new Error('the printer is on fire')) }
		});
		expect(await worker.runOnce()).toBe(1);
		const row = await getJob(handle.db, failing.id);
		expect(row).toMatchObject({ status: 'pending', attempts: 1, locked_by: null });
		expect(row?.last_error).toContain('the printer is on fire');
		expect(row!.run_at > row!.updated_at).toBe(true);
		expect(await getJob(handle.db, foreign.id)).toMatchObject({ status: 'pending', attempts: 0 });
	});

	it('stops claiming when asked and waits for the jobs it is running', async () => {
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		let started = false;
		const { id } = await enqueueJob(handle.db, 'test.slow', {});
		const worker = createJobWorker(handle.db, {
			handlers: {
				'test.slow': async () => {
					started = true;
					await released;
				}
			},
			pollIntervalMs: 10
		});
		worker.start();
		await waitFor(() => started);

		let stopped = false;
		const stopping = worker.stop().then(() => (stopped = true));
		const later = await enqueueJob(handle.db, 'test.slow', {});
		await sleep(100);
		expect(stopped).toBe(false);
		expect(await statusOf(id)).toBe('running');

		release();
		await stopping;
		expect(await statusOf(id)).toBe('done');
		// Enqueued after stop() was called: left for the next worker.
		expect(await statusOf(later.id)).toBe('pending');
		expect(worker.activeCount).toBe(0);
	});
});
