/**
 * Open calls, the public side (issue 4), against the built server with a real
 * SMTP server on loopback: the list and a call's page (deadline in the call's
 * zone and in UTC), applying with a photo (stored without its EXIF), refused
 * answers and files in the applicant's language with everything typed kept,
 * drafts resumed from the e-mailed link, editing, withdrawing, erasing, a late
 * submission, the trap field, the rate limit, altered links, unknown calls,
 * the cross-site check, an over-large body, and the confirmation e-mail in
 * each language.
 */
import { DomUtils } from 'htmlparser2';
import type { ParsedMail } from 'mailparser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales, type Locale } from '$lib/i18n/locales';
import { formatDeadline } from '$lib/server/calls/call-time';
import { addField, createCall, setCallStatus } from '$lib/server/calls/calls.service';
import { callInput } from '../support/call-test-data';
import type { FieldInput } from '$lib/server/calls/call-fields';
import type { DatabaseHandle } from '$lib/server/db/connect';
import { databaseTimeAfter } from '$lib/server/db/sql-functions';
import { header, localized, parseHtml, rawRequest, startTestServer, textOf, type TestServer } from '../support/http';
import { startSmtpSink } from '../support/smtp';
import { storageOf } from '../support/s3';
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };
import id from '../../messages/id.json' with { type: 'json' };
import ne from '../../messages/ne.json' with { type: 'json' };
import { callsContext, testStaff } from '../support/domain-contexts';

const messages: Record<Locale, typeof en> = { en, ne, id, es };

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let site: TestServer;
let database: DatabaseHandle;
let photo: Buffer;

const slug = 'every-field';
const zone = 'Asia/Kathmandu';
const titles = { en: 'Every field', ne: 'हरेक प्रश्न', id: 'Semua isian', es: 'Todas las preguntas' };

const everyField: FieldInput[] = [
	{ key: 'title', type: 'short_text', label: { en: 'Title', es: 'Título' }, required: true, options: { maxLength: 100 } },
	{ key: 'statement', type: 'long_text', label: { en: 'Statement', es: 'Declaración' }, options: { maxWords: 50 } },
	{ key: 'contact_email', type: 'email', label: { en: 'Studio e-mail' } },
	{ key: 'country', type: 'country', label: { en: 'Country' }, required: true },
	{ key: 'medium', type: 'single_choice', label: { en: 'Medium' }, required: true, options: { choices: [{ value: 'paint', label: { en: 'Paint', es: 'Pintura' } }, { value: 'photo', label: { en: 'Photo' } }] } },
	{ key: 'tools', type: 'multiple_choice', label: { en: 'Tools' }, options: { maxChoices: 2, choices: ['brush', 'camera', 'spray'].map((value) => ({ value, label: { en: value } })) } },
	{ key: 'remote', type: 'yes_no', label: { en: 'Remote?' }, required: true },
	{ key: 'site', type: 'url', label: { en: 'Website' } },
	{ key: 'size', type: 'number', label: { en: 'Size' }, required: true, options: { min: 1, max: 10 } },
	{ key: 'start', type: 'date', label: { en: 'Start' } },
	{ key: 'photo', type: 'file', label: { en: 'Photo' }, required: true, options: { allowedTypes: ['image/jpeg', 'image/png'], maxBytes: 1_000_000, maxFiles: 2 } },
	{ key: 'cv', type: 'file', label: { en: 'CV' }, options: { allowedTypes: ['application/pdf'], maxBytes: 1_000_000, maxFiles: 1 } }
];

async function makeCall(overrides: Record<string, unknown>, fields: FieldInput[] = everyField): Promise<number> {
	const callId = await createCall(callsContext(database.db), testStaff, callInput(overrides));
	for (const field of fields) await addField(callsContext(database.db), testStaff, callId, field);
	await setCallStatus(callsContext(database.db), testStaff, callId, 'open');
	return callId;
}

