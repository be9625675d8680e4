import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connect';
import { migrateToLatest } from '$lib/server/db/migrate';
import type { Database } from '$lib/server/db/schema';
import { searchDocuments } from '$lib/server/db/search';
import { describeTables, inSnapshot } from '$lib/server/db/table-copy';
import { createTestDatabase } from '$lib/server/db/test-database';
import { demoContent } from '$lib/server/demo/demo-content';
import { seedDemoContent } from '$lib/server/demo/demo-seed';
import { DiskStorage } from '$lib/server/platform/storage/disk-storage';
import { openCall } from '../../../../tests/support/call-test-data';
import { BackupArchiveError } from './backup-archive';
import { archiveSource, createBackup, restoreBackup, RestoreTargetNotEmptyError, type BackupPlace } from './backup.service';

/*
 * A seeded site (demo content, a photo's files, an application with its file,
 * subscribers) is backed up and restored elsewhere; every row of every table
 * and every stored byte must come back. With TEST_DATABASE_URL set, the source
 * or the target is PostgreSQL as well, both ways.
 */

const folders: string[] = [];
const handles: { dispose(): Promise<void> }[] = [];
afterAll(async () => {
	for (const handle of handles) await handle.dispose();
	for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folder(prefix: string): string {
	const path = mkdtempSync(join(tmpdir(), prefix));
	folders.push(path);
	return path;
}

interface Site {
	database: DatabaseHandle;
	storage: DiskStorage;
	dataDir: string;
}

async function sqliteSite(migrate = true): Promise<Site> {
	const dataDir = folder('arts-backup-site-');
	const database = await openDatabase({ sqlitePath: join(dataDir, 'site.sqlite') });
	handles.push({ dispose: () => database.close() });
	if (migrate) await migrateToLatest(database.db);
	return { database, storage: new DiskStorage(dataDir), dataDir };
}

async function postgresSite(migrate = true): Promise<Site> {
	const database = await createTestDatabase({ migrate });
	handles.push(database);
	const dataDir = folder('arts-backup-site-');
	return { database, storage: new DiskStorage(dataDir), dataDir };
}

const photo = randomBytes(200_000);
const applicantFile = randomBytes(50_000);

async function seed(site: Site): Promise<void> {
	const db = site.database.db;
	const now = '2026-12-04T10:00:00.000Z';
	await seedDemoContent(db, demoContent, now);
	await site.storage.put('media/9001/640.webp', photo);
	await site.storage.put('media/9001/iiif/full/max/0/default.jpg', photo.subarray(0, 1000));
	await site.storage.put('media/.incoming/upload-in-progress', randomBytes(10));
	const callId = await openCall(db);
	const application = await db
		.insertInto('application')
		.values({ call_id: callId, applicant_email: 'ana@example.org', applicant_name: 'Ana', status: 'submitted', answers: '{"statement":"Murals"}', shortlisted: 1, created_at: now, updated_at: now, submitted_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	const key = `applications/${callId}/${application.id}/portfolio.pdf`;
	await site.storage.put(key, applicantFile);
	await db.insertInto('application_file').values({ application_id: application.id, field_key: 'portfolio', storage_key: key, original_name: 'portfolio.pdf', media_type: 'application/pdf', bytes: applicantFile.length, created_at: now }).execute();
	const version = (await db.selectFrom('newsletter_consent_text').select('version').orderBy('version', 'desc').executeTakeFirstOrThrow()).version;
	await db
		.insertInto('subscriber')
		.values(
			Array.from({ length: 250 }, (_, i) => ({
				email: `reader${i}@example.org`,
				name: i % 3 === 0 ? null : `Reader ${i} — ñ 中`,
				status: 'confirmed' as const,
				topics: '["news"]',
				consent_text_version: version,
				created_at: now,
				confirmed_at: now,
				updated_at: now
			}))
		)
		.execute();
	// A deleted row: its number must not be handed out again after a restore.
	await db.deleteFrom('subscriber').where('email', '=', 'reader249@example.org').execute();
}

/** Every table's rows, read the same way on either engine, sorted, for comparing. */
async function everyRow(db: Kysely<Database>): Promise<Record<string, unknown[][]>> {
	return inSnapshot(db, async (snapshot) => {
		const rows: Record<string, unknown[][]> = {};
		for (const table of snapshot.tables) {
			const all: unknown[][] = [];
			for await (const page of snapshot.rows(table)) all.push(...page.map((row) => row.map((value, i) => normalize(value, table.columns[i]!.type))));
			rows[table.name] = all.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
		}
		return rows;
	});
}

/** SQLite keeps booleans as 1/0, and PostgreSQL's `real` is single precision: compare what both can hold. */
function normalize(value: unknown, type: string): unknown {
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (type === 'real' && typeof value === 'number') return Math.fround(value);
	return value;
}

async function everyFile(storage: DiskStorage): Promise<Map<string, Buffer>> {
	const files = new Map<string, Buffer>();
	for (const area of ['media/', 'applications/']) {
		for await (const object of storage.list(area)) {
			if (!object.key.includes('/.')) files.set(object.key, (await storage.read(object.key))!);
		}
	}
	return files;
}

async function nextSubscriberId(db: Kysely<Database>): Promise<number> {
	const row = await db
		.insertInto('subscriber')
		.values({ email: 'new@example.org', status: 'pending', consent_text_version: 1, created_at: 'x', updated_at: 'x' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

async function roundTrip(makeSource: () => Promise<Site>, makeTarget: () => Promise<Site>) {
	const source = await makeSource();
	await seed(source);
	const place: BackupPlace = { kind: 'file', path: join(folder('arts-backup-out-'), 'site.tar') };
	const secrets = { authSecret: randomBytes(32).toString('base64url') };
	const made = await createBackup({ database: source.database, storage: source.storage, secrets, appVersion: 'test' }, place);
	expect(statSync(place.path).mode & 0o077).toBe(0);
	expect(made.manifest.files.count).toBe(3);

	const target = await makeTarget();
	const restored = await restoreBackup(archiveSource(place, target.storage), target);
	expect(restored.files).toBe(3);

	const before = await everyRow(source.database.db);
	const after = await everyRow(target.database.db);
	expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
	for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
	expect(before.subscriber!.length).toBe(249);

	const sourceFiles = await everyFile(source.storage);
	const targetFiles = await everyFile(target.storage);
	expect([...targetFiles.keys()].sort()).toEqual([...sourceFiles.keys()].sort());
	for (const [key, bytes] of sourceFiles) expect(targetFiles.get(key)!.equals(bytes), key).toBe(true);
	expect(await target.storage.head('media/.incoming/upload-in-progress')).toBeUndefined();
	expect(JSON.parse(readFileSync(join(target.dataDir, 'secrets.json'), 'utf8'))).toEqual(secrets);
	expect(statSync(join(target.dataDir, 'secrets.json')).mode & 0o077).toBe(0);

	// The site works on: search finds what it found, and new rows are numbered after the deleted one.
	const query = { query: 'mural', locale: 'en' as const, limit: 10, offset: 0 };
	expect((await searchDocuments(target.database.db, query)).total).toBe((await searchDocuments(source.database.db, query)).total);
	expect((await searchDocuments(target.database.db, query)).total).toBeGreaterThan(0);
	expect(await nextSubscriberId(target.database.db)).toBe(await nextSubscriberId(source.database.db));
	return { source, target, place };
}

describe('backup and restore', () => {
	it('SQLite to SQLite: every row and every stored byte come back, the secret too, and numbering goes on', async () => {
		await roundTrip(() => sqliteSite(), () => sqliteSite(false));
	});

	if (process.env.TEST_DATABASE_URL) {
		it('SQLite to PostgreSQL, to move up without losing anything', async () => {
			await roundTrip(() => sqliteSite(), () => postgresSite(false));
		});
		it('PostgreSQL to SQLite, to move back', async () => {
			await roundTrip(() => postgresSite(), () => sqliteSite(false));
		});
	}

	it('refuses a target that holds a site, and replaces it when forced', async () => {
		const { place } = await roundTrip(() => sqliteSite(), () => sqliteSite());
		const target = await sqliteSite();
		await seedDemoContent(target.database.db, demoContent, '2026-12-01T00:00:00.000Z');
		await target.storage.put('media/1/640.webp', Buffer.from('other site'));
		await expect(restoreBackup(archiveSource(place, target.storage), target)).rejects.toThrow(RestoreTargetNotEmptyError);
		expect((await target.storage.read('media/1/640.webp'))?.toString()).toBe('other site');
		await restoreBackup(archiveSource(place, target.storage), target, { force: true });
		expect(await target.storage.head('media/1/640.webp')).toBeUndefined();
		expect(await target.database.db.selectFrom('subscriber').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()).toEqual({ n: 249 });
	});
});

describe('a damaged archive', () => {
	let place: { kind: 'file'; path: string };
	let bytes: Buffer;
	beforeAll(async () => {
		const source = await sqliteSite();
		await seed(source);
		place = { kind: 'file', path: join(folder('arts-backup-out-'), 'site.tar') };
		await createBackup({ database: source.database, storage: source.storage, secrets: { authSecret: 'x'.repeat(43) }, appVersion: 'test' }, place);
		bytes = readFileSync(place.path);
	});

	async function refused(damaged: Buffer): Promise<string> {
		const path = join(folder('arts-backup-bad-'), 'bad.tar');
		writeFileSync(path, damaged);
		const target = await sqliteSite(false);
		const error = await restoreBackup(archiveSource({ kind: 'file', path }, target.storage), target).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BackupArchiveError);
		// Nothing was written: no tables, no files, no secrets.
		expect(await describeTables(target.database.db)).toEqual([]);
		expect((await everyFile(target.storage)).size).toBe(0);
		expect(() => statSync(join(target.dataDir, 'secrets.json'))).toThrow();
		return (error as Error).message;
	}

	it('is refused, naming the entry, when one byte inside a stored file is flipped', async () => {
		const at = bytes.indexOf(photo.subarray(0, 64)) + 100_000;
		const damaged = Buffer.from(bytes);
		damaged[at] = damaged[at]! ^ 0xff;
		expect(await refused(damaged)).toBe('This backup archive is damaged: files/media/9001/640.webp does not match its checksum');
	});

	it('is refused when a row was changed', async () => {
		const at = bytes.indexOf(Buffer.from('reader17@example.org'));
		const damaged = Buffer.from(bytes);
		damaged[at] = 'R'.charCodeAt(0);
		expect(await refused(damaged)).toMatch(/^This backup archive is damaged: database\/subscriber\/00001\.jsonl does not match its checksum$/);
	});

	it('is refused when cut short, wherever it is cut', async () => {
		for (const length of [bytes.length - 1100, Math.floor(bytes.length / 2), 700]) {
			expect(await refused(bytes.subarray(0, length))).toMatch(/^This (is not a whole backup archive|backup archive is incomplete)/);
		}
	});

	it('is refused when it is not an archive at all', async () => {
		expect(await refused(Buffer.from('hello, this is not a tar file'.repeat(40)))).toMatch(/^This is not a whole backup archive|^This backup archive is incomplete/);
	});
});

