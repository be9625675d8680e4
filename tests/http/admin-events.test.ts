import { DomUtils } from 'htmlparser2';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { demoEvents } from '$lib/server/demo/demo-content-events';
import { parseHtml, startTestServer, textOf, valueOf, type Element, type TestServer } from '../support/http';
import { AdminClient, signedIn } from '../support/staff';

/*
 * Events in the staff admin, over HTTP against the built server: the list, the
 * side-by-side editor with its access choices and registration settings, a
 * refused form that keeps what was typed, publishing, and deleting (refused
 * while people are registered).
 */

describe('events in the admin', () => {
	let test: TestServer;
	let db: Kysely<Database>;
	let editor: AdminClient;
	let reviewer: AdminClient;

	beforeAll(async () => {
		test = await startTestServer();
		db = (await test.openDatabase()).db;
		[editor, reviewer] = await Promise.all([signedIn(test, 'editor@example.org', 'editor'), signedIn(test, 'reviewer@example.org', 'reviewer')]);
	});
	afterAll(async () => {
		await test?.stop();
	});

	async function kindId(key: string): Promise<number> {
		return (await db.selectFrom('event_kind').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
	}

	/** The options of a <select>, as value and text, with the chosen one marked. */
	function optionsOf(html: string, name: string): { value: string; text: string; selected: boolean }[] {
		const { all } = parseHtml(html);
		const select = all((e) => e.name === 'select' && e.attribs.name === name)[0];
		if (!select) return [];
		return DomUtils.findAll((e: Element) => e.name === 'option', select.children).map((option) => ({
			value: option.attribs.value ?? '',
			text: DomUtils.textContent(option).trim(),
			selected: 'selected' in option.attribs
		}));
	}

	/** An event's edit form as the editor page posts it (a new one has no base). */
	async function eventForm(title: string, changes: Record<string, string> = {}): Promise<Record<string, string>> {
		return {
			base: '',
			'title.en': title,
			'title.ne': 'लालटिन बनाउने साँझ',
			'title.id': '',
			'title.es': 'Tarde de farolillos',
			slug: '',
			'summary.en': 'Make a paper lantern and carry it along the river.',
			'body.en': '<p>Paper, glue and candles are there for everyone.</p>',
			kind_id: String(await kindId('workshop')),
			initiative_id: '',
			cover_media_id: '',
			organizer_name: 'Micro Galleries Nepal',
			organizer_email: 'events@example.org',
			step_free: 'yes',
			seating: '',
			sign_language: 'no',
			captions: '',
			quiet_space: 'yes',
			languages_spoken: 'Nepali, english',
			'access_note.en': 'The courtyard is flat; the toilet has one step.',
			party_max: '6',
			hold_minutes: '60',
			offer_hours: '24',
			remind_day_before: 'on',
			'questions.0.label.en': 'Anything we should know to welcome you?',
			'questions.0.required': 'on',
			'questions.0.key': '',
			...changes
		};
	}

	/** Publishes a new event through the editor; its row id. */
	async function publishEvent(title: string, changes: Record<string, string> = {}): Promise<number> {
		const start = await editor.get('/admin/content/event/new');
		const page = start.headers.get('location')!;
		const response = await editor.post(`${page}?/publish`, await eventForm(title, changes));
		expect(response.status, textOf(await response.clone().text()).slice(0, 400)).toBe(303);
		const location = response.headers.get('location')!;
		expect(location).toMatch(/^\/admin\/content\/event\/\d+\?published$/);
		return Number(/\/(\d+)\?/.exec(location)![1]);
	}

	async function addSession(eventId: number): Promise<number> {
		const at = new Date().toISOString();
		const row = await db
			.insertInto('event_session')
			.values({
				event_id: eventId,
				starts_local: '2027-02-06T17:00',
				ends_local: '2027-02-06T19:00',
				time_zone: 'Asia/Kathmandu',
				starts_at: '2027-02-06T11:15:00.000Z',
				ends_at: '2027-02-06T13:15:00.000Z',
				online_url: null,
				latitude: null,
				longitude: null,
				capacity: 30,
				registration_opens_at: null,
				registration_closes_at: null,
				moved_at: null,
				created_at: at,
				updated_at: at
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return row.id;
	}

	it('lists events for editors, with the kinds to filter by, and refuses a reviewer', async () => {
		const response = await editor.get('/admin/events');
		expect(response.status).toBe(200);
		const html = await response.text();
		const text = textOf(html);
		expect(text).toContain('Add an event');
		// The demo's events, as a fresh install has them.
		expect(text).toContain(`${demoEvents.length} events`);
		expect(optionsOf(html, 'kind').map((o) => o.text)).toEqual(['Any', 'Workshop', 'Art tour', 'Talk or symposium', 'Launch', 'Festival day', 'Open studio', 'Online session']);
		// The navigation leads here.
		const { all } = parseHtml(html);
		expect(all((e) => e.name === 'a' && e.attribs.href === '/admin/events').map((a) => DomUtils.textContent(a).trim())).toContain('Events');

		const refused = await reviewer.get('/admin/events');
		expect(refused.status).toBe(403);
		expect(await refused.text()).not.toContain('Add an event');
	});

	it('opens a new event with the usual registration settings and each access feature as yes, no or not stated', async () => {
		const start = await editor.get('/admin/content/event/new');
		expect(start.status).toBe(303);
		expect(start.headers.get('location')).toMatch(/^\/admin\/content\/event\/new-[0-9a-f]{12}$/);
		const html = await (await editor.get(start.headers.get('location')!)).text();
		for (const name of ['step_free', 'seating', 'sign_language', 'captions', 'quiet_space']) {
			expect(optionsOf(html, name), name).toEqual([
				{ value: '', text: 'Not stated', selected: true },
				{ value: 'yes', text: 'Yes', selected: false },
				{ value: 'no', text: 'No', selected: false }
			]);
		}
		expect(valueOf(html, 'party_max')).toBe('4');
		expect(valueOf(html, 'hold_minutes')).toBe('60');
		expect(valueOf(html, 'offer_hours')).toBe('24');
		const { all } = parseHtml(html);
		const checkbox = (name: string) => all((e) => e.name === 'input' && e.attribs.name === name)[0]!;
		expect('checked' in checkbox('remind_day_before').attribs).toBe(true);
		expect('checked' in checkbox('remind_hour_before').attribs).toBe(true);
		expect(all((e) => e.name === 'h2').map((h) => DomUtils.textContent(h).trim())).toEqual(expect.arrayContaining(['About the event', 'Access', 'Registration']));
		const text = textOf(html);
		expect(text).toContain('The largest party one registration may bring');
		expect(optionsOf(html, 'kind_id').map((o) => o.text)).toContain('Online session');
		// Published initiatives only, to link it to.
		expect(optionsOf(html, 'initiative_id')[0]).toEqual({ value: '', text: 'None', selected: true });
		expect(optionsOf(html, 'initiative_id').map((o) => o.text)).toContain('Patan 2018: Empower! (2018)');
	});

	it('refuses an answer not on the list, a party too large and an unknown language, keeping everything typed and saving nothing', async () => {
		const start = await editor.get('/admin/content/event/new');
		const page = start.headers.get('location')!;
		const response = await editor.post(`${page}?/save`, await eventForm('Lantern evening', { step_free: 'perhaps', party_max: '30', languages_spoken: 'Nepali, Elvish' }));
		expect(response.status).toBe(400);
		const html = await response.text();
		const text = textOf(html);
		expect(text).toContain('Some fields need another look');
		expect(text).toContain('Choose one from the list.');
		expect(text).toContain('Write a whole number from 1 to 20.');
		expect(text).toContain('“Elvish” is not a language this site knows');
		expect(valueOf(html, 'party_max')).toBe('30');
		expect(valueOf(html, 'languages_spoken')).toBe('Nepali, Elvish');
		expect(valueOf(html, 'title.en')).toBe('Lantern evening');
		expect(await db.selectFrom('content_revision').select('id').where('item_type', '=', 'event').execute()).toEqual([]);
	});

	it('publishes an event typed in the form, shows it back as typed and lists it under its kind', async () => {
		const id = await publishEvent('Lantern evening by the river');
		const row = await db.selectFrom('event').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ slug: 'lantern-evening-by-the-river', organizer_email: 'events@example.org', party_max: 6, remind_day_before: 1, remind_hour_before: 0 });
		expect(JSON.parse(row.access)).toEqual({
			stepFree: 'yes',
			seating: '',
			signLanguage: 'no',
			captions: '',
			quietSpace: 'yes',
			languages: ['ne', 'en'],
			note: { en: 'The courtyard is flat; the toilet has one step.' }
		});
		expect(JSON.parse(row.questions)).toEqual([{ key: 'anything-we-should-know-to-welcome', label: { en: 'Anything we should know to welcome you?' }, required: true }]);

		const html = await (await editor.get(`/admin/content/event/${id}`)).text();
		expect(optionsOf(html, 'step_free').find((o) => o.selected)?.value).toBe('yes');
		expect(optionsOf(html, 'sign_language').find((o) => o.selected)?.value).toBe('no');
		expect(valueOf(html, 'languages_spoken')).toBe('Nepali, English');
		expect(valueOf(html, 'questions.0.key')).toBe('anything-we-should-know-to-welcome');
		expect(textOf(html)).toContain('Published: the site shows the published version.');

		const listed = textOf(await (await editor.get(`/admin/events?q=lantern&kind=${await kindId('workshop')}`)).text());
		expect(listed).toContain('Lantern evening by the river');
		expect(listed).toContain('No sessions yet');
		expect(textOf(await (await editor.get(`/admin/events?q=lantern&kind=${await kindId('launch')}`)).text())).not.toContain('Lantern evening by the river');
		expect(textOf(await (await editor.get('/admin/events?q=lantern&status=draft')).text())).not.toContain('Lantern evening by the river');

		// Indexed as it is published, and found by the public search with a link to its page.
		expect(await db.selectFrom('search_document').select('path').where('kind', '=', 'event').where('key', '=', String(id)).where('locale', '=', 'en').executeTakeFirst()).toEqual({
			path: '/events/lantern-evening-by-the-river'
		});
		const search = await fetch(`${test.origin}/search?q=lantern+evening`);
		expect(search.status).toBe(200);
		expect(await search.text()).toContain('href="/events/lantern-evening-by-the-river"');
	});

	it('adds a session in its own time zone, refuses a bad one keeping what was typed, moves it and cancels it after asking', async () => {
		const id = await publishEvent('Open studio in Patan');
		const sessions = `/admin/events/${id}/sessions`;
		expect(textOf(await (await editor.get(sessions)).text())).toContain('No sessions yet');
		expect((await reviewer.get(sessions)).status).toBe(403);

		const form = {
			startsLocal: '2027-01-16T15:00',
			endsLocal: '2027-01-16T17:30',
			timeZone: 'Asia/Kathmandu',
			venueName: 'Studio behind the courtyard',
			venueAddress: 'Mangal Bazaar, Lalitpur',
			country: 'NP',
			latitude: '27.673',
			longitude: '85.325',
			capacity: '12',
			'directions.en': 'Through the blue gate.',
			'directions.ne': 'निलो ढोकाबाट भित्र।'
		};
		const refused = await editor.post(`${sessions}?/add`, { ...form, endsLocal: '2027-01-16T14:00', capacity: 'twelve' });
		expect(refused.status).toBe(400);
		const refusedHtml = await refused.text();
		expect(textOf(refusedHtml)).toContain('The end must come after the start.');
		expect(textOf(refusedHtml)).toContain('Give a number of places from 1 to 100,000');
		expect(valueOf(refusedHtml, 'venueName')).toBe('Studio behind the courtyard');
		expect(valueOf(refusedHtml, 'directions.ne')).toBe('निलो ढोकाबाट भित्र।');
		expect(await db.selectFrom('event_session').select('id').where('event_id', '=', id).execute()).toEqual([]);

		const added = await editor.post(`${sessions}?/add`, form);
		expect(added.status).toBe(303);
		const sessionPath = added.headers.get('location')!.replace(/\?added$/, '');
		const row = await db.selectFrom('event_session').selectAll().where('event_id', '=', id).executeTakeFirstOrThrow();
		expect(sessionPath).toBe(`${sessions}/${row.id}`);
		expect(row).toMatchObject({ starts_at: '2027-01-16T09:15:00.000Z', ends_at: '2027-01-16T11:45:00.000Z', capacity: 12, country: 'NP' });
		const list = textOf(await (await editor.get(sessions)).text());
		expect(list).toContain('2027-01-16 15:00–17:30');
		expect(list).toContain('Asia/Kathmandu (UTC+05:45)');
		expect(list).toContain('0 of 12');

		const moved = await editor.post(`${sessionPath}?/save`, { ...form, startsLocal: '2027-01-17T15:00', endsLocal: '2027-01-17T17:30' });
		expect(moved.status).toBe(200);
		expect(textOf(await moved.text())).toContain('It moved');
		expect(await db.selectFrom('event_session').select(['starts_at', 'sequence']).where('id', '=', row.id).executeTakeFirstOrThrow()).toEqual({ starts_at: '2027-01-17T09:15:00.000Z', sequence: 1 });

		const asked = await editor.post(`${sessionPath}?/cancel`, {});
		expect(textOf(await asked.text())).toContain('Cancel this session?');
		expect((await db.selectFrom('event_session').select('status').where('id', '=', row.id).executeTakeFirstOrThrow()).status).toBe('scheduled');
		const cancelled = await editor.post(`${sessionPath}?/cancel`, { confirm: 'yes' });
		expect(textOf(await cancelled.text())).toContain('The session is cancelled.');
		expect((await db.selectFrom('event_session').select('status').where('id', '=', row.id).executeTakeFirstOrThrow()).status).toBe('cancelled');
		expect((await editor.get(`/admin/events/${id}/sessions/999999`)).status).toBe(404);
	});

	it('refuses to delete an event people registered for, saying to cancel its sessions; deletes one without, sessions and all', async () => {
		const id = await publishEvent('Open studio night');
		const session = await addSession(id);
		const at = new Date().toISOString();
		await db
			.insertInto('registration')
			.values({ session_id: session, token_hash: 'a-hash', code: 'ACDEFG', name: 'Asha', email: 'asha@example.org', locale: 'ne', party_size: 2, consent_text: 'Yes.', status: 'confirmed', created_at: at, updated_at: at })
			.execute();
		expect(textOf(await (await editor.get('/admin/events?q=open+studio')).text())).toContain('2027-02-06');

		const refused = await editor.post('/admin/events?/delete', { key: String(id) });
		expect(refused.status).toBe(400);
		const text = textOf(await refused.text());
		expect(text).toContain('Not deleted: “Open studio night”.');
		expect(text).toContain('cancel its sessions instead');
		expect(await db.selectFrom('event').select('id').where('id', '=', id).executeTakeFirst()).toEqual({ id });

		await db.deleteFrom('registration').where('session_id', '=', session).execute();
		const deleted = await editor.post('/admin/events?/delete', { key: String(id) });
		expect(deleted.status).toBe(200);
		expect(textOf(await deleted.text())).toContain('Deleted. It is no longer on the site');
		expect(await db.selectFrom('event').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
		expect(await db.selectFrom('event_session').select('id').where('id', '=', session).executeTakeFirst()).toBeUndefined();
	});

	it('lists the kinds of event among the site content, and refuses in words to delete one an event uses', async () => {
		const overview = textOf(await (await editor.get('/admin/content')).text());
		expect(overview).toContain('Kinds of event');
		expect(overview).toContain('Festival day');

		const response = await editor.post('/admin/content?/delete', { type: 'event_kind', key: String(await kindId('workshop')) });
		expect(response.status).toBe(400);
		expect(textOf(await response.text())).toMatch(/Not deleted: \d+ events? uses? it: give/);
		expect(await db.selectFrom('event_kind').select('key').where('key', '=', 'workshop').executeTakeFirst()).toEqual({ key: 'workshop' });
	});
});
