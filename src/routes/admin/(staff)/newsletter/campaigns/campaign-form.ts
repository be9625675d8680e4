import { formatDateTime, numberFormat } from '$lib/i18n/intl';
import { localeNames, locales, type Locale } from '$lib/i18n/locales';

/*
 * What the campaign pages share between server and browser: the form's values
 * as typed, and the words for states and problems. Nothing here touches the
 * server, so the pages may import it.
 */

/** As in the database (CampaignStatus); repeated here because pages may not import server modules. */
export type CampaignStatus = 'draft' | 'scheduled' | 'sending' | 'paused' | 'sent' | 'cancelled';

export const textFields = ['subject', 'previewText', 'bodyHtml'] as const;
export type TextField = (typeof textFields)[number];

/** The form as typed: texts by form name (`subject.en`, `bodyHtml.es` …), ticked boxes, and the rate as text. */
export interface CampaignFormValues {
	texts: Record<string, string>;
	topics: string[];
	locales: string[];
	sendRate: string;
}

export const fieldLimits: Record<TextField, number> = { subject: 200, previewText: 200, bodyHtml: 200_000 };

export const statusWords: Record<CampaignStatus, string> = {
	draft: 'Draft',
	scheduled: 'Scheduled',
	sending: 'Sending',
	paused: 'Paused',
	sent: 'Sent',
	cancelled: 'Cancelled'
};

const fieldNames: Record<string, string> = { subject: 'subject', previewText: 'preview text', bodyHtml: 'text' };

/** A field's problem, in words for the person who typed it. `key` is the dotted field name (`bodyHtml.es`). */
export function issueMessage(key: string, code: string): string {
	const [field = '', locale = ''] = key.split('.');
	const language = localeNames[locale as Locale] ?? locale;
	switch (code) {
		case 'required':
			return field === 'subject'
				? 'English needs a subject: readers of languages without their own version get the English one.'
				: 'English needs a text: readers of languages without their own version get the English one.';
		case 'version_incomplete':
			return `A language needs both a subject and a text, or neither. The ${language} version has a ${field === 'subject' ? 'text but no subject' : 'subject but no text'}.`;
		case 'too_long': {
			const max = fieldLimits[field as TextField];
			return max ? `This ${fieldNames[field] ?? 'field'} is too long: at most ${numberFormat('en').format(max)} characters.` : 'This is too long.';
		}
		case 'one_line':
			return 'Keep this on one line.';
		case 'topic_unknown':
			return 'One of the ticked topics no longer exists. Reload the page and tick them again.';
		case 'locale_invalid':
			return 'Tick only the languages listed here.';
		case 'rate_invalid':
			return 'A whole number of messages per minute, from 1 to 60,000.';
		case 'date_invalid':
			return 'Choose a date and a time (for example 2026-05-01 09:30).';
		case 'date_past':
			return 'That moment has passed. Choose one in the future.';
		case 'zone_invalid':
			return 'Choose a time zone from the list.';
		default:
			return 'Please check this field.';
	}
}

/** The languages that have a version (a subject and a text), from the form as typed. */
export function languagesWithVersion(texts: Record<string, string>): Locale[] {
	const blank = (html: string | undefined) =>
		(html ?? '')
			.replace(/<[^>]*>/g, '')
			.replace(/&nbsp;|\s/g, '')
			.trim() === '';
	return locales.filter((l) => (texts[`subject.${l}`] ?? '').trim() !== '' && !blank(texts[`bodyHtml.${l}`]));
}

export interface ProgressCounts {
	sent: number;
	failed: number;
	bounced: number;
	skipped: number;
	remaining: number;
	total: number;
}

const n = (value: number) => numberFormat('en').format(value);

/** "1,234 of 5,000 sent · 3 failed · 1 bounced" (the parts that are not zero). */
export function progressText(p: ProgressCounts): string {
	const parts = [`${n(p.sent)} of ${n(p.total)} sent`];
	if (p.failed) parts.push(`${n(p.failed)} failed`);
	if (p.bounced) parts.push(`${n(p.bounced)} bounced`);
	if (p.skipped) parts.push(`${n(p.skipped)} skipped`);
	return parts.join(' · ');
}

/** A moment for the admin's lists, the same on the server and in the browser. */
export function utcText(iso: string | null | undefined): string {
	if (!iso) return '';
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return `${formatDateTime(date, 'en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' })} UTC`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
	return `${n(count)} ${count === 1 ? one : many}`;
}
