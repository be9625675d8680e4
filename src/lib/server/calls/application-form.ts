import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import type { Database } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';
import { validateAnswers, type AttachedFile } from './answer-validation';
import { attachUpload, removeUpload, uploadSlots, type ApplicationFileStorage } from './application-files';
import type { CallsMail } from './application-mail';
import type { FormValues, ReadForm } from './application-input';
import { keptFiles, type KeptFileView } from './application-views';
import { formErrorMessage, isLate, issuesToErrors, problemMessage, problemStatus } from './application-wording';
import { recordApplicationAttempt } from './application-throttle';
import {
	applicantLimits,
	editApplication,
	findApplicationByToken,
	saveDraft,
	submitApplication,
	type ApplicationProblem
} from './applications.service';
import type { CallField } from './call-fields';
import { requiresEligibilityConfirmation, type OpenCall } from './calls.service';

/*
 * What happens when an applicant posts the application form: "submit", "save
 * and finish later", "remove" a kept file, or (from the private page) "save
 * changes". Whatever goes wrong, nothing typed or uploaded is lost: accepted
 * uploads are kept with a draft (created for the purpose when there is none,
 * without an address if the one typed does not work), the draft's token rides
 * along in the form's hidden `draft` input, and the form comes back with every
 * value and each error beside its field. Every post counts against the
 * application limits (application-throttle.ts) before anything is kept.
 */

export interface ApplicationFormDeps {
	db: Kysely<Database>;
	storage: ApplicationFileStorage;
	mail: CallsMail;
	/** The sender's network address, for the rate limit. */
	ip: string;
}

/** The form as it is shown again: values, errors by input name, kept files. */
export interface FormState {
	values: FormValues;
	errors: Record<string, string>;
	problem: string | null;
	/** The call took nothing because its deadline passed (or staff closed it). */
	late: boolean;
	kept: Record<string, KeptFileView[]>;
	draft: string;
	/** Files and answers are kept, but the address does not work yet. */
	keptWithoutEmail: boolean;
}

export type PostOutcome =
	| { kind: 'redirect'; token: string; done: 'submitted' | 'saved' | 'edited' }
	| { kind: 'received' }
	| { kind: 'form'; status: number; state: FormState };

export type FormAction = 'submit' | 'save' | 'removeFile' | 'edit';

const emailSchema = z.email();

function isUsableEmail(value: string): boolean {
	return value.length <= applicantLimits.email && emailSchema.safeParse(value.toLowerCase()).success;
}

function draftInput(values: FormValues, locale: Locale, withEmail: boolean) {
	return {
		email: withEmail ? values.email : '',
		name: values.name.trim().slice(0, applicantLimits.name),
		locale,
		answers: values.answers,
		consent: values.consent,
		eligibilityConfirmed: values.eligibility
	};
}

function submissionInput(values: FormValues, locale: Locale) {
	return { email: values.email, name: values.name, locale, answers: values.answers, consent: values.consent, eligibilityConfirmed: values.eligibility };
}

/** The token when it opens a draft of this call; otherwise nothing (a stale or altered hidden input). */
async function usableDraft(db: Kysely<Database>, callId: number, token: string): Promise<string> {
	if (!token) return '';
	const found = await findApplicationByToken(db, token);
	return found.status === 'found' && found.call.id === callId && found.application.status === 'draft' ? token : '';
}

/** The address of the application behind a private link ('' for a link that does not work). */
async function applicationEmail(db: Kysely<Database>, token: string): Promise<string> {
	const found = await findApplicationByToken(db, token);
	return found.status === 'found' ? found.application.email : '';
}

async function keptOf(db: Kysely<Database>, token: string, locale: Locale): Promise<Record<string, KeptFileView[]>> {
	if (!token) return {};
	const found = await findApplicationByToken(db, token);
	return found.status === 'found' ? keptFiles(found.application.files, locale) : {};
}

/** A draft to keep files with: the one the form carries, or a new one (without an address when the typed one does not work). */
async function ensureDraft(deps: ApplicationFormDeps, call: OpenCall, values: FormValues, locale: Locale, token: string): Promise<{ token: string } | { problem: ApplicationProblem }> {
	if (token) return { token };
	const base = { email: isUsableEmail(values.email) ? values.email : '', name: values.name.trim().slice(0, applicantLimits.name), locale };
	const result = await saveDraft(deps.db, { callId: call.id, input: base });
	return result.status === 'saved' ? { token: result.token } : { problem: result.status };
}

