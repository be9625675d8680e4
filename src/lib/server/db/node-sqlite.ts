import type { DatabaseSync, StatementSync, SQLInputValue } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/*
 * Taken from Node at run time rather than imported: node:sqlite exists only with
 * the `node:` prefix, which the bundler of the build (adapter-node's rollup)
 * does not know as built in, and it warned on every build that it could not
 * resolve it.
 */
const { DatabaseSync: Database } = process.getBuiltinModule('node:sqlite');

/** How long a write waits for another process's transaction before it fails with "database is locked". */
export const sqliteBusyTimeoutMs = 5000;

/**
 * Kysely's SQLite dialect expects the better-sqlite3 interface; this adapts
 * `node:sqlite` (built into Node 24, no native build) to it. Prepared statements
 * are cached because Kysely prepares every query again.
 */

export function openNodeSqlite(filename: string): SqliteDatabase & { raw: DatabaseSync } {
	const raw = new Database(filename);
	// First: switching a new file to WAL takes a lock, which another process starting at the same moment may hold.
	raw.exec(`PRAGMA busy_timeout = ${sqliteBusyTimeoutMs}`);
	// WAL lets readers go on while one writer commits. FULL syncs the log at every commit: with
	// NORMAL, a power loss (not a crash of the app) can undo the last commits, and a submitted
	// application, a registration or a recorded payment must stay once the person was told so.
	whileBusy(() => raw.exec('PRAGMA journal_mode = WAL'));
	raw.exec('PRAGMA synchronous = FULL');
	raw.exec('PRAGMA foreign_keys = ON');

	const cache = new Map<string, SqliteStatement>();
	const maxCached = 500;

	return {
		raw,
		close() {
			cache.clear();
			if (raw.isOpen) raw.close();
		},
		prepare(sql: string): SqliteStatement {
			let statement = cache.get(sql);
			if (!statement) {
				statement = wrap(raw.prepare(sql));
				if (cache.size >= maxCached) cache.delete(cache.keys().next().value as string);
				cache.set(sql, statement);
			}
			return statement;
		}
	};
}

/**
 * Runs `step` again while SQLite answers "database is locked", for up to the busy timeout.
 * The busy timeout alone is not enough for the switch to WAL: two processes opening a new
 * file at the same moment both read it, then both want to write its header, and SQLite
 * fails one of them at once (waiting could never end) instead of calling its busy handler.
 * Tried again, that one finds the file in WAL mode already. Seen in CI as a process of
 * the scale-out test refusing to start.
 */
export function whileBusy<T>(step: () => T, waitMs = sqliteBusyTimeoutMs): T {
	const deadline = Date.now() + waitMs;
	for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
		try {
			return step();
		} catch (error) {
			const busy = ((error as { errcode?: number }).errcode ?? 0) & 0xff;
			if (busy !== 5 || Date.now() + pause > deadline) throw error;
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
		}
	}
}

function wrap(statement: StatementSync): SqliteStatement {
	const reader = statement.columns().length > 0;
	return {
		reader,
		all: (parameters) => statement.all(...toSqlite(parameters)),
		run: (parameters) => {
			const result = statement.run(...toSqlite(parameters));
			return { changes: result.changes, lastInsertRowid: result.lastInsertRowid };
		},
		iterate: (parameters) => statement.iterate(...toSqlite(parameters)) as IterableIterator<unknown>
	};
}

/** node:sqlite binds only null, numbers, bigints, strings and bytes. */
function toSqlite(parameters: ReadonlyArray<unknown>): SQLInputValue[] {
	return parameters.map((value) => {
		if (value === undefined) return null;
		if (typeof value === 'boolean') return value ? 1 : 0;
		if (value instanceof Date) return value.toISOString();
		return value as SQLInputValue;
	});
}
