import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '$lib/server/db/schema';
import { databaseNow, dialectOf } from '$lib/server/db/sql-functions';
import { locales } from '$lib/i18n/locales';
import { describeError, enqueueJob, jobPayload } from '$lib/server/platform/jobs/job-queue';
import type { JobHandler } from '$lib/server/platform/jobs/job-worker';
import type { MailCalendar, MailTransport } from './transports';
import { metrics } from '$lib/server/platform/observability/metrics';

/*
 * Mail is never sent inside a request. `queue` stores the message and a
 * `mail.send` job in the caller's transaction; a job worker sends it later. The
 * stored row is what makes sending idempotent: the same idempotency key queues one
 * message, and a message already marked sent is not sent again however often its
 * job runs. (A process that dies between the SMTP server's acceptance and the row
 * being marked sent will send once more on restart: SMTP gives no way to ask
 * whether a message arrived. The Message-ID stays the same, so clients can tell.)
 */

export const mailSendJobKind = 'mail.send';

/** Headers the mailer sets itself and a caller may not replace. */
const reservedHeaders = new Set([
	'from',
	'to',
	'cc',
	'bcc',
	'reply-to',
	'sender',
	'subject',
	'date',
	'message-id',
	'mime-version',
	'content-type',
	'content-transfer-encoding',
	'content-language'
]);

const outgoingMailSchema = z.object({
	/** Names this message for good, e.g. `invitation:42` or `receipt:pi_123`: queuing it again does nothing. */
	idempotencyKey: z.string().trim().min(1).max(300),
	to: z.email(),
	/** Where an answer goes when it is not the sender (a message relayed from a visitor): one checked address, set as Reply-To. */
	replyTo: z.email().optional(),
	/** The recipient's language; the subject and bodies must be written in it. */
	locale: z.enum(locales),
	subject: z
		.string()
		.trim()
		.min(1)
		.max(500)
		.refine((s) => !/[\r\n]/.test(s), 'a subject is one line'),
	text: z.string().min(1),
	html: z.string().min(1),
	headers: z
		.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'a header name'), z.string().max(2000))
		.refine((h) => Object.keys(h).every((name) => !reservedHeaders.has(name.toLowerCase())), 'a header the mailer sets itself')
		.default({}),
	/** A calendar entry (iCalendar text) sent as the message's calendar part and attachment, so mail apps offer to add it. */
	calendar: z
		.object({
			method: z.enum(['PUBLISH', 'REQUEST', 'CANCEL']),
			filename: z.string().regex(/^[^/\\\r\n]{1,100}\.ics$/, 'a file name ending in .ics'),
			content: z.string().min(1).max(200_000)
		})
		.optional()
});

export type MailToQueue = z.input<typeof outgoingMailSchema>;

export interface QueuedMail {
	mailMessageId: number;
	jobId: number;
	/** False when a message with this idempotency key had been queued before; nothing was added. */
	created: boolean;
}

export type SendOutcome = 'sent' | 'already-sent';

export interface Mailer {
	/** The sender, as in MailerOptions. */
	readonly from: string;
	/** Stores the message and its `mail.send` job together (in the caller's transaction, if `db` is one). */
	queue(db: Kysely<Database>, message: MailToQueue): Promise<QueuedMail>;
	/** Sends a stored message unless it was sent already, and records the result. */
	sendQueuedMail(db: Kysely<Database>, mailMessageId: number, options?: { lastAttempt?: boolean }): Promise<SendOutcome>;
	/** For the job worker: `{ 'mail.send': … }`. */
	readonly jobHandlers: Readonly<Record<string, JobHandler>>;
}

export interface MailerOptions {
	transport: MailTransport;
	/** Sender, e.g. `Micro Galleries <hello@example.org>` (MAIL_FROM, or derived from the settings). */
	from: string;
	/** Overrides the job's attempts for mail (default: the queue's default). */
	maxAttempts?: number;
}

const sendPayloadSchema = z.object({ mailMessageId: z.number().int().positive() });

