import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderShareImage, renderText, shareImageFontFile, shareImageHeight, shareImageWidth, shareTitleText } from './share-image';

const ink = '#1d1a2f';
const titleWidth = 1008;

describe('the generated share picture', () => {
	it.each([
		{ locale: 'en', kind: 'short', title: 'About us', siteName: 'Micro Galleries' },
		{ locale: 'ne', kind: 'short', title: 'हाम्रो बारेमा', siteName: 'माइक्रो ग्यालेरीहरू' },
		{ locale: 'es', kind: 'long', title: '¿Convocatoria abierta? Señales de cambio en la ciudad: un título muy largo que tiene que envolverse y encogerse para caber en la imagen, ¡de verdad!', siteName: 'Micro Galleries' },
		{ locale: 'id', kind: 'endless, unspaced', title: 'x'.repeat(400), siteName: 'Micro Galleries' }
	])('for a $kind title in $locale is a 1200 × 630 PNG under 60 KB', async ({ locale, title, siteName }) => {
		const png = await renderShareImage({ title, siteName, locale });
		const meta = await sharp(png).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(['png', shareImageWidth, shareImageHeight]);
		expect(png.byteLength).toBeLessThan(60_000);
	});

	it('draws the title: another title is another picture', async () => {
		const one = await renderShareImage({ title: 'Stories', siteName: 'Micro Galleries', locale: 'en' });
		const other = await renderShareImage({ title: 'Events', siteName: 'Micro Galleries', locale: 'en' });
		expect(one.equals(other)).toBe(false);
	});

	it('ships the font it sets titles in', () => {
		expect(existsSync(shareImageFontFile)).toBe(true);
	});

	it('sets Nepali in real Devanagari letters, not in boxes for missing glyphs', async () => {
		// Without a Devanagari font Pango draws each character as a box of the same width
		// (its code in hex), whatever the character: a Nepali word would then be exactly as
		// wide as the same count of private-use characters, which no font here has, and two
		// Nepali words of as many characters as wide as each other. Shaped with the font,
		// vowel signs and viramas join their consonants and the widths differ.
		const nepali = 'नमस्ते'; // न म स ् त े: six characters, four glyph positions
		const other = 'कलाकार'; // क ल ा क ा र: six characters, six
		expect(Array.from(nepali)).toHaveLength(6);
		expect(Array.from(other)).toHaveLength(6);
		const draw = (text: string) => renderText({ text, locale: 'ne', colour: ink, pixels: 76, width: titleWidth });
		const [word, otherWord, boxes] = await Promise.all([draw(nepali), draw(other), draw('\uE000'.repeat(6))]);
		expect(Math.abs(word.width - boxes.width)).toBeGreaterThan(20);
		expect(Math.abs(word.width - otherWord.width)).toBeGreaterThan(20);
		// And the conjunct is narrower than its parts drawn apart with a visible virama.
		const apart = await draw('स् त');
		expect(word.width).toBeLessThan((await draw('नम')).width + apart.width);
	});

	it('shrinks a long title to fit instead of running off the picture', async () => {
		const text = shareTitleText('word '.repeat(100));
		const atFullSize = await renderText({ text, locale: 'en', colour: ink, pixels: 76, width: titleWidth });
		const fitted = await renderText({ text, locale: 'en', colour: ink, pixels: 76, width: titleWidth, fitHeight: 312 });
		expect(atFullSize.height).toBeGreaterThan(312);
		expect(fitted.height).toBeLessThanOrEqual(312);
		expect(fitted.width).toBeLessThanOrEqual(titleWidth);
	});
});

describe('shareTitleText', () => {
	it('keeps a title of ordinary length whole, on one line of single spaces', () => {
		expect(shareTitleText('  Open\ncall:   walls ')).toBe('Open call: walls');
	});
	it('cuts a very long one at a word, with an ellipsis', () => {
		const cut = shareTitleText('painted '.repeat(40));
		expect(cut.endsWith('painted…')).toBe(true);
		expect(Array.from(cut).length).toBeLessThanOrEqual(181);
	});
});
