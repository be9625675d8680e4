import { m } from '$lib/paraglide/messages';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { checkIn, undoCheckIn } from '$lib/server/events/check-in.service';
import { elsewhereByCode, findAtTheDoor, registrationCounts, type RegistrationItem } from '$lib/server/events/registration-admin';
import { formField, formSchema } from '$lib/server/platform/forms';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { searchTextFrom } from '$lib/server/platform/route-params';
import { sessionAnswers } from '../../session-form';
import { doorTime, sessionRoute } from '../session-route';

/**
 * The door, on a phone: find someone by the code on their ticket (typed, or read
 * from its QR code where the browser can), or by name, then check them in. The
 * search is a GET form, so it works without JavaScript; checking in is a POST.
 */
export const load = withDomainErrors(async (event) => {
	const { session, event: found, eventId } = await sessionRoute(event);
	const { db, events } = app();
	const code = searchTextFrom(event.url, 'code', 20);
	const q = searchTextFrom(event.url, 'q', 100);
	const results: RegistrationItem[] = code ? await findAtTheDoor(db, session.id, { by: 'code', code }) : q ? await findAtTheDoor(db, session.id, { by: 'name', text: q }) : [];
	const counts = await registrationCounts(db, session, events.clock());
	// A ticket for another session (the wrong day, the wrong event): the door says which, not just "nobody found".
	const elsewhere = code && results.length === 0 ? await elsewhereByCode(db, session.id, code) : undefined;
	return {
		event: found,
		eventId,
		session: { id: session.id, startsLocal: session.starts_local, endsLocal: session.ends_local, timeZone: session.time_zone, status: session.status },
		code,
		q,
		searched: code !== '' || q !== '',
		// Only what the door needs: no addresses on a phone held up at the entrance.
		results: results.map((r) => ({
			id: r.id,
			name: r.name,
			code: r.code,
			partySize: r.partySize,
			status: r.status,
			checkedInAt: r.checkedInAt ? doorTime(r.checkedInAt, session.time_zone, session.starts_local) : null,
			checkedInBy: r.checkedInBy
		})),
		elsewhere: elsewhere ?? null,
		counts: { confirmed: counts.confirmed, checkedIn: counts.checkedIn, checkedInPeople: counts.checkedInPeople }
	};
}, sessionAnswers) satisfies PageServerLoad;

const personForm = formSchema({ registration: formField.id() });

export const actions = {
	checkIn: withDomainErrors(async (event) => {
		const { actor, sessionId, session, staff } = await sessionRoute(event);
		const { registration } = personForm.read(await event.request.formData());
		if (!registration) return fail(400, { problem: m.eventsadmin_checkin_problem_choose({}, { locale: staff.locale }) });
		const name = await nameOf(sessionId, registration);
		const result = await checkIn(app().events, actor, sessionId, registration);
		if (result.outcome === 'not-confirmed') return fail(409, { refused: { name, status: result.status } });
		return { checkedIn: { id: registration, name, outcome: result.outcome, at: doorTime(result.at, session.time_zone, session.starts_local), by: result.by } };
	}, sessionAnswers),
	undo: withDomainErrors(async (event) => {
		const { actor, sessionId, staff } = await sessionRoute(event);
		const { registration } = personForm.read(await event.request.formData());
		if (!registration) return fail(400, { problem: m.eventsadmin_checkin_problem_undo({}, { locale: staff.locale }) });
		const name = await nameOf(sessionId, registration);
		const undone = await undoCheckIn(app().events, actor, sessionId, registration);
		return { undone: { name, undone } };
	}, sessionAnswers)
} satisfies Actions;

async function nameOf(sessionId: number, registrationId: number): Promise<string> {
	const row = await app().db.selectFrom('registration').select('name').where('id', '=', registrationId).where('session_id', '=', sessionId).executeTakeFirst();
	return row?.name ?? '';
}
