import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/paths';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { answersToFormValues, type FormValue } from '$lib/server/calls/answer-validation';
import { eraseApplication } from '$lib/server/calls/application-files';
import type { FormValues } from '$lib/server/calls/application-input';
import { answerText, callView, fieldViews, keptFiles } from '$lib/server/calls/application-views';
import { recordApplicationAttempt } from '$lib/server/calls/application-throttle';
import { findApplicationByToken, withdrawApplication } from '$lib/server/calls/applications.service';
import { callPhase, formatDeadline } from '$lib/server/calls/call-time';
import { formField, formSchema, readSmallForm } from '$lib/server/platform/forms';
import { applicationAction } from '../../calls/calls-route';
import { isActionRendering, privatePageHeaders } from '../../newsletter/newsletter-route';

/*
 * The applicant's private page, reached by the link in their e-mails: a draft
 * opens in the application form again; a submitted application shows its
 * answers (files by name only: they are never served here), can be changed
 * until the deadline, withdrawn, or erased. Decisions and scores are never shown.
 * The token in the address is the only key: the page is never cached
 * (hooks.server.ts keeps it out of the page cache too).
 */

const doneNotices = ['submitted', 'saved', 'edited', 'withdrawn'] as const;

async function found(token: string) {
	const result = await findApplicationByToken(app().db, token);
	if (result.status !== 'found') error(404, m.application_problem_unknown());
	return result;
}

export const load: PageServerLoad = async ({ params, url, request, setHeaders }) => {
	setHeaders(privatePageHeaders);
	const locale = getLocale();
	const result = await findApplicationByToken(app().db, params.token);
	if (result.status !== 'found') {
		// Right after "delete my data" the link no longer works: the page says what happened.
		if (isActionRendering(request)) return { deleted: true as const };
		error(404, m.application_problem_unknown());
	}
	const { application, call, fields } = result;
	const now = Date.now();
	const view = callView(call, locale, now);
	const answers = application.answers as Record<string, unknown>;
	const values: FormValues = {
		email: application.email,
		name: application.name,
		consent: application.status === 'submitted',
		eligibility: application.status === 'submitted' && view.eligibility !== null,
		answers: application.status === 'draft' ? (answers as Record<string, FormValue>) : answersToFormValues(answers)
	};
	const done = url.searchParams.get('done');
	const views = fieldViews(fields, locale);
	return {
		deleted: false as const,
		token: params.token,
		call: view,
		fields: views,
		application: {
			status: application.status,
			email: application.email,
			name: application.name,
			// In the call's zone, named (the applicant may live elsewhere), as its deadline is written.
			submittedAt: application.submittedAt ? formatDeadline(application.submittedAt, call.timeZone, locale).inZone : null,
			answers: fields.map((field, index) => ({
				key: field.key,
				label: views[index]!.label,
				text:
					field.type === 'file'
						? application.files
								.filter((file) => file.fieldKey === field.key)
								.map((file) => file.originalName)
								.join(', ')
						: answerText(field, answers[field.key], locale)
			}))
		},
		values,
		kept: keptFiles(application.files, locale),
		open: callPhase(call, now) === 'open',
		editing: url.searchParams.has('edit'),
		done: (doneNotices as readonly string[]).includes(done ?? '') ? (done as (typeof doneNotices)[number]) : null,
		applyBase: localizedPath(`/calls/${call.slug}/apply`, locale)
	};
};

/** The confirmation boxes of withdrawing and of erasing. */
const confirmForm = formSchema({ confirm_withdraw: formField.is('yes'), confirm_delete: formField.is('yes') });

async function confirmed(request: Request, name: 'confirm_withdraw' | 'confirm_delete'): Promise<boolean> {
	return confirmForm.read((await readSmallForm(request)) ?? new FormData())[name];
}

export const actions = {
	edit: async (event) => {
		const { call, fields } = await found(event.params.token);
		return applicationAction(event, { call, fields, action: 'edit', locale: getLocale(), editToken: event.params.token });
	},
	removeFile: async (event) => {
		const { call, fields } = await found(event.params.token);
		return applicationAction(event, { call, fields, action: 'removeFile', locale: getLocale(), editToken: event.params.token });
	},
	withdraw: async ({ params, request, getClientAddress }) => {
		const { application } = await found(params.token);
		if (!(await confirmed(request, 'confirm_withdraw'))) return fail(400, { confirm: 'withdraw' as const, message: m.application_confirm_required() });
		const { db, mail } = app().calls;
		// A withdrawal is a change and an e-mail: it counts against the same limits as the form.
		const verdict = await recordApplicationAttempt(db, { email: application.email, ip: getClientAddress() });
		if (!verdict.allowed) return fail(429, { confirm: 'withdraw' as const, message: m.application_withdraw_too_many() });
		const result = await withdrawApplication(db, params.token, { mail });
		if (result.status === 'unknown') error(404, m.application_problem_unknown());
		redirect(303, `${localizedPath(`/applications/${params.token}`, getLocale())}?done=withdrawn`);
	},
	delete: async ({ params, request }) => {
		await found(params.token);
		if (!(await confirmed(request, 'confirm_delete'))) return fail(400, { confirm: 'delete' as const, message: m.application_confirm_required() });
		const result = await eraseApplication(app().db, app().calls.storage, params.token);
		if (result.status !== 'deleted') error(404, m.application_problem_unknown());
		app().log.info('an applicant deleted their application data');
		return { deleted: true as const };
	}
} satisfies Actions;
