import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { claimRows } from '$lib/server/db/claim-rows';
import type { Database, NewsletterDeliveryRow } from '$lib/server/db/schema';
import { databaseNow, databaseTimeAfter, dialectOf } from '$lib/server/db/sql-functions';
import { BulkSendError, type BulkTransport, type createBulkComposer } from '$lib/server/platform/mail/bulk-transport';
import { jobPayload } from '$lib/server/platform/jobs/job-queue';
import type { JobHandler } from '$lib/server/platform/jobs/job-worker';
import type { Logger } from '$lib/server/platform/logger';
import { personalize, renderCampaignTemplate, type CampaignTemplate } from './campaign-mail';
import { campaignSendJobKind, campaignStartJobKind, enqueueSendJob, getCampaign, startSending, type Campaign } from './campaign.service';
import { ensureSubscriberLinks, listUnsubscribeHeaders, mailboxOf, subscriberLinkUrls } from './subscriber-links';

/*
 * Sends a campaign's deliveries. A send job works for a slice of time (`sliceMs`),
 * claiming deliveries in small groups with a lease, and sending them over the
 * transport's lanes at the campaign's rate; then it queues the next job. Every
 * recipient gets a copy, and save for one case below one copy only, from these
 * together:
 *
 * - the delivery row, unique per (campaign, subscriber), is the only thing sent;
 * - a claim (status `sending`, `claimed_by`, a lease) is taken in one statement that
 *   skips rows others hold (`claimRows`, db/claim-rows.ts), so two processes never
 *   hold the same delivery;
 * - the holder records the hand-over (`handed_over_at`) once the whole message is
 *   written and before its final dot, which it writes only if it still holds the
 *   claim; and it records the delivery `sent` only once the server has answered
 *   that dot with 250, the moment the server takes responsibility (RFC 5321, 6.1);
 * - a `sending` row whose holder is gone (lease over, or an earlier attempt of the
 *   same job) is taken up again.
 *
 * So a delivery is never `sent` unless the server took it, and a process killed at
 * any point loses no one's copy. The one case SMTP leaves open is a copy handed
 * over whose answer was never recorded (the process died between the dot and the
 * record, or the connection dropped before the answer): the server may or may not
 * have it. Such a delivery is in doubt, and is sent again, as RFC 5321 (3.8) has a
 * client treat a dropped connection: like a 451. A second copy harms a reader less
 * than none; it has the same Message-ID, so mail systems that keep one message per
 * Message-ID drop it, and staff see a note on the delivery. A killed process leaves
 * at most one delivery in doubt per connection.
 *
 * A slice step by step, each step a function below in this order: `runSlice` opens
 * the slice and runs one `lane` per transport lane. A lane takes the next ready
 * delivery (`nextReady`; when none is waiting, `claimBatch` claims some with
 * `claimDeliveries` and passes over, with `skipDelivery`, those whose subscriber
 * left), waits for its turn at the campaign's rate and sends it (`sendOne`, which
 * records the hand-over with `markHandedOver` and the server's acceptance with
 * `markSent`; `settleFailure` settles a failure). At the end what was claimed but
 * not tried goes back (`releaseDeliveries`), and `whatNext` says whether and when
 * the next slice runs.
 */

export interface CampaignSenderOptions {
	transport: BulkTransport;
	compose: ReturnType<typeof createBulkComposer>;
	/** The From header; its address is the envelope sender and the List-Unsubscribe mailto. */
	from: string;
	/** The public ORIGIN. */
	origin: string;
	/** Derives the subscribers' preferences and unsubscribe links. */
	linkSecret: string;
	siteName: (db: Kysely<Database>) => Promise<string>;
	log: Pick<Logger, 'info' | 'warn' | 'error'>;
	/** How long one send job runs before it hands over to the next (the job's lease is far longer). */
	sliceMs?: number;
	/** Deliveries claimed at a time. */
	claimSize?: number;
	/** How long a claim holds if its process dies. */
	leaseMs?: number;
	/** Tries per delivery for temporary failures (4xx, lost connections). */
	maxAttempts?: number;
}

export interface SliceOutcome {
	sent: number;
	failed: number;
	bounced: number;
	skipped: number;
	retrying: number;
	/** What the campaign needs next. */
	next: 'done' | 'stopped' | { at: Date };
}

const payloadSchema = z.object({ campaignId: z.number().int().positive() });
const startPayloadSchema = payloadSchema.extend({ scheduledAt: z.string() });

export function retryDelayMs(attempt: number): number {
	return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempt - 1));
}

