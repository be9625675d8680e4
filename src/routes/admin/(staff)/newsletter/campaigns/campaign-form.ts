import { numberFormat } from '$lib/i18n/intl';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
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

/** A campaign's state, in the staff member's language (or `locale`'s, on the server). */
export function statusWord(status: CampaignStatus, locale?: Locale): string {
	const words: Record<CampaignStatus, (inputs: object, options?: { locale?: Locale }) => string> = {
		draft: m.nladmin_status_draft,
		scheduled: m.nladmin_status_scheduled,
		sending: m.nladmin_status_sending,
		paused: m.nladmin_status_paused,
		sent: m.nladmin_status_sent,
		cancelled: m.nladmin_status_cancelled
	};
	return words[status]({}, locale ? { locale } : undefined);
}

/** A number in the admin's language. */
const n = (value: number) => numberFormat(getLocale()).format(value);

const tooLong: Record<TextField, (inputs: { max: string }) => string> = {
	subject: m.nladmin_issue_too_long_subject,
	previewText: m.nladmin_issue_too_long_preview,
	bodyHtml: m.nladmin_issue_too_long_text
};

/** A field's problem, in words for the person who typed it. `key` is the dotted field name (`bodyHtml.es`). */
export function issueMessage(key: string, code: string): string {
	const [field = '', locale = ''] = key.split('.');
	const language = localeNames[locale as Locale] ?? locale;
	switch (code) {
		case 'required':
			return field === 'subject' ? m.nladmin_issue_required_subject() : m.nladmin_issue_required_text();
		case 'version_incomplete':
			return field === 'subject' ? m.nladmin_issue_incomplete_subject({ language }) : m.nladmin_issue_incomplete_text({ language });
		case 'too_long': {
			const max = fieldLimits[field as TextField];
			return max ? tooLong[field as TextField]({ max: n(max) }) : m.nladmin_issue_too_long();
		}
		case 'one_line':
			return m.nladmin_issue_one_line();
		case 'topic_unknown':
			return m.nladmin_issue_topic_unknown();
		case 'locale_invalid':
			return m.nladmin_issue_locale_invalid();
		case 'rate_invalid':
			return m.nladmin_issue_rate_invalid({ max: n(60_000) });
		case 'date_invalid':
			return m.nladmin_issue_date_invalid();
		case 'date_past':
			return m.nladmin_issue_date_past();
		case 'zone_invalid':
			return m.nladmin_issue_zone_invalid();
		default:
			return m.nladmin_issue_other();
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

/** "1,234 of 5,000 sent · 3 failed · 1 bounced" (the parts that are not zero), in the admin's language. */
export function progressText(p: ProgressCounts): string {
	const parts = [m.nladmin_progress_sent({ sent: n(p.sent), total: n(p.total) })];
	if (p.failed) parts.push(m.nladmin_progress_failed({ number: n(p.failed) }));
	if (p.bounced) parts.push(m.nladmin_progress_bounced({ number: n(p.bounced) }));
	if (p.skipped) parts.push(m.nladmin_progress_skipped({ number: n(p.skipped) }));
	return parts.join(' · ');
}

/** "3 subscribers", with the count in the admin's language. */
export function subscribersText(count: number): string {
	return m.nladmin_n_subscribers({ count, number: n(count) });
}

/** A count as the plural messages take it: `count` chooses the form, `number` is what the reader sees. */
export function counted(count: number): { count: number; number: string } {
	return { count, number: n(count) };
}
