import { DomUtils } from 'htmlparser2';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { insertTestEvent, insertTestSession } from '../support/event-test-data';
import { factsOf, parseHtml, rowsOf, startTestServer, textOf, valueOf, type TestServer } from '../support/http';
import { startSmtpSink } from '../support/smtp';
import { AdminClient, signedIn } from '../support/staff';

/*
 * The people registered for a session, in the staff admin, over HTTP against
 * the built server with its real job worker and an SMTP server on loopback: the
 * counts and the list with search and filter, the CSV, adding and cancelling by
 * hand (the person told by e-mail in their language), writing to everyone
 * confirmed (once), check-in at the door by code and by name, and the door list
 * with its several-at-once check-in. Reviewers get none of it.
 */

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let test: TestServer;
let db: Kysely<Database>;
let editor: AdminClient;
let reviewer: AdminClient;
let eventId: number;
let sessionId: number;
let base: string;
const editorEmail = 'door-editor@example.org';

beforeAll(async () => {
	sink = await startSmtpSink();
	test = await startTestServer({ SMTP_URL: sink.url });
	db = (await test.openDatabase()).db;
	[editor, reviewer] = await Promise.all([signedIn(test, editorEmail, 'editor'), signedIn(test, 'door-reviewer@example.org', 'reviewer')]);
	const event = await insertTestEvent(db, {
		title: { en: 'Lantern evening', ne: 'लालटिन साँझ', es: 'Tarde de farolillos' },
		questions: [{ key: 'access', label: { en: 'Anything we should know to welcome you?' }, required: false }]
	});
	eventId = event.id;
	sessionId = await insertTestSession(db, eventId, { capacity: 3, startsLocal: '2027-03-06T17:00', timeZone: 'Asia/Kathmandu' });
	base = `/admin/events/${eventId}/sessions/${sessionId}`;
}, 180_000);

afterAll(async () => {
	await test?.stop();
	await sink?.close();
});

async function registrationOf(email: string) {
	return db.selectFrom('registration').selectAll().where('email', '=', email).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
}

/** Mails that reached the SMTP server for `to`, by subject. */
function subjectsTo(to: string): string[] {
	return sink.messages.filter((m) => m.envelopeTo.includes(to)).map((m) => m.parsed.subject ?? '');
}

