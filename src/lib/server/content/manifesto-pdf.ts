import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Parser } from 'htmlparser2';

/*
 * The Cultural Manifesto as a real PDF: selectable text in an embedded font that
 * covers Latin and Devanagari (with its conjuncts shaped by fontkit), a text
 * layer that copies out in logical order, the title and language in the
 * document's metadata.
 */

const fontDir = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-devanagari/package.json'));
const fonts = {
	regular: join(fontDir, '400Regular/NotoSansDevanagari_400Regular.ttf'),
	bold: join(fontDir, '700Bold/NotoSansDevanagari_700Bold.ttf')
};
let fontData: { regular: Buffer; bold: Buffer } | undefined;

export interface ManifestoPdfInput {
	/** The language of the page it was asked for; one cached PDF each. */
	locale: string;
	/** The language the text is actually in (English where a translation is missing). */
	documentLanguage: string;
	organizationName: string;
	title: string;
	summary: string;
	/** Sanitized HTML of the manifesto body. */
	bodyHtml: string;
	subject: string;
	/** Footer with {page} replaced by the page number. */
	footer: (page: number) => string;
	updatedAt: string;
}

type Block = { kind: 'h2' | 'h3' | 'p' | 'li' | 'quote'; text: string; marker?: string };

/** Turns the small HTML subset of rich text into blocks of plain text. */
export function htmlToBlocks(html: string): Block[] {
	const blocks: Block[] = [];
	const lists: { ordered: boolean; count: number }[] = [];
	let current: Block | undefined;
	let inQuote = 0;

	const open = (kind: Block['kind'], marker?: string) => {
		flush();
		current = { kind, text: '', marker };
	};
	const flush = () => {
		if (current && current.text.trim() !== '') {
			current.text = current.text.replace(/\s+/g, ' ').trim();
			blocks.push(current);
		}
		current = undefined;
	};

	const parser = new Parser(
		{
			onopentag(name) {
				if (name === 'h1' || name === 'h2') open('h2');
				else if (name === 'h3' || name === 'h4') open('h3');
				else if (name === 'p') open(inQuote ? 'quote' : 'p');
				else if (name === 'blockquote') {
					inQuote++;
					open('quote');
				} else if (name === 'ul' || name === 'ol') {
					flush();
					lists.push({ ordered: name === 'ol', count: 0 });
				} else if (name === 'li') {
					const list = lists.at(-1);
					if (list) list.count++;
					open('li', list?.ordered ? `${list.count}.` : '•');
				} else if (name === 'br' && current) current.text += ' ';
			},
			ontext(text) {
				if (!current) current = { kind: inQuote ? 'quote' : 'p', text: '' };
				current.text += text;
			},
			onclosetag(name) {
				if (name === 'ul' || name === 'ol') {
					flush();
					lists.pop();
				} else if (name === 'blockquote') {
					flush();
					inQuote = Math.max(0, inQuote - 1);
				} else if (['h1', 'h2', 'h3', 'h4', 'p', 'li'].includes(name)) flush();
			}
		},
		{ decodeEntities: true }
	);
	parser.write(html);
	parser.end();
	flush();
	return blocks;
}

/** The part of pdfkit that draws one line of wrapped text (not in its public types). */
interface LineDrawing {
	_fragment(text: string, x: number, y: number, options: object): void;
}

/**
 * A tagged text layer that copies out in logical order. Shaped Devanagari is
 * drawn in visual order: a vowel sign such as ि comes before its consonant, and
 * a reph or conjunct is one glyph for several characters, so the glyphs alone
 * copy out scrambled. Each line pdfkit draws becomes a Span whose /ActualText
 * holds the line's characters as written, both on its marked content (what
 * readers copy and search, ISO 32000 §14.9.4) and on its structure element
 * (what screen readers and pdf.js read), inside the block (`H1`, `P` ...) it
 * belongs to. Page furniture (the rule, the footers) is marked as artifacts.
 */
function logicalTextLayer(doc: PDFKit.PDFDocument) {
	const root = doc.struct('Document');
	doc.addStructure(root);
	let parent: PDFKit.PDFStructureElement = root;
	let inArtifact = false;
	const lines = doc as unknown as LineDrawing;
	const drawLine = lines._fragment.bind(doc);
	lines._fragment = (text, x, y, options) => {
		const actual = `${text}`.replace(/\n/g, '');
		if (inArtifact || actual.trim() === '') return drawLine(text, x, y, options);
		const content = doc.markStructureContent('Span', { actual });
		drawLine(text, x, y, options);
		doc.endMarkedContent();
		parent.add(doc.struct('Span', { actual }, [content]));
	};
	return {
		/** Draws a block of text as one structure element of type `tag`. */
		block(tag: string, draw: () => void) {
			const element = doc.struct(tag);
			root.add(element);
			parent = element;
			draw();
			element.end();
			parent = root;
		},
		/** Draws something that is not content (a rule, a page footer). */
		artifact(draw: () => void, type: 'Pagination' | 'Layout' = 'Layout') {
			doc.markContent('Artifact', { type });
			inArtifact = true;
			draw();
			inArtifact = false;
			doc.endMarkedContent();
		},
		end() {
			root.end();
		}
	};
}

