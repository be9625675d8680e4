/**
 * Two app processes behind nginx, on one database and one storage, as the
 * README's "Scaling out" has it (issue 17). Every request goes through nginx;
 * `X-Test-Upstream` picks the process where a step must happen on one of them.
 *
 * With TEST_DATABASE_URL the processes share a new PostgreSQL database; without,
 * one SQLite file in a shared data folder (two processes on one machine). With
 * TEST_S3_ENDPOINT they keep files in a new bucket and (on PostgreSQL) each has a
 * data folder of its own; without, they share the data folder's files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/i18n/locales';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/connect';
import type { Database } from '../../src/lib/server/db/schema';
import type { S3Config } from '../../src/lib/server/platform/config';
import { createTestDatabase } from '../../src/lib/server/db/test-database';
import { startLoadBalancer, type LoadBalancer } from '../support/load-balancer';
import { freePort, startServer, type RunningServer } from '../support/server';
import { s3Environment, storedKeys, testBucketFor } from '../support/s3';
import { startSmtpSink } from '../support/smtp';
import { createStaff, signedIn, staffPassword, type AdminClient } from '../support/staff';
import { solid } from '../support/test-images';
import { waitFor } from '../support/waiting';

const signUpsPerAddress = 4;

let balancer: LoadBalancer;
const processes: RunningServer[] = [];
let env: Record<string, string>;
let dataDirs: string[];
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let handle: DatabaseHandle;
let db: Kysely<Database>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let editor: AdminClient;
let site: { origin: string; databaseUrl?: string; dataDir: string };
let consentVersion: string;
let bucket: S3Config | undefined;

/** Starts (or starts again) process n with the shared settings and its data folder. */
async function startProcess(n: number, port?: number): Promise<RunningServer> {
	const server = await startServer(env, { keepDataDir: dataDirs[n], port });
	processes[n] = server;
	return server;
}

interface Answer {
	status: number;
	body: string;
	upstream: string;
}

