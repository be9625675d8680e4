import type { Kysely } from 'kysely';
import { locales, type Locale, type Localized } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { removeSearchDocuments, replaceSearchDocuments, type SearchDocumentInput } from '$lib/server/db/search';
import { countryName } from '$lib/server/shared/countries';
import { languageName } from '$lib/server/shared/languages';
import { parseLocalized } from '$lib/server/shared/localized-text';
import { htmlToText } from '$lib/server/shared/rich-text';
import { parseEventAccess } from './archive-items';
import type { ContentItemType } from './content-items';

/*
 * What the site's search finds of site content: pages, initiatives, stories and events,
 * one document per language each is written in (English always; a reader of
 * another language finds the English one through the fallback). Written from
 * the live tables in the transaction that publishes or deletes the item.
 */

function has(value: Localized, locale: Locale): boolean {
	return (value[locale] ?? '').trim() !== '';
}

/** The text of a language: its own where written, English where not (so a half-translated item is still whole). */
function inLanguage(value: Localized, locale: Locale, html = false): string {
	const text = has(value, locale) ? value[locale]! : value.en;
	return html ? htmlToText(text) : text;
}

function documents(path: string, parts: { title: Localized; main: Localized[]; html: Localized[]; extra: (locale: Locale) => string[] }): SearchDocumentInput[] {
	const written = locales.filter((l) => l === 'en' || has(parts.title, l) || parts.main.some((v) => has(v, l)) || parts.html.some((v) => has(v, l)));
	return written.map((locale) => ({
		locale,
		path,
		title: inLanguage(parts.title, locale),
		text: [...parts.main.map((v) => inLanguage(v, locale)), ...parts.html.map((v) => inLanguage(v, locale, true)), ...parts.extra(locale)].filter((t) => t.trim() !== '').join('\n')
	}));
}

const pagePaths: Record<string, string> = { home: '/', about: '/about', manifesto: '/manifesto', privacy: '/privacy' };

/** Writes (or removes, when it is gone) the search documents of one published item. Types search does not cover are left alone. */
export async function indexLiveItem(db: Kysely<Database>, type: ContentItemType, key: string): Promise<void> {
	if (type === 'page') {
		const row = await db.selectFrom('page').selectAll().where('key', '=', key).executeTakeFirst();
		const path = pagePaths[key];
		if (!row || !path) return removeSearchDocuments(db, 'page', key);
		return replaceSearchDocuments(db, 'page', key, documents(path, { title: parseLocalized(row.title), main: [parseLocalized(row.summary)], html: [parseLocalized(row.body)], extra: () => [] }));
	}
	if (type === 'custom_page') {
		const row = await db.selectFrom('custom_page').selectAll().where('id', '=', Number(key)).executeTakeFirst();
		if (!row) return removeSearchDocuments(db, 'custom_page', key);
		return replaceSearchDocuments(
			db,
			'custom_page',
			key,
			documents(`/pages/${row.slug}`, { title: parseLocalized(row.title), main: [parseLocalized(row.summary)], html: [parseLocalized(row.body)], extra: () => [] })
		);
	}
	if (type === 'initiative') {
		const row = await db
			.selectFrom('initiative')
			.innerJoin('initiative_kind', 'initiative_kind.id', 'initiative.kind_id')
			.leftJoin('initiative_program', 'initiative_program.id', 'initiative.program_id')
			.select(['initiative.slug', 'initiative.title', 'initiative.summary', 'initiative.body', 'initiative.theme', 'initiative.credits', 'initiative_kind.name as kind', 'initiative_program.name as program'])
			.where('initiative.id', '=', Number(key))
			.executeTakeFirst();
		if (!row) return removeSearchDocuments(db, 'initiative', key);
		const places = await db.selectFrom('initiative_place').select(['name', 'city', 'country']).where('initiative_id', '=', Number(key)).orderBy('position').execute();
		// A credit of one of the collective's artists is worded by their consent, which can change without a new revision: never indexed by name.
		const credits = (JSON.parse(row.credits) as { name?: unknown; artistId?: unknown }[]).filter((c) => !c.artistId).map((c) => String(c.name ?? ''));
		const kind = parseLocalized(row.kind);
		const program = row.program ? parseLocalized(row.program) : { en: '' };
		return replaceSearchDocuments(
			db,
			'initiative',
			key,
			documents(`/initiatives/${row.slug}`, {
				title: parseLocalized(row.title),
				main: [parseLocalized(row.summary), parseLocalized(row.theme)],
				html: [parseLocalized(row.body)],
				extra: (locale) => [
					inLanguage(kind, locale),
					inLanguage(program, locale),
					...places.map((p) => [p.name, p.city, p.country ? countryName(p.country, locale) : ''].filter(Boolean).join(', ')),
					...credits
				]
			})
		);
	}
	if (type === 'story') {
		const row = await db.selectFrom('story').selectAll().where('id', '=', Number(key)).executeTakeFirst();
		if (!row) return removeSearchDocuments(db, 'story', key);
		const tags = JSON.parse(row.tags) as string[];
		return replaceSearchDocuments(
			db,
			'story',
			key,
			documents(`/stories/${row.slug}`, {
				title: parseLocalized(row.title),
				main: [parseLocalized(row.standfirst)],
				html: [parseLocalized(row.body)],
				extra: () => [row.author_name, ...tags]
			})
		);
	}
	if (type === 'exhibition') {
		const row = await db.selectFrom('exhibition').select(['slug', 'title', 'summary', 'curatorial_text', 'curator_names']).where('id', '=', Number(key)).executeTakeFirst();
		if (!row) return removeSearchDocuments(db, 'exhibition', key);
		const works = await db
			.selectFrom('exhibition_work')
			.innerJoin('artwork', 'artwork.id', 'exhibition_work.artwork_id')
			.select(['artwork.title', 'exhibition_work.caption'])
			.where('exhibition_work.exhibition_id', '=', Number(key))
			.orderBy('exhibition_work.position')
			.execute();
		// The works' titles and captions find the exhibition; artists are left out, as whether they may be named is theirs to say.
		return replaceSearchDocuments(
			db,
			'exhibition',
			key,
			documents(`/exhibitions/${row.slug}`, {
				title: parseLocalized(row.title),
				main: [parseLocalized(row.summary)],
				html: [parseLocalized(row.curatorial_text)],
				extra: (locale) => [row.curator_names, ...works.flatMap((w) => [inLanguage(parseLocalized(w.title), locale), inLanguage(parseLocalized(w.caption), locale)])]
			})
		);
	}
	if (type === 'event') {
		const row = await db
			.selectFrom('event')
			.innerJoin('event_kind', 'event_kind.id', 'event.kind_id')
			.select(['event.slug', 'event.title', 'event.summary', 'event.body', 'event.organizer_name', 'event.access', 'event_kind.name as kind'])
			.where('event.id', '=', Number(key))
			.executeTakeFirst();
		if (!row) return removeSearchDocuments(db, 'event', key);
		const kind = parseLocalized(row.kind);
		const access = parseEventAccess(row.access);
		return replaceSearchDocuments(
			db,
			'event',
			key,
			documents(`/events/${row.slug}`, {
				title: parseLocalized(row.title),
				main: [parseLocalized(row.summary)],
				html: [parseLocalized(row.body)],
				// "Workshop in Nepali" finds it in every language: the kind and the languages are named in the reader's.
				extra: (locale) => [inLanguage(kind, locale), row.organizer_name, ...access.languages.map((code) => languageName(code, locale))]
			})
		);
	}
}
