import { sql, type Transaction } from 'kysely';
import type { Database } from './schema';
import { dialectOf } from './sql-functions';

/**
 * Holds the row `id` of `table` until the transaction ends, so concurrent
 * transactions that check-then-write about it (a limit, a duplicate) take turns.
 * PostgreSQL needs FOR UPDATE for that; SQLite has one writer at a time and no
 * FOR UPDATE, so there it is nothing.
 */
export async function lockRowForUpdate(trx: Transaction<Database>, table: keyof Database, id: number): Promise<void> {
	if (dialectOf(trx) !== 'postgres') return;
	await sql`select id from ${sql.table(table)} where id = ${id} for update`.execute(trx);
}
