import { m } from '$lib/paraglide/messages';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localeNames, locales, type Locale } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { listRegistrations, questionsOfSession, registrationCounts, waitingList } from '$lib/server/events/registration-admin';
import { addRegistrationByStaff, cancelRegistrationByStaff } from '$lib/server/events/registration.service';
import { formField, formSchema, refusedIssues } from '$lib/server/platform/forms';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { pageCount } from '$lib/server/platform/paging';
import { pageFrom } from '$lib/server/platform/route-params';
import { sessionAnswers } from '../../session-form';
import { doorTime, sessionRoute } from '../session-route';
import { filterValuesOf, filtersOf } from './registration-filters';

const perPage = 100;

/** Who registered for one session: how things stand, the list with search and filter, the waiting list in order, adding and cancelling by hand. */
export const load = withDomainErrors(async (event) => {
	const { session, event: found, eventId } = await sessionRoute(event);
	const { db, events } = app();
	const values = filterValuesOf(event.url);
	const [counts, list, waiting, questions] = await Promise.all([
		registrationCounts(db, session, events.clock()),
		listRegistrations(db, session.id, filtersOf(values), { page: pageFrom(event.url), perPage }),
		waitingList(db, session.id),
		questionsOfSession(db, session.id)
	]);
	const at = (iso: string | null) => (iso ? doorTime(iso, session.time_zone, session.starts_local) : null);
	return {
		event: found,
		eventId,
		session: { id: session.id, startsLocal: session.starts_local, endsLocal: session.ends_local, timeZone: session.time_zone, status: session.status, capacity: session.capacity },
		counts,
		filters: values,
		questions,
		// Only what the table shows.
		registrations: list.rows.map((r) => ({
			id: r.id,
			name: r.name,
			email: r.email,
			code: r.code,
			partySize: r.partySize,
			status: r.status,
			answers: r.answers,
			checkedInAt: at(r.checkedInAt),
			checkedInBy: r.checkedInBy
		})),
		total: list.total,
		page: list.page,
		pages: pageCount(list.total, list.perPage),
		waiting: waiting.map((r) => ({ id: r.id, name: r.name, partySize: r.partySize })),
		languages: locales.map((code) => ({ code, name: localeNames[code] }))
	};
}, sessionAnswers) satisfies PageServerLoad;

const addForm = formSchema({ name: formField.text(200), email: formField.trimmed(254), partySize: formField.trimmed(6), locale: formField.trimmed(5) });
const cancelForm = formSchema({ registration: formField.id(), confirm: formField.is('yes') });

/** Plain words for what the domain refused, by field, in the staff person's language. */
function addIssueMessages(issues: Record<string, string>, locale: Locale): Record<string, string> {
	const words = (code: string): string => {
		if (code.startsWith('party-max:')) return m.eventsadmin_issue_party_max({ max: code.slice('party-max:'.length) }, { locale });
		switch (code) {
			case 'required':
				return m.eventsadmin_issue_required({}, { locale });
			case 'email':
				return m.eventsadmin_issue_email({}, { locale });
			case 'already-registered':
				return m.eventsadmin_issue_already({}, { locale });
			case 'party-size':
				return m.eventsadmin_issue_party_size({}, { locale });
			case 'locale':
				return m.eventsadmin_issue_locale({}, { locale });
			case 'cancelled':
				return m.eventsadmin_issue_cancelled({}, { locale });
			case 'past':
				return m.eventsadmin_issue_past({}, { locale });
			case 'too-long':
				return m.eventsadmin_issue_too_long({}, { locale });
			default:
				return m.eventsadmin_issue_check({}, { locale });
		}
	};
	return Object.fromEntries(Object.entries(issues).map(([field, code]) => [field, words(code)]));
}

export const actions = {
	add: withDomainErrors(async (event) => {
		const { actor, sessionId, staff } = await sessionRoute(event);
		const values = addForm.read(await event.request.formData());
		const partySize = /^\d{1,4}$/.test(values.partySize) ? Number(values.partySize) : Number.NaN;
		try {
			const added = await addRegistrationByStaff(app().events, actor, sessionId, { name: values.name, email: values.email, partySize, locale: values.locale as 'en' });
			return { added: { ...added, name: values.name.trim() } };
		} catch (e) {
			const issues = refusedIssues(e);
			if (!issues) throw e;
			return fail(400, { addValues: values, addIssues: addIssueMessages(issues, staff.locale) });
		}
	}, sessionAnswers),
	cancel: withDomainErrors(async (event) => {
		const { actor, sessionId, staff } = await sessionRoute(event);
		const values = cancelForm.read(await event.request.formData());
		if (!values.registration) return fail(400, { cancelProblem: m.eventsadmin_cancel_problem_choose({}, { locale: staff.locale }) });
		const registration = await app()
			.db.selectFrom('registration')
			.select(['id', 'name', 'party_size', 'status'])
			.where('id', '=', values.registration)
			.where('session_id', '=', sessionId)
			.executeTakeFirst();
		if (!registration) return fail(404, { cancelProblem: m.eventsadmin_cancel_problem_other({}, { locale: staff.locale }) });
		if (!values.confirm) return { confirmCancel: { id: registration.id, name: registration.name, partySize: registration.party_size, status: registration.status } };
		const outcome = await cancelRegistrationByStaff(app().events, actor, sessionId, registration.id);
		return { cancelled: { name: registration.name, ...outcome } };
	}, sessionAnswers)
} satisfies Actions;
