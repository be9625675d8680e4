import { sql, type Kysely, type Transaction } from 'kysely';
import { dialectOf } from './sql-functions';
import type { DialectName } from './connect';

/*
 * Every table's rows read out and written back, the same on both engines: what
 * backups are made of (src/lib/server/backup). The engines differ in how they
 * describe their tables, take a snapshot and number rows, so those differences
 * live here, each behind one function.
 *
 * A value travels as JSON: text as a string, integers and reals as numbers,
 * PostgreSQL's booleans as true/false (SQLite keeps them as 1/0) and its
 * timestamps as ISO text (which is how SQLite keeps them, see node-sqlite.ts).
 * Writing converts by the target column's own type, so rows move between the
 * engines either way.
 */

export interface TableColumn {
	name: string;
	/** The declared type, lower case: text, integer, bigint, real, boolean, timestamp with time zone, date… */
	type: string;
}

export interface TableShape {
	name: string;
	columns: TableColumn[];
	/** Tables whose rows this one's foreign keys point at. */
	parents: string[];
}

/**
 * Tables that are not the site's data: the migrator's own (a restore migrates
 * instead), SQLite's numbering (carried as `sequences`), and full-text indexes,
 * which are rebuilt from their tables (db/search.ts).
 */
const bookkeeping = new Set(['kysely_migration', 'kysely_migration_lock']);

type AnyDb = Kysely<any> | Transaction<any>;

/** The site's tables with their written columns (not generated ones), parents before children. */
export async function describeTables(db: AnyDb): Promise<TableShape[]> {
	const tables = dialectOf(db) === 'postgres' ? await describePostgres(db) : await describeSqlite(db);
	return inForeignKeyOrder(tables.filter((table) => !bookkeeping.has(table.name)));
}

async function describeSqlite(db: AnyDb): Promise<TableShape[]> {
	// table_list says 'virtual' and 'shadow' for full-text tables and their storage; only plain tables are data.
	const names = await sql<{ name: string }>`
		select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
	const tables: TableShape[] = [];
	for (const { name } of names.rows) {
		// hidden: 0 for a plain column, 2 and 3 for generated ones.
		const columns = await sql<{ name: string; type: string }>`
			select name, type from pragma_table_xinfo(${name}) where hidden = 0 order by cid`.execute(db);
		const parents = await sql<{ table: string }>`select distinct "table" from pragma_foreign_key_list(${name})`.execute(db);
		tables.push({
			name,
			columns: columns.rows.map((c) => ({ name: c.name, type: c.type.toLowerCase() })),
			parents: parents.rows.map((p) => p.table)
		});
	}
	return tables;
}

async function describePostgres(db: AnyDb): Promise<TableShape[]> {
	const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
		select c.table_name, c.column_name, c.data_type
		from information_schema.columns c
		join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
		where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.is_generated = 'NEVER'
		order by c.table_name, c.ordinal_position`.execute(db);
	const keys = await sql<{ child: string; parent: string }>`
		select distinct c.relname as child, p.relname as parent
		from pg_constraint k
		join pg_class c on c.oid = k.conrelid
		join pg_class p on p.oid = k.confrelid
		join pg_namespace n on n.oid = c.relnamespace
		where k.contype = 'f' and n.nspname = current_schema()`.execute(db);
	const tables = new Map<string, TableShape>();
	for (const row of columns.rows) {
		let table = tables.get(row.table_name);
		if (!table) tables.set(row.table_name, (table = { name: row.table_name, columns: [], parents: [] }));
		table.columns.push({ name: row.column_name, type: row.data_type.toLowerCase() });
	}
	for (const key of keys.rows) tables.get(key.child)?.parents.push(key.parent);
	return [...tables.values()];
}

/** Parents first, so rows can be written in this order and deleted in the reverse. */
export function inForeignKeyOrder(tables: TableShape[]): TableShape[] {
	const byName = new Map(tables.map((table) => [table.name, table]));
	const ordered: TableShape[] = [];
	const state = new Map<string, 'visiting' | 'done'>();
	const visit = (table: TableShape, path: string[]) => {
		const seen = state.get(table.name);
		if (seen === 'done') return;
		if (seen === 'visiting') throw new Error(`Foreign keys form a cycle: ${[...path, table.name].join(' -> ')}`);
		state.set(table.name, 'visiting');
		for (const parent of table.parents) {
			const shape = byName.get(parent);
			if (shape && parent !== table.name) visit(shape, [...path, table.name]);
		}
		state.set(table.name, 'done');
		ordered.push(table);
	};
	for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, []);
	return ordered;
}

