import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { callView } from '$lib/server/calls/application-views';
import { callPageHeaders, publicCall } from '../calls-route';

/** One call: its texts, dates in its zone and in UTC, and how long is left (as of this rendering). */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const { call } = await publicCall(params.slug);
	setHeaders(callPageHeaders);
	return { call: callView(call, getLocale(), Date.now()) };
};
