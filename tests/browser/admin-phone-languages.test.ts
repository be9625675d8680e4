import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/connect.ts';
import { checks, missing } from '../support/admin-matrix.ts';
import { formatViolations, measureOverflow, openContext, runAxe, useServerAndBrowser, type TestContext } from '../support/browser.ts';
import { signedIn, type AdminClient } from '../support/staff.ts';
import { uploadReadyPhoto } from '../support/media-upload.ts';

/*
 * Every admin page of the authorization matrix, on a phone (360 px), for an
 * administrator who reads the admin in Nepali and for one who reads it in
 * Spanish: the page answers, says its language in <html lang>, does not scroll
 * sideways (long Nepali words in tables and menus wrap or scroll inside their
 * box), and axe finds nothing against WCAG 2.0–2.2 A/AA (the rules the public
 * pages are held to). Pages not translated yet must still pass all but the
 * language of their words.
 */

const env = useServerAndBrowser();
const width = 360;
let database: DatabaseHandle | undefined;

const routesDir = join(import.meta.dirname, '..', '..', 'src', 'routes');

/** The matrix's pages (not its files, CSVs or JSON), each address once. */
const pages = [...new Map(checks.filter((c) => c.method === 'GET' && existsSync(join(routesDir, c.route, '+page.svelte'))).map((c) => [c.path, c])).values()];

/** Concrete ids for the pages with parameters, by the path segment before `missing`. */
type Ids = Record<string, number | string>;

function concrete(path: string, ids: Ids): string {
	// A comparison compares the site as it is with the item's saved version.
	const compared = /^\/admin\/content\/([a-z_]+)\/([^/]+)\/compare$/.exec(path);
	if (compared) {
		const key = compared[2] === String(missing) ? String(ids[compared[1]!]) : compared[2]!;
		return `/admin/content/${compared[1]}/${key}/compare?from=live&to=${ids[`revision:${compared[1]}/${key}`]}`;
	}
	const segments = path.split('/');
	return segments.map((segment, i) => (segment === String(missing) || segment.startsWith(`${missing}?`) ? segment.replace(String(missing), String(ids[`${segments[i - 2]}/${segments[i - 1]}`] ?? ids[segments[i - 1]!] ?? missing)) : segment)).join('/');
}

async function firstId(table: string, where?: [string, string, unknown]): Promise<number | undefined> {
	let query = (database!.db as any).selectFrom(table).select('id').orderBy('id').limit(1);
	if (where) query = query.where(...where);
	const row = await query.executeTakeFirst();
	return row?.id;
}

/**
 * What each page with a parameter shows: the demo content's rows where it has
 * some, rows written here straight into the tables where it has none (the
 * browser suite runs without the app's $lib aliases the domain fixtures need).
 */
async function seed(adminEmails: string[], admin: AdminClient): Promise<Ids> {
	database = await openDatabase({ sqlitePath: join(env.server.dataDir, 'site.sqlite') });
	const db = database.db;
	const at = new Date().toISOString();
	const ids: Ids = {};
	ids.artists = (await firstId('artist'))!;
	ids.calls = (await firstId('open_call'))!;
	ids.applications = (await firstId('application', ['call_id', '=', ids.calls]))!;
	// Each administrator reviews the call, so its first application is theirs to review.
	for (const email of adminEmails) {
		const user = await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
		await db.insertInto('call_reviewer').values({ call_id: ids.calls, application_id: null, user_id: user.id, created_at: at }).execute();
	}
	ids.reviews = ids.applications;
	ids.event = (await firstId('event'))!;
	ids.events = ids.event;
	ids.sessions = (await firstId('event_session', ['event_id', '=', ids.events]))!;
	ids.exhibitions = (await firstId('exhibition'))!;
	ids.works = (await firstId('artwork'))!;
	ids.media = (await firstId('media')) ?? (await uploadReadyPhoto(admin, db, { en: 'A painted wall', ne: 'रङ्गिएको पर्खाल', id: 'Dinding yang dicat', es: 'Un muro pintado' }, { width: 1200, height: 800 }));
	// A saved version of each item a comparison or preview opens, saved through the editor as staff save one.
	for (const [type, key] of [['page', 'about'], ['event', String(ids.event)]] as const) {
		const saved = await admin.post(`/admin/content/${type}/${key}?/save`, await editorFields(admin, `/admin/content/${type}/${key}`));
		expect(saved.status, `saving ${type}/${key}`).toBeLessThan(400);
		const revision = await db.selectFrom('content_revision').select('id').where('item_type', '=', type).where('item_key', '=', key).orderBy('id', 'desc').executeTakeFirst();
		expect(revision, `a saved version of ${type}/${key}`).toBeDefined();
		ids[`revision:${type}/${key}`] = revision!.id;
	}
	ids.preview = ids['revision:page/about']!;
	const words = (en: string) => JSON.stringify({ en });
	ids['settings/campaigns'] =
		(await firstId('donation_campaign')) ??
		(await db
			.insertInto('donation_campaign')
			.values({ slug: 'new-roof-phone', title: words('A new roof for the studio'), goal_minor: 500_000, currency: 'NPR', starts_at: null, ends_at: null, created_at: at, updated_at: at })
			.returning('id')
			.executeTakeFirstOrThrow()).id;
	ids['newsletter/campaigns'] =
		(await firstId('newsletter_campaign')) ??
		(await db
			.insertInto('newsletter_campaign')
			.values({ subject: words('Lanterns by the river'), body_html: words('<p>Bring a candle.</p>'), status: 'draft', send_rate: 60, scheduled_at: null, started_at: null, finished_at: null, created_by: null, created_at: at, updated_at: at })
			.returning('id')
			.executeTakeFirstOrThrow()).id;
	ids.subscribers =
		(await firstId('subscriber')) ??
		(await db
			.insertInto('subscriber')
			.values({ email: 'sita.phone@example.org', name: 'Sita Maharjan', status: 'confirmed', consent_text_version: 1, created_at: at, confirmed_at: at, unsubscribed_at: null, updated_at: at, bounced_at: null, bounce_reason: null })
			.returning('id')
			.executeTakeFirstOrThrow()).id;
	ids.import =
		(await firstId('subscriber_import')) ??
		(await db
			.insertInto('subscriber_import')
			.values({
				status: 'done',
				file_name: 'friends-of-the-gallery.csv',
				csv: '',
				default_locale: 'ne',
				consent_statement: 'They signed up on paper at the opening.',
				total_rows: 1,
				created_by: null,
				created_by_email: adminEmails[0]!,
				created_at: at,
				started_at: at,
				finished_at: at,
				updated_at: at
			})
			.returning('id')
			.executeTakeFirstOrThrow()).id;
	return ids;
}

