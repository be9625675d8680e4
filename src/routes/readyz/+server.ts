import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';

/** Readiness, for load balancers: 200 when this process can serve, 503 with the reasons when it cannot. */
export const GET: RequestHandler = async () => {
	const { readiness, database } = app();
	const { ready, reasons, checks } = await readiness();
	return json(
		{ status: ready ? 'ready' : 'unavailable', database: database.dialect, checks, ...(ready ? {} : { reasons }) },
		{ status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } }
	);
};
