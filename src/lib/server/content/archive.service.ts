import { sql, type Kysely } from 'kysely';
import type { Locale, Localized } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { collator } from '$lib/i18n/intl';
import { countryName } from '$lib/server/shared/countries';
import { parseLocalized, pick, pickJson, writtenLanguages, type Text } from '$lib/server/shared/localized-text';
import { pageCount } from '$lib/server/platform/paging';
import type { CreditRole } from './content-items';

/*
 * The archive as the public site reads it: initiatives filtered and a page at a
 * time, their places for the map, one initiative whole, stories, and the figures
 * the home page shows. Only live rows: what has been published.
 */

export interface ArchiveFilters {
	kind?: string;
	program?: string;
	country?: string;
	year?: number;
}

export interface FilterChoice {
	value: string;
	label: Text;
}

export interface FilterOptions {
	kinds: FilterChoice[];
	programs: FilterChoice[];
	countries: { value: string; label: string }[];
	years: number[];
}

/** The kinds or programs some published initiative has, in staff's order. */
async function termsInUse(db: Kysely<Database>, table: 'initiative_kind' | 'initiative_program', column: 'kind_id' | 'program_id', locale: Locale): Promise<FilterChoice[]> {
	const rows = await db
		.selectFrom(table)
		.select(['key', 'name'])
		.where((eb) => eb.exists(eb.selectFrom('initiative').select('initiative.id').whereRef(`initiative.${column}`, '=', `${table}.id`)))
		.orderBy('position')
		.orderBy('id')
		.execute();
	return rows.map((row) => ({ value: row.key, label: pickJson(row.name, locale) }));
}

/** The values the filters offer: only kinds, programs, countries and years some published initiative has. */
export async function filterOptions(db: Kysely<Database>, locale: Locale): Promise<FilterOptions> {
	const [kinds, programs, countries, years] = await Promise.all([
		termsInUse(db, 'initiative_kind', 'kind_id', locale),
		termsInUse(db, 'initiative_program', 'program_id', locale),
		db.selectFrom('initiative_place').select('country').distinct().where('country', '<>', '').execute(),
		db.selectFrom('initiative').select(['start_year', 'end_year']).distinct().execute()
	]);
	const order = collator(locale);
	const allYears = new Set<number>();
	for (const { start_year, end_year } of years) for (let y = start_year; y <= end_year && y - start_year < 100; y++) allYears.add(y);
	return {
		kinds,
		programs,
		countries: countries.map((c) => ({ value: c.country, label: countryName(c.country, locale) })).sort((a, b) => order.compare(a.label, b.label)),
		years: [...allYears].sort((a, b) => b - a)
	};
}

/** Which asked-for filter values the archive does not know: the page says so and shows the rest. */
export function unknownFilters(filters: ArchiveFilters, options: FilterOptions): (keyof ArchiveFilters)[] {
	const unknown: (keyof ArchiveFilters)[] = [];
	if (filters.kind !== undefined && !options.kinds.some((k) => k.value === filters.kind)) unknown.push('kind');
	if (filters.program !== undefined && !options.programs.some((p) => p.value === filters.program)) unknown.push('program');
	if (filters.country !== undefined && !options.countries.some((c) => c.value === filters.country)) unknown.push('country');
	if (filters.year !== undefined && !options.years.includes(filters.year)) unknown.push('year');
	return unknown;
}

function filtered(db: Kysely<Database>, filters: ArchiveFilters) {
	let query = db.selectFrom('initiative');
	if (filters.kind !== undefined) {
		const kind = filters.kind;
		query = query.where('kind_id', '=', (eb) => eb.selectFrom('initiative_kind').select('id').where('key', '=', kind));
	}
	if (filters.program !== undefined) {
		const program = filters.program;
		query = query.where('program_id', '=', (eb) => eb.selectFrom('initiative_program').select('id').where('key', '=', program));
	}
	if (filters.country !== undefined) {
		const country = filters.country;
		query = query.where((eb) =>
			eb.exists(eb.selectFrom('initiative_place').select('initiative_place.id').whereRef('initiative_place.initiative_id', '=', 'initiative.id').where('initiative_place.country', '=', country))
		);
	}
	if (filters.year !== undefined) query = query.where('start_year', '<=', filters.year).where('end_year', '>=', filters.year);
	return query;
}

export interface PlaceSummary {
	name: string;
	city: string;
	country: string;
	countryName: string;
	virtual: boolean;
}

export interface InitiativeCard {
	id: number;
	slug: string;
	title: Text;
	summary: Text;
	kind: Text;
	places: PlaceSummary[];
	startDate: string;
	endDate: string | null;
	coverMediaId: number | null;
}

export interface InitiativePage {
	items: InitiativeCard[];
	total: number;
	page: number;
	pages: number;
}

