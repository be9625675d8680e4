import { sql, type Kysely } from 'kysely';
import { addAutoId } from '../migration-helpers';

/*
 * The decision e-mails of a call, as staff edit them: one template per call and
 * decision, with a subject and a body per language. A call without a template
 * for a decision (or a language) uses the wording the app ships with.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await addAutoId(db, db.schema.createTable('call_decision_template'))
		.addColumn('call_id', 'integer', (c) => c.notNull().references('open_call.id').onDelete('cascade'))
		.addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('accepted', 'waitlisted', 'declined')`))
		/** Localized JSON, with the placeholders {name} and {call}. */
		.addColumn('subject', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('body', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('call_decision_template_unique').unique().on('call_decision_template').columns(['call_id', 'decision']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('call_decision_template').execute();
}
