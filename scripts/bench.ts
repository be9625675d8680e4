/**
 * `npm run bench`: the server budgets of PRODUCT.md, measured on this machine
 * against the built app on loopback. Prints figures and ratios; it does not
 * fail on them (the budgets are judged by a person reading the report).
 *
 *   - start-up: from spawning the server to a healthy /healthz; idle memory (RSS)
 *   - load from outside the process (wrk, 50 connections) on cached, query-string
 *     and rendered pages, beside nginx serving the same bytes as a file, and the
 *     server's memory during and after it (bench-load.ts)
 *   - compressed HTML + CSS of every public page in every language
 *   - a 12-megapixel photo through the media pipeline: time, peak memory, bytes
 *   - a 24-megapixel photo into variants and IIIF tiles (`npm run bench -- iiif`)
 *   - the JavaScript the admin's pages load (compressed)
 *   - a newsletter campaign to 50,000 subscribers; 200 applicants at once with 5 MB photos
 *   - the site search over 10,000 documents
 *   - a registration rush: 500 confirmations for 100 places from two app processes
 *   - an exhibition of 100 works: every work page's bytes at 360 px with Save-Data
 *   - one app process behind nginx against two, on PostgreSQL: a cached and a rendered admin page
 *   - backup and restore of a site with 10,000 subscribers and 1 GB of files (`npm run bench -- backup`)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildIfNeeded, root, serverEntry, serverNodeFlags } from './build-if-needed.ts';
import { benchArchive, fillArchive } from './bench-archive.ts';
import { loadBench, rssMbOf } from './bench-load.ts';
import { createUserWithCli, pathOf } from '../tests/support/staff.ts';

const locales = ['en', 'ne', 'id', 'es'];
const paths = ['/', '/about', '/manifesto', '/privacy', '/donate', '/donate/transparency'];
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
/** `npm run bench -- archive search` runs only those parts; no names, all of them. */
const parts = ['site', 'media', 'iiif', 'webhooks', 'campaign', 'apply', 'archive', 'search', 'registration', 'exhibition', 'scale', 'backup'] as const;
const only = process.argv.slice(2);
for (const name of only) {
	if (!(parts as readonly string[]).includes(name)) {
		console.error(`Unknown part "${name}"; the parts are: ${parts.join(', ')}`);
		process.exit(2);
	}
}
const wanted = (part: (typeof parts)[number]) => only.length === 0 || only.includes(part);

if (!buildIfNeeded()) process.exit(1);

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

