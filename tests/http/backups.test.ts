import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/schema';
import type { S3Config } from '../../src/lib/server/platform/config';
import { S3Storage } from '../../src/lib/server/platform/storage/s3-storage';
import { openDatabase } from '../../src/lib/server/db/connect';
import { createTestDatabase } from '../../src/lib/server/db/test-database';
import { parseHtml, startTestServer, textOf, type TestServer } from '../support/http';
import { s3Environment, storageOf, storedKeys, testBucketFor } from '../support/s3';
import { startServer, type RunningServer } from '../support/server';
import { signedIn, type AdminClient } from '../support/staff';
import { solid } from '../support/test-images';
import { waitFor } from '../support/waiting';

/*
 * Backups as an operator and an admin meet them: `npm run backup` and
 * `npm run restore` run as processes against a running site, the restored data
 * folder (and database) served by a new server, which must show the same pages,
 * the same photo bytes and keep the same sessions (so the same secret); and the
 * admin's Backups page with its "Back up now". With TEST_S3_* (.ci/run's S3
 * step) each site keeps its files, and its archives under backups/, in a
 * bucket of its own; the processes get its settings as `npm start` would.
 */

const root = join(import.meta.dirname, '..', '..');

/** Runs one of the npm scripts' files as `npm run` does, with the site's configuration. */
async function run(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
	const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', `${script}.ts`), ...args], {
		cwd: root,
		env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => (stdout += chunk));
	child.stderr.on('data', (chunk) => (stderr += chunk));
	const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
	return { code, stdout, stderr, lastLine: stdout.trim().split('\n').at(-1) ?? '' };
}

/** A site's storage configuration: its data folder, and its bucket when TEST_S3_ENDPOINT is set. */
interface Site {
	dataDir: string;
	s3: S3Config | undefined;
}

