import type { Kysely } from 'kysely';
import { locales, type Locale, type Localized } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';
import { parseLocalized, stringifyLocalized } from '$lib/server/shared/localized-text';
import { displayNames } from '$lib/i18n/intl';
import { parseArtworkImages, parseExhibitionLanguages, parseExhibitionSections, parseIds } from '$lib/server/shared/exhibition-columns';
import type { ItemData, RowData } from './content-items';

/*
 * An exhibition as content: read from its live table (`exhibition` and its
 * ordered `exhibition_work` rows) into item data for the editor and revisions,
 * and written from it when a revision is published, inside the publishing
 * transaction. Works themselves are the exhibitions domain's, edited directly;
 * here they are only named by id, and their alt text read for the rule below,
 * which publishing and scheduling ask.
 */

export async function readExhibition(db: Kysely<Database>, id: number): Promise<ItemData | undefined> {
	const row = await db.selectFrom('exhibition').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) return undefined;
	const works = await db.selectFrom('exhibition_work').selectAll().where('exhibition_id', '=', id).orderBy('position').execute();
	return {
		title: parseLocalized(row.title),
		slug: row.slug,
		summary: parseLocalized(row.summary),
		curatorial_text: parseLocalized(row.curatorial_text),
		languages: parseExhibitionLanguages(row.languages),
		curator_ids: parseIds(row.curator_ids),
		curator_names: row.curator_names,
		opens_on: row.opens_on,
		closes_on: row.closes_on ?? '',
		permanent: row.permanent === 1,
		cover_media_id: row.cover_media_id ?? 0,
		initiative_id: row.initiative_id ?? 0,
		sections: parseExhibitionSections(row.sections).map((s): RowData => ({ key: s.key, title: s.title })),
		works: works.map((w): RowData => ({ artwork_id: w.artwork_id, caption: parseLocalized(w.caption), section_key: w.section_key }))
	};
}

/**
 * Rules between an exhibition's fields: published languages are site languages
 * with English always; a permanent show has no closing day; section keys are
 * short names, unique; a work row names a work and a section that exists.
 */
export function completeExhibitionData(data: ItemData): Record<string, string> {
	const issues: Record<string, string> = {};
	const languages = data.languages as string[];
	const unknown = languages.find((code) => !(locales as readonly string[]).includes(code));
	if (unknown) issues.languages = `“${unknown}” is not a language of this site: choose among English, Nepali, Indonesian and Spanish.`;
	data.languages = locales.filter((l) => l === 'en' || languages.includes(l));
	if (data.permanent) data.closes_on = '';
	const opens = data.opens_on as string;
	const closes = data.closes_on as string;
	if (closes !== '' && opens !== '' && closes < opens) issues.closes_on = 'It cannot close before it opens.';
	const keys = new Set<string>();
	for (const [i, section] of (data.sections as RowData[]).entries()) {
		const key = String(section.key ?? '').toLowerCase();
		section.key = key;
		if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key)) issues[`sections.${i}.key`] = 'Use only letters a–z, digits and single dashes, e.g. “walls”.';
		else if (keys.has(key)) issues[`sections.${i}.key`] = 'Another section has this short name.';
		keys.add(key);
	}
	for (const [i, work] of (data.works as RowData[]).entries()) {
		if (!(Number(work.artwork_id) > 0)) issues[`works.${i}.artwork_id`] = 'Write the number of a work from Works.';
		const section = String(work.section_key ?? '').toLowerCase();
		work.section_key = section;
		if (section !== '' && !keys.has(section)) issues[`works.${i}.section_key`] = 'No section has this short name.';
	}
	return issues;
}

