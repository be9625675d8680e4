/**
 * An exhibition of 100 works as a cheap phone on a costly connection reads it:
 * every work page opened cold (nothing cached) in Chromium at 360 px, with a
 * screen of two device pixels per CSS pixel, asking to save data, and the bytes
 * on the wire counted for everything the page loads, image included. The goal
 * (issue 16): every work page under 60 KB in all.
 *
 * 1. A demo site starts once (migrations, demo content, no demo photos) and stops.
 * 2. Ten artworks are drawn and sent through the media pipeline (variants and
 *    IIIF tiles), the way the demo's are; the time per photo is printed.
 * 3. 100 works use those photos in turn, each with alt text and a long
 *    description in four languages, in one published exhibition.
 * 4. The site starts again and Chromium opens the overview and each work page.
 *
 * Run: npm run bench -- exhibition (or npx tsx scripts/bench-exhibition.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildIfNeeded } from './build-if-needed.ts';
import { startServer } from '../tests/support/server.ts';
import { openDatabase } from '../src/lib/server/db/connect.ts';
import { bumpSiteVersion } from '../src/lib/server/platform/site-version.ts';
import { createLocalMediaStorage } from '../src/lib/server/media/media-storage.ts';
import { processGeneratedMedia, recordGeneratedMedia } from '../src/lib/server/media/media.service.ts';
import { renderDemoArtwork } from '../src/lib/server/demo/demo-artwork-photos.ts';
import { demoArtworkSize, demoArtworkStyles } from '../src/lib/server/demo/demo-artworks.ts';

const works = Number(process.env.WORKS ?? 100);
const photos = 10;
const budget = 60 * 1024;
const slug = 'bench-hundred-works';

if (!buildIfNeeded()) throw new Error('The build failed');

const four = (text: string) => ({ en: text, ne: `${text} (ने)`, id: `${text} (id)`, es: `${text} (es)` });
/** About 700 characters: a long description of the length curators write. */
const description = (n: number) =>
	four(
		`Work ${n}: a wheat-paste poster on a brick wall in a laneway, photographed in the morning light. ` +
			'Three layers of paper overlap: a blue field printed from a hand-cut stencil, a band of orange text that reads as a warning sign, ' +
			'and a small figure of a child holding an umbrella against rising water. The paste has wrinkled the paper where the bricks meet, ' +
			'so the surface catches shadows like the ripples of a flood line. At the lower edge a strip has been torn away, showing an older ' +
			'poster underneath, which the artist left as a record of the wall before. The work is about two metres wide.'
	);