/** One request through nginx from a loopback address of its own (so nginx and the app see that address as the visitor's). */
function send(
	path: string,
	options: { method?: string; form?: Record<string, string>; from?: string; upstream?: number; headers?: Record<string, string> } = {}
): Promise<Answer> {
	const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
	return new Promise((resolve, reject) => {
		const req = request(
			{
				host: '127.0.0.1',
				port: balancer.port,
				path,
				method: options.method ?? (body ? 'POST' : 'GET'),
				localAddress: options.from ?? '127.0.0.1',
				agent: false,
				headers: {
					host: `localhost:${balancer.port}`,
					...(body ? { 'content-type': 'application/x-www-form-urlencoded', origin: balancer.origin, accept: 'text/html' } : {}),
					...(options.upstream === undefined ? {} : { 'x-test-upstream': String(options.upstream) }),
					...options.headers
				}
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), upstream: String(res.headers['x-upstream'] ?? '') }));
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

const signUp = (email: string, from: string, upstream?: number) =>
	send('/newsletter', { form: { form: 'short', source: '/newsletter', email, consent: 'yes', consent_version: consentVersion }, from, upstream });

/** A different loopback address for each number, so each sign-up counts for its own visitor. */
const visitor = (n: number) => `127.${20 + Math.floor(n / 250)}.${n % 250}.${1 + (n % 7)}`;

beforeAll(async () => {
	database = await createTestDatabase({ migrate: false });
	if (database.url === undefined) await database.dispose();
	// Files in a bucket (with TEST_S3_*): one new bucket for both, and each process a data folder of its own.
	// On the disk: one folder for both, as on a shared volume.
	const shared = mkdtempSync(join(tmpdir(), 'arts-scale-'));
	bucket = await testBucketFor(shared);
	dataDirs = bucket && database.url ? [mkdtempSync(join(tmpdir(), 'arts-scale-a-')), mkdtempSync(join(tmpdir(), 'arts-scale-b-'))] : [shared, shared];
	smtp = await startSmtpSink();
	const balancerPort = await freePort();
	env = {
		...(database.url ? { DATABASE_URL: database.url } : {}),
		...(bucket ? s3Environment(bucket) : {}),
		ORIGIN: `http://localhost:${balancerPort}`,
		// What the README says to set behind one proxy.
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1',
		// Every process signs the same sessions and links.
		AUTH_SECRET: 'a shared secret for every process of this site, 32+ characters long',
		SMTP_URL: smtp.url,
		NEWSLETTER_SIGNUPS_PER_IP: String(signUpsPerAddress),
		NEWSLETTER_SIGNUPS_PER_HOUR: '100000',
		SHUTDOWN_TIMEOUT: '10'
	};
	// Both at once on an empty database: the migrations run once, under a lock.
	await Promise.all([startProcess(0), startProcess(1)]);
	balancer = await startLoadBalancer(balancerPort, processes.map((p) => p.port));
	handle = await openDatabase({ databaseUrl: database.url, sqlitePath: join(shared, 'site.sqlite') });
	db = handle.db;
	consentVersion = String((await db.selectFrom('newsletter_consent_text').select('version').orderBy('version', 'desc').executeTakeFirstOrThrow()).version);
	site = { origin: balancer.origin, databaseUrl: database.url, dataDir: dataDirs[0]! };
	editor = await signedIn(site, 'editor@example.org', 'editor');
}, 120_000);

afterAll(async () => {
	await balancer?.stop();
	await Promise.all(processes.map((p) => p.stop()));
	await handle?.close();
	if (database?.url) await database.dispose();
	await smtp?.close();
	for (const dir of new Set(dataDirs ?? [])) rmSync(dir, { recursive: true, force: true });
});

describe('two processes behind nginx', () => {
	it('both started on the empty database, and the migrations ran once', async () => {
		const applied = await db.selectFrom('kysely_migration' as never).select('name' as never).execute();
		const names = applied.map((row) => (row as { name: string }).name);
		expect(names.length).toBeGreaterThan(10);
		expect(new Set(names).size).toBe(names.length);
		for (const n of [0, 1]) expect((await send('/readyz', { upstream: n })).status).toBe(200);
	});

	it('shares the staff session: signed in through one, the admin opens on the other', async () => {
		const seen = new Set<string>();
		for (const n of [0, 1, 0, 1]) {
			const response = await editor.get('/admin/media', { 'x-test-upstream': String(n) });
			expect(response.status, `process ${n}`).toBe(200);
			seen.add(response.headers.get('x-upstream') ?? '');
		}
		expect(seen).toEqual(new Set(processes.map((p) => `127.0.0.1:${p.port}`)));
	});

	it('shows a page published on one process on the other within a second', async () => {
		const title = `About us, published through one process ${Date.now()}`;
		// The other process has the page in its cache.
		expect((await send('/about', { upstream: 1 })).body).not.toContain(title);
		const published = await editor.post('/admin/content/page/about?/publish', await aboutForm(title), { headers: { 'x-test-upstream': '0' } });
		expect(published.status).toBe(200);
		expect(await published.text()).toContain('published');
		const start = performance.now();
		await waitFor(async () => (await send('/about', { upstream: 1 })).body.includes(title), 3000);
		const elapsed = performance.now() - start;
		expect(elapsed, `seen after ${Math.round(elapsed)} ms`).toBeLessThan(1000);
		expect((await send('/about', { upstream: 0 })).body).toContain(title);
	});

	it('serves a photo uploaded through one process from the other', { timeout: 60_000 }, async () => {
		const bytes = await solid(900, 600, '#0f766e').jpeg().toBuffer();
		const uploaded = await editor.post(
			'/admin/media?/upload',
			{ file: new File([new Uint8Array(bytes)], 'wall.jpg', { type: 'image/jpeg' }), 'alt.en': 'A green wall, uploaded through one process' },
			{ headers: { 'x-test-upstream': '0' } }
		);
		expect(uploaded.status).toBe(303);
		const id = Number((uploaded.headers.get('location') ?? '').split('=')[1]);
		await waitFor(async () => (await db.selectFrom('media').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status !== 'processing', 30_000);
		const media = await db.selectFrom('media').select(['status', 'public_key']).where('id', '=', id).executeTakeFirstOrThrow();
		expect(media.status).toBe('ready');
		const path = `/media/${media.public_key}/320.jpg`;
		const fromEach = [];
		for (const n of [1, 0]) {
			const response = await editor.get(path, { 'x-test-upstream': String(n) });
			expect(response.status, `process ${n}`).toBe(200);
			fromEach.push(Buffer.from(await response.arrayBuffer()));
		}
		expect(fromEach[0]!.length).toBeGreaterThan(500);
		expect(fromEach[0]!.equals(fromEach[1]!)).toBe(true);
		// Where the files are: in the bucket, when there is one; never only in one process's folder.
		expect(await storedKeys({ dataDir: dataDirs[0]!, s3: bucket }, `media/${id}/`)).toContain(`media/${id}/320.jpg`);
		if (bucket) expect(await storedKeys({ dataDir: dataDirs[0]!, s3: undefined }, `media/${id}/`)).toEqual([]);
	});

	it('runs each job once: every sign-up, through either process, gets one confirmation', { timeout: 60_000 }, async () => {
		const emails = Array.from({ length: 24 }, (_, i) => `once${i}@example.org`);
		const answers = await Promise.all(emails.map((email, i) => signUp(email, visitor(1000 + i))));
		expect(answers.map((a) => a.status)).toEqual(emails.map(() => 200));
		expect(new Set(answers.map((a) => a.upstream)).size).toBe(2);
		const confirmationsTo = (email: string) => smtp.messages.filter((m) => m.envelopeTo.includes(email)).length;
		// A job is claimed (its attempts counted) before it runs and marked done after: once every mail job is
		// done after one attempt, no job ran twice, on one process or across both.
		const mailJobs = () => db.selectFrom('job').select(['status', 'attempts']).where('kind', '=', 'mail.send').execute();
		await waitFor(async () => (await mailJobs()).every((job) => job.status === 'done'), 20_000);
		const jobs = await mailJobs();
		expect(jobs.length).toBeGreaterThanOrEqual(emails.length);
		expect(jobs.filter((job) => job.attempts !== 1)).toEqual([]);
		expect(emails.map(confirmationsTo)).toEqual(emails.map(() => 1));
	});

	it('counts rate limits and the sign-in lock across both processes', async () => {
		const from = visitor(2000);
		for (let i = 0; i < signUpsPerAddress; i++) expect((await signUp(`limited${i}@example.org`, from, i % 2)).status).toBe(200);
		for (const n of [0, 1]) expect((await signUp(`over${n}@example.org`, from, n)).status, `process ${n}`).toBe(429);

		const email = 'lock@example.org';
		const person = await createStaff(site, email, 'editor');
		for (let i = 0; i < 5; i++) {
			const wrong = await person.post('/admin/login', { email, password: `not the password ${i}`, next: '/admin' }, { headers: { 'x-test-upstream': String(i % 2) } });
			expect(wrong.status).toBe(400);
		}
		for (const n of [0, 1]) {
			const locked = await person.post('/admin/login', { email, password: staffPassword, next: '/admin' }, { headers: { 'x-test-upstream': String(n) } });
			expect(locked.status, `process ${n}`).toBe(429);
			expect(await locked.text()).toContain('locked for a while');
		}
	});

	it('keeps answering while one process drains on SIGTERM, and that process exits with 0', { timeout: 60_000 }, async () => {
		const { results, stop } = loadOf(() => send('/about'), 6);
		try {
			await waitFor(() => results.length >= 20, 10_000);
			const exited = processes[0]!.stop('SIGTERM');
			expect(await exited).toBe(0);
			const atExit = results.length;
			await waitFor(() => results.length >= atExit + 20, 10_000);
		} finally {
			await stop();
		}
		expect(results.filter((r) => r !== 200)).toEqual([]);
		await startProcess(0, processes[0]!.port);
	});

	it('loses no acknowledged sign-up when one process is killed mid-load, and the other keeps answering', { timeout: 60_000 }, async () => {
		let n = 3000;
		const acknowledged: string[] = [];
		const { results, stop } = loadOf(async () => {
			const i = n++;
			const email = `load${i}@example.org`;
			const answer = await signUp(email, visitor(i));
			if (answer.status === 200) acknowledged.push(email);
			return answer.status;
		}, 8);
		let killedAt = 0;
		try {
			await waitFor(() => acknowledged.length >= 20, 20_000);
			killedAt = results.length;
			processes[1]!.process.kill('SIGKILL');
			await waitFor(() => results.slice(killedAt).filter((status) => status === 200).length >= 20, 20_000);
		} finally {
			await stop();
		}
		const afterKill = results.slice(killedAt);
		expect(afterKill.filter((status) => status === 200).length, 'sign-ups answered after the kill').toBeGreaterThanOrEqual(20);
		const stored = new Set(
			(await db.selectFrom('subscriber').select('email').where('email', 'in', acknowledged).execute()).map((row) => row.email)
		);
		expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);
		for (let i = 0; i < 10; i++) {
			const answer = await send('/about');
			expect(answer.status, `from ${answer.upstream}; nginx said: ${balancer.errors().slice(-2000)}`).toBe(200);
		}
		await processes[1]!.stop();
	});

	it('both processes drain and exit with 0 on SIGTERM', { timeout: 60_000 }, async () => {
		if (processes[1]!.process.exitCode !== null || processes[1]!.process.signalCode !== null) await startProcess(1, processes[1]!.port);
		const codes = await Promise.all(processes.map((p) => p.stop('SIGTERM')));
		expect(codes).toEqual([0, 0]);
	});
});

/** The about page's edit form with a new English title. */
async function aboutForm(title: string): Promise<Record<string, string>> {
	const page = await db.selectFrom('page').selectAll().where('key', '=', 'about').executeTakeFirstOrThrow();
	const latest = await db.selectFrom('content_revision').select('id').where('item_type', '=', 'page').where('item_key', '=', 'about').orderBy('id', 'desc').executeTakeFirst();
	const fields: Record<string, string> = { base: latest ? String(latest.id) : '', image_id: page.image_id ? String(page.image_id) : '' };
	for (const name of ['title', 'summary', 'body'] as const) {
		const texts = JSON.parse(page[name]) as Record<string, string>;
		for (const locale of locales) fields[`${name}.${locale}`] = texts[locale] ?? '';
	}
	fields['title.en'] = title;
	return fields;
}

/** Requests from `workers` loops at once until stopped; each result is a status, or 0 for a failed connection. */
function loadOf(one: () => Promise<number | Answer>, workers: number) {
	const results: number[] = [];
	let running = true;
	const loops = Array.from({ length: workers }, async () => {
		while (running) {
			try {
				const result = await one();
				results.push(typeof result === 'number' ? result : result.status);
			} catch {
				results.push(0);
			}
		}
	});
	return {
		results,
		async stop() {
			running = false;
			await Promise.all(loops);
		}
	};
}