export interface CampaignSender {
	/** Sends one slice of a campaign; `claimer` is the attempt of the send job doing it (`job:<id>:<attempt>`). */
	runSlice(db: Kysely<Database>, campaignId: number, claimer: string, sliceMs?: number): Promise<SliceOutcome>;
	jobHandlers: Record<string, JobHandler>;
}

export function createCampaignSender(options: CampaignSenderOptions): CampaignSender {
	const envelopeFrom = mailboxOf(options.from) ?? options.from;
	const settings: SenderSettings = {
		...options,
		origin: options.origin.replace(/\/$/, ''),
		sliceMs: options.sliceMs ?? 20_000,
		claimSize: options.claimSize ?? 50,
		leaseMs: options.leaseMs ?? 5 * 60_000,
		maxAttempts: options.maxAttempts ?? 5,
		envelopeFrom,
		messageIdDomain: envelopeFrom.split('@')[1] ?? 'localhost'
	};
	const run = (db: Kysely<Database>, campaignId: number, claimer: string, sliceMs = settings.sliceMs) =>
		runSlice(settings, db, campaignId, claimer, sliceMs);
	return { runSlice: run, jobHandlers: campaignJobHandlers(run, settings.log) };
}

/** The sender's options with their defaults filled in, and the addresses that follow from `from`. */
type SenderSettings = Required<CampaignSenderOptions> & { envelopeFrom: string; messageIdDomain: string };

/** A claimed delivery whose subscriber may get it, waiting for a lane. */
interface Ready {
	delivery: NewsletterDeliveryRow;
	to: string;
	locale: string;
	links: { preferences: string; unsubscribe: string };
}

/** What one slice works with, and what it has done so far. Its lanes share it. */
interface Slice {
	db: Kysely<Database>;
	campaign: Campaign;
	/** This attempt of this send job: the holder of every claim the slice takes. */
	claimer: string;
	/** No message starts after this moment. */
	deadline: number;
	/** The campaign's rate as time between two messages, and when the next one may start. */
	interval: number;
	nextSlot: number;
	templateFor(locale: string): CampaignTemplate | null;
	ready: Ready[];
	/** Nothing is left to claim. */
	exhausted: boolean;
	/** Paused, cancelled or out of time: the lanes finish what they hold and stop. */
	stopping: boolean;
	/** The claim under way; lanes that run dry wait for it rather than claim a batch each. */
	claiming: Promise<void> | null;
	outcome: SliceOutcome;
}

async function runSlice(settings: SenderSettings, db: Kysely<Database>, campaignId: number, claimer: string, sliceMs: number): Promise<SliceOutcome> {
	const outcome: SliceOutcome = { sent: 0, failed: 0, bounced: 0, skipped: 0, retrying: 0, next: 'stopped' };
	const campaign = await getCampaign(db, campaignId);
	if (!campaign || campaign.status !== 'sending') return outcome;
	const deadline = Date.now() + sliceMs;
	const context = { origin: settings.origin, siteName: await settings.siteName(db) };
	const templates = new Map<string, CampaignTemplate | null>();
	const slice: Slice = {
		db,
		campaign,
		claimer,
		deadline,
		interval: 60_000 / campaign.sendRate,
		nextSlot: Date.now(),
		templateFor(locale) {
			if (!templates.has(locale)) templates.set(locale, renderCampaignTemplate(campaign, locale, context));
			return templates.get(locale)!;
		},
		ready: [],
		exhausted: false,
		stopping: false,
		claiming: null,
		outcome
	};

	try {
		await Promise.all(Array.from({ length: settings.transport.lanes }, () => lane(settings, slice)));
	} finally {
		await slice.claiming;
		if (slice.ready.length > 0) await releaseDeliveries(db, slice.ready.splice(0).map((item) => item.delivery.id), claimer);
	}

	outcome.next = await whatNext(db, campaignId);
	// A slice sends its first message at once, so the rate holds across slices only if the next one waits for its turn.
	if (typeof outcome.next === 'object' && slice.nextSlot > outcome.next.at.getTime()) outcome.next = { at: new Date(slice.nextSlot) };
	return outcome;
}

/** One connection's worth of sending: the next ready delivery, at its turn, until the slice ends. */
async function lane(settings: SenderSettings, slice: Slice): Promise<void> {
	for (;;) {
		const item = await nextReady(settings, slice);
		if (!item) return;
		const wait = slice.nextSlot - Date.now();
		if (wait > 0 && Date.now() + wait >= slice.deadline) {
			// Its turn comes after this slice: the next job sends it.
			slice.ready.unshift(item);
			slice.stopping = true;
			return;
		}
		slice.nextSlot = Math.max(slice.nextSlot, Date.now()) + slice.interval;
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		await sendOne(settings, slice, item);
	}
}

