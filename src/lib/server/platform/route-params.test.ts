import { describe, expect, it } from 'vitest';
import { idFrom, maxId, maxPage, pageFrom, searchTextFrom } from './route-params';

const hostileNumbers = ['1e309', '99999999999999999999', '2147483648', '-1', '0', '1.5', 'NaN', 'Infinity', '0x10', '1e3', '', ' ', '01', '1 2', '١٢', '+1'];

describe('idFrom', () => {
	it('reads plain digits from 1 to the largest id, from a form or an address', () => {
		expect(idFrom('1')).toBe(1);
		expect(idFrom(' 42 ')).toBe(42);
		expect(idFrom(String(maxId))).toBe(maxId);
	});

	it.each([...hostileNumbers, String(maxId + 1), null, undefined])('is undefined for %j', (value) => {
		expect(idFrom(value)).toBeUndefined();
	});

	it('is undefined for a file sent in place of a field', () => {
		expect(idFrom(new File(['1'], '1'))).toBeUndefined();
	});
});

describe('pageFrom', () => {
	const page = (query: string, name?: string) => pageFrom(new URL(`http://x/list${query}`), name);

	it('reads the page asked for, under any name', () => {
		expect(page('?page=3')).toBe(3);
		expect(page(`?page=${maxPage}`)).toBe(maxPage);
		expect(page('?approvedPage=2', 'approvedPage')).toBe(2);
		// Repeated: the first one counts, as everywhere else in the query string.
		expect(page('?page=2&page=1e309')).toBe(2);
	});

	it.each([...hostileNumbers, String(maxPage + 1)])('is the first page for %j', (value) => {
		expect(page(`?page=${encodeURIComponent(value)}`)).toBe(1);
	});

	it('is the first page without the parameter', () => {
		expect(page('')).toBe(1);
	});
});

describe('searchTextFrom', () => {
	it('drops control characters, trims and shortens', () => {
		const url = new URL(`http://x/?q=${encodeURIComponent(' a\u0000b\r\nc\t ')}&long=${'x'.repeat(500)}`);
		expect(searchTextFrom(url, 'q', 100)).toBe('a b c');
		expect(searchTextFrom(url, 'long', 100)).toHaveLength(100);
		expect(searchTextFrom(url, 'missing', 100)).toBe('');
	});

	it('keeps text in any script', () => {
		expect(searchTextFrom(new URL(`http://x/?q=${encodeURIComponent('नमस्ते é')}`), 'q', 100)).toBe('नमस्ते é');
	});
});
