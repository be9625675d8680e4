import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { parsePublicKey, parseVariantFileName, type MediaStorage, type VariantFile } from './media-storage';
import { findMediaIdByPublicKey } from './media.queries';
import type { PublishedMedia } from './published-media';

/**
 * A published photo's file never changes under its URL: the key is never given out
 * again. Taking the photo off its page cannot call back copies already cached,
 * though: browsers and CDNs may keep them up to this long.
 */
const immutable = 'public, max-age=31536000, immutable';
/** A photo no published page shows is staff's business: never kept by any cache. */
const staffOnly = 'private, no-store';

export interface MediaFiles {
	db: Kysely<Database>;
	storage: MediaStorage;
	published: PublishedMedia;
}

/**
 * The response for GET /media/<public key>/<file>. Everyone gets the variants of
 * a photo that published content shows (answered from memory, see
 * published-media.ts); only staff who may see unpublished photos (`mayPreview`,
 * asked only then) get the others, e.g. a draft's photo or the library's
 * thumbnails. Anything else is 404: a key that names no photo, a photo nobody
 * published, an id, a file name that is not a variant.
 */
export async function mediaFileResponse(
	files: MediaFiles,
	keySegment: string,
	fileSegment: string,
	viewer: MediaViewer
): Promise<Response> {
	const key = parsePublicKey(keySegment);
	const file = parseVariantFileName(fileSegment);
	if (!key || !file) return notFound();
	const visible = await visibleMedia(files, key, viewer);
	return visible ? fileResponse(files.storage, visible.id, file, visible.cacheControl) : notFound();
}

export interface MediaViewer {
	/** Whether the one asking is staff who may see photos no published page shows; asked only for those. */
	mayPreview(): Promise<boolean>;
}

/**
 * The photo a public key names, when this viewer may fetch its files, with the
 * Cache-Control they are sent with: a published photo for everyone, immutable;
 * any other only for staff who may preview it, never stored. Undefined: 404.
 * The variants (/media) and the image service (/iiif) answer by the same rule.
 */
export async function visibleMedia(
	files: MediaFiles,
	key: string,
	viewer: MediaViewer
): Promise<{ id: number; cacheControl: string } | undefined> {
	const publishedId = await files.published.idOf(key);
	if (publishedId !== undefined) return { id: publishedId, cacheControl: immutable };
	if (!(await viewer.mayPreview())) return undefined;
	const id = await findMediaIdByPublicKey(files.db, key);
	return id === undefined ? undefined : { id, cacheControl: staffOnly };
}

async function fileResponse(storage: MediaStorage, mediaId: number, file: VariantFile, cacheControl: string): Promise<Response> {
	// Variants are at most a few hundred kilobytes: reading whole is simpler than streaming.
	const body = await storage.readVariant(mediaId, file);
	if (!body) return notFound();
	return new Response(new Uint8Array(body), {
		headers: {
			'Content-Type': file.contentType,
			'Content-Length': String(body.byteLength),
			'Cache-Control': cacheControl,
			'X-Content-Type-Options': 'nosniff'
		}
	});
}

export function notFound(): Response {
	return new Response('Not found', {
		status: 404,
		headers: {
			'Content-Type': 'text/plain; charset=utf-8',
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
}

export function isMissing(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
