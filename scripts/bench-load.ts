/**
 * Load on the built server, measured from outside its process with wrk, beside
 * nginx serving the same bytes as a file in the same run (the ceiling: this
 * machine is noisy, so only ratios within one run compare). Part of `npm run
 * bench`; installs wrk and nginx (Debian's packages) when they are missing.
 *
 * Reports, per address: requests per second, p50 and p99, errors, and the ratio
 * to nginx; then the server's memory (RSS) before, during and after a minute of
 * mixed load, and 30 s after it stopped.
 */
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A process's resident memory (RSS) in MB, as Linux reports it. */
export function rssMbOf(pid: number | string | undefined): number {
	return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

export interface LoadTarget {
	origin: string;
	rssMb: () => number;
}

interface WrkResult {
	rps: number;
	p50Ms: number;
	p99Ms: number;
	errors: number;
}

const connections = 50;

/** wrk and nginx from Debian's packages, installed when missing (the bench runs as root on the project's machines). */
export function ensureTools(): void {
	const missing = ['wrk', 'nginx'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool} || test -x /usr/sbin/${tool}`]).status !== 0);
	if (missing.length === 0) return;
	console.log(`Installing ${missing.join(' and ')} (Debian packages)…`);
	spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
	const installed = spawnSync('apt-get', ['install', '-y', '-qq', ...missing.map((tool) => (tool === 'nginx' ? 'nginx-light' : tool))], {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	});
	if (installed.status !== 0) throw new Error(`Could not install ${missing.join(', ')}: run apt-get install ${missing.join(' ')}`);
}

function parseDuration(text: string): number {
	const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
	if (!match) return NaN;
	const value = Number(match[1]);
	return match[2] === 'us' ? value / 1000 : match[2] === 'ms' ? value : match[2] === 's' ? value * 1000 : value * 60_000;
}

/** Runs wrk against `url` (`script`: a Lua file for mixed requests) and reads its report. */
export function wrk(url: string, seconds: number, headers: Record<string, string> = {}, script?: string): Promise<WrkResult> {
	const args = ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', '-H', 'Accept-Encoding: gzip'];
	for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
	if (script) args.push('-s', script);
	args.push(url);
	return new Promise((resolve, reject) => {
		const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.on('error', reject);
		child.on('exit', () => {
			const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
			const p50Ms = parseDuration(/\s50%\s+(\S+)/.exec(out)?.[1] ?? '');
			const p99Ms = parseDuration(/\s99%\s+(\S+)/.exec(out)?.[1] ?? '');
			const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
			const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
			const errors = non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
			resolve({ rps, p50Ms, p99Ms, errors });
		});
	});
}

/**
 * A second opinion on the rendered pages' tail: 50 keep-alive connections from
 * Node's own HTTP client in the bench's process (still outside the server's).
 * On this 2-core machine wrk's p99 for rendered pages was several times what
 * the server itself measured; this client paces itself differently.
 */
async function nodeClient(url: string, seconds: number, headers: Record<string, string> = {}): Promise<WrkResult> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
	const latencies: number[] = [];
	let errors = 0;
	const until = Date.now() + seconds * 1000;
	const once = () =>
		new Promise<void>((resolve) => {
			const started = performance.now();
			const request = http.get(url, { agent, headers: { 'accept-encoding': 'gzip', ...headers } }, (response) => {
				response.resume();
				response.on('end', () => {
					if (response.statusCode === 200) latencies.push(performance.now() - started);
					else errors++;
					resolve();
				});
			});
			request.on('error', () => {
				errors++;
				resolve();
			});
		});
	await Promise.all(
		Array.from({ length: connections }, async () => {
			while (Date.now() < until) await once();
		})
	);
	agent.destroy();
	latencies.sort((a, b) => a - b);
	const at = (share: number) => latencies[Math.floor(share * (latencies.length - 1))] ?? NaN;
	return { rps: latencies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99), errors };
}

/** nginx serving `files` (name → bytes, each also as .gz) from a folder of its own on a loopback port. */
export async function startNginx(files: Record<string, Buffer>, port: number): Promise<{ url: (name: string) => string; stop: () => void }> {
	const dir = mkdtempSync(join(tmpdir(), 'arts-nginx-'));
	// nginx's workers run as an unprivileged user: they must be able to read the files.
	chmodSync(dir, 0o755);
	const site = join(dir, 'site');
	mkdirSync(site, { mode: 0o755 });
	for (const [name, bytes] of Object.entries(files)) {
		writeFileSync(join(site, name), bytes);
		writeFileSync(join(site, `${name}.gz`), gzipSync(bytes, { level: 9 }));
	}
	const config = join(dir, 'nginx.conf');
	writeFileSync(
		config,
		`daemon off;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
	default_type text/html;
	gzip_static on;
	etag on;
	server { listen 127.0.0.1:${port}; root ${site}; }
}
`
	);
	const nginx = spawn('nginx', ['-c', config, '-p', dir], { stdio: 'inherit' });
	const first = Object.keys(files)[0]!;
	for (let tries = 0; ; tries++) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/${first}`)).ok) break;
		} catch {
			// not listening yet
		}
		if (tries > 100) throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8').slice(-500)}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return {
		url: (name) => `http://127.0.0.1:${port}/${name}`,
		stop: () => {
			nginx.kill('SIGQUIT');
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

const pad = (text: string, width: number) => text.padEnd(width);
const num = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** The load part of the bench against a running server; `freePort` gives nginx its port. */
export async function loadBench(target: LoadTarget, freePort: () => Promise<number>, seconds = 10): Promise<void> {
	ensureTools();
	const home = Buffer.from(await (await fetch(`${target.origin}/`)).arrayBuffer());
	const homeHtml = home.toString('utf8');
	const css = /<link href="([^"]+\.css)" rel="stylesheet"/.exec(homeHtml)?.[1];
	const nginx = await startNginx({ 'home.html': home }, await freePort());
	const rows: { what: string; result: WrkResult }[] = [];
	const rss: { when: string; mb: number }[] = [{ when: 'before the load', mb: target.rssMb() }];
	try {
		const runs: { what: string; url: string; headers?: Record<string, string> }[] = [
			{ what: 'nginx: the same page as a file', url: nginx.url('home.html') },
			{ what: '/ (page cache, fast path)', url: `${target.origin}/` },
			{ what: '/ne/about (page cache)', url: `${target.origin}/ne/about` },
			{ what: '/calls (cached a minute)', url: `${target.origin}/calls` },
			{ what: '/?x=1 (query no page reads)', url: `${target.origin}/?x=1` },
			{ what: '/ with a cookie (not staff)', url: `${target.origin}/`, headers: { Cookie: 'theme=dark' } },
			{ what: '/ rendered (staff cookie)', url: `${target.origin}/`, headers: { Cookie: 'arts.session_token=bench' } },
			{ what: '/calls rendered (staff cookie)', url: `${target.origin}/calls`, headers: { Cookie: 'arts.session_token=bench' } },
			...(css ? [{ what: 'hashed CSS file (fast path)', url: `${target.origin}${css}` }] : [])
		];
		// Warm-up: every address once, and the JIT a few seconds.
		for (const run of runs) await fetch(run.url, { headers: { 'accept-encoding': 'gzip', ...run.headers } });
		await wrk(`${target.origin}/`, 3);
		for (const run of runs) {
			process.stderr.write(`  ${run.what}…\n`);
			rows.push({ what: run.what, result: await wrk(run.url, seconds, run.headers) });
			if (run.what.includes('rendered')) rows.push({ what: `  the same, Node's HTTP client`, result: await nodeClient(run.url, seconds, run.headers) });
			rss.push({ when: `after ${run.what}`, mb: target.rssMb() });
		}

		// The server gives memory back once it has been quiet ten seconds (IDLE_COLLECT_AFTER): the minute starts from there.
		await new Promise((resolve) => setTimeout(resolve, 15_000));
		rss.push({ when: '15 s after those runs', mb: target.rssMb() });

		// A minute of mixed load: cached pages in four languages, query strings, and rendered pages.
		const script = join(mkdtempSync(join(tmpdir(), 'arts-wrk-')), 'mix.lua');
		const mix = ['/', '/ne', '/id/about', '/es/manifesto', '/calls', '/?utm_source=a', '/ne/calls?x=2', '/donate', '/privacy', '/id/donate/transparency'];
		writeFileSync(
			script,
			`local paths = { ${mix.map((path) => `"${path}"`).join(', ')} }
local n = 0
request = function()
	n = n + 1
	local headers = { ["Accept-Encoding"] = "gzip" }
	if n % 10 == 0 then headers["Cookie"] = "arts.session_token=bench" end
	return wrk.format("GET", paths[(n % #paths) + 1], headers)
end
`
		);
		process.stderr.write('  a minute of mixed load…\n');
		let peak = target.rssMb();
		const sampler = setInterval(() => (peak = Math.max(peak, target.rssMb())), 250);
		const mixed = await wrk(`${target.origin}/`, 60, {}, script);
		clearInterval(sampler);
		rows.push({ what: 'a minute of mixed load (1 in 10 rendered)', result: mixed });
		const afterMix = target.rssMb();
		rss.push({ when: 'peak during the minute', mb: peak }, { when: 'right after the minute', mb: afterMix });
		await new Promise((resolve) => setTimeout(resolve, 30_000));
		rss.push({ when: '30 s after the minute', mb: target.rssMb() });
	} finally {
		nginx.stop();
	}

	const ceiling = rows[0]!.result.rps;
	console.log(`\nLoad from outside the process: wrk -t2 -c${connections} -d${seconds}s, Accept-Encoding: gzip (nginx ${spawnSync('nginx', ['-v'], { encoding: 'utf8' }).stderr.trim().replace('nginx version: ', '')}, the ceiling)`);
	console.log(`| ${pad('address', 42)} | ${'req/s'.padStart(7)} | ${'p50 ms'.padStart(7)} | ${'p99 ms'.padStart(7)} | errors | × nginx |`);
	console.log(`| ${'-'.repeat(42)} | ${'-'.repeat(7)} | ${'-'.repeat(7)} | ${'-'.repeat(7)} | ------ | ------- |`);
	for (const { what, result } of rows) {
		console.log(
			`| ${pad(what, 42)} | ${num(result.rps).padStart(7)} | ${num(result.p50Ms, 2).padStart(7)} | ${num(result.p99Ms, 2).padStart(7)} | ${String(result.errors).padStart(6)} | ${num(result.rps / ceiling, 2).padStart(7)} |`
		);
	}
	console.log('Goals: cached / ≥ 15,000 req/s, p99 < 20 ms, ≥ 0.3× nginx; /calls and /?x=1 ≥ 1,500 req/s, p99 < 100 ms.');
	console.log('\nServer memory (RSS):');
	for (const { when, mb } of rss) console.log(`  ${pad(when, 48)} ${num(mb).padStart(5)} MB`);
	console.log('Goals: under 300 MB after the minute; within 50 MB of before the load, 30 s after it.');
}

/** For running alone: `npx tsx scripts/bench-load.ts http://127.0.0.1:3000 <server pid>`. */
if (import.meta.url === `file://${process.argv[1]}`) {
	const [origin, pid] = process.argv.slice(2);
	if (!origin || !pid) throw new Error('usage: bench-load.ts <origin> <server pid>');
	const rssMb = () => rssMbOf(pid);
	const { createServer } = await import('node:net');
	const freePort = () =>
		new Promise<number>((resolve) => {
			const server = createServer().listen(0, '127.0.0.1', () => {
				const address = server.address();
				server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
			});
		});
	await loadBench({ origin, rssMb }, freePort, Number(process.env.BENCH_SECONDS ?? 10));
}
