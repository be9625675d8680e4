import { sql, type RawBuilder } from 'kysely';
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
