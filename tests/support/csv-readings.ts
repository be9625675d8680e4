import { parse } from 'csv-parse/sync';

/*
 * How spreadsheet programs may read a CSV file, for tests that check no cell of
 * an export can become a formula: split on commas honouring quotes (RFC 4180),
 * split on semicolons honouring a quote only at the start of a field (what a
 * spreadsheet set to ";" does), and split on , ; and every line break ignoring
 * quotes altogether (the most any reader could do).
 */

/** Cells hostile people type, each of which some spreadsheet would run as a formula if written as it is. */
export const hostileCells = [
	"x;=cmd|' /C calc'!A0",
	'=HYPERLINK("https://evil.example","click")',
	'+1+cmd|x',
	'-2+3+cmd|x',
	'@SUM(1+1)*cmd|x',
	'\t=1+1',
	'\r=1+1',
	'a,=1+1',
	'first line\n=1+1',
	'first line\r\n-1+cmd|x',
	'x; "=1+1"',
	'x;"=1+1"'
];

const formulaCharacter = /^[=+\-@\t\r]/;
const plainNumber = /^-\d+(?:\.\d+)?$/;

function formulaCellsOf(cells: string[]): string[] {
	return cells.filter((cell) => formulaCharacter.test(cell) && !plainNumber.test(cell));
}

/** The cells of `text` (a whole CSV file or part of one) that some reading above would take as a formula. */
export function cellsReadAsFormulas(text: string): string[] {
	const body = text.replace(/^\uFEFF/, '');
	const byComma = (parse(body, { delimiter: ',', relax_column_count: true }) as string[][]).flat();
	const bySemicolon = (parse(body, { delimiter: ';', relax_quotes: true, relax_column_count: true }) as string[][]).flat();
	// Quotes ignored: a field starting with quotes is read as what follows them.
	const bySplitting = body.split(/[,;\r\n]/).map((field) => field.replace(/^"+/, ''));
	return [...formulaCellsOf(byComma), ...formulaCellsOf(bySemicolon), ...formulaCellsOf(bySplitting)];
}
