import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import type { RegistrationRow } from '$lib/server/db/schema';
import { createJobWorker } from '$lib/server/platform/jobs/job-worker';
import { createMailer, type Mailer } from '$lib/server/platform/mail/mailer';
import { createSmtpTransport } from '$lib/server/platform/mail/transports';
import { startSmtpSink } from '../../../../tests/support/smtp';
import { eventsContext, testContext, testOrigin, testStaff } from '../../../../tests/support/domain-contexts';
import { eventsDueJobKind, eventsJobHandlers, scheduleEventsDue } from './event-jobs';
import { createEventsContext } from './events.wiring';
import { confirmRequestCooldownMs } from './registration-mail';
import { registrationUrl } from './registration-links';
import { answerOffer, cancel, confirm, findByToken, register, type EventsContext } from './registration.service';
import { sendDueReminders } from './reminders';
import { addSession, cancelSession, updateSession, type SessionInput } from './session.service';
import { insertTestEvent } from '../../../../tests/support/event-test-data';

/*
 * The registrants' e-mails as they arrive: the real mailer, its jobs run by a
 * worker, delivered over SMTP to a server on loopback, on a freshly migrated
 * database (SQLite, or PostgreSQL with TEST_DATABASE_URL). Each is read as a
 * person would (language, times, links) and its calendar file by ical.js.
 */

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let mailer: Mailer;
let clock: Date;
const secret = 'registration-mail-test-secret-'.repeat(2);
const meetingUrl = 'https://meet.example.org/paste-up-7f3k';
const host = new URL(testOrigin).host;

function context(): EventsContext {
	return createEventsContext(testContext(handle.db, { clock: () => clock }), { mailer, origin: testOrigin, linkSecret: secret });
}

beforeAll(async () => {
	handle = await createTestDatabase();
	sink = await startSmtpSink();
	mailer = createMailer({ transport: createSmtpTransport(sink.url), from: 'Micro Galleries <hello@art.example.org>' });
	const at = '2026-12-01T00:00:00.000Z';
	await handle.db
		.insertInto('organization')
		.values({ id: 1, name: 'Micro Galleries', tagline: '{}', intro: '{}', email: 'hello@art.example.org', location: '{}', founded_year: 2013, figures_year: 2025, updated_at: at })
		.execute();
});
afterAll(async () => {
	await sink?.close();
	await handle?.dispose();
});
beforeEach(async () => {
	clock = new Date('2026-12-10T09:00:00.000Z');
	// Each test counts its own e-mails and reminders: what earlier tests left is cleared.
	for (const table of ['registration', 'event_session', 'event', 'mail_message', 'job'] as const) await handle.db.deleteFrom(table).execute();
	sink.messages.length = 0;
});

const kathmandu: SessionInput = {
	startsLocal: '2026-12-20T15:00',
	endsLocal: '2026-12-20T17:00',
	timeZone: 'Asia/Kathmandu',
	venueName: 'Patan Dhoka courtyard',
	venueAddress: 'Patan Dhoka, Lalitpur',
	country: 'NP',
	latitude: 27.6766,
	longitude: 85.3206,
	directions: { en: 'Through the gate, left at the well.', ne: 'ढोकाबाट भित्र पसेर इनारको बायाँतिर।' },
	capacity: 10
};
const online: SessionInput = { ...kathmandu, online: true, onlineUrl: meetingUrl, venueName: '', venueAddress: '', country: '', latitude: null, longitude: null, directions: {} };

let events = 0;
/** A published event with one session; `remind`: which reminders it sends. */
async function newSession(input: Partial<SessionInput> = {}, options: { remindDay?: boolean; remindHour?: boolean; offerHours?: number } = {}): Promise<number> {
	const event = await insertTestEvent(handle.db, {
		slug: `paste-up-workshop-${++events}`,
		title: { en: 'Paste-up workshop', ne: 'पेस्ट-अप कार्यशाला', id: 'Lokakarya tempel poster', es: 'Taller de carteles' },
		holdMinutes: 30,
		offerHours: options.offerHours,
		remindDayBefore: options.remindDay,
		remindHourBefore: options.remindHour,
		at: clock.toISOString()
	});
	return addSession(context(), testStaff, event.id, { ...kathmandu, ...input });
}