/** Writes an exhibition and its ordered works. Returns the row id, or NaN when the row named is gone. */
export async function writeExhibition(db: Kysely<Database>, id: number | undefined, data: ItemData, now: string): Promise<number> {
	const slug = data.slug as string;
	let taken = db.selectFrom('exhibition').select('id').where('slug', '=', slug);
	if (id !== undefined) taken = taken.where('id', '<>', id);
	if (await taken.executeTakeFirst()) throw new ValidationError({ slug: 'Another exhibition already has this address: change it a little, e.g. add the year.' });
	const works = data.works as RowData[];
	const artworkIds = works.map((w) => Number(w.artwork_id));
	const known = new Set(artworkIds.length ? (await db.selectFrom('artwork').select('id').where('id', 'in', artworkIds).execute()).map((r) => r.id) : []);
	const issues: Record<string, string> = {};
	artworkIds.forEach((artworkId, i) => {
		if (!known.has(artworkId)) issues[`works.${i}.artwork_id`] = `There is no work number ${artworkId} in Works.`;
	});
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);
	const wantedInitiative = (data.initiative_id as number) || null;
	const initiativeId = wantedInitiative && (await db.selectFrom('initiative').select('id').where('id', '=', wantedInitiative).executeTakeFirst()) ? wantedInitiative : null;

	const loc = (name: string) => stringifyLocalized(data[name] as Localized);
	const values = {
		slug,
		title: loc('title'),
		summary: loc('summary'),
		curatorial_text: loc('curatorial_text'),
		languages: JSON.stringify(data.languages),
		curator_ids: JSON.stringify(data.curator_ids),
		curator_names: data.curator_names as string,
		opens_on: data.opens_on as string,
		closes_on: (data.closes_on as string) || null,
		permanent: data.permanent ? 1 : 0,
		cover_media_id: (data.cover_media_id as number) || null,
		sections: JSON.stringify((data.sections as RowData[]).map((s) => ({ key: s.key, title: s.title }))),
		initiative_id: initiativeId,
		updated_at: now
	};
	let rowId: number;
	if (id !== undefined) {
		const result = await db.updateTable('exhibition').set(values).where('id', '=', id).executeTakeFirst();
		if (result.numUpdatedRows === 0n) return Number.NaN;
		rowId = id;
		await db.deleteFrom('exhibition_work').where('exhibition_id', '=', id).execute();
	} else {
		const row = await db
			.insertInto('exhibition')
			.values({ ...values, published_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		rowId = row.id;
	}
	if (works.length > 0) {
		await db
			.insertInto('exhibition_work')
			.values(
				works.map((w, i) => ({
					exhibition_id: rowId,
					position: i + 1,
					artwork_id: Number(w.artwork_id),
					caption: stringifyLocalized(w.caption as Localized),
					section_key: String(w.section_key ?? '')
				}))
			)
			.execute();
	}
	return rowId;
}

/** The works of an exhibition's data, by their place in it (1-based) and work id. */
function worksOf(data: ItemData): { position: number; artworkId: number }[] {
	return ((data.works ?? []) as RowData[]).map((w, i) => ({ position: i + 1, artworkId: Number(w.artwork_id) }));
}

/**
 * The rule of alt text: an exhibition is not published in a language in which
 * one of its works has an image without alt text. The issues are keyed by the
 * work row's field and name the work and the languages, in the editors' words.
 */
export async function worksLackingAltText(db: Kysely<Database>, data: ItemData): Promise<Record<string, string>> {
	const works = worksOf(data);
	const languages = (data.languages as Locale[] | undefined) ?? ['en'];
	if (works.length === 0) return {};
	const rows = await db.selectFrom('artwork').select(['id', 'title', 'images']).where('id', 'in', [...new Set(works.map((w) => w.artworkId))]).execute();
	const byId = new Map(rows.map((r) => [r.id, r]));
	const names = displayNames('en', { type: 'language' });
	const issues: Record<string, string> = {};
	for (const work of works) {
		const row = byId.get(work.artworkId);
		if (!row) continue;
		const images = parseArtworkImages(row.images);
		const missing = languages.filter((l) => images.length === 0 || images.some((image) => !image.alt[l]?.trim()));
		if (missing.length === 0) continue;
		const title = parseLocalized(row.title).en;
		issues[`works.${work.position - 1}.artwork_id`] =
			`Work ${work.position}, “${title}” (number ${row.id}), has an image without alt text in ${missing.map((l) => names.of(l) ?? l).join(', ')}, a language this exhibition is published in. Add it in Works, or publish without that language.`;
	}
	return issues;
}
