import type { Locale } from '$lib/i18n/locales';
import { locales } from '$lib/i18n/locales';
import { listFormat, numberFormat } from '$lib/i18n/intl';
import { m } from '$lib/paraglide/messages';
import type { ImportFileProblem, ImportReason, ReportWords } from '$lib/server/newsletter/subscriber-import';

/*
 * The import's problems in the staff member's language: the import stores and
 * returns codes, and these say them.
 */

const quoted = (locale: Locale, cells: string[]) =>
	listFormat(locale, { type: 'conjunction' }).format(cells.map((cell) => (locale === 'es' ? `«${cell}»` : `“${cell}”`)));

/** What is wrong with an uploaded file as a whole. */
export function fileProblemText(problem: ImportFileProblem, locale: Locale): string {
	const saveAs = m.nlerr_save_as_utf8({}, { locale });
	const number = (n: number) => numberFormat(locale).format(n);
	switch (problem.code) {
		case 'empty':
			return m.nlerr_file_empty({}, { locale });
		case 'too-large':
			return m.nlerr_file_too_large({ megabytes: number(problem.megabytes) }, { locale });
		case 'utf16':
			return `${m.nlerr_file_utf16({}, { locale })} ${saveAs}`;
		case 'not-utf8':
			return `${m.nlerr_file_not_utf8({}, { locale })} ${saveAs}`;
		case 'not-csv':
			return `${m.nlerr_file_not_csv({}, { locale })} ${saveAs}`;
		case 'unreadable':
			return m.nlerr_file_unreadable({ detail: problem.detail }, { locale });
		case 'no-rows':
			return m.nlerr_file_no_rows({}, { locale });
		case 'no-email-column':
			return problem.found.length > 0
				? m.nlerr_file_no_email_column_found({ found: quoted(locale, problem.found) }, { locale })
				: m.nlerr_file_no_email_column({}, { locale });
		case 'no-addresses':
			return m.nlerr_file_no_addresses({}, { locale });
		case 'too-many-rows':
			return m.nlerr_file_too_many_rows({ rows: number(problem.rows), max: number(problem.max) }, { locale });
	}
}

/** Why a row was not imported. */
export function importReasonText(reason: ImportReason, locale: Locale): string {
	switch (reason.code) {
		case 'email-empty':
			return m.nlerr_row_email_empty({}, { locale });
		case 'email-invalid':
			return m.nlerr_row_email_invalid({}, { locale });
		case 'duplicate':
			return m.nlerr_row_duplicate({ row: numberFormat(locale).format(reason.firstRow) }, { locale });
		case 'name-too-long':
			return m.nlerr_row_name_too_long({ max: numberFormat(locale).format(reason.max) }, { locale });
		case 'unknown-language':
			return m.nlerr_row_unknown_language({ languages: listFormat(locale, { type: 'disjunction' }).format([...locales]) }, { locale });
		case 'unknown-topic':
			return reason.topics.length > 0
				? m.nlerr_row_unknown_topic({ topics: listFormat(locale, { type: 'conjunction' }).format(reason.topics) }, { locale })
				: m.nlerr_row_unknown_topic_none({}, { locale });
		case 'already-subscribed':
			return m.nlerr_row_already_subscribed({}, { locale });
		case 'unsubscribed':
			return reason.on ? m.nlerr_row_unsubscribed({ day: reason.on }, { locale }) : m.nlerr_row_unsubscribed_earlier({}, { locale });
		case 'bounced':
			return m.nlerr_row_bounced({}, { locale });
		case 'other':
			return reason.text;
	}
}

/** The report's CSV in the staff member's language (its column names stay, so the file imports again). */
export function reportWords(locale: Locale): ReportWords {
	return {
		reason: (reason) => importReasonText(reason, locale),
		outcome: (kind) => (kind === 'error' ? m.nlerr_outcome_not_imported({}, { locale }) : m.nlerr_outcome_skipped({}, { locale }))
	};
}
