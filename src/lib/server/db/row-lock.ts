import { sql, type Transaction } from 'kysely';
import type { Database } from './schema';
import { dialectOf } from './sql-functions';

/**
 * Holds the row `id` of `table` until the transaction ends, so concurrent
 * transactions that check-then-write about it (a limit, a duplicate) take turns.
 * PostgreSQL needs FOR UPDATE for that; SQLite has one writer at a time, taken
 * when a transaction begins (IMMEDIATE, connect.ts), so there it is nothing.
 */
export async function lockRowForUpdate(trx: Transaction<Database>, table: keyof Database, id: number): Promise<void> {
	if (dialectOf(trx) !== 'postgres') return;
	await sql`select id from ${sql.table(table)} where id = ${id} for update`.execute(trx);
}

/**
 * Makes transactions that name the same key take turns until they end, for a
 * check-then-write about something that has no row to lock (a count of recent
 * attempts). PostgreSQL: a transaction-level advisory lock per key, taken in
 * one order so that two transactions never wait for each other. SQLite: the
 * app's one connection runs one transaction at a time already.
 */
export async function lockKeysForTransaction(trx: Transaction<Database>, keys: readonly string[]): Promise<void> {
	if (dialectOf(trx) !== 'postgres') return;
	for (const key of [...new Set(keys)].sort()) {
		await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
	}
}

/**
 * Makes the writers of `table` take turns until the transaction ends (readers go
 * on), for a check-then-insert with no row to hold, such as numbering the next
 * version. PostgreSQL needs a table lock for that; SQLite has one writer at a time.
 */
export async function lockTableForWriting(trx: Transaction<Database>, table: keyof Database): Promise<void> {
	if (dialectOf(trx) !== 'postgres') return;
	await sql`lock table ${sql.table(table)} in share row exclusive mode`.execute(trx);
}
