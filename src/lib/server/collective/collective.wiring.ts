import type { DomainContext, SiteMail } from '$lib/server/platform/domain-context';
import { createArtistMail } from './artist-mail';
import type { CollectiveContext } from './artist-profile.service';

export type { CollectiveContext };

/** What the collective's commands work with, wired once when the app starts; routes pass `app().collective`. */
export function createCollectiveContext(base: DomainContext, options: SiteMail): CollectiveContext {
	return { ...base, mail: createArtistMail(options) };
}
