import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

/*
 * The picture a link preview shows (og:image) for a page without a photo of its
 * own: the page's title in its language over the site's colours, with the site's
 * name and mark, 1200 × 630 as the big previews want. Made once per title and
 * kept (routes/share): a few tens of milliseconds of Pango and libvips.
 *
 * The font is the one the app already ships for the manifesto PDF, Noto Sans
 * Devanagari Bold: it holds Devanagari with its conjuncts and the Latin letters
 * of English, Indonesian and Spanish (accents, ñ, ¿, ¡), so every language is set
 * in one face and no machine needs a font installed for it.
 */

export const shareImageWidth = 1200;
export const shareImageHeight = 630;

export interface ShareCard {
	/** The page's title, in the page's language. */
	title: string;
	/** The site's name, as the page shows it. */
	siteName: string;
	/** The page's language (a BCP 47 tag), so that Pango shapes the text as that language. */
	locale: string;
}

const fontDir = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-devanagari/package.json'));
/** The shipped font file; sharp hands it to Pango for each rendering. */
export const shareImageFontFile = join(fontDir, '700Bold/NotoSansDevanagari_700Bold.ttf');
const fontFamily = 'Noto Sans Devanagari Bold';

/** The site's colours (styles/app.css): paper, ink, soft ink, accent; the two shapes of the default picture. */
const colours = { paper: '#fff8ef', ink: '#1d1a2f', inkSoft: '#4a4560', accent: '#c2410c', peach: '#fad4a0', sage: '#c7dcd2' };

/** Where the title goes: between the name at the top and the bar at the bottom. */
const titleBox = { left: 96, top: 196, width: 1008, height: 312 };
/** The title's size when it fits; a longer one is set smaller until it does. */
const titlePixels = 76;
/** A title is cut (with an ellipsis) after this many characters: past it no size would be readable. */
const maxTitleLength = 180;

const backgroundSvg = Buffer.from(
	`<svg xmlns="http://www.w3.org/2000/svg" width="${shareImageWidth}" height="${shareImageHeight}">` +
		`<rect width="100%" height="100%" fill="${colours.paper}"/>` +
		`<circle cx="1120" cy="20" r="200" fill="${colours.peach}"/>` +
		`<circle cx="40" cy="700" r="150" fill="${colours.sage}"/>` +
		`<g fill="${colours.ink}"><rect x="96" y="72" width="30" height="30" rx="6"/><rect x="132" y="72" width="30" height="30" rx="6"/>` +
		`<rect x="96" y="108" width="30" height="30" rx="6"/></g><rect x="132" y="108" width="30" height="30" rx="6" fill="${colours.accent}"/>` +
		`<rect x="96" y="548" width="200" height="10" rx="5" fill="${colours.accent}"/>` +
		`</svg>`
);
/** The same for every picture: drawn once per process. */
let background: Promise<Buffer> | undefined;

/** Pango markup takes the text as XML: these would otherwise be read as tags. */
function escapeMarkup(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** One line of whitespace, cut at a word (or anywhere, failing one) with an ellipsis when very long. */
export function shareTitleText(title: string): string {
	const flat = title.replace(/\s+/g, ' ').trim();
	const characters = Array.from(flat);
	if (characters.length <= maxTitleLength) return flat;
	const cut = characters.slice(0, maxTitleLength).join('');
	const atWord = cut.lastIndexOf(' ');
	return `${(atWord > maxTitleLength / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

interface TextOptions {
	text: string;
	locale: string;
	colour: string;
	pixels: number;
	width: number;
	/** Fit into this height (Pango picks the size), instead of setting `pixels`. */
	fitHeight?: number;
}

/** Text as an RGBA image through Pango, in the shipped font; the image is as tall as the lines it needs. */
export async function renderText(options: TextOptions): Promise<{ data: Buffer; width: number; height: number }> {
	const markup = `<span foreground="${options.colour}" lang="${escapeMarkup(options.locale)}">${escapeMarkup(options.text)}</span>`;
	const { data, info } = await sharp({
		text: {
			text: markup,
			font: `${fontFamily} ${options.pixels}`,
			fontfile: shareImageFontFile,
			width: options.width,
			...(options.fitHeight ? { height: options.fitHeight } : { dpi: 72 }),
			rgba: true,
			wrap: 'word-char',
			spacing: options.fitHeight ? 0 : Math.round(options.pixels * 0.1)
		}
	})
		.png()
		.toBuffer({ resolveWithObject: true });
	return { data, width: info.width, height: info.height };
}

/**
 * The share picture of one page as a PNG of a few dozen colours: flat areas and
 * smooth text make it small (under 30 KB even for five lines). The quantizer's
 * effort 3 of 10 costs a fifth of the time of 8 for a file a tenth larger.
 */
export async function renderShareImage(card: ShareCard): Promise<Buffer> {
	const title = shareTitleText(card.title) || card.siteName;
	let text = await renderText({ text: title, locale: card.locale, colour: colours.ink, pixels: titlePixels, width: titleBox.width });
	if (text.height > titleBox.height) {
		text = await renderText({ text: title, locale: card.locale, colour: colours.ink, pixels: titlePixels, width: titleBox.width, fitHeight: titleBox.height });
	}
	const name = await renderText({ text: shareTitleText(card.siteName), locale: card.locale, colour: colours.inkSoft, pixels: 34, width: 760 });
	const nameTop = Math.max(40, Math.round(105 - name.height / 2));
	const titleTop = titleBox.top + Math.max(0, Math.round((titleBox.height - text.height) / 2));
	background ??= sharp(backgroundSvg).png({ compressionLevel: 1 }).toBuffer();
	return sharp(await background)
		.composite([
			{ input: name.data, left: 188, top: nameTop },
			{ input: text.data, left: titleBox.left, top: titleTop }
		])
		.png({ palette: true, colours: 48, effort: 3, dither: 0, compressionLevel: 9 })
		.toBuffer();
}
