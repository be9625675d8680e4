import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { ValidationError } from '$lib/server/platform/errors';
import { eventsContext, testStaff } from '../../../../tests/support/domain-contexts';
import { insertTestEvent, insertTestSession } from '../../../../tests/support/event-test-data';
import { checkIn, checkInMany, undoCheckIn } from './check-in.service';
import { doorList, findAtTheDoor, listRegistrations, registrationCounts, registrationsCsv, waitingList } from './registration-admin';
import { addRegistrationByStaff, cancelRegistrationByStaff, register, type EventsContext } from './registration.service';
import { messageConfirmedRegistrants } from './session-message.service';

/*
 * The staff's side of registrations against a freshly migrated database
 * (SQLite, or PostgreSQL with TEST_DATABASE_URL), with the real mailer queuing
 * into the mail table: adding someone by hand never oversells, a staff
 * cancellation tells the person and offers the places on, check-in rules, and a
 * message to everyone confirmed queued once per person.
 */

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: Date;
const otherStaff = { id: 'staff-other', email: 'door@test.example' };

function context(): EventsContext {
	return eventsContext(handle.db, { clock: () => clock });
}

beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(() => handle?.dispose());
beforeEach(() => {
	clock = new Date();
});

async function newSession(capacity: number | null, options: { partyMax?: number; questions?: { key: string; label: Record<string, string>; required: boolean }[] } = {}) {
	const event = await insertTestEvent(handle.db, { partyMax: options.partyMax ?? 4, questions: options.questions ?? [] });
	return insertTestSession(handle.db, event.id, { capacity });
}

