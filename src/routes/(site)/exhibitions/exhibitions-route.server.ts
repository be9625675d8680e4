import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';

/** An exhibition's address as publishing writes them; anything else is not found without asking the database. */
export function exhibitionSlugFrom(value: string): string {
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) || value.length > 80) error(404, m.exhibition_not_found());
	return value;
}

/** A work's place in the walk: 1, 2, 3… (no leading zeros, so each work has one address). */
export function positionFrom(value: string): number {
	if (!/^[1-9]\d{0,3}$/.test(value)) error(404, m.exhibition_not_found());
	return Number(value);
}

/** Today's date in UTC: what is "on view now" changes at midnight, and cached pages are keyed by it. */
export function today(): string {
	return new Date().toISOString().slice(0, 10);
}
