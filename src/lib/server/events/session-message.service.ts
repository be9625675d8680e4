import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '$lib/server/db/schema';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import { queuedMailKeys } from '$lib/server/platform/mail/mailer';
import type { Actor } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';
import { staffMessageMailKey } from './registration-mail';
import { registrationLocale, registrationToken, type EventsContext } from './registration.service';

/*
 * Staff write to everyone confirmed for a session (a changed entrance, what to
 * bring): a subject and plain text, previewed, confirmed, then one e-mail per
 * person, queued in the command's transaction (each sent by its own mail job)
 * under a key made of the registration and the message's id. The id is drawn
 * when the preview is shown and carried by the confirmation form, so a second
 * press of "Send" (or a retried request) queues nothing more. A session's
 * confirmed registrants are at most a few hundred: queued in one transaction, the
 * messages exist exactly when the audit entry saying they were sent does.
 */

export const sessionMessageInput = z.object({
	subject: z
		.string()
		.trim()
		.min(1, 'required')
		.max(200, 'too-long')
		.refine((value) => !/[\r\n]/.test(value), 'one-line'),
	body: z.string().trim().min(1, 'required').max(10_000, 'too-long')
});
export type SessionMessageInput = z.input<typeof sessionMessageInput>;

/** A message's id: drawn for its preview (crypto.randomUUID), carried to the confirmation. */
export const messageId = z.string().regex(/^[0-9a-f-]{36}$/, 'message-id');

/** The message's checked text, or ValidationError naming the fields. */
export function checkSessionMessage(input: SessionMessageInput): { subject: string; body: string } {
	const parsed = sessionMessageInput.safeParse(input);
	if (parsed.success) return parsed.data;
	const issues: Record<string, string> = {};
	for (const issue of parsed.error.issues) issues[String(issue.path[0] ?? 'form')] ??= issue.message;
	throw new ValidationError(issues);
}

/** Who would receive a message now: confirmed registrations, counted by the language they are written to in. */
export async function messageRecipients(db: Kysely<Database>, sessionId: number): Promise<{ total: number; byLocale: Record<string, number> }> {
	const rows = await db.selectFrom('registration').select('locale').where('session_id', '=', sessionId).where('status', '=', 'confirmed').execute();
	const byLocale: Record<string, number> = {};
	for (const row of rows) {
		const locale = registrationLocale(row);
		byLocale[locale] = (byLocale[locale] ?? 0) + 1;
	}
	return { total: rows.length, byLocale };
}

export type MessageSent = { queued: number; already: boolean };

/**
 * Queues the message to every confirmed registration of the session, once per
 * `id`: sent again with the same id, nothing more is queued (`already`).
 */
export async function messageConfirmedRegistrants(context: EventsContext, actor: Actor, sessionId: number, id: string, input: SessionMessageInput): Promise<MessageSent> {
	const message = checkSessionMessage(input);
	if (!messageId.safeParse(id).success) throw new ValidationError({ id: 'message-id' });
	return runCommand(context, actor, async ({ trx, audit }) => {
		const session = await trx.selectFrom('event_session').select(['id', 'event_id', 'status']).where('id', '=', sessionId).executeTakeFirst();
		if (!session) throw new NotFoundError(`session ${sessionId}`);
		if (session.status === 'cancelled') throw new ValidationError({ session: 'cancelled' });
		const recipients = await trx.selectFrom('registration').selectAll().where('session_id', '=', sessionId).where('status', '=', 'confirmed').orderBy('id').execute();
		// Any of them queued already: this message was sent (a second press of "Send"); someone confirmed since is not sent it late.
		const sentBefore = await queuedMailKeys(trx, recipients.map((r) => staffMessageMailKey(r.id, id)));
		if (sentBefore.size > 0) return { queued: 0, already: true };
		for (const registration of recipients) {
			await context.notices.staffMessage(trx, registration, registrationToken(context.linkSecret, registration), { id, ...message });
		}
		const queued = recipients.length;
		await audit({ action: 'event.message-sent', subject: `event:${session.event_id}`, detail: { session: sessionId, message: id, subject: message.subject, recipients: queued } });
		return { queued, already: false };
	});
}