/** The next delivery to send, claiming a batch when none is waiting; null when the slice is over. */
async function nextReady(settings: SenderSettings, slice: Slice): Promise<Ready | null> {
	for (;;) {
		if (slice.stopping || Date.now() >= slice.deadline) {
			slice.stopping = true;
			return null;
		}
		const item = slice.ready.shift();
		if (item) return item;
		if (slice.exhausted) return null;
		slice.claiming ??= claimBatch(settings, slice).finally(() => {
			slice.claiming = null;
		});
		await slice.claiming;
	}
}

/** Claims the next deliveries while the campaign is still sending; those whose subscriber may no longer get it are skipped. */
async function claimBatch(settings: SenderSettings, slice: Slice): Promise<void> {
	const { db, campaign } = slice;
	const current = await db.selectFrom('newsletter_campaign').select('status').where('id', '=', campaign.id).executeTakeFirst();
	if (current?.status !== 'sending') {
		slice.stopping = true;
		return;
	}
	const claimed = await claimDeliveries(db, campaign.id, slice.claimer, settings.claimSize, settings.leaseMs);
	if (claimed.length === 0) {
		slice.exhausted = true;
		return;
	}
	const ids = claimed.map((d) => d.subscriber_id).filter((id): id is number => id !== null);
	const subscribers = ids.length
		? await db.selectFrom('subscriber').select(['id', 'email', 'locale', 'status', 'paused']).where('id', 'in', ids).execute()
		: [];
	const byId = new Map(subscribers.map((s) => [s.id, s]));
	const sendable = subscribers.filter((s) => s.status === 'confirmed' && s.paused === 0);
	const links = await ensureSubscriberLinks(db, settings.linkSecret, sendable);
	for (const delivery of claimed) {
		const subscriber = delivery.subscriber_id === null ? undefined : byId.get(delivery.subscriber_id);
		// Who left, paused or bounced since sending started is passed over.
		if (!subscriber) await skipDelivery(slice, delivery, 'The subscriber was deleted');
		else if (subscriber.status !== 'confirmed') await skipDelivery(slice, delivery, `The subscriber is ${subscriber.status}`);
		else if (subscriber.paused === 1) await skipDelivery(slice, delivery, 'The subscriber paused the newsletter');
		else if (!slice.templateFor(subscriber.locale)) await skipDelivery(slice, delivery, 'No version in their language or English');
		else {
			const tokens = links.get(subscriber.id)!;
			slice.ready.push({ delivery, to: subscriber.email, locale: subscriber.locale, links: subscriberLinkUrls(settings.origin, subscriber.locale, tokens) });
		}
	}
}

/**
 * Claims up to `limit` deliveries of a campaign for `claimer` until the lease ends,
 * lowest id first: queued ones that are due, and `sending` ones whose holder is gone.
 */
async function claimDeliveries(db: Kysely<Database>, campaignId: number, claimer: string, limit: number, leaseMs: number): Promise<NewsletterDeliveryRow[]> {
	const dialect = dialectOf(db);
	const now = databaseNow(dialect);
	// An earlier attempt of the same job has died (the job queue runs one attempt at a time): its rows are free.
	const sameJob = claimer.replace(/:\d+$/, ':%');
	return claimRows(db, {
		table: 'newsletter_delivery',
		where: sql`campaign_id = ${campaignId} and (
			(status = 'queued' and (next_attempt_at is null or next_attempt_at <= ${now}))
			or (status = 'sending' and (lease_until < ${now} or (claimed_by like ${sameJob} and claimed_by <> ${claimer})))
		)`,
		set: sql`status = 'sending', claimed_by = ${claimer}, lease_until = ${databaseTimeAfter(dialect, leaseMs)}`,
		orderBy: ['id'],
		limit
	});
}

/** Settles a claimed delivery as not sent, with the reason for staff. */
async function skipDelivery(slice: Slice, delivery: NewsletterDeliveryRow, reason: string): Promise<void> {
	await slice.db
		.updateTable('newsletter_delivery')
		.set({ status: 'skipped', error: reason.slice(0, 1000), claimed_by: null, lease_until: null })
		.where('id', '=', delivery.id)
		.where('claimed_by', '=', slice.claimer)
		.execute();
	slice.outcome.skipped++;
}

