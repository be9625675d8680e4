import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../migration-helpers';

/*
 * A photo's files were served at /media/<id>/…: ids count up, so anyone could
 * walk through every upload, used on a page or not. Each photo now gets a random
 * key of 128 bits (base64url, 22 characters) that names it in public URLs.
 * Existing photos get theirs here, one by one: the engines share no function
 * for strong random text.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('media').addColumn('public_key', 'text').execute();
	const rows = await db.selectFrom('media').select('id').execute();
	for (const { id } of rows) {
		await db.updateTable('media').set({ public_key: randomBytes(16).toString('base64url') }).where('id', '=', id).execute();
	}
	await db.schema.createIndex('media_public_key_idx').unique().on('media').column('public_key').execute();
	// SQLite cannot add NOT NULL to an existing column; there, the app always sets the key.
	if (isPostgres(db)) await sql`alter table media alter column public_key set not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('media_public_key_idx').execute();
	await db.schema.alterTable('media').dropColumn('public_key').execute();
}
