import { describe, expect, it } from 'vitest';
import { pageCount, pageWindow } from './paging';

describe('paging', () => {
	it('takes the page asked for in whole numbers, from page 1, with 1 to the most rows a page', () => {
		expect(pageWindow(undefined, undefined, { maxSize: 200 })).toEqual({ page: 1, size: 50, offset: 0 });
		expect(pageWindow(3.7, 500, { maxSize: 200 })).toEqual({ page: 3, size: 200, offset: 400 });
		expect(pageWindow(-2, 0, { maxSize: 500, defaultSize: 100 })).toEqual({ page: 1, size: 1, offset: 0 });
		expect(pageWindow(2, undefined, { maxSize: 500, defaultSize: 100 })).toEqual({ page: 2, size: 100, offset: 100 });
	});

	it('counts the pages, one at least', () => {
		expect(pageCount(0, 50)).toBe(1);
		expect(pageCount(50, 50)).toBe(1);
		expect(pageCount(101, 50)).toBe(3);
	});
});