/** Runs the mail jobs until none is left, one at a time: they arrive in the order they were queued. */
async function deliver(): Promise<void> {
	const worker = createJobWorker(handle.db, { handlers: mailer.jobHandlers, concurrency: 1 });
	while ((await worker.runOnce()) > 0);
}

/** Delivers what is queued and forgets it: the e-mails after this are the test's subject. */
async function fresh(): Promise<void> {
	await deliver();
	sink.messages.length = 0;
}

function mailsTo(email: string): ParsedMail[] {
	return sink.messages.filter((message) => message.envelopeTo.includes(email)).map((message) => message.parsed);
}

/** The one message to `email` since the test began. */
function onlyMailTo(email: string): ParsedMail {
	const mails = mailsTo(email);
	expect(mails.map((mail) => mail.subject), `one e-mail to ${email}`).toHaveLength(1);
	return mails[0]!;
}

/** Text with Intl's narrow and thin spaces as plain ones, as a reader sees it. */
function plain(text: string | false | undefined): string {
	return (text || '').replace(/[\u202f\u2009\u00a0]/g, ' ');
}

/** The private link an e-mail carries, as a token. */
function tokenIn(mail: ParsedMail): string {
	const match = /\/registrations\/(\d+\.[A-Za-z0-9_-]{43})/.exec(mail.text ?? '');
	expect(match, 'a private link').not.toBeNull();
	return match![1]!;
}

/** The calendar file a message carries, read by ical.js; undefined when it carries none. */
function calendarOf(mail: ParsedMail) {
	const part = mail.attachments.find((attachment) => /calendar/.test(attachment.contentType));
	if (!part) return undefined;
	const root = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
	const vevent = root.getFirstSubcomponent('vevent')!;
	const event = new ICAL.Event(vevent);
	return {
		method: root.getFirstPropertyValue('method'),
		uid: event.uid,
		sequence: event.sequence,
		status: vevent.getFirstPropertyValue('status'),
		start: event.startDate.toJSDate().toISOString(),
		end: event.endDate.toJSDate().toISOString(),
		attendee: String(vevent.getFirstPropertyValue('attendee')),
		organizer: String(vevent.getFirstPropertyValue('organizer')),
		location: String(vevent.getFirstPropertyValue('location') ?? '')
	};
}

function expectNoOnlineLink(mail: ParsedMail) {
	expect(mail.text).not.toContain(meetingUrl);
	expect(mail.html).not.toContain(meetingUrl);
	expect(calendarOf(mail)).toBeUndefined();
}

/** Registers and returns the private link from the confirm e-mail, which is delivered. */
async function registered(sessionId: number, email: string, locale: 'en' | 'ne' | 'id' | 'es', partySize = 1): Promise<string> {
	await register(context(), { sessionId, name: email.split('@')[0]!, email, partySize, locale, consentText: 'I agree to be e-mailed about this event.' });
	await deliver();
	return tokenIn(mailsTo(email).at(-1)!);
}

async function row(token: string): Promise<RegistrationRow> {
	return (await findByToken(handle.db, token))!;
}

