import { sql, type Kysely } from 'kysely';
import { addAutoId, isPostgres } from '../migration-helpers';

// The content of the public site: organization settings, pages and ordered lists.
export async function up(db: Kysely<any>): Promise<void> {
	const postgres = isPostgres(db);

	await db.schema
		.createTable('app_meta')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('organization')
		.addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('tagline', 'text', (c) => c.notNull())
		.addColumn('intro', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('location', 'text', (c) => c.notNull())
		.addColumn('founded_year', 'integer', (c) => c.notNull())
		.addColumn('social_links', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('figure_initiatives', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('figure_countries', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('figure_years', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn(
			'figure_participants',
			postgres ? 'bigint' : 'integer',
			(c) => c.notNull().defaultTo(0)
		)
		.addColumn('figures_year', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('page')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	for (const table of ['pillar', 'activity', 'core_value']) {
		await addAutoId(db, db.schema.createTable(table))
			.addColumn('position', 'integer', (c) => c.notNull())
			.addColumn('title', 'text', (c) => c.notNull())
			.addColumn('body', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
	}

	await addAutoId(db, db.schema.createTable('testimonial'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('quote', 'text', (c) => c.notNull())
		.addColumn('person', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('place', 'text', (c) => c.notNull())
		.addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['testimonial', 'core_value', 'activity', 'pillar', 'page', 'organization', 'app_meta']) {
		await db.schema.dropTable(table).execute();
	}
}