/** The environment `npm start` would have for a site: its data folder, bucket and database. */
function siteEnvironment(site: Site, databaseUrl: string | undefined): Record<string, string> {
	return { DATA_DIR: site.dataDir, ...(site.s3 ? s3Environment(site.s3) : {}), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
}

/** Copies one stored object from a site's storage to another's, as an operator moving archives between sites does. */
async function copyStored(key: string, from: Site, to: Site): Promise<void> {
	const source = storageOf(from);
	const target = storageOf(to);
	try {
		const got = await source.get(key);
		if (!got) throw new Error(`There is no ${key} in ${source.location}`);
		await target.put(key, got.body);
	} finally {
		for (const storage of [source, target]) if (storage instanceof S3Storage) storage.close();
	}
}

describe('backups', () => {
	let test: TestServer;
	let db: Kysely<Database>;
	let admin: AdminClient;
	let editor: AdminClient;
	const cleanups: (() => Promise<unknown> | void)[] = [];

	beforeAll(async () => {
		test = await startTestServer();
		db = (await test.openDatabase()).db;
		admin = await signedIn(test, 'admin@backups.example', 'admin');
		editor = await signedIn(test, 'editor@backups.example', 'editor');
	}, 120_000);
	afterAll(async () => {
		for (const cleanup of cleanups.reverse()) await cleanup();
		await test?.stop();
	});

	/**
	 * A configuration for a new, empty site: its own data folder, its own bucket
	 * when the suite keeps files in one (the one a server started on that folder
	 * gets), and its own PostgreSQL database when the suite runs on one.
	 */
	async function emptySite(): Promise<Site & { env: Record<string, string> }> {
		const dataDir = mkdtempSync(join(tmpdir(), 'arts-restored-'));
		cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
		const s3 = await testBucketFor(dataDir);
		if (test.dialect === 'sqlite') return { env: siteEnvironment({ dataDir, s3 }, undefined), dataDir, s3 };
		const database = await createTestDatabase({ migrate: false });
		await database.close();
		cleanups.push(() => database.dispose());
		return { env: siteEnvironment({ dataDir, s3 }, database.url), dataDir, s3 };
	}

	it('the admin lists backups, makes one on "Back up now", and says how to restore', async () => {
		const before = await admin.get('/admin/backups');
		expect(before.status).toBe(200);
		expect(textOf(await before.text())).toContain('No backups yet');

		const asked = await admin.post('/admin/backups?/now', {});
		expect(asked.status).toBe(200);
		await waitFor(async () => (await db.selectFrom('backup_run').select('status').where('status', '!=', 'running').execute()).length > 0, 30_000);
		const run = await db.selectFrom('backup_run').selectAll().executeTakeFirstOrThrow();
		expect({ status: run.status, trigger: run.trigger, error: run.error }).toEqual({ status: 'done', trigger: 'staff', error: null });
		// In the site's storage: DATA_DIR/backups/ on disk, under backups/ in its bucket.
		expect(await storedKeys(test.server, 'backups/')).toEqual([run.storage_key]);
		expect(await db.selectFrom('audit_event').select('action').where('action', '=', 'backup.requested').execute()).toHaveLength(1);

		const html = await (await admin.get('/admin/backups')).text();
		const text = textOf(html);
		expect(text).toContain('Back up now');
		expect(text).toContain('daily and weekly');
		// The file's path on disk; the key in a bucket (which restore reads from the storage it is configured with).
		expect(text).toContain(`npm run restore -- ${test.server.s3 ? '' : `${test.server.dataDir}/`}${run.storage_key}`);

		// Editors do not see it: an archive holds everything.
		expect((await editor.get('/admin/backups')).status).toBe(403);
	}, 60_000);

	it('npm run backup, then npm run restore elsewhere: the new site serves the same pages, photo bytes and sessions', async () => {
		// A photo, uploaded and processed as staff do it.
		const upload = await editor.post('/admin/media?/upload', {
			file: new File([new Uint8Array(await solid(900, 600, '#3366aa').jpeg().toBuffer())], 'photo.jpg', { type: 'image/jpeg' }),
			'alt.en': 'Blue wall',
			'alt.ne': 'नीलो भित्ता',
			'alt.id': 'Dinding biru',
			'alt.es': 'Muro azul'
		});
		expect(upload.status).toBe(303);
		const id = Number((upload.headers.get('location') ?? '').split('=')[1]);
		await waitFor(async () => (await db.selectFrom('media').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status === 'ready', 30_000);
		const library = parseHtml(await (await editor.get('/admin/media')).text());
		const thumbnail = library.byTag('img').find((img) => img.attribs.alt === 'Blue wall')!.attribs.src!;
		const photo = Buffer.from(await (await editor.get(thumbnail)).arrayBuffer());
		expect(photo.length).toBeGreaterThan(100);
		const home = textOf(await (await fetch(`${test.origin}/`)).text()).replaceAll(test.origin, 'ORIGIN');

		// Backed up while the site runs, with its configuration: into its storage, beside the admin's archive.
		const source = siteEnvironment(test.server, test.databaseUrl);
		const backedUp = await run('backup', [], source);
		expect(backedUp.code, backedUp.stderr).toBe(0);
		const key = backedUp.lastLine.slice(backedUp.lastLine.lastIndexOf('backups/'));
		expect(key).toMatch(/^backups\/backup-\d{8}T\d{9}Z\.tar$/);
		// The last line is what to give `npm run restore`: the file's path on disk, the key in a bucket.
		expect(backedUp.lastLine).toBe(test.server.s3 ? key : join(test.server.dataDir, key));
		expect(await storedKeys(test.server, 'backups/')).toContain(key);
		// And into a file of this machine, whichever the storage: readable by its owner only.
		const outside = mkdtempSync(join(tmpdir(), 'arts-archives-'));
		cleanups.push(() => rmSync(outside, { recursive: true, force: true }));
		const toFile = await run('backup', ['--to', `${outside}/`], source);
		expect(toFile.code, toFile.stderr).toBe(0);
		const archive = toFile.lastLine;
		expect(dirname(archive)).toBe(outside);
		expect(basename(archive)).toMatch(/^backup-\d{8}T\d{9}Z\.tar$/);
		expect(statSync(archive).mode & 0o077).toBe(0);

		// A new site is given the archive in its own storage (an operator copies it there), and restores it by its key.
		const target = await emptySite();
		await copyStored(key, test.server, target);
		const restored = await run('restore', [key], target.env);
		expect(restored.code, restored.stdout + restored.stderr).toBe(0);
		expect(restored.stdout).toContain('Archive checked');

		// The backup's own run was still running in its snapshot: the restored site does not show it as running forever.
		const restoredDb = await openDatabase({ databaseUrl: target.env.DATABASE_URL, sqlitePath: join(target.dataDir, 'site.sqlite') });
		try {
			const runs = await restoredDb.db.selectFrom('backup_run').select(['status', 'trigger']).orderBy('id').execute();
			expect(runs).toEqual([{ status: 'done', trigger: 'staff' }]);
		} finally {
			await restoredDb.close();
		}

		let server: RunningServer | undefined;
		try {
			// On the restored data folder; with TEST_S3_ENDPOINT, in the bucket emptySite made for it, which holds the restored photos.
			server = await startServer(target.env.DATABASE_URL ? { DATABASE_URL: target.env.DATABASE_URL } : {}, { keepDataDir: target.dataDir });
			const page = await fetch(`${server.origin}/`);
			expect(page.status).toBe(200);
			// The same site: its name and texts (only the address differs).
			expect(textOf(await page.text()).replaceAll(server.origin, 'ORIGIN')).toBe(home);
			// The editor's session from before the backup is valid there: same rows, same secret.
			const again = await fetch(server.origin + thumbnail, { headers: { cookie: editor.cookieHeader } });
			expect(again.status).toBe(200);
			expect(Buffer.from(await again.arrayBuffer()).equals(photo)).toBe(true);
		} finally {
			await server?.stop();
		}

		// Restoring over a site is refused unless told (here from the file).
		const over = await run('restore', [archive], target.env);
		expect(over.code).toBe(1);
		expect(over.stderr).toMatch(/^Not restored: The target is not empty \(.*\): restore into an empty data folder or database, or add --force to replace everything in it\n$/);

		// A damaged archive is refused before anything is written.
		const damaged = join(target.dataDir, 'damaged.tar');
		const bytes = readFileSync(archive);
		const at = bytes.indexOf(Buffer.from('files/media/')) + 2048;
		bytes[at] = bytes[at]! ^ 0x01;
		writeFileSync(damaged, bytes);
		const elsewhere = await emptySite();
		const refused = await run('restore', [damaged], elsewhere.env);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toMatch(/^Not restored: This backup archive is damaged: files\/media\/\S+ does not match its checksum\n$/);
		expect(existsSync(join(elsewhere.dataDir, 'secrets.json'))).toBe(false);
		expect(await storedKeys(elsewhere, 'media/')).toEqual([]);
	}, 180_000);
});