/** The editor form's fields as the page fills them (what "Save draft" would send). */
async function editorFields(admin: AdminClient, path: string): Promise<Record<string, string>> {
	const html = await (await admin.get(path)).text();
	const form = /<form[^>]*action="\?\/save"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
	const fields: Record<string, string> = {};
	const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
	for (const input of form.matchAll(/<input\b[^>]*>/g)) {
		const name = /\bname="([^"]+)"/.exec(input[0])?.[1];
		const type = /\btype="([^"]+)"/.exec(input[0])?.[1] ?? 'text';
		if (!name || type === 'file' || ((type === 'checkbox' || type === 'radio') && !/\bchecked\b/.test(input[0]))) continue;
		fields[name] = decode(/\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? (type === 'checkbox' ? 'on' : ''));
	}
	for (const area of form.matchAll(/<textarea\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) fields[area[1]!] = decode(area[2]!);
	for (const select of form.matchAll(/<select\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
		fields[select[1]!] = decode(/<option\b[^>]*\bvalue="([^"]*)"[^>]*\bselected\b/.exec(select[2]!)?.[1] ?? /<option\b[^>]*\bvalue="([^"]*)"/.exec(select[2]!)?.[1] ?? '');
	}
	return fields;
}


interface Finding {
	path: string;
	problem: string;
}

async function check(page: Page, path: string, lang: string): Promise<Finding[]> {
	const found: Finding[] = [];
	const response = await page.goto(`${env.origin}${path}`, { waitUntil: 'load', timeout: 20_000 }).catch((e: Error) => (found.push({ path, problem: e.message.split('\n')[0]! }), null));
	if (!response) return found;
	const status = response?.status() ?? 0;
	if (status !== 200) return [{ path, problem: `answered ${status}` }];
	const htmlLang = await page.evaluate(() => document.documentElement.lang);
	if (htmlLang !== lang) found.push({ path, problem: `<html lang="${htmlLang}">` });
	const overflow = await measureOverflow(page);
	const inner = await page.evaluate(() => innerWidth);
	if (overflow.scrollWidth > inner) found.push({ path, problem: `${overflow.scrollWidth} px wide: ${overflow.offenders.join(', ')}` });
	const results = await runAxe(page);
	if (results.violations.length > 0) found.push({ path, problem: `axe:\n${formatViolations(results.violations)}` });
	return found;
}

const people = { ne: 'phone-ne@example.org', es: 'phone-es@example.org' } as const;
const zones = { ne: 'Asia/Kathmandu', es: 'Europe/Madrid' } as const;
const tabs: Partial<Record<keyof typeof people, { ctx: TestContext; page: Page }>> = {};
let ids: Ids = {};

beforeAll(async () => {
	const signedInClients = await Promise.all(Object.values(people).map((email) => signedIn(env.server, email, 'admin')));
	ids = await seed(Object.values(people), signedInClients[0]!);
	for (const [i, [lang, email]] of (Object.entries(people) as [keyof typeof people, string][]).entries()) {
		// As "Language and time" saves it.
		await database!.db.updateTable('user').set({ locale: lang, timeZone: zones[lang] }).where('email', '=', email).execute();
		const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: true, viewport: { width, height: 740 } });
		await ctx.context.addCookies(
			signedInClients[i]!.cookieHeader.split('; ').map((pair) => {
				const index = pair.indexOf('=');
				return { name: pair.slice(0, index), value: pair.slice(index + 1), url: env.origin };
			})
		);
		tabs[lang] = { ctx, page: await ctx.newPage() };
	}
}, 120_000);

afterAll(async () => {
	for (const tab of Object.values(tabs)) await tab.ctx.close();
	await database?.close();
});

it('has the pages of the matrix to open', () => {
	expect(pages.length).toBeGreaterThan(40);
});

describe.each(['ne', 'es'] as const)('an administrator reading %s, at 360 px', (lang) => {
	it.each(pages.map((c) => c.path))('%s', async (path) => {
		const address = concrete(path, ids);
		const findings = await check(tabs[lang]!.page, address, lang);
		expect(findings.map((f) => f.problem).join('\n\n'), address).toBe('');
	});
});
