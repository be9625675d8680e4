import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { ping } from '$lib/server/db/connect';

/** For load balancers and monitors: 200 while the database answers, 503 when it does not. */
export const GET: RequestHandler = async () => {
	const { db, database } = app();
	const healthy = await ping(db);
	return json(
		{ status: healthy ? 'ok' : 'unavailable', database: database.dialect },
		{ status: healthy ? 200 : 503, headers: { 'Cache-Control': 'no-store' } }
	);
};
