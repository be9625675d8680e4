import type { SubscriberStatusFilter } from '$lib/server/newsletter/subscriber-admin';
import { m } from '$lib/paraglide/messages';

/*
 * The subscriber list's filters as the page uses them in the browser (links and
 * the export address). Only types come from the server side, so nothing of it
 * reaches the browser's code.
 */

/** The filters as typed (for the form and for links), each '' when unset. */
export interface FilterValues {
	status: '' | SubscriberStatusFilter;
	q: string;
	topic: string;
	language: string;
}

/** The query string for the same filters (without empty ones), for the export link and the page links. */
export function queryOf(values: FilterValues, extra: Record<string, string | number> = {}): string {
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries({ ...values, ...extra })) if (v !== '') params.set(k, String(v));
	const text = params.toString();
	return text ? `?${text}` : '';
}

const stateWords: Record<string, () => string> = {
	confirmed: m.nladmin_sub_confirmed,
	paused: m.nladmin_sub_paused,
	pending: m.nladmin_sub_pending,
	unsubscribed: m.nladmin_sub_unsubscribed,
	bounced: m.nladmin_sub_bounced
};

/** A subscriber's state in the admin's language: a confirmed person who paused the newsletter is "Paused". */
export function subscriberStateWord(status: string, paused = false): string {
	const state = status === 'confirmed' && paused ? 'paused' : status;
	return stateWords[state]?.() ?? status;
}
