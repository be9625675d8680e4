import type { Kysely } from 'kysely';
import type { ApplicationFileStorage } from '$lib/server/calls/application-files';
import type { MediaStorage } from '$lib/server/media/media-storage';
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
 * erasure has committed).
 */

export const maintenanceJobKind = 'maintenance.daily';
const day = 24 * 60 * 60_000;
export const retention = { finishedJobsMs: 30 * day, sentMailMs: 90 * day };

export interface MaintenanceReport {
	jobs: number;
	mail: number;
	unconfirmedSubscribers: number;
	/** Calls whose retention period ended, and the applications erased in them. */
	callsPurged: number;
	applicationsErased: number;
	applicationFilesDeleted: number;
}

export interface MaintenanceOptions {
	/** Where applicants' files are kept (DATA_DIR/applications). The app always passes it; without it the purged applications' files are left on disk. */
	applicationFiles?: ApplicationFileStorage;
	/** The media library, whose uploads and staging folders a killed process may have left. */
	mediaStorage?: Pick<MediaStorage, 'sweepLeftovers'>;
}

export async function runMaintenance(db: Kysely<Database>, now = Date.now(), options: MaintenanceOptions = {}): Promise<MaintenanceReport> {
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
	await forgetOldThrottleAttempts(db, now);
	const unconfirmedSubscribers = await purgeUnconfirmed(db, now);
	const purge = await purgeExpiredApplications(db, { now });
	// The rows no longer point at these files: deleting them now can never leave an application without its file.
	if (purge.storageKeys.length > 0 && options.applicationFiles) await options.applicationFiles.remove(purge.storageKeys);
	// Uploads spooled by requests that never finished (the process was killed while reading them).
	await options.applicationFiles?.sweepIncoming(now);
	await options.mediaStorage?.sweepLeftovers(now);
	return {
		jobs: Number(jobs.numDeletedRows),
		mail: Number(mail.numDeletedRows),
		unconfirmedSubscribers,
		callsPurged: purge.calls,
		applicationsErased: purge.applications,
		applicationFilesDeleted: purge.storageKeys.length
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
