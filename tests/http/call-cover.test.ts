/**
 * A cover photo per open call, over HTTP against the built server: staff choose
 * it from the media library in the call's settings; the public call page and the
 * list of calls show it as a responsive <picture>, and link previews use it
 * (og:image). While the call is a draft, its cover stays private.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addField } from '../../src/lib/server/calls/calls.service';
import type { Database } from '../../src/lib/server/db/schema';
import { callsContext, testStaff } from '../support/domain-contexts';
import { header, parseHtml, rawRequest, startTestServer, textOf, valueOf, type TestServer } from '../support/http';
import { AdminClient, signedIn } from '../support/staff';
import { uploadReadyPhoto } from '../support/media-upload';

const locales = ['en', 'ne', 'id', 'es'] as const;

let test: TestServer;
let db: Kysely<Database>;
let editor: AdminClient;
let photoId: number;

/** Uploads a photo as the editor and waits until its variants are made; returns its id. */
const uploadReady = (alt: string) => uploadReadyPhoto(editor, db, { en: alt, ne: 'रङ्गिएको पर्खाल', id: 'Dinding yang dicat', es: 'Un muro pintado' }, { colour: '#c2410c' });

function settingsForm(overrides: Record<string, string> = {}): Record<string, string> {
	const form: Record<string, string> = {
		kind: 'artists',
		slug: 'painted-walls',
		opensAt: '2026-01-01T09:00',
		deadlineAt: '2099-03-28T23:59',
		timeZone: 'UTC',
		maxSubmissionsPerPerson: '',
		retentionDays: '365',
		'title.en': 'Painted walls',
		'summary.en': 'Paint a wall with us.',
		'description.en': '<p>Bring your work.</p>',
		'consentText.en': 'I agree that my application is kept to review it.'
	};
	for (const l of locales) for (const field of ['title', 'summary', 'description', 'eligibility', 'consentText']) form[`${field}.${l}`] ??= '';
	return { ...form, ...overrides };
}

/** Every /media/ address of a page's pictures. */
function mediaUrls(html: string): string[] {
	const { all } = parseHtml(html);
	return all((e) => e.name === 'img' || e.name === 'source').flatMap((e) => [
		...(e.attribs.src ? [e.attribs.src] : []),
		...(e.attribs.srcset ?? '').split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean)
	]).filter((url) => url.startsWith('/media/'));
}

beforeAll(async () => {
	test = await startTestServer();
	db = (await test.openDatabase()).db;
	editor = await signedIn(test, 'editor-cover@example.org', 'editor');
	photoId = await uploadReady('A freshly painted wall in a laneway');
}, 180_000);

afterAll(async () => {
	await test?.stop();
});

