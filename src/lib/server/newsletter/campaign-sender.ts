import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, NewsletterDeliveryRow } from '$lib/server/db/schema';
import { databaseNow, databaseTimeAfter, dialectOf } from '$lib/server/db/sql-functions';
import { BulkSendError, type BulkTransport, type createBulkComposer } from '$lib/server/platform/mail/bulk-transport';
import { jobPayload } from '$lib/server/platform/jobs/job-queue';
import type { JobHandler } from '$lib/server/platform/jobs/job-worker';
import type { Logger } from '$lib/server/platform/logger';
import { personalize, renderCampaignTemplate, type CampaignTemplate } from './campaign-mail';
import { campaignSendJobKind, campaignStartJobKind, enqueueSendJob, getCampaign, startSending } from './campaign.service';
import { ensureSubscriberLinks, listUnsubscribeHeaders, mailboxOf, subscriberLinkUrls } from './subscriber-links';

/*
 * Sends a campaign's deliveries. A send job works for a slice of time (`sliceMs`),
 * claiming deliveries in small groups with a lease, and sending them over the
 * transport's lanes at the campaign's rate; then it queues the next job. Exactly
 * one copy per recipient comes from three things together:
 *
 * - the delivery row, unique per (campaign, subscriber), is the only thing sent;
 * - a claim (status `sending`, `claimed_by`, a lease) is taken in one statement that
 *   skips rows others hold (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite has one
 *   writer), so two processes never hold the same delivery;
 * - the delivery is marked `sent` by the holder of the claim before the message's
 *   final dot goes out (see bulk-transport.ts), and only a `sending` row whose
 *   holder is gone (lease over, or an earlier attempt of the same job) is taken up
 *   again — a row the server may already have accepted is never sent twice.
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

export function createCampaignSender(options: CampaignSenderOptions) {
	const sliceMs = options.sliceMs ?? 20_000;
	const claimSize = options.claimSize ?? 50;
	const leaseMs = options.leaseMs ?? 5 * 60_000;
	const maxAttempts = options.maxAttempts ?? 5;
	const envelopeFrom = mailboxOf(options.from) ?? options.from;
	const messageIdDomain = envelopeFrom.split('@')[1] ?? 'localhost';
	const origin = options.origin.replace(/\/$/, '');

	async function claim(db: Kysely<Database>, campaignId: number, claimer: string, limit: number): Promise<NewsletterDeliveryRow[]> {
		const dialect = dialectOf(db);
		const now = databaseNow(dialect);
		const leaseEnd = databaseTimeAfter(dialect, leaseMs);
		// An earlier attempt of the same job has died (the job queue runs one attempt at a time): its rows are free.
		const sameJob = claimer.replace(/:\d+$/, ':%');
		const claimable = sql`campaign_id = ${campaignId} and (
			(status = 'queued' and (next_attempt_at is null or next_attempt_at <= ${now}))
			or (status = 'sending' and (lease_until < ${now} or (claimed_by like ${sameJob} and claimed_by <> ${claimer})))
		)`;
		const set = sql`status = 'sending', claimed_by = ${claimer}, lease_until = ${leaseEnd}`;
		const result =
			dialect === 'postgres'
				? await sql<NewsletterDeliveryRow>`
					with chosen as materialized (
						select id from newsletter_delivery where ${claimable}
						order by id limit ${limit}
						for update skip locked
					)
					update newsletter_delivery set ${set}
					from chosen where newsletter_delivery.id = chosen.id
					returning newsletter_delivery.*`.execute(db)
				: await sql<NewsletterDeliveryRow>`
					update newsletter_delivery set ${set}
					where id in (select id from newsletter_delivery where ${claimable} order by id limit ${limit})
					returning *`.execute(db);
		return result.rows.sort((a, b) => a.id - b.id);
	}

	/** Gives back claimed deliveries that were never tried (the slice ended, or the campaign was paused). */
	async function release(db: Kysely<Database>, ids: number[], claimer: string) {
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

	async function runSlice(db: Kysely<Database>, campaignId: number, claimer: string, slice = sliceMs): Promise<SliceOutcome> {
		const outcome: SliceOutcome = { sent: 0, failed: 0, bounced: 0, skipped: 0, retrying: 0, next: 'stopped' };
		const campaign = await getCampaign(db, campaignId);
		if (!campaign || campaign.status !== 'sending') return outcome;
		const deadline = Date.now() + slice;
		const context = { origin, siteName: await options.siteName(db) };
		const templates = new Map<string, CampaignTemplate | null>();
		const templateFor = (locale: string) => {
			if (!templates.has(locale)) templates.set(locale, renderCampaignTemplate(campaign, locale, context));
			return templates.get(locale)!;
		};
		const interval = 60_000 / campaign.sendRate;
		let nextSlot = Date.now();

		interface Ready {
			delivery: NewsletterDeliveryRow;
			to: string;
			locale: string;
			links: { preferences: string; unsubscribe: string };
		}
		const queue: Ready[] = [];
		let exhausted = false;
		let stopping = false;
		let refilling: Promise<void> | null = null;

		const dialect = dialectOf(db);
		const now = () => databaseNow(dialect);

		async function finish(delivery: NewsletterDeliveryRow, status: 'failed' | 'skipped' | 'bounced', error: string) {
			await db
				.updateTable('newsletter_delivery')
				.set({ status, error: error.slice(0, 1000), claimed_by: null, lease_until: null })
				.where('id', '=', delivery.id)
				.where('claimed_by', '=', claimer)
				.execute();
			outcome[status]++;
		}

		async function refill(): Promise<void> {
			const current = await db.selectFrom('newsletter_campaign').select('status').where('id', '=', campaignId).executeTakeFirst();
			if (current?.status !== 'sending') {
				stopping = true;
				return;
			}
			const claimed = await claim(db, campaignId, claimer, claimSize);
			if (claimed.length === 0) {
				exhausted = true;
				return;
			}
			const ids = claimed.map((d) => d.subscriber_id).filter((id): id is number => id !== null);
			const subscribers = ids.length
				? await db.selectFrom('subscriber').select(['id', 'email', 'locale', 'status', 'paused']).where('id', 'in', ids).execute()
				: [];
			const byId = new Map(subscribers.map((s) => [s.id, s]));
			const sendable = subscribers.filter((s) => s.status === 'confirmed' && s.paused === 0);
			const links = await ensureSubscriberLinks(db, options.linkSecret, sendable);
			for (const delivery of claimed) {
				const subscriber = delivery.subscriber_id === null ? undefined : byId.get(delivery.subscriber_id);
				// Who left, paused or bounced since sending started is passed over.
				if (!subscriber) await finish(delivery, 'skipped', 'The subscriber was deleted');
				else if (subscriber.status !== 'confirmed') await finish(delivery, 'skipped', `The subscriber is ${subscriber.status}`);
				else if (subscriber.paused === 1) await finish(delivery, 'skipped', 'The subscriber paused the newsletter');
				else if (!templateFor(subscriber.locale)) await finish(delivery, 'skipped', 'No version in their language or English');
				else {
					const tokens = links.get(subscriber.id)!;
					queue.push({ delivery, to: subscriber.email, locale: subscriber.locale, links: subscriberLinkUrls(origin, subscriber.locale, tokens) });
				}
			}
		}

		async function next(): Promise<Ready | null> {
			for (;;) {
				if (stopping || Date.now() >= deadline) {
					stopping = true;
					return null;
				}
				const item = queue.shift();
				if (item) return item;
				if (exhausted) return null;
				refilling ??= refill().finally(() => {
					refilling = null;
				});
				await refilling;
			}
		}

		async function deliver(item: Ready) {
			const template = templateFor(item.locale)!;
			const { subject, html, text } = personalize(template, item.links);
			const messageId = `<campaign-${campaignId}.${item.delivery.id}@${messageIdDomain}>`;
			const raw = await options.compose({
				from: options.from,
				to: item.to,
				subject,
				text,
				html,
				messageId,
				date: new Date(),
				locale: template.locale,
				// List-Id (RFC 2919) lets mail apps and filters recognise the newsletter as one list.
				headers: { ...listUnsubscribeHeaders(item.links.unsubscribe, envelopeFrom), 'List-Id': `<newsletter.${messageIdDomain}>` }
			});
			let handedOver = false;
			try {
				await options.transport.send({ from: envelopeFrom, to: item.to, raw }, async () => {
					const marked = await db
						.updateTable('newsletter_delivery')
						.set({
							status: 'sent',
							sent_at: now(),
							message_id: messageId,
							locale: template.locale,
							attempts: item.delivery.attempts + 1,
							claimed_by: null,
							lease_until: null,
							error: null
						})
						.where('id', '=', item.delivery.id)
						.where('claimed_by', '=', claimer)
						.where('status', '=', 'sending')
						.executeTakeFirst();
					handedOver = Number(marked.numUpdatedRows) === 1;
					return handedOver;
				});
				outcome.sent++;
			} catch (error) {
				await recordFailure(item, error, handedOver);
			}
		}

		async function recordFailure(item: Ready, error: unknown, handedOver: boolean) {
			const failure =
				error instanceof BulkSendError
					? error
					: new BulkSendError(String(error), { recipientRejected: false, permanent: false, uncertain: handedOver });
			const { delivery } = item;
			const row = db.updateTable('newsletter_delivery').where('id', '=', delivery.id);
			if (failure.uncertain) {
				// Marked sent, and the server may have it: never sent again. Staff see the note.
				await row.set({ error: `Handed over, but the server did not confirm: ${failure.message}`.slice(0, 1000) }).execute();
				outcome.sent++;
				return;
			}
			// From here the message certainly did not arrive (no hand-over, or an explicit refusal).
			const attempts = delivery.attempts + 1;
			const owned = handedOver ? row.where('status', '=', 'sent') : row.where('claimed_by', '=', claimer);
			if (failure.recipientRejected && failure.permanent) {
				await owned.set({ status: 'bounced', attempts, error: failure.message.slice(0, 1000), claimed_by: null, lease_until: null }).execute();
				await db
					.updateTable('subscriber')
					.set({ status: 'bounced', bounced_at: now(), bounce_reason: failure.message.slice(0, 500), updated_at: now() })
					.where('id', '=', delivery.subscriber_id!)
					.where('status', '=', 'confirmed')
					.execute();
				outcome.bounced++;
				options.log.warn({ campaign: campaignId, delivery: delivery.id, code: failure.responseCode }, 'address bounced');
			} else if (failure.permanent || attempts >= maxAttempts) {
				await owned.set({ status: 'failed', attempts, error: failure.message.slice(0, 1000), claimed_by: null, lease_until: null, sent_at: null }).execute();
				outcome.failed++;
			} else {
				await owned
					.set({
						status: 'queued',
						attempts,
						error: failure.message.slice(0, 1000),
						claimed_by: null,
						lease_until: null,
						sent_at: null,
						next_attempt_at: databaseTimeAfter(dialect, retryDelayMs(attempts))
					})
					.execute();
				outcome.retrying++;
			}
		}

		async function lane() {
			for (;;) {
				const item = await next();
				if (!item) return;
				const wait = nextSlot - Date.now();
				if (wait > 0 && Date.now() + wait >= deadline) {
					// Its turn comes after this slice: the next job sends it.
					queue.unshift(item);
					stopping = true;
					return;
				}
				nextSlot = Math.max(nextSlot, Date.now()) + interval;
				if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
				await deliver(item);
			}
		}

		try {
			await Promise.all(Array.from({ length: options.transport.lanes }, () => lane()));
		} finally {
			await refilling;
			if (queue.length > 0) await release(db, queue.splice(0).map((item) => item.delivery.id), claimer);
		}

		outcome.next = await whatNext(db, campaignId);
		// A slice sends its first message at once, so the rate holds across slices only if the next one waits for its turn.
		if (typeof outcome.next === 'object' && nextSlot > outcome.next.at.getTime()) outcome.next = { at: new Date(nextSlot) };
		return outcome;
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

	const jobHandlers: Record<string, JobHandler> = {
		[campaignStartJobKind]: async (db, job) => {
			const { campaignId, scheduledAt } = startPayloadSchema.parse(jobPayload(job));
			const started = await startSending(db, campaignId, { onlyIfScheduledAt: scheduledAt });
			if (started.started) options.log.info({ campaign: campaignId, recipients: started.recipients }, 'scheduled campaign started');
		},
		[campaignSendJobKind]: async (db, job) => {
			const { campaignId } = payloadSchema.parse(jobPayload(job));
			const outcome = await runSlice(db, campaignId, `job:${job.id}:${job.attempts}`);
			options.log.info({ campaign: campaignId, ...outcome }, 'campaign slice sent');
			if (typeof outcome.next === 'object') await enqueueSendJob(db, campaignId, `job:${job.id}`, outcome.next.at);
		}
	};

	return { runSlice, jobHandlers };
}

export type CampaignSender = ReturnType<typeof createCampaignSender>;