describe('the confirm e-mail', () => {
	it('asks a Nepali registrant in Nepali, with the session in Kathmandu time and UTC, and no online link', async () => {
		const session = await newSession(online);
		const token = await registered(session, 'sita@example.org', 'ne', 2);
		const mail = onlyMailTo('sita@example.org');
		expect(mail.subject).toBe('“पेस्ट-अप कार्यशाला” का लागि आफ्नो दर्ता पुष्टि गर्नुहोस्');
		expect(mail.html).toContain('<html lang="ne"');
		const text = plain(mail.text);
		expect(text).toContain('नमस्ते sita,');
		expect(text).toContain('कहिले: २०२६ डिसेम्बर २०, आइतबार, १५:००–१७:०० (Asia/Kathmandu, UTC+०५:४५)');
		expect(text).toContain('UTC मा: २०२६ डिसेम्बर २०, आइतबार, ०९:१५–११:१५');
		expect(text).toContain('हामी तपाईंका लागि ठाउँ ३० मिनेटसम्म राख्छौँ।');
		expect(text).toContain(`${testOrigin}/ne/registrations/${token}`);
		expect(registrationUrl(testOrigin, 'ne', token)).toBe(`${testOrigin}/ne/registrations/${token}`);
		expectNoOnlineLink(mail);
	});

	it('links an English registrant to the page without a prefix, in English', async () => {
		const session = await newSession();
		const token = await registered(session, 'ann@example.org', 'en');
		const mail = onlyMailTo('ann@example.org');
		expect(mail.subject).toBe('Confirm your registration for “Paste-up workshop”');
		const text = plain(mail.text);
		expect(text).toContain('When: Sunday, December 20, 2026, 3:00 – 5:00 PM (Asia/Kathmandu, UTC+05:45)');
		expect(text).toContain('In UTC: Sunday, December 20, 2026, 9:15 – 11:15 AM');
		expect(text).toContain(`Confirm my registration: ${testOrigin}/registrations/${token}`);
		// The venue's directions are for people with places.
		expect(text).not.toContain('left at the well');
	});

	it('is sent once for a form sent twice, and again when the person asks again ten minutes later', async () => {
		const session = await newSession();
		const token = await registered(session, 'twice@example.org', 'id');
		await register(context(), { sessionId: session, name: 'Twice', email: 'twice@example.org', partySize: 1, locale: 'id', consentText: 'Saya setuju.' });
		await deliver();
		expect(mailsTo('twice@example.org')).toHaveLength(1);

		clock = new Date(clock.getTime() + confirmRequestCooldownMs);
		await register(context(), { sessionId: session, name: 'Twice', email: 'twice@example.org', partySize: 1, locale: 'id', consentText: 'Saya setuju.' });
		await deliver();
		const [first, second] = mailsTo('twice@example.org');
		expect(second!.subject).toBe(first!.subject);
		expect(tokenIn(second!)).toBe(token);

		// Once confirmed, a new attempt says so instead of asking again.
		await confirm(context(), token);
		clock = new Date(clock.getTime() + confirmRequestCooldownMs);
		await register(context(), { sessionId: session, name: 'Twice', email: 'twice@example.org', partySize: 1, locale: 'id', consentText: 'Saya setuju.' });
		await deliver();
		const already = mailsTo('twice@example.org').at(-1)!;
		expect(already.subject).toBe('Anda sudah terdaftar untuk “Lokakarya tempel poster”');
		expect(tokenIn(already)).toBe(token);
	});
});