/**
 * Runs `read` inside one consistent snapshot of the whole database, on a
 * connection of its own: SQLite's deferred read transaction (with WAL, writers
 * go on meanwhile), PostgreSQL's REPEATABLE READ READ ONLY.
 */
export async function inSnapshot<T>(db: Kysely<any>, read: (snapshot: Snapshot) => Promise<T>): Promise<T> {
	const dialect = dialectOf(db);
	return db.connection().execute(async (connection) => {
		await sql.raw(dialect === 'postgres' ? 'begin isolation level repeatable read read only' : 'begin').execute(connection);
		try {
			// SQLite's snapshot begins at the first read: read now, before anything else is awaited.
			const tables = await describeTables(connection);
			const last = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(connection);
			const snapshot: Snapshot = {
				dialect,
				tables,
				schemaVersion: last.rows[0]?.name ?? '',
				rows: (table) => (dialect === 'postgres' ? postgresPages(connection, table) : sqlitePages(connection, table)),
				sequences: () => readSequences(connection, dialect, tables)
			};
			return await read(snapshot);
		} finally {
			await sql.raw(dialect === 'postgres' ? 'rollback' : 'commit').execute(connection);
		}
	});
}

export interface Snapshot {
	dialect: DialectName;
	tables: TableShape[];
	/** The last migration run: the schema the rows fit. */
	schemaVersion: string;
	/** A table's rows in pages, each row its values in the order of the table's columns, as JSON values. */
	rows(table: TableShape): AsyncIterable<unknown[][]>;
	/** For tables that number their rows: the last number handed out (higher than any row's when rows were deleted). */
	sequences(): Promise<Record<string, number>>;
}

const pageSize = 1000;

async function* sqlitePages(db: AnyDb, table: TableShape): AsyncIterable<unknown[][]> {
	// By rowid, a page at a time: OFFSET would read the table again for every page.
	const list = sql.join(table.columns.map((c) => sql.ref(c.name)));
	let after = -Infinity;
	for (;;) {
		const page = await sql<Record<string, unknown>>`
			select rowid as "__backup_rowid", ${list} from ${sql.table(table.name)}
			where rowid > ${after === -Infinity ? Number.MIN_SAFE_INTEGER : after} order by rowid limit ${pageSize}`.execute(db);
		if (page.rows.length === 0) return;
		yield page.rows.map((row) => table.columns.map((c) => toJsonValue(row[c.name], c)));
		after = Number(page.rows.at(-1)!.__backup_rowid);
		if (page.rows.length < pageSize) return;
	}
}

async function* postgresPages(db: AnyDb, table: TableShape): AsyncIterable<unknown[][]> {
	const list = sql.join(table.columns.map((c) => sql.ref(c.name)));
	await sql`declare backup_rows no scroll cursor for select ${list} from ${sql.table(table.name)}`.execute(db);
	try {
		for (;;) {
			const page = await sql<Record<string, unknown>>`fetch ${sql.raw(String(pageSize))} from backup_rows`.execute(db);
			if (page.rows.length === 0) return;
			yield page.rows.map((row) => table.columns.map((c) => toJsonValue(row[c.name], c)));
		}
	} finally {
		await sql`close backup_rows`.execute(db);
	}
}

/** A value as it is read, made JSON that either engine takes back exactly. */
function toJsonValue(value: unknown, column: TableColumn): unknown {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return value.toISOString();
	// pg gives 64-bit integers as text, to lose nothing; every one here fits a double's 53 bits (they are counts and money in minor units).
	if (typeof value === 'string' && column.type === 'bigint') {
		const number = Number(value);
		return Number.isSafeInteger(number) ? number : value;
	}
	if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	throw new Error(`Column ${column.name} holds a value a backup cannot carry yet (${Object.prototype.toString.call(value)})`);
}

/** A JSON value converted for the target column (PostgreSQL wants booleans, SQLite 1/0). */
function fromJsonValue(value: unknown, column: TableColumn, dialect: DialectName): unknown {
	if (value === null) return null;
	if (dialect === 'postgres' && column.type === 'boolean') return value === true || value === 1 || value === '1' || value === 'true';
	if (typeof value === 'boolean') return value ? 1 : 0;
	return value;
}

