import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { eventOfSession, eventSessions, getEvent, type EventDetail } from '$lib/server/events/event-pages';
import { register } from '$lib/server/events/registration.service';
import { recordRegistrationAttempt } from '$lib/server/events/registration-throttle';
import { pagePicture } from '$lib/server/media/page-picture';
import { failWith, readSmallForm } from '$lib/server/platform/forms';
import { idFrom } from '$lib/server/platform/route-params';
import { shareImageOf, wantsSaveData } from '$lib/server/shared/picture';
import type { Locale } from '$lib/i18n/locales';
import { eventPageHeaders, eventSlugFrom, readRegistrationForm, registrationErrors, windowProblem, withSessionLinks, type RegistrationValues } from '../events-route.server';

function publishedEvent(slug: string, locale: Locale): Promise<EventDetail | undefined> {
	const { db, siteVersion } = app();
	// What the event says changes only when staff publish; its sessions' places are read for each rendering.
	return siteVersion.cached(`event:${locale}:${slug}`, () => getEvent(db, slug, locale));
}

/** The consent text beside the box, as shown and as stored with the registration. */
function consentText(event: EventDetail, locale: Locale): string {
	return m.events_register_consent({ organizer: event.organizer.name }, { locale });
}

/**
 * One event: its texts, access, organizer, every session with its time in its
 * own zone and in UTC and how places stand, and a registration form for each
 * session that takes registrations now.
 */
export const load: PageServerLoad = async ({ params, request, setHeaders }) => {
	const slug = eventSlugFrom(params.slug);
	const locale = getLocale();
	const event = await publishedEvent(slug, locale);
	if (!event) error(404, m.events_not_found());
	const { db, events } = app();
	const saveData = wantsSaveData(request.headers.get('save-data'));
	const [sessions, cover] = await Promise.all([
		eventSessions(db, event.id, locale, events.clock()),
		pagePicture(db, event.coverMediaId, locale, { sizes: '(min-width: 72rem) 68rem, 100vw', lazy: false, saveData })
	]);
	// After a form action the page holds what one person typed: never kept.
	setHeaders(request.method === 'GET' || request.method === 'HEAD' ? eventPageHeaders : { 'Cache-Control': 'private, no-store' });
	return {
		event,
		sessions: sessions.map((s) => withSessionLinks(s, locale)),
		cover,
		shareImage: shareImageOf(cover),
		consent: consentText(event, locale)
	};
};

export interface RegisterState {
	sessionId: number | null;
	values: RegistrationValues | null;
	errors: Record<string, string>;
	problem: string | null;
	/** Accepted (or a robot caught by the trap field: the same answer): the address to look in. */
	sent: string | null;
}

export const actions = {
	/**
	 * Registers for one session. The answer to an accepted form is the same
	 * whether or not the address was registered already, and so is the answer
	 * to a robot caught by the trap field; a refused form comes back as typed,
	 * each problem beside its field, in the reader's language.
	 */
	register: async ({ request, params, getClientAddress }) => {
		const slug = eventSlugFrom(params.slug);
		const locale = getLocale();
		const { db, log, events } = app();
		const form = await readSmallForm(request);
		const state = (patch: Partial<RegisterState>): { register: RegisterState } => ({
			register: { sessionId: null, values: null, errors: {}, problem: null, sent: null, ...patch }
		});
		if (!form) return fail(413, state({ problem: m.events_register_unreadable() }));
		const event = await publishedEvent(slug, locale);
		if (!event) error(404, m.events_not_found());
		const sessionId = idFrom(form.get('session'));
		if (sessionId === undefined || (await eventOfSession(db, sessionId)) !== event.id) {
			return fail(400, state({ problem: m.events_register_no_session() }));
		}
		const { values, trapped } = readRegistrationForm(form, event.questions, locale);
		if (trapped) {
			log.info('event registration trap field filled in; nothing done');
			return state({ sessionId, sent: values.email.trim() });
		}
		if (!(await recordRegistrationAttempt(db, { email: values.email, ip: getClientAddress() })).allowed) {
			log.info('event registration over the limits; refused');
			return fail(429, state({ sessionId, values, problem: m.events_register_too_many() }));
		}
		const partySize = /^\d{1,3}$/.test(values.partySize.trim()) ? Number(values.partySize.trim()) : Number.NaN;
		try {
			await register(events, {
				sessionId,
				name: values.name,
				email: values.email.trim(),
				partySize,
				locale: values.locale as Locale,
				answers: values.answers,
				consentText: values.consent ? consentText(event, locale) : ''
			});
		} catch (thrown) {
			return failWith(thrown, (issues) =>
				state({ sessionId, values, errors: registrationErrors(issues, event.partyMax, locale), problem: issues.session ? windowProblem(issues.session) : null })
			);
		}
		log.info({ session: sessionId }, 'event registration');
		return state({ sessionId, sent: values.email.trim() });
	}
} satisfies Actions;
