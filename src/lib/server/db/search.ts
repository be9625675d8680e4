import { sql, type RawBuilder } from 'kysely';
import type { Locale } from '$lib/i18n/locales';
import type { Db, SearchKind } from './schema';
import { dialectOf } from './sql-functions';

/*
 * The site's search: one index over initiatives, stories, open calls and pages,
 * one document per item and language it is written in. Callers write documents
 * in the transaction that changes the item; readers search in their language
 * and in English, the language every item has.
 *
 * The engines match differently, each with what it does well:
 *
 * - PostgreSQL stems with the language's own configuration ('murals' finds
 *   'mural', 'melukis' is 'lukis'), takes accents off with unaccent when the
 *   server has it, and matches every word as a prefix ('कला' finds 'कलाकार',
 *   'seni' finds 'seniman'); see the migration 2026-12-02-05-search.
 * - SQLite has no stemmer for Nepali or Indonesian, and its word tokenizer
 *   (unicode61) takes Devanagari vowel signs for separators ('कलाकार' becomes
 *   'क', 'कल', 'र'); told otherwise, it still finds only whole words or
 *   prefixes, never 'seni' inside 'kesenian'. The trigram
 *   tokenizer matches any part of a word instead, which covers affixes
 *   ('seni' in 'kesenian', 'lukis' in 'melukis'), compounds ('कला' in 'कलाकार')
 *   and, with remove_diacritics, accents. Its gap is terms of two letters
 *   ('घर', 'al'): the index text is written with single spaces between words and
 *   at both ends, so such a term is looked up as the three-character trigrams
 *   ' घर' and 'घर ', a word that starts or ends with it, still from the index.
 *   English plurals are met by dropping a final s/es/ies from a Latin term, since
 *   a part of a word matches the whole.
 *
 * Nothing of the query reaches either engine's query syntax as typed: it is cut
 * into words of letters, marks and digits, and each is quoted.
 */

export type { SearchKind };

/** One language of an item, as plain text (callers strip HTML). */
export interface SearchDocumentInput {
	locale: Locale;
	title: string;
	text: string;
	/** The public path without the language prefix, e.g. `/initiatives/patan-2018`. */
	path: string;
}

/** A piece of a snippet; `marked` pieces are the words that matched. Text, never HTML. */
export interface SnippetSegment {
	text: string;
	marked: boolean;
}

export interface SearchHit {
	kind: SearchKind;
	key: string;
	/** The language of this document: the reader's, or English when the item has no match in theirs. */
	locale: Locale;
	title: string;
	path: string;
	snippet: SnippetSegment[];
}

export interface SearchResults {
	/** Items that match, each counted once whatever its languages. */
	total: number;
	hits: SearchHit[];
}

export interface SearchRequest {
	query: string;
	locale: Locale;
	limit: number;
	offset: number;
	/** Kinds indexed but not to be found here (events, until their public pages exist). */
	excludeKinds?: readonly SearchKind[];
}

const maxQueryLength = 200;
const maxTerms = 12;
const maxLimit = 100;
const snippetWords = 30;
const snippetWordsBeforeMatch = 8;
/** How much more a title match weighs than a body match. */
const titleWeight = 10;

/** A locale's text search configuration on PostgreSQL (created by the migration). */
const postgresConfiguration: Record<Locale, string> = {
	en: 'search_en',
	ne: 'search_ne',
	id: 'search_id',
	es: 'search_es'
};

/*
 * SQLite's FTS rowid of a document: the id of its item's English document times
 * eight, plus the number of its language. The matches alone then say which item
 * and language each is, so choosing one language per item and counting items
 * never reads search_document for thousands of matches. The numbers are stored
 * in the index: never renumber a language.
 */
const languageNumber: Record<Locale, number> = { en: 0, ne: 1, id: 2, es: 3 };
const languageSlots = 8;

function ftsRowid(englishId: number, locale: string): number {
	return englishId * languageSlots + languageNumber[locale as Locale];
}

