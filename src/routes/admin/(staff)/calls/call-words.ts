import { m } from '$lib/paraglide/messages';

/* Plain words for a call's settings, shared by the admin's call pages. */

/** The kinds of call, in the order the settings form offers them. */
export const callKinds = ['artists', 'hosts', 'volunteers'] as const;

/** A kind of call with what it covers, in the person's language ("Artists (works, residencies, festivals)"). */
export const kindWords: Record<string, () => string> = {
	artists: m.callsadmin_kind_artists,
	hosts: m.callsadmin_kind_hosts,
	volunteers: m.callsadmin_kind_volunteers
};

/** A kind of call in one word, for a list ("Artists"). */
export const kindShortWords: Record<string, () => string> = {
	artists: m.callsadmin_kind_artists_short,
	hosts: m.callsadmin_kind_hosts_short,
	volunteers: m.callsadmin_kind_volunteers_short
};

export const statusWords: Record<string, () => string> = { draft: m.callsadmin_status_draft, open: m.callsadmin_status_open, closed: m.callsadmin_status_closed };

export const phaseWords: Record<string, () => string> = {
	upcoming: m.callsadmin_phase_upcoming,
	open: m.callsadmin_phase_open,
	closed: m.callsadmin_phase_closed
};

/** The words for a code, or the code itself when there are none. */
export const wordsFor = (words: Record<string, () => string>, code: string): string => words[code]?.() ?? code;

/** The settings form as typed: texts by form name (`title.en`, `description.ne`…). */
export interface CallSettingsValues {
	kind: string;
	slug: string;
	texts: Record<string, string>;
	opensAt: string;
	deadlineAt: string;
	timeZone: string;
	maxSubmissionsPerPerson: string;
	retentionDays: string;
	blindReview: boolean;
	/** A media id, or '' for no cover. */
	coverMediaId: string;
}
