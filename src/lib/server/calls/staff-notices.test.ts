import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Mailer } from '$lib/server/platform/mail/mailer';
import { createCallsMail, type CallsMail } from './application-mail';
import { submitApplication } from './applications.service';
import { assignReviewer } from './review.service';
import { queueApplicationDigests, scheduleApplicationDigest, applicationDigestJobKind } from './staff-notices';
import { addStaff, application, openCall } from '../../../../tests/support/call-test-data';
import { callsContext, testMailer, testStaff } from '../../../../tests/support/domain-contexts';
import { useTestDatabase } from '../../../../tests/support/test-database';

const handle = useTestDatabase('mail_message', 'job', 'review_score', 'call_reviewer', 'application', 'open_call', 'user');
let mailer: Mailer;
let mail: CallsMail;
const origin = 'https://art.example.org';
const messages = () => handle.db.selectFrom('mail_message').selectAll().orderBy('to_address').execute();

async function staff(id: string, role: 'admin' | 'editor' | 'reviewer', choice: { notify: 'none' | 'each' | 'daily'; locale: string; timeZone: string | null; disabled?: boolean }) {
	await addStaff(handle.db, id, role, choice.disabled ? '2026-01-01T00:00:00.000Z' : null);
	await handle.db.updateTable('user').set({ notifyApplications: choice.notify, locale: choice.locale, timeZone: choice.timeZone }).where('id', '=', id).execute();
}

beforeAll(() => {
	mailer = testMailer();
	mail = createCallsMail({ mailer, origin });
});

describe('an e-mail to staff for each new application', () => {
	let callId: number;
	let applicationId: number;

	beforeEach(async () => {
		await staff('maya', 'editor', { notify: 'each', locale: 'ne', timeZone: 'Asia/Kathmandu' });
		await staff('rosa', 'reviewer', { notify: 'each', locale: 'es', timeZone: 'America/New_York' });
		await staff('tom', 'reviewer', { notify: 'each', locale: 'en', timeZone: null });
		await staff('quiet', 'admin', { notify: 'none', locale: 'en', timeZone: 'UTC' });
		await staff('gone', 'editor', { notify: 'each', locale: 'en', timeZone: 'UTC', disabled: true });
		callId = await openCall(handle.db, { title: { en: 'Walls that talk', ne: 'बोल्ने भित्ताहरू', es: 'Muros que hablan' } });
		// Rosa reviews this call; Tom reviews another one.
		await assignReviewer(callsContext(handle.db), testStaff, { callId }, 'rosa');
		const other = await openCall(handle.db);
		await assignReviewer(callsContext(handle.db), testStaff, { callId: other }, 'tom');
		const result = await submitApplication(handle.db, { callId, input: application() }, { mail });
		if (result.status !== 'submitted') throw new Error(result.status);
		applicationId = result.applicationId;
	});

	it('goes to those who chose it and handle the call, in their language, with the time in their zone, naming nobody', async () => {
		const staffMails = (await messages()).filter((row) => row.to_address.endsWith('@staff.example'));
		expect(staffMails.map((row) => row.to_address)).toEqual(['maya@staff.example', 'rosa@staff.example']);
		const [maya, rosa] = staffMails;
		expect(maya!.locale).toBe('ne');
		expect(maya!.subject).toBe('नयाँ आवेदन: बोल्ने भित्ताहरू');
		expect(maya!.text_body).toMatch(/GMT\+५:४५/);
		// The manager opens it among the call's applications; the reviewer on their review page.
		expect(maya!.text_body).toContain(`${origin}/admin/calls/${callId}/applications/${applicationId}`);
		expect(rosa!.subject).toBe('Nueva solicitud: Muros que hablan');
		expect(rosa!.text_body).toMatch(/GMT-5|EST/);
		expect(rosa!.text_body).toContain(`${origin}/admin/reviews/${applicationId}`);
		for (const row of staffMails) {
			expect(row.text_body).not.toContain('Ana');
			expect(row.text_body).toContain(`${origin}/admin/account/preferences`);
		}
	});

	it('is queued once however often it is asked for', async () => {
		const before = (await messages()).length;
		await mail.submission(handle.db, { applicationId, token: 'unused' });
		expect((await messages()).length).toBe(before);
	});
});

describe('the daily summary', () => {
	it('counts the day’s applications per call for each person who chose it, and sends nothing to those with none', async () => {
		await staff('lee', 'editor', { notify: 'daily', locale: 'id', timeZone: 'Asia/Jakarta' });
		await staff('ana', 'reviewer', { notify: 'daily', locale: 'en', timeZone: 'UTC' });
		const first = await openCall(handle.db, { title: { en: 'Walls that talk' } });
		const second = await openCall(handle.db, { title: { en: 'Night market' } });
		for (const [callId, email] of [
			[first, 'a@example.org'],
			[first, 'b@example.org'],
			[second, 'c@example.org']
		] as const) {
			const result = await submitApplication(handle.db, { callId, input: application({ email }) });
			if (result.status !== 'submitted') throw new Error(result.status);
		}
		const day = (await handle.db.selectFrom('application').select('submitted_at').executeTakeFirstOrThrow()).submitted_at!.slice(0, 10);
		expect(await queueApplicationDigests(handle.db, { mailer, origin }, day)).toBe(1);
		const [digest, ...others] = (await messages()).filter((row) => row.to_address.endsWith('@staff.example'));
		// Ana reviews nothing: no summary for her.
		expect(others).toEqual([]);
		expect(digest!.to_address).toBe('lee@staff.example');
		expect(digest!.subject).toBe('3 lamaran baru kemarin');
		expect(digest!.text_body).toContain('Walls that talk: 2 lamaran');
		expect(digest!.text_body).toContain('Night market: 1 lamaran');
		// Asked again for the same day (a retried job), nothing more goes out.
		expect(await queueApplicationDigests(handle.db, { mailer, origin }, day)).toBe(0);
		// The day before had none.
		const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
		expect(await queueApplicationDigests(handle.db, { mailer, origin }, dayBefore)).toBe(0);
	});

	it('is asked for once a day, for yesterday, sent at six in the morning UTC', async () => {
		await scheduleApplicationDigest(handle.db, new Date('2027-03-02T01:00:00Z'));
		await scheduleApplicationDigest(handle.db, new Date('2027-03-02T05:00:00Z'));
		const jobs = await handle.db.selectFrom('job').select(['payload', 'run_at']).where('kind', '=', applicationDigestJobKind).execute();
		expect(jobs).toHaveLength(1);
		expect(JSON.parse(jobs[0]!.payload)).toEqual({ day: '2027-03-01' });
		expect(new Date(jobs[0]!.run_at).toISOString()).toBe('2027-03-02T06:00:00.000Z');
	});
});
