import type { OutgoingHttpHeaders } from 'node:http';
import { compress, matchesEtag, negotiateEncoding, weakEtag, type Compression, type Encoding } from './http-response';

/**
 * Finished public responses, kept in memory and served without rendering again.
 * Public pages are the same for every visitor, so one copy per address serves
 * all of them; each copy is compressed once per encoding, at the highest level,
 * as soon as it is stored.
 *
 * Every entry belongs to a content version: when the version moves (staff
 * published something), the whole cache is dropped at once. The version is
 * read from the database, so several app processes agree within `versionTtlMs`.
 * A page whose text changes with time (a deadline's "3 days left") is kept only
 * as long as its own `max-age` says, at most a minute.
 *
 * Bounded by entries and by bytes (each page with its compressed forms); the
 * least recently used go first.
 */
export class PageCache {
	private entries = new Map<string, { page: CachedPage; expiresAt: number }>();
	private bytes = 0;
	private version: string | undefined;

	constructor(
		private readonly limits: { maxEntries: number; maxBytes: number },
		private readonly now: () => number = () => performance.now()
	) {}

	get(key: string, version: string): CachedPage | undefined {
		if (version !== this.version) {
			this.clear();
			this.version = version;
			return undefined;
		}
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		this.entries.delete(key);
		if (entry.expiresAt <= this.now()) {
			this.bytes -= entry.page.size;
			return undefined;
		}
		// Map order is insertion order: back at the end, it is the most recent.
		this.entries.set(key, entry);
		return entry.page;
	}

	/** Keeps `page` under `key` while `version` holds, and for at most `maxAgeMs` when its text changes with time. */
	set(key: string, version: string, page: CachedPage, maxAgeMs = Infinity): void {
		if (version !== this.version) {
			this.clear();
			this.version = version;
		}
		const previous = this.entries.get(key);
		if (previous) {
			this.entries.delete(key);
			this.bytes -= previous.page.size;
		}
		this.entries.set(key, { page, expiresAt: this.now() + maxAgeMs });
		this.bytes += page.size;
		page.onResize = (change) => {
			if (this.entries.get(key)?.page === page) this.bytes += change;
			this.evict();
		};
		page.prepare();
		this.evict();
	}

	private evict(): void {
		for (const [oldKey, old] of this.entries) {
			if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
			this.entries.delete(oldKey);
			this.bytes -= old.page.size;
		}
	}

	clear(): void {
		this.entries.clear();
		this.bytes = 0;
	}

	get size(): number {
		return this.entries.size;
	}

	/** Bytes held: bodies and their compressed forms. */
	get heldBytes(): number {
		return this.bytes;
	}
}

/** The parts of a request a cached answer depends on. */
export interface CachedRequest {
	method: string;
	ifNoneMatch: string | null;
	acceptEncoding: string | null;
}

/** An answer ready to write: status, headers and body (none for 304 and HEAD). */
export interface CachedAnswer {
	status: 200 | 304;
	headers: OutgoingHttpHeaders;
	body: Uint8Array | undefined;
}

/** One finished response: its headers, its body, and its compressed forms. */
export class CachedPage {
	readonly etag: string;
	private readonly encoded = new Map<Encoding, Uint8Array>();
	private readonly pending = new Map<Encoding, Promise<Uint8Array>>();
	private readonly baseHeaders: OutgoingHttpHeaders;
	private readonly notModifiedHeaders: OutgoingHttpHeaders;
	/** Told how many bytes the compressed forms added, once each is ready. */
	onResize: ((change: number) => void) | undefined;