/** Records each upload; refusals come back as messages under the field's input name. */
async function attachAll(deps: ApplicationFormDeps, token: string, uploads: ReadForm['uploads']): Promise<{ errors: Record<string, string>; problem?: ApplicationProblem }> {
	const errors: Record<string, string> = {};
	for (const upload of uploads) {
		const name = `field.${upload.fieldKey}`;
		if (errors[name]) continue;
		try {
			const result = await uploadSlots.run(async () =>
				attachUpload(deps.db, deps.storage, token, { fieldKey: upload.fieldKey, fileName: upload.fileName, bytes: await upload.read() })
			);
			if (result.status !== 'attached') return { errors, problem: result.status };
		} catch (error) {
			if (!(error instanceof ValidationError)) throw error;
			const code = Object.values(error.issues)[0] ?? 'file_damaged';
			errors[name] = formErrorMessage(code);
		}
	}
	return { errors };
}

/** What a submission would be told, without submitting: used when a file was refused, so the applicant sees every error at once. */
function dryCheck(call: OpenCall, fields: readonly CallField[], values: FormValues, locale: Locale, files: Record<string, AttachedFile[]>): Record<string, string> {
	const issues: Record<string, string> = {};
	if (!isUsableEmail(values.email)) issues.email = 'email_invalid';
	if (!values.name.trim()) issues.name = 'required';
	else if (values.name.trim().length > applicantLimits.name) issues.name = 'too_long';
	for (const [key, code] of Object.entries(validateAnswers(fields, values.answers, locale, files).errors)) issues[`answers.${key}`] = code;
	if (call.consentText.en.trim() && !values.consent) issues.consent = 'consent_required';
	if (requiresEligibilityConfirmation(call) && !values.eligibility) issues.eligibility = 'eligibility_required';
	return issuesToErrors(issues);
}

async function attachedByField(db: Kysely<Database>, token: string): Promise<Record<string, AttachedFile[]>> {
	const byField: Record<string, AttachedFile[]> = {};
	if (!token) return byField;
	const found = await findApplicationByToken(db, token);
	if (found.status !== 'found') return byField;
	for (const file of found.application.files) (byField[file.fieldKey] ??= []).push({ mediaType: file.mediaType, bytes: file.bytes });
	return byField;
}

/** Keeps the typed answers with the draft, quietly (no e-mail): what a failed submit leaves behind. */
async function keepAnswers(deps: ApplicationFormDeps, call: OpenCall, values: FormValues, locale: Locale, token: string): Promise<void> {
	if (!token) return;
	try {
		await saveDraft(deps.db, { callId: call.id, token, input: draftInput(values, locale, isUsableEmail(values.email)) });
	} catch (error) {
		// Text beyond a length limit is not kept; the form still shows it, with its error.
		if (!(error instanceof ValidationError)) throw error;
	}
}

/**
 * Handles one post of the application form of `call`. `editToken` is the
 * private link's token for the "edit" action of a submitted application.
 */
