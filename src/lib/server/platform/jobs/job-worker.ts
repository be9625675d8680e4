import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database, JobRow } from '$lib/server/db/schema';
import { createLogger, type Logger } from '$lib/server/platform/logger';
import { claimJobs, completeJob, failJob } from './job-queue';
import { metrics } from '$lib/server/platform/observability/metrics';

/**
 * Runs one kind of job. Throwing fails this attempt (the job is retried with
 * backoff); returning marks it done. A handler may run more than once for the same
 * job (a process that dies after the work but before marking it done), so it must
 * be idempotent: check the state it is about to change, as the mailer does.
 */
export type JobHandler = (db: Kysely<Database>, job: JobRow) => Promise<void>;

export interface JobWorkerOptions {
	handlers: Readonly<Record<string, JobHandler>>;
	/** Unique per worker; default host, process id and a random part. */
	workerId?: string;
	/** Jobs run at the same time by this worker. */
	concurrency?: number;
	/** How often to look for due jobs when the queue was empty. */
	pollIntervalMs?: number;
	/**
	 * How long a claim holds. The lease is not renewed while a handler runs, so it
	 * must be comfortably longer than any handler can take (handlers bound their own
	 * network time, e.g. SMTP timeouts); past it, another worker may run the job too.
	 */
	leaseMs?: number;
	log?: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
}

export interface JobWorker {
	readonly workerId: string;
	/** Jobs running now. */
	readonly activeCount: number;
	/** Starts polling in the background. */
	start(): void;
	/** Stops claiming, then waits for the jobs already running to finish. */
	stop(): Promise<void>;
	/** Claims what is due (up to the free slots), runs it, and resolves when those jobs have finished. Not with start(). */
	runOnce(): Promise<number>;
}

export const defaultLeaseMs = 10 * 60_000;

export function createJobWorker(db: Kysely<Database>, options: JobWorkerOptions): JobWorker {
	const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
	const concurrency = Math.max(1, options.concurrency ?? 2);
	const pollIntervalMs = options.pollIntervalMs ?? 1000;
	const leaseMs = options.leaseMs ?? defaultLeaseMs;
	const log = options.log ?? createLogger('silent');
	const kinds = Object.keys(options.handlers);

	const active = new Set<Promise<void>>();
	let loop: Promise<void> | undefined;
	let stopping = false;
	// The last claim filled every free slot, so more jobs may be waiting: look again as soon as a slot frees up.
	let mayHaveMore = false;
	let wakeUp: (() => void) | undefined;

	function sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const done = () => {
				clearTimeout(timer);
				wakeUp = undefined;
				resolve();
			};
			const timer = setTimeout(done, ms);
			wakeUp = done;
		});
	}

	async function run(job: JobRow): Promise<void> {
		const handler = options.handlers[job.kind];
		try {
			if (!handler) throw new Error(`No handler for jobs of kind "${job.kind}"`);
			await handler(db, job);
		} catch (error) {
			try {
				const outcome = await failJob(db, job.id, workerId, error);
				if (outcome !== 'not-held') metrics().jobFailed(job.kind, outcome === 'failed' ? 'failed' : 'retry');
				const level = outcome === 'failed' ? 'error' : 'warn';
				log[level]({ job: job.id, kind: job.kind, attempt: job.attempts, outcome, err: error }, 'job failed');
			} catch (recordError) {
				// The lease will run out and the job will be claimed again.
				log.error({ job: job.id, kind: job.kind, err: recordError }, 'could not record a job failure');
			}
			return;
		}
		try {
			if (await completeJob(db, job.id, workerId)) {
				log.debug({ job: job.id, kind: job.kind, attempt: job.attempts }, 'job done');
			} else {
				log.warn({ job: job.id, kind: job.kind, leaseMs }, 'job finished after its lease ran out; another worker may have run it');
			}
		} catch (error) {
			log.error({ job: job.id, kind: job.kind, err: error }, 'could not mark a job done');
		}
	}

	async function fill(): Promise<number> {
		const free = concurrency - active.size;
		if (free <= 0 || kinds.length === 0) return 0;
		const jobs = await claimJobs(db, { workerId, limit: free, leaseMs, kinds });
		mayHaveMore = jobs.length === free;
		for (const job of jobs) {
			const running: Promise<void> = run(job).finally(() => {
				active.delete(running);
				if (mayHaveMore) wakeUp?.();
			});
			active.add(running);
		}
		return jobs.length;
	}

	async function poll(): Promise<void> {
		while (!stopping) {
			try {
				await fill();
			} catch (error) {
				mayHaveMore = false;
				log.error({ err: error, workerId }, 'could not claim jobs');
			}
			if (stopping) break;
			if (mayHaveMore && active.size < concurrency) continue;
			await sleep(pollIntervalMs);
		}
	}

	return {
		workerId,
		get activeCount() {
			return active.size;
		},
		start() {
			if (loop) return;
			stopping = false;
			loop = poll();
			log.info({ workerId, kinds, concurrency, pollIntervalMs, leaseMs }, 'job worker started');
		},
		async stop() {
			stopping = true;
			wakeUp?.();
			await loop;
			loop = undefined;
			await Promise.allSettled([...active]);
			log.info({ workerId }, 'job worker stopped');
		},
		async runOnce() {
			const claimed = await fill();
			await Promise.allSettled([...active]);
			return claimed;
		}
	};
}