export function renderManifestoPdf(input: ManifestoPdfInput): Promise<Buffer> {
	fontData ??= { regular: readFileSync(fonts.regular), bold: readFileSync(fonts.bold) };
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: 64, bottom: 72, left: 64, right: 64 },
		lang: input.documentLanguage,
		displayTitle: true,
		pdfVersion: '1.7',
		bufferPages: true,
		tagged: true,
		info: {
			Title: input.title,
			Author: input.organizationName,
			Subject: input.subject,
			Creator: input.organizationName,
			CreationDate: new Date(input.updatedAt),
			ModDate: new Date(input.updatedAt)
		}
	});
	doc.registerFont('regular', fontData.regular);
	doc.registerFont('bold', fontData.bold);
	const layer = logicalTextLayer(doc);

	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	const ink = '#1d1a2f';
	const accent = '#c2410c';
	const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

	layer.block('P', () => doc.font('bold').fontSize(11).fillColor(accent).text(input.organizationName.toUpperCase(), { characterSpacing: 1 }));
	doc.moveDown(0.5);
	layer.block('H1', () => doc.font('bold').fontSize(28).fillColor(ink).text(input.title, { lineGap: 2 }));
	doc.moveDown(0.4);
	layer.block('P', () => doc.font('regular').fontSize(13).fillColor('#4a4560').text(input.summary, { lineGap: 3 }));
	doc.moveDown(0.6);
	layer.artifact(() => doc.moveTo(doc.x, doc.y).lineTo(doc.x + width, doc.y).lineWidth(3).strokeColor(accent).stroke());
	doc.moveDown(1);

	for (const block of htmlToBlocks(input.bodyHtml)) {
		switch (block.kind) {
			case 'h2':
				doc.moveDown(0.6);
				layer.block('H2', () => doc.font('bold').fontSize(16).fillColor(ink).text(block.text, { lineGap: 2 }));
				doc.moveDown(0.3);
				break;
			case 'h3':
				doc.moveDown(0.4);
				layer.block('H3', () => doc.font('bold').fontSize(13).fillColor(ink).text(block.text));
				doc.moveDown(0.2);
				break;
			case 'li':
				layer.block('P', () => doc.font('regular').fontSize(11.5).fillColor(ink).text(`${block.marker} ${block.text}`, { indent: 12, lineGap: 3 }));
				doc.moveDown(0.2);
				break;
			case 'quote':
				layer.block('BlockQuote', () => doc.font('regular').fontSize(12).fillColor('#4a4560').text(block.text, { indent: 18, lineGap: 3 }));
				doc.moveDown(0.5);
				break;
			default:
				layer.block('P', () => doc.font('regular').fontSize(11.5).fillColor(ink).text(block.text, { lineGap: 3, align: 'left' }));
				doc.moveDown(0.5);
		}
	}
	layer.end();

	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		layer.artifact(
			() =>
				doc
					.font('regular')
					.fontSize(9)
					.fillColor('#6b6680')
					.text(input.footer(i + 1), doc.page.margins.left, doc.page.height - 44, { width, align: 'center', lineBreak: false }),
			'Pagination'
		);
		doc.page.margins.bottom = bottom;
	}
	doc.end();
	return done;
}

/** What the PDF depends on; a change to any of it makes a new PDF. */
export function manifestoFingerprint(input: ManifestoPdfInput): string {
	return createHash('sha256')
		.update(JSON.stringify([input.locale, input.documentLanguage, input.organizationName, input.title, input.summary, input.bodyHtml, input.subject, input.footer(1), input.updatedAt]))
		.digest('base64url')
		.slice(0, 22);
}

const cache = new Map<string, { fingerprint: string; pdf: Promise<Buffer> }>();

/**
 * The PDF for one language, made once and kept until the manifesto (or anything
 * else it shows) changes.
 */
export function cachedManifestoPdf(input: ManifestoPdfInput): { fingerprint: string; pdf: Promise<Buffer> } {
	const fingerprint = manifestoFingerprint(input);
	const hit = cache.get(input.locale);
	if (hit && hit.fingerprint === fingerprint) return hit;
	const entry = { fingerprint, pdf: renderManifestoPdf(input) };
	entry.pdf.catch(() => cache.delete(input.locale));
	cache.set(input.locale, entry);
	return entry;
}
