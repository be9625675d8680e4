import { sql, type Kysely } from 'kysely';
import { addAutoId, isPostgres } from '../migration-helpers';

/*
 * The site's search index (db/search.ts): one row per item and language it is
 * written in, as plain text with the public path it links to. Each engine adds
 * its own full-text index beside it:
 *
 * - PostgreSQL: a stored, generated tsvector (title weighted above body) under a
 *   GIN index, made with one text search configuration per site language
 *   (`search_en`, `search_es`, `search_id`, `search_ne`). Each copies the
 *   language's own configuration where the server ships it (Snowball stemmers
 *   since PostgreSQL 13), `simple` otherwise, and puts `unaccent` in front of the
 *   stemmer so 'proyeccion' finds 'proyección'. `unaccent` is a contrib module
 *   the server may lack, or the role may not be allowed to create: the index is
 *   then made without it and search is accent-sensitive, nothing else changes.
 *   Installing it later takes a new migration that alters the configurations.
 * - SQLite: an FTS5 table with the trigram tokenizer, contentless (the text is in
 *   search_document already), written by db/search.ts in the same statements as
 *   the documents, with rowids that say the item and the language (see there, and
 *   why trigram).
 */
const configurations = [
	{ name: 'search_en', language: 'english' },
	{ name: 'search_es', language: 'spanish' },
	{ name: 'search_id', language: 'indonesian' },
	{ name: 'search_ne', language: 'nepali' }
] as const;

export async function up(db: Kysely<any>): Promise<void> {
	await addAutoId(db, db.schema.createTable('search_document'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('path', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('search_document_item_locale_key', ['kind', 'key', 'locale'])
		.execute();
	if (isPostgres(db)) await createPostgresIndex(db);
	else await createSqliteIndex(db);
}

async function createPostgresIndex(db: Kysely<any>): Promise<void> {
	// An exception block runs in a subtransaction, so a refusal does not abort the migration's transaction.
	await sql`
		do $$ begin
			create extension if not exists unaccent;
		exception when others then
			raise notice 'unaccent is not available (%): search stays accent-sensitive', sqlerrm;
		end $$`.execute(db);
	const unaccent = await sql<{ found: number }>`select 1 as found from pg_ts_dict where dictname = 'unaccent'`.execute(db);
	const shipped = await sql<{ cfgname: string }>`select cfgname from pg_ts_config`.execute(db);
	const available = new Set(shipped.rows.map((row) => row.cfgname));

	for (const { name, language } of configurations) {
		const base = available.has(language) ? language : 'simple';
		await sql`create text search configuration ${sql.id(name)} (copy = ${sql.id(base)})`.execute(db);
		if (unaccent.rows.length === 0) continue;
		// Only the token types that can hold non-ASCII letters; asciiword has no accents to take off.
		const stemmer = base === 'simple' ? 'simple' : `${language}_stem`;
		await sql`alter text search configuration ${sql.id(name)}
			alter mapping for word, hword, hword_part with unaccent, ${sql.id(stemmer)}`.execute(db);
	}

	// Title words weigh A, body words D (db/search.ts ranks with those weights). The title alone
	// again, small enough to read for every match, tells title matches from body matches.
	const configuration = sql.raw(
		`case locale ${configurations.map(({ name }) => `when '${name.slice('search_'.length)}' then '${name}'::regconfig`).join(' ')} else 'simple'::regconfig end`
	);
	await sql`alter table search_document add column search_vector tsvector generated always as (
		setweight(to_tsvector(${configuration}, title), 'A') || setweight(to_tsvector(${configuration}, body), 'D')
	) stored`.execute(db);
	await sql`alter table search_document add column title_vector tsvector generated always as (to_tsvector(${configuration}, title)) stored`.execute(db);
	await sql`create index search_document_vector_idx on search_document using gin (search_vector)`.execute(db);
}

async function createSqliteIndex(db: Kysely<any>): Promise<void> {
	await sql`create virtual table search_fts using fts5(
		title, body,
		tokenize = 'trigram remove_diacritics 1',
		content = '', contentless_delete = 1
	)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	if (isPostgres(db)) {
		await db.schema.dropTable('search_document').execute();
		for (const { name } of configurations) await sql`drop text search configuration if exists ${sql.id(name)}`.execute(db);
	} else {
		await sql`drop table search_fts`.execute(db);
		await db.schema.dropTable('search_document').execute();
	}
}
