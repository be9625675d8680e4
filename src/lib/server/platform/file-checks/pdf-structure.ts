import { createInflate } from 'node:zlib';

/*
 * The cap on a PDF's expanded size, checked before any PDF reader sees the file.
 *
 * To find its first page a reader inflates the cross-reference streams and the
 * object streams that hold the page tree, whatever they expand to: a 1 MB file can
 * hold an object stream of 1 GB. These are the only streams read to open a PDF
 * (content streams, images and fonts wait until a page is drawn), and in real files
 * they stay small (a few MB for thousands of pages). Each is inflated here with a
 * bound on its output, so a bomb costs at most `capBytes` of memory and is refused.
 *
 * Only this file's own knowledge of PDF syntax: a dictionary before each `stream`
 * keyword, its /Type, /Filter and /Length. A file that hides its structure from this
 * scan is still bounded by the worker's memory and time limits.
 */

export type StructureVerdict = 'ok' | 'too_large' | 'unusual_encoding';

/** How far before a `stream` keyword its dictionary may start. */
const dictionaryReach = 16 * 1024;

export async function checkStructuralStreams(bytes: Uint8Array, capBytes: number): Promise<StructureVerdict> {
	const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let budget = capBytes;
	for (let at = file.indexOf('stream'); at !== -1; at = file.indexOf('stream', at + 6)) {
		if (at >= 3 && file.toString('latin1', at - 3, at) === 'end') continue;
		const dataStart = streamDataStart(file, at + 6);
		if (dataStart === undefined) continue;
		const dictionary = dictionaryBefore(file, at);
		if (!/\/Type\s*\/(?:ObjStm|XRef)\b/.test(dictionary)) continue;

		const filters = [...dictionary.matchAll(/\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/g)].flatMap((match) => match[1]!.match(/\/[A-Za-z0-9]+/g) ?? []);
		if (filters.length === 0) continue; // stored as is: its size is the file's
		// Object streams came with PDF 1.5, long after Flate replaced LZW; writers use Flate.
		if (filters.length > 1 || (filters[0] !== '/FlateDecode' && filters[0] !== '/Fl')) return 'unusual_encoding';

		const declared = /\/Length\s+(\d{1,10})\b(?!\s+\d+\s+R)/.exec(dictionary);
		const end = declared ? Math.min(file.length, dataStart + Number(declared[1])) : endOfData(file, dataStart);
		budget -= await inflatedSize(file.subarray(dataStart, end), budget);
		if (budget < 0) return 'too_large';
	}
	return 'ok';
}

/**
 * How many bytes the data inflates to, counted as it comes out and never kept, up
 * to one more than `limit`. Damaged data counts what came out before the damage:
 * the reader decides what it makes of the rest.
 */
function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
	return new Promise((resolve) => {
		let size = 0;
		const inflate = createInflate();
		const finish = () => resolve(size);
		inflate.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				inflate.destroy();
				finish();
			}
		});
		inflate.on('end', finish);
		inflate.on('error', finish);
		inflate.end(data);
	});
}

/** After the keyword: CRLF or LF (a lone CR is tolerated, as readers do). */
function streamDataStart(file: Buffer, afterKeyword: number): number | undefined {
	if (file[afterKeyword] === 0x0d) return file[afterKeyword + 1] === 0x0a ? afterKeyword + 2 : afterKeyword + 1;
	if (file[afterKeyword] === 0x0a) return afterKeyword + 1;
	return undefined;
}

function dictionaryBefore(file: Buffer, keyword: number): string {
	const from = Math.max(0, keyword - dictionaryReach);
	const text = file.toString('latin1', from, keyword);
	const objectStart = text.lastIndexOf(' obj');
	return objectStart === -1 ? text : text.slice(objectStart);
}

function endOfData(file: Buffer, dataStart: number): number {
	const end = file.indexOf('endstream', dataStart);
	return end === -1 ? file.length : end;
}