async function startServer(dataDir: string) {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const started = performance.now();
	const child = spawn(process.execPath, [...serverNodeFlags, serverEntry], {
		cwd: root,
		// As `npm start` runs it (package.json): the allocator settings that give memory back.
		env: { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072', ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO_PHOTOS: 'off' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (;;) {
		try {
			if ((await fetch(`${origin}/healthz`)).ok) break;
		} catch {
			// not yet listening
		}
		if (child.exitCode !== null) throw new Error('server exited');
		await new Promise((r) => setTimeout(r, 20));
	}
	const startupMs = performance.now() - started;
	return {
		origin,
		startupMs,
		rssMb: () => rssMbOf(child.pid),
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}

async function compressedSize(url: string): Promise<{ bytes: number; body: string }> {
	const response = await fetch(url, { headers: { 'accept-encoding': 'br' } });
	const body = await response.text();
	return { bytes: brotliCompressSync(Buffer.from(body), { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).byteLength, body };
}

const dataDir = mkdtempSync(join(tmpdir(), 'arts-bench-'));
try {
	if (wanted('site')) await benchSite();
	if (wanted('media')) benchMedia();
	if (wanted('iiif')) benchIiif();
	if (wanted('webhooks')) benchWebhooks();
	if (wanted('campaign')) benchCampaign();
	if (wanted('apply')) benchApply();
	if (wanted('archive')) await benchArchiveAtScale();
	if (wanted('search')) benchSearch();
	if (wanted('registration')) benchRegistration();
	if (wanted('exhibition')) benchExhibition();
	if (wanted('scale')) benchScale();
	if (wanted('backup')) benchBackup();
} finally {
	rmSync(dataDir, { recursive: true, force: true });
}

async function benchSite() {
	// First start on an empty database: migrations and demo content included.
	const first = await startServer(dataDir);
	await first.stop();

	const server = await startServer(dataDir);
	await new Promise((r) => setTimeout(r, 500));
	const idleRss = server.rssMb();

	console.log(`\nStart-up (first start, empty database): ${first.startupMs.toFixed(0)} ms to a healthy /healthz`);
	console.log(`Start-up (second start):               ${server.startupMs.toFixed(0)} ms`);
	console.log(`Idle memory (RSS) after start:          ${idleRss.toFixed(1)} MB (budget 200 MB)`);

	await loadBench({ origin: server.origin, rssMb: server.rssMb }, freePort, seconds);

	console.log('\nCompressed size (brotli) of HTML + CSS, per page:');
	const cssSizes = new Map<string, number>();
	const totals: number[] = [];
	for (const locale of locales) {
		for (const path of paths) {
			const localized = locale === 'en' ? path : path === '/' ? `/${locale}` : `/${locale}${path}`;
			const html = await compressedSize(`${server.origin}${localized}`);
			let css = 0;
			for (const [, href] of html.body.matchAll(/<link href="([^"]+\.css)" rel="stylesheet"/g)) {
				if (!cssSizes.has(href!)) cssSizes.set(href!, (await compressedSize(`${server.origin}${href}`)).bytes);
				css += cssSizes.get(href!)!;
			}
			const total = html.bytes + css;
			totals.push(total);
			console.log(`  ${localized.padEnd(14)} HTML ${(html.bytes / 1024).toFixed(1).padStart(5)} KB + CSS ${(css / 1024).toFixed(1).padStart(4)} KB = ${(total / 1024).toFixed(1).padStart(5)} KB`);
		}
	}
	totals.sort((a, b) => a - b);
	const median = (totals[Math.floor((totals.length - 1) / 2)]! + totals[Math.ceil((totals.length - 1) / 2)]!) / 2;
	console.log(`  median ${(median / 1024).toFixed(1)} KB (budget 15 KB), largest ${(totals.at(-1)! / 1024).toFixed(1)} KB (cap 35 KB)`);

	console.log('\nThe admin\'s JavaScript, per page, as Chromium downloads it (compressed bytes on the wire):');
	const { link } = await createUserWithCli({ DATA_DIR: dataDir, ORIGIN: server.origin }, { email: 'bench-editor@example.org', role: 'editor' });
	const password = 'benchmarks run on loopback';
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
	try {
		const page = await (await browser.newContext()).newPage();
		const scripts = new Map<string, number>();
		page.on('response', async (response) => {
			if (!response.url().endsWith('.js')) return;
			const length = Number(response.headers()['content-length'] ?? 0) || (await response.body()).byteLength;
			scripts.set(response.url(), length);
		});
		await page.goto(`${server.origin}${pathOf(link)}`);
		await page.fill('#password', password);
		await page.fill('#confirm', password);
		await page.click('button[type=submit]');
		await page.waitForURL(/\/admin\/login/);
		await page.fill('#email', 'bench-editor@example.org');
		await page.fill('#password', password);
		await page.click('button[type=submit]');
		await page.waitForURL(`${server.origin}/admin`);
		for (const path of ['/admin', '/admin/content', '/admin/content/page/home', '/admin/media']) {
			scripts.clear();
			await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
			const bytes = [...scripts.values()].reduce((a, b) => a + b, 0);
			console.log(`  ${path.padEnd(26)} ${String(scripts.size).padStart(2)} files, ${(bytes / 1024).toFixed(1)} KB`);
		}
	} finally {
		await browser.close();
	}
	await server.stop();
}

function benchMedia() {
	console.log('\nA 12-megapixel photo (4000 × 3000) into every variant, in a process of its own:');
	const media = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'bench-media.ts')], {
		cwd: root,
		encoding: 'utf8'
	});
	const report = JSON.parse(media.stdout.trim().split('\n').at(-1) ?? '{}') as {
		inputBytes: number;
		ms: number;
		rssBeforeMb: number;
		peakRssMb: number;
		variants: { format: string; width: number; height: number; bytes: number }[];
	};
	console.log(`  input ${(report.inputBytes / 1048576).toFixed(1)} MB JPEG; ${(report.ms / 1000).toFixed(2)} s; peak RSS ${report.peakRssMb.toFixed(0)} MB (${report.rssBeforeMb.toFixed(0)} MB before)`);
	for (const v of report.variants) {
		console.log(`  ${v.format.padEnd(5)} ${String(v.width).padStart(4)} × ${String(v.height).padEnd(4)} ${(v.bytes / 1024).toFixed(1).padStart(7)} KB`);
	}

}

