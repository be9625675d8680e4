/**
 * Newsletter campaigns in the admin, over HTTP against the built server with a
 * real SMTP server on loopback: an editor writes a campaign in English and
 * Spanish (a half Spanish version is refused with the typing kept), sees who it
 * would reach, sends a test to themself, confirms before sending to everyone,
 * and each subscriber gets exactly one copy in their language with one-click
 * unsubscribe headers; sending can be paused, resumed and cancelled. Reviewers
 * and strangers get nowhere.
 */
import { DomUtils } from 'htmlparser2';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/schema';
import { parseHtml, startTestServer, textOf, valueOf, type TestServer } from '../support/http';
import { startSmtpSink } from '../support/smtp';
import { AdminClient, signedIn } from '../support/staff';

const editorEmail = 'editor@example.org';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let test: TestServer;
let db: Kysely<Database>;
let editor: AdminClient;
let reviewer: AdminClient;
let campaignId: number;
const readers = { en: 'ana@example.org', es: 'beto@example.org', ne: 'chandra@example.org' };

async function addSubscriber(email: string, fields: { locale: string; status?: 'confirmed' | 'pending'; paused?: number }) {
	const at = new Date().toISOString();
	await db
		.insertInto('subscriber')
		.values({
			email,
			locale: fields.locale,
			status: fields.status ?? 'confirmed',
			paused: fields.paused ?? 0,
			topics: JSON.stringify(['news']),
			consent_text_version: 1,
			created_at: at,
			confirmed_at: fields.status === 'pending' ? null : at,
			updated_at: at
		})
		.execute();
}

/** The campaign form as a person fills it in. */
function campaignForm(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		'subject.en': 'Walls that talk',
		'subject.ne': '',
		'subject.id': '',
		'subject.es': 'Muros que hablan',
		'previewText.en': 'Three new laneway festivals',
		'previewText.es': 'Tres festivales nuevos',
		'bodyHtml.en': '<p>Hello from the lanes.</p>',
		'bodyHtml.ne': '',
		'bodyHtml.id': '',
		'bodyHtml.es': '<p>Hola desde los callejones.</p>',
		topics: 'news',
		sendRate: '60000',
		...overrides
	};
}

