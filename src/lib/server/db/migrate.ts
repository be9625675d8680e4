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
