import { compress, matchesEtag, negotiateEncoding, weakEtag, type Encoding } from './http-response';

/**
 * Finished public responses, kept in memory and served without rendering again.
 * Public pages are the same for every visitor, so one copy per address serves
 * all of them; each copy is compressed once per encoding, on first demand.
 *
 * Every entry belongs to a content version: when the version moves (staff
 * published something), the whole cache is dropped at once. The version is
 * read from the database, so several app processes agree within `versionTtlMs`.
 */
export class PageCache {
	private entries = new Map<string, CachedPage>();
	private bytes = 0;
	private version: string | undefined;

	constructor(private readonly limits: { maxEntries: number; maxBytes: number }) {}

	get(key: string, version: string): CachedPage | undefined {
		if (version !== this.version) {
			this.clear();
			this.version = version;
			return undefined;
		}
		const entry = this.entries.get(key);
		if (entry) {
			// Map order is insertion order: move to the back to keep it most recent.
			this.entries.delete(key);
			this.entries.set(key, entry);
		}
		return entry;
	}

	set(key: string, version: string, entry: CachedPage): void {
		if (version !== this.version) {
			this.clear();
			this.version = version;
		}
		const previous = this.entries.get(key);
		if (previous) this.bytes -= previous.size;
		this.entries.set(key, entry);
		this.bytes += entry.size;
		for (const [oldKey, old] of this.entries) {
			if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
			this.entries.delete(oldKey);
			this.bytes -= old.size;
		}
	}

	clear(): void {
		this.entries.clear();
		this.bytes = 0;
	}

	get size(): number {
		return this.entries.size;
	}
}

/** One finished response: its headers, its body, and its compressed forms. */
export class CachedPage {
	readonly etag: string;
	private encoded = new Map<Encoding, Promise<Uint8Array>>();

	constructor(
		private readonly headers: [string, string][],
		private readonly body: Uint8Array
	) {
		// Weak: the brotli, gzip and plain bodies are one representation for caching,
		// and a strong tag must differ between encodings.
		this.etag = weakEtag(body);
		this.encoded.set('identity', Promise.resolve(body));
	}

	get size(): number {
		return this.body.byteLength * 2;
	}

	static async from(response: Response): Promise<CachedPage> {
		const body = new Uint8Array(await response.arrayBuffer());
		const headers = [...response.headers].filter(
			([name]) => name !== 'content-length' && name !== 'content-encoding' && name !== 'etag'
		);
		return new CachedPage(headers, body);
	}

	/** The response for one request: 304 when its validator matches, else the body in its best encoding. */
	async respond(request: Request): Promise<Response> {
		const headers = new Headers(this.headers);
		headers.set('ETag', this.etag);
		headers.append('Vary', 'Accept-Encoding, Save-Data');
		if (matchesEtag(request.headers.get('If-None-Match'), this.etag)) {
			headers.delete('Content-Type');
			return new Response(null, { status: 304, headers });
		}
		const encoding = this.body.byteLength > 1024 ? negotiateEncoding(request.headers.get('Accept-Encoding')) : 'identity';
		let payload = this.encoded.get(encoding);
		if (!payload) {
			payload = compress(this.body, encoding);
			this.encoded.set(encoding, payload);
		}
		const bytes = await payload;
		if (encoding !== 'identity') headers.set('Content-Encoding', encoding);
		headers.set('Content-Length', String(bytes.byteLength));
		return new Response(request.method === 'HEAD' ? null : (bytes as BodyInit), { status: 200, headers });
	}
}
