import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { addSession } from '$lib/server/events/session.service';
import { eventForStaff, sessionsForStaff } from '$lib/server/events/session-admin';
import { requirePermission } from '$lib/server/people/guard';
import { idFrom } from '$lib/server/platform/route-params';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { refusedIssues } from '$lib/server/platform/forms';
import { selectableTimeZones, utcOffset } from '$lib/server/shared/zoned-time';
import { countryOptions } from '$lib/server/shared/countries';
import { adminUrls } from '$lib/admin/urls';
import { actorOf } from '../../../content/content-route';
import { formValues, issueMessages, sessionAnswers, sessionInputOf } from './session-form';

/** An event's sessions, how their places stand, and a form to add one. */
export const load: PageServerLoad = withDomainErrors(async ({ locals, url, params }) => {
	requirePermission(locals, url, 'events.manage');
	const eventId = idFrom(params.id)!;
	const { db } = app();
	const event = await eventForStaff(db, eventId);
	const sessions = await sessionsForStaff(db, eventId);
	const lastZone = sessions.at(-1)?.session.time_zone ?? 'UTC';
	return {
		event,
		sessions: sessions.map((s) => ({
			...s,
			offset: utcOffset(s.session.starts_at, s.session.time_zone),
			href: adminUrls.events.session(eventId, s.session.id)
		})),
		timeZones: selectableTimeZones(),
		countries: countryOptions('en'),
		defaults: { timeZone: lastZone }
	};
}, sessionAnswers);

export const actions = {
	add: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, 'events.manage');
		const eventId = idFrom(params.id)!;
		const values = formValues(await request.formData());
		try {
			const id = await addSession(app().events, actorOf(staff), eventId, sessionInputOf(values));
			redirect(303, `${adminUrls.events.session(eventId, id)}?added`);
		} catch (e) {
			const issues = refusedIssues(e);
			if (!issues) throw e;
			return fail(400, { values, issues: issueMessages(issues) });
		}
	}, sessionAnswers)
} satisfies Actions;
