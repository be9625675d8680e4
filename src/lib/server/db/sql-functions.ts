import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectName } from './connect';

/**
 * The database's own clock as ISO-8601 UTC text, the format every timestamp
 * column holds. Used where the server's clock must not be trusted over the
 * database's (deadlines, leases).
 */
export function databaseNow(dialect: DialectName): RawBuilder<string> {
	return dialect === 'postgres'
		? sql<string>`to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
		: sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
}

/** The database's clock `ms` milliseconds from now (may be negative), in the same form as `databaseNow`. */
export function databaseTimeAfter(dialect: DialectName, ms: number): RawBuilder<string> {
	const seconds = (ms / 1000).toFixed(3);
	return dialect === 'postgres'
		? sql<string>`to_char((now() + make_interval(secs => ${seconds}::double precision)) at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
		: sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`${ms >= 0 ? '+' : ''}${seconds} seconds`})`;
}

/** A value for one of better-auth's flag columns (`emailVerified`, `twoFactorEnabled`): boolean on PostgreSQL, 0/1 on SQLite, which has no boolean type. */
export function authFlag(dialect: DialectName, value: boolean): boolean | number {
	return dialect === 'postgres' ? value : Number(value);
}

/** Which engine a Kysely instance (or transaction) talks to. */
export function dialectOf(db: Kysely<any>): DialectName {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
