import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open as openFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connect';
import { isKnownSchemaVersion, latestSchemaVersion, migrateTo, migrateToLatest } from '$lib/server/db/migrate';
import { rebuildSearchIndex } from '$lib/server/db/search';
import { advanceSequences, countRows, describeTables, emptyTables, inSnapshot, insertRows, type TableShape } from '$lib/server/db/table-copy';
import type { Secrets } from '$lib/server/platform/secrets';
import { readAll } from '$lib/server/platform/storage/disk-storage';
import { isTransientKey, storedAreas, type ObjectStorage } from '$lib/server/platform/storage/object-storage';
import {
	ArchiveWriter,
	BackupArchiveError,
	archiveFormat,
	archiveFormatVersion,
	databasePrefix,
	filePrefix,
	readEntries,
	secretsName,
	verifyArchive,
	type Manifest
} from './backup-archive';

/** Where an archive goes, or comes from: a file on this machine, or a key in the storage (under backups/). */
export type BackupPlace = { kind: 'file'; path: string } | { kind: 'storage'; key: string };

export const backupFolderKey = 'backups/';

/** The app's version, as npm gives it to `npm start` and `npm run backup`: recorded in each archive. */
export function appVersion(): string {
	return process.env.npm_package_version ?? 'unknown';
}

/** A name that sorts by time: backup-20261204T165500123Z.tar. */
export function backupFileName(now: Date): string {
	return `backup-${now.toISOString().replace(/[-:.]/g, '')}.tar`;
}

export interface BackupSources {
	database: DatabaseHandle;
	storage: ObjectStorage;
	secrets: Secrets;
	appVersion: string;
}

export interface BackupResult {
	place: BackupPlace;
	/** The archive's bytes. */
	size: number;
	manifest: Manifest;
}

/** A table's rows are cut into entries of about this many bytes, so none is held whole in memory. */
const partBytes = 4 * 1024 * 1024;

/**
 * Writes one archive of the whole site: every table's rows read in one
 * snapshot, then every stored file, the secrets and the manifest. The archive
 * appears whole or not at all (a file is written beside and renamed; a storage
 * put is whole by contract), readable by its owner only.
 */