beforeAll(async () => {
	smtp = await startSmtpSink();
	site = await startTestServer({ SMTP_URL: smtp.url });
	database = await site.openDatabase();
	await makeCall({
		slug,
		title: titles,
		summary: { en: 'A call asking everything.', es: 'Una convocatoria que lo pregunta todo.' },
		eligibility: { en: '<p>Artists who live in Nepal.</p>', es: '<p>Artistas que viven en Nepal.</p>' },
		timeZone: zone,
		deadlineAt: '2099-03-28T23:59'
	});
	photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c2410c' } })
		.jpeg()
		.withExif({ IFD0: { Copyright: 'Secret GPS place', Artist: 'Ana' } })
		.toBuffer();
}, 60_000);

afterAll(async () => {
	await site?.stop();
	await smtp?.close();
});

type Fields = Record<string, string | string[] | { name: string; type: string; bytes: Buffer }[]>;

/** A valid application's fields. */
function good(email: string, extra: Fields = {}): Fields {
	return {
		email,
		name: 'Ana Shrestha',
		consent: 'yes',
		eligibility: 'yes',
		'field.title': 'Walls that talk',
		'field.statement': 'We paint together.',
		'field.country': 'NP',
		'field.medium': 'paint',
		'field.tools': ['brush', 'spray'],
		'field.remote': 'yes',
		'field.size': '4',
		'field.start': '2099-01-02',
		'field.photo': [{ name: 'wall.jpg', type: 'image/jpeg', bytes: photo }],
		...extra
	};
}

/** A multipart form posted as a browser posts it: same Origin, asking for HTML. */
function post(path: string, fields: Fields, headers: Record<string, string> = {}) {
	// The form's main button: `?/submit` (the page has named actions only).
	if (path.endsWith('/apply')) path += '?/submit';
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const v of [value].flat()) {
			if (typeof v === 'string') form.append(name, v);
			else form.append(name, new Blob([new Uint8Array(v.bytes)], { type: v.type }), v.name);
		}
	}
	return fetch(site.origin + path, { method: 'POST', body: form, redirect: 'manual', headers: { Origin: site.origin, Accept: 'text/html', ...headers } });
}

