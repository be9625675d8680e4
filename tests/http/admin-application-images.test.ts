/**
 * The review pages show an application as its applicant sent it: photos as
 * pictures (a thumbnail in the staff list, a preview on the application's page),
 * served inline through the authorized file routes to the same people as the
 * download and to nobody else; links in answers clickable (only http and https);
 * a country by its name.
 */
import { DomUtils } from 'htmlparser2';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachUpload, createApplicationFileStorage } from '../../src/lib/server/calls/application-files';
import { saveDraft, submitApplication } from '../../src/lib/server/calls/applications.service';
import { assignReviewer } from '../../src/lib/server/calls/review.service';
import type { Database } from '../../src/lib/server/db/schema';
import { answers, openCall, smallPdf } from '../support/call-test-data';
import { callsContext, testStaff } from '../support/domain-contexts';
import { parseHtml, startTestServer, textOf, type TestServer } from '../support/http';
import { storageOf } from '../support/s3';
import { AdminClient, signedIn } from '../support/staff';
import { photoLike } from '../support/test-images';

let test: TestServer;
let db: Kysely<Database>;
let editor: AdminClient;
let reviewer: AdminClient;
let otherReviewer: AdminClient;
let callId: number;
let applicationId: number;
let photoId: number;
let pdfId: number;

const statement = 'My murals: https://example.org/walls?year=2026. Also see javascript:alert(document.cookie) and <b>bold</b>.';

beforeAll(async () => {
	test = await startTestServer();
	db = (await test.openDatabase()).db;
	[editor, reviewer, otherReviewer] = await Promise.all([
		signedIn(test, 'editor-img@example.org', 'editor'),
		signedIn(test, 'rev-img@example.org', 'reviewer'),
		signedIn(test, 'rev-other@example.org', 'reviewer')
	]);
	callId = await openCall(db, { blindReview: false });
	const storage = createApplicationFileStorage(test.server.dataDir, storageOf(test.server));
	const input = { email: 'ana@example.org', name: 'Ana Sol', locale: 'es' as const, answers: answers({ statement, country: 'NP' }), consent: true };
	const draft = await saveDraft(db, { callId, input });
	if (draft.status !== 'saved') throw new Error(draft.status);
	const photo = await attachUpload(db, storage, draft.token, { fieldKey: 'images', fileName: 'tide.jpg', bytes: await photoLike(2400, 1600) });
	const pdf = await attachUpload(db, storage, draft.token, { fieldKey: 'images', fileName: 'cv.pdf', bytes: await smallPdf() });
	if (photo.status !== 'attached' || pdf.status !== 'attached') throw new Error('not attached');
	photoId = photo.fileId;
	pdfId = pdf.fileId;
	const submitted = await submitApplication(db, { callId, token: draft.token, input });
	if (submitted.status !== 'submitted') throw new Error(submitted.status);
	applicationId = submitted.applicationId;
	const reviewerId = (await db.selectFrom('user').select('id').where('email', '=', 'rev-img@example.org').executeTakeFirstOrThrow()).id;
	await assignReviewer(callsContext(db), testStaff, { applicationId }, reviewerId);
}, 180_000);

afterAll(async () => {
	await test?.stop();
});

async function expectInlinePicture(response: Response, maxSide: number) {
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toBe('image/webp');
	expect(response.headers.get('content-disposition')).toBe('inline');
	expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	expect(response.headers.get('cache-control')).toBe('private, no-store');
	const bytes = Buffer.from(await response.arrayBuffer());
	const meta = await sharp(bytes).metadata();
	expect(meta.format).toBe('webp');
	expect(Math.max(meta.width!, meta.height!)).toBe(maxSide);
	return bytes;
}

