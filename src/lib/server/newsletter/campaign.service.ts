import type { Kysely } from 'kysely';
import { z } from 'zod';
import { locales, type Locale, type Localized } from '$lib/i18n/locales';
import { parseLocalized, stringifyLocalized } from '$lib/server/shared/localized-text';
import { bumpSiteVersion } from '$lib/server/platform/site-version';
import { isBlankRichText, sanitizeCampaignHtml } from '$lib/server/shared/rich-text';
import type { CampaignStatus, Database, Db, DeliveryStatus, NewsletterCampaignRow } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';
import { enqueueJob } from '$lib/server/platform/jobs/job-queue';
import type { Actor } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';
import type { NewsletterContext } from './newsletter.wiring';
import { audienceQuery, topicKeys } from './newsletter.service';

/*
 * Campaigns: written and tested as drafts, sent now or at a scheduled time, paused
 * and resumed. Starting to send fixes the audience: one delivery row per
 * recipient (see the migration), which the sender works through. Staff's
 * commands take the newsletter's context and the acting person and write their
 * audit entry in the transaction of the change; time comes from the context's clock.
 */

/** How the audit log names a campaign. */
const subjectOf = (id: number) => `newsletter-campaign:${id}`;

export const campaignStartJobKind = 'newsletter.start';
export const campaignSendJobKind = 'newsletter.send';

export const maxSendRate = 60_000;
export const campaignFieldLimits = { subject: 200, previewText: 200, bodyHtml: 200_000 } as const;

export interface Campaign {
	id: number;
	subject: Localized;
	previewText: Localized;
	bodyHtml: Localized;
	topics: string[];
	locales: Locale[];
	status: CampaignStatus;
	sendRate: number;
	scheduledAt: string | null;
	startedAt: string | null;
	finishedAt: string | null;
	recipientCount: number;
	createdAt: string;
	updatedAt: string;
}

export type DeliveryCounts = Record<DeliveryStatus, number> & { total: number; remaining: number };