/** Composes one subscriber's copy and hands it to the mail server; a failure is settled at once. */
async function sendOne(settings: SenderSettings, slice: Slice, item: Ready): Promise<void> {
	const template = slice.templateFor(item.locale)!;
	const { subject, html, text } = personalize(template, item.links);
	const messageId = `<campaign-${slice.campaign.id}.${item.delivery.id}@${settings.messageIdDomain}>`;
	const raw = await settings.compose({
		from: settings.from,
		to: item.to,
		subject,
		text,
		html,
		messageId,
		date: new Date(),
		locale: template.locale,
		// List-Id (RFC 2919) lets mail apps and filters recognise the newsletter as one list.
		headers: { ...listUnsubscribeHeaders(item.links.unsubscribe, settings.envelopeFrom), 'List-Id': `<newsletter.${settings.messageIdDomain}>` }
	});
	let handedOver = false;
	try {
		await settings.transport.send({ from: settings.envelopeFrom, to: item.to, raw }, async () => {
			handedOver = await markHandedOver(settings, slice, item.delivery);
			return handedOver;
		});
	} catch (error) {
		await settleFailure(settings, slice, item.delivery, error, handedOver);
		return;
	}
	await markSent(slice, item.delivery, messageId, template.locale);
	slice.outcome.sent++;
}

/**
 * The hand-over: the whole message is written and its final dot is next. Records
 * that the server may have this copy from now on, and renews the claim; false when
 * this claimer no longer holds the delivery, and the transport then sends nothing.
 */
async function markHandedOver(settings: SenderSettings, slice: Slice, delivery: NewsletterDeliveryRow): Promise<boolean> {
	const dialect = dialectOf(slice.db);
	const marked = await slice.db
		.updateTable('newsletter_delivery')
		.set({ handed_over_at: databaseNow(dialect), lease_until: databaseTimeAfter(dialect, settings.leaseMs) })
		.where('id', '=', delivery.id)
		.where('claimed_by', '=', slice.claimer)
		.where('status', '=', 'sending')
		.executeTakeFirst();
	return Number(marked.numUpdatedRows) === 1;
}

/**
 * Records the server's acceptance (its 250 to the final dot) as soon as it comes, so
 * that only a process dying in these moments leaves the delivery in doubt. The
 * server has the message whoever holds the delivery now: a holder that has not
 * handed it over yet finds it sent and sends nothing.
 */
async function markSent(slice: Slice, delivery: NewsletterDeliveryRow, messageId: string, locale: string): Promise<void> {
	await slice.db
		.updateTable('newsletter_delivery')
		.set({
			status: 'sent',
			sent_at: databaseNow(dialectOf(slice.db)),
			message_id: messageId,
			locale,
			attempts: delivery.attempts + 1,
			claimed_by: null,
			lease_until: null,
			next_attempt_at: null,
			// Claimed in doubt: an earlier copy may have arrived too.
			error:
				delivery.handed_over_at === null
					? null
					: `Sent again because an earlier copy, handed over at ${delivery.handed_over_at}, got no recorded answer from the mail server: this address may have two copies (with the same Message-ID).`
		})
		.where('id', '=', delivery.id)
		.where('status', '<>', 'sent')
		.execute();
}

/**
 * Settles a delivery whose sending failed: bounced, failed for good, or queued to
 * retry later. When the server may have it (handed over, and no answer), it is in
 * doubt and tried again like a temporary failure: a second copy rather than none.
 */