async function placesOf(db: Kysely<Database>, ids: number[], locale: Locale): Promise<Map<number, PlaceSummary[]>> {
	const byInitiative = new Map<number, PlaceSummary[]>();
	if (ids.length === 0) return byInitiative;
	const rows = await db.selectFrom('initiative_place').selectAll().where('initiative_id', 'in', ids).orderBy('initiative_id').orderBy('position').execute();
	for (const row of rows) {
		const list = byInitiative.get(row.initiative_id) ?? [];
		list.push({ name: row.name, city: row.city, country: row.country, countryName: row.country ? countryName(row.country, locale) : '', virtual: row.virtual === 1 });
		byInitiative.set(row.initiative_id, list);
	}
	return byInitiative;
}

/** One page of published initiatives, newest first (by first day, then by when published). */
export async function listInitiatives(db: Kysely<Database>, locale: Locale, filters: ArchiveFilters, page: number, perPage: number): Promise<InitiativePage> {
	const counted = await filtered(db, filters)
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.executeTakeFirst();
	const total = Number(counted?.n ?? 0);
	const rows = await filtered(db, filters)
		.innerJoin('initiative_kind', 'initiative_kind.id', 'initiative.kind_id')
		.select([
			'initiative.id',
			'initiative.slug',
			'initiative.title',
			'initiative.summary',
			'initiative.start_date',
			'initiative.end_date',
			'initiative.cover_media_id',
			'initiative_kind.name as kind_name'
		])
		.orderBy('initiative.start_date', 'desc')
		.orderBy('initiative.id', 'desc')
		.limit(perPage)
		.offset((page - 1) * perPage)
		.execute();
	const places = await placesOf(
		db,
		rows.map((r) => r.id),
		locale
	);
	return {
		total,
		page,
		pages: pageCount(total, perPage),
		items: rows.map((row) => ({
			id: row.id,
			slug: row.slug,
			title: pickJson(row.title, locale),
			summary: pickJson(row.summary, locale),
			kind: pickJson(row.kind_name, locale),
			places: places.get(row.id) ?? [],
			startDate: row.start_date,
			endDate: row.end_date,
			coverMediaId: row.cover_media_id
		}))
	};
}

export interface MappedPlace {
	/** `<initiative id>-<position>`: stable while the initiative is not edited. */
	id: string;
	slug: string;
	title: Text;
	name: string;
	city: string;
	country: string;
	latitude: number;
	longitude: number;
}

/** Every place of the filtered initiatives that has coordinates, for the map and the list beside it. */
export async function mappedPlaces(db: Kysely<Database>, locale: Locale, filters: ArchiveFilters): Promise<MappedPlace[]> {
	const rows = await filtered(db, filters)
		.innerJoin('initiative_place', 'initiative_place.initiative_id', 'initiative.id')
		.select([
			'initiative.id',
			'initiative.slug',
			'initiative.title',
			'initiative_place.position',
			'initiative_place.name',
			'initiative_place.city',
			'initiative_place.country',
			'initiative_place.latitude',
			'initiative_place.longitude'
		])
		.where('initiative_place.virtual', '=', 0)
		.where('initiative_place.latitude', 'is not', null)
		.where('initiative_place.longitude', 'is not', null)
		.orderBy('initiative.start_date', 'desc')
		.orderBy('initiative.id', 'desc')
		.orderBy('initiative_place.position')
		.execute();
	return rows.map((row) => ({
		id: `${row.id}-${row.position}`,
		slug: row.slug,
		title: pickJson(row.title, locale),
		name: row.name,
		city: row.city,
		country: row.country,
		latitude: Number(row.latitude),
		longitude: Number(row.longitude)
	}));
}

export interface Figure {
	label: Text;
	value: number;
	source: string;
	participants: boolean;
}

export interface Credit {
	name: string;
	role: CreditRole;
	note: Text | null;
	/** The collective's artist credited, if any: the page words the credit as the artist's consent allows (collective/artist-visibility.ts). */
	artistId: number | null;
}

export interface GalleryPhoto {
	mediaId: number;
	caption: Text | null;
	credit: string;
}

export interface StoryCard {
	id: number;
	slug: string;
	title: Text;
	standfirst: Text;
	publishedOn: string;
	authorName: string;
	coverMediaId: number | null;
}

export interface InitiativeDetail {
	id: number;
	slug: string;
	title: Text;
	summary: Text;
	body: Text;
	theme: Text | null;
	kind: { key: string; name: Text };
	program: { key: string; name: Text } | null;
	startDate: string;
	endDate: string | null;
	places: (PlaceSummary & { latitude: number | null; longitude: number | null })[];
	figures: Figure[];
	credits: Credit[];
	gallery: GalleryPhoto[];
	calls: { slug: string; title: Text }[];
	stories: StoryCard[];
	updatedAt: string;
	publishedAt: string;
	/** Every language the title, summary or text is written in. */
	languages: Locale[];
}

