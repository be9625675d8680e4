import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { app } from '$lib/server/app';
import { NotFoundError } from '$lib/server/platform/errors';
import { failWith, formField, formSchema, localizedFields, localizedOf, localizedValues, type Issues } from '$lib/server/platform/forms';
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
	TopicRefusedError,
	type LocalizedValues,
	type TopicProblem
} from '$lib/server/newsletter/topic-admin';
import type { Locale } from '$lib/i18n/locales';
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

/** A topic problem in the staff member's language. */
function topicProblemText(problem: TopicProblem, locale: Locale): string {
	switch (problem.code) {
		case 'key-missing':
			return m.nlerr_topic_key_missing({}, { locale });
		case 'key-format':
			return m.nlerr_topic_key_format({ max: problem.max }, { locale });
		case 'key-taken':
			return m.nlerr_topic_key_taken({ key: problem.key }, { locale });
		case 'name-en-missing':
			return m.nlerr_topic_name_en_missing({}, { locale });
		case 'name-too-long':
			return m.nlerr_topic_name_too_long({ max: problem.max }, { locale });
		case 'in-use-subscribers':
			return m.nlerr_topic_in_use_subscribers({ key: problem.key, count: problem.count }, { locale });
		case 'in-use-campaigns':
			return m.nlerr_topic_in_use_campaigns({ key: problem.key, count: problem.count }, { locale });
	}
}

/** The refusal's messages, those the topic admin gave as codes said in the staff member's language. */
function saidIssues(thrown: unknown, issues: Issues, locale: Locale): Issues {
	if (!(thrown instanceof TopicRefusedError)) return issues;
	const said: Issues = { ...issues };
	for (const [field, problem] of Object.entries(thrown.problems)) said[field] = topicProblemText(problem, locale);
	return said;
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
			return failWith(e, (issues) => ({ issues: saidIssues(e, issues, staff.locale), form: 'add' as const, values: { ...values, key } }));
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
			return failWith(e, (issues) => ({ issues: saidIssues(e, issues, staff.locale), form: 'rename' as const, key, values }));
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
			return failWith(e, (issues) => ({ issues: saidIssues(e, issues, staff.locale), form: 'topic' as const, key }));
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