describe('the people registered for a session', () => {
	it('adds people by hand: confirmed while places are free, then the waiting list, each e-mailed in their language', async () => {
		const page = `${base}/registrations`;
		const asha = await editor.post(`${page}?/add`, { name: 'Asha Gurung', email: 'Asha@Example.org', partySize: '2', locale: 'ne' });
		expect(asha.status).toBe(200);
		const ashaRow = await registrationOf('asha@example.org');
		expect(textOf(await asha.text())).toContain(`Asha Gurung is confirmed, with ticket code ${ashaRow.code}.`);
		expect(await (await editor.post(`${page}?/add`, { name: 'Bikash Rai', email: 'bikash@example.org', partySize: '1', locale: 'es' })).text()).toContain('is confirmed');
		expect(textOf(await (await editor.post(`${page}?/add`, { name: 'Chandra Tamang', email: 'chandra@example.org', partySize: '2', locale: 'en' })).text())).toContain(
			'Chandra Tamang is on the waiting list (the session is full)'
		);
		await editor.post(`${page}?/add`, { name: 'Dawa Sherpa', email: 'dawa@example.org', partySize: '1', locale: 'en' });
		expect((await registrationOf('dawa@example.org')).status).toBe('waiting');

		const confirmed = await sink.waitFor((m) => m.text?.includes(ashaRow.code) === true && m.text.includes('नमस्ते Asha Gurung'));
		expect(confirmed.subject).toContain('लालटिन साँझ');
		await sink.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes('chandra@example.org'));

		// Refused, saying why in words and keeping what was typed.
		const again = await editor.post(`${page}?/add`, { name: 'Asha once more', email: 'asha@example.org', partySize: '9', locale: 'ne' });
		expect(again.status).toBe(400);
		const html = await again.text();
		expect(textOf(html)).toContain('Nobody was added yet');
		expect(textOf(html)).toContain('This event takes parties of at most 4');
		expect(valueOf(html, 'name')).toBe('Asha once more');
		expect(await db.selectFrom('registration').select('id').where('name', '=', 'Asha once more').execute()).toEqual([]);
	});

	it('shows the counts, the list with search by name, e-mail or code and a status filter, and the waiting list in order', async () => {
		const page = `${base}/registrations`;
		const html = await (await editor.get(page)).text();
		expect(factsOf(html, 'registration-counts')).toEqual(expect.arrayContaining(['Places taken: 3 of 3', 'Confirmed: 2', 'Waiting: 2', 'Checked in: 0 (0 people)', 'Cancelled: 0']));
		const { all } = parseHtml(html);
		const waiting = all((e) => e.name === 'ol' && e.attribs.id === 'waiting-list')[0]!;
		expect(DomUtils.findAll((e) => e.name === 'li', waiting.children).map((li) => DomUtils.textContent(li))).toEqual(['Chandra Tamang (2 people)', 'Dawa Sherpa (1 person)']);
		expect(rowsOf(html, 'registrations')).toHaveLength(4);

		const bikash = await registrationOf('bikash@example.org');
		const byName = rowsOf(await (await editor.get(`${page}?q=gurung`)).text(), 'registrations');
		expect(byName).toHaveLength(1);
		expect(byName[0]).toMatch(/^Asha Gurung \| asha@example.org \| [A-Z0-9]{6} \| 2 \| Confirmed/);
		const byCode = rowsOf(await (await editor.get(`${page}?q=${bikash.code.toLowerCase()}`)).text(), 'registrations');
		expect(byCode.map((row) => row.split(' | ')[0])).toEqual(['Bikash Rai']);
		const byStatus = rowsOf(await (await editor.get(`${page}?status=waiting`)).text(), 'registrations');
		expect(byStatus.map((row) => row.split(' | ')[0])).toEqual(['Chandra Tamang', 'Dawa Sherpa']);
		expect(rowsOf(await (await editor.get(`${page}?q=nobody-like-this`)).text(), 'registrations')).toEqual(['Nobody matches this search.']);

		const refused = await reviewer.get(page);
		expect(refused.status).toBe(403);
		expect(await refused.text()).not.toContain('asha@example.org');
		expect((await editor.get(`/admin/events/${eventId}/sessions/${sessionId + 1000}/registrations`)).status).toBe(404);
	});

	it('exports the list as CSV with the answers, quoted where needed and with formulas defused', async () => {
		const asha = await registrationOf('asha@example.org');
		await db
			.updateTable('registration')
			.set({ answers: JSON.stringify({ access: '=HYPERLINK("http://evil.example")' }), name: 'Asha Gurung, "Didi"' })
			.where('id', '=', asha.id)
			.execute();
		const response = await editor.get(`${base}/registrations.csv?status=confirmed`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="registrations-2027-03-06-session-\d+\.csv"$/);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3)).split('\r\n');
		expect(lines[0]).toBe('Name,E-mail,Code,Party size,Status,Language,Registered at,Confirmed at,Waiting since,Checked in at,Checked in by,Anything we should know to welcome you?');
		expect(lines).toHaveLength(4); // header, two confirmed, the last line break
		expect(lines[1]).toMatch(new RegExp(`^"Asha Gurung, ""Didi""",asha@example.org,${asha.code},2,confirmed,ne,`));
		expect(lines[1]!.endsWith(`,"'=HYPERLINK(""http://evil.example"")"`)).toBe(true);
		expect((await db.selectFrom('audit_event').select('actor_email').where('action', '=', 'event.registrations-exported').execute()).map((a) => a.actor_email)).toContain(editorEmail);
		expect((await reviewer.get(`${base}/registrations.csv`)).status).toBe(403);
		await db.updateTable('registration').set({ name: 'Asha Gurung' }).where('id', '=', asha.id).execute();
	});
});

