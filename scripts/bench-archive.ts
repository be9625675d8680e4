/**
 * The archive at the size of a long-lived organization: 1,000 published
 * initiatives with 3,000 places (every country, random coordinates), written
 * straight into a seeded SQLite database, then /initiatives served under load
 * from the page cache and rendered for staff (wrk, outside the server's
 * process), with the page's compressed bytes, the map included.
 *
 * Used by scripts/bench.ts; `startServer` is the bench's own.
 */
import { DatabaseSync } from 'node:sqlite';
import { randomUUID } from 'node:crypto';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { startNginx, wrk } from './bench-load.ts';

interface Served {
	origin: string;
	stop(): Promise<void>;
}

/** Countries the bench's places fall in (the count of countries does not change what the page costs). */
const countryCodes = 'AR AT AU BD BO BR CA CL CN CO DE EG ES ET FJ FR GB GH ID IN IT JP KE KH LK MA MX MY NG NP NZ PE PG PH PK PT SG TH TZ UG US VN ZA'.split(' ');

/** A small deterministic random source, so two runs bench the same archive. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Adds `count` initiatives with three places each to the database in `dataDir` (the server must be stopped). */
export function fillArchive(dataDir: string, count: number): void {
	const db = new DatabaseSync(join(dataDir, 'site.sqlite'));
	const next = random(14);
	const kinds = (db.prepare('select id from initiative_kind').all() as { id: number }[]).map((k) => k.id);
	const now = new Date().toISOString();
	const insertInitiative = db.prepare(
		`insert into initiative (slug, kind_id, program_id, title, summary, body, theme, start_date, end_date, start_year, end_year, figures, participants, credits, gallery, cover_media_id, call_ids, published_at, updated_at)
		 values (?, ?, null, ?, ?, ?, '{"en":""}', ?, ?, ?, ?, '[]', 0, '[]', '[]', null, '[]', ?, ?) returning id`
	);
	const insertPlace = db.prepare('insert into initiative_place (initiative_id, position, name, city, country, latitude, longitude, virtual) values (?, ?, ?, ?, ?, ?, ?, 0)');
	db.exec('begin');
	for (let i = 0; i < count; i++) {
		const year = 2013 + Math.floor(next() * 13);
		const start = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
		const title = JSON.stringify({ en: `Open-air gallery number ${i + 1}`, es: `Galería al aire libre número ${i + 1}` });
		const summary = JSON.stringify({ en: 'Laneway walls, a projection and a weekend of workshops with local artists.' });
		const body = JSON.stringify({ en: '<p>Artists and neighbours turned a street into a gallery for a week.</p>' });
		const row = insertInitiative.get(`bench-${i + 1}`, kinds[i % kinds.length]!, title, summary, body, start, start, year, year, now, now) as { id: number };
		for (let p = 0; p < 3; p++) {
			const country = countryCodes[Math.floor(next() * countryCodes.length)]!;
			insertPlace.run(row.id, p, `Wall ${p + 1}`, `Town ${i + 1}-${p + 1}`, country, -55 + next() * 130, -180 + next() * 360);
		}
	}
	db.prepare("insert into app_meta (key, value) values ('site_version', ?) on conflict(key) do update set value = excluded.value").run(randomUUID());
	db.exec('commit');
	db.close();
}

export async function benchArchive(server: Served, seconds: number, freePort: () => Promise<number>): Promise<void> {
	const url = `${server.origin}/initiatives`;
	const body = Buffer.from(await (await fetch(url)).arrayBuffer());
	const markers = (body.toString('utf8').match(/<a href="\/initiatives\/[^"]+" aria-label=/g) ?? []).length;
	console.log(
		`  /initiatives: ${(body.byteLength / 1024).toFixed(1)} KB of HTML, ${(gzipSync(body).byteLength / 1024).toFixed(1)} KB gzip, ${(brotliCompressSync(body).byteLength / 1024).toFixed(1)} KB brotli; ${markers} markers on the map`
	);
	// The ceiling in the same run: nginx serving the same bytes as a file.
	const nginx = await startNginx({ 'initiatives.html': body }, await freePort());
	try {
		const ceiling = await wrk(nginx.url('initiatives.html'), seconds);
		console.log(`  nginx, the same page as a file: ${ceiling.rps.toFixed(0).padStart(6)} req/s, p99 ${ceiling.p99Ms.toFixed(2)} ms`);
		const cached = await wrk(url, seconds);
		console.log(`  cached:   ${cached.rps.toFixed(0).padStart(6)} req/s, p99 ${cached.p99Ms.toFixed(2)} ms${cached.errors ? `, ${cached.errors} errors` : ''} (${(cached.rps / ceiling.rps).toFixed(2)} × nginx)`);
	} finally {
		nginx.stop();
	}
	// A staff session's cookie: the page is rendered for every request, map and all.
	const rendered = await wrk(url, seconds, { Cookie: 'arts.session_token=bench' });
	console.log(`  rendered: ${rendered.rps.toFixed(0).padStart(6)} req/s, p99 ${rendered.p99Ms.toFixed(2)} ms${rendered.errors ? `, ${rendered.errors} errors (timeouts)` : ''}`);
	const filtered = await wrk(`${url}?year=2020`, seconds, { Cookie: 'arts.session_token=bench' });
	console.log(`  rendered, filtered by year: ${filtered.rps.toFixed(0).padStart(6)} req/s, p99 ${filtered.p99Ms.toFixed(2)} ms`);
}
