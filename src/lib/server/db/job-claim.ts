import { sql, type Kysely } from 'kysely';
import type { Database, JobRow } from './schema';
import { databaseNow, databaseTimeAfter, dialectOf } from './sql-functions';

export interface ClaimOptions {
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
 * Marks up to `limit` due jobs as running for `workerId` until the lease ends, in
 * one statement, and returns them. Due means pending with `run_at` reached, or
 * running with an expired lease (its worker died) and attempts left. Times come
 * from the database's clock, so app servers with skewed clocks agree.
 *
 * Dialect-specific because "take rows nobody else is taking" is: PostgreSQL locks
 * the chosen rows with FOR UPDATE SKIP LOCKED, so concurrent claimers pass over
 * each other's rows instead of waiting or taking them twice; SQLite has one
 * writer at a time, so a single UPDATE … WHERE id IN (SELECT … LIMIT n) is atomic.
 */
export async function claimDueJobs(db: Kysely<Database>, options: ClaimOptions): Promise<JobRow[]> {
	if (options.limit < 1) return [];
	const dialect = dialectOf(db);
	const now = databaseNow(dialect);
	const leaseEnd = databaseTimeAfter(dialect, options.leaseMs);
	const kinds = options.kinds?.length ? sql`and kind in (${sql.join(options.kinds)})` : sql``;
	const due = sql`(
		(status = 'pending' and run_at <= ${now})
		or (status = 'running' and locked_until < ${now} and attempts < max_attempts)
	) ${kinds}`;
	const set = sql`status = 'running', locked_by = ${options.workerId}, locked_until = ${leaseEnd},
		attempts = attempts + 1, updated_at = ${now}`;

	const result =
		dialect === 'postgres'
			? // MATERIALIZED keeps the locking subquery evaluated once, whatever plan the update gets.
				await sql<JobRow>`
				with chosen as materialized (
					select id from job where ${due}
					order by run_at, id
					limit ${options.limit}
					for update skip locked
				)
				update job set ${set}
				from chosen where job.id = chosen.id
				returning job.*`.execute(db)
			: await sql<JobRow>`
				update job set ${set}
				where id in (select id from job where ${due} order by run_at, id limit ${options.limit})
				returning *`.execute(db);

	// RETURNING gives no order on either engine.
	return result.rows.sort((a, b) => (a.run_at < b.run_at ? -1 : a.run_at > b.run_at ? 1 : a.id - b.id));
}
