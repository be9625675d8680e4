import type { Kysely } from 'kysely';
import type { Database, ListTable } from '$lib/server/db/schema';

export type PageKey = 'home' | 'about' | 'manifesto' | 'privacy';

export function findPage(db: Kysely<Database>, key: PageKey) {
	return db.selectFrom('page').selectAll().where('key', '=', key).executeTakeFirst();
}

export function listItems(db: Kysely<Database>, table: ListTable) {
	return db.selectFrom(table).selectAll().orderBy('position').orderBy('id').execute();
}

export function listTestimonials(db: Kysely<Database>, options: { featuredOnly?: boolean } = {}) {
	let query = db.selectFrom('testimonial').selectAll();
	if (options.featuredOnly) query = query.where('featured', '=', 1);
	return query.orderBy('position').orderBy('id').execute();
}

/** The photos live pages show (drafts do not count): what makes a photo public (media/published-media.ts). */
export async function mediaInLiveContent(db: Kysely<Database>): Promise<number[]> {
	const [pages, galleries, stories, events, added] = await Promise.all([
		db.selectFrom('page').select('image_id').where('image_id', 'is not', null).execute(),
		db.selectFrom('initiative').select('gallery').execute(),
		db.selectFrom('story').select('cover_media_id').where('cover_media_id', 'is not', null).execute(),
		db.selectFrom('event').select('cover_media_id').where('cover_media_id', 'is not', null).execute(),
		db.selectFrom('custom_page').select('image_id').where('image_id', 'is not', null).execute()
	]);
	const ids = [...pages, ...added].map((row) => Number(row.image_id));
	for (const { gallery } of galleries) {
		for (const photo of JSON.parse(gallery) as { media_id?: unknown }[]) if (typeof photo.media_id === 'number') ids.push(photo.media_id);
	}
	for (const row of [...stories, ...events]) ids.push(Number(row.cover_media_id));
	return ids;
}

/** Newest change to any public content, for Last-Modified and the sitemap. */
export async function lastContentChange(db: Kysely<Database>): Promise<string | undefined> {
	const rows = await Promise.all([
		db.selectFrom('organization').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst(),
		db.selectFrom('page').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst(),
		db.selectFrom('initiative').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst(),
		db.selectFrom('story').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst(),
		db.selectFrom('event').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst(),
		db.selectFrom('exhibition').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst(),
		db.selectFrom('custom_page').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst()
	]);
	return rows
		.map((row) => row?.at ?? undefined)
		.filter((at): at is string => typeof at === 'string')
		.sort()
		.at(-1);
}
