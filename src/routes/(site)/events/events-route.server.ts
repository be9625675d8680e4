import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { localizedPath } from '$lib/i18n/paths';
import { numberFormat } from '$lib/i18n/intl';
import type { EventFilters, PublicQuestion, PublicSession } from '$lib/server/events/event-pages';
import { sessionCalendarPath, yourTimePath } from '$lib/server/events/registration-links';
import type { Issues } from '$lib/server/platform/forms';

/**
 * Event pages show places left, which change with every registration: a copy
 * may be kept half a minute (by a browser, a proxy, and the app's own page cache,
 * which keeps a page without `public` at most as long as its max-age says).
 */
export const eventPageHeaders = { 'Cache-Control': 'max-age=30' } as const;

/** An event's address as the site writes them; anything else is not found without asking the database. */
export function eventSlugFrom(value: string): string {
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) || value.length > 80) error(404, m.events_not_found());
	return value;
}

const termPattern = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/**
 * The filters of the events' address (`?kind=workshop&country=NP&mode=online&month=2027-01`).
 * A value that cannot be one is kept as '?' so the page can say it does not know it; an empty one is no filter.
 */
export function eventFiltersFrom(url: URL): EventFilters {
	const text = (value: string | null, max: number) => {
		const trimmed = (value ?? '').trim().slice(0, max);
		return trimmed === '' ? undefined : trimmed;
	};
	const kind = text(url.searchParams.get('kind'), 60);
	const country = text(url.searchParams.get('country'), 2)?.toUpperCase();
	const mode = text(url.searchParams.get('mode'), 10);
	const month = text(url.searchParams.get('month'), 7);
	return {
		kind: kind === undefined || termPattern.test(kind) ? kind : '?',
		country: country === undefined || /^[A-Z]{2}$/.test(country) ? country : '?',
		mode: mode === undefined ? undefined : mode === 'online' || mode === 'onsite' ? mode : '?',
		month: month === undefined || /^\d{4}-(?:0[1-9]|1[0-2])$/.test(month) ? month : '?'
	};
}

/** A session with the addresses of its calendar file and, online, of its time in the reader's zone. */
export function withSessionLinks(session: PublicSession, locale: Locale) {
	return {
		...session,
		calendarHref: localizedPath(sessionCalendarPath(session.id), locale),
		yourTimeHref: session.online ? localizedPath(yourTimePath(session.id), locale) : null
	};
}

/** What the registration form sent, as typed, to show it again. */
export interface RegistrationValues {
	name: string;
	email: string;
	partySize: string;
	locale: string;
	answers: Record<string, string>;
	consent: boolean;
}

/** The registration form's fields: the event's questions only, each cut to what the domain accepts. */
export function readRegistrationForm(form: FormData, questions: readonly PublicQuestion[], pageLocale: Locale): { values: RegistrationValues; trapped: boolean } {
	const field = (name: string, max: number) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.slice(0, max) : '';
	};
	const language = field('locale', 5);
	return {
		values: {
			name: field('name', 200),
			email: field('email', 254),
			partySize: field('party', 3),
			locale: isLocale(language) ? language : pageLocale,
			answers: Object.fromEntries(questions.map((q) => [q.key, field(`answer.${q.key}`, 2000)])),
			consent: form.get('consent') === 'yes'
		},
		// People never see the trap field; a robot filling in every field fills it in too.
		trapped: field('website', 200).trim() !== ''
	};
}

/** The domain's issues as messages in the reader's language, by the form's field names. */
export function registrationErrors(issues: Issues, partyMax: number, locale: Locale): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const [key, code] of Object.entries(issues)) {
		if (key === 'name') errors.name = code === 'too-long' ? m.events_error_name_long() : m.events_error_name();
		else if (key === 'email') errors.email = code === 'too-long' ? m.events_error_email_long() : m.events_error_email();
		else if (key === 'partySize') errors.party = m.events_error_party({ max: numberFormat(locale).format(partyMax) });
		else if (key === 'locale') errors.locale = m.events_error_locale();
		else if (key === 'consentText') errors.consent = m.events_error_consent();
		else if (key.startsWith('answers.')) errors[`answer.${key.slice('answers.'.length)}`] = m.events_error_answer();
		else if (key === 'answers') errors.answers = m.events_error_answer_long();
	}
	return errors;
}

/** Why a session takes no registrations, in the reader's language. */
export function windowProblem(window: string): string {
	if (window === 'not-yet') return m.events_register_not_yet();
	if (window === 'cancelled') return m.events_session_cancelled();
	if (window === 'past') return m.events_session_past();
	return m.events_register_closed();
}