async function settleFailure(settings: SenderSettings, slice: Slice, delivery: NewsletterDeliveryRow, error: unknown, handedOver: boolean): Promise<void> {
	const { db, outcome } = slice;
	const now = databaseNow(dialectOf(db));
	const failure =
		error instanceof BulkSendError ? error : new BulkSendError(String(error), { recipientRejected: false, permanent: false, uncertain: handedOver });
	const attempts = delivery.attempts + 1;
	const reason = (
		failure.uncertain ? `The mail server did not answer after the whole message, so it may have it; sent again later with the same Message-ID: ${failure.message}` : failure.message
	).slice(0, 1000);
	// The holder settles; a delivery taken over elsewhere (its hand-over refused) is left to its new holder.
	const owned = db
		.updateTable('newsletter_delivery')
		.where('id', '=', delivery.id)
		.where('claimed_by', '=', slice.claimer)
		.where('status', '=', 'sending')
		// In doubt, the hand-over just recorded stays. Otherwise this copy certainly did not arrive, and only an earlier one may have.
		.$if(!failure.uncertain, (update) => update.set({ handed_over_at: delivery.handed_over_at }));
	const settled = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows) === 1;
	if (failure.recipientRejected && failure.permanent) {
		if (!settled(await owned.set({ status: 'bounced', attempts, error: reason, claimed_by: null, lease_until: null }).executeTakeFirst())) return;
		await db
			.updateTable('subscriber')
			.set({ status: 'bounced', bounced_at: now, bounce_reason: failure.message.slice(0, 500), updated_at: now })
			.where('id', '=', delivery.subscriber_id!)
			.where('status', '=', 'confirmed')
			.execute();
		outcome.bounced++;
		settings.log.warn({ campaign: slice.campaign.id, delivery: delivery.id, code: failure.responseCode }, 'address bounced');
	} else if (failure.permanent || attempts >= settings.maxAttempts) {
		if (!settled(await owned.set({ status: 'failed', attempts, error: reason, claimed_by: null, lease_until: null, sent_at: null }).executeTakeFirst())) return;
		outcome.failed++;
	} else {
		const queued = await owned
			.set({
				status: 'queued',
				attempts,
				error: reason,
				claimed_by: null,
				lease_until: null,
				sent_at: null,
				next_attempt_at: databaseTimeAfter(dialectOf(db), retryDelayMs(attempts))
			})
			.executeTakeFirst();
		if (settled(queued)) outcome.retrying++;
	}
}

/** Gives back claimed deliveries that were never tried (the slice ended, or the campaign was paused). */
async function releaseDeliveries(db: Kysely<Database>, ids: number[], claimer: string): Promise<void> {
	for (let i = 0; i < ids.length; i += 500) {
		await db
			.updateTable('newsletter_delivery')
			.set({ status: 'queued', claimed_by: null, lease_until: null })
			.where('id', 'in', ids.slice(i, i + 500))
			.where('claimed_by', '=', claimer)
			.where('status', '=', 'sending')
			.execute();
	}
}

/** After a slice: finished, stopped (paused or cancelled), or when to go on. */
async function whatNext(db: Kysely<Database>, campaignId: number): Promise<SliceOutcome['next']> {
	const campaign = await getCampaign(db, campaignId);
	if (!campaign || campaign.status !== 'sending') return 'stopped';
	const remaining = await db
		.selectFrom('newsletter_delivery')
		.select([
			(eb) => eb.fn.countAll<number | string>().as('n'),
			(eb) => eb.fn.min('next_attempt_at').as('retry_at'),
			(eb) => eb.fn.min('lease_until').as('lease_at'),
			(eb) => eb.fn.countAll<number | string>().filterWhere('status', '=', 'queued').filterWhere('next_attempt_at', 'is', null).as('ready')
		])
		.where('campaign_id', '=', campaignId)
		.where('status', 'in', ['queued', 'sending'])
		.executeTakeFirstOrThrow();
	if (Number(remaining.n) === 0) {
		const at = databaseNow(dialectOf(db));
		await db
			.updateTable('newsletter_campaign')
			.set({ status: 'sent', finished_at: at, updated_at: at })
			.where('id', '=', campaignId)
			.where('status', '=', 'sending')
			.execute();
		return 'done';
	}
	if (Number(remaining.ready) > 0) return { at: new Date() };
	// Only retries later, or rows another process holds: look again when the first of them is due.
	const times = [remaining.retry_at, remaining.lease_at].filter((t): t is string => typeof t === 'string').map((t) => Date.parse(t));
	return { at: new Date(Math.max(Date.now() + 1000, Math.min(...times, Date.now() + 60_000))) };
}

/** The job queue's handlers: start a scheduled campaign; send one slice and queue the next. */
function campaignJobHandlers(runSlice: CampaignSender['runSlice'], log: SenderSettings['log']): Record<string, JobHandler> {
	return {
		[campaignStartJobKind]: async (db, job) => {
			const { campaignId, scheduledAt } = startPayloadSchema.parse(jobPayload(job));
			const started = await startSending(db, campaignId, { onlyIfScheduledAt: scheduledAt });
			if (started.started) log.info({ campaign: campaignId, recipients: started.recipients }, 'scheduled campaign started');
		},
		[campaignSendJobKind]: async (db, job) => {
			const { campaignId } = payloadSchema.parse(jobPayload(job));
			const outcome = await runSlice(db, campaignId, `job:${job.id}:${job.attempts}`);
			log.info({ campaign: campaignId, ...outcome }, 'campaign slice sent');
			if (typeof outcome.next === 'object') await enqueueSendJob(db, campaignId, `job:${job.id}`, outcome.next.at);
		}
	};
}