async function statusOf(id: number) {
	return (await db.selectFrom('newsletter_campaign').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000) {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** A header as it came over the wire, unfolded. */
function rawHeader(raw: Buffer, name: string): string {
	const text = raw.toString('utf8');
	const head = text.slice(0, text.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
	return new RegExp(`^${name}:\\s*(.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
}

beforeAll(async () => {
	sink = await startSmtpSink();
	test = await startTestServer({ SMTP_URL: sink.url });
	db = (await test.openDatabase()).db;
	[editor, reviewer] = await Promise.all([signedIn(test, editorEmail, 'editor'), signedIn(test, 'reviewer@example.org', 'reviewer')]);
	await addSubscriber(readers.en, { locale: 'en' });
	await addSubscriber(readers.es, { locale: 'es' });
	await addSubscriber(readers.ne, { locale: 'ne' });
	// Neither of these may ever receive a campaign.
	await addSubscriber('pending@example.org', { locale: 'en', status: 'pending' });
	await addSubscriber('resting@example.org', { locale: 'en', paused: 1 });
}, 180_000);

afterAll(async () => {
	await test?.stop();
	await sink?.close();
});

describe('writing a campaign', () => {
	it('lists campaigns with the number of confirmed subscribers and a way to start one', async () => {
		const response = await editor.get('/admin/newsletter');
		expect(response.status).toBe(200);
		const text = textOf(await response.text());
		expect(text).toContain('3 confirmed subscribers would receive a campaign sent to everyone');
		expect(text).toContain('New campaign');
		expect(text).toContain('No campaigns yet');
	});

	it('refuses a Spanish subject without a Spanish text, says why beside the field and keeps everything typed', async () => {
		const response = await editor.post('/admin/newsletter/campaigns/new?/save', campaignForm({ 'bodyHtml.es': '<p></p>' }));
		expect(response.status).toBe(400);
		const html = await response.text();
		const { all } = parseHtml(html);
		const error = all((e) => e.attribs.id === 'bodyHtml-es-error')[0];
		expect(error && DomUtils.textContent(error)).toContain('A language needs both a subject and a text, or neither');
		expect(textOf(html)).toContain('Nothing was saved or sent');
		expect(valueOf(html, 'subject.es')).toBe('Muros que hablan');
		expect(valueOf(html, 'subject.en')).toBe('Walls that talk');
		expect(valueOf(html, 'previewText.es')).toBe('Tres festivales nuevos');
		expect(valueOf(html, 'bodyHtml.en')).toBe('<p>Hello from the lanes.</p>');
		expect(await db.selectFrom('newsletter_campaign').select('id').execute()).toHaveLength(0);
	});

	it('creates the campaign as a draft and shows who it would reach', async () => {
		const created = await editor.post('/admin/newsletter/campaigns/new?/save', campaignForm());
		expect(created.status).toBe(303);
		const location = created.headers.get('location') ?? '';
		campaignId = Number(/\/admin\/newsletter\/campaigns\/(\d+)\?created=1$/.exec(location)?.[1]);
		expect(campaignId).toBeGreaterThan(0);
		expect(await statusOf(campaignId)).toBe('draft');

		const page = await editor.get(`/admin/newsletter/campaigns/${campaignId}`);
		expect(page.status).toBe(200);
		const text = textOf(await page.text());
		expect(text).toContain('Status: Draft');
		expect(text).toContain('This would go to 3 subscribers');
		const audit = await db.selectFrom('audit_event').select(['action', 'actor_email', 'subject']).where('action', 'like', 'newsletter.%').execute();
		expect(audit).toContainEqual({ action: 'newsletter.campaign-created', actor_email: editorEmail, subject: `newsletter-campaign:${campaignId}` });
	});

	it('previews the e-mail of a language under a policy that allows no script', async () => {
		const spanish = await editor.get(`/admin/newsletter/campaigns/${campaignId}/preview?locale=es`);
		expect(spanish.status).toBe(200);
		expect(spanish.headers.get('content-security-policy')).toBe("default-src 'none'; img-src https: data:; style-src 'unsafe-inline'");
		const html = await spanish.text();
		expect(html).toContain('Hola desde los callejones.');
		expect(html).not.toContain('%%');
		// No Nepali version: Nepali readers get the English one.
		const nepali = await editor.get(`/admin/newsletter/campaigns/${campaignId}/preview?locale=ne`);
		expect(await nepali.text()).toContain('Hello from the lanes.');
	});

	it('sends a test to the signed-in editor alone, marked as a test', async () => {
		const response = await editor.post(`/admin/newsletter/campaigns/${campaignId}?/test`, { ...campaignForm(), testLocale: 'es' });
		expect(response.status).toBe(200);
		expect(textOf(await response.text())).toContain(`Sent to ${editorEmail}`);
		const mail = await sink.waitFor((m) => m.subject === '[Test] Muros que hablan');
		expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(editorEmail);
		expect(mail.text).toContain('Envío de prueba');
		expect(mail.text).toContain('Hola desde los callejones.');
		// Both personal links lead to the public newsletter page.
		expect(mail.html).toContain(`href="${test.origin}/newsletter"`);
		expect(mail.html).not.toContain('%%');
		expect(sink.messages.filter((m) => m.envelopeTo.some((to) => Object.values(readers).includes(to)))).toHaveLength(0);
	});
});

describe('sending', () => {
	it('asks first, with the number of subscribers, and sends nothing on the first step', async () => {
		const response = await editor.post(`/admin/newsletter/campaigns/${campaignId}?/send`, campaignForm());
		expect(response.status).toBe(200);
		expect(textOf(await response.text())).toContain('Send “Walls that talk” to 3 subscribers now?');
		expect(await statusOf(campaignId)).toBe('draft');
		expect(await db.selectFrom('newsletter_delivery').select('id').execute()).toHaveLength(0);
		await new Promise((r) => setTimeout(r, 1500));
		expect(sink.messages.filter((m) => m.envelopeTo.some((to) => Object.values(readers).includes(to)))).toHaveLength(0);
	});

	it('sends once confirmed: one copy each, in their language, with one-click unsubscribe', async () => {
		const response = await editor.post(`/admin/newsletter/campaigns/${campaignId}?/send`, { confirm: 'yes' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/admin/newsletter/campaigns/${campaignId}?started=1`);
		await waitUntil(async () => (await statusOf(campaignId)) === 'sent');

		const copies = (to: string) => sink.messages.filter((m) => m.envelopeTo.includes(to) && !m.parsed.subject?.startsWith('[Test]'));
		for (const to of Object.values(readers)) expect(copies(to), to).toHaveLength(1);
		expect(copies(readers.es)[0]!.parsed.subject).toBe('Muros que hablan');
		expect(copies(readers.en)[0]!.parsed.subject).toBe('Walls that talk');
		expect(copies(readers.ne)[0]!.parsed.subject).toBe('Walls that talk');
		for (const to of Object.values(readers)) {
			const raw = copies(to)[0]!.raw;
			expect(rawHeader(raw, 'List-Unsubscribe')).toMatch(/^<http:\/\/localhost:\d+(\/es|\/ne)?\/newsletter\/unsubscribe\/[\w-]{43}>/);
			expect(rawHeader(raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
		}
		expect(rawHeader(copies(readers.es)[0]!.raw, 'List-Unsubscribe')).toContain('/es/newsletter/unsubscribe/');
		expect(sink.messages.some((m) => m.envelopeTo.includes('pending@example.org') || m.envelopeTo.includes('resting@example.org'))).toBe(false);
	});

	it('shows the progress on the campaign page and in the list, read-only', async () => {
		const html = await (await editor.get(`/admin/newsletter/campaigns/${campaignId}`)).text();
		const text = textOf(html);
		expect(text).toContain('Status: Sent');
		expect(text).toContain('3 of 3 sent');
		expect(text).toContain('Hola desde los callejones.');
		expect(parseHtml(html).all((e) => e.name === 'form' && (e.attribs.action ?? '').includes('?/save'))).toHaveLength(0);
		const list = textOf(await (await editor.get('/admin/newsletter')).text());
		expect(list).toContain('Walls that talk');
		expect(list).toContain('Sent');
		expect(list).toContain('3 of 3 sent');

		// A sent campaign stays as the record of what went out.
		const changed = await editor.post(`/admin/newsletter/campaigns/${campaignId}?/save`, campaignForm({ 'subject.en': 'Changed later' }));
		expect(changed.status).toBe(409);
		expect(textOf(await changed.text())).toContain('It has been sent. So it cannot be changed now.');
		const deleted = await editor.post(`/admin/newsletter/campaigns/${campaignId}?/delete`, { confirm: 'yes' });
		expect(deleted.status).toBe(409);
	});

	it('pauses, resumes and (after confirming) cancels a slow campaign', async () => {
		const created = await editor.post(
			'/admin/newsletter/campaigns/new?/save',
			campaignForm({ 'subject.en': 'Slow news', 'subject.es': '', 'bodyHtml.es': '', 'previewText.es': '', sendRate: '1' })
		);
		const id = Number(/campaigns\/(\d+)/.exec(created.headers.get('location') ?? '')?.[1]);
		expect((await editor.post(`/admin/newsletter/campaigns/${id}?/send`, { confirm: 'yes' })).status).toBe(303);
		expect(await statusOf(id)).toBe('sending');
		const sending = await (await editor.get(`/admin/newsletter/campaigns/${id}`)).text();
		expect(textOf(sending)).toContain('Status: Sending');
		expect(sending).toContain('http-equiv="refresh"');

		expect((await editor.post(`/admin/newsletter/campaigns/${id}?/pause`, {})).status).toBe(200);
		expect(await statusOf(id)).toBe('paused');
		const paused = await (await editor.get(`/admin/newsletter/campaigns/${id}`)).text();
		expect(textOf(paused)).toContain('Status: Paused');
		expect(textOf(paused)).toContain('Resume sending');
		expect(paused).not.toContain('http-equiv="refresh"');

		expect((await editor.post(`/admin/newsletter/campaigns/${id}?/resume`, {})).status).toBe(200);
		expect(await statusOf(id)).toBe('sending');

		const asked = await editor.post(`/admin/newsletter/campaigns/${id}?/cancel`, {});
		expect(asked.status).toBe(200);
		expect(textOf(await asked.text())).toContain('Cancel sending for good?');
		expect(await statusOf(id)).toBe('sending');
		expect((await editor.post(`/admin/newsletter/campaigns/${id}?/cancel`, { confirm: 'yes' })).status).toBe(200);
		expect(await statusOf(id)).toBe('cancelled');
		// Pausing now is not possible: a clear message, not an error page.
		const late = await editor.post(`/admin/newsletter/campaigns/${id}?/pause`, {});
		expect(late.status).toBe(409);
		expect(textOf(await late.text())).toContain('It was cancelled. So it cannot be paused now.');

		const actions = (await db.selectFrom('audit_event').select('action').where('subject', '=', `newsletter-campaign:${id}`).execute()).map((r) => r.action);
		expect(actions).toEqual(
			expect.arrayContaining(['newsletter.campaign-created', 'newsletter.campaign-sent', 'newsletter.campaign-paused', 'newsletter.campaign-resumed', 'newsletter.campaign-cancelled'])
		);
	});

	it('schedules in the chosen time zone, unschedules, and deletes a draft after confirming', async () => {
		const created = await editor.post('/admin/newsletter/campaigns/new?/save', campaignForm({ 'subject.en': 'Later news' }));
		const id = Number(/campaigns\/(\d+)/.exec(created.headers.get('location') ?? '')?.[1]);
		const year = new Date().getUTCFullYear() + 1;

		const past = await editor.post(`/admin/newsletter/campaigns/${id}?/schedule`, { ...campaignForm({ 'subject.en': 'Later news' }), scheduledAt: '2020-01-01T10:00', timeZone: 'UTC' });
		expect(past.status).toBe(400);
		expect(textOf(await past.text())).toContain('That moment has passed');

		const response = await editor.post(`/admin/newsletter/campaigns/${id}?/schedule`, {
			...campaignForm({ 'subject.en': 'Later news' }),
			scheduledAt: `${year}-01-15T09:30`,
			timeZone: 'Asia/Kathmandu'
		});
		expect(response.status).toBe(200);
		// Kathmandu is UTC+5:45.
		const row = await db.selectFrom('newsletter_campaign').select(['status', 'scheduled_at']).where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'scheduled', scheduled_at: `${year}-01-15T03:45:00.000Z` });
		const text = textOf(await response.text());
		expect(text).toContain('09:30 (Asia/Kathmandu)');
		expect(text).toContain('03:45 UTC');

		expect((await editor.post(`/admin/newsletter/campaigns/${id}?/unschedule`, {})).status).toBe(200);
		expect(await statusOf(id)).toBe('draft');

		const asked = await editor.post(`/admin/newsletter/campaigns/${id}?/delete`, {});
		expect(asked.status).toBe(200);
		expect(textOf(await asked.text())).toContain('Delete this draft for good?');
		expect(await statusOf(id)).toBe('draft');
		const deleted = await editor.post(`/admin/newsletter/campaigns/${id}?/delete`, { confirm: 'yes' });
		expect(deleted.status).toBe(303);
		expect(deleted.headers.get('location')).toBe('/admin/newsletter?deleted=1');
		expect(textOf(await (await editor.get('/admin/newsletter?deleted=1')).text())).toContain('The draft is deleted.');
		expect(await db.selectFrom('newsletter_campaign').select('id').where('id', '=', id).execute()).toHaveLength(0);
	});
});

