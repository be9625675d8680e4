import { adminUrls } from '$lib/admin/urls';
import { formatDateTime } from '$lib/i18n/intl';


/** The same words as the database's decisions (kept here so pages need nothing from the server). */
export type ApplicationDecision = 'accepted' | 'waitlisted' | 'declined';

/* Words and numbers of the review pages, shared by the reviewer's and staff's screens. */

export const decisionWords: Record<ApplicationDecision, string> = {
	accepted: 'Accepted',
	waitlisted: 'Waiting list',
	declined: 'Declined'
};

export const decisionChoices: ApplicationDecision[] = ['accepted', 'waitlisted', 'declined'];

/** An average or spread with two decimals, or a dash without scores. */
export function scoreText(value: number | null | undefined): string {
	return value === null || value === undefined ? '–' : value.toFixed(2);
}

/** A UTC instant as staff read it: "26 Nov 2026, 14:05 UTC". */
export function utcDateTime(iso: string | null | undefined): string {
	if (!iso) return '–';
	return `${formatDateTime(new Date(iso), 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
}

export function fileSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
	return `${count} ${count === 1 ? one : many}`;
}

/** The authorized route for an applicant's file. */
export function applicationFileHref(fileId: number): string {
	return adminUrls.applicationFile(fileId);
}