describe('a call’s cover photo', () => {
	let callId: number;

	it('refuses a photo that is not in the media library, keeping what was typed', async () => {
		const response = await editor.post('/admin/calls/new?/save', settingsForm({ coverMediaId: '999999' }));
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(textOf(html)).toContain('This photo is no longer in the media library');
		expect(valueOf(html, 'title.en')).toBe('Painted walls');
	});

	it('is chosen from the media library in the call’s settings', async () => {
		const response = await editor.post('/admin/calls/new?/save', settingsForm({ coverMediaId: String(photoId) }));
		expect(response.status).toBe(303);
		callId = Number(/\/admin\/calls\/(\d+)/.exec(response.headers.get('location') ?? '')![1]);
		expect((await db.selectFrom('open_call').select('cover_media_id').where('id', '=', callId).executeTakeFirstOrThrow()).cover_media_id).toBe(photoId);
		const { all } = parseHtml(await (await editor.get(`/admin/calls/${callId}`)).text());
		const chosen = all((e) => e.name === 'option' && e.parent !== null && (e.parent as { attribs?: Record<string, string> }).attribs?.name === 'coverMediaId' && 'selected' in e.attribs);
		expect(chosen.map((e) => e.attribs.value)).toEqual([String(photoId)]);
	});

	it('stays private while the call is a draft', async () => {
		const html = await (await editor.get(`/admin/calls/${callId}`)).text();
		const thumbnail = parseHtml(html).all((e) => e.name === 'img' && (e.attribs.src ?? '').startsWith('/media/'))[0];
		expect(thumbnail).toBeDefined();
		expect((await fetch(`${test.origin}${thumbnail!.attribs.src}`)).status).toBe(404);
	});

	it('shows on the public call page as a picture in the page’s language, and is its share image', async () => {
		await addField(callsContext(db), testStaff, callId, { key: 'title', type: 'short_text', label: { en: 'Title' } });
		await editor.post(`/admin/calls/${callId}?/status`, { change: 'open', confirm: 'yes' });
		expect((await db.selectFrom('open_call').select('status').where('id', '=', callId).executeTakeFirstOrThrow()).status).toBe('open');
		for (const [path, alt] of [
			['/calls/painted-walls', 'A freshly painted wall in a laneway'],
			['/es/calls/painted-walls', 'Un muro pintado']
		] as const) {
			const response = await fetch(`${test.origin}${path}`);
			expect(response.status).toBe(200);
			const html = await response.text();
			const { all, head } = parseHtml(html);
			const img = all((e) => e.name === 'img' && e.attribs.alt === alt)[0];
			expect(img, path).toBeDefined();
			expect(img!.parent?.type === 'tag' && (img!.parent as { name: string }).name).toBe('picture');
			expect(img!.attribs.width).toBeTruthy();
			expect(img!.attribs.height).toBeTruthy();
			const og = all((e) => e.name === 'meta' && e.attribs.property === 'og:image' && head !== undefined)[0]!;
			expect(og.attribs.content).toBe(`${test.origin}${img!.attribs.src}`);
			for (const url of new Set(mediaUrls(html))) {
				const photo = await fetch(`${test.origin}${url}`);
				expect(photo.status, url).toBe(200);
				expect(photo.headers.get('content-type'), url).toMatch(/^image\//);
			}
		}
	});

	it.each(['/calls/painted-walls', '/calls'])('keeps %s within the public pages’ budget of 35 000 bytes of HTML + CSS, compressed', async (path) => {
		const page = await rawRequest(test.origin, path, { headers: { 'accept-encoding': 'br' } });
		expect(page.status).toBe(200);
		expect(header(page, 'content-encoding')).toBe('br');
		const html = await (await fetch(test.origin + path)).text();
		expect(html).toContain('<picture>');
		const sheets = parseHtml(html).all((e) => e.name === 'link' && (e.attribs.rel ?? '').split(/\s+/).includes('stylesheet'));
		let total = page.body.byteLength;
		for (const sheet of sheets) total += (await rawRequest(test.origin, sheet.attribs.href!, { headers: { 'accept-encoding': 'br' } })).body.byteLength;
		expect(total).toBeLessThanOrEqual(35_000);
	});

	it('shows in the list of calls', async () => {
		const html = await (await fetch(`${test.origin}/calls`)).text();
		const { all } = parseHtml(html);
		const img = all((e) => e.name === 'img' && e.attribs.alt === 'A freshly painted wall in a laneway')[0];
		expect(img).toBeDefined();
		expect(img!.attribs.loading).toBe('lazy');
	});

	it('gives a call without a cover its title picture for link previews', async () => {
		await editor.post('/admin/calls/new?/save', settingsForm({ slug: 'bare-walls', coverMediaId: '' }));
		const id = (await db.selectFrom('open_call').select('id').where('slug', '=', 'bare-walls').executeTakeFirstOrThrow()).id;
		await addField(callsContext(db), testStaff, id, { key: 'title', type: 'short_text', label: { en: 'Title' } });
		await editor.post(`/admin/calls/${id}?/status`, { change: 'open', confirm: 'yes' });
		const response = await fetch(`${test.origin}/calls/bare-walls`);
		expect(response.status).toBe(200);
		const { all } = parseHtml(await response.text());
		const og = all((e) => e.name === 'meta' && e.attribs.property === 'og:image')[0]!.attribs.content!;
		expect(og).toMatch(new RegExp(`^${test.origin}/share/[0-9a-f]{16}/calls/bare-walls\\.png$`));
		const picture = await fetch(og);
		expect(picture.status).toBe(200);
		expect(picture.headers.get('content-type')).toBe('image/png');
	});
});
