import { stringify } from 'csv-stringify/sync';

/*
 * The one way the app writes CSV: every staff export and report. Their cells
 * hold what applicants, donors and subscribers typed, and staff open them in a
 * spreadsheet, so no cell may be read as a formula, whichever separator the
 * spreadsheet splits on (a comma, or a semicolon in Spanish, Indonesian or
 * German settings):
 * - a cell starting with = + - @, a tab or a carriage return gets an apostrophe
 *   in front, which spreadsheets read as "this is text" (a plain number such as
 *   -12.5 cannot be a formula and stays as it is);
 * - a cell holding , ; " or a line break is quoted (RFC 4180);
 * - a spreadsheet splitting on ";" honours a quote only at the very start of a
 *   field, so inside the comma-separated quoted cells it starts a field after
 *   every ";" and a record after every line break: the apostrophe goes there
 *   too, and after a comma, whenever a formula character follows.
 * Lines end in CRLF; a whole file starts with a byte-order mark, so spreadsheet
 * programs read every script as UTF-8.
 */

export type CsvCell = string | number | null | undefined;

/** What spreadsheets read as UTF-8 only when it comes first. */
export const csvByteOrderMark = '\uFEFF';

/**
 * Every place where some spreadsheet could start a field (the cell's start, or
 * after a separator or line break inside it) followed, perhaps after quotes, by
 * a formula character, unless what follows is a plain negative number.
 */
const formulaStart = /(?<=^|[,;\r\n])(?="*[=+\-@\t\r])(?!-\d+(?:\.\d+)?(?:[,;\r\n]|$))/g;

/** The cell as text, with an apostrophe wherever a spreadsheet could read a formula. */
export function defuseFormulas(cell: CsvCell): string {
	if (cell === null || cell === undefined) return '';
	return String(cell).replace(formulaStart, "'");
}

/** CSV lines (CRLF after each), without a byte-order mark: a part of a file, e.g. one batch of a streamed export. */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
	if (rows.length === 0) return '';
	return stringify(
		rows.map((row) => row.map(defuseFormulas)),
		{ record_delimiter: 'windows', quoted_match: /[,;"\r\n]/ }
	);
}

/** A whole CSV file: the byte-order mark, then the lines. */
export function csvFile(rows: readonly (readonly CsvCell[])[]): string {
	return csvByteOrderMark + csvLines(rows);
}
