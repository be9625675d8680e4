import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localeNames, locales, type Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { app } from '$lib/server/app';
import { failWith, formField, formSchema, type Issues } from '$lib/server/platform/forms';
import { ImportRefusedError, importLimits, listImports, startImport } from '$lib/server/newsletter/subscriber-import';
import { fileProblemText } from './import-reasons';
import { topicChoices } from '$lib/server/newsletter/topic-admin';
import { requirePermission } from '$lib/server/people/guard';
import { adminUrls } from '$lib/admin/urls';
import { isBodyTooLarge } from '../../../media/media-route';

/** What the form keeps when it comes back with a problem (a file cannot be kept: the browser needs it chosen again). */
interface ImportFormValues {
	statement: string;
	affirmed: boolean;
	defaultLocale: string;
	defaultTopics: string[];
}

/**
 * The import's refusals about the form, in the staff member's language: each of
 * these fields has one reason (the statement two, told apart by its length).
 * A problem with the file itself comes as a code naming what is wrong in that file.
 */
function translatedIssues(issues: Issues, values: ImportFormValues, locale: Locale, thrown: unknown): Issues {
	const said: Issues = { ...issues };
	if (said.file && thrown instanceof ImportRefusedError && thrown.fileProblem) said.file = fileProblemText(thrown.fileProblem, locale);
	if (said.statement) {
		said.statement =
			values.statement.trim().length > importLimits.statementMax
				? m.nladmin_issue_statement_long({ max: importLimits.statementMax }, { locale })
				: m.nladmin_issue_statement_missing({}, { locale });
	}
	if (said.affirmed) said.affirmed = m.nladmin_issue_affirmed({}, { locale });
	if (said.defaultLocale) said.defaultLocale = m.nladmin_issue_default_language({}, { locale });
	if (said.defaultTopics) said.defaultTopics = m.nladmin_issue_default_topics({}, { locale });
	return said;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'newsletter.subscribers');
	const { db } = app();
	const [topics, imports] = await Promise.all([topicChoices(db), listImports(db, 10)]);
	return {
		topics,
		languages: locales.map((code) => ({ code, name: localeNames[code] })),
		limits: { megabytes: importLimits.maxBytes / (1024 * 1024), rows: importLimits.maxRows, statementMax: importLimits.statementMax },
		imports: imports.map((i) => ({
			id: i.id,
			fileName: i.fileName,
			status: i.status,
			totalRows: i.totalRows,
			imported: i.imported,
			skipped: i.skipped,
			errors: i.errors,
			createdAt: i.createdAt,
			createdByEmail: i.createdByEmail
		}))
	};
};

/** The import form: the file, the statement about consent and its confirmation, and what rows without a language or topics get. */
const importForm = formSchema({
	statement: formField.text(importLimits.statementMax + 500),
	affirmed: formField.is('yes'),
	defaultLocale: formField.text(10),
	defaultTopics: formField.list(1000, 50),
	file: formField.file()
});

export const actions = {
	upload: async ({ locals, url, request, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'newsletter.subscribers');
		let form: FormData;
		try {
			form = await request.formData();
		} catch (e) {
			// Over the server's body limit, nothing of the form can be read, the statement neither.
			if (isBodyTooLarge(e)) {
				return fail(413, { issues: { file: m.nladmin_import_too_large({ megabytes: importLimits.maxBytes / (1024 * 1024) }, { locale: staff.locale }) }, values: null });
			}
			throw e;
		}
		const { file, ...values }: ImportFormValues & { file?: File } = importForm.read(form);
		let started: { id: number; totalRows: number };
		try {
			started = await startImport(app().newsletter, staff, {
				...values,
				fileName: file ? file.name : '',
				bytes: file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0),
				ip: getClientAddress()
			});
		} catch (e) {
			return failWith(e, (issues) => ({ issues: translatedIssues(issues, values, staff.locale, e), values }));
		}
		// After a post, a page of its own: reloading it does not import the file again.
		redirect(303, adminUrls.newsletter.import(started.id));
	}
} satisfies Actions;