function benchIiif() {
	console.log('\nA 24-megapixel photo (6000 × 4000) into every variant and its IIIF tiles, in a process of its own (scripts/bench-iiif.ts):');
	const run = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'bench-iiif.ts')], {
		cwd: root,
		encoding: 'utf8'
	});
	const line = run.stdout.trim().split('\n').at(-1);
	if (run.status !== 0 || !line) {
		console.log(`  failed:\n${run.stderr.slice(-2000)}`);
		return;
	}
	const r = JSON.parse(line) as {
		inputBytes: number;
		variantsMs: number;
		tilesMs: number;
		totalMs: number;
		variants: number;
		variantBytes: number;
		tiles: number;
		tileBytes: number;
		width: number;
		height: number;
		scaleFactors: number[];
		rssBeforeMb: number;
		peakRssAfterVariantsMb: number;
		peakRssMb: number;
	};
	const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
	console.log(`  input ${mb(r.inputBytes)} MB JPEG, ${r.width} × ${r.height}`);
	console.log(`  variants: ${(r.variantsMs / 1000).toFixed(2)} s, ${r.variants} files, ${mb(r.variantBytes)} MB`);
	console.log(`  tiles:    ${(r.tilesMs / 1000).toFixed(2)} s, ${r.tiles} tiles (scale factors ${r.scaleFactors.join(', ')}), ${mb(r.tileBytes)} MB with info.json`);
	console.log(`  processing in all: ${(r.totalMs / 1000).toFixed(2)} s`);
	console.log(`  peak RSS ${r.peakRssMb.toFixed(0)} MB (${r.peakRssAfterVariantsMb.toFixed(0)} MB after the variants, ${r.rssBeforeMb.toFixed(0)} MB before)`);
	// The variants come first and set the peak above; the tiles' own peak needs a process that makes only them.
	const alone = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'bench-iiif.ts'), 'tiles-only'], {
		cwd: root,
		encoding: 'utf8'
	});
	const tilesLine = alone.stdout.trim().split('\n').at(-1);
	if (alone.status === 0 && tilesLine) {
		const t = JSON.parse(tilesLine) as { tilesMs: number; peakRssMb: number; rssBeforeMb: number };
		console.log(`  tiles alone: ${(t.tilesMs / 1000).toFixed(2)} s, peak RSS ${t.peakRssMb.toFixed(0)} MB (${t.rssBeforeMb.toFixed(0)} MB before)`);
	}
}

function benchWebhooks() {
	console.log('\nStripe webhooks: 2,000 signed events (1,600 distinct) over loopback, 20 at a time (scripts/bench-webhooks.ts):');
	const webhooks = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'bench-webhooks.ts')], {
		cwd: root,
		encoding: 'utf8'
	});
	const summary = /\{[\s\S]*\}\s*$/.exec(webhooks.stdout)?.[0];
	console.log(summary ? summary.replace(/^/gm, '  ') : `  failed:\n${webhooks.stderr.slice(-2000)}`);

}

