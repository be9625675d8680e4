import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { app } from '$lib/server/app';
import { NotFoundError } from '$lib/server/platform/errors';
import { failWith, formField, formSchema, localizedFields, localizedOf, localizedValues } from '$lib/server/platform/forms';
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
import { m } from '$lib/paraglide/messages';

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

/** Every form of the page: a topic's key and names, the direction to move it, the consent text. Names keep a little beyond their limit, for the message. */
const topicsForm = formSchema({
	key: formField.text(100),
	...localizedFields('name', topicLimits.name + 200),
	direction: formField.choice(['up', 'down'], 'up'),
	...localizedFields('text', consentTextMax + 200)
});

/** What was typed in a form's translated field `name` (`name.en`…), to show again, and its texts per language. */
function typed(form: ReturnType<typeof topicsForm.read>, name: 'name' | 'text'): { values: Record<string, string>; localized: LocalizedValues } {
	const localized = localizedOf(form, name);
	return { values: localizedValues(name, localized), localized };
}

const gone = (key: string) => fail(404, { form: 'topic' as const, key, issues: { topic: m.nladmin_topic_gone({ key }) } });

async function staffAndForm(event: RequestEvent) {
	const staff = requirePermission(event.locals, event.url, 'newsletter.campaigns');
	return { staff, form: topicsForm.read(await event.request.formData()), newsletter: app().newsletter };
}

export const actions = {
	add: async (event) => {
		const { staff, form, newsletter } = await staffAndForm(event);
		const { key } = form;
		const { values, localized } = typed(form, 'name');
		let added: string;
		try {
			added = await addTopic(newsletter, staff, { key, names: localized });
		} catch (e) {
			return failWith(e, { form: 'add' as const, values: { ...values, key } });
		}
		return { done: 'added' as const, key: added };
	},
	rename: async (event) => {
		const { staff, form, newsletter } = await staffAndForm(event);
		const { key } = form;
		const { values, localized } = typed(form, 'name');
		try {
			await renameTopic(newsletter, staff, key, localized);
		} catch (e) {
			if (e instanceof NotFoundError) return gone(key);
			return failWith(e, { form: 'rename' as const, key, values });
		}
		return { done: 'renamed' as const, key };
	},
	move: async (event) => {
		const { staff, form, newsletter } = await staffAndForm(event);
		const { key } = form;
		try {
			await moveTopic(newsletter, staff, key, form.direction);
		} catch (e) {
			if (e instanceof NotFoundError) return gone(key);
			throw e;
		}
		return { done: 'moved' as const, key };
	},
	delete: async (event) => {
		const { staff, form, newsletter } = await staffAndForm(event);
		const { key } = form;
		try {
			await deleteTopic(newsletter, staff, key);
		} catch (e) {
			if (e instanceof NotFoundError) return gone(key);
			return failWith(e, { form: 'topic' as const, key });
		}
		return { done: 'deleted' as const, key };
	},
	publish: async (event) => {
		const { staff, form, newsletter } = await staffAndForm(event);
		const { values, localized } = typed(form, 'text');
		let version: number;
		try {
			version = await publishConsentTextFromAdmin(newsletter, staff, localized);
		} catch (e) {
			return failWith(e, { form: 'publish' as const, values });
		}
		return { done: 'published' as const, version };
	}
} satisfies Actions;
