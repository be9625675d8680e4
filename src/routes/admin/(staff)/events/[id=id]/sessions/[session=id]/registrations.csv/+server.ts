import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { registrationsCsv } from '$lib/server/events/registration-admin';
import { csvByteOrderMark } from '$lib/server/platform/csv';
import { attachmentResponse, csvContentType } from '$lib/server/platform/http/attachment-response';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { recordAudit } from '$lib/server/shared/audit';
import { sessionAnswers } from '../../session-form';
import { sessionRoute } from '../session-route';
import { filterValuesOf, filtersOf } from '../registrations/registration-filters';

/**
 * A session's registrations as CSV, with the list's search and filter: names,
 * addresses and the answers to the event's questions (access needs), so the
 * download is audited. A session holds at most a few hundred people: written at
 * once, not streamed.
 */
export const GET = withDomainErrors(async (event) => {
	const { actor, sessionId, eventId, session } = await sessionRoute(event);
	const values = filterValuesOf(event.url);
	const body = await registrationsCsv(app().db, sessionId, filtersOf(values));
	await recordAudit(app().db, { action: 'event.registrations-exported', actor, subject: `event:${eventId}`, detail: { session: sessionId, ...values }, ip: event.getClientAddress() });
	return attachmentResponse(csvByteOrderMark + body, csvContentType, `registrations-${session.starts_local.slice(0, 10)}-session-${sessionId}.csv`);
}, sessionAnswers) satisfies RequestHandler;
