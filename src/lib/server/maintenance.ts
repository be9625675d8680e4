import type { Kysely } from 'kysely';
import type { ApplicationFileStorage } from '$lib/server/calls/application-files';
import { purgeExpiredApplications } from '$lib/server/calls/applications.service';
import type { Database } from '$lib/server/db/schema';
import { purgeUnconfirmed } from '$lib/server/newsletter/newsletter.service';
import { forgetOldAttempts } from '$lib/server/people/sign-in-throttle';
import type { DomainContext } from '$lib/server/platform/domain-context';
import { enqueueJob, retryJob } from '$lib/server/platform/jobs/job-queue';
import type { JobHandler } from '$lib/server/platform/jobs/job-worker';
import { forgetOldThrottleAttempts } from '$lib/server/platform/throttle';
import type { Actor } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';

/*
 * Daily housekeeping, as a job so that one process does it however many run:
 * finished jobs and delivered e-mails are kept for a while for the admin's
 * views, then removed (the e-mails hold people's addresses); sign-in attempts,
 * and the attempts other limits count, only matter for their windows;
 * newsletter sign-ups never confirmed are deleted after 30 days (the ledger
 * keeps that they were, by address hash); applicants' personal data and files
 * are erased once a call's retention period has passed (the files after the
 * erasure has committed); what killed processes left on disk (uploads being
 * read, photos being made) is swept.
 */

export const maintenanceJobKind = 'maintenance.daily';
const day = 24 * 60 * 60_000;
/** Failed jobs and mail stay longer than finished ones, for staff to see what went wrong, but not for ever (mail holds addresses). */
export const retention = { finishedJobsMs: 30 * day, sentMailMs: 90 * day, failedMs: 90 * day };

export interface MaintenanceReport {
	jobs: number;
	mail: number;
	unconfirmedSubscribers: number;
	/** Calls whose retention period ended, and the applications erased in them. */
	callsPurged: number;
	applicationsErased: number;
	applicationFilesDeleted: number;
	/** Staging folders and uploads that killed processes left behind. */
	leftoversSwept: number;
}

export interface MaintenanceOptions {
	/** Where applicants' files are kept (DATA_DIR/applications). The app always passes it; without it the purged applications' files are left on disk. */
	applicationFiles?: ApplicationFileStorage;
	/** Removes what killed processes left in the media storage (media/media-leftovers.ts); returns how many. */
	sweepMediaLeftovers?: (db: Kysely<Database>, now: number) => Promise<number>;
}

export async function runMaintenance(db: Kysely<Database>, now = Date.now(), options: MaintenanceOptions = {}): Promise<MaintenanceReport> {
	const jobsBefore = new Date(now - retention.finishedJobsMs).toISOString();
	const mailBefore = new Date(now - retention.sentMailMs).toISOString();
	const failedBefore = new Date(now - retention.failedMs).toISOString();
	const jobs = await db
		.deleteFrom('job')
		.where((eb) =>
			eb.or([
				eb.and([eb('status', '=', 'done'), eb('finished_at', '<', jobsBefore)]),
				eb.and([eb('status', '=', 'failed'), eb('finished_at', '<', failedBefore)])
			])
		)
		.executeTakeFirst();
	const mail = await db
		.deleteFrom('mail_message')
		.where((eb) =>
			eb.or([
				eb.and([eb('status', '=', 'sent'), eb('sent_at', '<', mailBefore)]),
				eb.and([eb('status', '=', 'failed'), eb('created_at', '<', failedBefore)])
			])
		)
		.executeTakeFirst();
	await forgetOldAttempts(db, now);
	await forgetOldThrottleAttempts(db, now);
	const unconfirmedSubscribers = await purgeUnconfirmed(db, now);
	const purge = await purgeExpiredApplications(db, { now });
	// The rows no longer point at these files: deleting them now can never leave an application without its file.
	if (purge.storageKeys.length > 0 && options.applicationFiles) await options.applicationFiles.remove(purge.storageKeys);
	// Uploads spooled by requests that never finished (the process was killed while reading them).
	const spooled = (await options.applicationFiles?.sweepIncoming(now)) ?? 0;
	const leftovers = (await options.sweepMediaLeftovers?.(db, now)) ?? 0;
	return {
		jobs: Number(jobs.numDeletedRows),
		mail: Number(mail.numDeletedRows),
		unconfirmedSubscribers,
		callsPurged: purge.calls,
		applicationsErased: purge.applications,
		applicationFilesDeleted: purge.storageKeys.length,
		leftoversSwept: spooled + leftovers
	};
}

/** Asks for today's housekeeping; the key makes it once a day, whichever process asks first. */
export async function scheduleMaintenance(db: Kysely<Database>, now = new Date()): Promise<void> {
	await enqueueJob(db, maintenanceJobKind, {}, { idempotencyKey: `${maintenanceJobKind}:${now.toISOString().slice(0, 10)}` });
}

export function maintenanceJobHandlers(options: Required<MaintenanceOptions>): Record<string, JobHandler> {
	return { [maintenanceJobKind]: async (db) => void (await runMaintenance(db, Date.now(), options)) };
}

/** Staff's retry of a failed job (from its first attempt), with the audit entry, in one transaction; false when the job has not failed. */
export async function retryFailedJob(jobs: DomainContext, actor: Actor, id: number): Promise<boolean> {
	return runCommand(jobs, actor, async ({ trx, audit }) => {
		if (!(await retryJob(trx, id))) return false;
		await audit({ action: 'job.retried', subject: `job:${id}` });
		return true;
	});
}
