import { numberFormat } from '$lib/i18n/intl';

/* Plain words for a call's settings, shared by the admin's call pages. */

export const kindWords: Record<string, string> = {
	artists: 'Artists (works, residencies, festivals)',
	hosts: 'Hosts (bring an initiative to a place)',
	volunteers: 'Volunteers (offer skills)'
};

export const statusWords: Record<string, string> = { draft: 'Draft', open: 'Open', closed: 'Closed' };

export const phaseWords: Record<string, string> = {
	upcoming: 'Not open yet',
	open: 'Taking applications',
	closed: 'Closed to applications'
};

export const fieldTypeWords: Record<string, string> = {
	short_text: 'Short text (one line)',
	long_text: 'Long text (paragraphs)',
	email: 'E-mail address',
	country: 'Country',
	single_choice: 'One choice from a list',
	multiple_choice: 'Several choices from a list',
	yes_no: 'Yes or no',
	url: 'Web address (link)',
	number: 'Number',
	date: 'Date',
	file: 'File upload'
};

export const fileTypeWords: Record<string, string> = {
	'image/jpeg': 'JPEG photos',
	'image/png': 'PNG images',
	'image/webp': 'WebP images',
	'image/heic': 'HEIC photos (iPhone)',
	'application/pdf': 'PDF documents'
};

export const plural = (count: number, word: string) => `${numberFormat('en').format(count)} ${word}${count === 1 ? '' : 's'}`;

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
