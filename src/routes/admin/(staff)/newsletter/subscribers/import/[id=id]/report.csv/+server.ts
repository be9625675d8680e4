import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { getImportProgress, importIssueCsvBatches } from '$lib/server/newsletter/subscriber-import';
import { requirePermission } from '$lib/server/people/guard';
import { orNotFound } from '$lib/server/platform/route-errors';
import { csvResponse } from '../../../subscribers-route';

/** The rows an import did not take, and why, as CSV (with a byte-order mark), to correct and import again. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'newsletter.subscribers');
	const { db } = app();
	const id = Number(params.id);
	await orNotFound(getImportProgress(db, id), 'There is no such import.');
	return csvResponse(importIssueCsvBatches(db, id), `import-${id}-rows-not-imported.csv`);
};
