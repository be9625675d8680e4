/**
 * The public events pages (issue 15) against the built server, with a real SMTP
 * server on loopback: /events with its GET filters and past events, an event's
 * page in every language with its structured data, registering without script in
 * every language (the e-mail to confirm arrives), the same answer for an address
 * already registered, the trap field, the per-address limit, a refused form kept
 * as typed, sessions not open yet, closed or full, and the online link never on
 * a public page.
 */
import { DomUtils } from 'htmlparser2';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales, type Locale } from '$lib/i18n/locales';
import type { DatabaseHandle } from '$lib/server/db/connect';
import { demoEvents } from '$lib/server/demo/demo-content-events';
import { localized, parseHtml, rawRequest, startTestServer, textOf, valueOf, type TestServer } from '../support/http';
import { startSmtpSink } from '../support/smtp';
import { insertTestEvent, insertTestSession } from '../support/event-test-data';
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };
import id from '../../messages/id.json' with { type: 'json' };
import ne from '../../messages/ne.json' with { type: 'json' };

const messages: Record<Locale, typeof en> = { en, ne, id, es };
const workshop = demoEvents.find((e) => e.slug === 'paste-up-workshop-patan')!;
const launch = demoEvents.find((e) => e.slug === 'women-on-wall-online-launch')!;
const pastEvent = demoEvents.find((e) => e.sessions.every((s) => s.inDays < 0))!;

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let site: TestServer;
let database: DatabaseHandle;

beforeAll(async () => {
	smtp = await startSmtpSink();
	site = await startTestServer({ SMTP_URL: smtp.url });
	database = await site.openDatabase();
}, 60_000);

afterAll(async () => {
	await site?.stop();
	await smtp?.close();
});

async function page(path: string) {
	const response = await fetch(site.origin + path, { redirect: 'manual' });
	return { status: response.status, html: await response.text(), headers: response.headers };
}

