import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { ValidationError } from '$lib/server/platform/errors';
import { readSiteVersion } from '$lib/server/platform/site-version';
import { listAudit } from '$lib/server/shared/audit';
import { searchDocuments } from '$lib/server/db/search';
import { archiveSitemap } from './archive.service';
import { listArchiveItems } from './archive-admin';
import { emptyItemData, type ItemData } from './content-items';
import { getCustomPage, reservedSlugMessage } from './custom-page-items';
import { addMenuEntry, defaultSiteMenus, getSiteMenus, listMenus, moveMenuEntry, removeMenuEntry, setMenuEntryVisible } from './menus';
import { deleteItem, newItemKey, publish, saveDraft, type Actor } from './revisions.service';
import { contentContext } from '../../../../tests/support/domain-contexts';

/*
 * Pages staff add and the menus they arrange, against a freshly migrated
 * database: a page goes public only by publishing, under an address of its own
 * that is never one of the site's; the menus start as the site's links of
 * today, and every change to them is public at once and audited.
 */
const ana: Actor = { id: 'user-ana', email: 'ana@example.org', name: 'Ana' };

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const content = () => contentContext(handle.db);

beforeAll(async () => {
	handle = await createTestDatabase();
	await handle.db
		.insertInto('user')
		.values({ id: ana.id, name: ana.name!, email: ana.email, emailVerified: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', role: 'editor', locale: 'en', image: null, twoFactorEnabled: 0, disabledAt: null })
		.execute();
});
afterAll(() => handle.dispose());

function pageData(title: ItemData['title'], slug = ''): ItemData {
	return { ...emptyItemData('custom_page'), title, slug, body: { en: '<p>How to find us.</p>', ne: '<p>हामीलाई कसरी भेट्ने।</p>' } };
}

async function publishNew(data: ItemData): Promise<string> {
	const saved = await saveDraft(content(), ana, { type: 'custom_page', key: newItemKey(), data, baseRevisionId: null });
	return (await publish(content(), ana, saved.revision.id)).key;
}

describe('added pages', () => {
	it('stays off the site as a draft, and is public in each language once published, its address made from the English title', async () => {
		const key = newItemKey();
		const saved = await saveDraft(content(), ana, { type: 'custom_page', key, data: pageData({ en: 'Visiting the studio', ne: 'स्टुडियो भ्रमण' }), baseRevisionId: null });
		expect(await getCustomPage(handle.db, 'visiting-the-studio', 'en')).toBeUndefined();
		const drafts = await listArchiveItems(handle.db, 'custom_page', {}, 1, 50);
		expect(drafts.items.map((i) => i.title)).toContain('Visiting the studio');

		const published = await publish(content(), ana, saved.revision.id);
		expect(published.key).toMatch(/^\d+$/);
		const nepali = await getCustomPage(handle.db, 'visiting-the-studio', 'ne');
		expect(nepali?.title).toEqual({ text: 'स्टुडियो भ्रमण', lang: 'ne' });
		// Not translated into Spanish: English, marked as such.
		const spanish = await getCustomPage(handle.db, 'visiting-the-studio', 'es');
		expect(spanish?.title).toEqual({ text: 'Visiting the studio', lang: 'en' });

		expect((await archiveSitemap(handle.db)).map((p) => p.path)).toContain('/pages/visiting-the-studio');
		const found = await searchDocuments(handle.db, { query: 'studio', locale: 'en', limit: 10, offset: 0 });
		expect(found.hits.map((h) => h.path)).toContain('/pages/visiting-the-studio');
	});

	it('refuses an address that is one of the site’s own, typed or made from the title, with a clear message', async () => {
		for (const [title, slug] of [
			[{ en: 'Events' }, ''],
			[{ en: 'Anything' }, 'donate'],
			[{ en: 'Anything' }, 'admin'],
			[{ en: 'Anything' }, 'ne']
		] as const) {
			const attempt = saveDraft(content(), ana, { type: 'custom_page', key: newItemKey(), data: pageData(title, slug), baseRevisionId: null });
			await expect(attempt).rejects.toBeInstanceOf(ValidationError);
			await expect(attempt).rejects.toMatchObject({ issues: { slug: reservedSlugMessage } });
		}
	});

	it('refuses an address another page already has', async () => {
		const saved = await saveDraft(content(), ana, { type: 'custom_page', key: newItemKey(), data: pageData({ en: 'Other' }, 'visiting-the-studio'), baseRevisionId: null });
		await expect(publish(content(), ana, saved.revision.id)).rejects.toBeInstanceOf(ValidationError);
	});
});

describe('menus', () => {
	it('start as today’s header and footer links', async () => {
		const menus = await getSiteMenus(handle.db, 'en');
		expect(menus).toEqual(defaultSiteMenus());
		expect(menus.header.map((l) => l.href)).toEqual(['/', '/about', '/initiatives', '/stories', '/calls', '/events', '/artists', '/manifesto', '/donate', '/search']);
		expect(menus.footer.map((l) => l.href)).toEqual(['/manifesto.pdf', '/privacy', '/donate', '/donate/transparency']);
	});

	it('move, hide, add and take out entries, each public at once (a new site version) and audited', async () => {
		const { header } = await listMenus(handle.db);
		const search = header.find((e) => e.builtin === 'search')!;
		let version = await readSiteVersion(handle.db);
		const changed = async () => {
			const next = await readSiteVersion(handle.db);
			const bumped = next !== version;
			version = next;
			return bumped;
		};

		expect(await moveMenuEntry(content(), ana, search.id, 'up')).toBe(true);
		expect(await changed()).toBe(true);
		let hrefs = (await getSiteMenus(handle.db, 'en')).header.map((l) => l.href);
		expect(hrefs.slice(-2)).toEqual(['/search', '/donate']);
		const home = header.find((e) => e.builtin === 'home')!;
		expect(await moveMenuEntry(content(), ana, home.id, 'up')).toBe(false);

		await setMenuEntryVisible(content(), ana, search.id, false);
		expect(await changed()).toBe(true);
		hrefs = (await getSiteMenus(handle.db, 'en')).header.map((l) => l.href);
		expect(hrefs).not.toContain('/search');
		expect((await listMenus(handle.db)).header.find((e) => e.id === search.id)?.visible).toBe(false);
		await setMenuEntryVisible(content(), ana, search.id, true);

		const key = await publishNew(pageData({ en: 'Volunteer with us', ne: 'हामीसँग स्वयंसेवा' }));
		const entry = await addMenuEntry(content(), ana, 'header', { pageId: Number(key) });
		expect(await changed()).toBe(true);
		const nepali = (await getSiteMenus(handle.db, 'ne')).header.at(-1);
		expect(nepali).toEqual({ href: '/pages/volunteer-with-us', builtin: null, title: { text: 'हामीसँग स्वयंसेवा', lang: 'ne' } });
		await expect(addMenuEntry(content(), ana, 'header', { pageId: Number(key) })).rejects.toMatchObject({ issues: { target: 'already-there' } });
		await expect(addMenuEntry(content(), ana, 'footer', { pageId: 999_999 })).rejects.toMatchObject({ issues: { target: 'not-published' } });

		await removeMenuEntry(content(), ana, entry);
		expect((await getSiteMenus(handle.db, 'en')).header.map((l) => l.href)).not.toContain('/pages/volunteer-with-us');

		const { rows } = await listAudit(handle.db, { limit: 50 });
		const actions = rows.filter((r) => r.action.startsWith('content.menu-')).map((r) => r.action);
		expect(actions).toEqual(expect.arrayContaining(['content.menu-reordered', 'content.menu-hidden', 'content.menu-shown', 'content.menu-added', 'content.menu-removed']));
		expect(rows.find((r) => r.action === 'content.menu-added')?.actor_email).toBe(ana.email);
	});

	it('drop a deleted page’s entry', async () => {
		const key = await publishNew(pageData({ en: 'Short lived' }));
		await addMenuEntry(content(), ana, 'footer', { pageId: Number(key) });
		expect((await getSiteMenus(handle.db, 'en')).footer.map((l) => l.href)).toContain('/pages/short-lived');
		await deleteItem(content(), ana, 'custom_page', key);
		expect((await getSiteMenus(handle.db, 'en')).footer.map((l) => l.href)).not.toContain('/pages/short-lived');
		expect((await listMenus(handle.db)).footer.some((e) => e.page?.slug === 'short-lived')).toBe(false);
	});
});