describe('the confirmation', () => {
	it('gives a Nepali registrant of an online session the link, the party and a REQUEST calendar entry', async () => {
		const session = await newSession(online);
		const token = await registered(session, 'maya@example.org', 'ne', 2);
		await fresh();
		expect(await confirm(context(), token)).toBe('confirmed');
		await deliver();
		const mail = onlyMailTo('maya@example.org');
		expect(mail.subject).toBe('तपाईं “पेस्ट-अप कार्यशाला” का लागि दर्ता हुनुभयो');
		const text = plain(mail.text);
		expect(text).toContain('१५:००–१७:०० (Asia/Kathmandu, UTC+०५:४५)');
		expect(text).toContain('०९:१५–११:१५');
		expect(text).toContain('कहाँ: अनलाइन');
		expect(text).toContain(`अनलाइन सहभागी हुनुहोस्: ${meetingUrl}`);
		expect(mail.html).toContain(`href="${meetingUrl}"`);
		expect(text).toContain('सहभागी संख्या: २');
		// No door online: no ticket code.
		expect(text).not.toContain('टिकट कोड');
		expect(text).toContain(`${testOrigin}/ne/registrations/${token}`);

		expect(calendarOf(mail)).toEqual({
			method: 'REQUEST',
			uid: `session-${session}@${host}`,
			sequence: 0,
			status: 'CONFIRMED',
			start: '2026-12-20T09:15:00.000Z',
			end: '2026-12-20T11:15:00.000Z',
			attendee: 'mailto:maya@example.org',
			organizer: 'mailto:events@example.org',
			location: meetingUrl
		});
	});

	it('gives the venue, its directions in the reader’s language (or English, marked), a map and the ticket code', async () => {
		const session = await newSession();
		const nepali = await registered(session, 'hari@example.org', 'ne');
		const spanish = await registered(session, 'lucia@example.org', 'es');
		await fresh();
		await confirm(context(), nepali);
		await confirm(context(), spanish);
		await deliver();
		const ne = plain(onlyMailTo('hari@example.org').text);
		expect(ne).toContain('कहाँ: Patan Dhoka courtyard, Patan Dhoka, Lalitpur, नेपाल');
		expect(ne).toContain('त्यहाँ कसरी पुग्ने: ढोकाबाट भित्र पसेर इनारको बायाँतिर।');
		expect(ne).toContain('नक्सा: https://www.openstreetmap.org/?mlat=27.67660&mlon=85.32060');
		expect(ne).toContain(`ढोकामा देखाउने तपाईंको टिकट कोड: ${(await row(nepali)).code}`);
		const es = onlyMailTo('lucia@example.org');
		expect(plain(es.text)).toContain('Cómo llegar: Through the gate, left at the well.');
		expect(es.html).toContain('<p>Cómo llegar: <span lang="en">Through the gate, left at the well.</span></p>');
		expect(plain(es.text)).toContain('Cuándo: domingo, 20 de diciembre de 2026, 15:00–17:00 (Asia/Kathmandu, UTC+05:45)');
		expect(calendarOf(es)).toMatchObject({ method: 'REQUEST', location: 'Patan Dhoka courtyard, Patan Dhoka, Lalitpur, Nepal', start: '2026-12-20T09:15:00.000Z' });
	});
});

describe('the waiting list and offers', () => {
	it('tells who waits, and who is offered places until when, without the online link', async () => {
		const session = await newSession({ ...online, capacity: 1 }, { offerHours: 12 });
		const first = await registered(session, 'first@example.org', 'en');
		await confirm(context(), first);
		const waiting = await registered(session, 'dewi@example.org', 'id');
		await fresh();
		expect(await confirm(context(), waiting)).toBe('waiting');
		await deliver();
		const waitingMail = onlyMailTo('dewi@example.org');
		expect(waitingMail.subject).toBe('Anda masuk daftar tunggu untuk “Lokakarya tempel poster”');
		expect(plain(waitingMail.text)).toContain('Anda punya waktu 12 jam untuk menerimanya');
		expect(plain(waitingMail.text)).toContain('Waktu: Minggu, 20 Desember 2026 15.00–17.00 (Asia/Kathmandu, UTC+05:45)');
		expectNoOnlineLink(waitingMail);

		await fresh();
		clock = new Date('2026-12-12T06:00:00.000Z');
		expect(await cancel(context(), first)).toBe(true);
		await deliver();
		const offer = onlyMailTo('dewi@example.org');
		expect(offer.subject).toBe('Ada tempat untuk Anda di “Lokakarya tempel poster”');
		// Twelve hours from 06:00 UTC: 18:00 UTC, 23:45 in Kathmandu.
		expect(plain(offer.text)).toContain('sampai Sabtu, 12 Desember 2026 pukul 23.45 (Asia/Kathmandu, UTC+05:45), yaitu Sabtu, 12 Desember 2026 pukul 18.00 dalam UTC');
		expect(plain(offer.text)).toContain(`Terima atau tolak: ${testOrigin}/id/registrations/${waiting}`);
		expectNoOnlineLink(offer);

		// Taking up the offer confirms: now the link comes.
		await fresh();
		expect(await answerOffer(context(), waiting, true)).toBe('accepted');
		await deliver();
		expect(onlyMailTo('dewi@example.org').text).toContain(meetingUrl);
	});
});

