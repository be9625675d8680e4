/**
 * Building an open call in the admin, over HTTP against the built server: an
 * editor creates a call (a refused form keeps what was typed), writes its texts
 * in Nepali, types its dates in Asia/Kathmandu, builds its form with every type
 * of question, reorders and removes questions, cannot open it before it has a
 * form and a consent text, assigns reviewers, saves a weighted rubric, and
 * deletes a draft. Every write is in the audit log.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils } from 'htmlparser2';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/schema';
import { startTestServer, textOf, valueOf, type Element, type TestServer } from '../support/http';
import { AdminClient, signedIn } from '../support/staff';

const locales = ['en', 'ne', 'id', 'es'] as const;

let test: TestServer;
let db: Kysely<Database>;
let editor: AdminClient;
let callId: number;

/** The settings form as a person fills it in. */
function settingsForm(overrides: Record<string, string> = {}): Record<string, string> {
	const form: Record<string, string> = {
		kind: 'artists',
		slug: 'walls-that-talk',
		opensAt: '2027-03-01T09:00',
		deadlineAt: '2027-03-28T23:59',
		timeZone: 'Asia/Kathmandu',
		maxSubmissionsPerPerson: '2',
		retentionDays: '365',
		'title.en': 'Walls that talk',
		'summary.en': 'Paint a laneway with us.',
		'description.en': '<p>Bring your work to a lane near you.</p>',
		'eligibility.en': '',
		'consentText.en': 'I agree that Micro Galleries keeps my application to review it.'
	};
	for (const l of locales) for (const field of ['title', 'summary', 'description', 'eligibility', 'consentText']) form[`${field}.${l}`] ??= '';
	return { ...form, ...overrides };
}

/** A question for the builder's add form: English label, the other languages empty. */
function fieldForm(type: string, label: string, extra: Record<string, string> = {}): Record<string, string> {
	const form: Record<string, string> = { type, key: '', 'label.en': label, 'help.en': '' };
	for (const l of locales) {
		form[`label.${l}`] ??= '';
		form[`help.${l}`] ??= '';
		for (let i = 0; i < 3; i++) form[`choice.${i}.label.${l}`] = '';
	}
	for (let i = 0; i < 3; i++) form[`choice.${i}.value`] = '';
	return { ...form, ...extra };
}

async function fieldsOf(id: number) {
	const rows = await db.selectFrom('open_call_field').selectAll().where('call_id', '=', id).orderBy('position').execute();
	return rows.map((row) => ({ ...row, options: JSON.parse(row.options) as Record<string, unknown>, label: JSON.parse(row.label) as Record<string, string> }));
}

async function siteVersion() {
	return (await db.selectFrom('app_meta').select('value').where('key', '=', 'site_version').executeTakeFirst())?.value;
}

async function audited(action: string): Promise<number> {
	const rows = await db.selectFrom('audit_event').select('id').where('action', '=', action).where('subject', '=', `call:${callId}`).execute();
	return rows.length;
}

