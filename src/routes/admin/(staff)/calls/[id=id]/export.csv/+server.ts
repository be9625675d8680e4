import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { exportApplicationsCsv } from '$lib/server/calls/call-export';
import { requirePermission } from '$lib/server/people/guard';
import { attachmentResponse, csvContentType } from '$lib/server/platform/http/attachment-response';
import { callOf } from '../applications/applications-route';

/** Every submitted or withdrawn application of the call, with scores, as CSV (UTF-8 with a byte-order mark, formula-safe). */
export const GET: RequestHandler = async ({ locals, url, params, getClientAddress }) => {
	const staff = requirePermission(locals, url, 'calls.manage');
	const call = await callOf(app().db, Number(params.id));
	const csv = await exportApplicationsCsv(app().calls, staff, call.id, getClientAddress());
	return attachmentResponse(csv, csvContentType, `${call.slug}-applications-${new Date().toISOString().slice(0, 10)}.csv`);
};
