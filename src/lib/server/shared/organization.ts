import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

/**
 * The organization's identity as staff set it (name, contact address, links):
 * what every domain's e-mail signs with and every page's footer shows.
 */
export function findOrganization(db: Kysely<Database>) {
	return db.selectFrom('organization').selectAll().where('id', '=', 1).executeTakeFirst();
}
