import { readFile } from 'node:fs/promises';
import type { LocalMediaStorage } from './media-storage';

/** A variant's file never changes under its URL: a deleted photo's id is never given out again. */
const immutable = 'public, max-age=31536000, immutable';

/**
 * The response for GET /media/<id>/<file>: the stored variant with its type, or
 * 404 for anything that is not exactly a media id and a variant file name that exists.
 */
export async function mediaFileResponse(
	storage: LocalMediaStorage,
	idSegment: string,
	fileSegment: string
): Promise<Response> {
	const variant = storage.resolveVariant(idSegment, fileSegment);
	if (!variant) return notFound();
	let body: Buffer;
	try {
		// Variants are at most a few hundred kilobytes: reading whole is simpler than streaming.
		body = await readFile(variant.path);
	} catch (error) {
		if (isMissing(error)) return notFound();
		throw error;
	}
	return new Response(new Uint8Array(body), {
		headers: {
			'Content-Type': variant.contentType,
			'Content-Length': String(body.byteLength),
			'Cache-Control': immutable,
			'X-Content-Type-Options': 'nosniff'
		}
	});
}

function notFound(): Response {
	return new Response('Not found', {
		status: 404,
		headers: {
			'Content-Type': 'text/plain; charset=utf-8',
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
}

function isMissing(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
