import type { DomainContext } from '$lib/server/platform/domain-context';
import type { MediaStorage } from './media-storage';
import type { PublishedMedia } from './published-media';

/** What the photo library's commands work with, wired once when the app starts; routes pass `app().media`. */
export interface MediaContext extends DomainContext {
	/** DATA_DIR/media: photo variants, and uploads waiting to be processed. */
	readonly storage: MediaStorage;
	/** Which photos the public may fetch: those published content shows. */
	readonly published: PublishedMedia;
}

export function createMediaContext(base: DomainContext, options: { storage: MediaStorage; published: PublishedMedia }): MediaContext {
	return { ...base, storage: options.storage, published: options.published };
}
