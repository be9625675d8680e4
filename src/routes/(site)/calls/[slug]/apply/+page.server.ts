import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { emptyValues } from '$lib/server/calls/application-input';
import { callView, fieldViews } from '$lib/server/calls/application-views';
import { applicationAction, callPageHeaders, publicCall } from '../../calls-route';

/*
 * A call's application form. Posts go to `?/submit` (the main button), `?/save`
 * ("save and finish later") or `?/removeFile` (a kept file's button); see
 * calls-route.ts and calls/application-form.ts for what each does.
 */
export const load: PageServerLoad = async ({ params, setHeaders, request }) => {
	const { call, fields } = await publicCall(params.slug);
	// After a post the page shows that applicant's own values: never stored anywhere.
	setHeaders(request.method === 'GET' || request.method === 'HEAD' ? callPageHeaders : { 'Cache-Control': 'private, no-store' });
	const locale = getLocale();
	return { call: callView(call, locale, Date.now()), fields: fieldViews(fields, locale), blank: emptyValues };
};

async function act(event: Parameters<Actions[string]>[0], action: 'submit' | 'save' | 'removeFile') {
	const { call, fields } = await publicCall(event.params.slug ?? '');
	return applicationAction(event, { call, fields, action, locale: getLocale() });
}

export const actions = {
	submit: (event) => act(event, 'submit'),
	save: (event) => act(event, 'save'),
	removeFile: (event) => act(event, 'removeFile')
} satisfies Actions;