/** A form posted as a browser without script posts it: same Origin, asking for HTML. */
function post(path: string, fields: Record<string, string>) {
	return fetch(site.origin + path, {
		method: 'POST',
		body: new URLSearchParams(fields),
		redirect: 'manual',
		headers: { Origin: site.origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' }
	});
}

const fill = (message: string, values: Record<string, string | number>) => message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

function eventLinks(html: string): string[] {
	return [
		...new Set(
			parseHtml(html)
				.all((e) => e.name === 'a' && /^(?:\/[a-z]{2})?\/events\/[a-z0-9-]+$/.test(e.attribs.href ?? ''))
				.map((a) => a.attribs.href!.replace(/^\/[a-z]{2}(?=\/)/, ''))
		)
	].sort();
}

async function sessionIds(slug: string): Promise<number[]> {
	return (
		await database.db
			.selectFrom('event_session')
			.innerJoin('event', 'event.id', 'event_session.event_id')
			.select('event_session.id')
			.where('event.slug', '=', slug)
			.orderBy('event_session.starts_at')
			.execute()
	).map((r) => r.id);
}

function mailTo(to: string, subject: string): Promise<ParsedMail> {
	return smtp.waitFor((mail) => [mail.to].flat().some((t) => t?.value.some((v) => v.address === to)) && mail.subject === subject, 15_000);
}

function registrationsOf(email: string) {
	return database.db.selectFrom('registration').selectAll().where('email', '=', email).execute();
}

let people = 0;
/** The fields of a filled-in form for `sessionId`, as typed by a new person. */
function registrationFields(sessionId: number, locale: Locale, extra: Record<string, string> = {}) {
	people++;
	return { session: String(sessionId), name: `Sita ${people}`, email: `sita.${people}@example.org`, party: '2', locale, consent: 'yes', website: '', ...extra };
}

describe('/events', () => {
	it('lists upcoming events with their sessions and leaves the past one to /events?past=1', async () => {
		const upcoming = await page('/events');
		expect(upcoming.status).toBe(200);
		const expected = demoEvents.filter((e) => e !== pastEvent).map((e) => `/events/${e.slug}`);
		expect(eventLinks(upcoming.html)).toEqual(expected.sort());
		expect(textOf(upcoming.html)).toContain(`Events found: ${expected.length}`);
		// Kept half a minute at most: places left change with every registration.
		expect(upcoming.headers.get('cache-control')).toBe('max-age=30');

		const past = await page('/events?past=1');
		expect(past.status).toBe(200);
		expect(eventLinks(past.html)).toEqual([`/events/${pastEvent.slug}`]);
		expect(textOf(past.html)).toContain(en.events_session_past);
	});

	it.each(locales)('offers the calendar feed of its language to subscribe to, in %s', async (locale) => {
		const { html } = await page(localized('/events', locale));
		const feed = localized('/events.ics', locale);
		const { all } = parseHtml(html);
		expect(all((e) => e.name === 'link' && e.attribs.rel === 'alternate' && e.attribs.type === 'text/calendar').map((e) => e.attribs.href)).toEqual([feed]);
		const visible = all((e) => e.name === 'a' && e.attribs.href === feed);
		expect(visible.map((a) => DomUtils.textContent(a).trim())).toEqual([{ en, ne, id, es }[locale].events_calendar_feed_link]);
	});

	it('filters through a plain GET form, drops empty filters from the address and names a value it does not know', async () => {
		expect(eventLinks((await page('/events?mode=online')).html)).toEqual([`/events/${launch.slug}`]);
		expect(eventLinks((await page('/events?kind=art-tour')).html)).toEqual(['/events/laneway-walls-art-tour-melbourne']);
		expect(eventLinks((await page('/events?country=NP')).html)).toEqual([`/events/${workshop.slug}`]);

		const submitted = await page('/events?kind=&mode=online&country=&month=');
		expect(submitted.status).toBe(303);
		expect(submitted.headers.get('location')).toBe('/events?mode=online');

		const unknown = await page('/es/events?kind=no-such-kind');
		expect(unknown.status).toBe(200);
		expect(textOf(unknown.html)).toContain(fill(es.events_filter_unknown, { filter: es.events_filter_kind, value: 'no-such-kind' }));
		expect(eventLinks(unknown.html)).toHaveLength(demoEvents.length - 1);
		const form = parseHtml(unknown.html).all((e) => e.name === 'form' && e.attribs.method === 'get')[0];
		expect(form?.attribs.action).toBe('/es/events');
	});

	it('puts the next sessions on the home page, linking to /events', async () => {
		const home = await page('/id');
		expect(textOf(home.html)).toContain(id.events_home_title);
		expect(parseHtml(home.html).all((e) => e.name === 'a' && e.attribs.href === '/id/events')).not.toHaveLength(0);
		expect(parseHtml(home.html).all((e) => e.name === 'a' && e.attribs.href === `/id/events/${launch.slug}`)).not.toHaveLength(0);
	});
});

describe('an event’s page', () => {
	it.each(locales)('is written in %s, with each session’s time in its zone and UTC, access, and links to add it to a calendar', async (locale) => {
		const { status, html } = await page(localized(`/events/${workshop.slug}`, locale));
		expect(status).toBe(200);
		const doc = parseHtml(html);
		expect(doc.html?.attribs.lang).toBe(locale);
		expect(DomUtils.textContent(doc.byTag('h1')[0]!).trim()).toBe(workshop.title[locale] ?? workshop.title.en);
		const text = textOf(html);
		expect(text).toContain(workshop.title[locale] ?? workshop.title.en);
		expect(text).toContain('Asia/Kathmandu');
		expect(text).toContain(messages[locale].events_access_title);
		const [first] = await sessionIds(workshop.slug);
		expect(doc.all((e) => e.name === 'a' && e.attribs.href === localized(`/events/sessions/${first}/calendar.ics`, locale))).toHaveLength(1);
		expect(doc.all((e) => e.name === 'form' && e.attribs.method === 'post')).not.toHaveLength(0);
		expect(doc.byTag('script').filter((s) => s.attribs.type !== 'application/ld+json')).toHaveLength(0);
	});

	it('describes every session as a schema.org Event: free, online or at a place, without the meeting link', async () => {
		const { html } = await page(`/events/${launch.slug}`);
		const block = parseHtml(html).all((e) => e.name === 'script' && e.attribs.type === 'application/ld+json')[0]!;
		const data = JSON.parse(DomUtils.textContent(block)) as { '@graph': Record<string, unknown>[] };
		expect(data['@graph']).toHaveLength(2);
		for (const event of data['@graph']) {
			expect(event).toMatchObject({
				'@type': 'Event',
				eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
				location: { '@type': 'VirtualLocation', url: `${site.origin}/events/${launch.slug}` },
				isAccessibleForFree: true,
				offers: { '@type': 'Offer', price: 0 }
			});
		}
		const [newYork] = await sessionIds(launch.slug);
		expect(parseHtml(html).all((e) => e.name === 'a' && e.attribs.href === `/events/sessions/${newYork}/your-time`)).toHaveLength(1);
		const onSite = parseHtml((await page(`/events/${workshop.slug}`)).html).all((e) => e.name === 'script' && e.attribs.type === 'application/ld+json')[0]!;
		expect(DomUtils.textContent(onSite)).toContain('OfflineEventAttendanceMode');
	});

	it('never shows an online session’s link on a public page, in any language', async () => {
		const urls = (await database.db.selectFrom('event_session').select('online_url').where('online_url', 'is not', null).execute()).map((r) => r.online_url!);
		expect(urls.length).toBeGreaterThan(0);
		for (const locale of locales) {
			for (const path of ['/', '/events', `/events/${launch.slug}`, `/events?mode=online`]) {
				const { html } = await page(localized(path, locale));
				for (const url of urls) expect(html).not.toContain(url);
				expect(html).not.toContain('meet.example.org');
			}
		}
	});

	it('stays small: HTML and CSS well under the page budget, compressed', async () => {
		for (const path of ['/events', `/ne/events/${workshop.slug}`, `/events/${launch.slug}`]) {
			const response = await rawRequest(site.origin, path, { headers: { 'Accept-Encoding': 'gzip' } });
			expect(response.status, path).toBe(200);
			expect(response.body.length, path).toBeLessThan(15_000);
		}
	});

	it('is not found for an unknown address', async () => {
		const { status, html } = await page('/ne/events/no-such-event');
		expect(status).toBe(404);
		expect(textOf(html)).toContain(ne.events_not_found);
	});
});

describe('registering without script', () => {
	it.each(locales)('in %s: says to check the e-mail, keeps the consent as shown and e-mails the link to confirm', async (locale) => {
		const [sessionId] = await sessionIds(workshop.slug);
		const fields = registrationFields(sessionId!, locale, { 'answer.anything-we-should-know-about-access': 'A chair near the front' });
		const response = await post(`${localized(`/events/${workshop.slug}`, locale)}?/register`, fields);
		expect(response.status).toBe(200);
		const text = textOf(await response.text());
		expect(text).toContain(messages[locale].events_register_sent_title);
		expect(text).toContain(fields.email);
		const [row] = await registrationsOf(fields.email);
		expect(row).toMatchObject({ session_id: sessionId, locale, party_size: 2, status: 'unconfirmed', consent_text: fill(messages[locale].events_register_consent, { organizer: workshop.organizer }) });
		expect(JSON.parse(row!.answers)).toEqual({ 'anything-we-should-know-about-access': 'A chair near the front' });
		await mailTo(fields.email, fill(messages[locale].mail_event_confirm_subject, { event: workshop.title[locale] ?? workshop.title.en }));
	});

	it('answers the same for an address already registered, and keeps one registration', async () => {
		const [sessionId] = await sessionIds(workshop.slug);
		const fields = registrationFields(sessionId!, 'en');
		const firstResponse = await post(`/events/${workshop.slug}?/register`, fields);
		// What one person typed is never kept by any cache; the page itself is kept half a minute at most.
		expect(firstResponse.headers.get('cache-control')).toBe('private, no-store');
		expect((await page(`/events/${workshop.slug}`)).headers.get('cache-control')).toBe('max-age=30');
		const first = textOf(await firstResponse.text());
		const again = await post(`/events/${workshop.slug}?/register`, { ...fields, name: 'Someone else' });
		expect(again.status).toBe(200);
		const second = textOf(await again.text());
		const sentOf = (text: string) => text.slice(text.indexOf(en.events_register_sent_title), text.indexOf(en.events_register_sent_title) + 300);
		expect(sentOf(second)).toBe(sentOf(first));
		expect(await registrationsOf(fields.email)).toHaveLength(1);
	});

	it('gives a robot that fills in the trap field the same answer and does nothing', async () => {
		const [sessionId] = await sessionIds(workshop.slug);
		const fields = registrationFields(sessionId!, 'id', { website: 'http://spam.example' });
		const response = await post(`/id/events/${workshop.slug}?/register`, fields);
		expect(response.status).toBe(200);
		expect(textOf(await response.text())).toContain(id.events_register_sent_title);
		expect(await registrationsOf(fields.email)).toHaveLength(0);
	});

	it('refuses bad input with a message per field in the reader’s language, keeping what was typed', async () => {
		const [sessionId] = await sessionIds(workshop.slug);
		const response = await post(`/es/events/${workshop.slug}?/register`, {
			session: String(sessionId),
			name: '',
			email: 'not-an-address',
			party: '9',
			locale: 'es',
			'answer.anything-we-should-know-about-access': 'Una rampa',
			website: ''
		});
		expect(response.status).toBe(400);
		const html = await response.text();
		const text = textOf(html);
		expect(text).toContain(es.events_errors_title);
		expect(text).toContain(es.events_error_email);
		expect(text).toContain(es.events_error_consent);
		expect(text).toContain(es.events_error_name);
		expect(valueOf(html, 'email', (f) => (f.attribs.action ?? '').includes(`session-${sessionId}`))).toBe('not-an-address');
		expect(valueOf(html, 'answer.anything-we-should-know-about-access', (f) => (f.attribs.action ?? '').includes(`session-${sessionId}`))).toBe('Una rampa');
		expect(await registrationsOf('not-an-address')).toHaveLength(0);
	});

	it('stops one address after a handful of registrations within the hour', async () => {
		const [first, second] = await sessionIds(workshop.slug);
		const email = 'many.times@example.org';
		const statuses: number[] = [];
		for (let i = 0; i < 6; i++) statuses.push((await post(`/events/${workshop.slug}?/register`, registrationFields(i % 2 ? second! : first!, 'en', { email }))).status);
		expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
		expect(statuses[5]).toBe(429);
		const refused = await post(`/ne/events/${workshop.slug}?/register`, registrationFields(first!, 'ne', { email }));
		expect(refused.status).toBe(429);
		const html = await refused.text();
		expect(textOf(html)).toContain(ne.events_register_too_many);
		expect(valueOf(html, 'email', (f) => (f.attribs.action ?? '').includes(`session-${first}`))).toBe(email);
	});
});

describe('sessions that do not take registrations as usual', () => {
	it('says when registration opens, that it closed, or that the session is full with a waiting list', async () => {
		const event = await insertTestEvent(database.db, { slug: 'windows-test' });
		const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
		const notYet = await insertTestSession(database.db, event.id, { startsLocal: `${day(20).slice(0, 10)}T10:00`, registrationOpensAt: day(5) });
		const closed = await insertTestSession(database.db, event.id, { startsLocal: `${day(21).slice(0, 10)}T10:00`, registrationClosesAt: day(-1) });
		const full = await insertTestSession(database.db, event.id, { startsLocal: `${day(22).slice(0, 10)}T10:00`, capacity: 1 });
		const at = new Date().toISOString();
		await database.db
			.insertInto('registration')
			.values({ session_id: full, token_hash: 'h-full', code: 'FULL01', name: 'Ana', email: 'ana.full@example.org', locale: 'en', party_size: 1, answers: '{}', consent_text: 'I agree', status: 'confirmed', created_at: at, updated_at: at })
			.execute();

		const { html } = await page('/events/windows-test');
		const section = (sessionId: number) => {
			const li = parseHtml(html).all((e) => e.name === 'li' && e.attribs.id === `session-${sessionId}`)[0]!;
			return { text: DomUtils.textContent(li).replace(/\s+/g, ' '), forms: DomUtils.findAll((e) => e.name === 'form', [li]).length };
		};
		expect(section(notYet).text).toContain('Registration opens');
		expect(section(notYet).forms).toBe(0);
		expect(section(closed).text).toContain(en.events_register_closed);
		expect(section(closed).forms).toBe(0);
		expect(section(full).text).toContain(en.events_full);
		expect(section(full).text).toContain(en.events_waiting_list);
		expect(section(full).text).toContain(en.events_register_waiting_summary);
		expect(section(full).forms).toBe(1);

		// A form sent for a closed session anyway (an old page) is told so, in the reader's language.
		const late = await post(`/id/events/windows-test?/register`, registrationFields(closed, 'id'));
		expect(late.status).toBe(400);
		expect(textOf(await late.text())).toContain(id.events_register_closed);
	});
});

// Last in the file: it uses up this network address's registrations for the hour.
describe('one network address', () => {
	it('is stopped after its share of registrations within the hour, whatever addresses it types', async () => {
		const [sessionId] = await sessionIds(workshop.slug);
		let refusedAt = 0;
		for (let attempt = 1; attempt <= 61 && refusedAt === 0; attempt++) {
			// Without consent: counted, refused as bad input, nothing stored or sent.
			const fields = registrationFields(sessionId!, 'en', { consent: '' });
			const response = await post(`/events/${workshop.slug}?/register`, fields);
			if (response.status === 429) {
				refusedAt = attempt;
				expect(textOf(await response.text())).toContain(en.events_register_too_many);
			} else {
				expect(response.status).toBe(400);
			}
		}
		expect(refusedAt).toBeGreaterThan(0);
		// Counted before the form is checked: a new address with a complete form fares no better.
		expect((await post(`/es/events/${workshop.slug}?/register`, registrationFields(sessionId!, 'es'))).status).toBe(429);
	});
});
