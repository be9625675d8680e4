import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { metrics } from '$lib/server/platform/observability/metrics';
import { bearerTokenMatches } from '$lib/server/platform/observability/metrics-access';

/**
 * The process's metrics in the Prometheus text format, for whoever holds
 * METRICS_TOKEN (`Authorization: Bearer …`). To anyone else, and to everyone
 * when no token is set, it is an address that does not exist: 404.
 */
export const GET: RequestHandler = async ({ request }) => {
	const token = app().config.metricsToken;
	// A wrong token gets the same answer as none set: nobody learns that the address exists.
	if (!token || !bearerTokenMatches(request.headers.get('authorization'), token)) error(404, 'Not Found');
	const { registry } = metrics();
	return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } });
};
