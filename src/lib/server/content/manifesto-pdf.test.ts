import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { cachedManifestoPdf, htmlToBlocks, renderManifestoPdf, type ManifestoPdfInput } from './manifesto-pdf';

function input(overrides: Partial<ManifestoPdfInput> = {}): ManifestoPdfInput {
	return {
		locale: 'en',
		documentLanguage: 'en',
		organizationName: 'Micro Galleries',
		title: 'Cultural Manifesto',
		summary: 'How we roll.',
		bodyHtml:
			'<h2>1. We go where the need is</h2><p>Art in laneways &amp; kampungs.</p>' +
			'<ul><li>Free for all</li><li>Local teams</li></ul>' +
			'<p>' + 'Small acts, large change. '.repeat(400) + '</p>',
		subject: 'The Cultural Manifesto of Micro Galleries',
		footer: (page) => `Micro Galleries · page ${page}`,
		updatedAt: '2026-11-01T10:00:00.000Z',
		...overrides
	};
}

async function parse(bytes: Buffer) {
	const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
	const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
	let text = '';
	for (let n = 1; n <= doc.numPages; n++) {
		const content = await (await doc.getPage(n)).getTextContent();
		text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
	}
	const lang = /\/Lang\s*\(([^)]*)\)/.exec(Buffer.from(bytes).toString('latin1'))?.[1];
	return { pages: doc.numPages, info, text, lang };
}

interface StructNode {
	role?: string;
	alt?: string;
	children?: StructNode[];
}

/**
 * The text of the PDF as its tagged text layer gives it: the /ActualText of each
 * line's Span, in reading order, as pdf.js reads the structure tree. (pdf.js's
 * getTextContent gives the drawn glyphs instead, in visual order.)
 */
async function actualText(bytes: Buffer): Promise<string[]> {
	const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
	const lines: string[] = [];
	const walk = (node: StructNode) => {
		if (node.role === 'Span' && typeof node.alt === 'string') lines.push(node.alt);
		for (const child of node.children ?? []) walk(child);
	};
	for (let n = 1; n <= doc.numPages; n++) {
		const tree = (await (await doc.getPage(n)).getStructTree()) as StructNode | null;
		if (tree) walk(tree);
	}
	return lines;
}

describe('htmlToBlocks', () => {
	it('turns the rich-text subset into headings, paragraphs and numbered or bulleted items', () => {
		const blocks = htmlToBlocks('<h2>One</h2><p>A <strong>bold</strong>&nbsp;move</p><ol><li>x</li><li>y</li></ol><ul><li>z</li></ul>');
		expect(blocks).toEqual([
			{ kind: 'h2', text: 'One', marker: undefined },
			{ kind: 'p', text: 'A bold move', marker: undefined },
			{ kind: 'li', text: 'x', marker: '1.' },
			{ kind: 'li', text: 'y', marker: '2.' },
			{ kind: 'li', text: 'z', marker: '•' }
		]);
	});
});

describe('renderManifestoPdf', () => {
	it('makes a PDF with title, language and selectable text across several pages', async () => {
		const parsed = await parse(await renderManifestoPdf(input()));
		expect(parsed.pages).toBeGreaterThan(1);
		expect(parsed.info.Title).toBe('Cultural Manifesto');
		expect(parsed.info.Author).toBe('Micro Galleries');
		expect(parsed.lang).toBe('en');
		expect(parsed.text).toContain('We go where the need is');
		expect(parsed.text).toContain('Art in laneways & kampungs.');
		expect(parsed.text).toContain('page 2');
	});

	it('embeds Devanagari text that can be selected back', async () => {
		const parsed = await parse(
			await renderManifestoPdf(
				input({
					locale: 'ne',
					documentLanguage: 'ne',
					title: 'सांस्कृतिक घोषणापत्र',
					bodyHtml: '<h2>हामी घुमिरहन्छौँ</h2><p>कला सबैका लागि निःशुल्क छ।</p>'
				})
			)
		);
		expect(parsed.lang).toBe('ne');
		expect(parsed.info.Title).toBe('सांस्कृतिक घोषणापत्र');
		// Compared without the spaces pdf.js may insert between lines and runs.
		const text = parsed.text.replace(/\s/g, '');
		expect(text).toContain('कलासबैका');
		expect(text).toContain('घोषणापत्र');
	});

	it('gives Nepali text back in its logical order, vowel signs after their consonants, as it was written', async () => {
		// Vowel signs drawn before their consonant (ि), reph (र्), conjuncts (क्ष, त्र) and a long paragraph that wraps.
		const paragraph = 'हामी विश्वास गर्छौं कि कला सबैका लागि हो। ' + 'किशोरकिशोरीहरूले भित्ते चित्र बनाउँछन् र कार्यक्रममा सहभागी हुन्छन्। '.repeat(12);
		const source = {
			title: 'सांस्कृतिक घोषणापत्र',
			summary: 'हामी कसरी काम गर्छौं।',
			heading: 'हामी आवश्यकता भएका ठाउँमा जान्छौँ',
			paragraph: paragraph.trim(),
			item: 'निःशुल्क कार्यशाला'
		};
		const bytes = await renderManifestoPdf(
			input({
				locale: 'ne',
				documentLanguage: 'ne',
				title: source.title,
				summary: source.summary,
				bodyHtml: `<h2>${source.heading}</h2><p>${source.paragraph}</p><ul><li>${source.item}</li></ul>`,
				footer: (page) => `पृष्ठ ${page}`
			})
		);
		const lines = await actualText(bytes);
		// The paragraph wraps over several lines (and pages): each line is its own span.
		expect(lines.length).toBeGreaterThan(10);
		const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();
		const expected = ['MICRO GALLERIES', source.title, source.summary, source.heading, source.paragraph, `• ${source.item}`].join(' ');
		expect(normalized(lines.join(' '))).toBe(normalized(expected));
		// The footers are page furniture (artifacts), not text of the manifesto.
		expect(lines.join(' ')).not.toContain('पृष्ठ');
	});
});

describe('cachedManifestoPdf', () => {
	it('reuses the PDF until something it shows changes', async () => {
		const first = cachedManifestoPdf(input());
		const again = cachedManifestoPdf(input());
		expect(again.pdf).toBe(first.pdf);
		const edited = cachedManifestoPdf(input({ updatedAt: '2026-11-02T10:00:00.000Z', title: 'New title' }));
		expect(edited.fingerprint).not.toBe(first.fingerprint);
		expect((await parse(await edited.pdf)).info.Title).toBe('New title');
	});
});
