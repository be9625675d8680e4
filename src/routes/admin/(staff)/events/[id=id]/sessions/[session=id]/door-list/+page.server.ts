import { m } from '$lib/paraglide/messages';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { checkInMany } from '$lib/server/events/check-in.service';
import { doorList } from '$lib/server/events/registration-admin';
import { formField, formSchema } from '$lib/server/platform/forms';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { idFrom } from '$lib/server/platform/route-params';
import { sessionAnswers } from '../../session-form';
import { doorTime, sessionRoute } from '../session-route';

/**
 * The door list: everyone confirmed, by name, with their party and ticket code
 * and a box to tick, printed for when the network fails at the door. On screen
 * the boxes are checkboxes, so the ticks on paper can be entered afterwards in one go.
 */
export const load = withDomainErrors(async (event) => {
	const { session, event: found, eventId } = await sessionRoute(event);
	const list = await doorList(app().db, session.id);
	return {
		event: found,
		eventId,
		session: { id: session.id, startsLocal: session.starts_local, endsLocal: session.ends_local, timeZone: session.time_zone, venueName: session.venue_name, status: session.status },
		people: list.map((r) => ({
			id: r.id,
			name: r.name,
			code: r.code,
			partySize: r.partySize,
			checkedInAt: r.checkedInAt ? doorTime(r.checkedInAt, session.time_zone, session.starts_local) : null
		})),
		places: list.reduce((sum, r) => sum + r.partySize, 0)
	};
}, sessionAnswers) satisfies PageServerLoad;

const ticksForm = formSchema({ registration: formField.list(12, 5000) });

export const actions = {
	checkIn: withDomainErrors(async (event) => {
		const { actor, sessionId } = await sessionRoute(event);
		const ids = ticksForm
			.read(await event.request.formData())
			.registration.map((value) => idFrom(value))
			.filter((id): id is number => id !== undefined);
		if (ids.length === 0) return fail(400, { problem: m.events_door_problem_none() });
		const checkedIn = await checkInMany(app().events, actor, sessionId, ids);
		return { checkedIn, ticked: ids.length };
	}, sessionAnswers)
} satisfies Actions;