/** Deletes the item's documents, then writes one per language given (English must be one of them). */
export async function replaceSearchDocuments(db: Db, kind: SearchKind, key: string, documents: readonly SearchDocumentInput[]): Promise<void> {
	await removeSearchDocuments(db, kind, key);
	if (documents.length === 0) return;
	if (!documents.some((document) => document.locale === 'en')) {
		throw new Error(`Search documents of ${kind}:${key} need an English one, the fallback of every language`);
	}
	const updatedAt = new Date().toISOString();
	const byLocale = new Map(documents.map((document) => [document.locale, document]));
	const rows = [...byLocale.values()].map((document) => ({
		kind,
		key,
		locale: document.locale,
		title: plainText(document.title),
		body: plainText(document.text),
		path: document.path,
		updated_at: updatedAt
	}));
	const inserted = await db.insertInto('search_document').values(rows).returning(['id', 'locale', 'title', 'body']).execute();
	if (dialectOf(db) === 'sqlite') {
		const english = inserted.find((row) => row.locale === 'en')!.id;
		const values = inserted.map((row) => sql`(${ftsRowid(english, row.locale)}, ${indexText(row.title)}, ${indexText(row.body)})`);
		await sql`insert into search_fts (rowid, title, body) values ${sql.join(values)}`.execute(db);
	}
}

export async function removeSearchDocuments(db: Db, kind: SearchKind, key: string): Promise<void> {
	if (dialectOf(db) === 'sqlite') {
		const rows = await db.selectFrom('search_document').select(['id', 'locale']).where('kind', '=', kind).where('key', '=', key).execute();
		const english = rows.find((row) => row.locale === 'en');
		// One rowid at a time: `rowid in (…)` would make FTS5 walk the whole table.
		for (const row of english ? rows : []) await sql`delete from search_fts where rowid = ${ftsRowid(english!.id, row.locale)}`.execute(db);
	}
	await db.deleteFrom('search_document').where('kind', '=', kind).where('key', '=', key).execute();
}

/**
 * Writes SQLite's full-text index again from search_document, which holds the
 * same text: after a restore, which copies the documents but not the index. On
 * PostgreSQL the index is a generated column, made as rows are written.
 */
export async function rebuildSearchIndex(db: Db): Promise<void> {
	if (dialectOf(db) !== 'sqlite') return;
	await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(db);
	const rows = await db.selectFrom('search_document').select(['id', 'kind', 'key', 'locale', 'title', 'body']).orderBy('id').execute();
	const english = new Map(rows.filter((row) => row.locale === 'en').map((row) => [`${row.kind}\u0000${row.key}`, row.id]));
	for (const row of rows) {
		const item = english.get(`${row.kind}\u0000${row.key}`);
		if (item === undefined) continue;
		await sql`insert into search_fts (rowid, title, body) values (${ftsRowid(item, row.locale)}, ${indexText(row.title)}, ${indexText(row.body)})`.execute(db);
	}
}

/** The query as the page may show it back: one line, at most 200 characters. */
export function normalizeSearchQuery(text: string): string {
	const line = plainText(text.slice(0, maxQueryLength * 4));
	const characters = Array.from(line);
	return characters.length > maxQueryLength ? characters.slice(0, maxQueryLength).join('').trimEnd() : line;
}

/**
 * Items matching every word of the query in the reader's language or in English,
 * one hit per item (in the reader's language when that matches), the most
 * relevant first: items whose title has every word, then the others, each by
 * the engine's relevance score (a word in the title weighs ten in the body).
 */
export async function searchDocuments(db: Db, request: SearchRequest): Promise<SearchResults> {
	const terms = searchTerms(request.query);
	if (terms.length === 0) return { total: 0, hits: [] };
	const page = {
		limit: Math.max(1, Math.min(maxLimit, Math.trunc(request.limit) || 1)),
		offset: Math.max(0, Math.trunc(request.offset) || 0)
	};
	const excluded = [...new Set(request.excludeKinds ?? [])];
	return dialectOf(db) === 'postgres' ? searchPostgres(db, terms, request.locale, page, excluded) : searchSqlite(db, terms, request.locale, page, excluded);
}

