import type { Kysely } from 'kysely';
import type { Locale } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { normalizeSearchQuery, searchDocuments, type SearchHit, type SearchKind } from '$lib/server/db/search';
import { pageCount } from '$lib/server/platform/paging';

/*
 * The site's one search box: initiatives, stories, open calls and pages, in the
 * reader's language with English behind it. What people type is any text; what
 * the page needs to say about it (nothing typed, nothing searchable, cut short)
 * comes back with the results.
 */

export const searchPageSize = 10;

/** Indexed, but not shown in the results: none today (events joined once their pages, /events/<slug>, existed). */
export const hiddenSearchKinds: readonly SearchKind[] = [];

export interface SiteSearch {
	/** The query as searched and shown back. */
	query: string;
	/** '' nothing typed; 'nothing-searchable' only punctuation or symbols; 'ok' searched. */
	state: 'empty' | 'nothing-searchable' | 'ok';
	/** The text typed was longer than what is searched. */
	truncated: boolean;
	total: number;
	page: number;
	pages: number;
	hits: SearchHit[];
}

export async function searchSite(db: Kysely<Database>, typed: string, locale: Locale, page: number): Promise<SiteSearch> {
	const query = normalizeSearchQuery(typed);
	const truncated = Array.from(typed.trim()).length > Array.from(query).length;
	const empty = { query, truncated, total: 0, page, pages: 1, hits: [] };
	if (query === '') return { ...empty, state: 'empty' };
	if (!/[\p{L}\p{N}]/u.test(query)) return { ...empty, state: 'nothing-searchable' };
	const results = await searchDocuments(db, { query, locale, limit: searchPageSize, offset: (page - 1) * searchPageSize, excludeKinds: hiddenSearchKinds });
	return { query, state: 'ok', truncated, total: results.total, page, pages: pageCount(results.total, searchPageSize), hits: results.hits };
}
