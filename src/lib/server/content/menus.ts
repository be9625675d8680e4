import type { Kysely } from 'kysely';
import type { Locale } from '$lib/i18n/locales';
import type { Database, MenuName } from '$lib/server/db/schema';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import { runCommand } from '$lib/server/shared/command';
import { parseLocalized, pickJson, type Text } from '$lib/server/shared/localized-text';
import type { ContentContext } from './content.wiring';
import type { Actor } from './revisions.service';

/*
 * The header and footer menus: entries pointing at a built-in page (by name)
 * or at a page staff added (by id), in the order staff chose, each shown or
 * hidden. Not revisions: a change is public at once, so each command bumps the
 * site version (cached pages show the new menu) and is audited, in one
 * transaction. A built-in entry's words are the site's own translated messages;
 * an added page's are its title in the reader's language.
 */

export const menuNames = ['header', 'footer'] as const satisfies readonly MenuName[];

/** The site's own pages a menu may point at, with their addresses. */
export const builtinPaths = {
	home: '/',
	about: '/about',
	initiatives: '/initiatives',
	stories: '/stories',
	calls: '/calls',
	events: '/events',
	artists: '/artists',
	exhibitions: '/exhibitions',
	manifesto: '/manifesto',
	manifesto_pdf: '/manifesto.pdf',
	donate: '/donate',
	transparency: '/donate/transparency',
	newsletter: '/newsletter',
	search: '/search',
	privacy: '/privacy'
} as const;
export type BuiltinTarget = keyof typeof builtinPaths;
export const builtinTargets = Object.keys(builtinPaths) as BuiltinTarget[];

export function isBuiltinTarget(value: unknown): value is BuiltinTarget {
	return typeof value === 'string' && Object.hasOwn(builtinPaths, value);
}

export function isMenuName(value: unknown): value is MenuName {
	return value === 'header' || value === 'footer';
}

/** Today's links, for a page whose menus cannot be read (the database not answering). */
export function defaultSiteMenus(): SiteMenus {
	const links = (targets: BuiltinTarget[]) => targets.map((builtin) => ({ href: builtinPaths[builtin], builtin, title: null }));
	return {
		header: links(['home', 'about', 'initiatives', 'stories', 'calls', 'events', 'artists', 'manifesto', 'donate', 'search']),
		footer: links(['manifesto_pdf', 'privacy', 'donate', 'transparency'])
	};
}

/** One link of a menu as a public page shows it: a built-in's words come from the page's messages, an added page's title from here. */
export interface SiteMenuLink {
	href: string;
	builtin: BuiltinTarget | null;
	title: Text | null;
}

export interface SiteMenus {
	header: SiteMenuLink[];
	footer: SiteMenuLink[];
}

/** An entry as the admin shows it. */
export interface MenuEntryView {
	id: number;
	menu: MenuName;
	builtin: BuiltinTarget | null;
	/** An added page's id, address and English title. */
	page: { id: number; slug: string; title: string } | null;
	visible: boolean;
}

async function entryRows(db: Kysely<Database>) {
	return db
		.selectFrom('menu_entry')
		.leftJoin('custom_page', 'custom_page.id', 'menu_entry.page_id')
		.select(['menu_entry.id', 'menu_entry.menu', 'menu_entry.position', 'menu_entry.builtin', 'menu_entry.page_id', 'menu_entry.visible', 'custom_page.slug', 'custom_page.title'])
		.orderBy('menu_entry.menu')
		.orderBy('menu_entry.position')
		.orderBy('menu_entry.id')
		.execute();
}

/** The visible links of both menus, in order, in the reader's language. An entry whose page is gone is left out. */
export async function getSiteMenus(db: Kysely<Database>, locale: Locale): Promise<SiteMenus> {
	const menus: SiteMenus = { header: [], footer: [] };
	for (const row of await entryRows(db)) {
		if (row.visible !== 1 || !isMenuName(row.menu)) continue;
		if (isBuiltinTarget(row.builtin)) menus[row.menu].push({ href: builtinPaths[row.builtin], builtin: row.builtin, title: null });
		else if (row.page_id !== null && row.slug && row.title) menus[row.menu].push({ href: `/pages/${row.slug}`, builtin: null, title: pickJson(row.title, locale) });
	}
	return menus;
}

/** Both menus for the admin, every entry (hidden ones too), and the published pages an entry may point at. */
export async function listMenus(db: Kysely<Database>): Promise<{ header: MenuEntryView[]; footer: MenuEntryView[]; pages: { id: number; slug: string; title: string }[] }> {
	const result: { header: MenuEntryView[]; footer: MenuEntryView[] } = { header: [], footer: [] };
	for (const row of await entryRows(db)) {
		if (!isMenuName(row.menu)) continue;
		const page = row.page_id !== null && row.slug && row.title ? { id: row.page_id, slug: row.slug, title: parseLocalized(row.title).en } : null;
		const builtin = isBuiltinTarget(row.builtin) ? row.builtin : null;
		if (!builtin && !page) continue;
		result[row.menu].push({ id: row.id, menu: row.menu, builtin, page, visible: row.visible === 1 });
	}
	const pages = (await db.selectFrom('custom_page').select(['id', 'slug', 'title']).orderBy('id').execute()).map((p) => ({ id: p.id, slug: p.slug, title: parseLocalized(p.title).en }));
	return { ...result, pages };
}

