/*
 * How every form on the site ties its messages to its fields, for people using a
 * screen reader: a field lists its hint and its error in `aria-describedby`, and
 * the error's id is the field's name with its dots as hyphens (`title.en` →
 * `title-en-error`). Shared by the public pages and the admin.
 */

/** The ids an input's `aria-describedby` lists (its hint, its error…), without those that are not there; undefined when none is. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
	return ids.filter(Boolean).join(' ') || undefined;
}

/** The id of the message beside the field `name`: `title.en` → `title-en-error`. */
export function errorId(name: string): string {
	return `${name.replaceAll('.', '-')}-error`;
}

/** A form's messages by field, in order, without the empty ones: what its error summary lists. */
export function errorEntries(errors: Readonly<Record<string, string | null | undefined>>): [string, string][] {
	return Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
}
