import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachUpload, createApplicationFileStorage } from '$lib/server/calls/application-files';
import { saveDraft, submitApplication } from '$lib/server/calls/applications.service';
import { application, openCall, smallPdf } from '../../../tests/support/call-test-data';
import { createTestDatabase } from '$lib/server/db/test-database';
import { reserveSignInAttempt } from '$lib/server/people/sign-in-throttle';
import { claimJobs, completeJob, enqueueJob } from '$lib/server/platform/jobs/job-queue';
import { maintenanceJobKind, retention, runMaintenance, scheduleMaintenance } from './maintenance';

describe('daily housekeeping', () => {
	let handle: Awaited<ReturnType<typeof createTestDatabase>>;
	beforeAll(async () => {
		handle = await createTestDatabase();
	});
	afterAll(() => handle.dispose());

	it('removes finished jobs and delivered mail past their time, and keeps everything else', async () => {
		const db = handle.db;
		const now = Date.now();
		const long = new Date(now - retention.sentMailMs - 60_000).toISOString();
		for (const key of ['old', 'recent']) await enqueueJob(db, 'test.kind', {}, { idempotencyKey: key });
		const claimed = await claimJobs(db, { workerId: 'w', limit: 10, leaseMs: 60_000 });
		for (const job of claimed) await completeJob(db, job.id, 'w');
		await db.updateTable('job').set({ finished_at: long }).where('idempotency_key', '=', 'old').execute();
		await enqueueJob(db, 'test.kind', {}, { idempotencyKey: 'still-pending' });
		// Failed ones stay longer, for staff to see what went wrong, then go too.
		for (const key of ['failed-long-ago', 'failed-lately']) await enqueueJob(db, 'test.kind', {}, { idempotencyKey: key });
		await db.updateTable('job').set({ status: 'failed', finished_at: new Date(now - retention.failedMs - 60_000).toISOString() }).where('idempotency_key', '=', 'failed-long-ago').execute();
		await db.updateTable('job').set({ status: 'failed', finished_at: new Date(now - retention.finishedJobsMs - 60_000).toISOString() }).where('idempotency_key', '=', 'failed-lately').execute();

		const mail = (key: string, status: 'sent' | 'queued' | 'failed', sentAt: string | null, createdAt = long) => ({
			idempotency_key: key,
			to_address: 'a@example.org',
			locale: 'en',
			subject: 's',
			text_body: 't',
			html_body: 'h',
			headers: '{}',
			message_id: `<${key}@example.org>`,
			status,
			sent_at: sentAt,
			created_at: createdAt
		});
		await db
			.insertInto('mail_message')
			.values([
				mail('m-old', 'sent', long),
				mail('m-new', 'sent', new Date(now).toISOString()),
				mail('m-queued', 'queued', null),
				mail('m-failed-long-ago', 'failed', null, new Date(now - retention.failedMs - 60_000).toISOString()),
				mail('m-failed-lately', 'failed', null, new Date(now - 86_400_000).toISOString())
			])
			.execute();
		await reserveSignInAttempt(db, { email: 'a@example.org', ip: '1.2.3.4' }, now - 2 * 86_400_000);
		await reserveSignInAttempt(db, { email: 'a@example.org', ip: '1.2.3.4' }, now);

		const subscriber = (email: string, status: 'pending' | 'confirmed', updatedAt: string) => ({
			email,
			status,
			consent_text_version: 1,
			created_at: updatedAt,
			updated_at: updatedAt
		});
		const thirtyOneDaysAgo = new Date(now - 31 * 86_400_000).toISOString();
		await db
			.insertInto('subscriber')
			.values([
				subscriber('never-confirmed@example.org', 'pending', thirtyOneDaysAgo),
				subscriber('recent-sign-up@example.org', 'pending', new Date(now - 86_400_000).toISOString()),
				subscriber('long-time-reader@example.org', 'confirmed', thirtyOneDaysAgo)
			])
			.execute();

		expect(await runMaintenance(db, now)).toEqual({
			jobs: 2,
			mail: 2,
			unconfirmedSubscribers: 1,
			callsPurged: 0,
			applicationsErased: 0,
			applicationFilesDeleted: 0,
			leftoversSwept: 0
		});
		const left = (await db.selectFrom('subscriber').select('email').execute()).map((s) => s.email).sort();
		expect(left).toEqual(['long-time-reader@example.org', 'recent-sign-up@example.org']);
		const jobs = (await db.selectFrom('job').select('idempotency_key').execute()).map((j) => j.idempotency_key).sort();
		expect(jobs).toEqual(['failed-lately', 'recent', 'still-pending']);
		const mails = (await db.selectFrom('mail_message').select('idempotency_key').execute()).map((m) => m.idempotency_key).sort();
		expect(mails).toEqual(['m-failed-lately', 'm-new', 'm-queued']);
		expect(await db.selectFrom('sign_in_attempt').select('at').execute()).toHaveLength(1);
	});

	it('erases applicants’ data and files once a call’s retention period has passed, and only then', async () => {
		const db = handle.db;
		const dataDir = mkdtempSync(join(tmpdir(), 'maintenance-'));
		const applicationFiles = createApplicationFileStorage(dataDir);
		try {
			const now = Date.now();
			const day = 86_400_000;
			const expired = await openCall(db);
			const kept = await openCall(db);
			const submitted = await submitApplication(db, { callId: expired, input: application() });
			const draft = await saveDraft(db, { callId: expired, input: application({ email: 'later@example.org' }) });
			const other = await submitApplication(db, { callId: kept, input: application() });
			if (submitted.status !== 'submitted' || draft.status !== 'saved' || other.status !== 'submitted') throw new Error('not set up');
			await attachUpload(db, applicationFiles, draft.token, { fieldKey: 'id_scan', fileName: 'id.pdf', bytes: await smallPdf() });
			await attachUpload(db, applicationFiles, other.token, { fieldKey: 'id_scan', fileName: 'id.pdf', bytes: await smallPdf() });
			const [draftFile, otherFile] = await db.selectFrom('application_file').select('storage_key').orderBy('id').execute();
			// The first call's deadline was 31 days ago with 30 days' retention; the second's 29 days ago.
			await db
				.updateTable('open_call')
				.set({ opens_at: new Date(now - 60 * day).toISOString(), deadline_at: new Date(now - 31 * day).toISOString(), retention_days: 30 })
				.where('id', '=', expired)
				.execute();
			await db
				.updateTable('open_call')
				.set({ opens_at: new Date(now - 60 * day).toISOString(), deadline_at: new Date(now - 29 * day).toISOString(), retention_days: 30 })
				.where('id', '=', kept)
				.execute();

			const report = await runMaintenance(db, now, { applicationFiles });
			expect(report).toMatchObject({ callsPurged: 1, applicationsErased: 2, applicationFilesDeleted: 1 });
			expect(existsSync(applicationFiles.pathOf(draftFile!.storage_key))).toBe(false);
			expect(existsSync(applicationFiles.pathOf(otherFile!.storage_key))).toBe(true);
			const rows = await db.selectFrom('application').select(['call_id', 'status', 'applicant_email', 'token_hash']).orderBy('id').execute();
			expect(rows).toEqual([
				{ call_id: expired, status: 'submitted', applicant_email: null, token_hash: null },
				{ call_id: kept, status: 'submitted', applicant_email: 'ana@example.org', token_hash: expect.any(String) }
			]);
			// Done once: running again finds nothing more to do.
			expect(await runMaintenance(db, now + 60_000, { applicationFiles })).toMatchObject({ callsPurged: 0, applicationsErased: 0 });
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
	});

	it('is asked for once a day, however often and by however many processes', async () => {
		const day = new Date('2026-11-26T10:00:00Z');
		await scheduleMaintenance(handle.db, day);
		await scheduleMaintenance(handle.db, new Date('2026-11-26T23:00:00Z'));
		await scheduleMaintenance(handle.db, new Date('2026-11-27T01:00:00Z'));
		const rows = await handle.db.selectFrom('job').select('idempotency_key').where('kind', '=', maintenanceJobKind).execute();
		expect(rows.map((r) => r.idempotency_key).sort()).toEqual([`${maintenanceJobKind}:2026-11-26`, `${maintenanceJobKind}:2026-11-27`]);
	});
});
