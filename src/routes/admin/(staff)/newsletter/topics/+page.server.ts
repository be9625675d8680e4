import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { locales } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import {
	addTopic,
	consentTextMax,
	deleteTopic,
	listConsentTexts,
	listTopicsForAdmin,
	moveTopic,
	publishConsentTextFromAdmin,
	renameTopic,
	topicLimits,
	type LocalizedValues
} from '$lib/server/newsletter/topic-admin';
import { requirePermission } from '$lib/server/people/guard';

/*
 * Topics and the consent text, on one page. Every form says which one it was
 * (`form`, and the topic's `key`), so a problem shows beside the right fields
 * with what was typed still in them.
 */

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'newsletter.campaigns');
	const { db } = app();
	const [topics, consentTexts] = await Promise.all([listTopicsForAdmin(db), listConsentTexts(db)]);
	return {
		topics: topics.map((t) => ({ key: t.key, names: t.names, subscribers: t.subscribers })),
		consentTexts,
		limits: { key: topicLimits.key, name: topicLimits.name, consentText: consentTextMax }
	};
};

/** The fields `<prefix>.<language>` of a form, as typed (bounded). */
function localizedFrom(form: FormData, prefix: string, max: number): { values: Record<string, string>; localized: LocalizedValues } {
	const values: Record<string, string> = {};
	for (const l of locales) values[`${prefix}.${l}`] = String(form.get(`${prefix}.${l}`) ?? '').slice(0, max + 200);
	const localized = Object.fromEntries(locales.map((l) => [l, values[`${prefix}.${l}`]])) as LocalizedValues;
	return { values, localized };
}

const keyOf = (form: FormData) => String(form.get('key') ?? '').slice(0, 100);
const gone = (key: string) => fail(404, { form: 'topic' as const, key, issues: { topic: `There is no topic “${key}” (any more). Someone may have deleted it.` } });

async function staffAndForm(event: RequestEvent) {
	const staff = requirePermission(event.locals, event.url, 'newsletter.campaigns');
	return { staff, form: await event.request.formData(), newsletter: app().newsletter };
}

export const actions: Actions = {
	add: async (event) => {
		const { staff, form, newsletter } = await staffAndForm(event);
		const key = keyOf(form);
		const { values, localized } = localizedFrom(form, 'name', topicLimits.name);
		let added: string;
		try {
			added = await addTopic(newsletter, staff, { key, names: localized });
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { form: 'add' as const, issues: e.issues, values: { ...values, key } });
			throw e;
		}
		return { done: 'added' as const, key: added };
	},
	rename: async (event) => {
		const { staff, form, newsletter } = await staffAndForm(event);
		const key = keyOf(form);
		const { values, localized } = localizedFrom(form, 'name', topicLimits.name);
		try {
			await renameTopic(newsletter, staff, key, localized);
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { form: 'rename' as const, key, issues: e.issues, values });
			if (e instanceof NotFoundError) return gone(key);
			throw e;
		}
		return { done: 'renamed' as const, key };
	},
	move: async (event) => {
		const { staff, form, newsletter } = await staffAndForm(event);
		const key = keyOf(form);
		try {
			await moveTopic(newsletter, staff, key, form.get('direction') === 'down' ? 'down' : 'up');
		} catch (e) {
			if (e instanceof NotFoundError) return gone(key);
			throw e;
		}
		return { done: 'moved' as const, key };
	},
	delete: async (event) => {
		const { staff, form, newsletter } = await staffAndForm(event);
		const key = keyOf(form);
		try {
			await deleteTopic(newsletter, staff, key);
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { form: 'topic' as const, key, issues: e.issues });
			if (e instanceof NotFoundError) return gone(key);
			throw e;
		}
		return { done: 'deleted' as const, key };
	},
	publish: async (event) => {
		const { staff, form, newsletter } = await staffAndForm(event);
		const { values, localized } = localizedFrom(form, 'text', consentTextMax);
		let version: number;
		try {
			version = await publishConsentTextFromAdmin(newsletter, staff, localized);
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { form: 'publish' as const, issues: e.issues, values });
			throw e;
		}
		return { done: 'published' as const, version };
	}
};
