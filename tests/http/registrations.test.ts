/**
 * A registrant's private page (/registrations/<token>) and the events' calendar
 * files against the built server: opening the link never confirms, the button
 * does (also posted empty, as the load test does); the online link and the
 * ticket only for confirmed people, the ticket's QR code read back by a QR
 * reader; cancelling with its confirm step, the party size, offers and the
 * waiting list; private headers; every language; the feeds and one session's
 * file parsed by ical.js (Kathmandu's +05:45, a session across a change of
 * daylight saving time); and the "your time" page.
 *
 * Registrations are made with the domain's commands on the server's database
 * (register, with the server's secret for their links), and moved along through
 * the pages, as the people would.
 */
import { DomUtils } from 'htmlparser2';
import ICAL from 'ical.js';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales, type Locale } from '$lib/i18n/locales';
import type { DatabaseHandle } from '$lib/server/db/connect';
import { findByToken, register, registrationToken } from '$lib/server/events/registration.service';
import { instantToZonedWallTime } from '$lib/server/shared/zoned-time';
import { eventsContext } from '../support/domain-contexts';
import { insertTestEvent, insertTestSession, type TestSessionOptions } from '../support/event-test-data';
import { localized, parseHtml, startTestServer, type Element, type TestServer } from '../support/http';
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };
import id from '../../messages/id.json' with { type: 'json' };
import ne from '../../messages/ne.json' with { type: 'json' };

const messages: Record<Locale, typeof en> = { en, ne, id, es };
const secret = 'registrations-http-test-secret-'.repeat(2);
const onlineUrl = 'https://meet.example.org/paste-up-room-7f3k';

let site: TestServer;
let database: DatabaseHandle;

beforeAll(async () => {
	site = await startTestServer({ AUTH_SECRET: secret });
	database = await site.openDatabase();
}, 60_000);

afterAll(async () => {
	await site?.stop();
});

const fill = (message: string, values: Record<string, string | number>) => message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

interface Page {
	status: number;
	headers: Headers;
	html: string;
	doc: ReturnType<typeof parseHtml>;
}

async function pageOf(response: Response): Promise<Page> {
	const html = await response.text();
	return { status: response.status, headers: response.headers, html, doc: parseHtml(html) };
}

function get(path: string): Promise<Page> {
	return fetch(site.origin + path, { redirect: 'manual', headers: { Accept: 'text/html' } }).then(pageOf);
}