async function readSequences(db: AnyDb, dialect: DialectName, tables: TableShape[]): Promise<Record<string, number>> {
	const sequences: Record<string, number> = {};
	if (dialect === 'sqlite') {
		const rows = await sql<{ name: string; seq: number }>`select name, seq from sqlite_sequence`.execute(db);
		for (const row of rows.rows) sequences[row.name] = Number(row.seq);
		return sequences;
	}
	for (const { table, sequence } of await postgresSequences(db, tables)) {
		// pg_get_serial_sequence gives the name quoted as needed, ready to use as SQL.
		const state = await sql<{ last_value: string; is_called: boolean }>`select last_value, is_called from ${sql.raw(sequence)}`.execute(db);
		const row = state.rows[0];
		if (row?.is_called) sequences[table] = Number(row.last_value);
	}
	return sequences;
}

/** The tables whose `id` PostgreSQL numbers (identity columns), with their sequences. */
async function postgresSequences(db: AnyDb, tables: TableShape[]): Promise<{ table: string; sequence: string }[]> {
	const found: { table: string; sequence: string }[] = [];
	for (const table of tables) {
		if (!table.columns.some((c) => c.name === 'id')) continue;
		const name = await sql<{ sequence: string | null }>`select pg_get_serial_sequence(${`"${table.name}"`}, 'id') as sequence`.execute(db);
		const sequence = name.rows[0]?.sequence;
		if (sequence) found.push({ table: table.name, sequence });
	}
	return found;
}

/** Row counts of every table, for an emptiness check and for comparing. */
export async function countRows(db: AnyDb, tables: TableShape[]): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of tables) {
		const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table.name)}`.execute(db);
		counts[table.name] = Number(result.rows[0]!.n);
	}
	return counts;
}

/** Deletes every row of the tables, children first. */
export async function emptyTables(db: AnyDb, tables: TableShape[]): Promise<void> {
	for (const table of [...tables].reverse()) await sql`delete from ${sql.table(table.name)}`.execute(db);
}

/** Writes rows given as in `Snapshot.rows` (values in `columns` order) into the table, in batches. */
export async function insertRows(db: AnyDb, table: TableShape, columns: string[], rows: unknown[][]): Promise<void> {
	const dialect = dialectOf(db);
	const targets = columns.map((name) => {
		const column = table.columns.find((c) => c.name === name);
		if (!column) throw new Error(`Table ${table.name} has no column ${name} here`);
		return column;
	});
	// Under both engines' limits on parameters per statement (SQLite 32,766; PostgreSQL 65,535).
	const batch = Math.max(1, Math.floor(30_000 / Math.max(1, targets.length)));
	for (let start = 0; start < rows.length; start += batch) {
		const values = rows.slice(start, start + batch).map((row) => Object.fromEntries(targets.map((column, i) => [column.name, fromJsonValue(row[i] ?? null, column, dialect)])));
		await db.insertInto(table.name).values(values).execute();
	}
}

/**
 * Makes the next row numbered after every restored one, and after any number the
 * source had handed out already (so a deleted row's number is not reused).
 */
export async function advanceSequences(db: AnyDb, tables: TableShape[], recorded: Record<string, number>): Promise<void> {
	if (dialectOf(db) === 'sqlite') {
		// SQLite moved sqlite_sequence past the inserted ids itself; only a higher recorded number is left to keep.
		for (const [name, seq] of Object.entries(recorded)) {
			if (!tables.some((t) => t.name === name)) continue;
			await sql`update sqlite_sequence set seq = ${seq} where name = ${name} and seq < ${seq}`.execute(db);
			const autoincrement = await sql<{ found: number }>`
				select 1 as found from sqlite_master where name = ${name} and sql like '%autoincrement%'`.execute(db);
			if (autoincrement.rows.length > 0) {
				await sql`insert into sqlite_sequence (name, seq) select ${name}, ${seq} where not exists (select 1 from sqlite_sequence where name = ${name})`.execute(db);
			}
		}
		return;
	}
	for (const { table, sequence } of await postgresSequences(db, tables)) {
		const max = await sql<{ max: string | number | null }>`select max(id) as max from ${sql.table(table)}`.execute(db);
		const next = Math.max(Number(max.rows[0]?.max ?? 0), recorded[table] ?? 0);
		if (next > 0) await sql`select setval(${sequence}, ${next}, true)`.execute(db);
	}
}