function jsonArray(json: string): Record<string, unknown>[] {
	try {
		const value: unknown = JSON.parse(json);
		return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];
	} catch {
		return [];
	}
}

function optionalText(value: unknown, locale: Locale): Text | null {
	if (!value || typeof value !== 'object') return null;
	const text = pick(value as Localized, locale);
	return text.text.trim() === '' ? null : text;
}


export async function getInitiative(db: Kysely<Database>, slug: string, locale: Locale): Promise<InitiativeDetail | undefined> {
	const row = await db
		.selectFrom('initiative')
		.innerJoin('initiative_kind', 'initiative_kind.id', 'initiative.kind_id')
		.leftJoin('initiative_program', 'initiative_program.id', 'initiative.program_id')
		.selectAll('initiative')
		.select(['initiative_kind.key as kind_key', 'initiative_kind.name as kind_name', 'initiative_program.key as program_key', 'initiative_program.name as program_name'])
		.where('initiative.slug', '=', slug)
		.executeTakeFirst();
	if (!row) return undefined;
	const callIds = (JSON.parse(row.call_ids) as unknown[]).filter((id): id is number => typeof id === 'number');
	const [places, calls, stories] = await Promise.all([
		db.selectFrom('initiative_place').selectAll().where('initiative_id', '=', row.id).orderBy('position').execute(),
		callIds.length === 0
			? Promise.resolve([])
			: db.selectFrom('open_call').select(['id', 'slug', 'title']).where('id', 'in', callIds).where('status', '<>', 'draft').execute(),
		storiesQuery(db)
			.innerJoin('story_initiative', 'story_initiative.story_id', 'story.id')
			.where('story_initiative.initiative_id', '=', row.id)
			.execute()
	]);
	const title = parseLocalized(row.title);
	const summary = parseLocalized(row.summary);
	const body = parseLocalized(row.body);
	return {
		id: row.id,
		slug: row.slug,
		title: pick(title, locale),
		summary: pick(summary, locale),
		body: pick(body, locale),
		theme: optionalText(parseLocalized(row.theme), locale),
		kind: { key: row.kind_key, name: pickJson(row.kind_name, locale) },
		program: row.program_key && row.program_name ? { key: row.program_key, name: pickJson(row.program_name, locale) } : null,
		startDate: row.start_date,
		endDate: row.end_date,
		places: places.map((p) => ({
			name: p.name,
			city: p.city,
			country: p.country,
			countryName: p.country ? countryName(p.country, locale) : '',
			virtual: p.virtual === 1,
			latitude: p.latitude,
			longitude: p.longitude
		})),
		figures: jsonArray(row.figures).map((f) => ({
			label: pick(f.label as Localized, locale),
			value: Number(f.value) || 0,
			source: String(f.source ?? ''),
			participants: f.participants === true
		})),
		credits: jsonArray(row.credits).map((c) => ({ name: String(c.name ?? ''), role: c.role as CreditRole, note: optionalText(c.note, locale), artistId: /^[1-9]\d{0,9}$/.test(String(c.artistId ?? '')) ? Number(c.artistId) : null })),
		gallery: jsonArray(row.gallery)
			.filter((g) => typeof g.media_id === 'number' && g.media_id > 0)
			.map((g) => ({ mediaId: g.media_id as number, caption: optionalText(g.caption, locale), credit: String(g.credit ?? '') })),
		calls: callIds.flatMap((id) => {
			const call = calls.find((c) => c.id === id);
			return call ? [{ slug: call.slug, title: pickJson(call.title, locale) }] : [];
		}),
		stories: stories.map((s) => storyCard(s, locale)),
		updatedAt: row.updated_at,
		publishedAt: row.published_at,
		languages: writtenLanguages(title, summary, body)
	};
}

function storiesQuery(db: Kysely<Database>) {
	return db
		.selectFrom('story')
		.select(['story.id', 'story.slug', 'story.title', 'story.standfirst', 'story.published_on', 'story.author_name', 'story.cover_media_id'])
		.orderBy('story.published_on', 'desc')
		.orderBy('story.id', 'desc');
}

type StoryRow = Awaited<ReturnType<ReturnType<typeof storiesQuery>['execute']>>[number];

function storyCard(row: StoryRow, locale: Locale): StoryCard {
	return {
		id: row.id,
		slug: row.slug,
		title: pickJson(row.title, locale),
		standfirst: pickJson(row.standfirst, locale),
		publishedOn: row.published_on,
		authorName: row.author_name,
		coverMediaId: row.cover_media_id
	};
}

