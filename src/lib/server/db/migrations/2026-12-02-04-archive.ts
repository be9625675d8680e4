import { sql, type Kysely } from 'kysely';
import { addAutoId } from '../migration-helpers';

/*
 * The archive: the initiatives the organization has run, with their places,
 * and the stories told about them. Like the site's pages these are live tables:
 * a row is what the public site shows, written only by publishing a revision
 * (`content_revision`), so drafts and scheduled versions live there.
 *
 * Kinds and programs are staff-defined lists with names per language. Figures,
 * credits and the gallery are read and written whole with their initiative, so
 * they are JSON; places are rows, because the map, the country filter and the
 * figures read them across initiatives.
 */
export async function up(db: Kysely<any>): Promise<void> {
	for (const table of ['initiative_kind', 'initiative_program']) {
		await addAutoId(db, db.schema.createTable(table))
			.addColumn('position', 'integer', (c) => c.notNull())
			/** Stable name used in filter addresses (`?kind=festival`). */
			.addColumn('key', 'text', (c) => c.notNull().unique())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
	}

	await addAutoId(db, db.schema.createTable('initiative'))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('kind_id', 'integer', (c) => c.notNull().references('initiative_kind.id'))
		.addColumn('program_id', 'integer', (c) => c.references('initiative_program.id'))
		/** Localized JSON; body holds sanitized rich text. */
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('theme', 'text', (c) => c.notNull())
		/** Calendar dates (YYYY-MM-DD), no time zone: when the work happened where it happened. */
		.addColumn('start_date', 'text', (c) => c.notNull())
		.addColumn('end_date', 'text')
		.addColumn('start_year', 'integer', (c) => c.notNull())
		.addColumn('end_year', 'integer', (c) => c.notNull())
		/** JSON: [{ label: Localized, value, source, participants }]. */
		.addColumn('figures', 'text', (c) => c.notNull())
		/** Sum of the figures marked as participants, for the home page's total. */
		.addColumn('participants', 'bigint', (c) => c.notNull().defaultTo(0))
		/** JSON: [{ name, role: artist | partner | host, note: Localized }]. */
		.addColumn('credits', 'text', (c) => c.notNull())
		/** JSON: [{ mediaId, caption: Localized, credit }], in the order shown. */
		.addColumn('gallery', 'text', (c) => c.notNull())
		.addColumn('cover_media_id', 'integer')
		/** JSON: ids of related open calls. */
		.addColumn('call_ids', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('published_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('initiative_listing').on('initiative').columns(['start_date', 'id']).execute();
	await db.schema.createIndex('initiative_kind_listing').on('initiative').columns(['kind_id', 'start_date']).execute();
	await db.schema.createIndex('initiative_program_listing').on('initiative').columns(['program_id', 'start_date']).execute();

	await addAutoId(db, db.schema.createTable('initiative_place'))
		.addColumn('initiative_id', 'integer', (c) => c.notNull().references('initiative.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('city', 'text', (c) => c.notNull())
		/** ISO 3166-1 alpha-2; empty for an online place. */
		.addColumn('country', 'text', (c) => c.notNull())
		.addColumn('latitude', 'real')
		.addColumn('longitude', 'real')
		.addColumn('virtual', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema.createIndex('initiative_place_initiative').on('initiative_place').columns(['initiative_id', 'position']).execute();
	await db.schema.createIndex('initiative_place_country').on('initiative_place').columns(['country', 'initiative_id']).execute();

	await addAutoId(db, db.schema.createTable('story'))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		/** Localized JSON; body holds sanitized rich text. */
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('standfirst', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('cover_media_id', 'integer')
		.addColumn('author_name', 'text', (c) => c.notNull())
		/** The date the story carries (YYYY-MM-DD); feeds and lists sort by it. */
		.addColumn('published_on', 'text', (c) => c.notNull())
		/** JSON: lower-case words. */
		.addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('published_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('story_listing').on('story').columns(['published_on', 'id']).execute();

	await db.schema
		.createTable('story_initiative')
		.addColumn('story_id', 'integer', (c) => c.notNull().references('story.id').onDelete('cascade'))
		.addColumn('initiative_id', 'integer', (c) => c.notNull().references('initiative.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('story_initiative_pk', ['story_id', 'initiative_id'])
		.execute();
	await db.schema.createIndex('story_initiative_initiative').on('story_initiative').columns(['initiative_id', 'story_id']).execute();

	// Figures staff pin while the archive is incomplete say where they come from.
	await db.schema.alterTable('organization').addColumn('figures_source', 'text', (c) => c.notNull().defaultTo(sql`'{}'`)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('organization').dropColumn('figures_source').execute();
	for (const table of ['story_initiative', 'story', 'initiative_place', 'initiative', 'initiative_program', 'initiative_kind']) {
		await db.schema.dropTable(table).execute();
	}
}