describe('cancellations and moves', () => {
	it('takes the calendar entry back with CANCEL and a higher SEQUENCE when a confirmed person cancels', async () => {
		const session = await newSession();
		const token = await registered(session, 'pablo@example.org', 'es');
		await confirm(context(), token);
		const unconfirmed = await registered(session, 'nunca@example.org', 'es');
		await fresh();
		expect(await cancel(context(), token)).toBe(true);
		expect(await cancel(context(), unconfirmed)).toBe(true);
		await deliver();
		const mail = onlyMailTo('pablo@example.org');
		expect(mail.subject).toBe('Tu inscripción en «Taller de carteles» está cancelada');
		expect(calendarOf(mail)).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: `session-${session}@${host}`, sequence: 1, start: '2026-12-20T09:15:00.000Z' });
		// Never confirmed, never sent an entry: nothing to take back.
		expect(calendarOf(onlyMailTo('nunca@example.org'))).toBeUndefined();

		// Back after all: the new invitation outranks the cancellation, or a calendar that keeps cancelled entries would ignore it.
		const again = await registered(session, 'pablo@example.org', 'es');
		await fresh();
		await confirm(context(), again);
		await deliver();
		expect(calendarOf(onlyMailTo('pablo@example.org'))).toMatchObject({ method: 'REQUEST', status: 'CONFIRMED', uid: `session-${session}@${host}`, sequence: 2 });
	});

	it('tells of a move with the old and new times, updating the entry of confirmed people only, once per move', async () => {
		const session = await newSession({ ...online, capacity: 1 });
		const confirmed = await registered(session, 'asha@example.org', 'ne');
		await confirm(context(), confirmed);
		const waiting = await registered(session, 'bima@example.org', 'en');
		await confirm(context(), waiting);
		await fresh();

		const later = { ...online, capacity: 1, startsLocal: '2026-12-20T16:00', endsLocal: '2026-12-20T18:00' };
		expect(await updateSession(context(), testStaff, session, later)).toMatchObject({ moved: true, told: 2 });
		await deliver();
		const moved = onlyMailTo('asha@example.org');
		expect(moved.subject).toBe('“पेस्ट-अप कार्यशाला” को समय वा स्थान बदलियो');
		const text = plain(moved.text);
		expect(text.indexOf('१६:००–१८:००')).toBeLessThan(text.indexOf('१५:००–१७:००'));
		expect(text).toContain('अब\n\nकहिले: २०२६ डिसेम्बर २०, आइतबार, १६:००–१८:०० (Asia/Kathmandu, UTC+०५:४५)');
		expect(text).toContain(meetingUrl);
		expect(calendarOf(moved)).toMatchObject({ method: 'REQUEST', sequence: 1, start: '2026-12-20T10:15:00.000Z', uid: `session-${session}@${host}` });
		const told = onlyMailTo('bima@example.org');
		expect(plain(told.text)).toContain('Your place on the waiting list stays the same.');
		expectNoOnlineLink(told);

		// The same notice again (a retried transaction) sends nothing; a second move is a second message.
		const notices = context().notices;
		const before = await handle.db.selectFrom('event_session').selectAll().where('id', '=', session).executeTakeFirstOrThrow();
		const asha = await row(confirmed);
		await handle.db.transaction().execute((trx) => notices.moved(trx, asha, confirmed, before));
		await updateSession(context(), testStaff, session, { ...later, startsLocal: '2026-12-21T16:00', endsLocal: '2026-12-21T18:00' });
		await deliver();
		const moves = mailsTo('asha@example.org');
		expect(moves).toHaveLength(2);
		expect(calendarOf(moves[1]!)).toMatchObject({ sequence: 2, start: '2026-12-21T10:15:00.000Z' });
	});

	it('cancels everyone’s entry when staff cancel the session, with the raised SEQUENCE', async () => {
		const session = await newSession({ capacity: 1 });
		const confirmed = await registered(session, 'ravi@example.org', 'en');
		await confirm(context(), confirmed);
		const waiting = await registered(session, 'sara@example.org', 'es');
		await confirm(context(), waiting);
		await fresh();
		expect(await cancelSession(context(), testStaff, session)).toBe(2);
		await deliver();
		const mail = onlyMailTo('ravi@example.org');
		expect(mail.subject).toBe('Cancelled: “Paste-up workshop”');
		expect(plain(mail.text)).toContain('When: Sunday, December 20, 2026, 3:00 – 5:00 PM (Asia/Kathmandu, UTC+05:45)');
		expect(calendarOf(mail)).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 1, uid: `session-${session}@${host}` });
		const toWaiting = onlyMailTo('sara@example.org');
		expect(toWaiting.subject).toBe('Cancelado: «Taller de carteles»');
		expect(calendarOf(toWaiting)).toBeUndefined();
	});
});

