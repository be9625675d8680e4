import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress, matchesEtag, negotiateEncoding, weakEtag } from './http-response';

describe('negotiateEncoding', () => {
	it('prefers brotli, then gzip, and honours q=0', () => {
		expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
		expect(negotiateEncoding('gzip')).toBe('gzip');
		expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
		expect(negotiateEncoding('*')).toBe('br');
		expect(negotiateEncoding('identity')).toBe('identity');
		expect(negotiateEncoding(null)).toBe('identity');
	});
});

describe('compress', () => {
	it('round-trips both encodings', async () => {
		const body = new TextEncoder().encode('<p>लघु कला</p>'.repeat(200));
		expect(Buffer.from(brotliDecompressSync(await compress(body, 'br'))).equals(Buffer.from(body))).toBe(true);
		expect(Buffer.from(gunzipSync(await compress(body, 'gzip'))).equals(Buffer.from(body))).toBe(true);
	});
});

describe('ETags', () => {
	it('changes with the body and matches weakly, in lists and with *', () => {
		const a = weakEtag(new TextEncoder().encode('a'));
		const b = weakEtag(new TextEncoder().encode('b'));
		expect(a).not.toBe(b);
		expect(a).toMatch(/^W\/".+"$/);
		expect(matchesEtag(a, a)).toBe(true);
		expect(matchesEtag(`"x", ${a}`, a)).toBe(true);
		expect(matchesEtag(a.replace('W/', ''), a)).toBe(true);
		expect(matchesEtag(b, a)).toBe(false);
		expect(matchesEtag('*', a)).toBe(true);
		expect(matchesEtag(null, a)).toBe(false);
	});
});
