import { z } from 'zod';
import { locales, type Locale } from '$lib/i18n/locales';
import { mediaLimits, uploadProblemMessage } from '$lib/server/platform/images/image-processing';
import type { LocalizedInput, MediaActor, MediaRecord } from '$lib/server/media/media.service';
import { variantUrl } from '$lib/server/shared/picture';
import type { DomainErrorAnswers } from '$lib/server/platform/http/domain-errors';
import { idOrNotFound } from '$lib/server/platform/route-params';

/*
 * Small pieces the media admin routes share. The domain lives in
 * $lib/server/media; these only turn URLs, forms and errors into HTTP.
 */

type Staff = NonNullable<App.Locals['staff']>;

export function actorOf(staff: Staff): MediaActor {
	return { id: staff.id, email: staff.email };
}

/** The media id from the URL, or 404. */
export function mediaIdOf(segment: string): number {
	return idOrNotFound(segment, 'There is no such photo.');
}

/** What the media pages answer when the photo is not there (withDomainErrors). */
export const mediaAnswers: DomainErrorAnswers = { notFound: 'This photo does not exist (any more).' };

/** Longer texts are refused by the domain anyway; this only bounds what is sent back into the form. */
const formText = z.preprocess((value) => (typeof value === 'string' ? value.slice(0, 5000) : ''), z.string());

/** Alt text and caption, one field per language: `alt.en`, `alt.ne`…, `caption.en`… */
export type MediaTextValues = Record<`${'alt' | 'caption'}.${Locale}`, string>;

const mediaTextSchema = z.object(
	Object.fromEntries(locales.flatMap((l) => [[`alt.${l}`, formText], [`caption.${l}`, formText]])) as Record<
		keyof MediaTextValues,
		typeof formText
	>
);

export function mediaTextFromForm(form: FormData): MediaTextValues {
	return mediaTextSchema.parse(Object.fromEntries(locales.flatMap((l) => [`alt.${l}`, `caption.${l}`].map((name) => [name, form.get(name)]))));
}

export function mediaTextValues(media: Pick<MediaRecord, 'alt' | 'caption'>): MediaTextValues {
	return Object.fromEntries(
		locales.flatMap((l) => [
			[`alt.${l}`, media.alt[l] ?? ''],
			[`caption.${l}`, media.caption?.[l] ?? '']
		])
	) as MediaTextValues;
}

export function localizedFrom(values: MediaTextValues, field: 'alt' | 'caption'): LocalizedInput {
	return Object.fromEntries(locales.map((l) => [l, values[`${field}.${l}`]]));
}

/** What the upload form says about files, from the same limits the domain enforces. */
export function uploadRules() {
	return {
		maxBytes: mediaLimits.maxBytes,
		summary: `JPEG, PNG, WebP, AVIF or HEIC, up to ${Math.floor(mediaLimits.maxBytes / (1024 * 1024))} MB`,
		tooLarge: uploadProblemMessage('too_large')
	};
}

/**
 * True when the request body was larger than the server takes (adapter-node's
 * BODY_SIZE_LIMIT): SvelteKit then fails reading it with status 413.
 */
export function isBodyTooLarge(e: unknown): boolean {
	const status = (value: unknown) => (value && typeof value === 'object' ? (value as { status?: unknown }).status : undefined);
	// Depending on where reading failed, the 413 is the error itself or its cause.
	return status(e) === 413 || status((e as { cause?: unknown } | undefined)?.cause) === 413;
}

/** The smallest WebP and JPEG of a ready photo, for thumbnails in the admin. */
export function thumbnailOf(media: MediaRecord) {
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
