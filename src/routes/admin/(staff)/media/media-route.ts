import { mediaLimits, UploadRejectedError, type UploadProblem } from '$lib/server/platform/images/image-processing';
import type { MediaActor, MediaRecord } from '$lib/server/media/media.service';
import type { DomainErrorAnswers } from '$lib/server/platform/http/domain-errors';
import { formField, formSchema, localizedFields, localizedValues, refusedIssues, type Issues, type LocalizedNames } from '$lib/server/platform/forms';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/i18n/locales';

/*
 * Small pieces the media admin routes share. The domain lives in
 * $lib/server/media; these only turn URLs, forms and errors into HTTP.
 */

type Staff = NonNullable<App.Locals['staff']>;

export function actorOf(staff: Staff): MediaActor {
	return { id: staff.id, email: staff.email };
}

/** What the media pages answer when the photo is not there (withDomainErrors). */
export const mediaAnswers: DomainErrorAnswers = {
	// Read when the error is answered, in the language of that request.
	get notFound() {
		return m.library_media_not_found();
	}
};

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

const megabytes = Math.floor(mediaLimits.maxBytes / (1024 * 1024));
const megapixels = Math.floor(mediaLimits.maxPixels / 1_000_000);

/** What the upload form says about files, from the same limits the domain enforces, in the staff member's language. */
export function uploadRules(locale: Locale) {
	return { maxBytes: mediaLimits.maxBytes, megabytes, tooLarge: uploadProblemText('too_large', locale) };
}

/**
 * Why an upload was refused, in the staff member's language: the domain's
 * English (uploadProblemMessage) said again, with what is accepted.
 */
export function uploadProblemText(code: UploadProblem, locale: Locale): string {
	const options = { locale };
	const problem = {
		missing: () => m.library_upload_missing({}, options),
		too_large: () => m.library_upload_too_large({ megabytes }, options),
		unsupported_type: () => m.library_upload_unsupported({}, options),
		heic_not_supported: () => m.library_upload_heic({}, options),
		corrupt: () => m.library_upload_corrupt({}, options),
		too_many_pixels: () => m.library_upload_too_many_pixels({ megapixels }, options),
		too_complex: () => m.library_upload_too_complex({}, options)
	}[code]();
	const accepted = code === 'heic_not_supported' ? m.library_upload_accepted_no_heic({ megabytes, megapixels }, options) : m.library_upload_accepted({ megabytes, megapixels }, options);
	return `${problem} ${accepted}`;
}

/** The media domain's refusals of alt text and caption, by their English words (media.service localizedTextIssues). */
function mediaIssueText(message: string, locale: Locale): string {
	const options = { locale };
	const longest = /^Keep this to (\d+) characters or fewer\.$/.exec(message);
	if (longest) return m.library_issue_keep_to({ max: Number(longest[1]) }, options);
	const known: Record<string, () => string> = {
		'Describe the photo in English for people who cannot see it.': () => m.library_issue_alt_en({}, options),
		'Write this in English at least.': () => m.library_issue_english({}, options),
		'This must be text.': () => m.library_issue_text({}, options)
	};
	return known[message]?.() ?? message;
}

/**
 * The issues of a refused upload or edit, in the staff member's language; undefined
 * when `thrown` is not a refusal. A refused file is worded from its code.
 */
export function staffMediaIssues(thrown: unknown, locale: Locale): Issues | undefined {
	const issues = refusedIssues(thrown);
	if (!issues) return undefined;
	const worded = Object.fromEntries(Object.entries(issues).map(([field, message]) => [field, mediaIssueText(message, locale)]));
	if (thrown instanceof UploadRejectedError) worded.file = uploadProblemText(thrown.code, locale);
	return worded;
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
