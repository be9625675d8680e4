import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { locales, localeNames } from '$lib/i18n/locales';
import { localizedPath } from '$lib/i18n/paths';
import { app } from '$lib/server/app';
import type { ArtistConsentPurpose, ArtistRow } from '$lib/server/db/schema';
import { saveOwnProfile, withdrawOwnConsent } from '$lib/server/collective/artist-profile.service';
import { linkKinds } from '$lib/server/collective/artist-profile-input';
import { profileValuesOfRow, readProfileValues, type ProfileFormValues } from '$lib/server/collective/artist-profile-form';
import { isPublicProfile } from '$lib/server/collective/artist-visibility';
import { consentPurposes, currentConsentText } from '$lib/server/collective/consent';
import { failWith, readSmallForm } from '$lib/server/platform/forms';
import { NotFoundError } from '$lib/server/platform/errors';
import { countryOptions } from '$lib/server/shared/countries';
import { pick } from '$lib/server/shared/localized-text';
import { privatePageHeaders } from '../../../newsletter/newsletter-route';
import { artistFormErrors } from '../../artists-route';
import { artistFor } from './artist-link.server';
import { worksOfArtist } from '$lib/server/exhibitions/artwork.service';

/*
 * An artist's private page, reached by the link in their e-mail: their profile
 * and their consent, as forms that work without script, and withdrawing
 * everything at once. Opening it changes nothing (mail scanners open links);
 * the token in the address is the only key, so the page is never stored and
 * sends no referrer (hooks.server.ts and PrivatePageHead).
 */

export interface ProfileValues extends ProfileFormValues {
	consent: Record<ArtistConsentPurpose, boolean>;
}

function valuesOf(row: ArtistRow): ProfileValues {
	return {
		...profileValuesOfRow(row),
		consent: {
			directory: Number(row.consent_directory) === 1,
			photo: Number(row.consent_photo) === 1,
			city: Number(row.consent_city) === 1,
			contact: Number(row.consent_contact) === 1,
			credit_name: Number(row.consent_credit_name) === 1,
			guardian: Number(row.consent_guardian) === 1
		}
	};
}

function readValues(form: FormData): ProfileValues {
	const ticked = new Set(form.getAll('consent').filter((v): v is string => typeof v === 'string'));
	return { ...readProfileValues(form), consent: Object.fromEntries(consentPurposes.map((p) => [p, ticked.has(p)])) as Record<ArtistConsentPurpose, boolean> };
}

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders(privatePageHeaders);
	const locale = getLocale();
	const artist = await artistFor(params.token);
	const consentText = await currentConsentText(app().db);
	return {
		values: valuesOf(artist),
		minor: Number(artist.minor) === 1,
		publicPath: isPublicProfile(artist) ? localizedPath(`/artists/${artist.slug}`) : null,
		consentTexts: consentPurposes.map((purpose) => ({ purpose, text: consentText.texts[purpose] ? pick(consentText.texts[purpose]!, locale) : { text: purpose, lang: 'en' as const } })),
		countries: countryOptions(locale),
		languages: locales.map((l) => ({ code: l, name: localeNames[l] })),
		linkKinds,
		// The page's own address (the token is in it already), for links to the artist's works.
		selfPath: localizedPath(`/artists/profile/${params.token}`),
		works: (await worksOfArtist(app().db, artist.id)).map((work) => ({ id: work.id, title: pick(work.title, locale) }))
	};
};

export const actions = {
	save: async ({ params, request }) => {
		await artistFor(params.token);
		// Four bios of 4 000 characters, percent-encoded Devanagari among them (9 bytes a letter): room for all.
		const form = await readSmallForm(request, 262_144);
		if (!form) return fail(413, { problem: m.artist_contact_unreadable(), values: null, errors: {}, done: null });
		const values = readValues(form);
		try {
			await saveOwnProfile(app().collective, params.token, {
				...values,
				languages: values.languages.split(','),
				mediums: values.mediums.split(','),
				links: values.links
			});
		} catch (thrown) {
			if (thrown instanceof NotFoundError) error(410, m.artist_profile_expired());
			return failWith(thrown, (issues) => ({ problem: m.artist_profile_problem(), values, errors: artistFormErrors(issues), done: null }));
		}
		return { problem: null, values: null, errors: {}, done: 'saved' as const };
	},
	withdraw: async ({ params }) => {
		await artistFor(params.token);
		try {
			await withdrawOwnConsent(app().collective, params.token);
		} catch (thrown) {
			if (thrown instanceof NotFoundError) error(410, m.artist_profile_expired());
			throw thrown;
		}
		return { problem: null, values: null, errors: {}, done: 'withdrawn' as const };
	}
} satisfies Actions;
