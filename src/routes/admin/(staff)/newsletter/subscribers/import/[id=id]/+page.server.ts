import type { PageServerLoad } from './$types';
import { localeNames, isLocale } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { getImportProgress, listImportIssues } from '$lib/server/newsletter/subscriber-import';
import { topicChoices } from '$lib/server/newsletter/topic-admin';
import { requirePermission } from '$lib/server/people/guard';
import { pageFrom } from '$lib/server/platform/route-params';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { importAnswers } from '../../subscribers-route';
import { pageCount } from '$lib/server/platform/paging';
import { importReasonText } from '../import-reasons';

const perPage = 100;

export const load = withDomainErrors(async ({ locals, url, params }) => {
	const staff = requirePermission(locals, url, 'newsletter.subscribers');
	const { db } = app();
	const id = Number(params.id);
	const page = pageFrom(url);
	const [progress, report, topics] = await Promise.all([
		getImportProgress(db, id),
		listImportIssues(db, id, { page, perPage }),
		topicChoices(db)
	]);
	const topicName = new Map(topics.map((t) => [t.key, t.name]));
	return {
		progress: {
			id: progress.id,
			status: progress.status,
			fileName: progress.fileName,
			totalRows: progress.totalRows,
			processedRows: progress.processedRows,
			imported: progress.imported,
			skipped: progress.skipped,
			errors: progress.errors,
			failure: progress.failure,
			statement: progress.statement,
			defaultLanguage: isLocale(progress.defaultLocale) ? localeNames[progress.defaultLocale] : progress.defaultLocale,
			defaultTopics: progress.defaultTopics.map((t) => topicName.get(t) ?? t),
			createdByEmail: progress.createdByEmail,
			createdAt: progress.createdAt,
			finishedAt: progress.finishedAt
		},
		issues: report.rows.map((issue) => ({ ...issue, reason: importReasonText(issue.reason, staff.locale) })),
		page: report.page,
		pages: pageCount(report.total, report.perPage),
		issueCount: report.total
	};
}, importAnswers) satisfies PageServerLoad;
