import type { InsertablePhoto } from '$lib/admin/photos';
import { emailImageOf } from '$lib/server/media/email-image';
import { listPhotosForPicker } from '$lib/server/media/media.service';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Actions, PageServerLoad } from './$types';
import { locales, type Locale } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { pickJson } from '$lib/server/shared/localized-text';
import type { CampaignStatus, Database } from '$lib/server/db/schema';
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
import { failWith, formField, formSchema, localizedFields, localizedOf, localizedValues, refusedIssues, type Issues } from '$lib/server/platform/forms';
import { adminUrls } from '$lib/admin/urls';
import { fieldLimits, type CampaignFormValues } from '../campaign-form';
import { m } from '$lib/paraglide/messages';
import { formatInZone, isTimeZone, timeZoneChoices, zonedToUtc } from '../zoned-time';

const permission = 'newsletter.campaigns';
const notFound = () => m.nladmin_campaign_not_found();

/** The campaign's id; none for `new`. */
function campaignIdOf(segment: string): number | undefined {
	return segment === 'new' ? undefined : Number(segment);
}

/** Actions other than the first save need a campaign that exists. */
function savedIdOf(segment: string): number {
	const id = campaignIdOf(segment);
	if (id === undefined) error(404, m.nladmin_save_first());
	return id;
}

async function existing(db: Kysely<Database>, id: number): Promise<Campaign> {
	const campaign = await getCampaign(db, id);
	if (!campaign) error(404, notFound());
	return campaign;
}

// Twice a text's limit keeps a too-long text for its error message without holding anything huge.
const campaignForm = formSchema({
	...localizedFields('subject', fieldLimits.subject * 2),
	...localizedFields('previewText', fieldLimits.previewText * 2),
	...localizedFields('bodyHtml', fieldLimits.bodyHtml * 2),
	topics: formField.list(),
	locales: formField.list(),
	sendRate: formField.trimmed(20)
});

/** Beside the campaign's texts: the test's language, the schedule, and the confirmation steps. */
const stepsForm = formSchema({
	testLocale: formField.choice(locales, 'en'),
	scheduledAt: formField.text(30),
	timeZone: formField.text(64, 'UTC'),
	confirm: formField.is('yes')
});

/** The form as typed; anything that is not a plain string is dropped. */
function valuesFrom(form: FormData): CampaignFormValues {
	const { topics, locales, sendRate, ...texts } = campaignForm.read(form);
	return { texts, topics, locales, sendRate };
}

function inputOf(values: CampaignFormValues): CampaignInput {
	return {
		subject: localizedOf(values.texts, 'subject'),
		previewText: localizedOf(values.texts, 'previewText'),
		bodyHtml: localizedOf(values.texts, 'bodyHtml'),
		topics: values.topics,
		// Checked by the service's schema, which answers `locale_invalid` for anything else.
		locales: values.locales as Locale[],
		sendRate: values.sendRate
	};
}

function valuesOf(campaign: Campaign): CampaignFormValues {
	const texts = { ...localizedValues('subject', campaign.subject), ...localizedValues('previewText', campaign.previewText), ...localizedValues('bodyHtml', campaign.bodyHtml) };
	return { texts, topics: campaign.topics, locales: campaign.locales, sendRate: String(campaign.sendRate) };
}

/** One message per field: `topics.2` and `locales.0` are about the whole group of boxes. */
function issuesOf(refused: Issues): Issues {
	const issues: Issues = {};
	for (const [key, code] of Object.entries(refused)) {
		const [first] = key.split('.');
		issues[first === 'topics' || first === 'locales' ? first : key] ??= code;
	}
	return issues;
}

/** The service says "not found" as a ValidationError on `campaign`: that is a 404 here. */
function notFoundIfGone(thrown: unknown) {
	if (refusedIssues(thrown)?.campaign === 'not_found') error(404, notFound());
}

/** Where the campaign stands, and what can no longer be done to it, in the staff member's language (the request's). */
const stateHints: Record<CampaignStatus, () => string> = {
	sending: m.nladmin_now_sending,
	paused: m.nladmin_now_paused,
	sent: m.nladmin_now_sent,
	cancelled: m.nladmin_now_cancelled,
	draft: m.nladmin_now_draft,
	scheduled: m.nladmin_now_scheduled
};
type Change = 'changed' | 'scheduled' | 'unscheduled' | 'sent' | 'paused' | 'resumed' | 'cancelled' | 'deleted';
const cannot: Record<Change, () => string> = {
	changed: m.nladmin_cannot_changed,
	scheduled: m.nladmin_cannot_scheduled,
	unscheduled: m.nladmin_cannot_unscheduled,
	sent: m.nladmin_cannot_sent,
	paused: m.nladmin_cannot_paused,
	resumed: m.nladmin_cannot_resumed,
	cancelled: m.nladmin_cannot_cancelled,
	deleted: m.nladmin_cannot_deleted
};

