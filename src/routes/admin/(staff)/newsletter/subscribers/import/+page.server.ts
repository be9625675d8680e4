import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { numberFormat } from '$lib/i18n/intl';
import { localeNames, locales } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { failWith, formField, formSchema } from '$lib/server/platform/forms';
import { importLimits, listImports, startImport } from '$lib/server/newsletter/subscriber-import';
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

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'newsletter.subscribers');
	const { db } = app();
	const [topics, imports] = await Promise.all([topicChoices(db), listImports(db, 10)]);
	return {
		topics,
		languages: locales.map((code) => ({ code, name: localeNames[code] })),
		limits: { megabytes: importLimits.maxBytes / (1024 * 1024), rows: numberFormat('en').format(importLimits.maxRows), statementMax: importLimits.statementMax },
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
				return fail(413, { issues: { file: `The file is larger than ${importLimits.maxBytes / (1024 * 1024)} MB. Split it into smaller files.` }, values: null });
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
			return failWith(e, { values });
		}
		// After a post, a page of its own: reloading it does not import the file again.
		redirect(303, adminUrls.newsletter.import(started.id));
	}
} satisfies Actions;