describe('writing to everyone confirmed', () => {
	it('previews the message, then sends it once to each confirmed person in their language', async () => {
		const page = `${base}/message`;
		expect(textOf(await (await editor.get(page)).text())).toContain('Your message goes to the 2 people confirmed for this session (1 in नेपाली, 1 in Español)');
		const preview = await editor.post(`${page}?/preview`, { subject: 'The gate has moved', body: 'Come in through the blue gate.\nBring a torch.' });
		const html = await preview.text();
		expect(textOf(html)).toContain('This goes to 2 people confirmed for this session');
		const id = valueOf(html, 'id', (form) => form.attribs.action === '?/send')!;
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		// Nothing is queued by a preview.
		expect(await db.selectFrom('mail_message').select('id').where('subject', '=', 'The gate has moved').execute()).toEqual([]);

		const fields = { subject: 'The gate has moved', body: 'Come in through the blue gate.\nBring a torch.', id, confirm: 'yes' };
		expect(textOf(await (await editor.post(`${page}?/send`, fields)).text())).toContain('Sent: 2 people will get your message');
		expect(textOf(await (await editor.post(`${page}?/send`, fields)).text())).toContain('This message was sent already; nobody gets it twice.');

		const toAsha = await sink.waitFor((m) => m.subject === 'The gate has moved' && JSON.stringify(m.to).includes('asha@example.org'));
		expect(toAsha.text).toContain('नमस्ते Asha Gurung');
		expect(toAsha.text).toContain('Come in through the blue gate.\nBring a torch.');
		await sink.waitFor((m) => m.subject === 'The gate has moved' && JSON.stringify(m.to).includes('bikash@example.org'));
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(subjectsTo('asha@example.org').filter((s) => s === 'The gate has moved')).toHaveLength(1);
		expect(subjectsTo('chandra@example.org')).not.toContain('The gate has moved');
		expect(await db.selectFrom('audit_event').select('actor_email').where('action', '=', 'event.message-sent').execute()).toEqual([{ actor_email: editorEmail }]);

		// Sending without the preview's confirmation sends nothing.
		const unconfirmed = await editor.post(`${page}?/send`, { subject: 'Skipped the preview', body: 'Hello', id: crypto.randomUUID() });
		expect(unconfirmed.status).toBe(400);
		expect(await db.selectFrom('mail_message').select('id').where('subject', '=', 'Skipped the preview').execute()).toEqual([]);
		expect((await reviewer.post(`${page}?/send`, fields)).status).toBe(403);
	});
});

describe('check-in at the door', () => {
	it('finds a ticket by its code however typed, checks in once, says who was first, and can take it back', async () => {
		const page = `${base}/check-in`;
		const bikash = await registrationOf('bikash@example.org');
		const typed = `${bikash.code.slice(0, 3).toLowerCase()} ${bikash.code.slice(3)}`;
		const found = await editor.get(`${page}?code=${encodeURIComponent(typed)}`);
		expect(found.headers.get('permissions-policy')).toMatch(/(^|, )camera=\(self\)/);
		const html = await found.text();
		expect(textOf(html)).toContain(`Bikash Rai · 1 person · ${bikash.code}`);
		expect(html).not.toContain('bikash@example.org');
		const { all } = parseHtml(html);
		const action = all((e) => e.name === 'form' && (e.attribs.action ?? '').endsWith('/checkIn'))[0]!.attribs.action!;
		expect(action).toBe(`?code=${encodeURIComponent(typed)}&/checkIn`);

		const checked = await editor.post(`${page}${action}`, { registration: String(bikash.id) });
		expect(checked.status).toBe(200);
		expect(textOf(await checked.text())).toContain('Bikash Rai is checked in.');
		const row = await registrationOf('bikash@example.org');
		expect(row.checked_in_by).toBe(editorEmail);
		const wall = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kathmandu', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(row.checked_in_at!));
		expect(textOf(await (await editor.post(`${page}${action}`, { registration: String(bikash.id) })).text())).toMatch(
			new RegExp(`Bikash Rai was already checked in at (\\d{4}-\\d\\d-\\d\\d )?${wall} by ${editorEmail}`)
		);
		expect((await registrationOf('bikash@example.org')).checked_in_at).toBe(row.checked_in_at);

		const undone = await editor.post(`${page}?/undo`, { registration: String(bikash.id) });
		expect(textOf(await undone.text())).toContain('The check-in of Bikash Rai is taken back.');
		expect((await registrationOf('bikash@example.org')).checked_in_at).toBeNull();
		expect((await db.selectFrom('audit_event').select('action').where('action', 'like', 'event.check%').orderBy('id').execute()).map((a) => a.action)).toEqual([
			'event.checked-in',
			'event.check-in-undone'
		]);
		// Elsewhere in the admin the camera stays off.
		expect((await editor.get(`${base}/registrations`)).headers.get('permissions-policy')).toMatch(/(^|, )camera=\(\)/);
		expect((await reviewer.get(`${page}?code=${bikash.code}`)).status).toBe(403);
		expect((await reviewer.post(`${page}?/checkIn`, { registration: String(bikash.id) })).status).toBe(403);
	});

	it('finds people by name, and refuses to check in someone on the waiting list', async () => {
		const page = `${base}/check-in`;
		const html = await (await editor.get(`${page}?q=tamang`)).text();
		expect(textOf(html)).toContain('Chandra Tamang · 2 people');
		expect(textOf(html)).toContain('Cannot be checked in: this registration is on the waiting list.');
		const chandra = await registrationOf('chandra@example.org');
		const refused = await editor.post(`${page}?/checkIn`, { registration: String(chandra.id) });
		expect(refused.status).toBe(409);
		expect(textOf(await refused.text())).toContain('Chandra Tamang cannot be checked in: their registration is on the waiting list.');
		expect((await registrationOf('chandra@example.org')).checked_in_at).toBeNull();
		expect(textOf(await (await editor.get(`${page}?code=ZZZZZZ`)).text())).toContain('Nobody found Check the code letter by letter');
		// A ticket for another session says which.
		const other = await insertTestSession(db, eventId, { capacity: 5, startsLocal: '2027-03-13T17:00' });
		await editor.post(`/admin/events/${eventId}/sessions/${other}/registrations?/add`, { name: 'Ema Next Week', email: 'ema@example.org', partySize: '1', locale: 'en' });
		const ema = await db.selectFrom('registration').select('code').where('email', '=', 'ema@example.org').executeTakeFirstOrThrow();
		expect(textOf(await (await editor.get(`${page}?code=${ema.code}`)).text())).toContain('This ticket is for another session: “Lantern evening” on 2027-03-13 17:00 (Asia/Kathmandu).');
	});
});

