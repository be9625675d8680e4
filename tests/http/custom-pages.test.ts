import { DomUtils } from 'htmlparser2';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { parseHtml, startTestServer, textOf, valueOf, type TestServer } from '../support/http';
import { AdminClient, signedIn } from '../support/staff';

/*
 * Pages staff add and the menus they arrange, over HTTP against the built
 * server: a page typed in English and Nepali, published, at /pages/<slug> in
 * both; a reserved address refused with the typed values kept; an entry moved
 * up shows first, a hidden one is gone; a reviewer may change none of it.
 */

describe('added pages and menus', () => {
	let test: TestServer;
	let db: Kysely<Database>;
	let editor: AdminClient;
	let reviewer: AdminClient;

	beforeAll(async () => {
		test = await startTestServer();
		db = (await test.openDatabase()).db;
		[editor, reviewer] = await Promise.all([signedIn(test, 'pages-editor@example.org', 'editor'), signedIn(test, 'pages-reviewer@example.org', 'reviewer')]);
	});
	afterAll(async () => {
		await test?.stop();
	});

	function pageForm(changes: Record<string, string> = {}): Record<string, string> {
		return {
			base: '',
			'title.en': 'Visit the studio',
			'title.ne': 'स्टुडियो हेर्न आउनुहोस्',
			'title.id': '',
			'title.es': '',
			slug: '',
			'summary.en': 'Open on Saturdays.',
			'summary.ne': 'शनिबार खुला।',
			'body.en': '<p>Take the lane behind the temple.</p>',
			'body.ne': '<p>मन्दिरपछाडिको गल्लीबाट आउनुहोस्।</p>',
			image_id: '',
			...changes
		};
	}

	async function newPageAddress(client: AdminClient): Promise<string> {
		const start = await client.get('/admin/content/custom_page/new');
		expect(start.status).toBe(303);
		return start.headers.get('location')!;
	}

	async function headerLinks(path: string): Promise<string[]> {
		const html = await (await fetch(test.origin + path)).text();
		const nav = parseHtml(html).all((e) => e.name === 'nav' && (e.attribs.class ?? '').includes('site-nav'))[0];
		return nav ? DomUtils.findAll((e) => e.name === 'a', nav.children).map((a) => a.attribs.href!) : [];
	}

	it('lists added pages with an "Add a page" action, also on the content page', async () => {
		const list = await editor.get('/admin/pages');
		expect(list.status).toBe(200);
		expect(textOf(await list.text())).toContain('Add a page');
		const content = await editor.get('/admin/content');
		expect(parseHtml(await content.text()).all((e) => e.name === 'a' && e.attribs.href === '/admin/content/custom_page/new')).toHaveLength(1);
	});

	it('publishes a page written in English and Nepali at /pages/<slug> and /ne/pages/<slug>', async () => {
		const address = await newPageAddress(editor);
		const response = await editor.post(`${address}?/publish`, pageForm());
		expect(response.status, textOf(await response.clone().text()).slice(0, 400)).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/admin\/content\/custom_page\/\d+\?published$/);

		const english = await fetch(`${test.origin}/pages/visit-the-studio`);
		expect(english.status).toBe(200);
		const englishHtml = await english.text();
		expect(DomUtils.textContent(parseHtml(englishHtml).all((e) => e.name === 'h1')[0]!)).toBe('Visit the studio');
		expect(textOf(englishHtml)).toContain('Take the lane behind the temple.');
		expect(englishHtml).not.toMatch(/<script(?![^>]*application\/ld\+json)/);

		const nepali = await fetch(`${test.origin}/ne/pages/visit-the-studio`);
		expect(nepali.status).toBe(200);
		const nepaliHtml = await nepali.text();
		const h1 = parseHtml(nepaliHtml).all((e) => e.name === 'h1')[0]!;
		expect(DomUtils.textContent(h1)).toBe('स्टुडियो हेर्न आउनुहोस्');
		expect(h1.attribs.lang).toBeUndefined();
		// Spanish was not written: the English title, marked as English.
		const spanish = await (await fetch(`${test.origin}/es/pages/visit-the-studio`)).text();
		expect(parseHtml(spanish).all((e) => e.name === 'h1')[0]!.attribs.lang).toBe('en');

		const sitemap = await (await fetch(`${test.origin}/sitemap.xml`)).text();
		expect(sitemap).toContain(`${test.origin}/ne/pages/visit-the-studio`);
	});

	it('answers an unknown or unpublished page with a translated 404', async () => {
		const address = await newPageAddress(editor);
		// Previewed like any item: the draft as the page would show it.
		const preview = await editor.post(`${address}?/preview`, pageForm({ 'title.en': 'Only a draft', 'title.ne': '', slug: 'only-a-draft', previewLang: 'en' }));
		expect(preview.status).toBe(303);
		const previewed = await editor.get(preview.headers.get('location')!);
		expect(previewed.status).toBe(200);
		expect(textOf(await previewed.text())).toContain('Take the lane behind the temple.');
		const base = String((await db.selectFrom('content_revision').select('id').where('item_key', '=', address.split('/').at(-1)!).orderBy('id', 'desc').executeTakeFirstOrThrow()).id);
		expect((await editor.post(`${address}?/save`, pageForm({ base, 'title.en': 'Only a draft', 'title.ne': '', slug: 'only-a-draft' }))).status).toBe(200);
		for (const path of ['/pages/only-a-draft', '/ne/pages/no-such-page', '/pages/Bad%20Slug']) {
			const response = await fetch(test.origin + path);
			expect(response.status, path).toBe(404);
		}
		const html = await (await fetch(`${test.origin}/ne/pages/no-such-page`)).text();
		expect(html).toMatch(/<html[^>]*lang="ne"/);
	});

	it('refuses an address that is one of the site’s own, with the message and everything typed kept', async () => {
		const address = await newPageAddress(editor);
		const response = await editor.post(`${address}?/save`, pageForm({ 'title.en': 'Our events', slug: 'events' }));
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(textOf(html)).toContain('This address is one of the site’s own pages');
		expect(valueOf(html, 'slug')).toBe('events');
		expect(valueOf(html, 'title.en')).toBe('Our events');
		expect(valueOf(html, 'title.ne')).toBe('स्टुडियो हेर्न आउनुहोस्');
	});

	it('moves a menu entry up so that it shows first, and hides another, on every page at once', async () => {
		const entries = await db.selectFrom('menu_entry').selectAll().where('menu', '=', 'header').orderBy('position').execute();
		const about = entries.find((e) => e.builtin === 'about')!;
		const search = entries.find((e) => e.builtin === 'search')!;
		expect(await headerLinks('/')).toEqual(['/', '/about', '/initiatives', '/stories', '/calls', '/events', '/artists', '/manifesto', '/donate', '/search']);

		const page = await editor.get('/admin/menus');
		expect(page.status).toBe(200);
		expect(textOf(await page.text())).toContain('Header menu');
		expect((await editor.post('/admin/menus?/move', { entry: String(about.id), direction: 'up' })).status).toBe(200);
		expect((await headerLinks('/ne')).slice(0, 2)).toEqual(['/ne/about', '/ne']);

		expect((await editor.post('/admin/menus?/hide', { entry: String(search.id) })).status).toBe(200);
		expect(await headerLinks('/about')).not.toContain('/search');

		// A published page added to the footer, named by its title in the reader's language.
		const pageId = (await db.selectFrom('custom_page').select('id').where('slug', '=', 'visit-the-studio').executeTakeFirstOrThrow()).id;
		expect((await editor.post('/admin/menus?/add', { menu: 'footer', target: `page:${pageId}` })).status).toBe(200);
		const nepali = await (await fetch(`${test.origin}/ne/about`)).text();
		const footerLink = parseHtml(nepali).all((e) => e.name === 'a' && e.attribs.href === '/ne/pages/visit-the-studio')[0];
		expect(footerLink && DomUtils.textContent(footerLink)).toBe('स्टुडियो हेर्न आउनुहोस्');

		const audit = await db.selectFrom('audit_event').select('action').where('action', 'like', 'content.menu-%').execute();
		expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['content.menu-reordered', 'content.menu-hidden', 'content.menu-added']));
	});

	it('refuses a reviewer (no content.edit) every page and menu change, and changes nothing', async () => {
		const before = await db.selectFrom('menu_entry').selectAll().orderBy('id').execute();
		const entry = String(before[0]!.id);
		for (const [path, fields] of [
			['/admin/menus?/move', { entry, direction: 'down' }],
			['/admin/menus?/hide', { entry }],
			['/admin/menus?/show', { entry }],
			['/admin/menus?/remove', { entry }],
			['/admin/menus?/add', { menu: 'header', target: 'builtin:privacy' }]
		] as const) {
			expect((await reviewer.post(path, fields)).status, path).toBe(403);
		}
		expect((await reviewer.get('/admin/menus')).status).toBe(403);
		expect((await reviewer.get('/admin/pages')).status).toBe(403);
		expect((await reviewer.get('/admin/content/custom_page/new')).status).toBe(403);
		expect(await db.selectFrom('menu_entry').selectAll().orderBy('id').execute()).toEqual(before);
	});
});
