/**
 * Where a rendered public page's time goes: starts the built server with
 * `--cpu-prof`, loads one address with wrk (50 connections, a staff cookie so
 * that every request is rendered, not answered from the page cache), stops the
 * server and sorts the profile's samples by the part of the work they belong to.
 *
 *   npx tsx scripts/profile-rendered.ts [/address] [seconds]
 *   SERVER_ENTRY=<checkout>/build/index.js npx tsx scripts/profile-rendered.ts   (an older build)
 *   ARCHIVE=1000 npx tsx scripts/profile-rendered.ts /initiatives   (with the bench's archive of 1,000 initiatives)
 *
 * Each sample counts for the innermost frame it was taken in (its self time),
 * placed by the file that frame comes from. Built-in functions (Intl, JSON)
 * count for the code that called them. Start-up is left out: only samples taken
 * while wrk ran count.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfNeeded, root, serverEntry as builtEntry, serverNodeFlags } from './build-if-needed.ts';
import { ensureTools, wrk } from './bench-load.ts';
import { fillArchive } from './bench-archive.ts';
import { freePort } from '../tests/support/server.ts';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
	startTime: number;
}

const address = process.argv[2] ?? '/calls';
// SERVER_ENTRY: another checkout's entry, to profile it the same way (its build/index.js before the server entry existed).
const serverEntry = process.env.SERVER_ENTRY ?? builtEntry;
const seconds = Number(process.argv[3] ?? 10);

/** First match wins: file or function → part of the work. */
const parts: [string, RegExp][] = [
	['localizing addresses (Paraglide, URLPattern)', /paraglide|chunks\/runtime\.js|^URLPattern$/],
	['compression (zlib)', /node:zlib|^zlib/],
	// node:sqlite's statements run inside the app's small adapter (db/node-sqlite.ts, bundled into app.js).
	['database (SQLite, Kysely)', /kysely|sqlite|node-sqlite|\bdb\/|app\.js[^ ]* (all|run|iterate|prepare)$/],
	['serializing load data (devalue; unused with csr off)', /chunks\/shared\.js/],
	['Svelte rendering', /\.svelte\.js|chunks\/server\.js|chunks\/internal2?\.js/],
	['Request/Response (undici, adapter-node)', /undici|node\/index\.js|handler-.*\.js|webidl/],
	['SvelteKit routing and rendering', /chunks\/index\.js|chunks\/exports\.js|manifest\.js/],
	['hooks (cache, headers, locale)', /hooks\.server\.js/],
	['app code (loads, views, the Intl formatters they make)', /chunks\/app\.js|-route\.js|\.server\.ts\.js|nodes\/|locales|messages/],
	['HTTP and sockets (Node)', /node:_http|node:net|_http_|stream|writev|node:internal\/(streams|http)|llhttp/],
	['other', /./]
];

function partOf(node: ProfileNode): string {
	const { url, functionName } = node.callFrame;
	if (functionName === '(idle)') return 'idle';
	if (functionName === '(garbage collector)') return 'garbage collection';
	if (functionName === '(program)') return 'other';
	const name = url ? `${url} ${functionName}` : functionName;
	return parts.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';
}

async function start(dataDir: string, flags: string[]) {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const spawnedAt = Date.now();
	const child = spawn(process.execPath, [...serverNodeFlags, ...flags, serverEntry], {
		cwd: root,
		env: { MALLOC_ARENA_MAX: '2', DEMO_PHOTOS: 'off', ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
		stdio: 'inherit'
	});
	for (let tries = 0; ; tries++) {
		try {
			if ((await fetch(`${origin}/healthz`)).ok) break;
		} catch {
			// not listening yet
		}
		if (tries > 600) throw new Error('the server did not start');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return { child, origin, spawnedAt };
}

async function main(): Promise<void> {
	ensureTools();
	if (!buildIfNeeded()) process.exit(1);
	const dir = mkdtempSync(join(tmpdir(), 'arts-profile-'));
	const dataDir = join(dir, 'data');
	const archive = Number(process.env.ARCHIVE ?? 0);
	if (archive > 0) {
		// A first start migrates and seeds; the archive is written while the server is down.
		const first = await start(dataDir, []);
		first.child.kill('SIGINT');
		await new Promise((resolve) => first.child.once('exit', resolve));
		fillArchive(dataDir, archive);
	}
	const { child, origin, spawnedAt } = await start(dataDir, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
	const headers = { Cookie: 'arts.session_token=profile' };
	await wrk(origin + address, 3, headers); // warm-up: the JIT, the per-version readings
	const loadStart = Date.now();
	const { rps, p99Ms } = await wrk(origin + address, seconds, headers);
	const loadEnd = Date.now();
	child.kill('SIGINT');
	await new Promise((resolve) => child.once('exit', resolve));

	const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
	if (!file) throw new Error('no profile was written');
	const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
	rmSync(dir, { recursive: true, force: true });

	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const totals = new Map<string, number>();
	const others = new Map<string, number>();
	// The profile starts with the process (within some milliseconds): the load's window in its clock.
	let time = profile.startTime;
	const windowStartUs = profile.startTime + (loadStart - spawnedAt) * 1000;
	const windowEndUs = profile.startTime + (loadEnd - spawnedAt) * 1000;
	let counted = 0;
	profile.samples.forEach((id, index) => {
		time += profile.timeDeltas[index] ?? 0;
		if (time < windowStartUs || time > windowEndUs) return;
		const node = byId.get(id)!;
		const part = partOf(node);
		totals.set(part, (totals.get(part) ?? 0) + 1);
		if (part === 'other') {
			const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-2).join('/')}`;
			others.set(name, (others.get(name) ?? 0) + 1);
		}
		counted++;
	});
	const busy = counted - (totals.get('idle') ?? 0);
	console.log(`${address} rendered (staff cookie), wrk -t2 -c50 -d${seconds}s: ${rps.toFixed(0)} req/s, p99 ${p99Ms.toFixed(0)} ms`);
	console.log(`${counted} samples while loaded, ${busy} busy; per request about ${((busy / counted) * (seconds * 1000) / (rps * seconds)).toFixed(2)} ms of the main thread\n`);
	console.log(`| ${'part of the work'.padEnd(54)} | share of busy time |`);
	console.log(`| ${'-'.repeat(54)} | ------------------ |`);
	for (const [part, count] of [...totals].filter(([part]) => part !== 'idle').sort((a, b) => b[1] - a[1])) {
		console.log(`| ${part.padEnd(54)} | ${`${((100 * count) / busy).toFixed(1)} %`.padStart(18)} |`);
	}
	console.log('\nThe largest in "other":');
	for (const [name, count] of [...others].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${((100 * count) / busy).toFixed(1).padStart(5)} %  ${name}`);
}

await main();
