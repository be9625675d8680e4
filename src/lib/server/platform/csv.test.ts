import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cellsReadAsFormulas, hostileCells } from '../../../../tests/support/csv-readings';
import { csvFile, csvLines, defuseFormulas } from './csv';

describe('the CSV writer', () => {
	it('writes no cell that a spreadsheet splitting on commas or semicolons could read as a formula', () => {
		const text = csvFile([['name', ...hostileCells.map((_, i) => `column ${i}`)], ['Ana', ...hostileCells], hostileCells]);
		expect(cellsReadAsFormulas(text)).toEqual([]);
	});

	it('keeps what was typed readable: quoted where needed, an apostrophe only before a formula character', () => {
		const rows = [
			['Ana Shrestha', 'a, b; c', 'say "hi"', 'two\r\nlines', 'नमस्ते', '-12.5', 'x;-3', '', null, 42, undefined],
			["x;=cmd|' /C calc'!A0", '=1+1', 'line\n-b', '\t@x']
		];
		const text = csvFile(rows);
		expect(text.startsWith('\uFEFFAna Shrestha,"a, b; c","say ""hi""","two\r\nlines",नमस्ते,-12.5,"x;-3",,,42,\r\n')).toBe(true);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(parse(text, { bom: true, relax_column_count: true })).toEqual([
			['Ana Shrestha', 'a, b; c', 'say "hi"', 'two\r\nlines', 'नमस्ते', '-12.5', 'x;-3', '', '', '42', ''],
			["x;'=cmd|' /C calc'!A0", "'=1+1", "line\n'-b", "'\t@x"]
		]);
	});

	it('writes a part of a file without the byte-order mark, and nothing for no rows', () => {
		expect(csvLines([['a', '+b']])).toBe("a,'+b\r\n");
		expect(csvLines([])).toBe('');
		expect(defuseFormulas('-7')).toBe('-7');
		expect(defuseFormulas('-7x')).toBe("'-7x");
	});
});
