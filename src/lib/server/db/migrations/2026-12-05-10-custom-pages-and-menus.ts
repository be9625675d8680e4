import type { Kysely } from 'kysely';
import { addAutoId } from '../migration-helpers';

/*
 * Pages staff add themselves (`/pages/<slug>`), and the header and footer
 * menus they arrange. A custom page is a live table like the stories: a row is
 * what the public reads, written only by publishing a revision. The menus are
 * not revisions: an entry points at a built-in page (by name) or at a custom
 * page (by id), and staff order and hide entries directly; every change is
 * public at once and audited.
 *
 * A fresh database and an existing one both start with today's links, in
 * today's order, so a site that never touches the menus shows no change.
 */
export const defaultMenus = {
	header: ['home', 'about', 'initiatives', 'stories', 'calls', 'events', 'artists', 'manifesto', 'donate', 'search'],
	footer: ['manifesto_pdf', 'privacy', 'donate', 'transparency']
} as const;

export async function up(db: Kysely<any>): Promise<void> {
	await addAutoId(db, db.schema.createTable('custom_page'))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		/** Localized JSON; body holds sanitized rich text. */
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		/** A photo of the media library; no foreign key, as for the archive's covers. */
		.addColumn('image_id', 'integer')
		.addColumn('published_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await addAutoId(db, db.schema.createTable('menu_entry'))
		/** 'header' or 'footer'. */
		.addColumn('menu', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		/** A built-in page's name ('about', 'manifesto_pdf'…), or null for a custom page. */
		.addColumn('builtin', 'text')
		/** The custom page, for an entry that is not built-in; its entries go with it. */
		.addColumn('page_id', 'integer', (c) => c.references('custom_page.id').onDelete('cascade'))
		.addColumn('visible', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('menu_entry_order').on('menu_entry').columns(['menu', 'position', 'id']).execute();

	const now = new Date().toISOString();
	const rows = Object.entries(defaultMenus).flatMap(([menu, builtins]) => builtins.map((builtin, position) => ({ menu, position, builtin, page_id: null, visible: 1, updated_at: now })));
	await db.insertInto('menu_entry').values(rows).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('menu_entry').execute();
	await db.schema.dropTable('custom_page').execute();
}
