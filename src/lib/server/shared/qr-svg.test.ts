import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { childrenNamed, readXml, textOf } from '../../../../tests/support/xml-reader';
import { qrSvg } from './qr-svg';

const ticketUrl = 'https://art.example/tickets/Xk3vQ9mPz7aB'; // 40 characters, as a ticket's link is
const label = 'Ticket for the mural workshop, 5 December';

/** The text a QR reader finds in the SVG, drawn as a browser would draw it: dark modules in black on white. */
async function decode(svg: string): Promise<string | undefined> {
	// librsvg draws currentColor as black when nothing sets a colour; the light modules are transparent, so they go on white.
	const { data, info } = await sharp(Buffer.from(svg), { density: 72 * 8 })
		.flatten({ background: '#ffffff' })
		.ensureAlpha()
		.raw()
		.toBuffer({ resolveWithObject: true });
	return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data;
}

describe('qrSvg', () => {
	it('is a well-formed SVG with a viewBox, crisp edges, an accessible name and one path in currentColor', () => {
		const svg = qrSvg(ticketUrl, { label });
		const root = readXml(svg);
		expect(root.name).toBe('svg');
		expect(root.attributes).toEqual({
			xmlns: 'http://www.w3.org/2000/svg',
			viewBox: expect.stringMatching(/^0 0 (\d+) \1$/),
			role: 'img',
			'aria-label': label,
			'shape-rendering': 'crispEdges'
		});
		expect(textOf(childrenNamed(root, 'title')[0]!)).toBe(label);
		const paths = childrenNamed(root, 'path');
		expect(paths).toHaveLength(1);
		expect(paths[0]!.attributes.stroke).toBe('currentColor');
		expect(paths[0]!.attributes.d).toMatch(/^M\d+ \d+\.5h\d+(?:[mM]-?\d+ (?:0|\d+\.5)h\d+)*$/);
		expect(root.children.filter((child) => typeof child !== 'string').map((child) => (child as { name: string }).name)).toEqual(['title', 'path']);
	});

	it('leaves the quiet zone of four modules around the code', () => {
		const svg = qrSvg(ticketUrl, { label });
		const side = Number(/viewBox="0 0 (\d+) /.exec(svg)![1]);
		// A 40-character URL at level M needs version 3: 29 modules a side, and 4 light ones either side.
		expect(side).toBe(29 + 8);
		expect(svg).toContain('d="M4 4.5h7');
	});

	it('refers to nothing outside itself and runs nothing', () => {
		const svg = qrSvg(ticketUrl, { label: 'Ticket <script>alert(1)</script> & "more"' });
		expect(svg).not.toMatch(/<script|href|url\(|style=|on[a-z]+=|<image|<foreignObject|<use/i);
		expect(readXml(svg).attributes['aria-label']).toBe('Ticket <script>alert(1)</script> & "more"');
	});

	it('keeps a label in any language, on one line', () => {
		const svg = qrSvg(ticketUrl, { label: 'भित्ते चित्र कार्यशालाको टिकट,\n५ डिसेम्बर' });
		expect(textOf(childrenNamed(readXml(svg), 'title')[0]!)).toBe('भित्ते चित्र कार्यशालाको टिकट, ५ डिसेम्बर');
	});

	it('is small: under 3 KB for a 40-character URL', () => {
		expect(ticketUrl).toHaveLength(40);
		const bytes = Buffer.byteLength(qrSvg(ticketUrl, { label }));
		expect(bytes).toBeLessThan(3 * 1024);
		console.log(`QR code for a 40-character URL: ${bytes} bytes of SVG`);
	});

	it.each([
		['a ticket URL', ticketUrl],
		['a long URL with a query', `${ticketUrl}?session=12&locale=ne&check=${'9'.repeat(60)}`],
		['Nepali text', 'टिकट: भित्ते चित्र कार्यशाला, पाटन']
	])('decodes back to %s with a QR reader', async (_what, text) => {
		expect(await decode(qrSvg(text, { label }))).toBe(text);
	});

	it('refuses an empty text and one too long for any QR code', () => {
		expect(() => qrSvg('', { label })).toThrow();
		expect(() => qrSvg('x'.repeat(5000), { label })).toThrow();
	});
});
