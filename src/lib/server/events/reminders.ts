import type { RegistrationRow } from '$lib/server/db/schema';
import { queuedMailKeys } from '$lib/server/platform/mail/mailer';
import { reminderMailKey } from './registration-mail';
import { inSessionTransaction } from './registration-rules';
import { registrationToken, type EventsContext, type ReminderKind } from './registration.service';

/*
 * Reminders before a session: a day before and an hour before, to confirmed
 * registrations only, each when its event has it switched on. Run by the jobs
 * queue every few minutes (event-jobs.ts), by any number of processes.
 *
 * Each reminder goes once: its e-mail's idempotency key names the registration,
 * the kind and the session's start, so a run after a restart (or two at once)
 * queues nothing new, while a session that moved reminds again for its new time.
 * The mail queue is the record of what went; no table of its own is needed.
 *
 * Someone who confirmed within a reminder's window has just been sent
 * everything in their confirmation, and is not reminded by it: the day reminder
 * goes to people who confirmed over a day before, the hour reminder to people
 * who confirmed over an hour before. Once the hour reminder is due, the day
 * reminder no longer goes (a worker that was down for hours sends one, not two).
 */

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

export interface ReminderRun {
	day: number;
	hour: number;
}

/** Which reminder is due now for a confirmed registration, if any. */
export function dueReminder(
	registration: Pick<RegistrationRow, 'confirmed_at'>,
	session: { starts_at: string; remind_day_before: number; remind_hour_before: number },
	now: Date
): ReminderKind | null {
	const startsMs = Date.parse(session.starts_at);
	const leftMs = startsMs - now.getTime();
	const confirmedMs = registration.confirmed_at ? Date.parse(registration.confirmed_at) : -Infinity;
	if (leftMs <= 0 || leftMs > dayMs) return null;
	if (session.remind_hour_before && leftMs <= hourMs) return confirmedMs <= startsMs - hourMs ? 'hour' : null;
	if (session.remind_day_before) return confirmedMs <= startsMs - dayMs ? 'day' : null;
	return null;
}

/**
 * Queues the reminders due now and not sent yet. Cheap when nothing is due: one
 * query over the sessions starting within a day (by the index on `starts_at`).
 */
export async function sendDueReminders(context: EventsContext): Promise<ReminderRun> {
	const now = context.clock();
	const at = now.toISOString();
	const candidates = await context.db
		.selectFrom('registration')
		.innerJoin('event_session', 'event_session.id', 'registration.session_id')
		.innerJoin('event', 'event.id', 'event_session.event_id')
		.select(['registration.id', 'registration.session_id', 'registration.confirmed_at', 'event_session.starts_at', 'event.remind_day_before', 'event.remind_hour_before'])
		.where('event_session.starts_at', '>', at)
		.where('event_session.starts_at', '<=', new Date(now.getTime() + dayMs).toISOString())
		.where('event_session.status', '=', 'scheduled')
		.where((eb) => eb.or([eb('event.remind_day_before', '=', 1), eb('event.remind_hour_before', '=', 1)]))
		.where('registration.status', '=', 'confirmed')
		.orderBy('registration.session_id')
		.orderBy('registration.id')
		.execute();
	const due = candidates.flatMap((row) => {
		const kind = dueReminder(row, row, now);
		return kind ? [{ ...row, kind, key: reminderMailKey(row.id, kind, row.starts_at) }] : [];
	});
	const sent = await queuedMailKeys(context.db, due.map((reminder) => reminder.key));
	const bySession = Map.groupBy(
		due.filter((reminder) => !sent.has(reminder.key)),
		(reminder) => reminder.session_id
	);

	const run: ReminderRun = { day: 0, hour: 0 };
	for (const [sessionId, reminders] of bySession) {
		// Under the session's lock, as a cancellation takes it: nobody cancelled meanwhile is reminded, and a moved session is seen as it is now.
		await inSessionTransaction(context.db, sessionId, async (trx) => {
			const session = await trx.selectFrom('event_session').select(['status', 'starts_at']).where('id', '=', sessionId).executeTakeFirst();
			if (!session || session.status !== 'scheduled') return;
			const current = await trx.selectFrom('registration').selectAll().where('session_id', '=', sessionId).where('status', '=', 'confirmed').execute();
			const byId = new Map(current.map((registration) => [registration.id, registration]));
			for (const reminder of reminders) {
				const registration = byId.get(reminder.id);
				if (!registration || session.starts_at !== reminder.starts_at) continue;
				await context.notices.reminder(trx, registration, registrationToken(context.linkSecret, registration), reminder.kind);
				run[reminder.kind]++;
			}
		});
	}
	return run;
}