export async function createBackup(sources: BackupSources, place: BackupPlace, now = new Date()): Promise<BackupResult> {
	const writer = new ArchiveWriter();
	let temporary: string | undefined;
	let written: Promise<void>;
	if (place.kind === 'file') {
		await mkdir(dirname(place.path), { recursive: true, mode: 0o700 });
		temporary = `${place.path}.${randomUUID()}.part`;
		written = pipeline(writer.pack, createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
	} else {
		written = sources.storage.put(place.key, Readable.from(writer.pack), { contentType: 'application/x-tar' });
	}
	// When the writing side fails (a full disk, a bucket refusing), the pack is destroyed so the entry being added fails too, instead of waiting for a reader that is gone.
	let writeError: Error | undefined;
	written.catch((error: Error) => {
		writeError = error;
		writer.pack.destroy(error);
	});
	try {
		const database = await writeDatabase(writer, sources.database);
		const files = await writeFiles(writer, sources.storage);
		await writer.add(secretsName, Buffer.from(JSON.stringify(sources.secrets, null, '\t')));
		const manifest = await writer.finish({
			format: archiveFormat,
			formatVersion: archiveFormatVersion,
			createdAt: now.toISOString(),
			appVersion: sources.appVersion,
			...database,
			files
		});
		await written;
		let size: number;
		if (place.kind === 'file') {
			const handle = await openFile(temporary!, 'r');
			await handle.sync();
			await handle.close();
			await rename(temporary!, place.path);
			size = (await stat(place.path)).size;
		} else {
			size = (await sources.storage.head(place.key))?.size ?? 0;
		}
		return { place, size, manifest };
	} catch (error) {
		writer.pack.destroy(error as Error);
		await written.catch(() => {});
		if (temporary) await rm(temporary, { force: true });
		// The writing side's failure says what went wrong; the reading side's only that the archive was closed.
		throw writeError ?? error;
	}
}

async function writeDatabase(writer: ArchiveWriter, database: DatabaseHandle): Promise<Pick<Manifest, 'schemaVersion' | 'dialect' | 'tables' | 'sequences'>> {
	// SQLite's one connection serves the whole process: a snapshot held through a long export would stall every request, so it reads on a connection of its own.
	const own = database.dialect === 'sqlite' ? await openDatabase({ sqlitePath: database.location }) : undefined;
	try {
		return await inSnapshot((own ?? database).db, async (snapshot) => {
			const tables: Manifest['tables'] = [];
			for (const table of snapshot.tables) {
				const parts: string[] = [];
				let rows = 0;
				let lines: string[] = [];
				let bytes = 0;
				const flush = async () => {
					const name = `${databasePrefix}${table.name}/${String(parts.length + 1).padStart(5, '0')}.jsonl`;
					await writer.add(name, Buffer.from(lines.join('')));
					parts.push(name);
					lines = [];
					bytes = 0;
				};
				for await (const page of snapshot.rows(table)) {
					for (const row of page) {
						const line = `${JSON.stringify(row)}\n`;
						lines.push(line);
						bytes += line.length;
						rows += 1;
					}
					if (bytes >= partBytes) await flush();
				}
				if (lines.length > 0) await flush();
				tables.push({ name: table.name, columns: table.columns.map((c) => c.name), rows, parts });
			}
			return { schemaVersion: snapshot.schemaVersion, dialect: snapshot.dialect, tables, sequences: await snapshot.sequences() };
		});
	} finally {
		await own?.close();
	}
}

async function writeFiles(writer: ArchiveWriter, storage: ObjectStorage): Promise<Manifest['files']> {
	let count = 0;
	let bytes = 0;
	for (const area of Object.values(storedAreas)) {
		for await (const object of storage.list(area)) {
			if (isTransientKey(object.key)) continue;
			const got = await storage.get(object.key);
			// Deleted since it was listed (a photo removed during the backup): its row is gone or going too.
			if (!got) continue;
			await writer.addStream(`${filePrefix}${object.key}`, got.size, got.body);
			count += 1;
			bytes += got.size;
		}
	}
	return { count, bytes };
}

/** The target already holds a site, and the restore was not told to replace it. */
export class RestoreTargetNotEmptyError extends Error {
	constructor(readonly holds: string[]) {
		super(`The target is not empty (${holds.join('; ')}): restore into an empty data folder or database, or add --force to replace everything in it`);
		this.name = 'RestoreTargetNotEmptyError';
	}
}

export interface RestoreTarget {
	database: DatabaseHandle;
	storage: ObjectStorage;
	/** Where secrets.json goes. */
	dataDir: string;
}

export interface RestoreOptions {
	/** Replace what the target holds (it is emptied first). */
	force?: boolean;
	/** Progress, a line at a time, for the command line. */
	say?: (line: string) => void;
}

export interface RestoreResult {
	manifest: Manifest;
	rows: number;
	files: number;
}

/** Opens the archive from its start; called twice (checked whole first, then read to restore). */
export type ArchiveSource = () => Promise<Readable>;

export function archiveSource(place: BackupPlace, storage: ObjectStorage): ArchiveSource {
	if (place.kind === 'file') return async () => createReadStream(place.path);
	return async () => {
		const got = await storage.get(place.key);
		if (!got) throw new BackupArchiveError(`There is no backup ${place.key} in the storage`);
		return got.body;
	};
}

/**
 * Restores an archive into a target: checks the whole archive first and the
 * target's emptiness, writing nothing until both pass; migrates the target to
 * the archive's schema; writes every table in one transaction (foreign keys'
 * order, numbering moved past the rows), then the stored files and the
 * secrets; then migrates to this code's latest schema.
 */
export async function restoreBackup(source: ArchiveSource, target: RestoreTarget, options: RestoreOptions = {}): Promise<RestoreResult> {
	const say = options.say ?? (() => {});
	const manifest = await verifyArchive(await source(), { isKnownSchemaVersion });
	say(`Archive checked: ${manifest.tables.reduce((n, t) => n + t.rows, 0)} rows, ${manifest.files.count} files, made ${manifest.createdAt} from ${manifest.dialect}.`);
	const db = target.database.db;

	const holds = await targetHoldings(target);
	if (holds.length > 0) {
		if (!options.force) throw new RestoreTargetNotEmptyError(holds);
		say(`--force: deleting everything in the target first (${holds.join('; ')}).`);
		const current = await describeTables(db);
		await db.transaction().execute((trx) => emptyTables(trx, current));
		for (const area of Object.values(storedAreas)) await target.storage.deletePrefix(area);
	}

	await migrateTo(db, manifest.schemaVersion);
	const tables = new Map((await describeTables(db)).map((table) => [table.name, table]));
	for (const table of manifest.tables) {
		const here = tables.get(table.name);
		const missing = table.columns.filter((column) => !here?.columns.some((c) => c.name === column));
		if (!here || missing.length > 0) {
			throw new BackupArchiveError(`The archive's table ${table.name} does not fit this database's schema ${manifest.schemaVersion}`);
		}
	}

	const entries = readEntries(await source())[Symbol.asyncIterator]();
	let next = await entries.next();
	let rows = 0;
	await db.transaction().execute(async (trx) => {
		const shapes = [...tables.values()];
		await emptyTables(trx, shapes);
		const byPart = new Map(manifest.tables.flatMap((table) => table.parts.map((part) => [part, table] as const)));
		while (!next.done && next.value.header.name.startsWith(databasePrefix)) {
			const entry = next.value;
			const table = byPart.get(entry.header.name);
			if (!table) throw new BackupArchiveError(`The archive holds ${entry.header.name}, which its manifest does not list`);
			const text = (await readAll(Readable.from(entry))).toString('utf8');
			const values = text.length === 0 ? [] : text.slice(0, -1).split('\n').map((line) => JSON.parse(line) as unknown[]);
			await insertRows(trx, tables.get(table.name) as TableShape, table.columns, values);
			rows += values.length;
			next = await entries.next();
		}
		// The run that made this archive was still running when its snapshot was read; it is finished on the source, not here.
		if (tables.has('backup_run')) await trx.deleteFrom('backup_run').where('status', '=', 'running').execute();
		await rebuildSearchIndex(trx);
		await advanceSequences(trx, shapes, manifest.sequences);
	});
	say(`Database restored: ${rows} rows in ${manifest.tables.length} tables.`);

	let files = 0;
	for (; !next.done; next = await entries.next()) {
		const entry = next.value;
		const name = entry.header.name;
		if (name.startsWith(filePrefix)) {
			await target.storage.put(name.slice(filePrefix.length), Readable.from(entry));
			files += 1;
		} else if (name === secretsName) {
			await writeSecrets(target.dataDir, await readAll(Readable.from(entry)));
		} else {
			// Nothing else is written by this version; an entry must still be read through to reach the next.
			await readAll(Readable.from(entry));
		}
	}
	say(`Files restored: ${files}.`);
	const upgraded = await migrateToLatest(db);
	if (upgraded.length > 0) say(`Database brought up to this version's schema (${upgraded.length} migrations).`);
	return { manifest, rows, files };
}

/** What the target holds that a fresh site would not: rows beyond what migrations make, and stored files. */
async function targetHoldings(target: RestoreTarget): Promise<string[]> {
	const holds: string[] = [];
	const tables = await describeTables(target.database.db);
	if (tables.length > 0) {
		const counts = await countRows(target.database.db, tables);
		const fresh = await freshRowCounts();
		const filled = Object.entries(counts).filter(([name, n]) => n > (fresh[name] ?? 0));
		if (filled.length > 0) holds.push(`rows in ${filled.length} tables of ${target.database.location}, such as ${filled.slice(0, 3).map(([name]) => name).join(', ')}`);
	}
	let files = 0;
	for (const area of Object.values(storedAreas)) {
		for await (const object of target.storage.list(area)) if (!isTransientKey(object.key)) files += 1;
	}
	if (files > 0) holds.push(`${files} stored files in ${target.storage.location}`);
	return holds;
}

/** The rows a newly migrated database has (a few settings and texts the migrations write). */
async function freshRowCounts(): Promise<Record<string, number>> {
	const scratch = await openDatabase({ sqlitePath: ':memory:' });
	try {
		await migrateTo(scratch.db, latestSchemaVersion());
		return await countRows(scratch.db, await describeTables(scratch.db));
	} finally {
		await scratch.close();
	}
}

async function writeSecrets(dataDir: string, bytes: Buffer): Promise<void> {
	await mkdir(dataDir, { recursive: true, mode: 0o700 });
	const path = join(dataDir, 'secrets.json');
	const temporary = `${path}.${randomUUID()}.part`;
	const handle = await openFile(temporary, 'wx', 0o600);
	try {
		await handle.writeFile(bytes);
		await handle.sync();
	} finally {
		await handle.close();
	}
	await rename(temporary, path);
}
