/**
 * `npm run bench -- scale`: one app process behind nginx against two, on one
 * PostgreSQL database (TEST_DATABASE_URL's server, else the local one), measured
 * from outside with wrk through nginx as the README's production set-up has it,
 * beside nginx serving the same page as a file (the ceiling of this run). For
 * a cached public page and two rendered admin list pages (a signed-in editor's
 * /admin/content and the subscribers' list): requests per second and p99; and each process's memory
 * before, at its peak during, and after the load.
 *
 * On a machine with two cores, wrk, nginx and the app processes share them: a
 * second process can only help where one process leaves a core idle.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { adminQuery } from '../src/lib/server/db/test-database.ts';
import { startLoadBalancer } from '../tests/support/load-balancer.ts';
import { freePort, startServer, type RunningServer } from '../tests/support/server.ts';
import { AdminClient, createUserWithCli, pathOf } from '../tests/support/staff.ts';
import { ensureTools, rssMbOf, startNginx, wrk } from './bench-load.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const serverUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
ensureTools();

const name = `bench_scale_${randomBytes(4).toString('hex')}`;
await adminQuery(serverUrl, `create database ${name}`);
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const dataDir = mkdtempSync(join(tmpdir(), 'arts-bench-scale-'));
const balancerPort = await freePort();
const env = {
	DATABASE_URL: databaseUrl,
	ORIGIN: `http://localhost:${balancerPort}`,
	ADDRESS_HEADER: 'x-forwarded-for',
	XFF_DEPTH: '1',
	AUTH_SECRET: randomBytes(32).toString('base64url'),
	LOG_LEVEL: 'warn'
};

const rssMb = (server: RunningServer) => rssMbOf(server.process.pid);
const fmt = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

const processes: RunningServer[] = [];
try {
	processes.push(await startServer(env, { keepDataDir: dataDir }));
	processes.push(await startServer(env, { keepDataDir: dataDir }));

	// An editor's session, made through nginx at the site's address.
	const email = 'bench-scale@example.org';
	const password = 'paper lanterns over the river';
	const { link } = await createUserWithCli({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ORIGIN: env.ORIGIN }, { email, role: 'editor' });
	const front = await startLoadBalancer(balancerPort, processes.map((p) => p.port));
	const editor = new AdminClient(env.ORIGIN);
	try {
		await editor.post(pathOf(link), { password, confirm: password });
		const signedIn = await editor.signIn(email, password);
		if (signedIn.status !== 303) throw new Error(`signing in answered ${signedIn.status}`);
	} finally {
		await front.stop();
	}
	const cookie = editor.cookieHeader;

	const page = Buffer.from(await (await fetch(`${processes[0]!.origin}/about`, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer());
	const fileServer = await startNginx({ 'about.html': page }, await freePort());
	const rows: { what: string; rps: number; p99: number; errors: number }[] = [];
	const memory: { when: string; mb: number[] }[] = [];
	try {
		const ceiling = await wrk(fileServer.url('about.html'), seconds);
		rows.push({ what: 'nginx: the same page as a file', rps: ceiling.rps, p99: ceiling.p99Ms, errors: ceiling.errors });
		for (const count of [1, 2]) {
			const upstream = processes.slice(0, count);
			const balancer = await startLoadBalancer(await freePort(), upstream.map((p) => p.port));
			try {
				memory.push({ when: `${count} process${count > 1 ? 'es' : ''}: before the load`, mb: upstream.map(rssMb) });
				const peak = upstream.map(rssMb);
				const sampler = setInterval(() => upstream.forEach((p, i) => (peak[i] = Math.max(peak[i]!, rssMb(p)))), 250);
				// Warm-up: the JIT, the page cache.
				await wrk(`http://127.0.0.1:${balancer.port}/about`, 2);
				const runs: { what: string; path: string; headers: Record<string, string> }[] = [
					{ what: '/about (page cache)', path: '/about', headers: {} },
					{ what: '/admin/content (rendered, signed in)', path: '/admin/content', headers: { Cookie: cookie } },
					{ what: '/admin/newsletter/subscribers (rendered)', path: '/admin/newsletter/subscribers', headers: { Cookie: cookie } }
				];
				for (const run of runs) {
					process.stderr.write(`  ${count} × ${run.what}…\n`);
					const result = await wrk(`http://127.0.0.1:${balancer.port}${run.path}`, seconds, { Host: `localhost:${balancerPort}`, ...run.headers });
					rows.push({ what: `${count} process${count > 1 ? 'es' : ''}: ${run.what}`, rps: result.rps, p99: result.p99Ms, errors: result.errors });
				}
				clearInterval(sampler);
				memory.push({ when: `${count} process${count > 1 ? 'es' : ''}: peak during`, mb: peak });
				memory.push({ when: `${count} process${count > 1 ? 'es' : ''}: right after`, mb: upstream.map(rssMb) });
			} finally {
				await balancer.stop();
			}
		}
	} finally {
		fileServer.stop();
	}

	console.log(`Through nginx (round robin, as deploy/nginx-site.conf), wrk -t2 -c50 -d${seconds}s, PostgreSQL, two cores shared by wrk, nginx and the app:`);
	console.log('| what | req/s | p99 ms | errors | × nginx file |');
	console.log('| --- | ---: | ---: | ---: | ---: |');
	for (const row of rows) console.log(`| ${row.what} | ${fmt(row.rps)} | ${fmt(row.p99, 1)} | ${row.errors} | ${fmt(row.rps / rows[0]!.rps, 2)} |`);
	for (const what of ['/about (page cache)', '/admin/content (rendered, signed in)', '/admin/newsletter/subscribers (rendered)']) {
		const one = rows.find((row) => row.what === `1 process: ${what}`);
		const two = rows.find((row) => row.what === `2 processes: ${what}`);
		if (one && two) console.log(`  ${what}: two processes give ${fmt(two.rps / one.rps, 2)}× the requests per second of one; p99 ${fmt(one.p99, 1)} → ${fmt(two.p99, 1)} ms`);
	}
	console.log('Memory (RSS, MB) per process:');
	for (const { when, mb } of memory) console.log(`  ${when.padEnd(36)} ${mb.map((m) => fmt(m).padStart(5)).join(' ')}`);
} finally {
	await Promise.all(processes.map((p) => p.stop()));
	rmSync(dataDir, { recursive: true, force: true });
	await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
}
