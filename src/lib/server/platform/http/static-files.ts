import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { lookup } from 'mrmime';
import { matchesEtag, negotiateEncoding, weakEtag, type Encoding } from './http-response.ts'; // .ts: the server entry loads this file outside the bundle

/**
 * The built app's own files (hashed CSS and scripts, the favicon, the sharing
 * image), held in memory with their precompressed forms and every header they
 * are sent with, so that the fast path answers them like a cached page: the
 * security headers and a locked-down policy included, which the framework's
 * file server did not send.
 *
 * Files larger than `maxFileBytes`, or past `maxTotalBytes` in all, are left to
 * the framework's file server, as are range requests.
 */
export interface StaticAnswer {
	status: 200 | 304;
	headers: Record<string, string>;
	body: Uint8Array | undefined;
}

interface StaticFile {
	/** The bytes and headers of each form held; always `identity`. */
	forms: Partial<Record<Encoding, { body: Uint8Array; headers: Record<string, string> }>>;
	headers: Record<string, string>;
	etag: string;
}

export interface StaticFiles {
	/** The answer for a GET or HEAD of `pathname`, or undefined when it is not one of the held files. */
	answer(request: { method: string; pathname: string; ifNoneMatch: string | null; acceptEncoding: string | null; range: string | null }): StaticAnswer | undefined;
	/** Bytes held, compressed forms included. */
	readonly bytes: number;
	readonly size: number;
}

export interface StaticFilesOptions {
	/** Headers every answer carries (the security headers and their policy). */
	headers: Record<string, string>;
	/** Addresses under this prefix are content-hashed: cached for a year. */
	immutablePrefix: string;
	maxFileBytes?: number;
	maxTotalBytes?: number;
}

/** Files whose address does not change with their content: a browser asks again after an hour. */
const mutableCacheControl = 'public, max-age=3600';
const immutableCacheControl = 'public, max-age=31536000, immutable';

export function loadStaticFiles(dir: string, options: StaticFilesOptions): StaticFiles {
	const { maxFileBytes = 1024 * 1024, maxTotalBytes = 32 * 1024 * 1024 } = options;
	const files = new Map<string, StaticFile>();
	let bytes = 0;
	const paths = existsSync(dir) ? listFiles(dir) : [];
	const present = new Set(paths);
	for (const path of paths) {
		if (path.endsWith('.br') || path.endsWith('.gz')) {
			// A compressed form goes with its file; one left without it is served as it is.
			if (present.has(path.slice(0, -3))) continue;
		}
		const size = statSync(path).size;
		if (size > maxFileBytes) continue;
		const plain = readFileSync(path);
		const encoded = { br: present.has(`${path}.br`) ? readFileSync(`${path}.br`) : undefined, gzip: present.has(`${path}.gz`) ? readFileSync(`${path}.gz`) : undefined };
		const held = plain.byteLength + (encoded.br?.byteLength ?? 0) + (encoded.gzip?.byteLength ?? 0);
		if (bytes + held > maxTotalBytes) continue;
		bytes += held;
		const address = '/' + relative(dir, path).split(sep).join('/');
		const etag = weakEtag(plain);
		const headers: Record<string, string> = {
			...options.headers,
			'Content-Type': contentType(address),
			'Cache-Control': address.startsWith(options.immutablePrefix) ? immutableCacheControl : mutableCacheControl,
			ETag: etag
		};
		if (encoded.br || encoded.gzip) headers.Vary = 'Accept-Encoding';
		const forms: StaticFile['forms'] = { identity: { body: plain, headers: { ...headers, 'Content-Length': String(plain.byteLength) } } };
		for (const encoding of ['br', 'gzip'] as const) {
			const body = encoded[encoding];
			if (body) forms[encoding] = { body, headers: { ...headers, 'Content-Encoding': encoding, 'Content-Length': String(body.byteLength) } };
		}
		files.set(address, { forms, headers, etag });
	}

	return {
		bytes,
		size: files.size,
		answer({ method, pathname, ifNoneMatch, acceptEncoding, range }) {
			if (method !== 'GET' && method !== 'HEAD') return undefined;
			const file = files.get(pathname);
			if (!file) return undefined;
			if (matchesEtag(ifNoneMatch, file.etag)) return { status: 304, headers: file.headers, body: undefined };
			// Ranges (a resumed download) are the framework's file server's to answer.
			if (range !== null) return undefined;
			// adapter-node makes both compressed forms of every text file; others go as they are.
			const { body, headers } = file.forms[negotiateEncoding(acceptEncoding)] ?? file.forms.identity!;
			return { status: 200, headers, body: method === 'HEAD' ? undefined : body };
		}
	};
}

function listFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name));
}

function contentType(address: string): string {
	const type = lookup(address) ?? 'application/octet-stream';
	return /^text\/|javascript|json|svg|xml/.test(type) ? `${type}; charset=utf-8` : type;
}