export function createMailer(options: MailerOptions): Mailer {
	const { transport, from } = options;
	const messageIdDomain = domainOf(from);

	async function queueIn(trx: Kysely<Database>, input: MailToQueue): Promise<QueuedMail> {
		const message = outgoingMailSchema.parse(input);
		const now = databaseNow(dialectOf(trx));
		const inserted = await trx
			.insertInto('mail_message')
			.values({
				idempotency_key: message.idempotencyKey,
				to_address: message.to,
				locale: message.locale,
				subject: message.subject,
				text_body: message.text,
				html_body: message.html,
				headers: JSON.stringify(message.replyTo ? { ...message.headers, 'Reply-To': message.replyTo } : message.headers),
				calendar: message.calendar ? JSON.stringify(message.calendar) : null,
				message_id: `<${randomUUID()}@${messageIdDomain}>`,
				created_at: now
			})
			.onConflict((oc) => oc.column('idempotency_key').doNothing())
			.returning('id')
			.executeTakeFirst();
		const mailMessageId =
			inserted?.id ??
			(
				await trx
					.selectFrom('mail_message')
					.select('id')
					.where('idempotency_key', '=', message.idempotencyKey)
					.executeTakeFirstOrThrow()
			).id;
		// Prefixed so that a mail's key can never meet another kind of job's key in the jobs table.
		const job = await enqueueJob(
			trx,
			mailSendJobKind,
			{ mailMessageId },
			{ idempotencyKey: `${mailSendJobKind}:${message.idempotencyKey}`, maxAttempts: options.maxAttempts }
		);
		return { mailMessageId, jobId: job.id, created: inserted !== undefined };
	}

	async function sendQueuedMail(
		db: Kysely<Database>,
		mailMessageId: number,
		sendOptions: { lastAttempt?: boolean } = {}
	): Promise<SendOutcome> {
		const row = await db.selectFrom('mail_message').selectAll().where('id', '=', mailMessageId).executeTakeFirst();
		if (!row) throw new Error(`Mail message ${mailMessageId} does not exist`);
		if (row.status === 'sent') return 'already-sent';

		let result;
		try {
			result = await transport.send({
				id: row.id,
				messageId: row.message_id ?? `<${randomUUID()}@${messageIdDomain}>`,
				from,
				to: row.to_address,
				locale: row.locale,
				subject: row.subject,
				text: row.text_body,
				html: row.html_body,
				headers: JSON.parse(row.headers) as Record<string, string>,
				...(row.calendar ? { calendar: JSON.parse(row.calendar) as MailCalendar } : {}),
				date: new Date()
			});
		} catch (error) {
			metrics().mailFailed();
			await db
				.updateTable('mail_message')
				.set({ status: sendOptions.lastAttempt ? 'failed' : row.status, error: describeError(error) })
				.where('id', '=', row.id)
				.where('status', '!=', 'sent')
				.execute();
			throw error;
		}

		await db
			.updateTable('mail_message')
			.set({
				status: 'sent',
				transport: transport.name,
				message_id: result.messageId,
				outbox_file: result.outboxFile ?? null,
				error: null,
				sent_at: databaseNow(dialectOf(db))
			})
			.where('id', '=', row.id)
			.execute();
		metrics().mailSent();
		return 'sent';
	}

	return {
		from,
		queue(db, message) {
			// Join the caller's transaction when there is one, so the message exists only if their change does.
			return db.isTransaction ? queueIn(db, message) : db.transaction().execute((trx) => queueIn(trx, message));
		},
		sendQueuedMail,
		jobHandlers: {
			[mailSendJobKind]: async (db, job) => {
				const { mailMessageId } = sendPayloadSchema.parse(jobPayload(job));
				await sendQueuedMail(db, mailMessageId, { lastAttempt: job.attempts >= job.max_attempts });
			}
		}
	};
}

/**
 * Which of `keys` name a message queued already. For work that runs again and
 * again over the same people (reminders every few minutes) and would otherwise
 * write each message anew only for `queue` to find its key taken.
 */
export async function queuedMailKeys(db: Kysely<Database>, keys: readonly string[]): Promise<Set<string>> {
	const found = new Set<string>();
	// Chunks keep each statement within both engines' parameter limits.
	for (let i = 0; i < keys.length; i += 500) {
		const rows = await db.selectFrom('mail_message').select('idempotency_key').where('idempotency_key', 'in', keys.slice(i, i + 500)).execute();
		for (const row of rows) found.add(row.idempotency_key);
	}
	return found;
}

/**
 * For messages keyed `<prefix><milliseconds>` (a reminder that may be asked for
 * again, at most so often): the moment in the newest such key, or null.
 */
export async function latestKeyedMoment(db: Kysely<Database>, prefix: string): Promise<number | null> {
	const row = await db
		.selectFrom('mail_message')
		.select('idempotency_key')
		.where('idempotency_key', 'like', `${prefix}%`)
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
	const at = row ? Number(row.idempotency_key.slice(prefix.length)) : NaN;
	return Number.isFinite(at) ? at : null;
}

/** The domain of the sender's address, for Message-IDs (`Name <a@b.org>` → `b.org`). */
function domainOf(from: string): string {
	const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
	return match?.[1]?.toLowerCase() ?? 'localhost';
}
