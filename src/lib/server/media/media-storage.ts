import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { variantExtensions, type VariantFormat } from '$lib/server/platform/images/image-processing';
import type { TileRequest } from '$lib/server/platform/images/iiif-tiles';
import { syncFolder } from '$lib/server/platform/storage/disk-storage';

/*
 * Variant files live under DATA_DIR/media/<media id>/<width>.<ext>, and are
 * served at /media/<public key>/<width>.<ext> (see media-file-response.ts). The
 * image service (tiles and info.json) is under DATA_DIR/media/<media id>/iiif/,
 * served at /iiif/<public key>/… (image-service-response.ts). A new photo's
 * files are first written into a staging folder beside them, then the whole
 * folder is renamed into place: a reader sees all of a photo's files or none.
 * Tiles made later for a photo already ready (the backfill) are staged the same
 * way and renamed into place as one folder.
 *
 * An upload waits for its processing job in DATA_DIR/media/.incoming/<random>,
 * readable by this process only. It is the original file, location metadata and
 * all: never served (only a media id and a variant name resolve to files), and
 * removed as soon as processing has succeeded or failed for good.
 *
 * That is the data folder. With a bucket (S3_*), the same keys are objects in
 * it, written as object-media-storage.ts says.
 */


const contentTypes: Record<string, string> = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' };
const formatsByExtension: Record<string, VariantFormat> = { avif: 'avif', webp: 'webp', jpg: 'jpeg' };

export function variantFileName(format: VariantFormat, width: number): string {
	return `${width}.${variantExtensions[format]}`;
}

/** A media id from a URL segment: digits only, no sign, no leading zero, within integer range. */
export function parseMediaId(segment: string): number | undefined {
	if (!/^[1-9][0-9]{0,9}$/.test(segment)) return undefined;
	const id = Number(segment);
	return id <= 2_147_483_647 ? id : undefined;
}

/**
 * A photo's name in public URLs: 128 random bits, base64url. Ids count up, so
 * they would let anyone walk through every upload; a key cannot be guessed.
 */
export function newPublicKey(): string {
	return randomBytes(16).toString('base64url');
}

/** A public key from a URL segment, or undefined for anything else (an id, a path). */
export function parsePublicKey(segment: string): string | undefined {
	return /^[A-Za-z0-9_-]{22}$/.test(segment) ? segment : undefined;
}

export interface VariantFile {
	width: number;
	format: VariantFormat;
	contentType: string;
	fileName: string;
}

/** A variant file name from a URL segment ("640.webp"), or undefined for anything else. */
export function parseVariantFileName(segment: string): VariantFile | undefined {
	const match = /^([1-9][0-9]{0,4})\.(avif|webp|jpg)$/.exec(segment);
	if (!match) return undefined;
	const extension = match[2]!;
	return {
		width: Number(match[1]),
		format: formatsByExtension[extension]!,
		contentType: contentTypes[extension]!,
		fileName: segment
	};
}

export interface FileToStore {
	name: string;
	bytes: Uint8Array;
}

/** Files written and flushed, not yet visible under any media id. */
export interface StagedFiles {
	readonly folder: string;
	readonly names: readonly string[];
}

/** Where media files are kept: a folder (LocalMediaStorage) or a bucket (ObjectMediaStorage). */
export interface MediaStorage {
	stage(files: FileToStore[]): Promise<StagedFiles>;
	/** Moves staged files under the media id; what was there before (left by a crash) is replaced. */
	publish(staged: StagedFiles, mediaId: number): Promise<void>;
	discard(staged: StagedFiles): Promise<void>;
	remove(mediaId: number): Promise<void>;
	/**
	 * Has `make` write a photo's tiles into the staged files (a folder it must
	 * create: libvips does), then flushes them. What `make` returns is returned.
	 */
	writeTiles<T>(staged: StagedFiles, make: (folder: string) => Promise<T>): Promise<T>;
	/** Moves the tiles of staged files (and nothing else) under the media id, replacing any there; the staging folder goes. */
	publishTiles(staged: StagedFiles, mediaId: number): Promise<void>;
	/** Removes a photo's tiles only; nothing happens when there are none. */
	removeTiles(mediaId: number): Promise<void>;
	/** The path recorded in the database for one file, relative to the storage. */
	storedPath(mediaId: number, fileName: string): string;
	/** Keeps an upload, flushed, until it is processed; returns its key. */
	keepIncoming(bytes: Uint8Array): Promise<string>;
	/** The upload kept under this key; rejects with ENOENT when it is gone. */
	readIncoming(key: string): Promise<Buffer>;
	/** Removes a kept upload; nothing happens when it is already gone. */
	removeIncoming(key: string): Promise<void>;
	/**
	 * Removes what a killed process left: kept uploads and staging folders older
	 * than `olderThanMs` (no upload waits that long for its job). Returns how many.
	 */
	sweepLeftovers(now: number, olderThanMs?: number, keep?: ReadonlySet<string>): Promise<number>;
	/** A published variant's bytes, or undefined when there is no such file. */
	readVariant(mediaId: number, file: VariantFile): Promise<Buffer | undefined>;
	/** A photo's info.json as kept (without its id), or undefined when it has no tiles. */
	readImageServiceInfo(mediaId: number): Promise<Buffer | undefined>;
	/** One tile (or whole-photo size) of a photo's image service, or undefined. */
	readTile(mediaId: number, tile: TileRequest): Promise<Buffer | undefined>;
}

