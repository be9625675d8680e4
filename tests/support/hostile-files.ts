import { constants, crc32, createDeflate, deflateSync } from 'node:zlib';

/*
 * Files an attacker would send to a public upload field, made here rather than
 * kept as fixtures: a few lines each, and the size of each bomb is a parameter.
 */

/**
 * A PDF whose page tree sits in a compressed object stream (PDF 1.5) that expands
 * to `expandedBytes` (mostly trailing spaces after the two objects): about a
 * thousandth of that on the wire. A reader must inflate the whole stream to find
 * the first page.
 */
export async function pdfBomb(expandedBytes: number): Promise<Buffer> {
	const objects = '<< /Type /Pages /Kids [3 0 R] /Count 1 >> << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>';
	const secondAt = objects.indexOf('<< /Type /Page ');
	const header = `2 0 3 ${secondAt} `;
	const stream = await deflateLarge(header + objects, Math.max(0, expandedBytes - header.length - objects.length));
	return assemblePdf(
		[
			{ id: 1, body: Buffer.from('<< /Type /Catalog /Pages 2 0 R >>') },
			{
				id: 4,
				body: Buffer.concat([
					Buffer.from(`<< /Type /ObjStm /N 2 /First ${header.length} /Filter /FlateDecode /Length ${stream.length} >>\nstream\n`),
					stream,
					Buffer.from('\nendstream')
				])
			}
		],
		// Objects 2 and 3 live in object stream 4, at indexes 0 and 1.
		[
			{ id: 2, stream: 4, index: 0 },
			{ id: 3, stream: 4, index: 1 }
		]
	);
}

/** A small, valid one-page PDF with an author, a title and an XMP packet naming the author. */
export function pdfWithMetadata(author = 'Ana Applicant'): Buffer {
	const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${author}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
	const content = 'BT /F1 24 Tf 72 700 Td (Portfolio) Tj ET';
	return assemblePdf(
		[
			{ id: 1, body: Buffer.from('<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>') },
			{ id: 2, body: Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>') },
			{
				id: 3,
				body: Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>')
			},
			{ id: 4, body: Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`) },
			{ id: 5, body: Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>') },
			{ id: 6, body: Buffer.from(`<< /Type /Metadata /Subtype /XML /Length ${Buffer.byteLength(xmp)} >>\nstream\n${xmp}\nendstream`) },
			{ id: 7, body: Buffer.from(`<< /Author (${author}) /Creator (Writer of ${author}) /Title (CV of ${author}) /Producer (Office) >>`) }
		],
		[],
		7
	);
}

/** A file that starts as a PDF and goes on as an HTML page with a script: neither opens as the other. */
export function pdfHtmlPolyglot(): Buffer {
	return Buffer.from('%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n');
}

/**
 * PDF objects written out with an xref stream (so that objects may live in object
 * streams); `info` names the document information dictionary's object.
 */
function assemblePdf(objects: { id: number; body: Buffer }[], inStreams: { id: number; stream: number; index: number }[], info?: number): Buffer {
	const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
	let offset = parts[0]!.length;
	const offsets = new Map<number, number>();
	for (const object of objects) {
		offsets.set(object.id, offset);
		const part = Buffer.concat([Buffer.from(`${object.id} 0 obj\n`), object.body, Buffer.from('\nendobj\n')]);
		parts.push(part);
		offset += part.length;
	}
	const xrefId = Math.max(...objects.map((o) => o.id), ...inStreams.map((o) => o.id)) + 1;
	offsets.set(xrefId, offset);
	const rows: Buffer[] = [];
	for (let id = 0; id <= xrefId; id++) {
		const row = Buffer.alloc(7);
		const compressed = inStreams.find((o) => o.id === id);
		if (compressed) {
			row.writeUInt8(2, 0);
			row.writeUInt32BE(compressed.stream, 1);
			row.writeUInt16BE(compressed.index, 5);
		} else if (offsets.has(id)) {
			row.writeUInt8(1, 0);
			row.writeUInt32BE(offsets.get(id)!, 1);
		} else {
			row.writeUInt16BE(0xffff, 5);
		}
		rows.push(row);
	}
	const table = Buffer.concat(rows);
	const infoEntry = info ? ` /Info ${info} 0 R` : '';
	parts.push(
		Buffer.from(`${xrefId} 0 obj\n<< /Type /XRef /Size ${xrefId + 1} /W [1 4 2] /Root 1 0 R${infoEntry} /Length ${table.length} >>\nstream\n`),
		table,
		Buffer.from(`\nendstream\nendobj\nstartxref\n${offset}\n%%EOF\n`)
	);
	return Buffer.concat(parts);
}

/** `head` followed by `padding` bytes of `fill`, deflated chunk by chunk so that the expanded bytes never sit in memory. */
function deflateLarge(head: string, padding: number, fill = 0x20): Promise<Buffer> {
	if (padding === 0) return Promise.resolve(deflateSync(head));
	return new Promise((resolve, reject) => {
		const deflate = createDeflate({ level: constants.Z_BEST_COMPRESSION });
		const out: Buffer[] = [];
		deflate.on('data', (piece: Buffer) => out.push(piece));
		deflate.on('end', () => resolve(Buffer.concat(out)));
		deflate.on('error', reject);
		const chunk = Buffer.alloc(1024 * 1024, fill);
		let left = padding;
		deflate.write(head);
		const pump = () => {
			while (left > 0) {
				const size = Math.min(left, chunk.length);
				left -= size;
				if (!deflate.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
					deflate.once('drain', pump);
					return;
				}
			}
			deflate.end();
		};
		pump();
	});
}

/** The 12 KB HEIC of 7000 × 7000 grey pixels (made with heif-enc): within the pixel limit, seconds to decode. */
export const largeHeicPath = new URL('../fixtures/gray-7000x7000.heic', import.meta.url);

/**
 * A PNG that says it is `width` × `height` RGBA and carries `rows` rows of zeros:
 * a header that claims more pixels than the limit, or with all its rows, a
 * decompression bomb within it (7000 × 7000 is 196 MB decoded from about 200 KB).
 */
export async function pngBomb(width: number, height: number, rows = height): Promise<Buffer> {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter, not interlaced
	// Each row: a filter byte and its pixels, all zero.
	const pixels = await deflateLarge('', rows * (1 + width * 4), 0x00);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', pixels),
		pngChunk('IEND', Buffer.alloc(0))
	]);
}

function pngChunk(type: string, data: Buffer): Buffer {
	const chunk = Buffer.alloc(12 + data.length);
	chunk.writeUInt32BE(data.length, 0);
	chunk.write(type, 4, 'latin1');
	data.copy(chunk, 8);
	chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
	return chunk;
}

