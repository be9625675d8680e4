import { variantUrl } from '$lib/server/shared/picture';
import { campaignImageMaxWidth } from '$lib/server/shared/rich-text';
import type { MediaRecord } from './media.service';

/**
 * A ready photo as an e-mail shows it: its JPEG variant closest above the
 * column's width (so a dense screen still gets a sharp picture, without the
 * megabytes of the largest), drawn at most `campaignImageMaxWidth` wide.
 * JPEG, since mail clients cannot be counted on for WebP or AVIF.
 */
export function emailImageOf(media: MediaRecord): { src: string; width: number; height: number } | null {
	if (media.status !== 'ready') return null;
	const jpegs = media.variants.filter((v) => v.format === 'jpeg').sort((a, b) => a.width - b.width);
	const variant = jpegs.find((v) => v.width >= campaignImageMaxWidth) ?? jpegs[jpegs.length - 1];
	if (!variant) return null;
	const width = Math.min(variant.width, campaignImageMaxWidth);
	return { src: variantUrl(media.publicKey, 'jpeg', variant.width), width, height: Math.round((variant.height * width) / variant.width) };
}
