import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

/*
 * The few places where the two engines need different DDL. Migrations use these
 * so that one set of migrations runs on SQLite and on PostgreSQL.
 */

export function isPostgres(db: Kysely<any>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An integer primary key the database numbers itself. */
export function addAutoId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
	return isPostgres(db)
		? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		: table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
