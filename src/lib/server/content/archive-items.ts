import type { Kysely } from 'kysely';
import type { Localized } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';
import { parseLocalized, stringifyLocalized } from '$lib/server/shared/localized-text';
import type { ItemData, RowData } from './content-items';

/*
 * The live tables of the archive: kinds and programs (ordered lists with a name
 * per language), initiatives with their places, and stories. Read into item data
 * for the editor and revisions, and written from it when a revision is
 * published, inside the publishing transaction.
 */

export type TermTable = 'initiative_kind' | 'initiative_program';

export async function readTerm(db: Kysely<Database>, table: TermTable, id: number): Promise<ItemData | undefined> {
	const row = await db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
	return row ? { name: parseLocalized(row.name), key: row.key } : undefined;
}

/** Writes a kind or program; a key another one has is refused. Returns the row id. */
export async function writeTerm(db: Kysely<Database>, table: TermTable, id: number | undefined, data: ItemData, now: string, position: () => Promise<number>): Promise<number> {
	const key = data.key as string;
	let taken = db.selectFrom(table).select('id').where('key', '=', key);
	if (id !== undefined) taken = taken.where('id', '<>', id);
	if (await taken.executeTakeFirst()) throw new ValidationError({ key: 'Another one already has this short name.' });
	const values = { key, name: stringifyLocalized(data.name as Localized), updated_at: now };
	if (id !== undefined) {
		const result = await db.updateTable(table).set(values).where('id', '=', id).executeTakeFirst();
		return result.numUpdatedRows === 0n ? Number.NaN : id;
	}
	const row = await db
		.insertInto(table)
		.values({ ...values, position: await position() })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** How many initiatives use a kind or program: one in use cannot be deleted. */
export async function termUses(db: Kysely<Database>, table: TermTable, id: number): Promise<number> {
	const column = table === 'initiative_kind' ? 'kind_id' : 'program_id';
	const row = await db
		.selectFrom('initiative')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where(column, '=', id)
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

function parseJsonArray<T>(json: string): T[] {
	try {
		const value: unknown = JSON.parse(json);
		return Array.isArray(value) ? (value as T[]) : [];
	} catch {
		return [];
	}
}

export async function readInitiative(db: Kysely<Database>, id: number): Promise<ItemData | undefined> {
	const row = await db.selectFrom('initiative').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) return undefined;
	const places = await db.selectFrom('initiative_place').selectAll().where('initiative_id', '=', id).orderBy('position').execute();
	return {
		title: parseLocalized(row.title),
		slug: row.slug,
		summary: parseLocalized(row.summary),
		body: parseLocalized(row.body),
		theme: parseLocalized(row.theme),
		kind_id: row.kind_id,
		program_id: row.program_id ?? 0,
		start_date: row.start_date,
		end_date: row.end_date ?? '',
		places: places.map((p) => ({
			name: p.name,
			city: p.city,
			country: p.country,
			latitude: p.latitude,
			longitude: p.longitude,
			virtual: p.virtual === 1
		})),
		figures: parseJsonArray<RowData>(row.figures),
		credits: parseJsonArray<RowData>(row.credits),
		gallery: parseJsonArray<RowData>(row.gallery),
		call_ids: parseJsonArray<number>(row.call_ids)
	};
}

async function refuseTakenSlug(db: Kysely<Database>, table: 'initiative' | 'story', slug: string, id: number | undefined): Promise<void> {
	let taken = db.selectFrom(table).select('id').where('slug', '=', slug);
	if (id !== undefined) taken = taken.where('id', '<>', id);
	if (await taken.executeTakeFirst()) throw new ValidationError({ slug: 'Another one already has this address: change it a little, e.g. add the year.' });
}

/** Writes an initiative and its places. Returns the row id, or NaN when the row named is gone. */
export async function writeInitiative(db: Kysely<Database>, id: number | undefined, data: ItemData, now: string): Promise<number> {
	const slug = data.slug as string;
	await refuseTakenSlug(db, 'initiative', slug, id);
	const kindId = data.kind_id as number;
	const programId = (data.program_id as number) || null;
	const issues: Record<string, string> = {};
	if (!(await db.selectFrom('initiative_kind').select('id').where('id', '=', kindId).executeTakeFirst())) issues.kind_id = 'This kind has been deleted: choose another.';
	if (programId && !(await db.selectFrom('initiative_program').select('id').where('id', '=', programId).executeTakeFirst())) issues.program_id = 'This program has been deleted: choose another.';
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);

	const start = data.start_date as string;
	const end = (data.end_date as string) || null;
	const figures = data.figures as RowData[];
	const gallery = data.gallery as RowData[];
	const loc = (name: string) => stringifyLocalized(data[name] as Localized);
	const values = {
		slug,
		kind_id: kindId,
		program_id: programId,
		title: loc('title'),
		summary: loc('summary'),
		body: loc('body'),
		theme: loc('theme'),
		start_date: start,
		end_date: end,
		start_year: Number(start.slice(0, 4)),
		end_year: Number((end ?? start).slice(0, 4)),
		figures: JSON.stringify(figures),
		participants: figures.reduce((sum, f) => sum + (f.participants ? (f.value as number) : 0), 0),
		credits: JSON.stringify(data.credits),
		gallery: JSON.stringify(gallery),
		cover_media_id: (gallery[0]?.media_id as number | undefined) ?? null,
		call_ids: JSON.stringify(data.call_ids),
		updated_at: now
	};
	let rowId: number;
	if (id !== undefined) {
		const result = await db.updateTable('initiative').set(values).where('id', '=', id).executeTakeFirst();
		if (result.numUpdatedRows === 0n) return Number.NaN;
		rowId = id;
		await db.deleteFrom('initiative_place').where('initiative_id', '=', id).execute();
	} else {
		const row = await db
			.insertInto('initiative')
			.values({ ...values, published_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		rowId = row.id;
	}
	const places = (data.places as RowData[]).map((p, position) => ({
		initiative_id: rowId,
		position,
		name: p.name as string,
		city: p.city as string,
		country: p.country as string,
		latitude: p.latitude as number | null,
		longitude: p.longitude as number | null,
		virtual: p.virtual ? 1 : 0
	}));
	if (places.length > 0) await db.insertInto('initiative_place').values(places).execute();
	return rowId;
}

export async function readStory(db: Kysely<Database>, id: number): Promise<ItemData | undefined> {
	const row = await db.selectFrom('story').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) return undefined;
	const links = await db.selectFrom('story_initiative').select('initiative_id').where('story_id', '=', id).orderBy('position').execute();
	return {
		title: parseLocalized(row.title),
		slug: row.slug,
		standfirst: parseLocalized(row.standfirst),
		body: parseLocalized(row.body),
		cover_media_id: row.cover_media_id ?? 0,
		author_name: row.author_name,
		published_on: row.published_on,
		tags: parseJsonArray<string>(row.tags),
		initiative_ids: links.map((l) => l.initiative_id)
	};
}

/** Writes a story and its links to initiatives (links to initiatives deleted since are dropped). */
export async function writeStory(db: Kysely<Database>, id: number | undefined, data: ItemData, now: string): Promise<number> {
	const slug = data.slug as string;
	await refuseTakenSlug(db, 'story', slug, id);
	const loc = (name: string) => stringifyLocalized(data[name] as Localized);
	const values = {
		slug,
		title: loc('title'),
		standfirst: loc('standfirst'),
		body: loc('body'),
		cover_media_id: (data.cover_media_id as number) || null,
		author_name: data.author_name as string,
		published_on: data.published_on as string,
		tags: JSON.stringify(data.tags),
		updated_at: now
	};
	let rowId: number;
	if (id !== undefined) {
		const result = await db.updateTable('story').set(values).where('id', '=', id).executeTakeFirst();
		if (result.numUpdatedRows === 0n) return Number.NaN;
		rowId = id;
		await db.deleteFrom('story_initiative').where('story_id', '=', id).execute();
	} else {
		const row = await db
			.insertInto('story')
			.values({ ...values, published_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		rowId = row.id;
	}
	const wanted = data.initiative_ids as number[];
	if (wanted.length > 0) {
		const existing = new Set((await db.selectFrom('initiative').select('id').where('id', 'in', wanted).execute()).map((r) => r.id));
		const links = wanted.filter((i) => existing.has(i)).map((initiative_id, position) => ({ story_id: rowId, initiative_id, position }));
		if (links.length > 0) await db.insertInto('story_initiative').values(links).execute();
	}
	return rowId;
}