/** The words of a query: lowercase runs of letters, marks and digits, two characters or more, at most twelve. */
function searchTerms(query: string): string[] {
	const words = normalizeSearchQuery(query).toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
	return [...new Set(words.filter((word) => Array.from(word).length >= 2))].slice(0, maxTerms);
}

interface Page {
	limit: number;
	offset: number;
}

/**
 * The queries one engine answers, over the chosen document of each matching
 * item (the reader's language when it matches, else English). Ranking every
 * match reads each one's whole index entry, which for a common word is most of
 * the index; the title tier is small and usually fills the page alone, so the
 * body tier is ranked only when the page reaches into it.
 */
interface Ranking {
	/** The page in order with the title tier ranked (body matches after it, unranked), and the counts. */
	titleTier(page: Page): Promise<{ rows: Array<{ ref: number; inTitle: boolean }>; total: number; titled: number }>;
	/** The body tier ranked by relevance, a page of it. */
	bodyTier(page: Page): Promise<number[]>;
	/** How many items match, for a page past the last one. */
	count(): Promise<number>;
}

/** The page's documents in rank order, by the engine's reference (a document id, or an FTS rowid). */
async function rankedPage(ranking: Ranking, page: Page): Promise<{ refs: number[]; total: number }> {
	const first = await ranking.titleTier(page);
	if (first.rows.length === 0) return { refs: [], total: page.offset === 0 ? 0 : await ranking.count() };
	const refs = first.rows.filter((row) => row.inTitle).map((row) => row.ref);
	const room = first.rows.length - refs.length;
	if (room > 0) refs.push(...(await ranking.bodyTier({ limit: room, offset: Math.max(0, page.offset - first.titled) })));
	return { refs, total: first.total };
}

interface DocumentRow {
	id: number;
	kind: SearchKind;
	key: string;
	locale: string;
	title: string;
	path: string;
	body: string;
}

function toHit(row: DocumentRow, snippet: SnippetSegment[]): SearchHit {
	return { kind: row.kind, key: row.key, locale: row.locale as Locale, title: row.title, path: row.path, snippet };
}

/* PostgreSQL ---------------------------------------------------------------- */

const headlineStart = '\u0001';
const headlineStop = '\u0002';
const headlineOptions = `StartSel=${headlineStart}, StopSel=${headlineStop}, MaxWords=${snippetWords}, MinWords=${snippetWords - 10}, ShortWord=0`;
/** ts_rank's weights run D, C, B, A: body words are D, title words A. */
const rankWeights = `{${1 / titleWeight}, 0, 0, 1}`;

