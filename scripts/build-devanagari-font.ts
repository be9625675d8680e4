/**
 * Builds the Devanagari web font of the public pages: Noto Sans Devanagari (the
 * regular weight the app already ships for the manifesto PDF), cut down to the
 * Devanagari block and the marks and signs Nepali text uses with it, as WOFF2.
 * Browsers fetch it only for Devanagari text on a system that has none of the
 * Devanagari fonts named before it in the stylesheet (see app.css).
 *
 * Run after updating @expo-google-fonts/noto-sans-devanagari, and commit the result:
 *   node scripts/build-devanagari-font.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

/** The same ranges as the @font-face's unicode-range in app.css. */
export const devanagariRanges: [number, number][] = [
	[0x0900, 0x097f], // Devanagari
	[0x1cd0, 0x1cff], // Vedic extensions
	[0x200c, 0x200d], // zero-width non-joiner and joiner, which choose half forms
	[0x20a8, 0x20a8], // rupee sign
	[0x25cc, 0x25cc], // dotted circle, shown under a lone vowel sign
	[0xa830, 0xa839], // common Indic number forms
	[0xa8e0, 0xa8ff] // Devanagari extended
];

const require = createRequire(import.meta.url);
const fontDir = dirname(require.resolve('@expo-google-fonts/noto-sans-devanagari/package.json'));
const source = readFileSync(join(fontDir, '400Regular/NotoSansDevanagari_400Regular.ttf'));
const text = devanagariRanges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))).join('');

// hb-subset keeps the glyphs that the font's shaping rules (conjuncts, half
// forms, reph, vowel sign positions) reach from these characters.
const woff2 = await subsetFont(source, text, { targetFormat: 'woff2' });
const target = join(import.meta.dirname, '..', 'src', 'lib', 'styles', 'fonts', 'noto-sans-devanagari-subset.woff2');
writeFileSync(target, woff2);
console.log(`${target}: ${woff2.byteLength} bytes`);
