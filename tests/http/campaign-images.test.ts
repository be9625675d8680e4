/**
 * Photos in newsletter campaigns, over HTTP against the built server with a
 * real SMTP server on loopback: the editor offers the media library's photos;
 * the sanitizer keeps an image of the library (its e-mail variant, width,
 * height, alt text) and drops any other; the sent e-mail carries it as an
 * absolute URL that answers 200 image/jpeg once sending has started (and not
 * before), and the web version shows it too.
 */
import { DomUtils } from 'htmlparser2';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/schema';
import { parseHtml, startTestServer, type TestServer } from '../support/http';
import { startSmtpSink } from '../support/smtp';
import { AdminClient, signedIn } from '../support/staff';
import { uploadReadyPhoto } from '../support/media-upload';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let test: TestServer;
let db: Kysely<Database>;
let editor: AdminClient;
let photoSrc: string;
let campaignId: number;
const reader = 'reader@example.org';

const uploadReady = (alt: string) => uploadReadyPhoto(editor, db, { en: alt, ne: 'गल्लीमा चित्र', id: 'Lukisan di gang', es: 'Pintura en un callejón' }, { colour: '#0e7490' });

function campaignForm(body: string): Record<string, string> {
	return {
		'subject.en': 'Lanes in colour',
		'subject.ne': '',
		'subject.id': '',
		'subject.es': '',
		'previewText.en': '',
		'bodyHtml.en': body,
		'bodyHtml.ne': '',
		'bodyHtml.id': '',
		'bodyHtml.es': '',
		sendRate: '60000'
	};
}

beforeAll(async () => {
	sink = await startSmtpSink();
	test = await startTestServer({ SMTP_URL: sink.url });
	db = (await test.openDatabase()).db;
	editor = await signedIn(test, 'editor-campaign-images@example.org', 'editor');
	const id = await uploadReady('A laneway painted in blue');
	const key = (await db.selectFrom('media').select('public_key').where('id', '=', id).executeTakeFirstOrThrow()).public_key;
	photoSrc = `/media/${key}/640.jpg`;
	const at = new Date().toISOString();
	await db
		.insertInto('subscriber')
		.values({ email: reader, locale: 'en', status: 'confirmed', paused: 0, topics: JSON.stringify(['news']), consent_text_version: 1, created_at: at, confirmed_at: at, updated_at: at })
		.execute();
}, 180_000);

afterAll(async () => {
	await test?.stop();
	await sink?.close();
});

describe('a photo in a campaign', () => {
	it('is offered from the media library in the editor', async () => {
		const html = await (await editor.get('/admin/newsletter/campaigns/new')).text();
		expect(html).toContain(photoSrc);
		expect(html).toContain('A laneway painted in blue');
	});

	it('is kept with its size and alt text, while an image from elsewhere is dropped', async () => {
		const body = `<p>New walls this month.</p><img src="${photoSrc}" width="600" height="375" alt="A laneway painted in blue"><p><img src="https://tracker.example/pixel.gif" width="1" height="1" alt=""></p><p>See you there.</p>`;
		const created = await editor.post('/admin/newsletter/campaigns/new?/save', campaignForm(body));
		expect(created.status).toBe(303);
		campaignId = Number(/campaigns\/(\d+)/.exec(created.headers.get('location') ?? '')![1]);
		const stored = JSON.parse((await db.selectFrom('newsletter_campaign').select('body_html').where('id', '=', campaignId).executeTakeFirstOrThrow()).body_html) as { en: string };
		expect(stored.en).toBe(`<p>New walls this month.</p><img src="${photoSrc}" width="600" height="375" alt="A laneway painted in blue" /><p>See you there.</p>`);
		// Not public while the campaign is a draft.
		expect((await fetch(`${test.origin}${photoSrc}`)).status).toBe(404);
	});

	it('reaches the reader as an absolute URL of a 600-pixel image that answers 200 image/jpeg', async () => {
		const response = await editor.post(`/admin/newsletter/campaigns/${campaignId}?/send`, { confirm: 'yes' });
		expect(response.status).toBe(303);
		const mail = await sink.waitFor((m) => m.subject === 'Lanes in colour');
		const { all } = parseHtml(String(mail.html));
		const images = all((e) => e.name === 'img');
		expect(images).toHaveLength(1);
		const img = images[0]!;
		expect(img.attribs.src).toBe(`${test.origin}${photoSrc}`);
		expect(img.attribs.width).toBe('600');
		expect(img.attribs.height).toBe('375');
		expect(img.attribs.alt).toBe('A laneway painted in blue');
		expect(String(mail.html)).not.toContain('tracker.example');
		const photo = await fetch(img.attribs.src!);
		expect(photo.status).toBe(200);
		expect(photo.headers.get('content-type')).toMatch(/^image\/jpeg/);
		expect((await photo.arrayBuffer()).byteLength).toBeGreaterThan(0);
	});

	it('shows in the campaign’s web version', async () => {
		const response = await fetch(`${test.origin}/newsletter/campaigns/${campaignId}`);
		expect(response.status).toBe(200);
		const { all } = parseHtml(await response.text());
		const img = all((e) => e.name === 'img' && e.attribs.src === photoSrc)[0];
		expect(img).toBeDefined();
		expect(img!.attribs.alt).toBe('A laneway painted in blue');
		expect(DomUtils.getOuterHTML(img!)).toContain('width="600"');
	});
});