async function searchPostgres(db: Db, terms: string[], locale: Locale, page: Page, excluded: SearchKind[]): Promise<SearchResults> {
	// Quoted terms as prefixes: the configuration stems each, and drops stop words without complaint.
	const text = terms.map((term) => `'${term}':*`).join(' & ');
	const own = postgresConfiguration[locale];
	const languageOf = sql.ref('locale');
	const query = sql`case when ${languageOf} = ${locale} then to_tsquery(${own}::regconfig, ${text}) else to_tsquery('search_en', ${text}) end`;
	const configuration = sql`case when ${languageOf} = ${locale} then ${own}::regconfig else 'search_en'::regconfig end`;
	const chosen = sql`
		select id, locale, title_vector, search_vector,
			row_number() over (partition by kind, key order by case when locale = ${locale} then 0 else 1 end) as choice
		from search_document
		where ((locale = ${locale} and search_vector @@ to_tsquery(${own}::regconfig, ${text}))
			or (locale = 'en' and search_vector @@ to_tsquery('search_en', ${text})))
			${excluded.length > 0 ? sql`and kind not in (${sql.join(excluded)})` : sql``}`;

	const ranking: Ranking = {
		async titleTier({ limit, offset }) {
			const { rows } = await sql<{ id: number; title_score: number | null; total: string; titled: string }>`
				with chosen as (${chosen}),
				tiered as (
					select id, case when title_vector @@ ${query} then ts_rank(title_vector, ${query}) end as title_score
					from chosen where choice = 1
				)
				select id, title_score, count(*) over () as total, count(title_score) over () as titled
				from tiered
				order by title_score desc nulls last, id desc
				limit ${limit} offset ${offset}`.execute(db);
			return {
				rows: rows.map((row) => ({ ref: row.id, inTitle: row.title_score !== null })),
				total: Number(rows[0]?.total ?? 0),
				titled: Number(rows[0]?.titled ?? 0)
			};
		},
		async bodyTier({ limit, offset }) {
			const { rows } = await sql<{ id: number }>`
				with chosen as (${chosen})
				select id from chosen
				where choice = 1 and not (title_vector @@ ${query})
				order by ts_rank(${rankWeights}::float4[], search_vector, ${query}) desc, id desc
				limit ${limit} offset ${offset}`.execute(db);
			return rows.map((row) => row.id);
		},
		async count() {
			const { rows } = await sql<{ total: string }>`with chosen as (${chosen}) select count(*) as total from chosen where choice = 1`.execute(db);
			return Number(rows[0]?.total ?? 0);
		}
	};
	const { refs, total } = await rankedPage(ranking, page);
	if (refs.length === 0) return { total, hits: [] };

	const { rows } = await sql<DocumentRow & { headline: string }>`
		select id, kind, key, locale, title, path, body,
			ts_headline(${configuration}, body, ${query}, ${headlineOptions}) as headline
		from search_document
		where id in (${sql.join(refs)})`.execute(db);
	const byId = new Map(rows.map((row) => [row.id, row]));
	return { total, hits: refs.flatMap((id) => byId.get(id) ?? []).map((row) => toHit(row, segmentsOfHeadline(row.headline, row.body))) };
}

/** ts_headline's text with our markers, as segments, with an ellipsis where it cut the body short. */
function segmentsOfHeadline(headline: string, body: string): SnippetSegment[] {
	const segments: SnippetSegment[] = [];
	for (const [index, part] of headline.split(headlineStart).entries()) {
		const stop = index === 0 ? -1 : part.indexOf(headlineStop);
		if (stop >= 0) segments.push({ text: part.slice(0, stop), marked: true });
		segments.push({ text: part.slice(stop + 1), marked: false });
	}
	const shown = segments.map((segment) => segment.text).join('');
	const at = body.indexOf(shown);
	if (at > 0) segments.unshift({ text: '… ', marked: false });
	if (at >= 0 && at + shown.length < body.length) segments.push({ text: ' …', marked: false });
	return tidySegments(segments);
}

/* SQLite -------------------------------------------------------------------- */

