import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/index';

export class MigrationError extends Error {
	constructor(name: string | undefined, cause: unknown) {
		const reason = cause instanceof Error ? cause.message : String(cause);
		super(`Database migration ${name ?? ''} failed: ${reason}`, { cause });
		this.name = 'MigrationError';
	}
}

/** The database was migrated by a newer version of the app: this one must not write to it. */
export class SchemaNewerThanAppError extends Error {
	readonly unknown: string[];
	constructor(unknown: string[]) {
		super(
			`The database has ${unknown.length === 1 ? 'a migration' : 'migrations'} this version of the app does not know: ${unknown.join(', ')}. ` +
				'A newer version of the app has upgraded it. Upgrade this app to that version (or a later one) and start it again; ' +
				'an older version must not run on a newer schema.'
		);
		this.name = 'SchemaNewerThanAppError';
		this.unknown = unknown;
	}
}

export interface MigrationState {
	/** Migrations this code has that the database has not run. */
	pending: string[];
	/** Migrations the database has run that this code does not have: a newer app migrated it. */
	unknown: string[];
}

/** Compares the database's record of migrations with this code's (one small query; for the start and /readyz). */
export async function migrationState(db: Kysely<any>): Promise<MigrationState> {
	let executed: string[] = [];
	try {
		executed = (await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows.map((row) => row.name);
	} catch (error) {
		// A database never migrated has no record yet: everything is pending.
		if (!(await hasNoMigrationTable(db))) throw error;
	}
	const known = Object.keys(migrations);
	const ran = new Set(executed);
	return { pending: known.filter((name) => !ran.has(name)).sort(), unknown: executed.filter((name) => !(name in migrations)).sort() };
}

async function hasNoMigrationTable(db: Kysely<any>): Promise<boolean> {
	const tables = await db.introspection.getTables();
	return !tables.some((table) => table.name === 'kysely_migration');
}

/**
 * Brings the schema up to date. Safe to run at every start, and by several
 * processes starting together: Kysely's Migrator runs the migrations in one
 * transaction under a lock, a PostgreSQL advisory lock, and on SQLite the write
 * lock the transaction takes at its start (connect.ts begins them IMMEDIATE);
 * whoever comes second finds nothing left to run (tests/http/start-together.test.ts).
 *
 * A database that has run a migration this code lacks was upgraded by a newer
 * app: this one refuses it, with a message that says so, rather than Kysely's
 * "corrupted migrations", and before it writes anything.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
	const before = await migrationState(db);
	if (before.unknown.length > 0) throw new SchemaNewerThanAppError(before.unknown);
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
	const result: MigrationResultSet = await migrator.migrateToLatest();
	if (result.error) {
		// A newer app may have migrated between our look and our lock.
		const after = await migrationState(db).catch(() => undefined);
		if (after && after.unknown.length > 0) throw new SchemaNewerThanAppError(after.unknown);
		const failed = result.results?.find((r) => r.status === 'Error');
		throw new MigrationError(failed?.migrationName, result.error);
	}
	return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The name of the newest migration this code has: the schema version a backup records. */
export function latestSchemaVersion(): string {
	return Object.keys(migrations).sort().at(-1)!;
}

/** Whether this code knows the migration (an archive from a newer version names one it does not). */
export function isKnownSchemaVersion(name: string): boolean {
	return Object.hasOwn(migrations, name);
}

/** Brings the schema to exactly the named migration, down as well as up (a restore into an empty database). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
	const result: MigrationResultSet = await migrator.migrateTo(name);
	if (result.error) {
		const failed = result.results?.find((r) => r.status === 'Error');
		throw new MigrationError(failed?.migrationName, result.error);
	}
}
