import { error, fail, redirect } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Actions, PageServerLoad } from './$types';
import { isLocale, locales, type Locale } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { pickJson } from '$lib/server/shared/localized-text';
import type { CampaignStatus, Database } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';
import { campaignVersions } from '$lib/server/newsletter/campaign-mail';
import {
	CampaignStateError,
	campaignProgress,
	cancelCampaign,
	countAudience,
	createCampaign,
	deleteCampaign,
	getCampaign,
	pauseCampaign,
	resumeCampaign,
	scheduleCampaign,
	sendCampaign,
	sendTestCampaign,
	unscheduleCampaign,
	updateCampaign,
	type Campaign,
	type CampaignInput
} from '$lib/server/newsletter/campaign.service';
import { requirePermission } from '$lib/server/people/guard';
import { idOrNotFound } from '$lib/server/platform/route-params';
import { adminUrls } from '$lib/admin/urls';
import { fieldLimits, statusWords, textFields, type CampaignFormValues } from '../campaign-form';
import { formatInZone, isTimeZone, timeZoneChoices, zonedToUtc } from '../zoned-time';

const permission = 'newsletter.campaigns';
const notFound = 'This campaign does not exist (any more).';

/** 'new', or the id of a campaign; anything else is a 404. */
function campaignIdOf(segment: string): number | undefined {
	if (segment === 'new') return undefined;
	return idOrNotFound(segment, notFound);
}

/** Actions other than the first save need a campaign that exists. */
function savedIdOf(segment: string): number {
	const id = campaignIdOf(segment);
	if (id === undefined) error(404, 'Save the campaign first.');
	return id;
}

async function existing(db: Kysely<Database>, id: number): Promise<Campaign> {
	const campaign = await getCampaign(db, id);
	if (!campaign) error(404, notFound);
	return campaign;
}

/** The form as typed; anything that is not a plain string is dropped. */
function valuesFrom(form: FormData): CampaignFormValues {
	const texts: Record<string, string> = {};
	for (const field of textFields) {
		for (const l of locales) {
			const name = `${field}.${l}`;
			const value = form.get(name);
			// Twice the limit keeps a too-long text for its error message without holding anything huge.
			if (typeof value === 'string') texts[name] = value.slice(0, fieldLimits[field] * 2);
		}
	}
	const strings = (name: string) =>
		form
			.getAll(name)
			.filter((v): v is string => typeof v === 'string')
			.map((v) => v.slice(0, 100))
			.slice(0, 100);
	const rate = form.get('sendRate');
	return { texts, topics: strings('topics'), locales: strings('locales'), sendRate: typeof rate === 'string' ? rate.trim().slice(0, 20) : '' };
}

function inputOf(values: CampaignFormValues): CampaignInput {
	const localized = (field: string) => Object.fromEntries(locales.map((l) => [l, values.texts[`${field}.${l}`] ?? '']));
	return {
		subject: localized('subject'),
		previewText: localized('previewText'),
		bodyHtml: localized('bodyHtml'),
		topics: values.topics,
		// Checked by the service's schema, which answers `locale_invalid` for anything else.
		locales: values.locales as Locale[],
		sendRate: values.sendRate
	};
}

function valuesOf(campaign: Campaign): CampaignFormValues {
	const texts: Record<string, string> = {};
	for (const l of locales) {
		texts[`subject.${l}`] = campaign.subject[l] ?? '';
		texts[`previewText.${l}`] = campaign.previewText[l] ?? '';
		texts[`bodyHtml.${l}`] = campaign.bodyHtml[l] ?? '';
	}
	return { texts, topics: campaign.topics, locales: campaign.locales, sendRate: String(campaign.sendRate) };
}

/** One message per field: `topics.2` and `locales.0` are about the whole group of boxes. */
function issuesOf(e: ValidationError): Record<string, string> {
	const issues: Record<string, string> = {};
	for (const [key, code] of Object.entries(e.issues)) {
		const [first] = key.split('.');
		issues[first === 'topics' || first === 'locales' ? first : key] ??= code;
	}
	return issues;
}

/** The service says "not found" as a ValidationError on `campaign`: that is a 404 here. */
function notFoundIfGone(e: ValidationError) {
	if (e.issues.campaign === 'not_found') error(404, notFound);
}

