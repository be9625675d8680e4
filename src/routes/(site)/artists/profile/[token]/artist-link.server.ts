import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { app } from '$lib/server/app';
import type { ArtistRow } from '$lib/server/db/schema';
import { artistOfLink } from '$lib/server/collective/artist-profile.service';

/** The artist whose private link this is: 410 for an expired or replaced link, 404 for one that never was. */
export async function artistFor(token: string): Promise<ArtistRow> {
	const { link, artist } = await artistOfLink(app().collective, token);
	if (link.state === 'expired' || link.state === 'revoked') error(410, m.artist_profile_expired());
	if (!artist) error(404, m.artist_profile_unknown());
	return artist;
}
