import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/connect.ts';
import { expectFitsWidth, expectNoAxeViolations, openContext, useServerAndBrowser, visit } from '../support/browser.ts';
import { signedIn, signInInBrowser, type AdminClient } from '../support/staff.ts';
import { uploadReadyPhoto } from '../support/media-upload.ts';

/*
 * Photos chosen from the media library, in Chromium: a call's cover on its
 * public page (a phone's width, no accessibility violation, the
 * picture really drawn), and a photo put in a campaign's text with the editor's
 * own control, stored as the sanitizer keeps it.
 */

const env = useServerAndBrowser();
const email = 'photos-editor@example.org';
let editor: AdminClient;

let database: Awaited<ReturnType<typeof openDatabase>> | undefined;

/** One connection to the server's database for the whole file (opened once: opening is slow). */
async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
	database ??= await openDatabase({ sqlitePath: join(env.server.dataDir, 'site.sqlite') });
	return work(database.db);
}

afterAll(async () => {
	await database?.close();
});

const uploadReady = (alt: string) => withDatabase((db) => uploadReadyPhoto(editor, db, { en: alt, ne: 'रङ्गिएको पर्खाल', id: 'Dinding yang dicat', es: 'Un muro pintado' }));

describe('photos from the media library', () => {
	let photoId = 0;

	it('show as a call’s cover on its public page, drawn and accessible at 360 px', async () => {
		editor = await signedIn(env.server, email, 'editor');
		photoId = await uploadReady('A freshly painted wall in a laneway');
		const form: Record<string, string> = {
			kind: 'artists',
			slug: 'painted-walls',
			opensAt: '2026-01-01T09:00',
			deadlineAt: '2099-03-28T23:59',
			timeZone: 'UTC',
			retentionDays: '365',
			'title.en': 'Painted walls',
			'summary.en': 'Paint a wall with us.',
			'description.en': '<p>Bring your work.</p>',
			'consentText.en': 'I agree that my application is kept to review it.',
			coverMediaId: String(photoId)
		};
		const created = await editor.post('/admin/calls/new?/save', form);
		expect(created.status).toBe(303);
		const callId = Number(/\/admin\/calls\/(\d+)/.exec(created.headers.get('location') ?? '')![1]);
		const question: Record<string, string> = { type: 'short_text', key: '' };
		for (const l of ['en', 'ne', 'id', 'es']) Object.assign(question, { [`label.${l}`]: l === 'en' ? 'Title' : '', [`help.${l}`]: '' });
		expect((await editor.post(`/admin/calls/${callId}/form?/add`, question)).status).toBeLessThan(400);
		expect((await editor.post(`/admin/calls/${callId}?/status`, { change: 'open', confirm: 'yes' })).status).toBe(200);
		expect(await withDatabase(async (db) => (await db.selectFrom('open_call').select('status').where('id', '=', callId).executeTakeFirstOrThrow()).status)).toBe('open');

		// Script on for axe itself; the public pages ship none.
		const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: true, viewport: { width: 360, height: 740 } });
		try {
			const page = await ctx.newPage();
			page.setDefaultTimeout(10_000);
			for (const path of ['/calls/painted-walls', '/ne/calls/painted-walls', '/calls']) {
				await visit(page, env.origin + path);
				const cover = page.locator('main picture img').first();
				await cover.scrollIntoViewIfNeeded();
				await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
				await expectNoAxeViolations(page, path);
				await expectFitsWidth(page, 360, path);
			}
			expect(ctx.responses.filter((r) => r.url.includes('/media/') && r.status !== 200)).toEqual([]);
		} finally {
			await ctx.close();
		}
	}, 120_000);

	it('go into a campaign’s text with the editor’s photo control, with the alt text of the text’s language', async () => {
		const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: true, viewport: { width: 1280, height: 900 } });
		try {
			const page = await signInInBrowser(await ctx.newPage(), env.origin, email);
			await visit(page, `${env.origin}/admin/newsletter/campaigns/new`);
			const editorBox = page.locator('[id="bodyHtml.es-editor"] [contenteditable="true"]');
			await editorBox.waitFor();
			await expectNoAxeViolations(page, 'campaign editor with the photo control');
			await page.fill('[id="subject.en"]', 'Lanes in colour');
			await page.locator('[id="bodyHtml.en-editor"] [contenteditable="true"]').fill('New walls this month.');
			await page.fill('[id="subject.es"]', 'Callejones en color');
			await editorBox.click();
			await page.keyboard.type('Muros nuevos este mes.');
			await page.selectOption('[id="bodyHtml.es-photo"]', String(photoId));
			await page.click('[id="bodyHtml.es-photo"] ~ button');
			await expect.poll(() => editorBox.locator('img').count()).toBe(1);
			await page.click('button:has-text("Save as a draft")');
			await page.waitForURL(/\/admin\/newsletter\/campaigns\/\d+/);
			const stored = await withDatabase(async (db) => {
				const row = await db.selectFrom('newsletter_campaign').select('body_html').orderBy('id', 'desc').executeTakeFirstOrThrow();
				return JSON.parse(row.body_html) as Record<string, string>;
			});
			const key = await withDatabase(async (db) => (await db.selectFrom('media').select('public_key').where('id', '=', photoId).executeTakeFirstOrThrow()).public_key);
			expect(stored.es).toContain(`<img src="/media/${key}/640.jpg" width="600" height="375" alt="Un muro pintado" />`);
			expect(stored.en).not.toContain('<img');
			expect(ctx.problems.filter((p) => /Content Security Policy|page error/.test(p))).toEqual([]);
		} finally {
			await ctx.close();
		}
	}, 120_000);
});