function parseStringArray(json: string): string[] {
	const value: unknown = JSON.parse(json);
	return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function campaignFromRow(row: NewsletterCampaignRow): Campaign {
	return {
		id: row.id,
		subject: parseLocalized(row.subject),
		previewText: parseLocalized(row.preview_text),
		bodyHtml: parseLocalized(row.body_html),
		topics: parseStringArray(row.topics),
		locales: parseStringArray(row.locales).filter((l): l is Locale => (locales as readonly string[]).includes(l)),
		status: row.status,
		sendRate: row.send_rate,
		scheduledAt: row.scheduled_at,
		startedAt: row.started_at,
		finishedAt: row.finished_at,
		recipientCount: row.recipient_count,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

const oneLine = (max: number) =>
	z
		.string()
		.trim()
		.max(max, 'too_long')
		.refine((s) => !/[\r\n]/.test(s), 'one_line');

const localizedOf = (field: z.ZodType<string>) =>
	z.object(Object.fromEntries(locales.map((l) => [l, field.optional()])) as Record<Locale, z.ZodOptional<z.ZodType<string>>>);

const campaignSchema = z.object({
	subject: localizedOf(oneLine(campaignFieldLimits.subject)),
	previewText: localizedOf(oneLine(campaignFieldLimits.previewText)),
	bodyHtml: localizedOf(z.string().max(campaignFieldLimits.bodyHtml, 'too_long')),
	topics: z.array(z.string()).default([]),
	locales: z.array(z.enum(locales, 'locale_invalid')).default([]),
	sendRate: z.coerce.number('rate_invalid').int('rate_invalid').min(1, 'rate_invalid').max(maxSendRate, 'rate_invalid')
});

export type CampaignInput = z.input<typeof campaignSchema>;

/**
 * Field errors use dotted keys: `subject.en`, `bodyHtml.ne`, `topics`, `sendRate`.
 * A campaign needs an English subject and body: English is what readers of a
 * language without its own version get.
 */
async function parseCampaign(db: Db, input: CampaignInput) {
	const parsed = campaignSchema.safeParse(input);
	if (!parsed.success) {
		const issues: Record<string, string> = {};
		for (const issue of parsed.error.issues) issues[issue.path.join('.')] ??= issue.message;
		throw new ValidationError(issues);
	}
	const data = parsed.data;
	const issues: Record<string, string> = {};
	const bodyHtml: Record<string, string> = {};
	for (const locale of locales) {
		const html = data.bodyHtml[locale];
		if (html !== undefined) bodyHtml[locale] = sanitizeCampaignHtml(html);
	}
	if (!data.subject.en) issues['subject.en'] = 'required';
	if (isBlankRichText(bodyHtml.en)) issues['bodyHtml.en'] = 'required';
	for (const locale of locales) {
		// A version is a subject and a body together; half of one would mix two languages in one e-mail.
		if (locale === 'en') continue;
		const hasSubject = Boolean(data.subject[locale]);
		const hasBody = !isBlankRichText(bodyHtml[locale]);
		if (hasSubject && !hasBody) issues[`bodyHtml.${locale}`] = 'version_incomplete';
		if (hasBody && !hasSubject) issues[`subject.${locale}`] = 'version_incomplete';
	}
	const known = new Set(await topicKeys(db));
	if (data.topics.some((topic) => !known.has(topic))) issues.topics = 'topic_unknown';
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);
	return {
		subject: stringifyLocalized({ en: '', ...data.subject }),
		preview_text: stringifyLocalized({ en: '', ...data.previewText }),
		body_html: stringifyLocalized({ en: '', ...bodyHtml }),
		topics: JSON.stringify([...new Set(data.topics)]),
		locales: JSON.stringify([...new Set(data.locales)]),
		send_rate: data.sendRate
	};
}

export class CampaignStateError extends Error {
	readonly status: CampaignStatus;
	constructor(status: CampaignStatus, action: string) {
		super(`A ${status} campaign cannot be ${action}`);
		this.name = 'CampaignStateError';
		this.status = status;
	}
}

export async function createCampaign(newsletter: NewsletterContext, actor: Actor, input: CampaignInput): Promise<number> {
	return runCommand(newsletter, actor, async ({ trx, now, audit }) => {
		const values = await parseCampaign(trx, input);
		const at = now.toISOString();
		const row = await trx
			.insertInto('newsletter_campaign')
			.values({ ...values, status: 'draft', created_by: actor.id, created_at: at, updated_at: at })
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit({ action: 'newsletter.campaign-created', subject: subjectOf(row.id), detail: { subject: input.subject.en } });
		return row.id;
	});
}

export async function getCampaign(db: Db, id: number): Promise<Campaign | undefined> {
	const row = await db.selectFrom('newsletter_campaign').selectAll().where('id', '=', id).executeTakeFirst();
	return row ? campaignFromRow(row) : undefined;
}

/** Content and audience can change until sending starts; after that, what went out is what the record says. */
const editable: readonly CampaignStatus[] = ['draft', 'scheduled'];

/** Saves what staff typed into a draft or scheduled campaign (also before a test, a schedule or sending). */
export async function updateCampaign(newsletter: NewsletterContext, actor: Actor, id: number, input: CampaignInput): Promise<void> {
	await runCommand(newsletter, actor, async ({ trx, now, audit }) => {
		const values = await parseCampaign(trx, input);
		const result = await trx
			.updateTable('newsletter_campaign')
			.set({ ...values, updated_at: now.toISOString() })
			.where('id', '=', id)
			.where('status', 'in', editable)
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) await throwStateError(trx, id, 'changed');
		await audit({ action: 'newsletter.campaign-changed', subject: subjectOf(id), detail: { subject: input.subject.en } });
	});
}

/** The saved campaign to the acting staff member alone, marked as a test; the language it went in, or undefined when there is nothing to send yet. */
export async function sendTestCampaign(newsletter: NewsletterContext, actor: Actor, id: number, locale: Locale): Promise<{ locale: Locale } | undefined> {
	return runCommand(newsletter, actor, async ({ trx, audit }) => {
		const campaign = await getCampaign(trx, id);
		if (!campaign) throw new ValidationError({ campaign: 'not_found' });
		const sent = await newsletter.mail.campaignTest(trx, campaign, locale, actor.email);
		if (sent) await audit({ action: 'newsletter.campaign-tested', subject: subjectOf(id), detail: { locale: sent.locale } });
		return sent;
	});
}

async function throwStateError(db: Db, id: number, action: string): Promise<never> {
	const campaign = await getCampaign(db, id);
	if (!campaign) throw new ValidationError({ campaign: 'not_found' });
	throw new CampaignStateError(campaign.status, action);
}

/** Only drafts are deleted; a campaign that went out stays as the record of it. */
export async function deleteCampaign(newsletter: NewsletterContext, actor: Actor, id: number): Promise<void> {
	await runCommand(newsletter, actor, async ({ trx, audit }) => {
		const campaign = await getCampaign(trx, id);
		const result = await trx.deleteFrom('newsletter_campaign').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
		if (!campaign || Number(result.numDeletedRows) === 0) await throwStateError(trx, id, 'deleted');
		await audit({ action: 'newsletter.campaign-deleted', subject: subjectOf(id), detail: { subject: campaign!.subject.en } });
	});
}

/** How many confirmed, not paused subscribers the campaign would reach now. */
export async function countAudience(db: Db, campaign: Pick<Campaign, 'topics' | 'locales'>): Promise<number> {
	return (await audienceQuery(db, { topics: campaign.topics, locales: campaign.locales })).count;
}

export async function listCampaigns(db: Kysely<Database>, { limit = 50, offset = 0 } = {}) {
	const rows = await db
		.selectFrom('newsletter_campaign')
		.selectAll()
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.offset(offset)
		.execute();
	const total = await db.selectFrom('newsletter_campaign').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
	const campaigns = rows.map(campaignFromRow);
	const counts = await deliveryCounts(
		db,
		campaigns.filter((c) => c.status !== 'draft' && c.status !== 'scheduled').map((c) => c.id)
	);
	return { campaigns: campaigns.map((c) => ({ ...c, progress: counts.get(c.id) ?? null })), total: Number(total.n) };
}

const deliveryStatuses: readonly DeliveryStatus[] = ['queued', 'sending', 'sent', 'failed', 'bounced', 'skipped'];

/** Sent, failed, remaining… for each campaign, from the delivery rows. */
export async function deliveryCounts(db: Db, campaignIds: readonly number[]): Promise<Map<number, DeliveryCounts>> {
	const result = new Map<number, DeliveryCounts>();
	if (campaignIds.length === 0) return result;
	const rows = await db
		.selectFrom('newsletter_delivery')
		.select(['campaign_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
		.where('campaign_id', 'in', [...campaignIds])
		.groupBy(['campaign_id', 'status'])
		.execute();
	for (const id of campaignIds) {
		result.set(id, { queued: 0, sending: 0, sent: 0, failed: 0, bounced: 0, skipped: 0, total: 0, remaining: 0 });
	}
	for (const row of rows) {
		const counts = result.get(row.campaign_id)!;
		if ((deliveryStatuses as readonly string[]).includes(row.status)) counts[row.status] = Number(row.n);
	}
	for (const counts of result.values()) {
		counts.total = deliveryStatuses.reduce((sum, status) => sum + counts[status], 0);
		counts.remaining = counts.queued + counts.sending;
	}
	return result;
}

export async function campaignProgress(db: Db, id: number): Promise<DeliveryCounts> {
	return (await deliveryCounts(db, [id])).get(id)!;
}

/** Sends at `at` (a job waits for it). A scheduled campaign can still be edited, re-scheduled or unscheduled. `timeZone` is the one staff typed the time in. */
export async function scheduleCampaign(newsletter: NewsletterContext, actor: Actor, id: number, at: Date, timeZone: string): Promise<void> {
	const now = newsletter.clock().getTime();
	if (Number.isNaN(at.getTime())) throw new ValidationError({ scheduledAt: 'date_invalid' });
	if (at.getTime() <= now) throw new ValidationError({ scheduledAt: 'date_past' });
	const scheduledAt = at.toISOString();
	await runCommand(newsletter, actor, async ({ trx, audit }) => {
		const result = await trx
			.updateTable('newsletter_campaign')
			.set({ status: 'scheduled', scheduled_at: scheduledAt, updated_at: new Date(now).toISOString() })
			.where('id', '=', id)
			.where('status', 'in', editable)
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) await throwStateError(trx, id, 'scheduled');
		// The job carries the time it was made for: after a re-schedule, the old job finds a different time and does nothing.
		await enqueueJob(trx, campaignStartJobKind, { campaignId: id, scheduledAt }, {
			idempotencyKey: `${campaignStartJobKind}:${id}:${scheduledAt}`,
			runAt: at
		});
		await audit({ action: 'newsletter.campaign-scheduled', subject: subjectOf(id), detail: { at: scheduledAt, timeZone } });
	});
}

export async function unscheduleCampaign(newsletter: NewsletterContext, actor: Actor, id: number): Promise<void> {
	await runCommand(newsletter, actor, async ({ trx, now, audit }) => {
		const result = await trx
			.updateTable('newsletter_campaign')
			.set({ status: 'draft', scheduled_at: null, updated_at: now.toISOString() })
			.where('id', '=', id)
			.where('status', '=', 'scheduled')
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) await throwStateError(trx, id, 'unscheduled');
		await audit({ action: 'newsletter.campaign-unscheduled', subject: subjectOf(id) });
	});
}

export interface StartOutcome {
	started: boolean;
	recipients: number;
}

/**
 * Starts sending: the campaign becomes `sending`, its audience is fixed as one
 * delivery per recipient, and the first send job is queued, all in one
 * transaction (the caller's, when `db` is one). `onlyIfScheduledAt` is for the
 * scheduled job: it starts only the campaign still scheduled for that moment.
 * Starting twice starts once. Staff start with `sendCampaign`.
 */
export async function startSending(
	db: Kysely<Database>,
	id: number,
	{ now = Date.now(), onlyIfScheduledAt }: { now?: number; onlyIfScheduledAt?: string } = {}
): Promise<StartOutcome> {
	const start = async (trx: Kysely<Database>): Promise<StartOutcome> => {
		let claim = trx
			.updateTable('newsletter_campaign')
			.set({ status: 'sending', started_at: new Date(now).toISOString(), updated_at: new Date(now).toISOString() })
			.where('id', '=', id);
		claim = onlyIfScheduledAt
			? claim.where('status', '=', 'scheduled').where('scheduled_at', '=', onlyIfScheduledAt)
			: claim.where('status', 'in', editable);
		const result = await claim.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) {
			if (onlyIfScheduledAt) return { started: false, recipients: 0 };
			await throwStateError(trx, id, 'sent');
		}
		const campaign = (await getCampaign(trx, id))!;
		const { ids } = await audienceQuery(trx, { topics: campaign.topics, locales: campaign.locales });
		// Chunks keep each statement within both engines' parameter limits.
		for (let i = 0; i < ids.length; i += 1000) {
			await trx
				.insertInto('newsletter_delivery')
				.values(ids.slice(i, i + 1000).map((subscriberId) => ({ campaign_id: id, subscriber_id: subscriberId, status: 'queued' as const })))
				.onConflict((oc) => oc.columns(['campaign_id', 'subscriber_id']).doNothing())
				.execute();
		}
		await trx.updateTable('newsletter_campaign').set({ recipient_count: ids.length }).where('id', '=', id).execute();
		// Its web version is public from now on, and the photos it shows with it (campaign-media.ts).
		await bumpSiteVersion(trx);
		await enqueueSendJob(trx, id, 'start');
		return { started: true, recipients: ids.length };
	};
	return db.isTransaction ? start(db) : db.transaction().execute(start);
}

