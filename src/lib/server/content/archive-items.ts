import type { Kysely } from 'kysely';
import type { Localized } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';
import { parseLocalized, stringifyLocalized } from '$lib/server/shared/localized-text';
import type { AccessAnswer, ItemData, RowData } from './content-items';

/*
 * The live tables of the archive and the events: kinds and programs (ordered
 * lists with a name per language), initiatives with their places, stories, and
 * events (their editorial part; sessions and registrations are not content).
 * Read into item data for the editor and revisions, and written from it when a
 * revision is published, inside the publishing transaction.
 */

export type TermTable = 'initiative_kind' | 'initiative_program' | 'event_kind';

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

/** How many initiatives (or events, for an event kind) use a kind or program: one in use cannot be deleted. */
export async function termUses(db: Kysely<Database>, table: TermTable, id: number): Promise<number> {
	const row =
		table === 'event_kind'
			? await db
					.selectFrom('event')
					.select((eb) => eb.fn.countAll<number | string>().as('n'))
					.where('kind_id', '=', id)
					.executeTakeFirst()
			: await db
					.selectFrom('initiative')
					.select((eb) => eb.fn.countAll<number | string>().as('n'))
					.where(table === 'initiative_kind' ? 'kind_id' : 'program_id', '=', id)
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

async function refuseTakenSlug(db: Kysely<Database>, table: 'initiative' | 'story' | 'event', slug: string, id: number | undefined): Promise<void> {
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

/** An event's access, as its `access` column holds it (JSON). */
export interface EventAccess {
	stepFree: AccessAnswer;
	seating: AccessAnswer;
	signLanguage: AccessAnswer;
	captions: AccessAnswer;
	quietSpace: AccessAnswer;
	/** Language codes (shared/languages.ts). */
	languages: string[];
	note: Localized;
}

/** A question asked at registration; answers are filed under its key. */
export interface EventQuestion {
	key: string;
	label: Localized;
	required: boolean;
}

/** The access features, by form field and by the key in the `access` column. */
const accessFields = [
	['step_free', 'stepFree'],
	['seating', 'seating'],
	['sign_language', 'signLanguage'],
	['captions', 'captions'],
	['quiet_space', 'quietSpace']
] as const;

function accessAnswer(value: unknown): AccessAnswer {
	return value === 'yes' || value === 'no' ? value : '';
}

/** The `access` column read forgivingly: what is missing or unreadable is "not stated". */
export function parseEventAccess(json: string): EventAccess {
	let value: Record<string, unknown> = {};
	try {
		const parsed: unknown = JSON.parse(json);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) value = parsed as Record<string, unknown>;
	} catch {
		// Written by writeEvent, so always JSON; an unreadable one says nothing.
	}
	const note = value.note && typeof value.note === 'object' ? (value.note as Localized) : { en: '' };
	return {
		stepFree: accessAnswer(value.stepFree),
		seating: accessAnswer(value.seating),
		signLanguage: accessAnswer(value.signLanguage),
		captions: accessAnswer(value.captions),
		quietSpace: accessAnswer(value.quietSpace),
		languages: Array.isArray(value.languages) ? value.languages.filter((l): l is string => typeof l === 'string') : [],
		note: { ...note, en: typeof note.en === 'string' ? note.en : '' }
	};
}

export async function readEvent(db: Kysely<Database>, id: number): Promise<ItemData | undefined> {
	const row = await db.selectFrom('event').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) return undefined;
	const access = parseEventAccess(row.access);
	return {
		title: parseLocalized(row.title),
		slug: row.slug,
		summary: parseLocalized(row.summary),
		body: parseLocalized(row.body),
		kind_id: row.kind_id,
		initiative_id: row.initiative_id ?? 0,
		cover_media_id: row.cover_media_id ?? 0,
		organizer_name: row.organizer_name,
		organizer_email: row.organizer_email,
		...Object.fromEntries(accessFields.map(([field, key]) => [field, access[key]])),
		languages_spoken: access.languages,
		access_note: access.note,
		party_max: row.party_max,
		hold_minutes: row.hold_minutes,
		offer_hours: row.offer_hours,
		remind_day_before: row.remind_day_before === 1,
		remind_hour_before: row.remind_hour_before === 1,
		questions: parseJsonArray<EventQuestion>(row.questions).map((q): RowData => ({ label: q.label, required: q.required === true, key: q.key }))
	};
}

/**
 * Writes an event's editorial part and registration settings; its sessions are
 * left as they are. A kind deleted since the draft is refused; a link to an
 * initiative deleted since is dropped, as a story's are. Returns the row id, or
 * NaN when the row named is gone.
 */
export async function writeEvent(db: Kysely<Database>, id: number | undefined, data: ItemData, now: string): Promise<number> {
	const slug = data.slug as string;
	await refuseTakenSlug(db, 'event', slug, id);
	const kindId = data.kind_id as number;
	if (!(await db.selectFrom('event_kind').select('id').where('id', '=', kindId).executeTakeFirst())) throw new ValidationError({ kind_id: 'This kind has been deleted: choose another.' });
	const wantedInitiative = (data.initiative_id as number) || null;
	const initiativeId = wantedInitiative && (await db.selectFrom('initiative').select('id').where('id', '=', wantedInitiative).executeTakeFirst()) ? wantedInitiative : null;

	const loc = (name: string) => stringifyLocalized(data[name] as Localized);
	const access: EventAccess = {
		...(Object.fromEntries(accessFields.map(([field, key]) => [key, accessAnswer(data[field])])) as Pick<EventAccess, (typeof accessFields)[number][1]>),
		languages: data.languages_spoken as string[],
		note: data.access_note as Localized
	};
	const questions: EventQuestion[] = (data.questions as RowData[]).map((q) => ({ key: q.key as string, label: q.label as Localized, required: q.required === true }));
	const values = {
		slug,
		kind_id: kindId,
		initiative_id: initiativeId,
		title: loc('title'),
		summary: loc('summary'),
		body: loc('body'),
		cover_media_id: (data.cover_media_id as number) || null,
		organizer_name: data.organizer_name as string,
		organizer_email: data.organizer_email as string,
		access: JSON.stringify(access),
		party_max: data.party_max as number,
		questions: JSON.stringify(questions),
		hold_minutes: data.hold_minutes as number,
		offer_hours: data.offer_hours as number,
		remind_day_before: data.remind_day_before ? 1 : 0,
		remind_hour_before: data.remind_hour_before ? 1 : 0,
		updated_at: now
	};
	if (id !== undefined) {
		const result = await db.updateTable('event').set(values).where('id', '=', id).executeTakeFirst();
		return result.numUpdatedRows === 0n ? Number.NaN : id;
	}
	const row = await db
		.insertInto('event')
		.values({ ...values, published_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}
