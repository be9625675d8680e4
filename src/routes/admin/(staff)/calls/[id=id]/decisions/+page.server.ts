import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { decisionMailPlan, listCallApplications } from '$lib/server/calls/application-admin';
import { decisionTemplates, renderDecisionMail, resetDecisionTemplate, saveDecisionTemplate, sendDecisionMails } from '$lib/server/calls/application-mail';
import { applicationDecisions } from '$lib/server/calls/review.service';
import { findOrganization } from '$lib/server/shared/organization';
import { pick } from '$lib/server/shared/localized-text';
import type { ApplicationDecision } from '$lib/server/db/schema';
import { requirePermission } from '$lib/server/people/guard';
import { failWith, formField, formSchema, localizedFields, localizedOf, localizedValues } from '$lib/server/platform/forms';
import { idFrom } from '$lib/server/platform/route-params';
import { callOf } from '../applications/applications-route';
import { m } from '$lib/paraglide/messages';

const permission = 'calls.manage';

/** The service's codes in words, read in the signed-in person's language. */
const issueWords: Record<string, () => string> = {
	required: () => m.applications_issue_required(),
	too_long: () => m.applications_issue_too_long(),
	one_line: () => m.applications_issue_one_line(),
	placeholder_unknown: () => m.applications_issue_placeholder_unknown({ name: '{name}', call: '{call}' })
};

/** A decision's e-mail: which decision, its subject and body per language; and the confirmation of sending. */
const templateForm = formSchema({
	decision: formField.oneOf(applicationDecisions),
	...localizedFields('subject', 40_000),
	...localizedFields('body', 40_000),
	confirm: formField.is('yes')
});

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requirePermission(locals, url, permission);
	const { db } = app();
	const call = await callOf(db, Number(params.id));
	const templates = await decisionTemplates(db, call.id);
	const plan = await decisionMailPlan(db, call.id);
	const applications = (await listCallApplications(db, call.id, { sort: 'name' })).rows.filter((a) => a.email !== null);

	// The preview: a chosen application (by default the first with a decision), in a chosen language (by default its own).
	const wanted = idFrom(url.searchParams.get('application'));
	const chosen = applications.find((a) => a.id === wanted) ?? applications.find((a) => a.decision !== null) ?? applications[0];
	const wantedDecision = url.searchParams.get('decision') ?? '';
	const previewDecision: ApplicationDecision =
		(applicationDecisions as readonly string[]).includes(wantedDecision) ? (wantedDecision as ApplicationDecision) : (chosen?.decision ?? 'accepted');
	const wantedLocale = url.searchParams.get('locale');
	const previewLocale: Locale = isLocale(wantedLocale) ? wantedLocale : (chosen?.locale ?? 'en');
	let preview: { to: string; subject: string; text: string } | null = null;
	if (chosen) {
		const site = (await findOrganization(db))?.name ?? 'Community arts';
		const template = templates.find((t) => t.decision === previewDecision)!;
		const mail = renderDecisionMail(template, { name: chosen.name ?? '', call: pick(call.title, previewLocale).text, site, locale: previewLocale });
		preview = { to: chosen.email ?? '', subject: mail.subject, text: mail.text };
	}

	return {
		call: { id: call.id, title: pick(call.title, staff.locale).text },
		templates: templates.map((t) => ({
			decision: t.decision,
			customized: t.customized,
			values: { ...localizedValues('subject', t.subject), ...localizedValues('body', t.body) } as Record<string, string>
		})),
		plan: { toSend: plan.toSend, alreadySent: plan.alreadySent },
		applications: applications.map((a) => ({ id: a.id, name: a.name, decision: a.decision, locale: a.locale })),
		preview: preview && { ...preview, applicationId: chosen!.id, decision: previewDecision, locale: previewLocale }
	};
};

export const actions = {
	saveTemplate: async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const { db } = app();
		const call = await callOf(db, Number(params.id));
		const { decision, confirm: _, ...values } = templateForm.read(await request.formData());
		if (!decision) return fail(400, { problem: m.applications_choose_template_save() });
		try {
			await saveDecisionTemplate(app().calls, staff, call.id, decision, { subject: localizedOf(values, 'subject'), body: localizedOf(values, 'body') });
		} catch (e) {
			return failWith(e, (refused) => ({ decision, issues: Object.fromEntries(Object.entries(refused).map(([key, code]) => [key, issueWords[code]?.() ?? m.applications_issue_other()])), values }));
		}
		return { done: 'saved' as const, decision };
	},

	resetTemplate: async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const { db } = app();
		const call = await callOf(db, Number(params.id));
		const { decision } = templateForm.read(await request.formData());
		if (!decision) return fail(400, { problem: m.applications_choose_template_reset() });
		await resetDecisionTemplate(app().calls, staff, call.id, decision);
		return { done: 'reset' as const, decision };
	},

	/**
	 * Two steps: the first only counts what would go ("N e-mails will be sent");
	 * the second, with `confirm=yes`, queues them. Each application's e-mail for
	 * its current decision is queued once, however often this is confirmed.
	 */
	send: async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const { db } = app();
		const call = await callOf(db, Number(params.id));
		const { confirm } = templateForm.read(await request.formData());
		const plan = await decisionMailPlan(db, call.id);
		if (!confirm) return { confirmSend: { toSend: plan.toSend, alreadySent: plan.alreadySent } };
		const report = await sendDecisionMails(app().calls, staff, call.id, plan.applicationIds);
		return { sent: report };
	}
} satisfies Actions;