describe('who may', () => {
	const pages = () => ['/admin/newsletter', '/admin/newsletter/campaigns/new', `/admin/newsletter/campaigns/${campaignId}`, `/admin/newsletter/campaigns/${campaignId}/preview?locale=en`];
	const actions = ['save', 'test', 'schedule', 'unschedule', 'send', 'pause', 'resume', 'cancel', 'delete'];

	it('refuses a reviewer every page and action (403), showing nothing of the campaign', async () => {
		for (const path of pages()) {
			const response = await reviewer.get(path);
			expect(response.status, path).toBe(403);
			expect(await response.text()).not.toContain('Walls that talk');
		}
		for (const action of actions) {
			const response = await reviewer.post(`/admin/newsletter/campaigns/${campaignId}?/${action}`, { ...campaignForm(), confirm: 'yes' });
			expect(response.status, action).toBe(403);
		}
		expect((await reviewer.post('/admin/newsletter/campaigns/new?/save', campaignForm())).status).toBe(403);
	});

	it('sends someone not signed in to the sign-in page', async () => {
		const stranger = new AdminClient(test.origin);
		for (const path of pages()) {
			const response = await stranger.get(path);
			expect(response.status, path).toBe(303);
			expect(response.headers.get('location')).toMatch(/^\/admin\/login\?next=/);
		}
		for (const action of actions) {
			const response = await stranger.post(`/admin/newsletter/campaigns/${campaignId}?/${action}`, { confirm: 'yes' });
			expect(response.status, action).toBe(303);
			expect(response.headers.get('location')).toMatch(/^\/admin\/login\?next=/);
		}
	});
});