	/**
	 * `compression`: `stored` for a page the cache keeps (the highest levels, paid once),
	 * `rendered` for one answer (fast levels: the time is paid by every request).
	 */
	constructor(
		headers: [string, string][],
		private readonly body: Uint8Array,
		private readonly compression: Compression | 'none' = 'rendered'
	) {
		// Weak: the brotli, gzip and plain bodies are one representation for caching,
		// and a strong tag must differ between encodings.
		this.etag = weakEtag(body);
		this.encoded.set('identity', body);
		const base: OutgoingHttpHeaders = {};
		for (const [name, value] of headers) {
			// Several Set-Cookie lines are not joined; other repeated headers were joined by Headers already.
			const previous = base[name];
			base[name] = previous === undefined ? value : ([] as string[]).concat(previous as string | string[], value);
		}
		base.etag = this.etag;
		// A photo or another file that is not text is the same for every browser.
		if (compression !== 'none') base.vary = base.vary ? `${String(base.vary)}, Accept-Encoding, Save-Data` : 'Accept-Encoding, Save-Data';
		this.baseHeaders = base;
		const { 'content-type': _type, ...rest } = base;
		this.notModifiedHeaders = rest;
	}

	get size(): number {
		let bytes = 0;
		for (const form of this.encoded.values()) bytes += form.byteLength;
		return bytes;
	}

	/** `none`: a body that is not text (a photo), kept and sent as it is. */
	static async from(response: Response, compression: Compression | 'none' = 'rendered'): Promise<CachedPage> {
		const body = new Uint8Array(await response.arrayBuffer());
		const headers = [...response.headers].filter(([name]) => name !== 'content-length' && name !== 'content-encoding' && name !== 'etag');
		return new CachedPage(headers, body, compression);
	}

	/** Starts compressing into both encodings, so that later requests find them ready. */
	prepare(): void {
		if (this.compression === 'none' || this.body.byteLength <= compressFrom) return;
		for (const encoding of ['br', 'gzip'] as const) void this.encode(encoding).catch(() => undefined);
	}

	private encode(encoding: Encoding): Promise<Uint8Array> {
		const ready = this.encoded.get(encoding);
		if (ready) return Promise.resolve(ready);
		let pending = this.pending.get(encoding);
		if (!pending) {
			pending = compress(this.body, encoding, this.compression === 'none' ? 'rendered' : this.compression).then((bytes) => {
				this.encoded.set(encoding, bytes);
				this.pending.delete(encoding);
				this.onResize?.(bytes.byteLength);
				return bytes;
			});
			this.pending.set(encoding, pending);
		}
		return pending;
	}

	private encodingFor(request: CachedRequest): Encoding {
		return this.compression !== 'none' && this.body.byteLength > compressFrom ? negotiateEncoding(request.acceptEncoding) : 'identity';
	}

	/**
	 * The answer when it can be given at once, without waiting for compression:
	 * 304 when the request's validator matches, else the body in its best encoding.
	 * Undefined while that encoding is still being made (it is then on its way).
	 */
	answerNow(request: CachedRequest): CachedAnswer | undefined {
		if (matchesEtag(request.ifNoneMatch, this.etag)) return { status: 304, headers: this.notModifiedHeaders, body: undefined };
		const encoding = this.encodingFor(request);
		const bytes = this.encoded.get(encoding);
		if (!bytes) {
			void this.encode(encoding).catch(() => undefined);
			return undefined;
		}
		const headers: OutgoingHttpHeaders = { ...this.baseHeaders, 'content-length': bytes.byteLength };
		if (encoding !== 'identity') headers['content-encoding'] = encoding;
		return { status: 200, headers, body: request.method === 'HEAD' ? undefined : bytes };
	}

	/** The response for one request, as `answerNow` gives it, waiting for the compression when needed. */
	async respond(request: Request): Promise<Response> {
		const wanted: CachedRequest = {
			method: request.method,
			ifNoneMatch: request.headers.get('If-None-Match'),
			acceptEncoding: request.headers.get('Accept-Encoding')
		};
		let answer = this.answerNow(wanted);
		if (!answer) {
			await this.encode(this.encodingFor(wanted));
			answer = this.answerNow(wanted)!;
		}
		const headers = new Headers();
		for (const [name, value] of Object.entries(answer.headers)) {
			if (Array.isArray(value)) for (const one of value) headers.append(name, one);
			else if (value !== undefined) headers.set(name, String(value));
		}
		return new Response(answer.body as BodyInit | undefined, { status: answer.status, headers });
	}
}

/** Smaller bodies are sent as they are: compressing them saves less than its headers cost. */
const compressFrom = 1024;