async function findEntry(db: Kysely<Database>, id: number) {
	const entry = await db.selectFrom('menu_entry').selectAll().where('id', '=', id).executeTakeFirst();
	if (!entry || !isMenuName(entry.menu)) throw new NotFoundError(`menu entry ${id}`);
	return entry;
}

const subjectOf = (entry: { menu: string; builtin: string | null; page_id: number | null }) => `menu:${entry.menu}:${entry.builtin ?? `page-${entry.page_id}`}`;

/** Moves an entry one place up or down in its menu. False when it is already at that end. */
export async function moveMenuEntry(content: ContentContext, actor: Actor, id: number, direction: 'up' | 'down'): Promise<boolean> {
	return runCommand(content, actor, async ({ trx, now, audit, publicPagesChanged }) => {
		const entry = await findEntry(trx, id);
		const rows = await trx.selectFrom('menu_entry').select(['id', 'position']).where('menu', '=', entry.menu).orderBy('position').orderBy('id').execute();
		const index = rows.findIndex((r) => r.id === id);
		const other = direction === 'up' ? index - 1 : index + 1;
		if (other < 0 || other >= rows.length) return false;
		const order = rows.map((r) => r.id);
		[order[index], order[other]] = [order[other]!, order[index]!];
		// Positions are rewritten 0…n-1, which also mends gaps and ties.
		for (const [position, rowId] of order.entries()) {
			if (rows.find((r) => r.id === rowId)?.position !== position) await trx.updateTable('menu_entry').set({ position, updated_at: now.toISOString() }).where('id', '=', rowId).execute();
		}
		await publicPagesChanged();
		await audit({ action: 'content.menu-reordered', subject: subjectOf(entry), detail: { direction, order } });
		return true;
	});
}

/** Shows or hides an entry: a hidden one stays in the list, to be shown again. */
export async function setMenuEntryVisible(content: ContentContext, actor: Actor, id: number, visible: boolean): Promise<void> {
	await runCommand(content, actor, async ({ trx, now, audit, publicPagesChanged }) => {
		const entry = await findEntry(trx, id);
		if ((entry.visible === 1) === visible) return;
		await trx.updateTable('menu_entry').set({ visible: visible ? 1 : 0, updated_at: now.toISOString() }).where('id', '=', id).execute();
		await publicPagesChanged();
		await audit({ action: visible ? 'content.menu-shown' : 'content.menu-hidden', subject: subjectOf(entry) });
	});
}

/** Adds an entry at the end of a menu: a built-in page, or a published added page. A target the menu already has is refused. */
export async function addMenuEntry(content: ContentContext, actor: Actor, menu: MenuName, target: { builtin: BuiltinTarget } | { pageId: number }): Promise<number> {
	return runCommand(content, actor, async ({ trx, now, audit, publicPagesChanged }) => {
		if ('pageId' in target && !(await trx.selectFrom('custom_page').select('id').where('id', '=', target.pageId).executeTakeFirst())) {
			throw new ValidationError({ target: 'not-published' });
		}
		let same = trx.selectFrom('menu_entry').select('id').where('menu', '=', menu);
		same = 'builtin' in target ? same.where('builtin', '=', target.builtin) : same.where('page_id', '=', target.pageId);
		if (await same.executeTakeFirst()) throw new ValidationError({ target: 'already-there' });
		const last = await trx
			.selectFrom('menu_entry')
			.select((eb) => eb.fn.max('position').as('max'))
			.where('menu', '=', menu)
			.executeTakeFirst();
		const position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
		const values = { menu, position, builtin: 'builtin' in target ? target.builtin : null, page_id: 'pageId' in target ? target.pageId : null, visible: 1, updated_at: now.toISOString() };
		const row = await trx.insertInto('menu_entry').values(values).returning('id').executeTakeFirstOrThrow();
		await publicPagesChanged();
		await audit({ action: 'content.menu-added', subject: subjectOf(values) });
		return row.id;
	});
}

/** Takes an entry out of its menu (a built-in page can be added back). */
export async function removeMenuEntry(content: ContentContext, actor: Actor, id: number): Promise<void> {
	await runCommand(content, actor, async ({ trx, audit, publicPagesChanged }) => {
		const entry = await findEntry(trx, id);
		await trx.deleteFrom('menu_entry').where('id', '=', id).execute();
		await publicPagesChanged();
		await audit({ action: 'content.menu-removed', subject: subjectOf(entry) });
	});
}
