import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { demoArtworkSize, demoArtworkStyles, demoArtworkSvg } from './demo-artworks';

describe('demo artworks', () => {
	it.each(demoArtworkStyles)('renders %s through sharp into a full-size picture with colour and detail', async (style) => {
		const { data, info } = await sharp(Buffer.from(demoArtworkSvg({ style, seed: 7 })))
			.raw()
			.toBuffer({ resolveWithObject: true });
		expect([info.width, info.height]).toEqual([demoArtworkSize.width, demoArtworkSize.height]);
		const { channels, isOpaque } = await sharp(data, { raw: info }).stats();
		expect(isOpaque).toBe(true);
		// Not one flat colour, nor a grey picture: every channel varies, and they differ from each other.
		for (const channel of channels.slice(0, 3)) expect(channel.stdev).toBeGreaterThan(20);
		const means = channels.slice(0, 3).map((channel) => channel.mean);
		expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(3);
	}, 30_000);

	it('is the same for the same seed, and differs between seeds and styles', () => {
		for (const style of demoArtworkStyles) {
			expect(demoArtworkSvg({ style, seed: 3 })).toBe(demoArtworkSvg({ style, seed: 3 }));
			expect(demoArtworkSvg({ style, seed: 3 })).not.toBe(demoArtworkSvg({ style, seed: 4 }));
		}
		expect(new Set(demoArtworkStyles.map((style) => demoArtworkSvg({ style, seed: 3 }))).size).toBe(demoArtworkStyles.length);
	});

	it('draws its letters as paths and reaches for nothing outside the document, in a small file', () => {
		for (const style of demoArtworkStyles) {
			for (let seed = 1; seed <= 12; seed++) {
				const svg = demoArtworkSvg({ style, seed });
				// Fonts differ between machines; a picture made on a server with none must look the same.
				expect(svg).not.toMatch(/<text/);
				expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|file:|href="[^#]/);
				expect(svg.length).toBeLessThan(32 * 1024);
			}
		}
	});

	it('renders for many seeds (a small rendering of each, to keep the test quick)', async () => {
		for (const style of demoArtworkStyles) {
			for (let seed = 20; seed < 26; seed++) {
				// 9 dpi instead of 72: an eighth of the size, the same drawing.
				const { info } = await sharp(Buffer.from(demoArtworkSvg({ style, seed })), { density: 9 })
					.raw()
					.toBuffer({ resolveWithObject: true });
				expect(info.width).toBe(demoArtworkSize.width / 8);
			}
		}
	}, 60_000);
});
