import { locales, type Locale, type Localized } from '$lib/i18n/locales';
import type { Db } from '$lib/server/db/schema';
import { removeSearchDocuments, replaceSearchDocuments } from '$lib/server/db/search';
import { parseLocalized } from '$lib/server/shared/localized-text';
import { htmlToText } from '$lib/server/shared/rich-text';

/**
 * Writes the search documents of a call, in the transaction that changed it: a
 * call the public sees (open or closed) in each language it is written in; a
 * draft, or a call deleted, is taken out of the index.
 */
export async function indexCall(db: Db, id: number): Promise<void> {
	const row = await db.selectFrom('open_call').select(['slug', 'status', 'title', 'summary', 'description', 'eligibility']).where('id', '=', id).executeTakeFirst();
	if (!row || row.status === 'draft') return removeSearchDocuments(db, 'call', String(id));
	const title = parseLocalized(row.title);
	const texts = [parseLocalized(row.summary), parseLocalized(row.description), parseLocalized(row.eligibility)];
	const has = (value: Localized, l: Locale) => (value[l] ?? '').trim() !== '';
	const pickText = (value: Localized, l: Locale) => (has(value, l) ? value[l]! : value.en);
	const written = locales.filter((l) => l === 'en' || has(title, l) || texts.some((t) => has(t, l)));
	await replaceSearchDocuments(
		db,
		'call',
		String(id),
		written.map((locale) => ({
			locale,
			path: `/calls/${row.slug}`,
			title: pickText(title, locale),
			text: texts.map((t) => htmlToText(pickText(t, locale))).join('\n')
		}))
	);
}
