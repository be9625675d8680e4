import type { FormValue } from './answer-validation';
import type { CallField } from './call-fields';

/*
 * What an applicant posted, read against the call's fields: the values the
 * form shows again and the uploads to check. (The body itself is read, bounded,
 * by the platform's form layer: readBoundedForm.)
 */

/** What the applicant typed, as the form shows it again. */
export interface FormValues {
	email: string;
	name: string;
	consent: boolean;
	eligibility: boolean;
	answers: Record<string, FormValue>;
}

export const emptyValues: FormValues = { email: '', name: '', consent: false, eligibility: false, answers: {} };

export interface Upload {
	fieldKey: string;
	fileName: string;
	size: number;
	/** The bytes, read when they are about to be checked (uploads wait on disk until then). */
	read(): Promise<Uint8Array>;
}

export interface ReadForm {
	values: FormValues;
	uploads: Upload[];
	/** The draft's private token the form carries, if any. */
	draft: string;
	/** The honeypot: people leave it empty. */
	website: string;
	/** `remove_file`: the id of a kept file to remove. */
	removeFile: number | undefined;
}

const text = (value: FormDataEntryValue | null, max = 100_000) => (typeof value === 'string' ? value.slice(0, max) : '');

/** The form's values and uploads, read against the call's fields; anything else is ignored. */
export async function readApplicationForm(form: FormData, fields: readonly CallField[]): Promise<ReadForm> {
	const answers: Record<string, FormValue> = {};
	const uploads: Upload[] = [];
	for (const field of fields) {
		const name = `field.${field.key}`;
		if (field.type === 'file') {
			for (const entry of form.getAll(name)) {
				// A file input left empty still sends a part, with no name and no bytes.
				if (typeof entry === 'string' || (entry.size === 0 && entry.name === '')) continue;
				uploads.push({ fieldKey: field.key, fileName: entry.name, size: entry.size, read: async () => new Uint8Array(await entry.arrayBuffer()) });
			}
		} else if (field.type === 'multiple_choice') {
			answers[field.key] = form.getAll(name).map((entry) => text(entry, 200));
		} else {
			answers[field.key] = text(form.get(name));
		}
	}
	const removeFile = Number(text(form.get('remove_file'), 20));
	return {
		values: {
			email: text(form.get('email'), 1000).trim(),
			name: text(form.get('name'), 1000),
			consent: form.get('consent') === 'yes',
			eligibility: form.get('eligibility') === 'yes',
			answers
		},
		uploads,
		draft: text(form.get('draft'), 200).trim(),
		website: text(form.get('website'), 1000).trim(),
		removeFile: Number.isSafeInteger(removeFile) && removeFile > 0 ? removeFile : undefined
	};
}

/**
 * The largest body the application form of these fields can honestly send:
 * every file field full, plus room for the text (the longest answers in
 * several scripts) and the multipart framing.
 */
export function maxFormBytes(fields: readonly CallField[]): number {
	let bytes = 1024 * 1024;
	for (const field of fields) {
		if (field.type === 'file') bytes += (field.options.maxBytes ?? 0) * (field.options.maxFiles ?? 1) + 4096;
		else bytes += (field.options.maxLength ?? 2000) * 4 + 1024;
	}
	return bytes;
}
