import { mediaLimits, uploadProblemMessage } from '$lib/server/platform/images/image-processing';
import type { MediaActor, MediaRecord } from '$lib/server/media/media.service';
import type { DomainErrorAnswers } from '$lib/server/platform/http/domain-errors';
import { formField, formSchema, localizedFields, localizedValues, type LocalizedNames } from '$lib/server/platform/forms';

/*
 * Small pieces the media admin routes share. The domain lives in
 * $lib/server/media; these only turn URLs, forms and errors into HTTP.
 */

type Staff = NonNullable<App.Locals['staff']>;

export function actorOf(staff: Staff): MediaActor {
	return { id: staff.id, email: staff.email };
}

/** What the media pages answer when the photo is not there (withDomainErrors). */
export const mediaAnswers: DomainErrorAnswers = { notFound: 'This photo does not exist (any more).' };

/** Alt text and caption, one field per language: `alt.en`, `alt.ne`…, `caption.en`… */
export type MediaTextValues = Record<LocalizedNames<'alt' | 'caption'>, string>;

/** Longer texts are refused by the domain anyway; this only bounds what is sent back into the form. */
const mediaTextForm = formSchema({ ...localizedFields('alt', 5000), ...localizedFields('caption', 5000) });

export function mediaTextFromForm(form: FormData): MediaTextValues {
	return mediaTextForm.read(form);
}

/** The upload form: the photo, with its texts. */
export const uploadForm = formSchema({ file: formField.file() });

export function mediaTextValues(media: Pick<MediaRecord, 'alt' | 'caption'>): MediaTextValues {
	return { ...localizedValues('alt', media.alt), ...localizedValues('caption', media.caption) };
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

export { thumbnailOf } from '$lib/server/media/media-thumbnail';