async function searchSqlite(db: Db, terms: string[], locale: Locale, page: Page, excluded: SearchKind[]): Promise<SearchResults> {
	// Folding may leave less than a pattern can look for (a term of stray accents).
	const patterns = terms.map(sqlitePattern).filter((pattern) => Array.from(pattern.text).length >= 2);
	if (patterns.length === 0) return { total: 0, hits: [] };
	const match = patterns.map((pattern) => (pattern.wordEdge ? `(" ${pattern.text}" OR "${pattern.text} ")` : `"${pattern.text}"`)).join(' AND ');
	const titleMatch = `{title} : (${match})`;
	const reader = sql.lit(languageNumber[locale]);
	const slots = sql.lit(languageSlots);
	// An item is its English document's id (rowid / slots): the excluded kinds' are few, read once.
	const notExcluded =
		excluded.length > 0 ? sql`and item not in (select id from search_document where locale = 'en' and kind in (${sql.join(excluded)}))` : sql``;
	// bm25 is lower for better matches.
	const chosen = (score: RawBuilder<unknown>) => sql`
		select doc, score, row_number() over (partition by item order by language = ${reader} desc) as choice
		from (
			select rowid as doc, rowid / ${slots} as item, rowid % ${slots} as language, ${score} as score
			from search_fts where search_fts match ${match}
		) as matched
		where language in (${reader}, 0) ${notExcluded}`;

	const ranking: Ranking = {
		async titleTier({ limit, offset }) {
			const { rows } = await sql<{ doc: number; title_score: number | null; total: number; titled: number }>`
				with chosen as (${chosen(sql`null`)}),
				-- Materialized: joined as it stands, SQLite would run the title match again for every match.
				titled as materialized (select rowid as doc, bm25(search_fts) as score from search_fts where search_fts match ${titleMatch})
				select c.doc, t.score as title_score, count(*) over () as total, count(t.doc) over () as titled
				from chosen as c left join titled as t on t.doc = c.doc
				where c.choice = 1
				order by t.doc is null, t.score, c.doc desc
				limit ${limit} offset ${offset}`.execute(db);
			return {
				rows: rows.map((row) => ({ ref: row.doc, inTitle: row.title_score !== null })),
				total: rows[0]?.total ?? 0,
				titled: rows[0]?.titled ?? 0
			};
		},
		async bodyTier({ limit, offset }) {
			const { rows } = await sql<{ doc: number }>`
				with chosen as (${chosen(sql`bm25(search_fts, ${sql.lit(titleWeight)}, 1)`)})
				select doc from chosen
				where choice = 1 and doc not in (select rowid from search_fts where search_fts match ${titleMatch})
				order by score, doc desc
				limit ${limit} offset ${offset}`.execute(db);
			return rows.map((row) => row.doc);
		},
		async count() {
			const { rows } = await sql<{ total: number }>`with chosen as (${chosen(sql`null`)}) select count(*) as total from chosen where choice = 1`.execute(db);
			return rows[0]?.total ?? 0;
		}
	};
	const { refs, total } = await rankedPage(ranking, page);
	if (refs.length === 0) return { total, hits: [] };

	// From rowids back to documents: the English document names the item, the rest of the rowid the language.
	const rows = await db
		.selectFrom('search_document as english')
		.innerJoin('search_document as document', (join) => join.onRef('document.kind', '=', 'english.kind').onRef('document.key', '=', 'english.key'))
		.select(['english.id as englishId', 'document.id', 'document.kind', 'document.key', 'document.locale', 'document.title', 'document.path', 'document.body'])
		.where('english.id', 'in', [...new Set(refs.map((ref) => Math.floor(ref / languageSlots)))])
		.execute();
	const byRowid = new Map(rows.map((row) => [ftsRowid(row.englishId, row.locale), row]));
	return { total, hits: refs.flatMap((ref) => byRowid.get(ref) ?? []).map((row) => toHit(row, snippetOf(row.body, patterns))) };
}

/** What a term looks for in SQLite: a part of a word, or for two letters the start or end of a word. */
interface Pattern {
	text: string;
	wordEdge: boolean;
}

function sqlitePattern(term: string): Pattern {
	const text = fold(withoutPluralEnding(term));
	return { text, wordEdge: Array.from(text).length < 3 };
}

/** 'murals' → 'mural', 'stories' → 'stor', 'proyecciones' → 'proyeccion': a part that also matches the singular. */
function withoutPluralEnding(term: string): string {
	if (!/^\p{Script=Latin}+$/u.test(term)) return term;
	for (const ending of ['ies', 'es', 's']) {
		if (term.endsWith(ending) && term.length - ending.length >= 4) return term.slice(0, -ending.length);
	}
	return term;
}

