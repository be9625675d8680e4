import { langIfOther, type Locale, type Localized } from '$lib/i18n/locales';
import { pick } from '$lib/server/shared/localized-text';
import type { MediaStatus } from '$lib/server/db/schema';
import { variantExtensions, type VariantFormat } from '$lib/server/platform/images/image-processing';

/*
 * What a page needs to show a photo with <picture>: AVIF and WebP sources for the
 * browsers that take them, JPEG for every other, each as a srcset the browser
 * picks from by the width it will draw. Pure: no database, no files.
 * Only a photo whose processing is done ('ready') is shown: one still processing
 * or failed has no files yet, so it gives nothing and the page shows no image.
 */

export interface PictureMedia {
	id: number;
	/** Names the files in URLs. */
	publicKey: string;
	status: MediaStatus;
	alt: Localized;
	color?: string | null;
	variants: ReadonlyArray<{ format: VariantFormat; width: number; height: number }>;
}

export interface PictureOptions {
	/** The `sizes` attribute: how wide the photo is drawn. Default: the full viewport. */
	sizes?: string;
	/** Below the fold: load when scrolled near, decode off the main thread. */
	lazy?: boolean;
	/**
	 * The request said `Save-Data: on`: each format offers only its variants up to
	 * `saveDataMaxWidth` wide (at least its smallest), so that even a phone with a
	 * dense screen downloads a small file. Pages that pass it vary by Save-Data.
	 */
	saveData?: boolean;
}

export interface PictureSource {
	type: 'image/avif' | 'image/webp';
	srcset: string;
	sizes: string;
}

export interface PictureImage {
	src: string;
	srcset: string;
	sizes: string;
	width: number;
	height: number;
	alt: string;
	/** Set only when the alt text fell back to another language than the page's. */
	lang: Locale | undefined;
	loading: 'lazy' | undefined;
	decoding: 'async' | undefined;
}

export interface PictureData {
	sources: PictureSource[];
	img: PictureImage;
	/** #rrggbb to paint while loading, when known. */
	color: string | null;
}

/** The address of one variant. Served to everyone only while published content shows the photo (media-file-response.ts). */
export function variantUrl(publicKey: string, format: VariantFormat, width: number): string {
	return `/media/${publicKey}/${width}.${variantExtensions[format]}`;
}

/** True when a request's Save-Data header asks for less data. */
export function wantsSaveData(headerValue: string | null | undefined): boolean {
	return headerValue?.trim().toLowerCase() === 'on';
}

/** The fallback `src` for browsers without srcset: a middle width, never the largest file. */
const fallbackWidth = 960;

/**
 * The widest variant offered with Save-Data: a 360-pixel-wide phone at any
 * density gets at most this (about 20 KB as AVIF), instead of 1280 or 1920.
 */
export const saveDataMaxWidth = 480;

/** The <picture> of a ready photo; undefined for one still processing or failed. */
export function picture(media: PictureMedia, locale: Locale, options: PictureOptions = {}): PictureData | undefined {
	if (media.status !== 'ready') return undefined;
	const sizes = options.sizes ?? '100vw';
	const byFormat = (format: VariantFormat) => {
		const all = media.variants.filter((variant) => variant.format === format).sort((a, b) => a.width - b.width);
		if (!options.saveData) return all;
		const small = all.filter((variant) => variant.width <= saveDataMaxWidth);
		return small.length > 0 ? small : all.slice(0, 1);
	};
	const srcset = (format: VariantFormat, variants: PictureMedia['variants']) =>
		variants.map((variant) => `${variantUrl(media.publicKey, format, variant.width)} ${variant.width}w`).join(', ');

	const sources: PictureSource[] = [];
	for (const [format, type] of [
		['avif', 'image/avif'],
		['webp', 'image/webp']
	] as const) {
		const variants = byFormat(format);
		if (variants.length > 0) sources.push({ type, srcset: srcset(format, variants), sizes });
	}

	const jpegs = byFormat('jpeg');
	if (jpegs.length === 0) throw new Error(`Media ${media.id} has no JPEG variant`);
	const fallback = jpegs.filter((variant) => variant.width <= fallbackWidth).at(-1) ?? jpegs[0]!;
	// The size of the largest variant (any format) gives the aspect ratio and the
	// same layout whether or not Save-Data trimmed the list.
	const largest = [...media.variants].sort((a, b) => b.width - a.width)[0]!;
	const alt = pick(media.alt, locale);

	return {
		sources,
		img: {
			src: variantUrl(media.publicKey, 'jpeg', fallback.width),
			srcset: srcset('jpeg', jpegs),
			sizes,
			width: largest.width,
			height: largest.height,
			alt: alt.text,
			lang: langIfOther(alt, locale),
			loading: options.lazy ? 'lazy' : undefined,
			decoding: options.lazy ? 'async' : undefined
		},
		color: media.color ?? null
	};
}

/** A picture for link previews (og:image): a page's own, given in its data as `shareImage`. */
export interface ShareImage {
	/** Path on this site; the layout puts the origin before it. */
	src: string;
	width: number;
	height: number;
}

/**
 * The JPEG of a page's picture, for link previews (the page's own fallback JPEG),
 * with that file's own size (not the largest variant's); nothing while the photo
 * is not ready.
 */
export function shareImageOf(image: PictureData | undefined): ShareImage | undefined {
	if (!image) return undefined;
	const entry = image.img.srcset.split(', ').find((candidate) => candidate.startsWith(`${image.img.src} `));
	const width = Number(/ (\d+)w$/.exec(entry ?? '')?.[1] ?? image.img.width);
	return { src: image.img.src, width, height: Math.round((width * image.img.height) / image.img.width) };
}
