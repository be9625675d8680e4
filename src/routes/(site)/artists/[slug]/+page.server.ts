import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Locale } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { publicProfile } from '$lib/server/collective/artist-directory';
import { relayLimits, relayMessage } from '$lib/server/collective/artist-profile.service';
import { recordRelayAttempt } from '$lib/server/collective/artist-throttle';
import { pagePicture } from '$lib/server/media/page-picture';
import { failWith, readSmallForm } from '$lib/server/platform/forms';
import { NotFoundError } from '$lib/server/platform/errors';
import { shareImageOf, wantsSaveData } from '$lib/server/shared/picture';
import { artistInExhibitions } from '$lib/server/exhibitions/artist-works';
import { artistFormErrors, artistSlugFrom } from '../artists-route';

function shownProfile(slug: string, locale: Locale) {
	const { db, siteVersion } = app();
	return siteVersion.cached(`artist:${locale}:${slug}`, () => publicProfile(db, slug, locale));
}

/** One public profile: only what its consent allows, with the relay form when the artist wants messages. */
export const load: PageServerLoad = async ({ params, request, setHeaders }) => {
	const locale = getLocale();
	const artist = await shownProfile(artistSlugFrom(params.slug), locale);
	if (!artist) error(404, m.artist_not_found());
	const saveData = wantsSaveData(request.headers.get('save-data'));
	const portrait = await pagePicture(app().db, artist.portraitMediaId, locale, { sizes: '12rem', lazy: false, saveData });
	const inExhibitions = await artistInExhibitions(app().exhibitions, artist.id, locale, { saveData });
	// After the relay form the page holds what one visitor typed: never kept.
	if (request.method !== 'GET' && request.method !== 'HEAD') setHeaders({ 'Cache-Control': 'private, no-store' });
	return { artist, portrait, works: inExhibitions.works, exhibitions: inExhibitions.exhibitions, shareImage: shareImageOf(portrait), limits: relayLimits };
};

export interface RelayState {
	values: { name: string; email: string; message: string } | null;
	errors: Record<string, string>;
	problem: string | null;
	sent: boolean;
}

export const actions = {
	/**
	 * A visitor's message to the artist, mailed with Reply-To the visitor. A robot
	 * caught by the trap field gets the same answer as a person; over the limits
	 * the form comes back as typed.
	 */
	relay: async ({ params, request, getClientAddress }) => {
		const slug = artistSlugFrom(params.slug);
		const { db, log, collective } = app();
		const state = (patch: Partial<RelayState>): { relay: RelayState } => ({ relay: { values: null, errors: {}, problem: null, sent: false, ...patch } });
		const form = await readSmallForm(request);
		if (!form) return fail(413, state({ problem: m.artist_contact_unreadable() }));
		const field = (name: string, max: number) => {
			const value = form.get(name);
			return typeof value === 'string' ? value.slice(0, max) : '';
		};
		const values = { name: field('name', 200), email: field('email', 254), message: field('message', relayLimits.message + 500) };
		if (field('website', 200).trim() !== '') {
			log.info('artist relay trap field filled in; nothing done');
			return state({ sent: true });
		}
		if (!(await recordRelayAttempt(db, { email: values.email, ip: getClientAddress(), artistSlug: slug })).allowed) {
			log.info('artist relay over the limits; refused');
			return fail(429, state({ values, problem: m.artist_contact_too_many() }));
		}
		try {
			await relayMessage(collective, slug, { name: values.name, email: values.email, text: values.message });
		} catch (thrown) {
			if (thrown instanceof NotFoundError) error(404, m.artist_not_found());
			return failWith(thrown, (issues) => state({ values, errors: artistFormErrors(issues) }));
		}
		return state({ sent: true });
	}
} satisfies Actions;
