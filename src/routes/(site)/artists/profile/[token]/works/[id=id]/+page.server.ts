import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { locales, localeNames, type Locale, type Localized } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { readArtwork } from '$lib/server/exhibitions/artwork.queries';
import { isArtistOfWork, updateArtworkTexts } from '$lib/server/exhibitions/artwork.service';
import { failWith, readSmallForm } from '$lib/server/platform/forms';
import { NotFoundError } from '$lib/server/platform/errors';
import { privatePageHeaders } from '../../../../../newsletter/newsletter-route';
import { artistFor } from '../../artist-link.server';

/*
 * An artist changes the texts of one of their works from their private page:
 * title, medium, long description and the alt text of each image, in every
 * language. Artists, images and licence stay as staff set them. A work the
 * artist is not credited with is not found, whatever its number.
 */

type PerLanguage = Record<Locale, string>;

export interface WorkTextValues {
	title: PerLanguage;
	medium: PerLanguage;
	description: PerLanguage;
	/** One per image of the work, in order. */
	alt: PerLanguage[];
}

const limits = { title: 200, medium: 200, description: 10_000, alt: 500 } as const;

function perLanguage(value: Localized): PerLanguage {
	return Object.fromEntries(locales.map((l) => [l, value[l] ?? ''])) as PerLanguage;
}

async function ownWork(token: string, id: number) {
	const artist = await artistFor(token);
	const work = await readArtwork(app().db, id);
	if (!work || !(await isArtistOfWork(app().db, artist.id, id))) error(404, m.artist_work_not_found());
	return { artist, work };
}

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders(privatePageHeaders);
	const { work } = await ownWork(params.token, Number(params.id));
	return {
		values: {
			title: perLanguage(work.title),
			medium: perLanguage(work.medium),
			description: perLanguage(work.description),
			alt: work.images.map((image) => perLanguage(image.alt))
		} satisfies WorkTextValues,
		languages: locales.map((code) => ({ code, name: localeNames[code] })),
		limits
	};
};

function readValues(form: FormData, images: number): WorkTextValues {
	const field = (name: string, max: number) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.slice(0, max + 1) : '';
	};
	const language = (name: string, max: number) => Object.fromEntries(locales.map((l) => [l, field(`${name}.${l}`, max)])) as PerLanguage;
	return {
		title: language('title', limits.title),
		medium: language('medium', limits.medium),
		description: language('description', limits.description),
		alt: Array.from({ length: images }, (_, i) => language(`alt.${i}`, limits.alt))
	};
}

/** The domain's issues (`title.en`, `alt.0.ne`) as messages in the reader's language, by the form's field names. */
function workErrors(issues: Record<string, string>): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const path of Object.keys(issues)) errors[path] = path === 'title.en' || path === 'title' ? m.artist_work_title_required() : m.artist_work_too_long();
	return errors;
}

export const actions = {
	default: async ({ params, request }) => {
		const id = Number(params.id);
		const { artist, work } = await ownWork(params.token, id);
		// Four long descriptions, percent-encoded Devanagari among them: room for all.
		const form = await readSmallForm(request, 524_288);
		if (!form) return fail(413, { problem: m.artist_contact_unreadable(), values: null, errors: {}, saved: false });
		const values = readValues(form, work.images.length);
		const trimmed = (value: PerLanguage) => Object.fromEntries(Object.entries(value).map(([l, text]) => [l, text.trim()]));
		try {
			await updateArtworkTexts(
				app().exhibitions,
				null,
				id,
				{ title: trimmed(values.title), medium: trimmed(values.medium), description: trimmed(values.description), alt: values.alt.map(trimmed) },
				{ byArtistId: artist.id }
			);
		} catch (thrown) {
			if (thrown instanceof NotFoundError) error(404, m.artist_work_not_found());
			return failWith(thrown, (issues) => ({ problem: m.artist_work_problem(), values, errors: workErrors(issues), saved: false }));
		}
		return { problem: null, values: null, errors: {}, saved: true };
	}
} satisfies Actions;