function postSmall(path: string, fields: Record<string, string>) {
	return fetch(site.origin + path, {
		method: 'POST',
		body: new URLSearchParams(fields),
		redirect: 'manual',
		headers: { Origin: site.origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' }
	});
}

const applyPath = (locale: Locale = 'en', call = slug) => localized(`/calls/${call}/apply`, locale);
const byId = (doc: ReturnType<typeof parseHtml>, value: string) => doc.all((e) => e.attribs.id === value)[0];
const byName = (doc: ReturnType<typeof parseHtml>, value: string) => doc.all((e) => e.attribs.name === value);
const text = (e: ReturnType<typeof byId> | undefined) => (e ? DomUtils.textContent(e).replace(/\s+/g, ' ').trim() : '');
const fill = (message: string, values: Record<string, string | number>) => message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

function tokenOf(response: Response, locale: Locale, done: string): string {
	expect(response.status).toBe(303);
	const location = response.headers.get('location') ?? '';
	const match = new RegExp(`^${localized('/applications/', locale).replace(/\//g, '\\/')}([\\w-]{43})\\?done=${done}$`).exec(location);
	expect(match, location).not.toBeNull();
	return match![1]!;
}

function mailTo(to: string, subject: string): Promise<ParsedMail> {
	return smtp.waitFor((mail) => [mail.to].flat().some((t) => t?.value.some((v) => v.address === to)) && mail.subject === subject, 15_000);
}

function applicationOf(email: string) {
	return database.db.selectFrom('application').selectAll().where('applicant_email', '=', email).execute();
}

describe('the list and a call', () => {
	it('lists open, upcoming and past calls with their kind and deadline in the call’s zone, never drafts', async () => {
		await createCall(callsContext(database.db), testStaff, callInput({ slug: 'still-a-draft', title: { en: 'Secret draft call' } }));
		const response = await fetch(site.origin + '/es/calls');
		expect(response.status).toBe(200);
		// Time-left text: kept a minute at most, by browsers and by the app's page cache.
		expect(response.headers.get('cache-control')).not.toMatch(/public/);
		const html = await response.text();
		const doc = parseHtml(html);
		expect(text(byId(doc, 'calls-open'))).toBe(es.calls_open_title);
		expect(text(byId(doc, 'calls-past'))).toBe(es.calls_past_title);
		expect(html).toContain(titles.es);
		expect(html).toContain(es.calls_kind_artists);
		expect(html).toContain(fill(es.calls_deadline, { date: formatDeadline('2099-03-28T18:14:00.000Z', zone, 'es').inZone }));
		// A demo call that closed, in English while Spanish is missing, marked as such.
		expect(html).not.toContain('Secret draft call');
		const nav = doc.all((e) => e.name === 'nav')[0];
		expect(text(nav)).toContain(es.nav_calls);
	});

	it('shows a call with its deadline in its zone and in UTC, the time left and the way to apply', async () => {
		const response = await fetch(site.origin + `/calls/${slug}`);
		expect(response.status).toBe(200);
		const doc = parseHtml(await response.text());
		const deadline = formatDeadline('2099-03-28T18:14:00.000Z', zone, 'en');
		const main = text(doc.byTag('main')[0]);
		expect(main).toContain(deadline.inZone);
		expect(main).toContain(fill(en.call_deadline_utc, { date: deadline.inUtc }));
		expect(deadline.inZone).toMatch(/GMT\+5:45/);
		expect(main).toContain(en.call_time_left_label);
		expect(main).toContain('Artists who live in Nepal.');
		expect(doc.all((e) => e.name === 'a' && e.attribs.href === `/calls/${slug}/apply`)).toHaveLength(1);
	});

	it('answers an unknown call or a draft with a translated 404', async () => {
		for (const path of ['/es/calls/no-such-call', '/es/calls/still-a-draft', '/es/calls/no-such-call/apply']) {
			const response = await fetch(site.origin + path);
			expect(response.status, path).toBe(404);
			expect(await response.text()).toContain(es.call_not_found);
		}
	});
});

describe('page weight', () => {
	it.each(['/calls/every-field', '/calls/every-field/apply', '/ne/calls/guerrilla-gallery-kit-climate/apply'])(
		'%s stays within the public pages’ budget of 35 000 bytes of HTML + CSS, compressed',
		async (path) => {
			const page = await rawRequest(site.origin, path, { headers: { 'accept-encoding': 'br' } });
			expect(page.status).toBe(200);
			expect(header(page, 'content-encoding')).toBe('br');
			const html = await (await fetch(site.origin + path)).text();
			const sheets = parseHtml(html).all((e) => e.name === 'link' && (e.attribs.rel ?? '').split(/\s+/).includes('stylesheet'));
			expect(sheets.length).toBeGreaterThan(0);
			let total = page.body.byteLength;
			for (const sheet of sheets) total += (await rawRequest(site.origin, sheet.attribs.href!, { headers: { 'accept-encoding': 'br' } })).body.byteLength;
			expect(total).toBeLessThanOrEqual(35_000);
		}
	);
});

describe('applying', () => {
	it('takes an application with a photo, stores the photo without its EXIF, and confirms by e-mail', async () => {
		const form = parseHtml(await (await fetch(site.origin + applyPath())).text());
		const f = form.all((e) => e.name === 'form' && e.attribs.enctype === 'multipart/form-data')[0]!;
		expect(f.attribs.method).toBe('post');
		expect(f.attribs.action).toBe('?/submit');
		expect(byName(form, 'field.photo')[0]!.attribs.accept).toContain('image/jpeg');
		expect(byName(form, 'website')[0]!.attribs.tabindex).toBe('-1');
		expect(form.all((e) => e.name === 'button' && e.attribs.formaction === '?/save')).toHaveLength(1);
		expect(byName(form, 'field.tools').map((e) => e.attribs.type)).toEqual(['checkbox', 'checkbox', 'checkbox']);

		const response = await post(applyPath(), good('photo@example.org'));
		const token = tokenOf(response, 'en', 'submitted');
		const [row] = await applicationOf('photo@example.org');
		expect(row?.status).toBe('submitted');
		const file = await database.db.selectFrom('application_file').selectAll().where('application_id', '=', row!.id).executeTakeFirstOrThrow();
		expect(file.original_name).toBe('wall.jpg');
		// Read from where the server keeps it: the data folder, or the bucket (TEST_S3_ENDPOINT).
		const stored = await storageOf(site.server).read(`applications/${file.storage_key}`);
		const metadata = await sharp(stored).metadata();
		expect(metadata.format).toBe('jpeg');
		expect(metadata.exif).toBeUndefined();

		const mail = await mailTo('photo@example.org', fill(en.mail_application_submitted_subject, { call: titles.en }));
		expect(mail.text).toContain(`/applications/${token}`);

		const page = await rawRequest(site.origin, `/applications/${token}?done=submitted`);
		expect(page.status).toBe(200);
		expect(header(page, 'cache-control')).toBe('private, no-store');
		expect(header(page, 'referrer-policy')).toBe('same-origin');
		const html = page.body.toString();
		expect(html).toContain(en.application_done_submitted);
		expect(html).toContain('wall.jpg');
		expect(html).toContain('Walls that talk');
		expect(html).not.toMatch(/decision|score/i);
		// When it was submitted, in the call's time zone, named: the applicant may be anywhere.
		const submittedAt = new Date(row!.submitted_at!);
		const when = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', timeZone: zone })
			.format(submittedAt)
			.replace(/\s+/g, ' ');
		expect(when).toMatch(/GMT\+5:45/);
		expect(textOf(html)).toContain(fill(en.application_status_submitted, { date: when }));
	});

	it('shows every error beside its field in Spanish, keeping what was typed (400)', async () => {
		const response = await post(applyPath('es'), {
			...good('no es un correo'),
			'field.size': '99',
			'field.start': '2099-02-30',
			'field.site': 'not a url',
			'field.tools': ['brush', 'camera', 'spray'],
			'field.photo': [],
			consent: []
		});
		expect(response.status).toBe(400);
		const doc = parseHtml(await response.text());
		const expectError = (inputId: string, message: string) => {
			expect(text(byId(doc, `${inputId}-error`)), inputId).toBe(message);
		};
		expectError('applicant-email', es.answer_error_email_invalid);
		expectError('field-size', es.answer_error_number_out_of_range);
		expectError('field-start', es.answer_error_date_invalid);
		expectError('field-site', es.answer_error_url_invalid);
		expectError('field-tools', es.answer_error_too_many_choices);
		expectError('field-photo', es.answer_error_required);
		expect(text(byId(doc, 'consent-error'))).toBe(es.answer_error_consent_required);
		expect(byId(doc, 'field-size')!.attribs['aria-describedby']).toContain('field-size-error');
		expect(byId(doc, 'field-size')!.attribs.value).toBe('99');
		expect(byId(doc, 'applicant-email')!.attribs.value).toBe('no es un correo');
		expect(text(byId(doc, 'field-statement'))).toBe('We paint together.');
		expect(byName(doc, 'field.tools').filter((e) => 'checked' in e.attribs)).toHaveLength(3);
		expect(text(doc.all((e) => e.attribs.class === 'error-summary')[0])).toContain(es.apply_errors_title);
		expect(await applicationOf('no es un correo')).toEqual([]);
	});

	it('names each question in the error summary, in the order of the page, each linked to its field', async () => {
		const response = await post(applyPath(), { email: '', name: '', 'field.size': '99' });
		expect(response.status).toBe(400);
		const doc = parseHtml(await response.text());
		const summary = doc.all((e) => e.attribs.class === 'error-summary')[0];
		const items = summary ? DomUtils.getElementsByTagName('li', summary) : [];
		// Every required question left empty, and the number out of range, as the page asks them.
		const expected: [string, string][] = [
			['applicant-email', en.apply_email_label],
			['applicant-name', en.apply_name_label],
			['field-title', 'Title'],
			['field-country', 'Country'],
			['field-medium', 'Medium'],
			['field-remote', 'Remote?'],
			['field-size', 'Size'],
			['field-photo', 'Photo'],
			['eligibility', en.apply_eligibility_legend],
			['consent', en.apply_consent_legend]
		];
		expect(items.map((item) => text(item))).toEqual(expected.map(([id, label]) => `${label}: ${text(byId(doc, `${id}-error`))}`));
		expect(items.map((item) => DomUtils.getElementsByTagName('a', item)[0]?.attribs.href)).toEqual(expected.map(([id]) => `#${id}`));
		// The same message for several questions is told apart by the question.
		expect(new Set(items.map((item) => text(item))).size).toBe(items.length);
	});

	it('refuses a file of the wrong type, keeps the accepted one and every answer, and counts it on the next submit', async () => {
		const email = 'kept@example.org';
		const response = await post(applyPath('es'), good(email, { 'field.cv': [{ name: 'cv.pdf', type: 'application/pdf', bytes: Buffer.from('just some text, not a PDF') }] }));
		expect(response.status).toBe(400);
		const doc = parseHtml(await response.text());
		expect(text(byId(doc, 'field-cv-error'))).toBe(es.answer_error_file_type_not_allowed);
		expect(text(doc.byTag('main')[0])).toContain(fill(es.apply_file_kept, { name: 'wall.jpg', size: '' }).replace(' ()', ''));
		expect(byId(doc, 'field-title')!.attribs.value).toBe('Walls that talk');
		const draft = byName(doc, 'draft')[0]!.attribs.value ?? '';
		expect(draft).toMatch(/^[\w-]{43}$/);
		const [row] = await applicationOf(email);
		expect(row?.status).toBe('draft');

		// Submitted again without choosing the photo again: the kept one counts.
		const again = await post(applyPath('es'), good(email, { draft, 'field.photo': [] }));
		expect(tokenOf(again, 'es', 'submitted')).toBe(draft);
		const files = await database.db.selectFrom('application_file').selectAll().where('application_id', '=', row!.id).execute();
		expect(files.map((f) => f.original_name)).toEqual(['wall.jpg']);
	});

	it('keeps an accepted file even when the address does not work yet, in a draft without one', async () => {
		const response = await post(applyPath(), good('oops', { 'field.title': '' }));
		expect(response.status).toBe(400);
		const doc = parseHtml(await response.text());
		expect(text(doc.byTag('main')[0])).toContain(en.apply_kept_without_email);
		const draft = byName(doc, 'draft')[0]!.attribs.value ?? '';
		expect(draft).toMatch(/^[\w-]{43}$/);
		const fixed = await post(applyPath(), good('fixed@example.org', { draft, 'field.photo': [] }));
		tokenOf(fixed, 'en', 'submitted');
	});

	it('removes a kept file on request, keeping the rest of the form', async () => {
		const first = await post(applyPath(), good('remove@example.org', { 'field.title': '' }));
		expect(first.status).toBe(400);
		const doc = parseHtml(await first.text());
		const draft = byName(doc, 'draft')[0]!.attribs.value ?? '';
		const remove = byName(doc, 'remove_file')[0]!;
		expect(remove.attribs.formaction).toBe('?/removeFile');
		const removed = await post(applyPath() + '?/removeFile', good('remove@example.org', { draft, remove_file: remove.attribs.value!, 'field.title': 'Kept title', 'field.photo': [] }));
		expect(removed.status).toBe(200);
		const after = parseHtml(await removed.text());
		expect(byName(after, 'remove_file')).toHaveLength(0);
		expect(byId(after, 'field-title')!.attribs.value).toBe('Kept title');
		const [row] = await applicationOf('remove@example.org');
		expect(await database.db.selectFrom('application_file').select('id').where('application_id', '=', row!.id).execute()).toEqual([]);
	});

	it('saves a draft, mails its link, resumes it from the link and submits it', async () => {
		const email = 'draft@example.org';
		const saved = await post(applyPath('id') + '?/save', { email, name: '', 'field.title': 'Half done', 'field.photo': [{ name: 'wip.jpg', type: 'image/jpeg', bytes: photo }] });
		const token = tokenOf(saved, 'id', 'saved');
		const mail = await mailTo(email, fill(id.mail_application_draft_subject, { call: titles.id }));
		const link = /https?:\/\/\S+\/applications\/[\w-]{43}/.exec(mail.text ?? '')?.[0] ?? '';
		expect(new URL(link).pathname).toBe(`/id/applications/${token}`);

		const resumed = parseHtml(await (await fetch(link)).text());
		expect(text(resumed.byTag('main')[0])).toContain(fill(id.apply_file_kept, { name: 'wip.jpg', size: 'x' }).split(' (')[0]!);
		expect(byId(resumed, 'field-title')!.attribs.value).toBe('Half done');
		expect(byName(resumed, 'draft')[0]!.attribs.value).toBe(token);
		const form = resumed.all((e) => e.name === 'form' && e.attribs.enctype === 'multipart/form-data')[0]!;
		expect(form.attribs.action).toBe(`/id/calls/${slug}/apply?/submit`);

		const submitted = await post(form.attribs.action!, good(email, { draft: token, 'field.photo': [] }));
		expect(tokenOf(submitted, 'id', 'submitted')).toBe(token);
		await mailTo(email, fill(id.mail_application_submitted_subject, { call: titles.id }));
	});

	it('lets the applicant edit until the deadline, withdraw after confirming, and delete their data', async () => {
		const email = 'edit@example.org';
		const token = tokenOf(await post(applyPath(), good(email, { 'field.title': 'First title' })), 'en', 'submitted');
		const page = `/applications/${token}`;
		const editForm = parseHtml(await (await fetch(site.origin + page + '?edit')).text());
		expect(editForm.all((e) => e.name === 'form' && e.attribs.action === '?/edit')).toHaveLength(1);

		const refused = await post(page + '?/edit', good(email, { 'field.title': '', 'field.photo': [] }));
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain(en.answer_error_required);

		const edited = await post(page + '?/edit', good(email, { 'field.title': 'Second title', 'field.photo': [] }));
		expect(tokenOf(edited, 'en', 'edited')).toBe(token);
		expect(await (await fetch(site.origin + page)).text()).toContain('Second title');

		expect((await postSmall(page + '?/withdraw', {})).status).toBe(400);
		const withdrawn = await postSmall(page + '?/withdraw', { confirm_withdraw: 'yes' });
		expect(tokenOf(withdrawn, 'en', 'withdrawn')).toBe(token);
		await mailTo(email, fill(en.mail_application_withdrawn_subject, { call: titles.en }));

		const [row] = await applicationOf(email);
		const file = await database.db.selectFrom('application_file').select('storage_key').where('application_id', '=', row!.id).executeTakeFirstOrThrow();
		const storage = storageOf(site.server);
		const stored = `applications/${file.storage_key}`;
		expect(await storage.head(stored)).toBeDefined();
		expect((await postSmall(page + '?/delete', {})).status).toBe(400);
		const deleted = await postSmall(page + '?/delete', { confirm_delete: 'yes' });
		expect(deleted.status).toBe(200);
		expect(await deleted.text()).toContain(en.application_deleted_body);
		expect(await storage.head(stored)).toBeUndefined();
		expect(await applicationOf(email)).toEqual([]);
		expect((await fetch(site.origin + page)).status).toBe(404);
	});

	it('tells a late applicant the deadline passed and shows everything they typed', async () => {
		const lateSlug = 'closing-now';
		const callId = await makeCall({ slug: lateSlug, title: { en: 'Closing now' } });
		await database.db.updateTable('open_call').set({ deadline_at: databaseTimeAfter(site.dialect, -1000) }).where('id', '=', callId).execute();
		const response = await post(applyPath('es', lateSlug), good('late@example.org', { 'field.statement': 'Mi texto que no quiero perder.' }));
		expect(response.status).toBe(410);
		const doc = parseHtml(await response.text());
		expect(text(byId(doc, 'late-title'))).toBe(es.apply_late_title);
		expect(text(byId(doc, 'late-copy'))).toContain('Mi texto que no quiero perder.');
		expect(text(byId(doc, 'late-copy'))).toContain('late@example.org');
		expect(await applicationOf('late@example.org')).toEqual([]);
	});

	it('words a duplicate submission', async () => {
		const email = 'twice@example.org';
		tokenOf(await post(applyPath('ne'), good(email)), 'ne', 'submitted');
		const again = await post(applyPath('ne'), good(email));
		expect(again.status).toBe(409);
		expect(await again.text()).toContain(ne.application_problem_duplicate_submission);
	});

	it('sends the confirmation in the applicant’s language', async () => {
		for (const locale of locales) {
			const email = `lang-${locale}@example.org`;
			tokenOf(await post(applyPath(locale), good(email)), locale, 'submitted');
			const mail = await mailTo(email, fill(messages[locale].mail_application_submitted_subject, { call: titles[locale] }));
			expect(mail.text).toContain(messages[locale].mail_application_submitted_button);
		}
	});
});

describe('abuse and broken links', () => {
	it('answers a filled-in trap field as if it went through, and stores nothing', async () => {
		const response = await post(applyPath(), good('robot@example.org', { website: 'https://spam.example' }));
		expect(response.status).toBe(200);
		expect(await response.text()).toContain(en.apply_received);
		expect(await applicationOf('robot@example.org')).toEqual([]);
	});

	it('limits attempts per address with a translated 429 that keeps the input', async () => {
		const email = 'busy@example.org';
		let last: Response | undefined;
		for (let i = 0; i < 21; i++) {
			last = await post(applyPath('es') + '?/save', { email, name: 'Busy', 'field.title': `Attempt ${i}` });
			if (i < 20) expect(last.status, `attempt ${i}`).toBe(303);
		}
		expect(last!.status).toBe(429);
		const doc = parseHtml(await last!.text());
		expect(text(doc.byTag('main')[0])).toContain(es.apply_too_many);
		expect(byId(doc, 'field-title')!.attribs.value).toBe('Attempt 20');
	});

	it('answers an altered private link with a translated 404', async () => {
		const token = tokenOf(await post(applyPath(), good('tamper@example.org')), 'en', 'submitted');
		const altered = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
		for (const path of [`/es/applications/${altered}`, '/es/applications/nonsense']) {
			const response = await fetch(site.origin + path);
			expect(response.status).toBe(404);
			expect(await response.text()).toContain(es.application_problem_unknown);
		}
	});

	it('refuses a form posted from another site', async () => {
		const response = await post(applyPath(), good('csrf@example.org'), { Origin: 'https://evil.example' });
		expect(response.status).toBe(403);
		expect(await applicationOf('csrf@example.org')).toEqual([]);
	});

	it('answers a body larger than the call’s files can make with a translated 413', async () => {
		const big = Buffer.alloc(6_000_000, 1);
		const response = await post(applyPath('es'), good('big@example.org', { 'field.cv': [{ name: 'big.pdf', type: 'application/pdf', bytes: big }] }));
		expect(response.status).toBe(413);
		expect(await response.text()).toContain(es.apply_too_large.split('{size}')[0]!.trim().slice(0, 30));
		expect(await applicationOf('big@example.org')).toEqual([]);
	});
});
