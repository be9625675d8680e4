import QRCode, { type BitMatrix } from 'qrcode';

/*
 * A QR code as inline SVG, for a ticket shown on a page or printed: no image
 * request, no script, nothing it refers to outside itself, so it works on the
 * public pages (which have no JavaScript) and under their Content-Security-
 * Policy. The dark modules are one path drawn in currentColor and the light
 * ones are left transparent, so the page's CSS sets both: give the code a dark
 * `color` on a light `background` (scanners expect dark on light, and some do
 * not read a code in reverse), and a size, since the SVG has only a viewBox.
 */

/** Light modules around the code: ISO/IEC 18004 asks for four, and cameras find the code sooner with them. */
const quietZone = 4;

export interface QrSvgOptions {
	/** What the code is, for screen readers and as a tooltip: "Ticket for the mural workshop, 5 December". */
	label: string;
}

/**
 * The code for `text` (a ticket's URL) as an SVG element. Error correction
 * level M (15 %): a code on a phone screen or a clean print needs no more, and
 * a lower level keeps the modules larger. Throws when the text is empty or too
 * long for a QR code.
 */
export function qrSvg(text: string, { label }: QrSvgOptions): string {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const side = modules.size + 2 * quietZone;
	const name = escapeXml(label.replace(/\s+/g, ' ').trim());
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" role="img" aria-label="${name}" shape-rendering="crispEdges">` +
		`<title>${name}</title><path stroke="currentColor" d="${darkRuns(modules)}"/></svg>`
	);
}

/**
 * Path data drawing each horizontal run of dark modules as a stroke one module
 * wide along the middle of its row: one absolute move per row and a relative
 * move and line per run, which keeps a 40-character URL's code near 2 KB.
 */
function darkRuns(modules: BitMatrix): string {
	const size = modules.size;
	let path = '';
	for (let row = 0; row < size; row++) {
		let penX: number | null = null;
		let column = 0;
		while (column < size) {
			if (!modules.get(row, column)) {
				column++;
				continue;
			}
			const start = column;
			while (column < size && modules.get(row, column)) column++;
			path += penX === null ? `M${start + quietZone} ${row + quietZone}.5` : `m${start + quietZone - penX} 0`;
			path += `h${column - start}`;
			penX = column + quietZone;
		}
	}
	return path;
}

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for both an attribute and an element; characters XML cannot carry are dropped. */
function escapeXml(value: string): string {
	return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[&<>"']/g, (character) => xmlEscapes[character] ?? character);
}
