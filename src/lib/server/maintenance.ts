import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { purgeUnconfirmed } from '$lib/server/newsletter/newsletter.service';
import { forgetOldAttempts } from '$lib/server/people/sign-in-throttle';
import { enqueueJob } from '$lib/server/platform/jobs/job-queue';
import type { JobHandler } from '$lib/server/platform/jobs/job-worker';

/*
 * Daily housekeeping, as a job so that one process does it however many run:
 * finished jobs and delivered e-mails are kept for a while for the admin's
 * views, then removed (the e-mails hold people's addresses); sign-in attempts
 * only matter for the lock window; newsletter sign-ups never confirmed are
 * deleted after 30 days (the ledger keeps that they were, by address hash).
 */

export const maintenanceJobKind = 'maintenance.daily';
const day = 24 * 60 * 60_000;
export const retention = { finishedJobsMs: 30 * day, sentMailMs: 90 * day };

export interface MaintenanceReport {
	jobs: number;
	mail: number;
	unconfirmedSubscribers: number;
}

export async function runMaintenance(db: Kysely<Database>, now = Date.now()): Promise<MaintenanceReport> {
	const jobsBefore = new Date(now - retention.finishedJobsMs).toISOString();
	const mailBefore = new Date(now - retention.sentMailMs).toISOString();
	const jobs = await db
		.deleteFrom('job')
		.where('status', '=', 'done')
		.where('finished_at', '<', jobsBefore)
		.executeTakeFirst();
	const mail = await db
		.deleteFrom('mail_message')
		.where('status', '=', 'sent')
		.where('sent_at', '<', mailBefore)
		.executeTakeFirst();
	await forgetOldAttempts(db, now);
	const unconfirmedSubscribers = await purgeUnconfirmed(db, now);
	return { jobs: Number(jobs.numDeletedRows), mail: Number(mail.numDeletedRows), unconfirmedSubscribers };
}

/** Asks for today's housekeeping; the key makes it once a day, whichever process asks first. */
export async function scheduleMaintenance(db: Kysely<Database>, now = new Date()): Promise<void> {
	await enqueueJob(db, maintenanceJobKind, {}, { idempotencyKey: `${maintenanceJobKind}:${now.toISOString().slice(0, 10)}` });
}

export function maintenanceJobHandlers(): Record<string, JobHandler> {
	return { [maintenanceJobKind]: async (db) => void (await runMaintenance(db)) };
}