/** Staff's "send now": sending starts, and the audit entry says to how many, in one transaction. */
export async function sendCampaign(newsletter: NewsletterContext, actor: Actor, id: number): Promise<StartOutcome> {
	return runCommand(newsletter, actor, async ({ trx, now, audit, publicPagesChanged }) => {
		const outcome = await startSending(trx, id, { now: now.getTime() });
		// startSending bumped the site version already; this makes this process see it at once.
		await publicPagesChanged();
		await audit({ action: 'newsletter.campaign-sent', subject: subjectOf(id), detail: { recipients: outcome.recipients } });
		return outcome;
	});
}

/** The next stretch of sending; `after` names what it follows, so a re-run of the same step queues nothing more. */
export function enqueueSendJob(db: Kysely<Database>, campaignId: number, after: string, runAt?: Date) {
	return enqueueJob(db, campaignSendJobKind, { campaignId }, { idempotencyKey: `${campaignSendJobKind}:${campaignId}:${after}`, runAt, maxAttempts: 1000 });
}

/** Stops after the messages on their way; nothing is lost, resume continues where it stopped. */
export async function pauseCampaign(newsletter: NewsletterContext, actor: Actor, id: number): Promise<void> {
	await runCommand(newsletter, actor, async ({ trx, now, audit }) => {
		const result = await trx
			.updateTable('newsletter_campaign')
			.set({ status: 'paused', updated_at: now.toISOString() })
			.where('id', '=', id)
			.where('status', '=', 'sending')
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) await throwStateError(trx, id, 'paused');
		await audit({ action: 'newsletter.campaign-paused', subject: subjectOf(id) });
	});
}

