import type { Kysely } from 'kysely';
import { locales, type Locale, type Localized } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';
import { parseLocalized, pickJson, stringifyLocalized, type Text } from '$lib/server/shared/localized-text';
import type { FieldSpec, ItemData } from './content-items';

/*
 * Pages staff add themselves, at /pages/<slug>: a title, an optional summary
 * and photo, and a text. Read into item data for the editor and revisions, and
 * written from it when a revision is published, inside the publishing
 * transaction, like the stories.
 */

export const customPageFields: FieldSpec[] = [
	{ name: 'title', label: 'Title', kind: 'line', required: true, max: 200 },
	{
		name: 'slug',
		label: 'Address',
		kind: 'slug',
		max: 80,
		hint: 'The end of its web address, after /pages/. Made from the English title when left empty.'
	},
	{ name: 'summary', label: 'Summary', kind: 'paragraph', max: 600, hint: 'Optional. Shown under the title and by search engines.' },
	{ name: 'body', label: 'Text', kind: 'rich', max: 100_000 },
	{ name: 'image_id', label: 'Photo', kind: 'image', hint: 'Optional. Shown at the top of the page, with its alt text. Upload photos in Media first.' }
];

/**
 * Addresses a page may not take: the site's own first segments (and its
 * languages), so that a page's address never reads as one of the site's pages.
 */
export const reservedPageSlugs: ReadonlySet<string> = new Set([
	...locales,
	'about',
	'admin',
	'api',
	'artists',
	'calls',
	'donate',
	'events',
	'exhibitions',
	'feed',
	'form-refused',
	'healthz',
	'home',
	'iiif',
	'initiatives',
	'manifesto',
	'media',
	'metrics',
	'newsletter',
	'pages',
	'privacy',
	'readyz',
	'registrations',
	'robots',
	'search',
	'sitemap',
	'stories',
	'transparency'
]);

export const reservedSlugMessage = 'This address is one of the site’s own pages: choose another, e.g. add a word.';

/** The issue of a page whose address is one of the site's own, by form field. */
export function reservedSlugIssues(data: ItemData): Record<string, string> {
	const slug = String(data.slug ?? '');
	return reservedPageSlugs.has(slug) ? { slug: reservedSlugMessage } : {};
}

export async function readCustomPage(db: Kysely<Database>, id: number): Promise<ItemData | undefined> {
	const row = await db.selectFrom('custom_page').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) return undefined;
	return {
		title: parseLocalized(row.title),
		slug: row.slug,
		summary: parseLocalized(row.summary),
		body: parseLocalized(row.body),
		image_id: row.image_id ?? 0
	};
}

/** Writes a page; an address another page has is refused. Returns the row id, or NaN when the row named is gone. */
export async function writeCustomPage(db: Kysely<Database>, id: number | undefined, data: ItemData, now: string): Promise<number> {
	const slug = data.slug as string;
	let taken = db.selectFrom('custom_page').select('id').where('slug', '=', slug);
	if (id !== undefined) taken = taken.where('id', '<>', id);
	if (await taken.executeTakeFirst()) throw new ValidationError({ slug: 'Another page already has this address: change it a little.' });
	const loc = (name: string) => stringifyLocalized(data[name] as Localized);
	const values = {
		slug,
		title: loc('title'),
		summary: loc('summary'),
		body: loc('body'),
		image_id: (data.image_id as number) || null,
		updated_at: now
	};
	if (id !== undefined) {
		const result = await db.updateTable('custom_page').set(values).where('id', '=', id).executeTakeFirst();
		return result.numUpdatedRows === 0n ? Number.NaN : id;
	}
	const row = await db
		.insertInto('custom_page')
		.values({ ...values, published_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** An added page as the public reads it, in the reader's language (English where not translated). */
export interface CustomPage {
	slug: string;
	title: Text;
	summary: Text;
	body: Text;
	imageId: number | null;
	updatedAt: string;
}

/** The published page at this address; undefined when there is none. */
export async function getCustomPage(db: Kysely<Database>, slug: string, locale: Locale): Promise<CustomPage | undefined> {
	const row = await db.selectFrom('custom_page').selectAll().where('slug', '=', slug).executeTakeFirst();
	if (!row) return undefined;
	return {
		slug: row.slug,
		title: pickJson(row.title, locale),
		summary: pickJson(row.summary, locale),
		body: pickJson(row.body, locale),
		imageId: row.image_id,
		updatedAt: row.updated_at
	};
}