/** Keys of kept uploads are UUIDs: nothing read from a job's payload can name another file. */
export function isIncomingKey(key: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(key);
}

export class LocalMediaStorage implements MediaStorage {
	readonly root: string;

	constructor(root: string) {
		this.root = resolve(root);
	}

	async stage(files: FileToStore[]): Promise<StagedFiles> {
		await mkdir(this.root, { recursive: true });
		// Same folder as the published files, so the rename below never crosses file systems.
		const folder = await mkdtemp(join(this.root, '.staging-'));
		try {
			for (const file of files) {
				if (!parseVariantFileName(file.name)) throw new Error(`Not a variant file name: ${file.name}`);
				const handle = await open(join(folder, file.name), 'wx');
				try {
					await handle.writeFile(file.bytes);
					// Flushed before the database row that points at it can commit.
					await handle.sync();
				} finally {
					await handle.close();
				}
			}
		} catch (error) {
			await rm(folder, { recursive: true, force: true });
			throw error;
		}
		return { folder, names: files.map((file) => file.name) };
	}

	async publish(staged: StagedFiles, mediaId: number): Promise<void> {
		const target = this.mediaFolder(mediaId);
		await rm(target, { recursive: true, force: true });
		await rename(staged.folder, target);
		await syncFolder(this.root);
	}

	async writeTiles<T>(staged: StagedFiles, make: (folder: string) => Promise<T>): Promise<T> {
		const folder = join(staged.folder, imageServiceFolder);
		const made = await make(folder);
		// Flushed before the row that says the tiles exist can commit.
		await syncTree(folder);
		return made;
	}

	async publishTiles(staged: StagedFiles, mediaId: number): Promise<void> {
		const target = join(this.mediaFolder(mediaId), imageServiceFolder);
		await rm(target, { recursive: true, force: true });
		await rename(join(staged.folder, imageServiceFolder), target);
		await syncFolder(this.mediaFolder(mediaId));
		await this.discard(staged);
	}

	async removeTiles(mediaId: number): Promise<void> {
		await rm(join(this.mediaFolder(mediaId), imageServiceFolder), { recursive: true, force: true });
	}

	async discard(staged: StagedFiles): Promise<void> {
		await rm(staged.folder, { recursive: true, force: true });
	}

	async remove(mediaId: number): Promise<void> {
		await rm(this.mediaFolder(mediaId), { recursive: true, force: true });
	}

	storedPath(mediaId: number, fileName: string): string {
		return `${mediaId}/${fileName}`;
	}

	async keepIncoming(bytes: Uint8Array): Promise<string> {
		const folder = this.incomingFolder();
		await mkdir(this.root, { recursive: true });
		await mkdir(folder, { recursive: true, mode: 0o700 });
		const key = randomUUID();
		const handle = await open(join(folder, key), 'wx', 0o600);
		try {
			await handle.writeFile(bytes);
			// Flushed before the row and the job that point at it can commit.
			await handle.sync();
		} catch (error) {
			await handle.close();
			await rm(join(folder, key), { force: true });
			throw error;
		}
		await handle.close();
		await syncFolder(folder);
		return key;
	}

	async readIncoming(key: string): Promise<Buffer> {
		return readFile(this.incomingPath(key));
	}