describe('the door list', () => {
	it('lists everyone confirmed by name with party and code, and checks in the ticked ones at once', async () => {
		const page = `${base}/door-list`;
		const html = await (await editor.get(page)).text();
		const [asha, bikash] = [await registrationOf('asha@example.org'), await registrationOf('bikash@example.org')];
		// The first cell is the box to tick, the last when they were checked in.
		expect(rowsOf(html, 'door-list')).toEqual([` | Asha Gurung | 2 | ${asha.code} | `, ` | Bikash Rai | 1 | ${bikash.code} | `]);
		expect(html).not.toContain('Chandra');

		// Ticked on paper: both, and Chandra's id sent by hand is passed over (waiting).
		const chandra = await registrationOf('chandra@example.org');
		const body = new FormData();
		for (const id of [asha.id, bikash.id, chandra.id]) body.append('registration', String(id));
		const response = await fetch(`${test.origin}${page}?/checkIn`, { method: 'POST', redirect: 'manual', body, headers: { cookie: editor.cookieHeader, origin: test.origin, accept: 'text/html' } });
		expect(response.status).toBe(200);
		expect(textOf(await response.text())).toContain('2 people checked in now; 1 of those ticked were checked in already or are no longer confirmed.');
		expect((await registrationOf('asha@example.org')).checked_in_by).toBe(editorEmail);
		expect((await registrationOf('chandra@example.org')).checked_in_at).toBeNull();
		const after = await (await editor.get(page)).text();
		// Printed again, a tick already in the box, and on screen when (with the day, as it is not the session's).
		expect(rowsOf(after, 'door-list')[0]).toMatch(/^✓ \| Asha Gurung \| 2 \| [A-Z0-9]{6} \| (\d{4}-\d\d-\d\d )?\d\d:\d\d$/);
		expect(factsOf(await (await editor.get(`${base}/registrations`)).text(), 'registration-counts')).toContain('Checked in: 2 (3 people)');
		expect((await reviewer.get(page)).status).toBe(403);
	});
});

describe('cancelling a registration for someone', () => {
	it('asks first, then cancels, tells the person in their language and offers the places to the waiting list', async () => {
		const page = `${base}/registrations`;
		const asha = await registrationOf('asha@example.org');
		const asked = await editor.post(`${page}?/cancel`, { registration: String(asha.id) });
		expect(textOf(await asked.text())).toContain('Cancel the registration of Asha Gurung (2 people, Confirmed)?');
		expect((await registrationOf('asha@example.org')).status).toBe('confirmed');

		const done = await editor.post(`${page}?/cancel`, { registration: String(asha.id), confirm: 'yes' });
		expect(textOf(await done.text())).toContain('The registration of Asha Gurung is cancelled. They were told by e-mail. 1 person on the waiting list was offered the places.');
		expect((await registrationOf('asha@example.org')).status).toBe('cancelled');
		expect((await registrationOf('chandra@example.org')).status).toBe('offered');
		const told = await sink.waitFor((m) => JSON.stringify(m.to).includes('asha@example.org') && m.text?.includes('आयोजकहरूले') === true);
		expect(told.text).toContain('लालटिन साँझ');
		await sink.waitFor((m) => JSON.stringify(m.to).includes('chandra@example.org') && m.text?.includes('Lantern evening') === true && subjectsTo('chandra@example.org').length >= 2);
		expect((await reviewer.post(`${page}?/cancel`, { registration: String(asha.id), confirm: 'yes' })).status).toBe(403);
		// A registration of another session is not this page's to cancel.
		const other = await insertTestSession(db, eventId, { capacity: 5 });
		expect((await editor.post(`/admin/events/${eventId}/sessions/${other}/registrations?/cancel`, { registration: String(asha.id), confirm: 'yes' })).status).toBe(404);
	});
});