/** Someone else (or the schedule) changed the campaign's state meanwhile. */
function stateProblem(e: CampaignStateError, what: Change) {
	return fail(409, { problem: `${stateHints[e.status]()} ${cannot[what]()}` });
}

/** Saves what the form holds into a draft or scheduled campaign; a failure to return, or null when saved. */
async function saveDraft(staff: NonNullable<App.Locals['staff']>, id: number, values: CampaignFormValues) {
	try {
		await updateCampaign(app().newsletter, staff, id, inputOf(values));
		return null;
	} catch (e) {
		notFoundIfGone(e);
		if (e instanceof CampaignStateError) return stateProblem(e, 'changed');
		return failWith(e, (issues) => ({ issues: issuesOf(issues), values }));
	}
}

/** Runs a state change; a failure to return, or null when it happened. */
async function change(work: Promise<unknown>, what: Change) {
	try {
		await work;
		return null;
	} catch (e) {
		notFoundIfGone(e);
		if (e instanceof CampaignStateError) return stateProblem(e, what);
		throw e;
	}
}

/** The library's ready photos, to put in a campaign's text. */
async function insertablePhotos(db: Kysely<Database>): Promise<InsertablePhoto[]> {
	return (await listPhotosForPicker(db)).flatMap((photo) => {
		const image = emailImageOf(photo);
		return image ? [{ id: photo.id, label: photo.alt.en, ...image, alt: { ...photo.alt } }] : [];
	});
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requirePermission(locals, url, permission);
	const id = campaignIdOf(params.id);
	const { db, config } = app();
	const topicRows = await db.selectFrom('newsletter_topic').select(['key', 'name']).orderBy('position').orderBy('id').execute();
	const topics = topicRows.map((t) => ({ key: t.key, name: pickJson(t.name, 'en').text || t.key }));
	const common = { topics, staffEmail: staff.email, timeZones: timeZoneChoices(), photos: await insertablePhotos(db) };

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

export const actions = {
	save: async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = campaignIdOf(params.id);
		const values = valuesFrom(await request.formData());
		if (id === undefined) {
			let created: number;
			try {
				created = await createCampaign(app().newsletter, staff, inputOf(values));
			} catch (e) {
				return failWith(e, (issues) => ({ issues: issuesOf(issues), values }));
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
		const { testLocale } = stepsForm.read(form);
		const failure = await saveDraft(staff, id, values);
		if (failure) return failure;
		let sent;
		try {
			sent = await sendTestCampaign(app().newsletter, staff, id, testLocale);
		} catch (e) {
			notFoundIfGone(e);
			throw e;
		}
		if (!sent) return fail(400, { problem: m.nladmin_nothing_to_test(), testLocale });
		return { done: 'tested' as const, to: staff.email, testLocale, usedLocale: sent.locale };
	},

	/** Saves, then schedules at the typed time read in the chosen time zone. */
	schedule: async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const id = savedIdOf(params.id);
		const form = await request.formData();
		const values = valuesFrom(form);
		const steps = stepsForm.read(form);
		const schedule = { local: steps.scheduledAt, zone: steps.timeZone };
		const failure = await saveDraft(staff, id, values);
		if (failure) return failure;
		if (!isTimeZone(schedule.zone)) return fail(400, { issues: { timeZone: 'zone_invalid' }, values, schedule, saved: true });
		const at = zonedToUtc(schedule.local, schedule.zone);
		if (!at) return fail(400, { issues: { scheduledAt: 'date_invalid' }, values, schedule, saved: true });
		try {
			await scheduleCampaign(app().newsletter, staff, id, at, schedule.zone);
		} catch (e) {
			notFoundIfGone(e);
			if (e instanceof CampaignStateError) return stateProblem(e, 'scheduled');
			return failWith(e, (issues) => ({ issues: issuesOf(issues), values, schedule, saved: true }));
		}
		return {
			done: 'scheduled' as const,
			schedule,
			at: at.toISOString(),
			inZone: formatInZone(at, schedule.zone, staff.locale),
			inUtc: formatInZone(at, 'UTC', staff.locale)
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
		if (!stepsForm.read(form).confirm) {
			const failure = await saveDraft(staff, id, valuesFrom(form));
			if (failure) return failure;
			const campaign = await existing(db, id);
			return { confirmSend: { subject: campaign.subject.en, count: await countAudience(db, campaign) } };
		}
		try {
			await sendCampaign(app().newsletter, staff, id);
		} catch (e) {
			notFoundIfGone(e);
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
		if (!stepsForm.read(form).confirm) {
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
		if (!stepsForm.read(form).confirm) return { confirmDelete: true };
		const failure = await change(deleteCampaign(app().newsletter, staff, id), 'deleted');
		if (failure) return failure;
		redirect(303, `${adminUrls.newsletter.campaigns}?deleted=1`);
	}
} satisfies Actions;