	async removeIncoming(key: string): Promise<void> {
		await rm(this.incomingPath(key), { force: true });
	}

	readVariant(mediaId: number, file: VariantFile): Promise<Buffer | undefined> {
		return readIfThere(this.variantPath(mediaId, file));
	}

	async sweepLeftovers(now: number, olderThanMs = leftoverAgeMs, keep: ReadonlySet<string> = new Set()): Promise<number> {
		let removed = 0;
		const sweep = async (folder: string, matches: (name: string) => boolean) => {
			let names: string[];
			try {
				names = await readdir(folder);
			} catch {
				return;
			}
			for (const name of names.filter(matches)) {
				try {
					if ((await stat(join(folder, name))).mtimeMs < now - olderThanMs) {
						await rm(join(folder, name), { recursive: true, force: true });
						removed++;
					}
				} catch {
					// gone meanwhile
				}
			}
		};
		await sweep(this.root, (name) => name.startsWith('.staging-'));
		await sweep(this.incomingFolder(), (name) => isIncomingKey(name) && !keep.has(name));
		return removed;
	}

	readImageServiceInfo(mediaId: number): Promise<Buffer | undefined> {
		return readIfThere(this.imageServiceInfoPath(mediaId));
	}

	readTile(mediaId: number, tile: TileRequest): Promise<Buffer | undefined> {
		return readIfThere(this.tilePath(mediaId, tile));
	}

	/**
	 * Where a variant of a photo is kept. The file name is one that
	 * parseVariantFileName took (digits and one known extension), so it cannot
	 * climb out of the media folder.
	 */
	variantPath(mediaId: number, file: VariantFile): string | undefined {
		const path = join(this.mediaFolder(mediaId), file.fileName);
		return path.startsWith(this.root + sep) ? path : undefined;
	}

	/** A photo's info.json, kept without its id (iiif-tiles.ts). */
	imageServiceInfoPath(mediaId: number): string {
		return join(this.mediaFolder(mediaId), imageServiceFolder, 'info.json');
	}

	/**
	 * Where one tile (or whole-photo size) of a photo's image service is kept. The
	 * segments are ones parseTileRequest took (digits, commas, "full"), so they
	 * cannot climb out of the photo's folder; checked again all the same.
	 */
	tilePath(mediaId: number, tile: TileRequest): string | undefined {
		const folder = join(this.mediaFolder(mediaId), imageServiceFolder);
		const path = join(folder, tile.region, tile.size, '0', 'default.jpg');
		return path.startsWith(folder + sep) ? path : undefined;
	}

	protected incomingFolder(): string {
		return join(this.root, '.incoming');
	}

	private incomingPath(key: string): string {
		if (!isIncomingKey(key)) throw new Error(`Not an incoming upload key: ${key}`);
		return join(this.incomingFolder(), key);
	}

	protected mediaFolder(mediaId: number): string {
		if (!Number.isSafeInteger(mediaId) || mediaId < 1) throw new Error(`Not a media id: ${mediaId}`);
		return join(this.root, String(mediaId));
	}
}

/** The media folder of the app: DATA_DIR/media. */
export function createLocalMediaStorage(dataDir: string): LocalMediaStorage {
	return new LocalMediaStorage(join(dataDir, 'media'));
}

/** Whole small files (variants, tiles, info.json: kilobytes to a few hundred); undefined when missing. */
async function readIfThere(path: string | undefined): Promise<Buffer | undefined> {
	if (!path) return undefined;
	try {
		return await readFile(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
		throw error;
	}
}

/** A day: processing takes seconds, and a job that waits longer than this finds its upload lost. */
export const leftoverAgeMs = 24 * 60 * 60_000;

/** A photo's image service: its own folder among the photo's files, so variant names and tile paths never meet. */
export const imageServiceFolder = 'iiif';

/** Flushes every file under a folder, and the folders themselves (hundreds of tiles for a large photo). */
async function syncTree(folder: string): Promise<void> {
	for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
		const path = join(entry.parentPath, entry.name);
		if (entry.isFile()) {
			const handle = await open(path, 'r');
			try {
				await handle.sync();
			} finally {
				await handle.close();
			}
		} else if (entry.isDirectory()) {
			await syncFolder(path);
		}
	}
	await syncFolder(folder);
}
