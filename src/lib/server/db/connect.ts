import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
	CompiledQuery,
	Kysely,
	PostgresDialect,
	SqliteAdapter,
	SqliteDialect,
	SqliteDriver,
	sql,
	type DatabaseConnection,
	type DialectAdapter,
	type Driver,
	type SqliteDialectConfig
} from 'kysely';
import pg from 'pg';
import { openNodeSqlite, sqliteBusyTimeoutMs } from './node-sqlite';
import type { Database } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
	db: Kysely<Database>;
	dialect: DialectName;
	/** Where the data lives, without credentials, for logs and messages. */
	location: string;
	close(): Promise<void>;
}

export class DatabaseOpenError extends Error {
	constructor(location: string, cause: unknown) {
		const reason = cause instanceof Error ? cause.message : String(cause);
		super(`Cannot open the database at ${location}: ${reason}`, { cause });
		this.name = 'DatabaseOpenError';
	}
}

/** Opens PostgreSQL when a `postgres://` URL is given, otherwise the SQLite file. */
export async function openDatabase(options: { databaseUrl?: string; sqlitePath: string }): Promise<DatabaseHandle> {
	return options.databaseUrl ? openPostgres(options.databaseUrl) : openSqlite(options.sqlitePath);
}

function openSqlite(path: string): DatabaseHandle {
	let database;
	try {
		if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
		database = openNodeSqlite(path);
	} catch (error) {
		throw new DatabaseOpenError(path, error);
	}
	const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }) });
	return {
		db,
		dialect: 'sqlite',
		location: path,
		close: () => db.destroy()
	};
}

/**
 * SQLite with every transaction begun IMMEDIATE: it takes the write lock at its
 * start, waiting (busy_timeout) while another process holds it. A transaction
 * begun the default way takes the lock only at its first write, and if another
 * process wrote since it first read, SQLite cannot wait: it fails at once with
 * "database is locked". That happened when the admin command line added a
 * staff member while the server signed someone in, and it would happen to any
 * second process on the same file. Within one process nothing changes: its one
 * connection runs one transaction at a time already.
 */
class ImmediateSqliteDialect extends SqliteDialect {
	readonly #config: SqliteDialectConfig;
	constructor(config: SqliteDialectConfig) {
		super(config);
		this.#config = config;
	}
	override createDriver(): Driver {
		return new ImmediateSqliteDriver(this.#config);
	}
	override createAdapter(): DialectAdapter {
		return new MigratingSqliteAdapter();
	}
}

/** How long a starting process waits for another one's migrations before it gives up. */
const migrationWaitMs = 10 * 60_000;

/**
 * Migrations under a lock, as on PostgreSQL. Kysely's SQLite adapter takes no
 * lock (it assumes one process) and runs each migration outside a transaction,
 * so two processes starting together on a fresh file both ran the first
 * migration, and the second failed on "table already exists". SQLite does run
 * DDL in transactions: with this adapter the Migrator runs all pending
 * migrations in one transaction, begun IMMEDIATE, which is the lock; the
 * process that comes second waits for it (longer than for an ordinary write,
 * a migration may take a while), then finds nothing left to run.
 */
class MigratingSqliteAdapter extends SqliteAdapter {
	override get supportsTransactionalDdl(): boolean {
		return true;
	}
	override async acquireMigrationLock(db: Kysely<any>): Promise<void> {
		await sql.raw(`pragma busy_timeout = ${migrationWaitMs}`).execute(db);
	}
	override async releaseMigrationLock(db: Kysely<any>): Promise<void> {
		await sql.raw(`pragma busy_timeout = ${sqliteBusyTimeoutMs}`).execute(db);
	}
}

class ImmediateSqliteDriver extends SqliteDriver {
	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
	const location = redactUrl(url);
	const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
	// An idle client that loses its server must not crash the process.
	pool.on('error', () => {});
	const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	try {
		await sql`select 1`.execute(db);
	} catch (error) {
		await db.destroy();
		throw new DatabaseOpenError(location, error);
	}
	return { db, dialect: 'postgres', location, close: () => db.destroy() };
}

export function redactUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return '(unparseable URL)';
	}
}

/** True when the database answers a query that reads a table (`select 1` would not touch an SQLite file). */
export async function ping(db: Kysely<Database>): Promise<boolean> {
	try {
		await db.selectFrom('app_meta').select('key').limit(1).execute();
		return true;
	} catch {
		return false;
	}
}
