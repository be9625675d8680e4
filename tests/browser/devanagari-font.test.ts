import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { launchBrowser, openContext, visit } from '../support/browser.ts';

/*
 * Nepali pages on a computer without any Devanagari font: Chromium runs with a
 * fontconfig that knows one Latin font directory only, so without the web font
 * every Nepali letter would be an empty box. The page must fetch the app's own
 * Devanagari subset and draw real glyphs with it. With Noto Sans Devanagari
 * installed (a fontconfig that also knows its directory), nothing is fetched.
 */

const latinFontDir = dirname(execFileSync('fc-match', ['--format=%{file}', 'DejaVu Sans'], { encoding: 'utf8' }));
const notoDevanagariDir = join(dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-devanagari/package.json')), '400Regular');

/** A fontconfig file that finds fonts only in `dirs`. */
function fontconfig(name: string, dirs: string[]): string {
	const dir = mkdtempSync(join(tmpdir(), `fonts-${name}-`));
	const file = join(dir, 'fonts.conf');
	writeFileSync(
		file,
		`<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n${dirs.map((d) => `\t<dir>${d}</dir>\n`).join('')}\t<cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`
	);
	return file;
}

/** The font families fontconfig finds for Nepali with this configuration. */
function nepaliFonts(configFile: string): string {
	return execFileSync('fc-list', [':lang=ne', 'family'], { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: configFile } }).trim();
}

const nepali = 'नेपाल';
/** Widths of Devanagari strings drawn in the body's font: with real glyphs they differ; as boxes, strings of as many characters are as wide. */
async function measure(page: Page) {
	return page.evaluate(async () => {
		await document.fonts.ready;
		const width = (text: string) => {
			const span = document.createElement('span');
			span.textContent = text;
			span.style.whiteSpace = 'nowrap';
			document.body.append(span);
			const w = span.getBoundingClientRect().width;
			span.remove();
			return w;
		};
		// Four characters each: a conjunct with a vowel sign (two glyphs once shaped), and four plain letters.
		return { conjunct: width('क्षि'), letters: width('कखगघ') };
	});
}

describe('Devanagari on a system without a Devanagari font', () => {
	let server: RunningServer;
	let bare: Browser;
	let withNoto: Browser;
	const bareConfig = fontconfig('latin', [latinFontDir]);
	const notoConfig = fontconfig('noto', [latinFontDir, notoDevanagariDir]);

	beforeAll(async () => {
		[server, bare, withNoto] = await Promise.all([
			startServer({}),
			launchBrowser({ env: { FONTCONFIG_FILE: bareConfig } }),
			launchBrowser({ env: { FONTCONFIG_FILE: notoConfig } })
		]);
	});
	afterAll(async () => {
		await bare?.close();
		await withNoto?.close();
		await server?.stop();
	});

	it('has no Devanagari font in the bare configuration, and Noto Sans Devanagari in the other', () => {
		expect(nepaliFonts(bareConfig)).toBe('');
		expect(nepaliFonts(notoConfig)).toContain('Noto Sans Devanagari');
	});

	it('fetches the app’s Devanagari web font for a Nepali page and draws real glyphs with it', async () => {
		const ctx = await openContext(bare, server.origin, { javaScriptEnabled: true });
		const page = await ctx.newPage();
		await visit(page, `${server.origin}/ne/`);
		await page.evaluate(() => document.fonts.ready);
		const fonts = ctx.responses.filter((r) => r.url.endsWith('.woff2'));
		expect(fonts, 'the web font, from this site').toHaveLength(1);
		expect(fonts[0]!.status).toBe(200);
		expect(fonts[0]!.url).toMatch(new RegExp(`^${server.origin}/_app/immutable/assets/noto-sans-devanagari-subset\\.[\\w-]+\\.woff2$`));
		expect(ctx.foreignRequests()).toEqual([]);
		const state = await page.evaluate(
			(text) => ({
				check: document.fonts.check('16px "Devanagari Web"', text),
				loaded: [...document.fonts].filter((face) => face.family.replace(/"/g, '') === 'Devanagari Web').map((face) => face.status)
			}),
			nepali
		);
		expect(state.check).toBe(true);
		expect(state.loaded).toEqual(['loaded']);
		const widths = await measure(page);
		expect(Math.abs(widths.conjunct - widths.letters), JSON.stringify(widths)).toBeGreaterThan(2);
		expect(ctx.problems).toEqual([]);
		await ctx.close();
	});

	it('shows boxes without it: the same strings are equally wide when only the Latin font may draw them', async () => {
		// The check above means something: with the web font out of the way, Devanagari falls to .notdef boxes here.
		const ctx = await openContext(bare, server.origin, { javaScriptEnabled: true });
		await ctx.context.route(/\.woff2$/, (route) => route.abort('blockedbyclient'));
		const page = await ctx.newPage();
		await visit(page, `${server.origin}/ne/`);
		const widths = await measure(page);
		expect(Math.abs(widths.conjunct - widths.letters), JSON.stringify(widths)).toBeLessThan(0.5);
		await ctx.close();
	});

	it('fetches nothing where Noto Sans Devanagari is installed', async () => {
		const ctx = await openContext(withNoto, server.origin, { javaScriptEnabled: true });
		const page = await ctx.newPage();
		await visit(page, `${server.origin}/ne/`);
		await page.evaluate(() => document.fonts.ready);
		expect(ctx.requests.filter((r) => r.resourceType === 'font' || r.url.endsWith('.woff2'))).toEqual([]);
		const widths = await measure(page);
		expect(Math.abs(widths.conjunct - widths.letters)).toBeGreaterThan(2);
		await ctx.close();
	});
});