const stateHints: Partial<Record<CampaignStatus, string>> = {
	sending: 'It is being sent right now.',
	paused: 'Sending is paused.',
	sent: 'It has been sent.',
	cancelled: 'It was cancelled.',
	draft: 'It is a draft.',
	scheduled: 'It is scheduled.'
};

/** Someone else (or the schedule) changed the campaign's state meanwhile. */
function stateProblem(e: CampaignStateError, what: string) {
	return fail(409, {
		problem: `${stateHints[e.status] ?? `It is ${statusWords[e.status].toLowerCase()}.`} So it cannot be ${what} now. The page shows how it stands.`
	});
}

/** Saves what the form holds into a draft or scheduled campaign; a failure to return, or null when saved. */
async function saveDraft(staff: NonNullable<App.Locals['staff']>, id: number, values: CampaignFormValues) {
	try {
		await updateCampaign(app().newsletter, staff, id, inputOf(values));
		return null;
	} catch (e) {
		if (e instanceof ValidationError) {
			notFoundIfGone(e);
			return fail(400, { issues: issuesOf(e), values });
		}
		if (e instanceof CampaignStateError) return stateProblem(e, 'changed');
		throw e;
	}
}

/** Runs a state change; a failure to return, or null when it happened. */
async function change(work: Promise<unknown>, what: string) {
	try {
		await work;
		return null;
	} catch (e) {
		if (e instanceof ValidationError) notFoundIfGone(e);
		if (e instanceof CampaignStateError) return stateProblem(e, what);
		throw e;
	}
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requirePermission(locals, url, permission);
	const id = campaignIdOf(params.id);
	const { db, config } = app();
	const topicRows = await db.selectFrom('newsletter_topic').select(['key', 'name']).orderBy('position').orderBy('id').execute();
	const topics = topicRows.map((t) => ({ key: t.key, name: pickJson(t.name, 'en').text || t.key }));
	const common = { topics, staffEmail: staff.email, timeZones: timeZoneChoices() };

	if (id === undefined) {
		const values: CampaignFormValues = { texts: {}, topics: [], locales: [], sendRate: String(config.newsletterSendRate) };
		return {
			...common,
			id: null,
			status: 'draft' as CampaignStatus,
			values,
			versions: [] as Locale[],
			audience: await countAudience(db, { topics: [], locales: [] }),
			scheduledAt: null,
			startedAt: null,
			finishedAt: null,
			recipientCount: 0,
			progress: null
		};
	}

	const campaign = await existing(db, id);
	const editable = campaign.status === 'draft' || campaign.status === 'scheduled';
	const progress = editable ? null : await campaignProgress(db, id);
	return {
		...common,
		id,
		status: campaign.status,
		values: valuesOf(campaign),
		versions: Object.keys(campaignVersions(campaign)) as Locale[],
		// Who it would reach now; once sending started, the audience is fixed (recipientCount).
		audience: editable ? await countAudience(db, campaign) : null,
		scheduledAt: campaign.status === 'scheduled' ? campaign.scheduledAt : null,
		startedAt: campaign.startedAt,
		finishedAt: campaign.finishedAt,
		recipientCount: campaign.recipientCount,
		progress: progress && {
			sent: progress.sent,
			failed: progress.failed,
			bounced: progress.bounced,
			skipped: progress.skipped,
			remaining: progress.remaining,
			total: progress.total
		}
	};
};

