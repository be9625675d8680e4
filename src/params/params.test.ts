import { describe, expect, it } from 'vitest';
import { maxId } from '$lib/ids';
import { match as id } from './id';
import { match as idOrNew } from './idOrNew';

const hostile = ['1e309', '99999999999999999999', String(maxId + 1), '-1', '0', '01', '1.5', 'NaN', ' 1', '1 ', '', '١٢', '+1', 'new ', 'New'];

describe('path parameter matchers', () => {
	it('take an id from 1 to the largest a row can have, in plain digits', () => {
		for (const value of ['1', '42', String(maxId)]) expect(id(value), value).toBe(true);
		for (const value of hostile) expect(id(value), value).toBe(false);
		expect(id('new')).toBe(false);
	});

	it('take `new` where a page also creates the row', () => {
		for (const value of ['new', '1', String(maxId)]) expect(idOrNew(value), value).toBe(true);
		for (const value of hostile) expect(idOrNew(value), value).toBe(false);
	});
});