describe('exactly once', () => {
	it('queues each notice once however often it is given, and again only for a new move, offer or request', async () => {
		const session = await newSession();
		const token = await registered(session, 'once@example.org', 'ne');
		await confirm(context(), token);
		const registration = await row(token);
		const before = await handle.db.selectFrom('event_session').selectAll().where('id', '=', session).executeTakeFirstOrThrow();
		const keys = async () =>
			(await handle.db.selectFrom('mail_message').select('idempotency_key').where('idempotency_key', 'like', `registration:${registration.id}:%`).execute()).map((r) => r.idempotency_key);
		const notices = context().notices;
		const everyNotice = () =>
			handle.db.transaction().execute(async (trx) => {
				await notices.confirmRequest(trx, registration, token);
				await notices.confirmed(trx, registration, token);
				await notices.waiting(trx, registration, token);
				await notices.offered(trx, registration, token, '2026-12-11T09:00:00.000Z');
				await notices.cancelled(trx, registration, token);
				await notices.moved(trx, registration, token, before);
				await notices.sessionCancelled(trx, registration, token);
				await notices.reminder(trx, registration, token, 'day');
				await notices.reminder(trx, registration, token, 'hour');
			});
		await everyNotice();
		const first = await keys();
		// The confirm e-mail of registering and the confirmation, then one of each other kind (the confirm e-mail waits ten minutes).
		expect(first).toHaveLength(9);
		await everyNotice();
		expect(await keys()).toEqual(first);

		// A second offer, a second move (its SEQUENCE raised), a second request ten minutes later: three more.
		await handle.db.updateTable('event_session').set({ sequence: 5 }).where('id', '=', session).execute();
		clock = new Date(clock.getTime() + confirmRequestCooldownMs);
		const again = () =>
			handle.db.transaction().execute(async (trx) => {
				await notices.offered(trx, registration, token, '2026-12-12T09:00:00.000Z');
				await notices.moved(trx, registration, token, before);
				await notices.confirmRequest(trx, registration, token);
			});
		await again();
		await again();
		expect(await keys()).toHaveLength(12);
		await deliver();
		expect(mailsTo('once@example.org')).toHaveLength(12);
	});
});

