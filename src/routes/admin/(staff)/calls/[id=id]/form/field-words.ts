import { m } from '$lib/paraglide/messages';

/* The form builder's words for types of answer and kinds of file, read in the signed-in person's language. */

const typeMessages: Record<string, () => string> = {
	short_text: () => m.callform_type_short_text(),
	long_text: () => m.callform_type_long_text(),
	email: () => m.callform_type_email(),
	country: () => m.callform_type_country(),
	single_choice: () => m.callform_type_single_choice(),
	multiple_choice: () => m.callform_type_multiple_choice(),
	yes_no: () => m.callform_type_yes_no(),
	url: () => m.callform_type_url(),
	number: () => m.callform_type_number(),
	date: () => m.callform_type_date(),
	file: () => m.callform_type_file()
};

/** The types of answer, in the builder's order. */
export const fieldTypes = Object.keys(typeMessages);

/** A type of answer in words; an unknown one as its code. */
export const fieldTypeWord = (type: string): string => typeMessages[type]?.() ?? type;

const fileMessages: Record<string, () => string> = {
	'image/jpeg': () => m.callform_file_jpeg(),
	'image/png': () => m.callform_file_png(),
	'image/webp': () => m.callform_file_webp(),
	'image/heic': () => m.callform_file_heic(),
	'application/pdf': () => m.callform_file_pdf()
};

/** A kind of file in words; an unknown one as its media type. */
export const fileTypeWord = (mediaType: string): string => fileMessages[mediaType]?.() ?? mediaType;
