import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { extract, pack, type Header } from 'tar-stream';
import { z } from 'zod';

/*
 * The archive: one tar file (see CONTEXT.md), not compressed, since photos are
 * compressed already and a plain tar is read and written at disk speed.
 *
 *   database/<table>/<part>.jsonl   a table's rows, one JSON array per line
 *   files/<key>                     a stored file, under its storage key
 *   secrets.json                    the site's secrets (the auth secret)
 *   manifest.json                   what the archive holds, with every entry's size and SHA-256
 *   manifest.sha256                 the manifest's own SHA-256, so a changed byte there is found too
 *
 * The manifest comes last because it holds the checksums of what came before:
 * an archive is written in one pass, and checked in one pass before a restore
 * writes anything.
 */

export const archiveFormat = 'community-arts-backup';
export const archiveFormatVersion = 1;

const entrySchema = z.object({ name: z.string(), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const manifestSchema = z.object({
	format: z.literal(archiveFormat),
	formatVersion: z.number().int(),
	createdAt: z.string(),
	appVersion: z.string(),
	/** The last migration the source had run. */
	schemaVersion: z.string(),
	/** The engine the rows were read from. */
	dialect: z.enum(['sqlite', 'postgres']),
	tables: z.array(
		z.object({
			name: z.string(),
			columns: z.array(z.string()),
			rows: z.number().int().nonnegative(),
			/** The table's entries, in order. */
			parts: z.array(z.string())
		})
	),
	sequences: z.record(z.string(), z.number()),
	/** How many stored files, and their bytes. */
	files: z.object({ count: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
	entries: z.array(entrySchema)
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = z.infer<typeof entrySchema>;

/** A refused archive; the message is one line meant for the person restoring. */
export class BackupArchiveError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BackupArchiveError';
	}
}

export const manifestName = 'manifest.json';
export const manifestChecksumName = 'manifest.sha256';
export const secretsName = 'secrets.json';
export const filePrefix = 'files/';
export const databasePrefix = 'database/';

/** Writes entries into a tar stream, keeping each one's size and checksum for the manifest. */
export class ArchiveWriter {
	readonly pack = pack();
	readonly entries: ManifestEntry[] = [];
	readonly #mtime = new Date();

	constructor() {
		// A failure reaches the caller through add() and through whatever reads the pack; the event alone must not end the process.
		this.pack.on('error', () => {});
	}

	/** Adds an entry from bytes in memory. */
	async add(name: string, bytes: Uint8Array): Promise<void> {
		const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		await new Promise<void>((resolve, reject) => {
			this.pack.entry({ name, size: buffer.length, mode: 0o600, mtime: this.#mtime }, buffer, (error) => (error ? reject(error) : resolve()));
		});
		this.entries.push({ name, size: buffer.length, sha256: createHash('sha256').update(buffer).digest('hex') });
	}

	/** Adds an entry streamed from its source; the size must be known before (a tar header says it). */
	async addStream(name: string, size: number, body: Readable): Promise<void> {
		const hash = createHash('sha256');
		let seen = 0;
		const counting = new Transform({
			transform(chunk: Buffer, _encoding, done) {
				hash.update(chunk);
				seen += chunk.length;
				done(null, chunk);
			}
		});
		const entry = this.pack.entry({ name, size, mode: 0o600, mtime: this.#mtime });
		await pipeline(body, counting, entry);
		if (seen !== size) throw new Error(`${name} changed size while it was read (${size} bytes said, ${seen} read)`);
		this.entries.push({ name, size, sha256: hash.digest('hex') });
	}

	/** Writes the manifest and its checksum, and ends the archive. */
	async finish(manifest: Omit<Manifest, 'entries'>): Promise<Manifest> {
		const whole: Manifest = { ...manifest, entries: [...this.entries] };
		const bytes = Buffer.from(JSON.stringify(whole, null, '\t'));
		await this.add(manifestName, bytes);
		await this.add(manifestChecksumName, Buffer.from(`${createHash('sha256').update(bytes).digest('hex')}\n`));
		this.pack.finalize();
		return whole;
	}
}

/** An entry of an archive being read: its header, and its bytes to read through before the next entry. */
export type ArchiveEntry = AsyncIterable<Uint8Array> & { header: Header };

/** Reads a tar stream entry by entry. A truncated or garbled stream fails with BackupArchiveError. */
export async function* readEntries(source: Readable): AsyncIterable<ArchiveEntry> {
	const entries = extract();
	source.on('error', (error) => entries.destroy(error));
	source.pipe(entries as unknown as NodeJS.WritableStream);
	try {
		for await (const entry of entries) yield entry as ArchiveEntry;
	} catch (error) {
		source.destroy();
		throw unreadable(error);
	}
}

function unreadable(error: unknown): BackupArchiveError {
	if (error instanceof BackupArchiveError) return error;
	const reason = error instanceof Error ? error.message : String(error);
	return new BackupArchiveError(`This is not a whole backup archive: it ends early or is not a tar file (${reason})`);
}

/**
 * Reads the whole archive once and checks it against its manifest: every entry
 * there with its size and SHA-256, nothing more, the manifest's own checksum,
 * and a format this code reads. Returns the manifest; throws BackupArchiveError.
 */
export async function verifyArchive(source: Readable, options: { isKnownSchemaVersion(name: string): boolean }): Promise<Manifest> {
	const seen = new Map<string, { size: number; sha256: string }>();
	let manifestBytes: Buffer | undefined;
	let manifestChecksum: string | undefined;
	for await (const entry of readEntries(source)) {
		const name = entry.header.name;
		if (seen.has(name)) throw new BackupArchiveError(`The archive holds ${name} twice; it was not made by a backup`);
		const hash = createHash('sha256');
		const keep = name === manifestName || name === manifestChecksumName;
		const chunks: Buffer[] = [];
		let size = 0;
		try {
			for await (const chunk of entry as AsyncIterable<Buffer>) {
				hash.update(chunk);
				size += chunk.length;
				if (keep) chunks.push(chunk);
			}
		} catch (error) {
			throw unreadable(error);
		}
		seen.set(name, { size, sha256: hash.digest('hex') });
		if (name === manifestName) manifestBytes = Buffer.concat(chunks);
		if (name === manifestChecksumName) manifestChecksum = Buffer.concat(chunks).toString('utf8').trim();
	}
	if (!manifestBytes || !manifestChecksum) {
		throw new BackupArchiveError('This backup archive is incomplete: its manifest is missing (was the file cut short?)');
	}
	if (createHash('sha256').update(manifestBytes).digest('hex') !== manifestChecksum) {
		throw new BackupArchiveError('This backup archive is damaged: its manifest does not match its checksum');
	}
	let manifest: Manifest;
	try {
		const parsed = JSON.parse(manifestBytes.toString('utf8')) as { format?: unknown; formatVersion?: unknown };
		if (parsed.format === archiveFormat && typeof parsed.formatVersion === 'number' && parsed.formatVersion > archiveFormatVersion) {
			throw new BackupArchiveError(`This backup archive has format ${parsed.formatVersion}, newer than this version of the app reads (${archiveFormatVersion}): update the app first`);
		}
		manifest = manifestSchema.parse(parsed);
	} catch (error) {
		if (error instanceof BackupArchiveError) throw error;
		throw new BackupArchiveError('This is not a backup archive of this app: its manifest cannot be read');
	}
	if (!options.isKnownSchemaVersion(manifest.schemaVersion)) {
		throw new BackupArchiveError(`This backup was made by a newer version of the app (database schema ${manifest.schemaVersion}): update the app, then restore`);
	}
	for (const expected of manifest.entries) {
		const got = seen.get(expected.name);
		if (!got) throw new BackupArchiveError(`This backup archive is incomplete: ${expected.name} is missing`);
		if (got.size !== expected.size || got.sha256 !== expected.sha256) {
			throw new BackupArchiveError(`This backup archive is damaged: ${expected.name} does not match its checksum`);
		}
	}
	const listed = new Set(manifest.entries.map((entry) => entry.name));
	for (const name of seen.keys()) {
		if (name !== manifestName && name !== manifestChecksumName && !listed.has(name)) {
			throw new BackupArchiveError(`This backup archive holds ${name}, which its manifest does not list`);
		}
	}
	return manifest;
}