const person = (name: string, partySize = 1, locale: 'en' | 'ne' | 'es' | 'id' = 'en') => ({ name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.org`, partySize, locale });

async function mailsTo(email: string) {
	return handle.db.selectFrom('mail_message').select(['idempotency_key', 'subject', 'text_body', 'locale']).where('to_address', '=', email).orderBy('id').execute();
}

async function refusal(promise: Promise<unknown>): Promise<Record<string, string>> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ValidationError);
	return (error as ValidationError).issues;
}

describe('adding a registration by hand', () => {
	it('confirms at once while places are free, then puts people on the waiting list, and e-mails each in their language', async () => {
		const session = await newSession(3);
		const first = await addRegistrationByStaff(context(), testStaff, session, person('Asha Gurung', 2, 'ne'));
		expect(first.status).toBe('confirmed');
		expect(first.code).toMatch(/^[A-Z0-9]{6}$/);
		const second = await addRegistrationByStaff(context(), testStaff, session, person('Bikash Rai', 2, 'es'));
		expect(second.status).toBe('waiting');

		const asha = await mailsTo('asha.gurung@example.org');
		expect(asha.map((m) => m.idempotency_key)).toEqual([`registration:${first.id}:confirmed`]);
		expect(asha[0]!.locale).toBe('ne');
		expect(asha[0]!.text_body).toContain('नमस्ते Asha Gurung');
		expect(asha[0]!.text_body).toContain(first.code);
		expect((await mailsTo('bikash.rai@example.org')).map((m) => m.idempotency_key)).toEqual([`registration:${second.id}:waiting`]);

		const counts = await registrationCounts(handle.db, { id: session, capacity: 3 }, clock);
		expect(counts).toMatchObject({ confirmed: 1, waiting: 1, placesTaken: 2, capacity: 3 });
		expect((await waitingList(handle.db, session)).map((r) => r.name)).toEqual(['Bikash Rai']);
		const audit = await handle.db.selectFrom('audit_event').select(['action', 'actor_email']).where('action', '=', 'event.registration-added').execute();
		expect(audit.filter((a) => a.actor_email === testStaff.email).length).toBeGreaterThanOrEqual(2);
	});

	it('never gives more places than the session has, however many staff add people at once', async () => {
		const session = await newSession(3);
		// Someone holding a place while unconfirmed counts too.
		await register(context(), { sessionId: session, name: 'Holder', email: 'holder@example.org', partySize: 1, locale: 'en', consentText: 'Yes.' });
		const added = await Promise.all(Array.from({ length: 6 }, (_, i) => addRegistrationByStaff(context(), testStaff, session, person(`Walk in ${i}`, 1))));
		expect(added.filter((a) => a.status === 'confirmed')).toHaveLength(2);
		expect(added.filter((a) => a.status === 'waiting')).toHaveLength(4);
		const counts = await registrationCounts(handle.db, { id: session, capacity: 3 }, clock);
		expect(counts.placesTaken).toBe(3);
		expect(counts.confirmed).toBe(2);
	});

	it('refuses an address registered already, a party above the event’s largest, and a cancelled or finished session', async () => {
		const session = await newSession(10, { partyMax: 3 });
		await addRegistrationByStaff(context(), testStaff, session, person('Chandra'));
		expect(await refusal(addRegistrationByStaff(context(), testStaff, session, { ...person('Chandra'), name: 'Chandra again' }))).toEqual({ email: 'already-registered' });
		expect(await refusal(addRegistrationByStaff(context(), testStaff, session, person('Big Family', 4)))).toEqual({ partySize: 'party-max:3' });
		expect(await refusal(addRegistrationByStaff(context(), testStaff, session, { name: '', email: 'not an address', partySize: 0, locale: 'xx' as 'en' }))).toEqual({
			name: 'required',
			email: 'email',
			partySize: 'party-size',
			locale: 'locale'
		});
		const cancelled = await insertTestSession(handle.db, (await insertTestEvent(handle.db)).id, { status: 'cancelled' });
		expect(await refusal(addRegistrationByStaff(context(), testStaff, cancelled, person('Late')))).toEqual({ session: 'cancelled' });
		clock = new Date(Date.now() + 30 * 86_400_000);
		expect(await refusal(addRegistrationByStaff(context(), testStaff, session, person('Too late')))).toEqual({ session: 'past' });
	});
});

describe('cancelling a registration for someone', () => {
	it('tells the person it was the organizers and offers the freed places to the waiting list in order', async () => {
		const session = await newSession(2);
		const asha = await addRegistrationByStaff(context(), testStaff, session, person('Asha', 2, 'es'));
		const bikash = await addRegistrationByStaff(context(), testStaff, session, person('Bikash', 1));
		const outcome = await cancelRegistrationByStaff(context(), testStaff, session, asha.id);
		expect(outcome).toEqual({ cancelled: true, told: true, offered: 1 });
		const mails = await mailsTo('asha@example.org');
		expect(mails.map((m) => m.idempotency_key)).toEqual([`registration:${asha.id}:confirmed`, `registration:${asha.id}:cancelled`]);
		expect(mails[1]!.text_body).toContain('Los organizadores han cancelado tu inscripción');
		expect((await mailsTo('bikash@example.org')).map((m) => m.idempotency_key)).toContainEqual(expect.stringMatching(new RegExp(`^registration:${bikash.id}:offered:`)));
		// Cancelled already: nothing more happens, nobody is written to again.
		expect(await cancelRegistrationByStaff(context(), testStaff, session, asha.id)).toEqual({ cancelled: false });
		expect(await mailsTo('asha@example.org')).toHaveLength(2);
	});

	it('does not write to someone who never confirmed their address, and refuses a registration of another session', async () => {
		const session = await newSession(5);
		await register(context(), { sessionId: session, name: 'Quiet', email: 'quiet@example.org', partySize: 1, locale: 'en', consentText: 'Yes.' });
		const quiet = await handle.db.selectFrom('registration').select('id').where('email', '=', 'quiet@example.org').where('session_id', '=', session).executeTakeFirstOrThrow();
		expect(await cancelRegistrationByStaff(context(), testStaff, session, quiet.id)).toEqual({ cancelled: true, told: false, offered: 0 });
		expect((await mailsTo('quiet@example.org')).map((m) => m.idempotency_key)).toEqual([expect.stringMatching(/:confirm-request:/)]);
		const other = await newSession(5);
		await expect(cancelRegistrationByStaff(context(), testStaff, other, quiet.id)).rejects.toThrow(/Not found/);
	});
});

describe('checking in at the door', () => {
	it('checks in a confirmed registration once, says who was first, and can be undone', async () => {
		const session = await newSession(5);
		const asha = await addRegistrationByStaff(context(), testStaff, session, person('Asha'));
		clock = new Date('2026-12-20T09:02:00.000Z');
		expect(await checkIn(context(), testStaff, session, asha.id)).toEqual({ outcome: 'checked-in', at: '2026-12-20T09:02:00.000Z', by: testStaff.email });
		clock = new Date('2026-12-20T09:05:00.000Z');
		expect(await checkIn(context(), otherStaff, session, asha.id)).toEqual({ outcome: 'already', at: '2026-12-20T09:02:00.000Z', by: testStaff.email });
		expect((await registrationCounts(handle.db, { id: session, capacity: 5 }, clock)).checkedIn).toBe(1);

		expect(await undoCheckIn(context(), otherStaff, session, asha.id)).toBe(true);
		expect(await undoCheckIn(context(), otherStaff, session, asha.id)).toBe(false);
		expect(await checkIn(context(), otherStaff, session, asha.id)).toMatchObject({ outcome: 'checked-in', by: otherStaff.email });
		const actions = await handle.db.selectFrom('audit_event').select('action').where('detail', 'like', `%"registration":${asha.id}%`).orderBy('id').execute();
		expect(actions.map((a) => a.action)).toEqual(['event.registration-added', 'event.checked-in', 'event.check-in-undone', 'event.checked-in']);
	});

	it('checks in only confirmed registrations: not someone waiting or cancelled', async () => {
		const session = await newSession(1);
		const first = await addRegistrationByStaff(context(), testStaff, session, person('First'));
		const waiting = await addRegistrationByStaff(context(), testStaff, session, person('Waiting'));
		expect(await checkIn(context(), testStaff, session, waiting.id)).toEqual({ outcome: 'not-confirmed', status: 'waiting' });
		await cancelRegistrationByStaff(context(), testStaff, session, first.id);
		expect(await checkIn(context(), testStaff, session, first.id)).toEqual({ outcome: 'not-confirmed', status: 'cancelled' });
		await expect(checkIn(context(), testStaff, await newSession(1), first.id)).rejects.toThrow(/Not found/);
	});

	it('checks in several from the door list at once, passing over the unconfirmed, other sessions and those in already', async () => {
		const session = await newSession(3);
		const [a, b, c] = await Promise.all(['Asha', 'Bikash', 'Chandra'].map((name) => addRegistrationByStaff(context(), testStaff, session, person(name))));
		const waiting = await addRegistrationByStaff(context(), testStaff, session, person('Dawa'));
		const elsewhere = await addRegistrationByStaff(context(), testStaff, await newSession(3), person('Elsewhere'));
		await checkIn(context(), otherStaff, session, a!.id);
		expect(await checkInMany(context(), testStaff, session, [a!.id, b!.id, c!.id, c!.id, waiting.id, elsewhere.id])).toBe(2);
		const rows = await handle.db.selectFrom('registration').select(['id', 'checked_in_by']).where('id', 'in', [a!.id, b!.id, c!.id, waiting.id, elsewhere.id]).orderBy('id').execute();
		expect(Object.fromEntries(rows.map((r) => [r.id, r.checked_in_by]))).toEqual({
			[a!.id]: otherStaff.email,
			[b!.id]: testStaff.email,
			[c!.id]: testStaff.email,
			[waiting.id]: null,
			[elsewhere.id]: null
		});
		expect(await checkInMany(context(), testStaff, session, [])).toBe(0);
		expect((await doorList(handle.db, session)).map((r) => r.name)).toEqual(['Asha', 'Bikash', 'Chandra']);
	});

	it('finds people by their ticket code however typed, or by part of the name', async () => {
		const session = await newSession(3);
		const asha = await addRegistrationByStaff(context(), testStaff, session, person('Asha Gurung'));
		await addRegistrationByStaff(context(), testStaff, session, person('Bikash Rai'));
		const spaced = `${asha.code.slice(0, 3).toLowerCase()} ${asha.code.slice(3)}`;
		expect((await findAtTheDoor(handle.db, session, { by: 'code', code: spaced })).map((r) => r.id)).toEqual([asha.id]);
		expect((await findAtTheDoor(handle.db, session, { by: 'name', text: 'gurU' })).map((r) => r.name)).toEqual(['Asha Gurung']);
		expect(await findAtTheDoor(handle.db, session, { by: 'name', text: '%' })).toEqual([]);
		expect(await findAtTheDoor(handle.db, await newSession(3), { by: 'code', code: asha.code })).toEqual([]);
	});
});

describe('the list and its export', () => {
	it('searches by name, address or code, narrows by status, and exports answers to the questions with formulas defused', async () => {
		const session = await newSession(1, { questions: [{ key: 'access', label: { en: 'Access needs' }, required: false }] });
		const a = await addRegistrationByStaff(context(), testStaff, session, person('Asha'));
		await addRegistrationByStaff(context(), testStaff, session, person('Bikash'));
		await handle.db.updateTable('registration').set({ answers: JSON.stringify({ access: '=HYPERLINK("http://evil")' }) }).where('id', '=', a.id).execute();
		expect((await listRegistrations(handle.db, session, { search: 'asha@' })).rows.map((r) => r.name)).toEqual(['Asha']);
		expect((await listRegistrations(handle.db, session, { search: a.code.toLowerCase() })).rows.map((r) => r.name)).toEqual(['Asha']);
		expect((await listRegistrations(handle.db, session, { filter: 'waiting' })).rows.map((r) => r.name)).toEqual(['Bikash']);
		const csv = await registrationsCsv(handle.db, session);
		const [header, first] = csv.split('\r\n');
		expect(header).toBe('Name,E-mail,Code,Party size,Status,Language,Registered at,Confirmed at,Waiting since,Checked in at,Checked in by,Access needs');
		expect(first).toContain(`Asha,asha@example.org,${a.code},1,confirmed,en,`);
		expect(first!.endsWith(`"'=HYPERLINK(""http://evil"")"`)).toBe(true);
	});
});

describe('a message to everyone confirmed', () => {
	it('queues one e-mail per confirmed person in their language, once however often it is sent, and audits it', async () => {
		const session = await newSession(2);
		const asha = await addRegistrationByStaff(context(), testStaff, session, person('Asha', 1, 'ne'));
		const bikash = await addRegistrationByStaff(context(), testStaff, session, person('Bikash', 1, 'es'));
		await addRegistrationByStaff(context(), testStaff, session, person('Waiting', 1));
		await register(context(), { sessionId: session, name: 'Unconfirmed', email: 'unconfirmed@example.org', partySize: 1, locale: 'en', consentText: 'Yes.' });
		const id = randomUUID();
		const message = { subject: 'The entrance moved', body: 'Come in through the blue gate.\nBring a torch.' };

		expect(await messageConfirmedRegistrants(context(), testStaff, session, id, message)).toEqual({ queued: 2, already: false });
		expect(await messageConfirmedRegistrants(context(), testStaff, session, id, message)).toEqual({ queued: 0, already: true });

		const sent = await handle.db.selectFrom('mail_message').select(['to_address', 'idempotency_key', 'subject', 'text_body', 'locale']).where('idempotency_key', 'like', `%:message:${id}`).orderBy('id').execute();
		expect(sent.map((m) => [m.to_address, m.idempotency_key])).toEqual([
			['asha@example.org', `registration:${asha.id}:message:${id}`],
			['bikash@example.org', `registration:${bikash.id}:message:${id}`]
		]);
		expect(sent[0]!.subject).toBe('The entrance moved');
		expect(sent[0]!.text_body).toContain('नमस्ते Asha');
		expect(sent[0]!.text_body).toContain('Come in through the blue gate.\nBring a torch.');
		expect(sent[1]!.text_body).toContain('Un mensaje de los organizadores');
		// Each is a job of its own for the mail worker.
		const jobs = await handle.db.selectFrom('job').select('idempotency_key').where('idempotency_key', 'like', `mail.send:%:message:${id}`).execute();
		expect(jobs).toHaveLength(2);
		const audit = await handle.db.selectFrom('audit_event').select('detail').where('action', '=', 'event.message-sent').where('detail', 'like', `%${id}%`).execute();
		expect(audit.map((a) => JSON.parse(a.detail))).toEqual([{ session, message: id, subject: 'The entrance moved', recipients: 2 }]);
		expect(await mailsTo('waiting@example.org')).not.toContainEqual(expect.objectContaining({ subject: 'The entrance moved' }));
	});

	it('refuses an empty subject or text, a subject of two lines and a made-up id', async () => {
		const session = await newSession(2);
		expect(await refusal(messageConfirmedRegistrants(context(), testStaff, session, randomUUID(), { subject: ' ', body: '' }))).toEqual({ subject: 'required', body: 'required' });
		expect(await refusal(messageConfirmedRegistrants(context(), testStaff, session, randomUUID(), { subject: 'a\nb', body: 'x' }))).toEqual({ subject: 'one-line' });
		expect(await refusal(messageConfirmedRegistrants(context(), testStaff, session, 'again', { subject: 'a', body: 'x' }))).toEqual({ id: 'message-id' });
	});
});
