import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '$lib/server/db/schema';
import { enqueueJob, forgetFinishedJobs, jobPayload } from '$lib/server/platform/jobs/job-queue';
import type { JobHandler } from '$lib/server/platform/jobs/job-worker';
import { expireRunOut, type EventsContext } from './registration.service';
import { sendDueReminders } from './reminders';

/*
 * What time does to registrations, every five minutes: holds and offers that
 * ran out give their places back (and the waiting list is offered them), and
 * reminders that are due go out. One job per five-minute slot, named by the
 * slot, so that however many processes ask, it runs once; and since both steps
 * look at the state they change (and reminders go once by their key), a job
 * run twice, or a slot run late, does no harm.
 */

export const eventsDueJobKind = 'events.due';
export const eventsDueEveryMs = 5 * 60_000;

const payloadSchema = z.object({ slot: z.string() });

/** Asks for this slot's run; asking again within the slot adds nothing. Every process asks every minute. */
export async function scheduleEventsDue(db: Kysely<Database>, now = new Date()): Promise<void> {
	const slot = new Date(Math.floor(now.getTime() / eventsDueEveryMs) * eventsDueEveryMs).toISOString();
	// One attempt: a failure is kept for staff to see, and the next slot runs again anyway.
	await enqueueJob(db, eventsDueJobKind, { slot }, { idempotencyKey: `${eventsDueJobKind}:${slot}`, maxAttempts: 1 });
}

export function eventsJobHandlers(context: EventsContext): Record<string, JobHandler> {
	return {
		[eventsDueJobKind]: async (db, job) => {
			const { slot } = payloadSchema.parse(jobPayload(job));
			await expireRunOut(context);
			await sendDueReminders(context);
			// Twelve rows an hour would crowd the jobs list for the month finished jobs are kept: once an hour, drop the finished ones.
			if (slot.slice(14, 16) === '00') await forgetFinishedJobs(db, eventsDueJobKind, new Date(Date.parse(slot) - 3_600_000));
		}
	};
}
