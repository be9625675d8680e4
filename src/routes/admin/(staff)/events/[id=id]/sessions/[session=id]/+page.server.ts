import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { cancelSession, updateSession } from '$lib/server/events/session.service';
import { eventForStaff, sessionForStaff } from '$lib/server/events/session-admin';
import { requirePermission } from '$lib/server/people/guard';
import { idFrom } from '$lib/server/platform/route-params';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { formField, formSchema, refusedIssues } from '$lib/server/platform/forms';
import { selectableTimeZones, utcOffset } from '$lib/server/shared/zoned-time';
import { countryOptions } from '$lib/server/shared/countries';
import { actorOf } from '../../../../content/content-route';
import { formValues, issueMessages, sessionAnswers, sessionInputOf, valuesOf } from '../session-form';

/** One session: change it (a move tells everyone registered), or cancel it after a confirmation. */
export const load: PageServerLoad = withDomainErrors(async ({ locals, url, params }) => {
	requirePermission(locals, url, 'events.manage');
	const eventId = idFrom(params.id)!;
	const sessionId = idFrom(params.session)!;
	const { db } = app();
	const event = await eventForStaff(db, eventId);
	const overview = await sessionForStaff(db, eventId, sessionId);
	return {
		event,
		overview: { ...overview, offset: utcOffset(overview.session.starts_at, overview.session.time_zone) },
		// Told when it moves or is cancelled: everyone who confirmed, waits or has an offer.
		toTell: overview.confirmedRegistrations + overview.waiting + overview.offered,
		values: valuesOf(overview.session),
		timeZones: selectableTimeZones(),
		countries: countryOptions('en'),
		added: url.searchParams.has('added')
	};
}, sessionAnswers);

const cancelForm = formSchema({ confirm: formField.is('yes') });

export const actions = {
	save: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, 'events.manage');
		const eventId = idFrom(params.id)!;
		const sessionId = idFrom(params.session)!;
		await sessionForStaff(app().db, eventId, sessionId);
		const values = formValues(await request.formData());
		try {
			const change = await updateSession(app().events, actorOf(staff), sessionId, sessionInputOf(values));
			return { done: 'saved' as const, change };
		} catch (e) {
			const issues = refusedIssues(e);
			if (!issues) throw e;
			return fail(400, { values, issues: issueMessages(issues) });
		}
	}, sessionAnswers),
	cancel: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, 'events.manage');
		const eventId = idFrom(params.id)!;
		const sessionId = idFrom(params.session)!;
		await sessionForStaff(app().db, eventId, sessionId);
		if (!cancelForm.read(await request.formData()).confirm) return { confirmCancel: true };
		const told = await cancelSession(app().events, actorOf(staff), sessionId);
		return { done: 'cancelled' as const, told };
	}, sessionAnswers)
} satisfies Actions;
