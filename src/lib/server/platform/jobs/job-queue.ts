import { sql, type Kysely } from 'kysely';
import { claimRows } from '$lib/server/db/claim-rows';
import type { Database, JobRow, JobStatus } from '$lib/server/db/schema';
import { databaseNow, databaseTimeAfter, dialectOf } from '$lib/server/db/sql-functions';
import { pageWindow } from '$lib/server/platform/paging';

/*
 * The durable jobs queue. Anything slow or external (e-mail, image variants, webhook
 * follow-ups) is enqueued here in the same transaction as the change that calls for
 * it, and run by a worker (job-worker.ts) in any app process.
 *
 * Life of a job: pending → running (claimed with a lease) → done; or, when it
 * throws, back to pending with a later run_at, until max_attempts, then failed
 * (kept with its error until staff retry it). A running job whose lease ran out —
 * its process died — is claimed again. All times come from the database's clock.
 */

export const jobStatuses: readonly JobStatus[] = ['pending', 'running', 'done', 'failed'];

export const defaultMaxAttempts = 5;

export interface EnqueueOptions {
	/** Enqueuing the same key again returns the existing job instead of adding one. */
	idempotencyKey?: string;
	/** Not before this moment; default now. */
	runAt?: Date;
	maxAttempts?: number;
}

export interface EnqueuedJob {
	id: number;
	/** False when a job with the same idempotency key already existed. */
	created: boolean;
}

/** Adds a job. Call it inside the transaction that makes the change the job follows from. */
export async function enqueueJob(
	db: Kysely<Database>,
	kind: string,
	payload: unknown,
	options: EnqueueOptions = {}
): Promise<EnqueuedJob> {
	const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
	if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts must be a whole number of at least 1');
	const now = databaseNow(dialectOf(db));
	const inserted = await db
		.insertInto('job')
		.values({
			kind,
			payload: JSON.stringify(payload ?? {}),
			idempotency_key: options.idempotencyKey ?? null,
			max_attempts: maxAttempts,
			run_at: options.runAt ? options.runAt.toISOString() : now,
			created_at: now,
			updated_at: now
		})
		// A concurrent enqueue with the same key loses quietly instead of failing its transaction.
		.onConflict((oc) => oc.column('idempotency_key').doNothing())
		.returning('id')
		.executeTakeFirst();
	if (inserted) return { id: inserted.id, created: true };

	const existing = await db
		.selectFrom('job')
		.select('id')
		.where('idempotency_key', '=', options.idempotencyKey ?? '')
		.executeTakeFirstOrThrow();
	return { id: existing.id, created: false };
}

export interface ClaimJobsOptions {
	/** Written to `locked_by`; only this worker may complete or fail what it claimed. */
	workerId: string;
	/** At most this many jobs. */
	limit: number;
	/** How long the claim holds; after it, another worker may claim the job again. */
	leaseMs: number;
	/** Only jobs of these kinds (a worker claims only what it has handlers for). Empty or absent: any kind. */
	kinds?: readonly string[];
}

/**
 * Claims up to `limit` due jobs for `workerId` until the lease ends, oldest due
 * first; safe with any number of workers in any number of processes. Due means
 * pending with `run_at` reached, or running with an expired lease (its worker
 * died) and attempts left. A job whose lease ran out with no attempts left is
 * marked failed here rather than run again: a job that kills its process must not
 * kill every process in turn.
 */
export async function claimJobs(db: Kysely<Database>, options: ClaimJobsOptions): Promise<JobRow[]> {
	const dialect = dialectOf(db);
	const now = databaseNow(dialect);
	let abandoned = db
		.updateTable('job')
		.set({
			status: 'failed',
			last_error: 'The worker running this job stopped before it finished (its lease ran out), and no attempts are left.',
			locked_by: null,
			locked_until: null,
			finished_at: now,
			updated_at: now
		})
		.where('status', '=', 'running')
		.where('locked_until', '<', now)
		.where((eb) => eb('attempts', '>=', eb.ref('max_attempts')));
	if (options.kinds?.length) abandoned = abandoned.where('kind', 'in', options.kinds);
	await abandoned.execute();

	const kinds = options.kinds?.length ? sql`and kind in (${sql.join(options.kinds)})` : sql``;
	return claimRows(db, {
		table: 'job',
		where: sql`(
			(status = 'pending' and run_at <= ${now})
			or (status = 'running' and locked_until < ${now} and attempts < max_attempts)
		) ${kinds}`,
		set: sql`status = 'running', locked_by = ${options.workerId}, locked_until = ${databaseTimeAfter(dialect, options.leaseMs)},
			attempts = attempts + 1, updated_at = ${now}`,
		orderBy: ['run_at', 'id'],
		limit: options.limit
	});
}

