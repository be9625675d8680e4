import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { getInitiative } from '$lib/server/content/archive.service';
import { creditsOf } from '$lib/server/collective/artist-directory';
import { pick } from '$lib/server/shared/localized-text';
import { localizedPath } from '$lib/i18n/paths';
import { pagePicture } from '$lib/server/media/page-picture';
import { shareImageOf, wantsSaveData } from '$lib/server/shared/picture';
import { cardPictures, mapMarkers, placeGroups, slugFrom } from '../archive-route.server';

/** One initiative: its texts, places (with a small map), figures, credits, gallery, calls and stories. */
export const load: PageServerLoad = async ({ params, request }) => {
	const slug = slugFrom(params.slug);
	const locale = getLocale();
	const { db, siteVersion } = app();
	const initiative = await siteVersion.cached(`initiative:${locale}:${slug}`, () => getInitiative(db, slug, locale));
	if (!initiative) error(404, m.archive_not_found());
	const saveData = wantsSaveData(request.headers.get('save-data'));
	const [gallery, storyImages] = await Promise.all([
		Promise.all(
			initiative.gallery.map((photo, i) =>
				pagePicture(db, photo.mediaId, locale, { sizes: i === 0 ? '(min-width: 72rem) 68rem, 100vw' : '(min-width: 48rem) 22rem, 100vw', lazy: i > 0, saveData })
			)
		),
		cardPictures(
			initiative.stories.map((s) => s.coverMediaId),
			locale,
			saveData
		)
	]);
	const places = initiative.places.flatMap((p, i) =>
		p.virtual || p.latitude === null || p.longitude === null
			? []
			: [{ id: String(i), slug: initiative.slug, title: initiative.title, name: p.name, city: p.city, country: p.country, latitude: p.latitude, longitude: p.longitude }]
	);
	// Credits of the collective's artists as their consent allows: a link to the profile, the name alone, or neutral wording (never the typed name).
	const artistCredits = await creditsOf(db, initiative.credits.flatMap((c) => (c.artistId ? [c.artistId] : [])));
	const credits = initiative.credits.map(({ artistId, ...credit }) => {
		const artist = artistId ? artistCredits.get(artistId) : undefined;
		if (!artist) return { ...credit, href: null };
		if (artist.kind === 'profile') return { ...credit, name: artist.name, href: localizedPath(`/artists/${artist.slug}`, locale) };
		if (artist.kind === 'name') return { ...credit, name: artist.name, href: null };
		return { ...credit, name: artist.wording ? pick(artist.wording, locale).text : m.artist_credit_neutral(), href: null };
	});
	return { initiative: { ...initiative, credits }, gallery, storyImages, markers: mapMarkers(places, locale, 'small'),
		placeGroups: placeGroups(places, locale, true), shareImage: shareImageOf(gallery[0]) };
};
