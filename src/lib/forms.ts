import type { SubmitFunction } from '@sveltejs/kit';

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

/**
 * What ties an input to its messages: `aria-invalid` while it has an error, and
 * `aria-describedby` listing its hints, then its error. Spread on the input:
 * `<input {...fieldAria(errors.email, 'email-error', 'email-hint')} />`.
 */
export function fieldAria(error: unknown, errorId: string, ...hints: (string | false | null | undefined)[]) {
	return { 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': describedBy(...hints, Boolean(error) && errorId) };
}

/**
 * For `use:enhance` on a form that stays as typed once it is sent (SvelteKit
 * resets an enhanced form after a success by default): the page updates in
 * place, and `busy(true)` … `busy(false)` bracket the request, to disable its button.
 */
export function keepTyping(busy?: (sending: boolean) => void): SubmitFunction {
	return () => {
		busy?.(true);
		return async ({ update }) => {
			await update({ reset: false });
			busy?.(false);
		};
	};
}
