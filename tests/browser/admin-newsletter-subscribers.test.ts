import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/connect.ts';
import { expectFitsWidth, expectNoAxeViolations, openContext, useServerAndBrowser } from '../support/browser.ts';
import { signedInPage, signInInBrowser } from '../support/staff.ts';

/*
 * An editor runs the subscriber list on a phone: the list, one subscriber, an
 * import from upload to report (with JavaScript, the numbers refresh in place;
 * without it, the page reloads itself), and the topics page. Every page is free
 * of axe violations and fits 360 px.
 */

const env = useServerAndBrowser();
const email = 'newsletter-editor@example.org';
const statement = 'They signed the newsletter sheet at the Bali mural festival, June 2026.';
let database: DatabaseHandle | undefined;

afterAll(async () => {
	await database?.close();
});

function csvFile(name: string, text: string): string {
	const file = join(mkdtempSync(join(tmpdir(), 'import-')), name);
	writeFileSync(file, text);
	return file;
}

async function upload(page: Page, file: string) {
	await page.goto(`${env.origin}/admin/newsletter/subscribers/import`);
	await page.setInputFiles('#file', file);
	await page.selectOption('#defaultLocale', 'id');
	await page.fill('#statement', statement);
	await page.check('#affirmed');
	await page.click('button:has-text("Import")');
	await page.waitForURL(/\/admin\/newsletter\/subscribers\/import\/\d+$/);
}

describe('the subscriber admin in the browser', () => {
	it('lets an editor use the list, a subscriber, an import and the topics on a phone, with JavaScript', async () => {
		database = await openDatabase({ sqlitePath: join(env.server.dataDir, 'site.sqlite') });
		const at = new Date().toISOString();
		await database.db
			.insertInto('subscriber')
			.values({ email: 'ana.perez.with.a.long.address@example.org', name: 'Ana Pérez', locale: 'es', status: 'confirmed', topics: '["news","events"]', consent_text_version: 1, created_at: at, confirmed_at: at, updated_at: at })
			.execute();

		const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: true, viewport: { width: 360, height: 740 } });
		const page = await signedInPage(env.server, ctx, email, 'editor');

		await page.goto(`${env.origin}/admin/newsletter/subscribers`);
		await expectNoAxeViolations(page, 'subscriber list');
		await expectFitsWidth(page, 360, 'subscriber list');
		await page.click('a:has-text("ana.perez.with.a.long.address@example.org")');
		await page.waitForURL(/\/admin\/newsletter\/subscribers\/\d+$/);
		await expectNoAxeViolations(page, 'subscriber');
		await expectFitsWidth(page, 360, 'subscriber');

		await page.goto(`${env.origin}/admin/newsletter/subscribers/import`);
		await expectNoAxeViolations(page, 'import form');
		await expectFitsWidth(page, 360, 'import form');
		await upload(page, csvFile('with-js.csv', 'email;name;topics\nputu@example.org;Putu;"news;events"\nnot-an-address;;\n'));
		await page.locator('[role=status]:has-text("Finished")').waitFor({ timeout: 20_000 });
		expect(await page.locator('#report tbody tr').count()).toBe(1);
		await expectNoAxeViolations(page, 'import report');
		await expectFitsWidth(page, 360, 'import report');

		await page.goto(`${env.origin}/admin/newsletter/topics`);
		await expectNoAxeViolations(page, 'topics and consent text');
		await expectFitsWidth(page, 360, 'topics and consent text');
		expect(ctx.foreignRequests()).toEqual([]);
		expect(ctx.problems.filter((p) => /Content Security Policy|page error/.test(p))).toEqual([]);
		await ctx.close();
	}, 120_000);

	it('runs an import to its report without JavaScript, the page reloading itself', async () => {
		const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
		const page = await signInInBrowser(await ctx.newPage(), env.origin, email);
		await upload(page, csvFile('without-js.csv', 'email,name\nwayan@example.org,Wayan\n'));
		await page.locator('[role=status]:has-text("Finished")').waitFor({ timeout: 20_000 });
		expect(await page.locator('#counts').textContent()).toMatch(/Imported\s*1/);
		const row = await database!.db.selectFrom('subscriber').select(['status', 'locale']).where('email', '=', 'wayan@example.org').executeTakeFirst();
		expect(row).toEqual({ status: 'confirmed', locale: 'id' });
		await ctx.close();
	}, 60_000);
});