describe('pictures of an application', () => {
	it('shows a thumbnail in the staff list, small and inline, made once and kept beside the original', async () => {
		const list = await editor.get(`/admin/calls/${callId}/applications`);
		expect(list.status).toBe(200);
		const { all } = parseHtml(await list.text());
		const thumbnail = all((e) => e.name === 'img' && e.attribs.src === `/admin/applications/files/${photoId}/thumbnail`);
		expect(thumbnail).toHaveLength(1);
		const first = await expectInlinePicture(await editor.get(`/admin/applications/files/${photoId}/thumbnail`), 320);
		expect(first.byteLength).toBeLessThan(40_000);
		const stored = await db.selectFrom('application_file').select('storage_key').where('id', '=', photoId).executeTakeFirstOrThrow();
		const kept = await storageOf(test.server).read(`applications/${stored.storage_key.replace(/\.jpg$/, '.thumbnail.webp')}`);
		expect(kept?.equals(first)).toBe(true);
		expect((await editor.get(`/admin/applications/files/${photoId}/thumbnail`)).status).toBe(200);
	});

	it('shows the assigned reviewer the thumbnail in their list of reviews', async () => {
		const { all } = parseHtml(await (await reviewer.get('/admin/reviews')).text());
		expect(all((e) => e.name === 'img' && e.attribs.src === `/admin/applications/files/${photoId}/thumbnail`)).toHaveLength(1);
		await expectInlinePicture(await reviewer.get(`/admin/applications/files/${photoId}/thumbnail`), 320);
	});

	it('shows the assigned reviewer a preview on the application’s page, with the original and the PDF as downloads', async () => {
		const page = await reviewer.get(`/admin/reviews/${applicationId}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		const { all } = parseHtml(html);
		const preview = all((e) => e.name === 'img' && e.attribs.src === `/admin/applications/files/${photoId}/preview`);
		expect(preview).toHaveLength(1);
		expect(preview[0]!.attribs.alt).toContain('Images');
		expect(html).toContain(`href="/admin/applications/files/${photoId}"`);
		expect(html).toContain(`href="/admin/applications/files/${pdfId}"`);
		expect(all((e) => e.name === 'img' && (e.attribs.src ?? '').includes(`/files/${pdfId}/`))).toHaveLength(0);
		await expectInlinePicture(await reviewer.get(`/admin/applications/files/${photoId}/preview`), 1280);
		// The original is still a download.
		const original = await reviewer.get(`/admin/applications/files/${photoId}`);
		expect(original.headers.get('content-disposition')).toMatch(/^attachment;/);
		// A PDF has no picture.
		expect((await reviewer.get(`/admin/applications/files/${pdfId}/preview`)).status).toBe(404);
	});

	it('refuses the pictures with a 404 to a reviewer not assigned, and sends the public to sign in', async () => {
		for (const size of ['thumbnail', 'preview']) {
			const refused = await otherReviewer.get(`/admin/applications/files/${photoId}/${size}`);
			expect(refused.status).toBe(404);
			expect(refused.headers.get('content-type')).not.toMatch(/^image\//);
			const anonymous = await fetch(`${test.origin}/admin/applications/files/${photoId}/${size}`, { redirect: 'manual' });
			expect([302, 303, 401, 403, 404]).toContain(anonymous.status);
			expect(anonymous.headers.get('content-type') ?? '').not.toMatch(/^image\//);
		}
	});
});

describe('answers on the review pages', () => {
	it('makes an http link clickable with rel noopener noreferrer, and keeps a javascript: address and markup as text', async () => {
		for (const [client, path] of [
			[reviewer, `/admin/reviews/${applicationId}`],
			[editor, `/admin/calls/${callId}/applications/${applicationId}`]
		] as const) {
			const html = await (await client.get(path)).text();
			const { all } = parseHtml(html);
			const links = all((e) => e.name === 'a' && e.attribs.href === 'https://example.org/walls?year=2026');
			expect(links, path).toHaveLength(1);
			expect(links[0]!.attribs.rel).toBe('noopener noreferrer');
			expect(links[0]!.attribs.target).toBe('_blank');
			expect(DomUtils.textContent(links[0]!)).toBe('https://example.org/walls?year=2026');
			expect(all((e) => e.name === 'a' && (e.attribs.href ?? '').startsWith('javascript:'))).toHaveLength(0);
			expect(all((e) => e.name === 'b' && DomUtils.textContent(e) === 'bold')).toHaveLength(0);
			expect(textOf(html)).toContain('javascript:alert(document.cookie) and <b>bold</b>.');
		}
	});

	it('names the country instead of showing its code', async () => {
		const { all } = parseHtml(await (await reviewer.get(`/admin/reviews/${applicationId}`)).text());
		const country = all((e) => e.name === 'dt' && DomUtils.textContent(e).trim() === 'Country')[0]!;
		const answer = DomUtils.nextElementSibling(country)!;
		expect(DomUtils.textContent(answer).trim()).toBe('Nepal');
	});
});