describe('reminders', () => {
	// The session starts 2026-12-20T09:15Z.
	const start = Date.parse('2026-12-20T09:15:00.000Z');
	const at = (msBeforeStart: number) => new Date(start - msBeforeStart);
	const hour = 3_600_000;

	async function confirmedIn(sessionId: number, email: string, locale: 'en' | 'ne' | 'id' | 'es' = 'en'): Promise<string> {
		const token = await registered(sessionId, email, locale);
		expect(await confirm(context(), token)).toBe('confirmed');
		await deliver();
		return token;
	}

	it('reminds a day and an hour before, each once, even when run twice or by a new process', async () => {
		const session = await newSession(online);
		await confirmedIn(session, 'kiran@example.org', 'ne');
		await fresh();

		clock = at(23 * hour);
		expect(await sendDueReminders(context())).toEqual({ day: 1, hour: 0 });
		expect(await sendDueReminders(context())).toEqual({ day: 0, hour: 0 });
		clock = at(50 * 60_000);
		expect(await sendDueReminders(context())).toEqual({ day: 0, hour: 1 });
		// A restarted process: a new context, the same database.
		expect(await sendDueReminders(createEventsContext(testContext(handle.db, { clock: () => clock }), { mailer, origin: testOrigin, linkSecret: secret }))).toEqual({ day: 0, hour: 0 });
		await deliver();

		const [day, soon] = mailsTo('kiran@example.org');
		expect(mailsTo('kiran@example.org')).toHaveLength(2);
		expect(day!.subject).toBe('सम्झना: “पेस्ट-अप कार्यशाला” नजिकिँदै छ');
		expect(soon!.subject).toBe('“पेस्ट-अप कार्यशाला” छिट्टै सुरु हुँदै छ');
		for (const mail of [day!, soon!]) {
			expect(plain(mail.text)).toContain('१५:००–१७:०० (Asia/Kathmandu, UTC+०५:४५)');
			expect(mail.text).toContain(meetingUrl);
			expect(calendarOf(mail)).toBeUndefined();
		}
	});

	it('sends none when the event has them switched off, and only the hour one when only it is on', async () => {
		const none = await newSession({}, { remindDay: false, remindHour: false });
		const hourOnly = await newSession({}, { remindDay: false });
		await confirmedIn(none, 'quiet@example.org');
		await confirmedIn(hourOnly, 'late@example.org');
		await fresh();
		for (const before of [23 * hour, 50 * 60_000]) {
			clock = at(before);
			await sendDueReminders(context());
		}
		await deliver();
		expect(mailsTo('quiet@example.org')).toHaveLength(0);
		expect(mailsTo('late@example.org').map((mail) => mail.subject)).toEqual(['“Paste-up workshop” starts soon']);
	});

	it('does not remind cancelled registrations, people still waiting, or a cancelled session', async () => {
		const session = await newSession({ capacity: 1 });
		const gone = await confirmedIn(session, 'gone@example.org');
		const waiting = await registered(session, 'still-waiting@example.org', 'en');
		await confirm(context(), waiting);
		await cancel(context(), gone);
		// The offer that followed was declined: nobody is confirmed.
		await answerOffer(context(), waiting, false);
		const called = await newSession();
		await confirmedIn(called, 'called-off@example.org');
		await cancelSession(context(), testStaff, called);
		await fresh();
		clock = at(23 * hour);
		expect(await sendDueReminders(context())).toEqual({ day: 0, hour: 0 });
	});

	it('reminds again for a session moved after its reminder, and not someone who confirmed within the window', async () => {
		const session = await newSession();
		await confirmedIn(session, 'early@example.org');
		clock = at(5 * hour);
		await confirmedIn(session, 'just-now@example.org');
		await fresh();

		clock = at(4 * hour);
		expect(await sendDueReminders(context())).toEqual({ day: 1, hour: 0 });
		await updateSession(context(), testStaff, session, { ...kathmandu, startsLocal: '2026-12-20T17:00', endsLocal: '2026-12-20T19:00' });
		expect(await sendDueReminders(context())).toEqual({ day: 1, hour: 0 });
		await deliver();
		const early = mailsTo('early@example.org').map((mail) => [mail.subject, plain(mail.text).match(/When: .*PM/)?.[0]]);
		expect(early).toEqual([
			['Reminder: “Paste-up workshop” is coming up', 'When: Sunday, December 20, 2026, 3:00 – 5:00 PM'],
			['New time or place for “Paste-up workshop”', 'When: Sunday, December 20, 2026, 5:00 – 7:00 PM'],
			['Reminder: “Paste-up workshop” is coming up', 'When: Sunday, December 20, 2026, 5:00 – 7:00 PM']
		]);
		// Confirmed five hours before: their confirmation said it all, and the hour reminder is still to come.
		expect(mailsTo('just-now@example.org').map((mail) => mail.subject)).toEqual(['New time or place for “Paste-up workshop”']);
	});

	it('sends only the hour reminder when the day one was missed until the last hour', async () => {
		const session = await newSession();
		await confirmedIn(session, 'missed@example.org', 'es');
		await fresh();
		clock = at(30 * 60_000);
		expect(await sendDueReminders(context())).toEqual({ day: 0, hour: 1 });
		await deliver();
		expect(onlyMailTo('missed@example.org').subject).toBe('«Taller de carteles» empieza pronto');
	});
});