export async function resumeCampaign(newsletter: NewsletterContext, actor: Actor, id: number): Promise<void> {
	await runCommand(newsletter, actor, async ({ trx, now, audit }) => {
		const at = now.toISOString();
		const result = await trx
			.updateTable('newsletter_campaign')
			.set({ status: 'sending', updated_at: at })
			.where('id', '=', id)
			.where('status', '=', 'paused')
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) await throwStateError(trx, id, 'resumed');
		await enqueueSendJob(trx, id, `resume:${at}`);
		await audit({ action: 'newsletter.campaign-resumed', subject: subjectOf(id) });
	});
}

/** Ends a paused or sending campaign for good: who has not received it yet never will. */
export async function cancelCampaign(newsletter: NewsletterContext, actor: Actor, id: number): Promise<void> {
	await runCommand(newsletter, actor, async ({ trx, now, audit }) => {
		const at = now.toISOString();
		const result = await trx
			.updateTable('newsletter_campaign')
			.set({ status: 'cancelled', finished_at: at, updated_at: at })
			.where('id', '=', id)
			.where('status', 'in', ['sending', 'paused'])
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) await throwStateError(trx, id, 'cancelled');
		await trx
			.updateTable('newsletter_delivery')
			.set({ status: 'skipped', error: 'The campaign was cancelled' })
			.where('campaign_id', '=', id)
			.where('status', '=', 'queued')
			.execute();
		await audit({ action: 'newsletter.campaign-cancelled', subject: subjectOf(id) });
	});
}

/** Sent campaigns, newest first, for the public list of past newsletters. */
export async function sentCampaigns(db: Kysely<Database>, limit = 20): Promise<Campaign[]> {
	const rows = await db
		.selectFrom('newsletter_campaign')
		.selectAll()
		.where('status', 'in', ['sending', 'paused', 'sent'])
		.orderBy('started_at', 'desc')
		.limit(limit)
		.execute();
	return rows.map(campaignFromRow);
}
