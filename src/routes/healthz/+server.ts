import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * Liveness: the process runs and answers. It touches nothing else, so a
 * database outage makes every process unready (/readyz), never restarted.
 */
export const GET: RequestHandler = () => json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