describe('the events job', () => {
	it('runs once per five-minute slot, lets holds run out and sends due reminders, and keeps the jobs list short', async () => {
		const session = await newSession({ capacity: 1 });
		const holding = await registered(session, 'holding@example.org', 'en');
		const context = eventsContext(handle.db, { clock: () => clock, linkSecret: secret });
		await scheduleEventsDue(handle.db, new Date('2026-12-19T10:01:00.000Z'));
		await scheduleEventsDue(handle.db, new Date('2026-12-19T10:04:59.000Z'));
		await scheduleEventsDue(handle.db, new Date('2026-12-19T10:05:00.000Z'));
		const jobs = await handle.db.selectFrom('job').select(['idempotency_key', 'payload']).where('kind', '=', eventsDueJobKind).orderBy('id').execute();
		expect(jobs.map((job) => job.idempotency_key)).toEqual(['events.due:2026-12-19T10:00:00.000Z', 'events.due:2026-12-19T10:05:00.000Z']);

		// The hold ran out long ago; tomorrow's reminder is not due for the unconfirmed.
		clock = new Date('2026-12-19T10:05:00.000Z');
		const worker = createJobWorker(handle.db, { handlers: eventsJobHandlers(context) });
		expect(await worker.runOnce()).toBe(2);
		expect((await row(holding)).hold_expires_at).toBeNull();
		const done = await handle.db.selectFrom('job').select('status').where('kind', '=', eventsDueJobKind).execute();
		expect(done.map((job) => job.status)).toEqual(['done', 'done']);

		// The hour's first slot drops finished runs older than an hour.
		await handle.db.updateTable('job').set({ finished_at: '2026-12-19T07:00:00.000Z' }).where('idempotency_key', '=', 'events.due:2026-12-19T10:00:00.000Z').execute();
		await handle.db.updateTable('job').set({ finished_at: '2026-12-19T10:06:00.000Z' }).where('idempotency_key', '=', 'events.due:2026-12-19T10:05:00.000Z').execute();
		await scheduleEventsDue(handle.db, new Date('2026-12-19T11:00:30.000Z'));
		expect(await worker.runOnce()).toBe(1);
		const left = await handle.db.selectFrom('job').select('idempotency_key').where('kind', '=', eventsDueJobKind).orderBy('id').execute();
		expect(left.map((job) => job.idempotency_key)).toEqual(['events.due:2026-12-19T10:05:00.000Z', 'events.due:2026-12-19T11:00:00.000Z']);
	});

	it('queues a due reminder through the app’s wiring', async () => {
		const session = await newSession();
		const token = await registered(session, 'wired@example.org', 'id');
		await confirm(context(), token);
		clock = new Date(Date.parse('2026-12-20T09:15:00.000Z') - 20 * 3_600_000);
		const wired = eventsContext(handle.db, { clock: () => clock, linkSecret: secret });
		await scheduleEventsDue(handle.db, new Date('2026-12-19T13:15:00.000Z'));
		const worker = createJobWorker(handle.db, { handlers: eventsJobHandlers(wired) });
		expect(await worker.runOnce()).toBeGreaterThanOrEqual(1);
		const registration = await row(token);
		const queued = await handle.db.selectFrom('mail_message').select(['subject', 'locale']).where('idempotency_key', 'like', `registration:${registration.id}:reminder-day:%`).execute();
		expect(queued).toEqual([{ subject: 'Pengingat: “Lokakarya tempel poster” sudah dekat', locale: 'id' }]);
	});
});
