import { adminUrls } from '$lib/admin/urls';
import { numberFormat } from '$lib/i18n/intl';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';


/** The same words as the database's decisions (kept here so pages need nothing from the server). */
export type ApplicationDecision = 'accepted' | 'waitlisted' | 'declined';

/* Words and numbers of the review pages, shared by the reviewer's and staff's screens. */

/** A decision in the signed-in person's language. */
const decisionMessages: Record<ApplicationDecision, () => string> = {
	accepted: () => m.applications_decision_accepted(),
	waitlisted: () => m.applications_decision_waitlisted(),
	declined: () => m.applications_decision_declined()
};
export const decisionWord = (decision: ApplicationDecision): string => decisionMessages[decision]();

/** An application's status in the signed-in person's language. */
const statusMessages: Record<'draft' | 'submitted' | 'withdrawn', () => string> = {
	draft: () => m.applications_status_draft(),
	submitted: () => m.applications_status_submitted(),
	withdrawn: () => m.applications_status_withdrawn()
};
export const applicationStatusWord = (status: 'draft' | 'submitted' | 'withdrawn'): string => statusMessages[status]();

export const decisionChoices: ApplicationDecision[] = ['accepted', 'waitlisted', 'declined'];

/** An average or spread with two decimals in the person's language, or a dash without scores. */
export function scoreText(value: number | null | undefined): string {
	return value === null || value === undefined ? '–' : numberFormat(getLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

export function fileSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The authorized route for an applicant's file. */
export function applicationFileHref(fileId: number): string {
	return adminUrls.applicationFile(fileId);
}
