import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { getImportProgress, importIssueCsvBatches } from '$lib/server/newsletter/subscriber-import';
import { requirePermission } from '$lib/server/people/guard';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { csvResponse, importAnswers } from '../../../subscribers-route';
import { reportWords } from '../../import-reasons';

/** The rows an import did not take, and why (in the staff member's language), as CSV (with a byte-order mark), to correct and import again. */
export const GET = withDomainErrors(async ({ locals, url, params }) => {
	const staff = requirePermission(locals, url, 'newsletter.subscribers');
	const { db } = app();
	const id = Number(params.id);
	await getImportProgress(db, id);
	return csvResponse(importIssueCsvBatches(db, id, undefined, reportWords(staff.locale)), `import-${id}-rows-not-imported.csv`);
}, importAnswers) satisfies RequestHandler;