async function addApplication(id: number, status: 'submitted' | 'draft', name: string): Promise<number> {
	const at = new Date().toISOString();
	const row = await db
		.insertInto('application')
		.values({ call_id: id, applicant_email: `${name.toLowerCase()}@example.org`, applicant_name: name, status, submitted_at: status === 'submitted' ? at : null, created_at: at, updated_at: at })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

beforeAll(async () => {
	test = await startTestServer();
	db = (await test.openDatabase()).db;
	editor = await signedIn(test, 'editor@example.org', 'editor');
}, 180_000);

afterAll(async () => {
	await test?.stop();
});

describe('building a call in the admin', () => {
	it('refuses a call with mistakes, keeping everything typed beside the messages', async () => {
		const slug = await editor.post('/admin/calls/new?/save', settingsForm({ slug: 'Walls That Talk!' }));
		expect(slug.status).toBe(400);
		const slugHtml = await slug.text();
		expect(textOf(slugHtml)).toContain('Use lower-case letters, digits and single hyphens');
		expect(valueOf(slugHtml, 'slug')).toBe('Walls That Talk!');

		const response = await editor.post('/admin/calls/new?/save', settingsForm({ slug: 'walls', 'title.en': '', 'title.ne': 'बोल्ने भित्ताहरू', deadlineAt: '2027-02-01T10:00' }));
		expect(response.status).toBe(400);
		const html = await response.text();
		const text = textOf(html);
		expect(text).toContain('Please fill this in');
		expect(text).toContain('The deadline must come after the opening.');
		expect(valueOf(html, 'deadlineAt')).toBe('2027-02-01T10:00');
		expect(valueOf(html, 'title.ne')).toBe('बोल्ने भित्ताहरू');
		expect(valueOf(html, 'consentText.en')).toBe('I agree that Micro Galleries keeps my application to review it.');
		expect(await db.selectFrom('open_call').select('id').where('slug', 'in', ['walls', 'walls-that-talk']).execute()).toEqual([]);
	});

	it('creates a draft whose dates, typed in Asia/Kathmandu, are stored as the right instants', async () => {
		const response = await editor.post('/admin/calls/new?/save', settingsForm());
		expect(response.status).toBe(303);
		const location = response.headers.get('location') ?? '';
		expect(location).toMatch(/^\/admin\/calls\/\d+\?created=1$/);
		callId = Number(/\/admin\/calls\/(\d+)/.exec(location)![1]);
		const row = await db.selectFrom('open_call').selectAll().where('id', '=', callId).executeTakeFirstOrThrow();
		// Nepal is UTC+05:45 all year.
		expect(row).toMatchObject({ status: 'draft', time_zone: 'Asia/Kathmandu', max_submissions_per_person: 2, retention_days: 365 });
		expect(new Date(row.opens_at).toISOString()).toBe('2027-03-01T03:15:00.000Z');
		expect(new Date(row.deadline_at).toISOString()).toBe('2027-03-28T18:14:00.000Z');
		expect(await audited('call.created')).toBe(1);

		const page = await editor.get(location);
		expect(page.status).toBe(200);
		const html = await page.text();
		// In the staff person's zone (UTC here), named, and as applicants read it, in the call's zone.
		const deadline = textOf(html);
		expect(deadline).toContain('Mar 28, 2027, 6:14 PM UTC');
		expect(deadline).toContain('In the call’s time zone (Asia/Kathmandu): Mar 28, 2027, 11:59 PM GMT+5:45');
		// The form shows the wall times again, in the call's zone.
		expect(valueOf(html, 'deadlineAt')).toBe('2027-03-28T23:59');
		expect(valueOf(html, 'opensAt')).toBe('2027-03-01T09:00');
	});

	it("lists the call with its kind, status and deadline in the staff person's zone", async () => {
		const text = textOf(await (await editor.get('/admin/calls')).text());
		expect(text).toContain('Walls that talk');
		expect(text).toContain('Artists');
		expect(text).toContain('Draft');
		expect(text).toContain('Mar 28, 2027, 6:14 PM UTC');
	});

	it('saves the texts in Nepali, sanitizing rich text, and marks public pages as changed', async () => {
		const before = await siteVersion();
		const response = await editor.post(
			`/admin/calls/${callId}?/save`,
			settingsForm({
				'title.ne': 'बोल्ने भित्ताहरू',
				'summary.ne': 'हामीसँग गल्ली रङ्गाउनुहोस्।',
				'description.ne': '<p>तपाईंको <strong>कला</strong></p><script>alert(1)</script>',
				'consentText.ne': 'म सहमत छु।'
			})
		);
		expect(response.status).toBe(200);
		expect(textOf(await response.text())).toContain('Saved.');
		const row = await db.selectFrom('open_call').select(['title', 'summary', 'description', 'consent_text']).where('id', '=', callId).executeTakeFirstOrThrow();
		expect(JSON.parse(row.title)).toMatchObject({ en: 'Walls that talk', ne: 'बोल्ने भित्ताहरू' });
		expect(JSON.parse(row.summary).ne).toBe('हामीसँग गल्ली रङ्गाउनुहोस्।');
		expect(JSON.parse(row.description).ne).toBe('<p>तपाईंको <strong>कला</strong></p>');
		expect(JSON.parse(row.consent_text).ne).toBe('म सहमत छु।');
		expect(await siteVersion()).not.toBe(before);
		expect(await audited('call.changed')).toBe(1);
	});

	it('refuses to open a call without a form, and says why', async () => {
		const response = await editor.post(`/admin/calls/${callId}?/status`, { change: 'open', confirm: 'yes' });
		expect(response.status).toBe(400);
		expect(textOf(await response.text())).toContain('its form has no questions');
		expect((await db.selectFrom('open_call').select('status').where('id', '=', callId).executeTakeFirstOrThrow()).status).toBe('draft');
	});

	it('adds a question of every type, with its options', async () => {
		const questions: [string, string, Record<string, string>][] = [
			['short_text', 'Project title', { required: 'on', maxLength: '120' }],
			['long_text', 'Artist statement', { maxWords: '300' }],
			['email', 'Another e-mail', {}],
			['country', 'Country', {}],
			['single_choice', 'Medium', { 'choice.0.label.en': 'Painting', 'choice.0.label.ne': 'चित्रकला', 'choice.1.label.en': 'Street photography' }],
			['multiple_choice', 'Days you can come', { 'choice.0.label.en': 'Saturday', 'choice.1.label.en': 'Sunday', maxChoices: '1' }],
			['yes_no', 'Have you shown work before?', {}],
			['url', 'Portfolio link', {}],
			['number', 'Age', { min: '18', max: '120', integer: 'on' }],
			['date', 'Available from', {}],
			['file', 'Images', { allowedTypes: 'image/jpeg', maxSizeMb: '5', maxFiles: '3' }]
		];
		for (const [type, label, extra] of questions) {
			const response = await editor.post(`/admin/calls/${callId}/form?/add`, fieldForm(type, label, extra));
			expect(response.status, `${type}: ${textOf(await response.clone().text()).slice(0, 300)}`).toBe(200);
		}
		const fields = await fieldsOf(callId);
		expect(fields.map((f) => f.type)).toEqual(questions.map(([type]) => type));
		// Short names made from the English question.
		expect(fields.map((f) => f.key).slice(0, 3)).toEqual(['project_title', 'artist_statement', 'another_e_mail']);
		expect(fields[0]).toMatchObject({ required: 1, options: { maxLength: 120 } });
		expect(fields[1]!.options).toMatchObject({ maxWords: 300 });
		expect(fields[4]!.options.choices).toEqual([
			{ value: 'painting', label: { en: 'Painting', ne: 'चित्रकला', id: '', es: '' } },
			{ value: 'street-photography', label: { en: 'Street photography', ne: '', id: '', es: '' } }
		]);
		expect(fields[5]!.options).toMatchObject({ maxChoices: 1 });
		expect(fields[8]!.options).toEqual({ min: 18, max: 120, integer: true });
		expect(fields[10]!.options).toEqual({ allowedTypes: ['image/jpeg'], maxBytes: 5 * 1024 * 1024, maxFiles: 3 });
		expect(await audited('call.field-added')).toBe(questions.length);
	});

	it('refuses a question with mistakes, keeping what was typed', async () => {
		const response = await editor.post(`/admin/calls/${callId}/form?/add`, fieldForm('single_choice', 'Favourite wall', { 'label.ne': 'मनपर्ने भित्ता' }));
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(textOf(html)).toContain('Please give at least one choice.');
		const addForm = (form: Element) => form.attribs.action === '?/add';
		expect(valueOf(html, 'label.en', addForm)).toBe('Favourite wall');
		expect(valueOf(html, 'label.ne', addForm)).toBe('मनपर्ने भित्ता');

		const files = await editor.post(`/admin/calls/${callId}/form?/add`, fieldForm('file', 'Scans', { maxSizeMb: '500' }));
		expect(files.status).toBe(400);
		expect(textOf(await files.text())).toContain('Please give a size from 0.1 to 50 MB.');
		const types = await editor.post(`/admin/calls/${callId}/form?/add`, fieldForm('file', 'Scans', { maxSizeMb: '2' }));
		expect(types.status).toBe(400);
		expect(textOf(await types.text())).toContain('Please tick at least one kind of file.');
		expect((await fieldsOf(callId)).length).toBe(11);
	});

	it('moves questions up and down', async () => {
		const before = await fieldsOf(callId);
		const last = before.at(-1)!;
		expect((await editor.post(`/admin/calls/${callId}/form?/move`, { fieldId: String(last.id), direction: 'up' })).status).toBe(200);
		let keys = (await fieldsOf(callId)).map((f) => f.key);
		expect(keys.slice(-2)).toEqual([last.key, before.at(-2)!.key]);
		expect((await editor.post(`/admin/calls/${callId}/form?/move`, { fieldId: String(before[0]!.id), direction: 'down' })).status).toBe(200);
		keys = (await fieldsOf(callId)).map((f) => f.key);
		expect(keys.slice(0, 2)).toEqual([before[1]!.key, before[0]!.key]);
		// The page lists them in the new order.
		const text = textOf(await (await editor.get(`/admin/calls/${callId}/form`)).text());
		expect(text.indexOf('1. Artist statement')).toBeGreaterThan(-1);
		expect(text.indexOf('2. Project title')).toBeGreaterThan(text.indexOf('1. Artist statement'));
	});

	it('removes a question only after confirmation', async () => {
		const date = (await fieldsOf(callId)).find((f) => f.type === 'date')!;
		const ask = await editor.post(`/admin/calls/${callId}/form?/remove`, { fieldId: String(date.id) });
		expect(ask.status).toBe(200);
		expect(textOf(await ask.text())).toContain('Remove the question “Available from”?');
		expect((await fieldsOf(callId)).some((f) => f.id === date.id)).toBe(true);
		const done = await editor.post(`/admin/calls/${callId}/form?/remove`, { fieldId: String(date.id), confirm: 'yes' });
		expect(done.status).toBe(200);
		expect((await fieldsOf(callId)).some((f) => f.id === date.id)).toBe(false);
		expect(await audited('call.field-removed')).toBe(1);
	});

	it('opens the call once it has a form and a consent text, with confirmation', async () => {
		const before = await siteVersion();
		const ask = await editor.post(`/admin/calls/${callId}?/status`, { change: 'open' });
		expect(ask.status).toBe(200);
		expect(textOf(await ask.text())).toContain('Open this call?');
		expect((await db.selectFrom('open_call').select('status').where('id', '=', callId).executeTakeFirstOrThrow()).status).toBe('draft');
		const open = await editor.post(`/admin/calls/${callId}?/status`, { change: 'open', confirm: 'yes' });
		expect(open.status).toBe(200);
		expect((await db.selectFrom('open_call').select('status').where('id', '=', callId).executeTakeFirstOrThrow()).status).toBe('open');
		expect(await siteVersion()).not.toBe(before);
		expect(await audited('call.opened')).toBe(1);
		// The public pages are built separately; when they are there, the call is public now.
		if (existsSync(join(import.meta.dirname, '..', '..', 'src', 'routes', '(site)', 'calls'))) {
			expect((await fetch(`${test.origin}/calls/walls-that-talk`)).status).toBe(200);
		}
	});

	it('keeps short names and types of questions once people have applied', async () => {
		await addApplication(callId, 'submitted', 'Asha');
		const title = (await fieldsOf(callId)).find((f) => f.key === 'project_title')!;
		const response = await editor.post(`/admin/calls/${callId}/form?/update`, { ...fieldForm('short_text', 'Title of the project', { key: 'title' }), fieldId: String(title.id) });
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(textOf(html)).toContain('People have already applied, so the short name cannot change');
		const thisQuestion = (form: Element) =>
			form.attribs.action === '?/update' && DomUtils.findAll((e) => e.attribs.name === 'fieldId' && e.attribs.value === String(title.id), form.children).length > 0;
		expect(valueOf(html, 'label.en', thisQuestion)).toBe('Title of the project');
		expect(valueOf(html, 'key', thisQuestion)).toBe('title');
		const reworded = await editor.post(`/admin/calls/${callId}/form?/update`, { ...fieldForm('short_text', 'Title of the project', { key: 'project_title' }), fieldId: String(title.id) });
		expect(reworded.status).toBe(200);
		expect((await fieldsOf(callId)).find((f) => f.id === title.id)?.label.en).toBe('Title of the project');
	});

	it('assigns reviewers to the whole call and to single applications, and unassigns them', async () => {
		await signedIn(test, 'rita@example.org', 'reviewer');
		const rita = await db.selectFrom('user').select(['id', 'name']).where('email', '=', 'rita@example.org').executeTakeFirstOrThrow();
		const applicationId = await addApplication(callId, 'submitted', 'Bikash');
		await addApplication(callId, 'draft', 'Chandra');

		const page = await (await editor.get(`/admin/calls/${callId}/reviewers`)).text();
		expect(textOf(page)).toContain(`Application ${applicationId} by Bikash`);
		// Drafts cannot be reviewed, so they are not offered.
		expect(textOf(page)).not.toContain('Chandra');
		// Other staff members' addresses are not shown.
		expect(page).not.toContain('rita@example.org');

		expect((await editor.post(`/admin/calls/${callId}/reviewers?/assign`, { target: 'call', userId: rita.id })).status).toBe(200);
		expect((await editor.post(`/admin/calls/${callId}/reviewers?/assign`, { target: String(applicationId), userId: rita.id })).status).toBe(200);
		const rows = await db.selectFrom('call_reviewer').select(['call_id', 'application_id']).where('user_id', '=', rita.id).orderBy('id').execute();
		expect(rows).toEqual([
			{ call_id: callId, application_id: null },
			{ call_id: null, application_id: applicationId }
		]);
		const assigned = textOf(await (await editor.get(`/admin/calls/${callId}/reviewers`)).text());
		expect(assigned).toContain(`${rita.name}: Application ${applicationId} by Bikash`);

		const refused = await editor.post(`/admin/calls/${callId}/reviewers?/assign`, { target: 'call', userId: 'nobody' });
		expect(refused.status).toBe(400);
		expect(textOf(await refused.text())).toContain('Please choose a staff member who may review.');

		expect((await editor.post(`/admin/calls/${callId}/reviewers?/unassign`, { target: 'call', userId: rita.id })).status).toBe(200);
		expect(await db.selectFrom('call_reviewer').select(['call_id', 'application_id']).where('user_id', '=', rita.id).execute()).toEqual([
			{ call_id: null, application_id: applicationId }
		]);
		expect(await audited('call.reviewer-assigned')).toBe(2);
		expect(await audited('call.reviewer-unassigned')).toBe(1);
	});

	it('saves a rubric with weights, refusing a bad weight with the typing kept, and removes a criterion after confirmation', async () => {
		const row = (index: number, en: string, weight: string, extra: Record<string, string> = {}) => {
			const fields: Record<string, string> = { [`criterion.${index}.id`]: '', [`criterion.${index}.weight`]: weight };
			for (const l of locales) fields[`criterion.${index}.label.${l}`] = '';
			fields[`criterion.${index}.label.en`] = en;
			return { ...fields, ...extra };
		};
		const bad = await editor.post(`/admin/calls/${callId}/rubric?/save`, { ...row(0, 'Originality', '0'), ...row(1, 'Fit with the lane', '10') });
		expect(bad.status).toBe(400);
		const badHtml = await bad.text();
		expect(textOf(badHtml)).toContain('Please give a whole number from 1 to 100.');
		expect(valueOf(badHtml, 'criterion.1.label.en')).toBe('Fit with the lane');

		const saved = await editor.post(`/admin/calls/${callId}/rubric?/save`, {
			...row(0, 'Originality', '30', { 'criterion.0.label.ne': 'मौलिकता' }),
			...row(1, 'Fit with the lane', '10'),
			...row(2, '', '10')
		});
		expect(saved.status).toBe(200);
		const criteria = await db.selectFrom('review_criterion').select(['id', 'label', 'weight']).where('call_id', '=', callId).orderBy('position').execute();
		expect(criteria.map((c) => [JSON.parse(c.label).en, JSON.parse(c.label).ne ?? '', c.weight])).toEqual([
			['Originality', 'मौलिकता', 30],
			['Fit with the lane', '', 10]
		]);

		const [first, second] = criteria;
		const existing = (index: number, id: number, en: string, weight: string, extra: Record<string, string> = {}) => row(index, en, weight, { [`criterion.${index}.id`]: String(id), ...extra });
		const moved = await editor.post(`/admin/calls/${callId}/rubric?/save`, { ...existing(0, first!.id, 'Originality', '30'), ...existing(1, second!.id, 'Fit with the lane', '10'), move: 'up:1' });
		expect(moved.status).toBe(200);
		expect((await db.selectFrom('review_criterion').select('id').where('call_id', '=', callId).orderBy('position').execute()).map((c) => c.id)).toEqual([second!.id, first!.id]);

		const remove = { ...existing(0, second!.id, 'Fit with the lane', '10', { 'criterion.0.remove': 'on' }), ...existing(1, first!.id, 'Originality', '30') };
		const ask = await editor.post(`/admin/calls/${callId}/rubric?/save`, remove);
		expect(ask.status).toBe(200);
		expect(textOf(await ask.text())).toContain('Remove this criterion?');
		expect(await db.selectFrom('review_criterion').select('id').where('call_id', '=', callId).execute()).toHaveLength(2);
		expect((await editor.post(`/admin/calls/${callId}/rubric?/save`, { ...remove, confirm: 'yes' })).status).toBe(200);
		expect((await db.selectFrom('review_criterion').select('id').where('call_id', '=', callId).execute()).map((c) => c.id)).toEqual([first!.id]);
		expect(await audited('call.rubric-saved')).toBe(3);
	});

	it('deletes a draft nobody applied to after confirmation, and never a call with applications', async () => {
		const refused = await editor.post(`/admin/calls/${callId}?/delete`, { confirm: 'yes' });
		expect(refused.status).toBe(400);
		expect(textOf(await refused.text())).toContain('Only a draft can be deleted');

		const created = await editor.post('/admin/calls/new?/save', settingsForm({ slug: 'second-call', 'consentText.en': '' }));
		expect(created.status).toBe(303);
		const draftId = Number(/\/admin\/calls\/(\d+)/.exec(created.headers.get('location') ?? '')![1]);
		const opening = await editor.post(`/admin/calls/${draftId}?/status`, { change: 'open', confirm: 'yes' });
		expect(opening.status).toBe(400);
		const openingText = textOf(await opening.text());
		expect(openingText).toContain('its form has no questions');
		expect(openingText).toContain('it needs a consent text in English');

		const ask = await editor.post(`/admin/calls/${draftId}?/delete`, {});
		expect(ask.status).toBe(200);
		expect(textOf(await ask.text())).toContain('Delete this draft for good?');
		expect(await db.selectFrom('open_call').select('id').where('id', '=', draftId).executeTakeFirst()).toBeDefined();
		const done = await editor.post(`/admin/calls/${draftId}?/delete`, { confirm: 'yes' });
		expect(done.status).toBe(303);
		expect(done.headers.get('location')).toBe('/admin/calls?deleted=1');
		expect(await db.selectFrom('open_call').select('id').where('id', '=', draftId).executeTakeFirst()).toBeUndefined();
		expect((await editor.get(`/admin/calls/${draftId}`)).status).toBe(404);
	});
});
