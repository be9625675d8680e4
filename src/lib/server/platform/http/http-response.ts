import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type Encoding = 'br' | 'gzip' | 'identity';

const compressibleType = /^(text\/|application\/(xml|json|ld\+json|atom\+xml|rss\+xml|xhtml\+xml|javascript)|image\/svg\+xml)/;

export function isCompressible(contentType: string | null): boolean {
	return contentType !== null && compressibleType.test(contentType);
}

/** Brotli when the client takes it, else gzip, else nothing. Respects q=0. */
export function negotiateEncoding(acceptEncoding: string | null): Encoding {
	if (!acceptEncoding) return 'identity';
	const accepted = new Map<string, number>();
	for (const part of acceptEncoding.toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		accepted.set(name, q ? Number(q.slice(2)) : 1);
	}
	const allows = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
	if (allows('br')) return 'br';
	if (allows('gzip')) return 'gzip';
	return 'identity';
}

/**
 * How hard to compress: `stored` bytes are made once and sent many times (a cached
 * page), so they get the smallest output; `rendered` bytes are made for one answer,
 * so they get the levels whose time is well spent per request.
 */
export type Compression = 'stored' | 'rendered';

const brotliQuality: Record<Compression, number> = { stored: constants.BROTLI_MAX_QUALITY, rendered: 4 };
const gzipLevel: Record<Compression, number> = { stored: constants.Z_BEST_COMPRESSION, rendered: 5 };

/**
 * A rendered page of ordinary size is compressed at once, on this thread: at these
 * levels that takes well under a tenth of a millisecond, less than handing the
 * work to the thread pool and back through a stream would cost. A stored page
 * (seconds of brotli at its highest quality, once) or a big body goes to the pool.
 */
const compressAtOnceBelow = 64 * 1024;

export async function compress(body: Uint8Array, encoding: Encoding, compression: Compression = 'rendered'): Promise<Uint8Array> {
	if (encoding === 'identity') return body;
	const atOnce = compression === 'rendered' && body.byteLength < compressAtOnceBelow;
	if (encoding === 'br') {
		const options: BrotliOptions = {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: brotliQuality[compression],
				[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
				[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
			}
		};
		return atOnce ? brotliCompressSync(body, options) : brotli(body, options);
	}
	const options = { level: gzipLevel[compression] };
	return atOnce ? gzipSync(body, options) : gzipAsync(body, options);
}

/**
 * A weak validator: the compressed and plain forms of one page are the same
 * representation for caching purposes.
 */
export function weakEtag(body: Uint8Array): string {
	return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** True when an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
	const wanted = opaque(etag);
	return ifNoneMatch.split(',').some((tag) => opaque(tag) === wanted);
}
