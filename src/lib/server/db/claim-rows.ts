import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { Database } from './schema';
import { dialectOf } from './sql-functions';

/** The tables whose rows workers take turns on: each row has a numeric `id`. */
export type ClaimableTable = {
	[T in keyof Database]: Selectable<Database[T]> extends { id: number } ? T : never;
}[keyof Database];

export interface ClaimRowsOptions<T extends ClaimableTable> {
	table: T;
	/** Which rows may be taken now: a condition on the table's own columns. */
	where: RawBuilder<unknown>;
	/** What taking a row writes (who holds it, until when): the assignments of an UPDATE's SET. */
	set: RawBuilder<unknown>;
	/** Which rows go first; the rows come back in this order too. */
	orderBy: readonly (keyof Selectable<Database[T]> & string)[];
	/** At most this many rows. */
	limit: number;
}

/**
 * Takes up to `limit` rows of `table` that match `where`, writes `set` on them in
 * one statement, and returns them as they are afterwards. The jobs queue and the
 * newsletter's campaign deliveries both hand out work this way, with a lease.
 *
 * Dialect-specific because "take rows nobody else is taking" is: PostgreSQL locks
 * the chosen rows with FOR UPDATE SKIP LOCKED, so concurrent claimers pass over
 * each other's rows instead of waiting or taking them twice; SQLite has one
 * writer at a time, so a single UPDATE … WHERE id IN (SELECT … LIMIT n) is atomic.
 */
export async function claimRows<T extends ClaimableTable>(db: Kysely<Database>, options: ClaimRowsOptions<T>): Promise<Selectable<Database[T]>[]> {
	if (options.limit < 1) return [];
	const { where, set, limit } = options;
	const table = sql.table(options.table);
	const orderBy = sql.join(options.orderBy.map((column) => sql.ref(column)));

	const result =
		dialectOf(db) === 'postgres'
			? // MATERIALIZED keeps the locking subquery evaluated once, whatever plan the update gets.
				await sql<Selectable<Database[T]>>`
				with chosen as materialized (
					select id from ${table} where ${where}
					order by ${orderBy}
					limit ${limit}
					for update skip locked
				)
				update ${table} set ${set}
				from chosen where ${sql.ref(`${options.table}.id`)} = chosen.id
				returning ${table}.*`.execute(db)
			: await sql<Selectable<Database[T]>>`
				update ${table} set ${set}
				where id in (select id from ${table} where ${where} order by ${orderBy} limit ${limit})
				returning *`.execute(db);

	// RETURNING gives no order on either engine.
	return result.rows.sort((a, b) => compareBy(a, b, options.orderBy));
}

function compareBy<Row>(a: Row, b: Row, columns: readonly (keyof Row)[]): number {
	for (const column of columns) {
		if (a[column] < b[column]) return -1;
		if (a[column] > b[column]) return 1;
	}
	return 0;
}
