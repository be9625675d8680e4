import { isId, maxId } from '$lib/ids';

/*
 * Numbers and search text that people (or anyone) type into addresses and forms,
 * read one way by every route. Whatever comes in, what goes to the database is a
 * small whole number or short plain text: `Number('1e309')` is Infinity and
 * twenty digits are 1e20, which SQLite refuses in LIMIT/OFFSET ("datatype
 * mismatch") and PostgreSQL in an integer column, as a 500.
 */

export { maxId };

/** Far beyond any list here (pages of 25 to 100 rows), and small enough that every OFFSET stays an exact integer. */
export const maxPage = 1_000_000;

const digits = /^[1-9][0-9]{0,9}$/;

/**
 * A row's id as written in a query string or a form: 1 to maxId in plain digits;
 * anything else is undefined. (A path segment is matched by `[id=id]`, src/params.)
 */
export function idFrom(value: FormDataEntryValue | string | null | undefined): number | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	return isId(text) ? Number(text) : undefined;
}

/** A list's page from the query string (`?page=3`): 1 to maxPage; anything else is the first page. */
export function pageFrom(url: URL, name = 'page'): number {
	const text = url.searchParams.get(name) ?? '';
	if (!digits.test(text)) return 1;
	const page = Number(text);
	return page <= maxPage ? page : 1;
}

/** Control characters (a NUL cannot even be stored in PostgreSQL text) are never part of what someone searches for. */
const controlCharacters = /\p{Cc}+/gu;

/** Free text from the query string, such as a search: without control characters, trimmed, at most `max` characters. */
export function searchTextFrom(url: URL, name: string, max: number): string {
	return (url.searchParams.get(name) ?? '').replace(controlCharacters, ' ').trim().slice(0, max);
}