export async function handleApplicationPost(
	deps: ApplicationFormDeps,
	request: { call: OpenCall; fields: readonly CallField[]; action: FormAction; locale: Locale; form: ReadForm; editToken?: string }
): Promise<PostOutcome> {
	const { call, fields, action, locale, form } = request;
	const values = form.values;
	const editing = request.editToken !== undefined;
	let token = editing ? (request.editToken ?? '') : await usableDraft(deps.db, call.id, form.draft);

	const state = async (status: number, extra: Partial<FormState> = {}): Promise<PostOutcome> => ({
		kind: 'form',
		status,
		state: {
			values,
			errors: {},
			problem: null,
			late: false,
			draft: editing ? '' : token,
			keptWithoutEmail: false,
			...extra,
			kept: await keptOf(deps.db, token, locale)
		}
	});
	const problemState = (problem: ApplicationProblem, errors: Record<string, string> = {}) =>
		state(problemStatus(problem) === 404 ? 409 : problemStatus(problem), { problem: problemMessage(problem), late: isLate(problem), errors });

	// A form filled in by a robot: answered as if it went through, and nothing is kept.
	if (form.website && !editing) return { kind: 'received' };
	// Every action keeps something (answers, uploads, a draft, a change), so each post
	// counts against the limits before anything is stored; editing counts against the
	// application's own address, not one typed into the form.
	const verdict = await recordApplicationAttempt(deps.db, { email: editing ? await applicationEmail(deps.db, token) : values.email, ip: deps.ip });
	if (!verdict.allowed) return state(429, { problem: m.apply_too_many() });

	// Uploads first, so that whatever else is wrong they are kept.
	let fileErrors: Record<string, string> = {};
	if (form.uploads.length > 0 || (action === 'removeFile' && form.removeFile)) {
		if (!editing) {
			const draft = await ensureDraft(deps, call, values, locale, token);
			if ('problem' in draft) return problemState(draft.problem);
			token = draft.token;
		}
		const attached = await attachAll(deps, token, form.uploads);
		fileErrors = attached.errors;
		if (attached.problem) return problemState(attached.problem, fileErrors);
	}

	if (action === 'removeFile') {
		if (token && form.removeFile) {
			const removed = await removeUpload(deps.db, deps.storage, token, form.removeFile).catch((error: unknown) => {
				if (error instanceof ValidationError) return { status: 'refused' as const, issues: error.issues };
				throw error;
			});
			if (removed.status === 'refused') return state(400, { errors: { ...fileErrors, ...issuesToErrors(removed.issues) } });
			if (removed.status !== 'removed' && removed.status !== 'unknown') return problemState(removed.status, fileErrors);
		}
		if (!editing) await keepAnswers(deps, call, values, locale, token);
		return state(Object.keys(fileErrors).length > 0 ? 400 : 200, { errors: fileErrors });
	}

	if (action === 'save') {
		const emailWorks = isUsableEmail(values.email);
		if (!emailWorks && !token && Object.keys(fileErrors).length === 0) {
			return state(400, { errors: issuesToErrors({ email: 'email_invalid' }) });
		}
		try {
			const saved = await saveDraft(deps.db, { callId: call.id, token: token || undefined, input: draftInput(values, locale, emailWorks) }, { mail: deps.mail });
			if (saved.status !== 'saved') return problemState(saved.status, fileErrors);
			token = saved.token;
		} catch (error) {
			if (!(error instanceof ValidationError)) throw error;
			return state(400, { errors: { ...issuesToErrors(error.issues), ...fileErrors } });
		}
		if (!emailWorks) {
			return state(400, { errors: { ...issuesToErrors({ email: 'email_invalid' }), ...fileErrors }, keptWithoutEmail: true });
		}
		if (Object.keys(fileErrors).length > 0) return state(400, { errors: fileErrors });
		return { kind: 'redirect', token, done: 'saved' };
	}

	if (Object.keys(fileErrors).length > 0) {
		// A refused file is never skipped silently: nothing is submitted until the applicant has seen why.
		if (!editing) await keepAnswers(deps, call, values, locale, token);
		const errors = { ...dryCheck(call, fields, values, locale, await attachedByField(deps.db, token)), ...fileErrors };
		return state(400, { errors, keptWithoutEmail: !editing && !isUsableEmail(values.email) });
	}

	if (action === 'edit') {
		try {
			const result = await editApplication(deps.db, token, { name: values.name, locale, answers: values.answers, consent: values.consent, eligibilityConfirmed: values.eligibility });
			if (result.status !== 'updated') return problemState(result.status);
			return { kind: 'redirect', token, done: 'edited' };
		} catch (error) {
			if (!(error instanceof ValidationError)) throw error;
			return state(400, { errors: issuesToErrors(error.issues) });
		}
	}

	try {
		const result = await submitApplication(deps.db, { callId: call.id, token: token || undefined, input: submissionInput(values, locale) }, { mail: deps.mail });
		if (result.status === 'submitted') return { kind: 'redirect', token: result.token, done: 'submitted' };
		return problemState(result.status);
	} catch (error) {
		if (!(error instanceof ValidationError)) throw error;
		await keepAnswers(deps, call, values, locale, token);
		return state(400, { errors: issuesToErrors(error.issues), keptWithoutEmail: token !== '' && !isUsableEmail(values.email) });
	}
}