export const actions: Actions = {
	save: async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = campaignIdOf(params.id);
		const values = valuesFrom(await request.formData());
		if (id === undefined) {
			let created: number;
			try {
				created = await createCampaign(app().newsletter, staff, inputOf(values));
			} catch (e) {
				if (e instanceof ValidationError) return fail(400, { issues: issuesOf(e), values });
				throw e;
			}
			redirect(303, `${adminUrls.newsletter.campaign(created)}?created=1`);
		}
		const failure = await saveDraft(staff, id, values);
		if (failure) return failure;
		return { done: 'saved' as const };
	},

	/** Saves, then sends the campaign to the signed-in staff member alone, marked as a test. */
	test: async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = savedIdOf(params.id);
		const form = await request.formData();
		const values = valuesFrom(form);
		const wanted = String(form.get('testLocale') ?? 'en');
		const testLocale: Locale = isLocale(wanted) ? wanted : 'en';
		const failure = await saveDraft(staff, id, values);
		if (failure) return failure;
		let sent;
		try {
			sent = await sendTestCampaign(app().newsletter, staff, id, testLocale);
		} catch (e) {
			if (e instanceof ValidationError) notFoundIfGone(e);
			throw e;
		}
		if (!sent) return fail(400, { problem: 'There is nothing to send yet: the English version needs a subject and a text.', testLocale });
		return { done: 'tested' as const, to: staff.email, testLocale, usedLocale: sent.locale };
	},

	/** Saves, then schedules at the typed time read in the chosen time zone. */
	schedule: async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = savedIdOf(params.id);
		const form = await request.formData();
		const values = valuesFrom(form);
		const schedule = { local: String(form.get('scheduledAt') ?? '').slice(0, 30), zone: String(form.get('timeZone') ?? 'UTC').slice(0, 64) };
		const failure = await saveDraft(staff, id, values);
		if (failure) return failure;
		if (!isTimeZone(schedule.zone)) return fail(400, { issues: { timeZone: 'zone_invalid' }, values, schedule, saved: true });
		const at = zonedToUtc(schedule.local, schedule.zone);
		if (!at) return fail(400, { issues: { scheduledAt: 'date_invalid' }, values, schedule, saved: true });
		try {
			await scheduleCampaign(app().newsletter, staff, id, at, schedule.zone);
		} catch (e) {
			if (e instanceof ValidationError) {
				notFoundIfGone(e);
				return fail(400, { issues: issuesOf(e), values, schedule, saved: true });
			}
			if (e instanceof CampaignStateError) return stateProblem(e, 'scheduled');
			throw e;
		}
		return {
			done: 'scheduled' as const,
			schedule,
			at: at.toISOString(),
			inZone: formatInZone(at, schedule.zone),
			inUtc: formatInZone(at, 'UTC')
		};
	},

	unschedule: async ({ locals, url, params }) => {
		const staff = requirePermission(locals, url, permission);
		const id = savedIdOf(params.id);
		const failure = await change(unscheduleCampaign(app().newsletter, staff, id), 'unscheduled');
		if (failure) return failure;
		return { done: 'unscheduled' as const };
	},

	/**
	 * Two steps: the first saves and asks "send to N subscribers now?" (N counted
	 * at that moment); only the second, with `confirm=yes`, starts sending.
	 */
	send: async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = savedIdOf(params.id);
		const form = await request.formData();
		const { db } = app();
		if (form.get('confirm') !== 'yes') {
			const failure = await saveDraft(staff, id, valuesFrom(form));
			if (failure) return failure;
			const campaign = await existing(db, id);
			return { confirmSend: { subject: campaign.subject.en, count: await countAudience(db, campaign) } };
		}
		try {
			await sendCampaign(app().newsletter, staff, id);
		} catch (e) {
			if (e instanceof ValidationError) notFoundIfGone(e);
			if (e instanceof CampaignStateError) return stateProblem(e, 'sent');
			throw e;
		}
		redirect(303, `${adminUrls.newsletter.campaign(id)}?started=1`);
	},

	pause: async ({ locals, url, params }) => {
		const staff = requirePermission(locals, url, permission);
		const id = savedIdOf(params.id);
		const failure = await change(pauseCampaign(app().newsletter, staff, id), 'paused');
		if (failure) return failure;
		return { done: 'paused' as const };
	},

	resume: async ({ locals, url, params }) => {
		const staff = requirePermission(locals, url, permission);
		const id = savedIdOf(params.id);
		const failure = await change(resumeCampaign(app().newsletter, staff, id), 'resumed');
		if (failure) return failure;
		return { done: 'resumed' as const };
	},

	/** Two steps, like sending: nobody who has not received it yet ever will. */
	cancel: async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = savedIdOf(params.id);
		const form = await request.formData();
		const { db } = app();
		if (form.get('confirm') !== 'yes') {
			await existing(db, id);
			return { confirmCancel: { remaining: (await campaignProgress(db, id)).remaining } };
		}
		const failure = await change(cancelCampaign(app().newsletter, staff, id), 'cancelled');
		if (failure) return failure;
		return { done: 'cancelled' as const };
	},

	/** Drafts only, after a confirmation step. */
	delete: async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = savedIdOf(params.id);
		const form = await request.formData();
		const { db } = app();
		await existing(db, id);
		if (form.get('confirm') !== 'yes') return { confirmDelete: true };
		const failure = await change(deleteCampaign(app().newsletter, staff, id), 'deleted');
		if (failure) return failure;
		redirect(303, `${adminUrls.newsletter.campaigns}?deleted=1`);
	}
};
