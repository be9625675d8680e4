import { error, fail, redirect } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/paths';
import type { Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { app } from '$lib/server/app';
import { handleApplicationPost, type ApplicationFormDeps, type FormAction, type FormState } from '$lib/server/calls/application-form';
import { emptyValues, maxFormBytes, readApplicationForm } from '$lib/server/calls/application-input';
import { formatBytes } from '$lib/server/calls/application-wording';
import type { CallField } from '$lib/server/calls/call-fields';
import { getCallBySlug, listFields, type OpenCall } from '$lib/server/calls/calls.service';
import { readBoundedForm } from '$lib/server/platform/forms';

/**
 * Call pages say how long is left, so no copy may outlive a minute: a minute in
 * a browser or a proxy, and never the app's own page cache (which keeps a page
 * until staff publish something; hooks.server.ts stores only `public` pages).
 */
export const callPageHeaders = { 'Cache-Control': 'max-age=60' } as const;

/** The call at `slug`, as the public may see it: a draft is as missing as an unknown slug. */
export async function publicCall(slug: string): Promise<{ call: OpenCall; fields: CallField[] }> {
	const { db } = app();
	const call = /^[a-z0-9-]{1,80}$/.test(slug) ? await getCallBySlug(db, slug) : undefined;
	if (!call || call.status === 'draft') error(404, m.call_not_found());
	return { call, fields: await listFields(db, call.id) };
}

function deps(ip: string): ApplicationFormDeps {
	return { ...app().calls, ip };
}

/**
 * One post of an application form, answered the way forms without JavaScript
 * need: a redirect to the private page when it went through, else the form
 * again with its status (400, 409, 410, 413, 429) and everything typed.
 */
export async function applicationAction(
	event: { request: Request; getClientAddress(): string },
	target: { call: OpenCall; fields: CallField[]; action: FormAction; locale: Locale; editToken?: string }
) {
	const limit = maxFormBytes(target.fields);
	const body = await readBoundedForm(event.request, limit, app().calls.storage.incomingDir);
	if (!body.ok) {
		const state: FormState = {
			values: emptyValues,
			errors: {},
			problem: body.reason === 'too_large' ? m.apply_too_large({ size: formatBytes(limit, target.locale) }) : m.apply_unreadable(),
			late: false,
			kept: {},
			draft: '',
			keptWithoutEmail: false
		};
		return fail(body.reason === 'too_large' ? 413 : 400, { form: state });
	}
	let outcome;
	try {
		const form = await readApplicationForm(body.form, target.fields);
		outcome = await handleApplicationPost(deps(event.getClientAddress()), { ...target, form });
	} finally {
		await body.discard();
	}
	if (outcome.kind === 'redirect') redirect(303, `${localizedPath(`/applications/${outcome.token}`, target.locale)}?done=${outcome.done}`);
	if (outcome.kind === 'received') return { received: true as const };
	if (outcome.status >= 400) return fail(outcome.status, { form: outcome.state });
	return { form: outcome.state };
}
