import { variantUrl } from '$lib/server/shared/picture';
import type { MediaRecord } from './media.service';

export interface Thumbnail {
	jpeg: string;
	webp: string | null;
	width: number;
	height: number;
}

/** The smallest WebP and JPEG of a ready photo, for thumbnails in the admin (its library and its pickers). */
export function thumbnailOf(media: MediaRecord): Thumbnail | null {
	if (media.status !== 'ready') return null;
	const smallest = (format: 'webp' | 'jpeg') => media.variants.find((v) => v.format === format);
	const jpeg = smallest('jpeg');
	if (!jpeg) return null;
	const webp = smallest('webp');
	return {
		jpeg: variantUrl(media.publicKey, 'jpeg', jpeg.width),
		webp: webp ? variantUrl(media.publicKey, 'webp', webp.width) : null,
		width: jpeg.width,
		height: jpeg.height
	};
}