/** As the trigram tokenizer compares: lowercase, without the accents of Latin letters. */
function fold(text: string): string {
	return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const wordCharacter = /[\p{L}\p{M}\p{N}]/u;

/** The body's ~30 words around the first match, with every matching word marked, the way FTS5 matched them. */
function snippetOf(body: string, patterns: Pattern[]): SnippetSegment[] {
	const marks = matchingWords(body, patterns);
	const words = [...body.matchAll(/\S+/g)].map((word) => ({ start: word.index, end: word.index + word[0].length }));
	if (words.length === 0) return [];

	const firstMark = marks[0]?.start ?? 0;
	const firstWord = Math.max(0, words.findIndex((word) => word.end > firstMark));
	const last = Math.min(words.length, Math.max(0, firstWord - snippetWordsBeforeMatch) + snippetWords);
	const first = Math.max(0, last - snippetWords);
	const from = words[first]!.start;
	const to = words[last - 1]!.end;

	const segments: SnippetSegment[] = [];
	if (first > 0) segments.push({ text: '… ', marked: false });
	let at = from;
	for (const mark of marks) {
		if (mark.end <= from || mark.start >= to) continue;
		const start = Math.max(mark.start, at);
		segments.push({ text: body.slice(at, start), marked: false });
		segments.push({ text: body.slice(start, Math.min(mark.end, to)), marked: true });
		at = Math.min(mark.end, to);
	}
	segments.push({ text: body.slice(at, to), marked: false });
	if (last < words.length) segments.push({ text: ' …', marked: false });
	return tidySegments(segments);
}

/** Where the patterns occur in `text`, widened to whole words, in order and without overlaps. */
function matchingWords(text: string, patterns: Pattern[]): Array<{ start: number; end: number }> {
	const { folded, origin } = foldWithOrigin(text);
	const ranges: Array<{ start: number; end: number }> = [];
	for (const pattern of patterns) {
		for (let at = folded.indexOf(pattern.text); at >= 0; at = folded.indexOf(pattern.text, at + 1)) {
			const end = at + pattern.text.length;
			if (pattern.wordEdge && isWordAt(folded, at - 1) && isWordAt(folded, end)) continue;
			ranges.push(wholeWord(text, origin[at]!, origin[end]!));
		}
	}
	ranges.sort((a, b) => a.start - b.start);
	const merged: typeof ranges = [];
	for (const range of ranges) {
		const previous = merged.at(-1);
		if (previous && range.start <= previous.end) previous.end = Math.max(previous.end, range.end);
		else merged.push({ ...range });
	}
	return merged;
}

/** The folded text, and for each of its positions the position in the original it came from. */
function foldWithOrigin(text: string): { folded: string; origin: number[] } {
	let folded = '';
	const origin: number[] = [];
	let position = 0;
	for (const character of text) {
		const folding = fold(character);
		for (let i = 0; i < folding.length; i++) origin.push(position);
		folded += folding;
		position += character.length;
	}
	origin.push(text.length);
	return { folded, origin };
}

function isWordAt(text: string, index: number): boolean {
	return index >= 0 && index < text.length && wordCharacter.test(text[index]!);
}

function wholeWord(text: string, start: number, end: number): { start: number; end: number } {
	while (isWordAt(text, start - 1)) start--;
	while (isWordAt(text, end)) end++;
	return { start, end };
}

/* Text ---------------------------------------------------------------------- */

/** One line of plain text: NFC, no control or format characters, single spaces. */
function plainText(text: string): string {
	return text
		.normalize('NFC')
		.replace(/\p{Cf}/gu, '')
		.replace(/[\p{Cc}\s]+/gu, ' ')
		.trim();
}

/** What SQLite indexes: the words only, one space between them and at both ends (see the top of this file). */
function indexText(text: string): string {
	return ` ${text.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim()} `;
}

/** Joins neighbours of the same kind, drops empty pieces, and keeps spaces out of the marks. */
function tidySegments(segments: SnippetSegment[]): SnippetSegment[] {
	const tidy: SnippetSegment[] = [];
	for (const segment of segments) {
		if (segment.text === '') continue;
		const previous = tidy.at(-1);
		if (previous && previous.marked === segment.marked) previous.text += segment.text;
		else tidy.push({ ...segment });
	}
	return tidy;
}