/** A form posted as a browser posts it: same Origin, form-encoded, asking for HTML. */
function post(path: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<Page> {
	return fetch(site.origin + path, {
		method: 'POST',
		body: new URLSearchParams(fields),
		redirect: 'manual',
		headers: { Origin: site.origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', ...headers }
	}).then(pageOf);
}

const byId = (page: Page, value: string) => page.doc.all((e) => e.attribs.id === value)[0];
const text = (e: Element | undefined) => (e ? DomUtils.textContent(e).replace(/\s+/g, ' ').trim() : '');
const pageText = (page: Page) => DomUtils.textContent(page.doc.document).replace(/\s+/g, ' ');
/** The page's own form actions (the footer's newsletter form is not one). */
const formActions = (page: Page) =>
	page.doc
		.byTag('form')
		.map((form) => form.attribs.action ?? '')
		.filter((action) => action.startsWith('?/'));

/** A published event with one session; the ids. */
async function newSession(options: TestSessionOptions = {}, event: Parameters<typeof insertTestEvent>[1] = {}) {
	const created = await insertTestEvent(database.db, event);
	return { eventId: created.id, slug: created.slug, sessionId: await insertTestSession(database.db, created.id, options) };
}

let people = 0;
/** Registers someone as the public form does, and gives the link their e-mail carries. */
async function registered(sessionId: number, options: { partySize?: number; locale?: Locale } = {}): Promise<{ token: string; email: string }> {
	const email = `person${++people}-${process.pid}@example.org`;
	const context = eventsContext(database.db, { linkSecret: secret });
	await register(context, { sessionId, name: `Person ${people}`, email, partySize: options.partySize ?? 1, locale: options.locale ?? 'en', consentText: 'I agree to be e-mailed about this event.' });
	const row = await database.db.selectFrom('registration').selectAll().where('session_id', '=', sessionId).where('email', '=', email).executeTakeFirstOrThrow();
	return { token: registrationToken(secret, row), email };
}

const pagePath = (token: string, locale: Locale = 'en') => localized(`/registrations/${token}`, locale);

async function statusOf(token: string): Promise<string | undefined> {
	return (await findByToken(database.db, token))?.status;
}

/** Registered and confirmed through the page's button. */
async function confirmedRegistration(sessionId: number, partySize = 1) {
	const registration = await registered(sessionId, { partySize });
	const page = await post(`${pagePath(registration.token)}?/confirm`);
	expect(page.status).toBe(200);
	return { ...registration, page };
}

function expectPrivate(page: Page) {
	expect(page.headers.get('cache-control')).toBe('private, no-store');
	expect(page.doc.all((e) => e.name === 'meta' && e.attribs.name === 'robots')[0]?.attribs.content).toBe('noindex');
	expect(page.doc.all((e) => e.name === 'meta' && e.attribs.name === 'referrer')[0]?.attribs.content).toBe('same-origin');
	expect(page.headers.get('referrer-policy')).toBe('same-origin');
}

/** The text a QR reader finds in the ticket's SVG, drawn as a browser would draw it: black on white. */
async function decodeQr(svg: string): Promise<string | undefined> {
	const { data, info } = await sharp(Buffer.from(svg), { density: 72 * 8 })
		.flatten({ background: '#ffffff' })
		.ensureAlpha()
		.raw()
		.toBuffer({ resolveWithObject: true });
	return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data;
}

describe('the private page', () => {
	it('never confirms on opening (twice, as a mail scanner and the person would); the button confirms', async () => {
		const { sessionId } = await newSession();
		const { token } = await registered(sessionId);
		for (let i = 0; i < 2; i++) {
			const page = await get(pagePath(token));
			expect(page.status).toBe(200);
			expectPrivate(page);
			expect(text(byId(page, 'registration-status'))).toBe(en.registration_status_unconfirmed);
			expect(formActions(page)).toContain('?/confirm');
		}
		expect(await statusOf(token)).toBe('unconfirmed');

		const confirmed = await post(`${pagePath(token)}?/confirm`);
		expect(confirmed.status).toBe(200);
		expectPrivate(confirmed);
		expect(text(byId(confirmed, 'registration-result'))).toBe(en.registration_result_confirmed);
		expect(text(byId(confirmed, 'registration-status'))).toBe(en.registration_status_confirmed);
		expect(formActions(confirmed)).not.toContain('?/confirm');
		expect(await statusOf(token)).toBe('confirmed');

		// A second press changes nothing, and says so.
		const again = await post(`${pagePath(token)}?/confirm`);
		expect(text(byId(again, 'registration-result'))).toBe(en.registration_result_already);
	});

	it('confirms a POST of ?/confirm with an empty body and the Origin header (the load test), and refuses one from another site', async () => {
		const { sessionId } = await newSession();
		const { token } = await registered(sessionId);
		const foreign = await fetch(`${site.origin}${pagePath(token)}?/confirm`, {
			method: 'POST',
			body: '',
			redirect: 'manual',
			headers: { Origin: 'https://elsewhere.example', 'Content-Type': 'application/x-www-form-urlencoded' }
		});
		expect(foreign.status).toBe(403);
		expect(await statusOf(token)).toBe('unconfirmed');

		const response = await fetch(`${site.origin}${pagePath(token)}?/confirm`, {
			method: 'POST',
			body: '',
			redirect: 'manual',
			headers: { Origin: site.origin, 'Content-Type': 'application/x-www-form-urlencoded' }
		});
		expect(response.status).toBe(200);
		expect(await statusOf(token)).toBe('confirmed');
	});

	it('puts a late confirmation of a full session on the waiting list, and says where the person stands', async () => {
		const { sessionId } = await newSession({ capacity: 1 });
		await confirmedRegistration(sessionId);
		const first = await registered(sessionId);
		const second = await registered(sessionId);
		const waiting = await post(`${pagePath(first.token)}?/confirm`);
		expect(text(byId(waiting, 'registration-result'))).toBe(en.registration_result_waiting);
		await post(`${pagePath(second.token)}?/confirm`);
		const page = await get(pagePath(second.token));
		expect(text(byId(page, 'registration-status'))).toBe(en.registration_status_waiting);
		expect(text(byId(page, 'waiting-position'))).toBe(fill(en.registration_waiting_position, { position: 2 }));
		expect(formActions(page)).toContain('?/leave');
	});

	it('answers a link that finds nothing with a private 404 page in its language', async () => {
		for (const locale of locales) {
			for (const token of ['1.' + 'A'.repeat(43), 'not-a-token', '99999999.' + 'b'.repeat(43)]) {
				const page = await get(pagePath(token, locale));
				expect(page.status, `${locale} ${token}`).toBe(404);
				expect(page.doc.html?.attribs.lang).toBe(locale);
				expect(pageText(page)).toContain(messages[locale].registration_unknown);
				expectPrivate(page);
			}
			expect((await post(`${pagePath('1.' + 'A'.repeat(43), locale)}?/confirm`)).status).toBe(404);
			expect((await get(localized(`/registrations/1.${'A'.repeat(43)}/calendar.ics`, locale))).status).toBe(404);
		}
	});

	it('gives the online link to confirmed people only: not while unconfirmed, waiting or cancelled, nor in the public calendar file', async () => {
		// Two places: the unconfirmed registration holds one, the confirmed one takes the other.
		const { sessionId } = await newSession({ online: true, onlineUrl, capacity: 2 });
		const unconfirmed = await registered(sessionId);
		expect((await get(pagePath(unconfirmed.token))).html).not.toContain(onlineUrl);

		const { token, page } = await confirmedRegistration(sessionId);
		expect(byId(page, 'online-link')?.attribs.href).toBe(onlineUrl);
		expect(text(byId(page, 'registration-facts'))).toContain(en.registration_online);
		// An online session has no door: no ticket.
		expect(byId(page, 'ticket-code')).toBeUndefined();

		const waiting = await registered(sessionId);
		expect((await post(`${pagePath(waiting.token)}?/confirm`)).html).not.toContain(onlineUrl);
		expect(await statusOf(waiting.token)).toBe('waiting');
		expect((await get(pagePath(waiting.token))).html).not.toContain(onlineUrl);

		// The person's own calendar entry carries the link; the public file does not.
		const own = await fetch(`${site.origin}${pagePath(token)}/calendar.ics`);
		expect(own.status).toBe(200);
		expect(own.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(own.headers.get('cache-control')).toBe('private, no-store');
		const ownIcs = await own.text();
		expect(ownIcs.replace(/\r\n /g, '')).toContain(onlineUrl);
		const ownEvent = readCalendar(ownIcs);
		expect(ownEvent.root.getFirstPropertyValue('method')).toBe('REQUEST');
		expect(ownEvent.vevents[0]!.getFirstPropertyValue('uid')).toBe(`session-${sessionId}@${new URL(site.origin).host}`);
		expect(ownEvent.vevents[0]!.getFirstPropertyValue('sequence')).toBe(0);

		const publicIcs = await (await fetch(`${site.origin}/events/sessions/${sessionId}/calendar.ics`)).text();
		expect(publicIcs.replace(/\r\n /g, '')).not.toContain('meet.example.org');
		expect(readCalendar(publicIcs).vevents[0]!.getFirstPropertyValue('location')).toBe(en.calendar_online);

		// Cancelled: the link and the calendar entry are gone.
		expect((await post(`${pagePath(token)}?/cancel`, { confirm_cancel: 'yes' })).status).toBe(200);
		const after = await get(pagePath(token));
		expect(after.html).not.toContain(onlineUrl);
		expect(text(byId(after, 'registration-status'))).toBe(en.registration_status_cancelled);
		expect((await fetch(`${site.origin}${pagePath(token)}/calendar.ics`)).status).toBe(404);
	});

	it('shows a confirmed person at a venue their ticket: the code large, and a QR code that reads back as the code', async () => {
		const { sessionId } = await newSession({ venueName: 'Patan Museum courtyard' });
		const { token, page } = await confirmedRegistration(sessionId);
		const code = (await findByToken(database.db, token))!.code;
		expect(text(byId(page, 'ticket-code'))).toBe(code);
		const svg = /id="ticket-qr"[^>]*>(?:<!--[^>]*-->)*(<svg[\s\S]*?<\/svg>)/.exec(page.html)?.[1];
		expect(svg).toBeDefined();
		expect(await decodeQr(svg!)).toBe(code);
		expect(text(byId(page, 'registration-facts'))).toContain('Patan Museum courtyard');
		// Not before confirming.
		const other = await registered(sessionId);
		const unconfirmed = await get(pagePath(other.token));
		expect(byId(unconfirmed, 'ticket-qr')).toBeUndefined();
		expect(unconfirmed.html).not.toContain((await findByToken(database.db, other.token))!.code);
	});

	it('cancels only after the confirm step, which works without script', async () => {
		const { sessionId } = await newSession();
		const { token } = await confirmedRegistration(sessionId);
		const unsure = await post(`${pagePath(token)}?/cancel`);
		expect(unsure.status).toBe(400);
		expect(pageText(unsure)).toContain(en.registration_cancel_confirm_required);
		expect(await statusOf(token)).toBe('confirmed');
		const sure = await post(`${pagePath(token)}?/cancel`, { confirm_cancel: 'yes' });
		expect(sure.status).toBe(200);
		expect(text(byId(sure, 'registration-result'))).toBe(en.registration_result_cancelled);
		expect(await statusOf(token)).toBe('cancelled');
		// The confirm button of an old e-mail's page, pressed now, confirms nothing and says so.
		expect(text(byId(await post(`${pagePath(token)}?/confirm`), 'registration-result'))).toBe(en.registration_step_not_possible);
		expect(await statusOf(token)).toBe('cancelled');
		expect(pageText(sure)).toContain(en.registration_ended_body);
		expect(formActions(sure)).toEqual(expect.not.arrayContaining(['?/cancel', '?/party', '?/confirm']));
	});

	it('changes the party size within the event’s largest party and the places free', async () => {
		const { sessionId } = await newSession({ capacity: 4 }, { partyMax: 3 });
		const { token } = await confirmedRegistration(sessionId, 2);
		await confirmedRegistration(sessionId, 1);
		const changed = await post(`${pagePath(token)}?/party`, { party_size: '1' });
		expect(changed.status).toBe(200);
		expect(text(byId(changed, 'registration-result'))).toBe(en.registration_result_party_changed);
		expect((await findByToken(database.db, token))!.party_size).toBe(1);

		const tooLarge = await post(`${pagePath(token)}?/party`, { party_size: '4' });
		expect(tooLarge.status).toBe(400);
		expect(pageText(tooLarge)).toContain(fill(en.registration_party_out_of_range, { max: 3 }));
		for (const typed of ['0', 'two', '', '1.5']) expect((await post(`${pagePath(token)}?/party`, { party_size: typed })).status, typed).toBe(400);

		// With the other party's one place, a party of 3 fills the session; someone waiting may change theirs too.
		expect((await post(`${pagePath(token)}?/party`, { party_size: '3' })).status).toBe(200);
		expect((await findByToken(database.db, token))!.party_size).toBe(3);
		const waiting = await registered(sessionId, { partySize: 3 });
		await post(`${pagePath(waiting.token)}?/confirm`);
		expect(await statusOf(waiting.token)).toBe('waiting');
		const page = await get(pagePath(waiting.token));
		expect(formActions(page)).toContain('?/party');
		expect((await post(`${pagePath(waiting.token)}?/party`, { party_size: '2' })).status).toBe(200);
		expect((await findByToken(database.db, waiting.token))!.party_size).toBe(2);
	});

	it('refuses a larger party when the places are not free', async () => {
		const { sessionId } = await newSession({ capacity: 3 });
		const { token } = await confirmedRegistration(sessionId, 2);
		await confirmedRegistration(sessionId, 1);
		const refused = await post(`${pagePath(token)}?/party`, { party_size: '3' });
		expect(refused.status).toBe(409);
		expect(pageText(refused)).toContain(en.registration_party_no_room);
		expect((await findByToken(database.db, token))!.party_size).toBe(2);
	});

	it('offers freed places: accept and decline as buttons, with when the offer ends; leaving the list from an offer or from waiting', async () => {
		const { sessionId } = await newSession({ capacity: 1, timeZone: 'Asia/Kathmandu' });
		const holder = await confirmedRegistration(sessionId);
		const [first, second, third, fourth] = [await registered(sessionId), await registered(sessionId), await registered(sessionId), await registered(sessionId)];
		for (const person of [first!, second!, third!, fourth!]) await post(`${pagePath(person.token)}?/confirm`);
		expect(await statusOf(fourth!.token)).toBe('waiting');

		await post(`${pagePath(holder.token)}?/cancel`, { confirm_cancel: 'yes' });
		expect(await statusOf(first!.token)).toBe('offered');
		const offered = await get(pagePath(first!.token));
		expect(text(byId(offered, 'registration-status'))).toBe(en.registration_status_offered);
		expect(formActions(offered)).toEqual(expect.arrayContaining(['?/accept', '?/leave']));
		expect(offered.doc.all((e) => e.name === 'button' && e.attribs.formaction === '?/decline')).toHaveLength(1);
		expect(text(byId(offered, 'offer-ends'))).toMatch(/\(Asia\/Kathmandu, UTC\+05:45\).*UTC/);

		const declined = await post(`${pagePath(first!.token)}?/decline`);
		expect(text(byId(declined, 'registration-result'))).toBe(en.registration_result_declined);
		expect(await statusOf(first!.token)).toBe('declined');
		expect(await statusOf(second!.token)).toBe('offered');

		// Leaving from an offer passes it on as well.
		const left = await post(`${pagePath(second!.token)}?/leave`);
		expect(text(byId(left, 'registration-result'))).toBe(en.registration_result_left);
		expect(await statusOf(second!.token)).toBe('left');
		expect(await statusOf(third!.token)).toBe('offered');

		const accepted = await post(`${pagePath(third!.token)}?/accept`);
		expect(text(byId(accepted, 'registration-result'))).toBe(en.registration_result_accepted);
		expect(await statusOf(third!.token)).toBe('confirmed');
		expect(byId(accepted, 'ticket-code')).toBeDefined();

		// Waiting, not offered: leave.
		expect(text(byId(await post(`${pagePath(fourth!.token)}?/leave`), 'registration-status'))).toBe(en.registration_status_left);
		expect(await statusOf(fourth!.token)).toBe('left');
		// An answer to an offer that is gone changes nothing.
		expect(text(byId(await post(`${pagePath(first!.token)}?/accept`), 'registration-result'))).toBe(en.registration_result_offer_gone);
		expect(await statusOf(first!.token)).toBe('declined');
	});

	it('shows an offer or a confirm link that ran out as over, before the five-minute job writes so', async () => {
		const { sessionId } = await newSession({ capacity: 1 });
		const holder = await confirmedRegistration(sessionId);
		const waiting = await registered(sessionId);
		await post(`${pagePath(waiting.token)}?/confirm`);
		await post(`${pagePath(holder.token)}?/cancel`, { confirm_cancel: 'yes' });
		expect(await statusOf(waiting.token)).toBe('offered');
		await database.db.updateTable('registration').set({ offer_expires_at: new Date(Date.now() - 60_000).toISOString() }).where('email', '=', waiting.email).execute();
		const lapsed = await get(pagePath(waiting.token));
		expect(text(byId(lapsed, 'registration-status'))).toBe(en.registration_status_lapsed);
		expect(formActions(lapsed)).toEqual([]);
		expect(text(byId(await post(`${pagePath(waiting.token)}?/accept`), 'registration-result'))).toBe(en.registration_result_offer_gone);

		// Registered eight days ago and never confirmed: the link's seven days are over.
		const late = await registered(sessionId);
		await database.db.updateTable('registration').set({ created_at: new Date(Date.now() - 8 * 86_400_000).toISOString() }).where('email', '=', late.email).execute();
		const expired = await get(pagePath(late.token));
		expect(text(byId(expired, 'registration-status'))).toBe(en.registration_status_expired);
		expect(formActions(expired)).toEqual([]);
		expect(text(byId(await post(`${pagePath(late.token)}?/confirm`), 'registration-result'))).toBe(en.registration_result_expired);
		expect(await statusOf(late.token)).toBe('unconfirmed');
	});

	it('says so when the session moved or was cancelled', async () => {
		const { sessionId } = await newSession();
		const { token } = await confirmedRegistration(sessionId);
		await database.db.updateTable('event_session').set({ moved_at: new Date().toISOString(), sequence: 1 }).where('id', '=', sessionId).execute();
		expect(text(byId(await get(pagePath(token)), 'session-change'))).toBe(en.registration_session_moved);
		await database.db.updateTable('event_session').set({ status: 'cancelled', sequence: 2 }).where('id', '=', sessionId).execute();
		const page = await get(pagePath(token));
		expect(text(byId(page, 'session-change'))).toBe(en.registration_session_cancelled);
		expect(formActions(page)).toEqual([]);
		expect(byId(page, 'ticket-code')).toBeUndefined();
	});

	it('keeps the registration as it is once the session has begun: the ticket stays, no step changes it', async () => {
		const { sessionId } = await newSession({ capacity: 1 });
		const { token } = await confirmedRegistration(sessionId);
		const waiting = await registered(sessionId);
		await post(`${pagePath(waiting.token)}?/confirm`);
		// The clock reaches the session: it began a minute ago.
		const begun = new Date(Date.now() - 60_000).toISOString();
		// The wall time moves with the instant, as a staff move would move both.
		await database.db.updateTable('event_session').set({ starts_at: begun, starts_local: instantToZonedWallTime(begun, 'Asia/Kathmandu') }).where('id', '=', sessionId).execute();
		const page = await get(pagePath(token));
		expect(text(byId(page, 'session-change'))).toBe(en.registration_session_started);
		expect(byId(page, 'ticket-code')).toBeDefined();
		expect(formActions(page)).toEqual([]);
		const refused = await post(`${pagePath(token)}?/cancel`, { confirm_cancel: 'yes' });
		expect(refused.status).toBe(409);
		expect(text(byId(refused, 'registration-result'))).toBe(en.registration_session_started);
		expect(await statusOf(token)).toBe('confirmed');
		// So nothing is offered to the waiting list for a session under way.
		expect((await post(`${pagePath(waiting.token)}?/leave`)).status).toBe(409);
		expect(await statusOf(waiting.token)).toBe('waiting');
	});

	it.each(locales)('speaks %s: the session in its zone with the offset and in UTC, the status, the button and the result', async (locale) => {
		const { sessionId } = await newSession({ startsLocal: '2027-01-15T18:00', timeZone: 'Asia/Kathmandu' });
		const { token } = await registered(sessionId, { locale });
		const page = await get(pagePath(token, locale));
		expect(page.status).toBe(200);
		expect(page.doc.html?.attribs.lang).toBe(locale);
		expectPrivate(page);
		const t = messages[locale];
		expect(text(byId(page, 'registration-status'))).toBe(t.registration_status_unconfirmed);
		expect(text(page.doc.byTag('h1')[0])).toContain(fill(t.registration_title, { event: '' }).trim().replace(/:$/, ''));
		const facts = text(byId(page, 'registration-facts'));
		expect(facts).toContain(locale === 'ne' ? 'UTC+०५:४५' : 'UTC+05:45');
		expect(facts).toContain(fill(t.registration_when_utc, { time: '' }).trim());
		expect(page.doc.all((e) => e.name === 'button').map(text)).toContain(t.registration_confirm_button);
		const done = await post(`${pagePath(token, locale)}?/confirm`);
		expect(done.doc.html?.attribs.lang).toBe(locale);
		expect(text(byId(done, 'registration-result'))).toBe(t.registration_result_confirmed);
	});
});

// ---------------------------------------------------------------------------
// Calendars

function readCalendar(ics: string) {
	const root = new ICAL.Component(ICAL.parse(ics));
	const vevents = root.getAllSubcomponents('vevent');
	return { root, vevents, events: vevents.map((vevent) => new ICAL.Event(vevent)) };
}

const instantsOf = (event: ICAL.Event) => [event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString()];

describe('calendar files', () => {
	let kathmandu: Awaited<ReturnType<typeof newSession>>;
	let acrossChange: Awaited<ReturnType<typeof newSession>>;
	let cancelled: number;
	let englishOnly: Awaited<ReturnType<typeof newSession>>;

	beforeAll(async () => {
		kathmandu = await newSession({ startsLocal: '2027-01-15T18:00', timeZone: 'Asia/Kathmandu', lengthMinutes: 120 });
		// New York's clocks go forward at 02:00 on 14 March 2027: 01:30 EST to 03:30 EDT is one hour.
		acrossChange = await newSession({ startsLocal: '2027-03-14T01:30', lengthMinutes: 120, timeZone: 'America/New_York', online: true, onlineUrl });
		cancelled = await insertTestSession(database.db, kathmandu.eventId, { startsLocal: '2027-01-22T18:00', timeZone: 'Asia/Kathmandu', status: 'cancelled' });
		englishOnly = await newSession({ startsLocal: '2027-02-01T10:00', timeZone: 'Europe/Madrid' }, { title: { en: 'Zine fair' }, summary: { en: 'Swap zines.' } });
		// A session over already is no longer in the feed.
		await insertTestSession(database.db, kathmandu.eventId, { startsLocal: '2026-01-10T10:00', timeZone: 'Asia/Kathmandu' });
	});

	const host = () => new URL(site.origin).host;

	it.each(locales)('/events.ics in %s: upcoming sessions with zones, stable UIDs, SEQUENCE, URLs and cancellations, nothing private', async (locale) => {
		const response = await fetch(`${site.origin}${localized('/events.ics', locale)}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
		expect(response.headers.get('cache-control')).not.toMatch(/no-store|private/);
		const ics = await response.text();
		expect(ics.replace(/\r\n /g, '')).not.toContain('meet.example.org');
		expect(ics).not.toMatch(/ATTENDEE|@example\.org/);
		const { root, vevents, events } = readCalendar(ics);
		expect(String(root.getFirstPropertyValue('refresh-interval'))).toBe('PT1H');
		expect(root.getFirstPropertyValue('x-wr-calname')).toMatch(new RegExp(fill(messages[locale].calendar_feed_name, { site: '.+' })));
		expect(root.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(expect.arrayContaining(['Asia/Kathmandu', 'America/New_York', 'Europe/Madrid']));

		const byUid = new Map(vevents.map((vevent, index) => [vevent.getFirstPropertyValue('uid') as string, { vevent, event: events[index]! }]));
		const uid = (sessionId: number) => `session-${sessionId}@${host()}`;
		const ktm = byUid.get(uid(kathmandu.sessionId))!;
		expect(instantsOf(ktm.event)).toEqual(['2027-01-15T12:15:00.000Z', '2027-01-15T14:15:00.000Z']);
		expect(ktm.vevent.getFirstPropertyValue('sequence')).toBe(0);
		expect(ktm.vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
		expect(ktm.vevent.getFirstPropertyValue('url')).toBe(`${site.origin}${localized(`/events/${kathmandu.slug}`, locale)}`);
		expect(ktm.vevent.getFirstPropertyValue('summary')).toBe({ en: 'Paste-up workshop', ne: 'पेस्ट-अप कार्यशाला', id: 'Lokakarya tempel', es: 'Taller de pegatinas' }[locale]);

		const ny = byUid.get(uid(acrossChange.sessionId))!;
		expect(instantsOf(ny.event)).toEqual(['2027-03-14T06:30:00.000Z', '2027-03-14T07:30:00.000Z']);
		expect(ny.vevent.getFirstPropertyValue('location')).toBe(messages[locale].calendar_online);

		expect(byUid.get(uid(cancelled))!.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
		// No translation: English, and said to be English.
		const english = byUid.get(uid(englishOnly.sessionId))!.vevent;
		expect(english.getFirstPropertyValue('summary')).toBe('Zine fair');
		expect(english.getFirstProperty('summary')!.getParameter('language')).toBe('en');
		// Nothing that is over; in order of start.
		const starts = events.map((event) => event.startDate.toJSDate().getTime());
		expect(events.every((event) => event.endDate.toJSDate().getTime() > Date.now())).toBe(true);
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
	});

	it('gives one session as a public file: its instants, its UID and SEQUENCE, a URL back to the event page, no online link or attendee', async () => {
		await database.db.updateTable('event_session').set({ sequence: 2 }).where('id', '=', acrossChange.sessionId).execute();
		const response = await fetch(`${site.origin}/ne/events/sessions/${acrossChange.sessionId}/calendar.ics`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
		const ics = await response.text();
		expect(ics.replace(/\r\n /g, '')).not.toContain('meet.example.org');
		expect(ics).not.toMatch(/ATTENDEE|ORGANIZER|METHOD/);
		const { vevents, events } = readCalendar(ics);
		expect(vevents).toHaveLength(1);
		expect(instantsOf(events[0]!)).toEqual(['2027-03-14T06:30:00.000Z', '2027-03-14T07:30:00.000Z']);
		expect(vevents[0]!.getFirstPropertyValue('uid')).toBe(`session-${acrossChange.sessionId}@${host()}`);
		expect(vevents[0]!.getFirstPropertyValue('sequence')).toBe(2);
		expect(vevents[0]!.getFirstPropertyValue('url')).toBe(`${site.origin}/ne/events/${acrossChange.slug}`);
		expect(vevents[0]!.getFirstPropertyValue('location')).toBe(ne.calendar_online);

		expect((await fetch(`${site.origin}/events/sessions/999999/calendar.ics`)).status).toBe(404);
		expect((await fetch(`${site.origin}/events/sessions/abc/calendar.ics`)).status).toBe(404);
	});

	it('/your-time converts the session’s time to the zone picked, UTC when none is, and says when a zone is unknown', async () => {
		const path = `/events/sessions/${kathmandu.sessionId}/your-time`;
		const zoneText = async (query: string, locale: Locale = 'en') => {
			const page = await get(`${localized(path, locale)}${query}`);
			expect(page.status).toBe(200);
			return { page, own: text(byId(page, 'time-in-session-zone')), yours: text(byId(page, 'time-in-your-zone')) };
		};
		const utc = await zoneText('');
		expect(utc.own).toMatch(/6:00\s?–\s?8:00\sPM \(UTC\+05:45\)/);
		expect(utc.yours).toMatch(/12:15\s?–\s?2:15\sPM \(UTC\+00:00\)/);
		const selected = utc.page.doc.all((e) => e.name === 'option' && e.attribs.selected !== undefined);
		expect(selected.map((e) => e.attribs.value)).toEqual(['UTC']);
		expect(utc.page.doc.byTag('form')[0]?.attribs.method).toBe('get');
		// Its script is a file of the site's own, as the Content-Security-Policy allows.
		const scripts = utc.page.doc.byTag('script').filter((s) => s.attribs.type !== 'application/ld+json');
		expect(scripts.map((s) => s.attribs.src)).toEqual(['/your-time.js']);
		expect(scripts.every((s) => DomUtils.textContent(s).trim() === '')).toBe(true);
		const script = await fetch(`${site.origin}/your-time.js`);
		expect(script.status).toBe(200);
		expect(script.headers.get('content-type')).toMatch(/javascript/);

		const tokyo = await zoneText('?zone=Asia/Tokyo');
		expect(tokyo.yours).toMatch(/Friday, January 15, 2027.*9:15\s?–\s?11:15\sPM \(UTC\+09:00\)/);
		// Chatham is on summer time in January: +13:45, the next day.
		const chatham = await zoneText('?zone=Pacific%2FChatham');
		expect(chatham.yours).toMatch(/Saturday, January 16, 2027.*2:00\s?–\s?4:00\sAM \(UTC\+13:45\)/);
		// An old spelling is today's zone; the select shows it picked.
		const kolkata = await zoneText('?zone=Asia/Calcutta');
		expect(kolkata.yours).toMatch(/5:45\s?–\s?7:45\sPM \(UTC\+05:30\)/);
		expect(kolkata.page.doc.all((e) => e.name === 'option' && e.attribs.selected !== undefined).map((e) => e.attribs.value)).toEqual(['Asia/Kolkata']);

		const unknown = await zoneText('?zone=Mars/Olympus_Mons');
		expect(text(byId(unknown.page, 'unknown-zone'))).toBe(fill(en.your_time_unknown_zone, { zone: 'Mars/Olympus_Mons' }));
		expect(unknown.yours).toContain('(UTC+00:00)');

		// What no picker sends is no zone either: said, and UTC shown.
		for (const hostile of ['%2B05%3A45', '..%2F..%2Fetc%2Fpasswd', 'US%2FEastern%00', `Asia%2F${'x'.repeat(300)}`, '%3Cscript%3E']) {
			const page = await zoneText(`?zone=${hostile}`);
			expect(byId(page.page, 'unknown-zone'), hostile).toBeDefined();
			expect(page.yours).toContain('(UTC+00:00)');
			expect(page.page.html).not.toContain('<script>');
		}
		const nepali = await zoneText('?zone=America/New_York', 'ne');
		expect(nepali.page.doc.html?.attribs.lang).toBe('ne');
		expect(nepali.yours).toContain('UTC-०५:००');
		for (const locale of ['id', 'es'] as const) {
			const page = await zoneText('?zone=Europe/Madrid', locale);
			expect(page.page.doc.html?.attribs.lang).toBe(locale);
			expect(page.yours).toContain('(UTC+01:00)');
			expect(text(page.page.doc.byTag('h1')[0])).toContain(fill(messages[locale].your_time_title, { event: '' }).replace(/^[:\s]+/, '').trim());
		}
		expect((await get('/events/sessions/999999/your-time')).status).toBe(404);
	});

	it('keeps each zone its own page in the page cache', async () => {
		const path = `/events/sessions/${englishOnly.sessionId}/your-time`;
		const first = text(byId(await get(`${path}?zone=Asia/Tokyo`), 'time-in-your-zone'));
		const second = text(byId(await get(`${path}?zone=America/Los_Angeles`), 'time-in-your-zone'));
		expect(first).toContain('UTC+09:00');
		expect(second).toContain('UTC-08:00');
	});
});