function benchCampaign() {
	console.log('\nNewsletter: a campaign to 50,000 subscribers through an SMTP server on loopback, clean and killed halfway (scripts/bench-campaign.ts):');
	const campaign = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'bench-campaign.ts')], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 16 * 1024 * 1024
	});
	const campaignReport = /\{[\s\S]*\}\s*$/.exec(campaign.stdout)?.[0];
	console.log(campaignReport ? campaignReport.replace(/^/gm, '  ') : `  failed:\n${campaign.stderr.slice(-2000)}`);

}

function benchApply() {
	console.log('\nOpen calls: 200 applicants at once with a 5 MB photo each, clean and killed halfway (scripts/bench-apply.ts):');
	const applyRun = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'bench-apply.ts')], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 16 * 1024 * 1024
	});
	const applyReport = /\{[\s\S]*\}\s*$/.exec(applyRun.stdout)?.[0];
	console.log(applyReport ? applyReport.replace(/^/gm, '  ') : `  failed:\n${applyRun.stderr.slice(-2000)}`);

}

async function benchArchiveAtScale() {
	console.log('\nThe archive with 1,000 initiatives and 3,000 places (scripts/bench-archive.ts):');
	const archiveDir = mkdtempSync(join(tmpdir(), 'arts-bench-archive-'));
	try {
		await (await startServer(archiveDir)).stop();
		fillArchive(archiveDir, 1000);
		const archiveServer = await startServer(archiveDir);
		await benchArchive(archiveServer, seconds, freePort);
		await archiveServer.stop();
	} finally {
		rmSync(archiveDir, { recursive: true, force: true });
	}

}

function benchSearch() {
	console.log('\nSearch: 10,000 documents in four languages, 300 queries, on SQLite (scripts/bench-search.ts; TEST_DATABASE_URL for PostgreSQL):');
	const searchRun = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'bench-search.ts')], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, TEST_DATABASE_URL: '' }
	});
	console.log(searchRun.status === 0 ? searchRun.stdout.trimEnd().replace(/^/gm, '  ') : `  failed:\n${searchRun.stderr.slice(-2000)}`);
}

function benchRegistration() {
	// PostgreSQL too: the server CI and this machine have, unless TEST_DATABASE_URL names another.
	const serverUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
	console.log(`\nA registration rush: 500 people confirm at once for 100 places through two app processes, then 30 cancel (scripts/bench-registration.ts), on SQLite and PostgreSQL:`);
	const run = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'bench-registration.ts')], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, TEST_DATABASE_URL: serverUrl }
	});
	console.log(run.stdout.trimEnd().replace(/^/gm, '  '));
	if (run.status !== 0) console.log(`  failed:\n${run.stderr.slice(-2000)}`);
}

function benchExhibition() {
	console.log('\nAn exhibition of 100 works, each work page opened cold in Chromium at 360 px (2×) with Save-Data (scripts/bench-exhibition.ts):');
	const run = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'bench-exhibition.ts')], {
		cwd: root,
		encoding: 'utf8'
	});
	console.log(run.stdout.trimEnd());
	if (run.status !== 0) console.log(`  failed:\n${run.stderr.slice(-2000)}`);
}

function benchScale() {
	console.log('\nScaling out: one app process behind nginx against two, on one PostgreSQL database (scripts/bench-scale.ts):');
	const run = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'bench-scale.ts')], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit']
	});
	console.log(run.stdout.trimEnd().replace(/^/gm, '  '));
	if (run.status !== 0) console.log('  failed: see the messages above');
}

function benchBackup() {
	console.log('\nBackup and restore of a site with 10,000 subscribers and 1 GB of files, on SQLite (scripts/bench-backup.ts; TEST_DATABASE_URL for PostgreSQL):');
	const run = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'bench-backup.ts')], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, TEST_DATABASE_URL: '' }
	});
	console.log(run.stdout.trimEnd().replace(/^/gm, '  '));
	if (run.status !== 0) console.log(`  failed:\n${run.stderr.slice(-2000)}`);
}