async function seed(dataDir: string): Promise<void> {
	const handle = await openDatabase({ sqlitePath: join(dataDir, 'site.sqlite') });
	const db = handle.db;
	const storage = createLocalMediaStorage(dataDir);
	try {
		const mediaIds: number[] = [];
		const times: number[] = [];
		for (let i = 0; i < photos; i++) {
			const mediaId = await recordGeneratedMedia(db, new Date(), {
				originalName: `bench-${i}.png`,
				mimeType: 'image/png',
				width: demoArtworkSize.width,
				height: demoArtworkSize.height,
				alt: four(`A poster of the bench, number ${i + 1}`),
				caption: null
			});
			const started = performance.now();
			const outcome = await processGeneratedMedia(db, storage, mediaId, () => renderDemoArtwork({ style: demoArtworkStyles[i % demoArtworkStyles.length]!, seed: 900 + i }));
			if (outcome !== 'ready') throw new Error(`photo ${i} was not made: ${outcome}`);
			times.push(performance.now() - started);
			mediaIds.push(mediaId);
		}
		times.sort((a, b) => a - b);
		console.log(`  ${photos} artworks (${demoArtworkSize.width} × ${demoArtworkSize.height}) drawn and processed into variants and tiles: median ${(times[photos >> 1]! / 1000).toFixed(2)} s each`);

		const now = new Date().toISOString();
		await db.transaction().execute(async (trx) => {
			const exhibition = await trx
				.insertInto('exhibition')
				.values({
					slug,
					title: JSON.stringify(four('A hundred walls')),
					summary: JSON.stringify(four('A hundred wheat-paste works, one page each.')),
					curatorial_text: JSON.stringify(four('<p>Posters pasted in laneways around the world.</p>')),
					languages: JSON.stringify(['en', 'ne', 'id', 'es']),
					opens_on: now.slice(0, 10),
					permanent: 1,
					cover_media_id: mediaIds[0]!,
					published_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			for (let n = 1; n <= works; n++) {
				const mediaId = mediaIds[(n - 1) % photos]!;
				const work = await trx
					.insertInto('artwork')
					.values({
						title: JSON.stringify(four(`Wall number ${n}`)),
						year: 2024,
						medium: JSON.stringify(four('Wheat-paste on brick')),
						dimensions: '200 × 120 cm',
						images: JSON.stringify([{ mediaId, alt: four(`A paper poster pasted on bricks, wall ${n}`) }]),
						description: JSON.stringify(description(n)),
						credit: 'Photo: the artist',
						licence: 'cc-by-4.0',
						created_at: now,
						updated_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				await trx
					.insertInto('exhibition_work')
					.values({ exhibition_id: exhibition.id, position: n, artwork_id: work.id, caption: JSON.stringify(four(`Pasted on Earth Day, wall ${n}.`)) })
					.execute();
			}
		});
		await bumpSiteVersion(db);
	} finally {
		await handle.close();
	}
}

interface Loaded {
	total: number;
	byType: Map<string, number>;
	image: string;
}

/** Opens a page in a fresh context (nothing cached) and counts the bytes on the wire of everything it loads. */
async function load(browser: Browser, url: string): Promise<Loaded> {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, extraHTTPHeaders: { 'Save-Data': 'on' } });
	try {
		const page = await context.newPage();
		const finished: Promise<void>[] = [];
		const byType = new Map<string, number>();
		let image = '';
		page.on('requestfinished', (request) => {
			finished.push(
				request.sizes().then((sizes) => {
					const type = request.resourceType();
					byType.set(type, (byType.get(type) ?? 0) + sizes.responseBodySize + sizes.responseHeadersSize);
					if (type === 'image') image = new URL(request.url()).pathname;
				})
			);
		});
		const response = await page.goto(url, { waitUntil: 'load' });
		if (response?.status() !== 200) throw new Error(`${url}: ${response?.status()}`);
		await page.waitForLoadState('networkidle');
		await Promise.all(finished);
		return { total: [...byType.values()].reduce((a, b) => a + b, 0), byType, image };
	} finally {
		await context.close();
	}
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const dataDir = mkdtempSync(join(tmpdir(), 'arts-bench-exhibition-'));
try {
	await (await startServer({}, { keepDataDir: dataDir })).stop();
	await seed(dataDir);
	const server = await startServer({}, { keepDataDir: dataDir });
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
	try {
		const overview = await load(browser, `${server.origin}/exhibitions/${slug}`);
		console.log(`  overview of ${works} works: ${kb(overview.total)} in all (${[...overview.byType].map(([t, b]) => `${t} ${kb(b)}`).join(', ')})`);
		const pages: (Loaded & { n: number })[] = [];
		for (let n = 1; n <= works; n++) pages.push({ n, ...(await load(browser, `${server.origin}/exhibitions/${slug}/${n}`)) });
		const totals = pages.map((p) => p.total).sort((a, b) => a - b);
		const largest = pages.reduce((a, b) => (b.total > a.total ? b : a));
		const part = (type: string) => kb(largest.byType.get(type) ?? 0);
		console.log(`  work pages, cold, 360 px at 2×, Save-Data: median ${kb(totals[totals.length >> 1]!)}, largest ${kb(largest.total)} (page ${largest.n}: document ${part('document')}, CSS ${part('stylesheet')}, script ${part('script')}, image ${part('image')} ${largest.image})`);
		const over = pages.filter((p) => p.total >= budget);
		console.log(`  ${over.length} of ${works} work pages at or over 60 KB (goal: none)${over.length ? `: ${over.map((p) => p.n).join(', ')}` : ''}`);
	} finally {
		await browser.close();
		await server.stop();
	}
} finally {
	rmSync(dataDir, { recursive: true, force: true });
}
