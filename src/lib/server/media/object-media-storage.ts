import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { TileRequest } from '$lib/server/platform/images/iiif-tiles';
import { DiskStorage } from '$lib/server/platform/storage/disk-storage';
import { storedAreas, type ObjectStorage } from '$lib/server/platform/storage/object-storage';
import { createLocalMediaStorage, imageServiceFolder, isIncomingKey, leftoverAgeMs, LocalMediaStorage, type MediaStorage, type StagedFiles, type VariantFile } from './media-storage';

/*
 * The media library in a bucket (S3 storage): the same keys as on disk,
 * media/<media id>/<width>.<ext> and media/<media id>/iiif/…, and kept uploads
 * under media/.incoming/<uuid> (a transient key, never backed up nor moved), so
 * a job worker in another process finds them.
 *
 * Variants and tiles are still made into a local staging folder (libvips writes
 * tiles to a folder), then put one by one under the photo's keys while the
 * transaction that sets the photo ready is open. A bucket has no rename of a
 * folder, so a reader could meet some of a photo's files and not others; none
 * does, because files are found only through a ready photo's row, and the row
 * commits after the last put. What a crash leaves behind is under a photo still
 * 'processing': the retry replaces it, and deleting the photo deletes its prefix.
 */
export class ObjectMediaStorage extends LocalMediaStorage implements MediaStorage {
	readonly objects: ObjectStorage;

	/** `scratch`: a local folder for staging, e.g. DATA_DIR/media. */
	constructor(objects: ObjectStorage, scratch: string) {
		super(scratch);
		this.objects = objects;
	}

	override async publish(staged: StagedFiles, mediaId: number): Promise<void> {
		const prefix = this.prefixOf(mediaId);
		await this.objects.deletePrefix(prefix);
		await this.putTree(staged.folder, prefix);
		await this.discard(staged);
	}

	override async publishTiles(staged: StagedFiles, mediaId: number): Promise<void> {
		const prefix = `${this.prefixOf(mediaId)}${imageServiceFolder}/`;
		await this.objects.deletePrefix(prefix);
		await this.putTree(join(staged.folder, imageServiceFolder), prefix);
		await this.discard(staged);
	}

	override async remove(mediaId: number): Promise<void> {
		await this.objects.deletePrefix(this.prefixOf(mediaId));
	}

	override async removeTiles(mediaId: number): Promise<void> {
		await this.objects.deletePrefix(`${this.prefixOf(mediaId)}${imageServiceFolder}/`);
	}

	override async keepIncoming(bytes: Uint8Array): Promise<string> {
		const key = randomUUID();
		await this.objects.put(incomingKey(key), bytes);
		return key;
	}

	override async readIncoming(key: string): Promise<Buffer> {
		const bytes = await this.objects.read(incomingKey(key));
		if (bytes) return bytes;
		// As reading a missing file does: processing takes it for an upload lost.
		throw Object.assign(new Error(`No kept upload ${key}`), { code: 'ENOENT' });
	}

	override async removeIncoming(key: string): Promise<void> {
		await this.objects.delete(incomingKey(key));
	}

	/** Local staging folders, and kept uploads in the bucket (they hold the original, location and all). */
	override async sweepLeftovers(now: number, olderThanMs = leftoverAgeMs, keep: ReadonlySet<string> = new Set()): Promise<number> {
		let removed = await super.sweepLeftovers(now, olderThanMs, keep);
		for await (const object of this.objects.list(`${storedAreas.media}.incoming/`)) {
			if (object.modified.getTime() < now - olderThanMs && !keep.has(object.key.slice(object.key.lastIndexOf('/') + 1))) {
				await this.objects.delete(object.key);
				removed++;
			}
		}
		return removed;
	}

	override readVariant(mediaId: number, file: VariantFile): Promise<Buffer | undefined> {
		return this.objects.read(`${this.prefixOf(mediaId)}${file.fileName}`);
	}

	override readImageServiceInfo(mediaId: number): Promise<Buffer | undefined> {
		return this.objects.read(`${this.prefixOf(mediaId)}${imageServiceFolder}/info.json`);
	}

	override readTile(mediaId: number, tile: TileRequest): Promise<Buffer | undefined> {
		// The segments are ones parseTileRequest took; the storage checks the key all the same.
		return this.objects.read(`${this.prefixOf(mediaId)}${imageServiceFolder}/${tile.region}/${tile.size}/0/default.jpg`);
	}

	private prefixOf(mediaId: number): string {
		if (!Number.isSafeInteger(mediaId) || mediaId < 1) throw new Error(`Not a media id: ${mediaId}`);
		return `${storedAreas.media}${mediaId}/`;
	}

	/** Puts every file under a local folder at the prefix, a few at a time (a large photo has hundreds of tiles). */
	private async putTree(folder: string, prefix: string): Promise<void> {
		const files = (await readdir(folder, { recursive: true, withFileTypes: true }))
			.filter((entry) => entry.isFile())
			.map((entry) => join(entry.parentPath, entry.name));
		for (let i = 0; i < files.length; i += putConcurrency) {
			await Promise.all(
				files.slice(i, i + putConcurrency).map(async (path) => {
					const key = prefix + relative(folder, path).split(sep).join('/');
					await this.objects.put(key, await readFile(path), { contentType: contentTypeOf(key) });
				})
			);
		}
	}
}

const putConcurrency = 8;

function incomingKey(key: string): string {
	if (!isIncomingKey(key)) throw new Error(`Not an incoming upload key: ${key}`);
	return `${storedAreas.media}.incoming/${key}`;
}

function contentTypeOf(key: string): string {
	if (key.endsWith('.json')) return 'application/json';
	if (key.endsWith('.webp')) return 'image/webp';
	if (key.endsWith('.avif')) return 'image/avif';
	return 'image/jpeg';
}

/**
 * The media library on the app's storage. On disk it stays the folder it always
 * was, whose renames make a photo's files appear all at once; in a bucket, see above.
 */
export function createMediaStorage(objects: ObjectStorage, dataDir: string): MediaStorage {
	if (objects instanceof DiskStorage) return createLocalMediaStorage(objects.root);
	return new ObjectMediaStorage(objects, join(dataDir, 'media'));
}
