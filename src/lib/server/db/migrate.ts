import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/index';

export class MigrationError extends Error {
	constructor(name: string | undefined, cause: unknown) {
		const reason = cause instanceof Error ? cause.message : String(cause);
		super(`Database migration ${name ?? ''} failed: ${reason}`, { cause });
		this.name = 'MigrationError';
	}
}

/** Brings the schema up to date. Safe to run at every start, and by several processes. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
	const result: MigrationResultSet = await migrator.migrateToLatest();
	if (result.error) {
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
