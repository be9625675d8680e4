import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { app } from '$lib/server/app';
import { exportSubscriberData } from '$lib/server/newsletter/newsletter.service';

/** Everything held about the subscriber, as a file to keep. Personal: never cached. */
export const GET: RequestHandler = async ({ params }) => {
	const result = await exportSubscriberData(app().db, params.token);
	if (result.status !== 'ok') error(404, m.newsletter_preferences_unknown());
	return new Response(JSON.stringify(result.data, null, 2) + '\n', {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': 'attachment; filename="newsletter-data.json"',
			'Cache-Control': 'private, no-store'
		}
	});
};
