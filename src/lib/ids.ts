/*
 * A row's id as people (or anyone) write it in an address or a form. Shared by
 * the server and the routes' parameter matchers (src/params), which also run in
 * the browser.
 */

/** Ids are PostgreSQL `integer` columns: nothing larger can name a row. */
export const maxId = 2_147_483_647;

const digits = /^[1-9][0-9]{0,9}$/;

/** True for 1 to maxId in plain digits: no sign, no leading zero, no exponent, no spaces. */
export function isId(text: string): boolean {
	return digits.test(text) && Number(text) <= maxId;
}
