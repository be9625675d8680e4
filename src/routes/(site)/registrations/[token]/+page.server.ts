import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { numberFormat } from '$lib/i18n/intl';
import { localizedPath } from '$lib/i18n/paths';
import { app } from '$lib/server/app';
import { registrationPage } from '$lib/server/events/registration-page';
import { answerOffer, cancel, changePartySize, confirm, leaveWaitingList } from '$lib/server/events/registration.service';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { formField, formSchema, readSmallForm } from '$lib/server/platform/forms';
import { qrSvg } from '$lib/server/shared/qr-svg';
import { privatePageHeaders } from '../../newsletter/newsletter-route';

/*
 * A registrant's private page, reached by the link in every e-mail about their
 * registration: what they registered for, where it stands, and the steps open
 * to them now. Opening it (GET) changes nothing, since mail scanners open links
 * before the person does: confirming is a button, a POST. Each step is a named
 * form action that works without script; SvelteKit's origin check (and the one
 * in hooks.server.ts) stands against forms from other sites. The token in the
 * address is the only key: no cache keeps the page (hooks.server.ts keeps it out
 * of the page cache too) and it sends no referrer elsewhere (PrivatePageHead).
 *
 * The QR code on the ticket carries the ticket code itself, nothing else: the
 * same six characters staff type at the door, so a scan and a typed code check
 * in the same way, and a photo of the ticket gives away no link.
 */

/** Read when answering, in the request's language. */
const unknown = {
	get notFound() {
		return m.registration_unknown();
	}
};

async function known(token: string) {
	const page = await registrationPage(app().db, token, getLocale(), app().events.clock());
	if (!page) error(404, m.registration_unknown());
	return page;
}

/**
 * Once the session has begun, the registration stays as it is: places freed
 * then would be offered to a waiting list for a session already under way.
 */
async function changeable(token: string) {
	const page = await known(token);
	return page.session.started ? { page, refused: fail(409, { problem: 'started' as const, message: m.registration_session_started() }) } : { page, refused: null };
}

export const load = withDomainErrors(async ({ params, setHeaders }) => {
	setHeaders(privatePageHeaders);
	const page = await known(params.token);
	const code = page.registration.ticketCode;
	return {
		...page,
		eventPath: localizedPath(`/events/${page.event.slug}`),
		calendarPath: localizedPath(`/registrations/${params.token}/calendar.ics`),
		yourTimePath: localizedPath(page.session.yourTimePath),
		ticketQr: code ? qrSvg(code, { label: m.registration_ticket_qr_label({ code, event: page.event.title.text }) }) : null
	};
}, unknown) satisfies PageServerLoad;

const cancelForm = formSchema({ confirm_cancel: formField.is('yes') });
const partyForm = formSchema({ party_size: formField.trimmed(6) });

/** A whole number as typed in digits; NaN for anything else, which the command refuses as out of range. */
const wholeNumber = (value: string) => (/^\d{1,4}$/.test(value) ? Number(value) : Number.NaN);

export const actions = {
	// No field is read: the button is the whole form. A load test relies on it, posting `?/confirm` with an
	// empty body, a form Content-Type (SvelteKit answers other types with 415) and the site's Origin.
	confirm: withDomainErrors(async ({ params }) => {
		const { page, refused } = await changeable(params.token);
		if (refused) return refused;
		const outcome = await confirm(app().events, params.token);
		// "Confirmed already" is true of a registration with places or on the list, not of one that ended.
		const ended = outcome === 'already' && !['confirmed', 'waiting', 'offered'].includes(page.registration.status);
		return { done: 'confirm' as const, outcome: ended ? ('not-possible' as const) : outcome };
	}, unknown),
	cancel: withDomainErrors(async ({ params, request }) => {
		const { refused } = await changeable(params.token);
		if (refused) return refused;
		const { confirm_cancel: sure } = cancelForm.read((await readSmallForm(request)) ?? new FormData());
		if (!sure) return fail(400, { problem: 'cancel' as const, message: m.registration_cancel_confirm_required() });
		return { done: 'cancel' as const, outcome: (await cancel(app().events, params.token)) ? ('cancelled' as const) : ('not-possible' as const) };
	}, unknown),
	party: withDomainErrors(async ({ params, request }) => {
		const { page, refused } = await changeable(params.token);
		if (refused) return refused;
		const { party_size: typed } = partyForm.read((await readSmallForm(request)) ?? new FormData());
		const outcome = await changePartySize(app().events, params.token, wholeNumber(typed));
		if (outcome === 'changed') return { done: 'party' as const, outcome };
		const message =
			outcome === 'no-room'
				? m.registration_party_no_room()
				: outcome === 'too-large'
					? m.registration_party_out_of_range({ max: numberFormat(getLocale()).format(page.event.partyMax) })
					: m.registration_step_not_possible();
		return fail(outcome === 'no-room' ? 409 : 400, { problem: 'party' as const, message, typed });
	}, unknown),
	accept: withDomainErrors(async ({ params }) => {
		const { refused } = await changeable(params.token);
		return refused ?? { done: 'offer' as const, outcome: await answerOffer(app().events, params.token, true) };
	}, unknown),
	decline: withDomainErrors(async ({ params }) => {
		const { refused } = await changeable(params.token);
		return refused ?? { done: 'offer' as const, outcome: await answerOffer(app().events, params.token, false) };
	}, unknown),
	leave: withDomainErrors(async ({ params }) => {
		const { refused } = await changeable(params.token);
		return refused ?? { done: 'leave' as const, outcome: (await leaveWaitingList(app().events, params.token)) ? ('left' as const) : ('not-possible' as const) };
	}, unknown)
} satisfies Actions;