export async function listStories(db: Kysely<Database>, locale: Locale, page: number, perPage: number): Promise<{ items: StoryCard[]; total: number; page: number; pages: number }> {
	const counted = await db
		.selectFrom('story')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.executeTakeFirst();
	const total = Number(counted?.n ?? 0);
	const rows = await storiesQuery(db)
		.limit(perPage)
		.offset((page - 1) * perPage)
		.execute();
	return { items: rows.map((r) => storyCard(r, locale)), total, page, pages: pageCount(total, perPage) };
}

export interface StoryDetail extends StoryCard {
	body: Text;
	tags: string[];
	initiatives: { slug: string; title: Text }[];
	updatedAt: string;
	languages: Locale[];
}

export async function getStory(db: Kysely<Database>, slug: string, locale: Locale): Promise<StoryDetail | undefined> {
	const row = await db.selectFrom('story').selectAll().where('slug', '=', slug).executeTakeFirst();
	if (!row) return undefined;
	const initiatives = await db
		.selectFrom('story_initiative')
		.innerJoin('initiative', 'initiative.id', 'story_initiative.initiative_id')
		.select(['initiative.slug', 'initiative.title'])
		.where('story_initiative.story_id', '=', row.id)
		.orderBy('story_initiative.position')
		.execute();
	const title = parseLocalized(row.title);
	const standfirst = parseLocalized(row.standfirst);
	const body = parseLocalized(row.body);
	return {
		...storyCard(row, locale),
		body: pick(body, locale),
		tags: (JSON.parse(row.tags) as unknown[]).filter((t): t is string => typeof t === 'string'),
		initiatives: initiatives.map((i) => ({ slug: i.slug, title: pickJson(i.title, locale) })),
		updatedAt: row.updated_at,
		languages: writtenLanguages(title, standfirst, body)
	};
}

/** The newest stories, for the home page. */
export async function latestStories(db: Kysely<Database>, locale: Locale, count: number): Promise<StoryCard[]> {
	return (await storiesQuery(db).limit(count).execute()).map((r) => storyCard(r, locale));
}

export interface FeedStory {
	id: number;
	slug: string;
	title: Text;
	standfirst: Text;
	body: Text;
	authorName: string;
	publishedOn: string;
	publishedAt: string;
	updatedAt: string;
	tags: string[];
}

/** The newest stories whole, for the feeds. */
export async function feedStories(db: Kysely<Database>, locale: Locale, count: number): Promise<FeedStory[]> {
	const rows = await db.selectFrom('story').selectAll().orderBy('published_on', 'desc').orderBy('id', 'desc').limit(count).execute();
	return rows.map((row) => ({
		id: row.id,
		slug: row.slug,
		title: pickJson(row.title, locale),
		standfirst: pickJson(row.standfirst, locale),
		body: pickJson(row.body, locale),
		authorName: row.author_name,
		publishedOn: row.published_on,
		publishedAt: row.published_at,
		updatedAt: row.updated_at,
		tags: (JSON.parse(row.tags) as unknown[]).filter((t): t is string => typeof t === 'string')
	}));
}

export interface ArchiveFigures {
	initiatives: number;
	countries: number;
	participants: number;
	/** The newest change to a published initiative: what the counts are "as of". */
	asOf: string | null;
}

/** Counted from the published initiatives. */
export async function archiveFigures(db: Kysely<Database>): Promise<ArchiveFigures> {
	const [totals, countries] = await Promise.all([
		db
			.selectFrom('initiative')
			.select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string | null>('participants').as('participants'), eb.fn.max('updated_at').as('at')])
			.executeTakeFirst(),
		db
			.selectFrom('initiative_place')
			.select(sql<number | string>`count(distinct country)`.as('n'))
			.where('country', '<>', '')
			.executeTakeFirst()
	]);
	return {
		initiatives: Number(totals?.n ?? 0),
		countries: Number(countries?.n ?? 0),
		participants: Number(totals?.participants ?? 0),
		asOf: (totals?.at as string | null | undefined) ?? null
	};
}

export interface SitemapEntry {
	path: string;
	updatedAt: string;
}

/** Every published initiative and story, for the sitemap. */
export async function archiveSitemap(db: Kysely<Database>): Promise<SitemapEntry[]> {
	const [initiatives, stories, pages] = await Promise.all([
		db.selectFrom('initiative').select(['slug', 'updated_at']).orderBy('id').execute(),
		db.selectFrom('story').select(['slug', 'updated_at']).orderBy('id').execute(),
		db.selectFrom('custom_page').select(['slug', 'updated_at']).orderBy('id').execute()
	]);
	return [
		...initiatives.map((i) => ({ path: `/initiatives/${i.slug}`, updatedAt: i.updated_at })),
		...stories.map((s) => ({ path: `/stories/${s.slug}`, updatedAt: s.updated_at })),
		...pages.map((p) => ({ path: `/pages/${p.slug}`, updatedAt: p.updated_at }))
	];
}