/** Marks a claimed job done. False when this worker no longer holds it (its lease ran out and another took it). */
export async function completeJob(db: Kysely<Database>, id: number, workerId: string): Promise<boolean> {
	const now = databaseNow(dialectOf(db));
	const result = await db
		.updateTable('job')
		.set({ status: 'done', locked_by: null, locked_until: null, finished_at: now, updated_at: now })
		.where('id', '=', id)
		.where('status', '=', 'running')
		.where('locked_by', '=', workerId)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** 30 s after the first failure, doubling each time, at most an hour. */
export function retryDelayMs(attempt: number): number {
	return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

export type FailOutcome = 'retrying' | 'failed' | 'not-held';

/**
 * Records that a claimed job threw. It runs again after `retryDelayMs(attempts)`
 * while attempts are left, and is otherwise kept as failed with its error.
 */
export async function failJob(
	db: Kysely<Database>,
	id: number,
	workerId: string,
	error: unknown
): Promise<FailOutcome> {
	const job = await db
		.selectFrom('job')
		.select(['attempts', 'max_attempts'])
		.where('id', '=', id)
		.where('status', '=', 'running')
		.where('locked_by', '=', workerId)
		.executeTakeFirst();
	if (!job) return 'not-held';

	const dialect = dialectOf(db);
	const now = databaseNow(dialect);
	const lastError = describeError(error);
	const exhausted = job.attempts >= job.max_attempts;
	const result = await db
		.updateTable('job')
		.set(
			exhausted
				? { status: 'failed', last_error: lastError, locked_by: null, locked_until: null, finished_at: now, updated_at: now }
				: {
						status: 'pending',
						last_error: lastError,
						locked_by: null,
						locked_until: null,
						run_at: databaseTimeAfter(dialect, retryDelayMs(job.attempts)),
						updated_at: now
					}
		)
		.where('id', '=', id)
		.where('status', '=', 'running')
		.where('locked_by', '=', workerId)
		// Unchanged since it was read: the lease did not run out and get claimed in between.
		.where('attempts', '=', job.attempts)
		.executeTakeFirst();
	if (result.numUpdatedRows === 0n) return 'not-held';
	return exhausted ? 'failed' : 'retrying';
}

/**
 * Puts a failed job back in the queue with a fresh set of attempts, to run now.
 * Its last error stays until the next outcome. False when there is no failed job
 * with that id (for example, someone else retried it a moment ago).
 */
export async function retryJob(db: Kysely<Database>, id: number): Promise<boolean> {
	const now = databaseNow(dialectOf(db));
	const result = await db
		.updateTable('job')
		.set({ status: 'pending', attempts: 0, run_at: now, finished_at: null, updated_at: now })
		.where('id', '=', id)
		.where('status', '=', 'failed')
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/**
 * Deletes finished (done) jobs of one kind that finished before `before`. For
 * jobs that run every few minutes and matter only while they run: kept for the
 * 30 days of every finished job, they would fill the jobs list staff read.
 */
export async function forgetFinishedJobs(db: Kysely<Database>, kind: string, before: Date): Promise<number> {
	const result = await db
		.deleteFrom('job')
		.where('kind', '=', kind)
		.where('status', '=', 'done')
		.where('finished_at', '<', before.toISOString())
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export function getJob(db: Kysely<Database>, id: number): Promise<JobRow | undefined> {
	return db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countJobsByStatus(db: Kysely<Database>): Promise<Record<JobStatus, number>> {
	const rows = await db
		.selectFrom('job')
		.select((eb) => ['status', eb.fn.countAll().as('count')])
		.groupBy('status')
		.execute();
	const counts: Record<JobStatus, number> = { pending: 0, running: 0, done: 0, failed: 0 };
	// count(*) is a bigint on PostgreSQL, which the driver returns as a string.
	for (const row of rows) counts[row.status] = Number(row.count);
	return counts;
}

export interface JobListOptions {
	status?: JobStatus;
	/** From 1. */
	page?: number;
	pageSize?: number;
}

export interface JobList {
	jobs: JobRow[];
	page: number;
	pageSize: number;
	/** Jobs matching the filter, across all pages. */
	total: number;
	counts: Record<JobStatus, number>;
}

export const maxJobPageSize = 200;

/** A page of jobs, newest first, with how many there are in each status (for the admin's tabs). */
export async function listJobs(db: Kysely<Database>, options: JobListOptions = {}): Promise<JobList> {
	const { page, size: pageSize, offset } = pageWindow(options.page, options.pageSize, { maxSize: maxJobPageSize });
	let query = db.selectFrom('job');
	if (options.status) query = query.where('status', '=', options.status);
	const [jobs, counts] = await Promise.all([
		query
			.selectAll()
			.orderBy('id', 'desc')
			.limit(pageSize)
			.offset(offset)
			.execute(),
		countJobsByStatus(db)
	]);
	const total = options.status ? counts[options.status] : jobStatuses.reduce((sum, s) => sum + counts[s], 0);
	return { jobs, page, pageSize, total, counts };
}

/** A job's payload as it was enqueued. Handlers check its shape (with zod) before using it. */
export function jobPayload(job: Pick<JobRow, 'payload'>): unknown {
	return JSON.parse(job.payload);
}

/** What is kept of an error: its message and the top of its stack, bounded so a huge error cannot bloat the row. */
export function describeError(error: unknown): string {
	const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
	return text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
}

/**
 * Jobs left running by a process on this machine that no longer exists (killed,
 * crashed) are made claimable at once instead of after their lease. Worker ids
 * start with `host:pid:`; other machines' jobs are left to their leases.
 */
export async function releaseJobsOfDeadProcesses(db: Kysely<Database>, host: string, isAlive: (pid: number) => boolean): Promise<number> {
	const running = await db.selectFrom('job').select(['id', 'locked_by']).where('status', '=', 'running').execute();
	let released = 0;
	for (const job of running) {
		const match = /^(.*):(\d+):[^:]+$/.exec(job.locked_by ?? '');
		if (!match || match[1] !== host) continue;
		const pid = Number(match[2]);
		if (pid === process.pid || isAlive(pid)) continue;
		const result = await db
			.updateTable('job')
			.set({ locked_until: databaseNow(dialectOf(db)) })
			.where('id', '=', job.id)
			.where('locked_by', '=', job.locked_by)
			.where('status', '=', 'running')
			.executeTakeFirst();
		released += Number(result.numUpdatedRows);
	}
	return released;
}

/** Whether a process with this id exists on this machine. */
export function processExists(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
