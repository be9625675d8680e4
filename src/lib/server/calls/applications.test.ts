import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseTimeAfter } from '$lib/server/db/sql-functions';
import { createTestDatabase } from '$lib/server/db/test-database';
import { ValidationError } from '$lib/server/platform/errors';
import { hashApplicationToken } from './application-tokens';
import {
	attachFile,
	deleteApplicationData,
	editApplication,
	findApplicationByToken,
	purgeExpiredApplications,
	removeFile,
	saveDraft,
	submitApplication,
	withdrawApplication
} from './applications.service';
import { addStaff, answers, application, openCall } from '../../../../tests/support/call-test-data';
import { setCallStatus } from './calls.service';
import { createCallsMail } from './application-mail';
import { callsContext, testStaff } from '../../../../tests/support/domain-contexts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const dayMs = 24 * 60 * 60_000;

beforeAll(async () => {
	handle = await createTestDatabase();
	await addStaff(handle.db, 'rita');
});
afterAll(() => handle.dispose());
beforeEach(async () => {
	await handle.db.deleteFrom('application').execute();
	await handle.db.deleteFrom('open_call').execute();
});

function tamper(token: string): string {
	return `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
}

async function moveDeadline(callId: number, msFromDatabaseNow: number) {
	await handle.db
		.updateTable('open_call')
		.set({ deadline_at: databaseTimeAfter(handle.dialect, msFromDatabaseNow) })
		.where('id', '=', callId)
		.execute();
}

async function submitted(callId: number, overrides: Record<string, unknown> = {}) {
	const result = await submitApplication(handle.db, { callId, input: application(overrides) });
	if (result.status !== 'submitted') throw new Error(`not submitted: ${result.status}`);
	return result;
}

describe('drafts', () => {
	it('are saved with a private link, kept only as a hash, and resumed by it', async () => {
		const callId = await openCall(handle.db);
		const saved = await saveDraft(handle.db, { callId, input: application({ name: '', answers: { project_title: 'Half' } }) });
		expect(saved.status).toBe('saved');
		if (saved.status !== 'saved') return;
		expect(saved.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const row = await handle.db.selectFrom('application').selectAll().where('id', '=', saved.applicationId).executeTakeFirstOrThrow();
		expect(row.token_hash).toBe(hashApplicationToken(saved.token));
		expect(JSON.stringify(row)).not.toContain(saved.token);
		expect(row.applicant_email).toBe('ana@example.org');
		expect(row.status).toBe('draft');

		const again = await saveDraft(handle.db, {
			callId,
			token: saved.token,
			input: application({ answers: { project_title: 'Whole', backup_email: 'not an address yet' } })
		});
		expect(again).toEqual({ status: 'saved', applicationId: saved.applicationId, token: saved.token });
		const found = await findApplicationByToken(handle.db, saved.token);
		expect(found).toMatchObject({
			status: 'found',
			application: { status: 'draft', name: 'Ana Shrestha', locale: 'ne', answers: { project_title: 'Whole', backup_email: 'not an address yet' } },
			call: { id: callId }
		});
	});

	it('need an address to send the link to, and refuse oversized text', async () => {
		const callId = await openCall(handle.db);
		await expect(saveDraft(handle.db, { callId, input: application({ email: 'nobody' }) })).rejects.toMatchObject({ issues: { email: 'email_invalid' } });
		await expect(saveDraft(handle.db, { callId, input: application({ answers: { project_title: 'x'.repeat(301) } }) })).rejects.toMatchObject({
			issues: { 'answers.project_title': 'too_long' }
		});
	});

	it('may be kept without an address, mailing no link, until one is given', async () => {
		const callId = await openCall(handle.db);
		const queued: string[] = [];
		const mail = createCallsMail({ mailer: { queue: async (_db: unknown, message: { to: string }) => void queued.push(message.to) } as never, origin: 'https://example.org' });
		const saved = await saveDraft(handle.db, { callId, input: application({ email: '', answers: { project_title: 'Kept' } }) }, { mail });
		expect(saved.status).toBe('saved');
		if (saved.status !== 'saved') return;
		expect(queued).toEqual([]);
		const found = await findApplicationByToken(handle.db, saved.token);
		expect(found).toMatchObject({ status: 'found', application: { email: '', status: 'draft', answers: { project_title: 'Kept' } } });
		await saveDraft(handle.db, { callId, token: saved.token, input: application({ answers: { project_title: 'Kept' } }) }, { mail });
		expect(queued).toEqual(['ana@example.org']);
		const submittedDraft = await submitApplication(handle.db, { callId, token: saved.token, input: application() });
		expect(submittedDraft.status).toBe('submitted');
	});

	it('cannot be saved for a call that is not open', async () => {
		const callId = await openCall(handle.db);
		await setCallStatus(callsContext(handle.db), testStaff, callId, 'close');
		expect(await saveDraft(handle.db, { callId, input: application() })).toEqual({ status: 'call_closed' });
		expect(await saveDraft(handle.db, { callId: 424242, input: application() })).toEqual({ status: 'call_not_found' });
		const upcoming = await openCall(handle.db, { opensAt: '2099-01-01T00:00', deadlineAt: '2099-02-01T00:00' });
		expect(await saveDraft(handle.db, { callId: upcoming, input: application() })).toEqual({ status: 'call_not_open' });
	});
});

describe('private links', () => {
	it('open nothing when tampered with, malformed or unknown', async () => {
		const callId = await openCall(handle.db);
		const { token } = await submitted(callId);
		expect((await findApplicationByToken(handle.db, token)).status).toBe('found');
		expect(await findApplicationByToken(handle.db, tamper(token))).toEqual({ status: 'unknown' });
		expect(await findApplicationByToken(handle.db, `${token}x`)).toEqual({ status: 'unknown' });
		expect(await findApplicationByToken(handle.db, "' or 1=1 --")).toEqual({ status: 'unknown' });
		expect(await withdrawApplication(handle.db, tamper(token))).toEqual({ status: 'unknown' });
		expect(await editApplication(handle.db, tamper(token), application())).toEqual({ status: 'unknown' });
		expect(await deleteApplicationData(handle.db, tamper(token))).toEqual({ status: 'unknown' });
	});
});

describe('submitting', () => {
	it('stores clean answers, the moment by the database’s clock, and returns the private link', async () => {
		const callId = await openCall(handle.db);
		const before = Date.now();
		const result = await submitted(callId, { answers: answers({ country: 'np', backup_email: 'Ana@Home.Example' }) });
		const found = await findApplicationByToken(handle.db, result.token);
		if (found.status !== 'found') throw new Error('not found');
		expect(found.application).toMatchObject({ status: 'submitted', email: 'ana@example.org', locale: 'ne' });
		expect(found.application.answers).toMatchObject({ country: 'NP', backup_email: 'ana@home.example' });
		expect(Date.parse(found.application.submittedAt!)).toBeGreaterThanOrEqual(before - 5000);
		expect(result.locale).toBe('ne');
	});

	it('shows every problem at once: answers, consent and eligibility', async () => {
		const callId = await openCall(handle.db, { eligibility: { en: 'Artists living in South Asia' } });
		const error = await submitApplication(handle.db, {
			callId,
			input: application({ name: '', consent: false, answers: { project_title: '', country: 'Atlantis', backup_email: 'ana@' } })
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).issues).toEqual({
			name: 'required',
			'answers.project_title': 'required',
			'answers.country': 'country_unknown',
			'answers.backup_email': 'email_invalid',
			consent: 'consent_required',
			eligibility: 'eligibility_required'
		});
		expect(await handle.db.selectFrom('application').selectAll().execute()).toEqual([]);
		const ok = await submitApplication(handle.db, { callId, input: application({ eligibilityConfirmed: true }) });
		expect(ok.status).toBe('submitted');
		const row = await handle.db.selectFrom('application').selectAll().executeTakeFirstOrThrow();
		expect(row.eligibility_confirmed_at).not.toBeNull();
		expect(row.consented_at).not.toBeNull();
	});

	it('turns a draft into a submission under the same link, once', async () => {
		const callId = await openCall(handle.db);
		const draft = await saveDraft(handle.db, { callId, input: application({ answers: { project_title: 'Draft' } }) });
		if (draft.status !== 'saved') throw new Error(draft.status);
		const result = await submitApplication(handle.db, { callId, token: draft.token, input: application() });
		expect(result).toMatchObject({ status: 'submitted', applicationId: draft.applicationId, token: draft.token });
		expect(await submitApplication(handle.db, { callId, token: draft.token, input: application() })).toEqual({ status: 'already_submitted' });
		expect(await saveDraft(handle.db, { callId, token: draft.token, input: application() })).toEqual({ status: 'already_submitted' });
		// A link of one call does not open an application to another.
		const other = await openCall(handle.db);
		expect(await submitApplication(handle.db, { callId: other, token: draft.token, input: application() })).toEqual({ status: 'unknown' });
	});

	it('is refused after the deadline by the database’s clock, whatever the app’s clock says, and the draft keeps its content', async () => {
		const callId = await openCall(handle.db);
		const draft = await saveDraft(handle.db, { callId, input: application() });
		if (draft.status !== 'saved') throw new Error(draft.status);
		await moveDeadline(callId, 1000);
		await new Promise((resolve) => setTimeout(resolve, 1200));
		// The app's clock is a day early; the database's decides.
		const late = await submitApplication(handle.db, { callId, token: draft.token, input: application() }, { now: Date.now() - dayMs });
		expect(late).toEqual({ status: 'deadline_passed' });
		expect(await submitApplication(handle.db, { callId, input: application() })).toEqual({ status: 'deadline_passed' });
		const found = await findApplicationByToken(handle.db, draft.token);
		expect(found).toMatchObject({ status: 'found', application: { status: 'draft', answers: { project_title: 'Walls that talk' } } });
	});

	it('is taken up to the last moment before the deadline', async () => {
		const callId = await openCall(handle.db);
		await moveDeadline(callId, 2000);
		expect((await submitApplication(handle.db, { callId, input: application() }, { now: Date.now() + dayMs })).status).toBe('submitted');
	});

	it('recognises the same answers sent twice from one address as a duplicate', async () => {
		const callId = await openCall(handle.db);
		await submitted(callId);
		expect(await submitApplication(handle.db, { callId, input: application({ email: 'ANA@example.org' }) })).toEqual({ status: 'duplicate_submission' });
		// Different work from the same person is welcome when the call sets no limit.
		expect((await submitApplication(handle.db, { callId, input: application({ answers: answers({ project_title: 'Second wall' }) }) })).status).toBe(
			'submitted'
		);
		// The same answers from someone else are theirs to send.
		expect((await submitApplication(handle.db, { callId, input: application({ email: 'budi@example.org' }) })).status).toBe('submitted');
	});

	it('keeps to the call’s limit per person; withdrawn applications do not count', async () => {
		const callId = await openCall(handle.db, { maxSubmissionsPerPerson: 2 });
		const first = await submitted(callId, { answers: answers({ project_title: 'One' }) });
		await submitted(callId, { answers: answers({ project_title: 'Two' }) });
		expect(await submitApplication(handle.db, { callId, input: application({ answers: answers({ project_title: 'Three' }) }) })).toEqual({
			status: 'submission_limit_reached'
		});
		await withdrawApplication(handle.db, first.token);
		expect((await submitApplication(handle.db, { callId, input: application({ answers: answers({ project_title: 'Three' }) }) })).status).toBe('submitted');
	});

	it('keeps to a limit of one even when submissions arrive at the same time', async () => {
		const callId = await openCall(handle.db, { maxSubmissionsPerPerson: 1 });
		const results = await Promise.all(
			[1, 2, 3, 4, 5].map((n) => submitApplication(handle.db, { callId, input: application({ answers: answers({ project_title: `Wall ${n}` }) }) }))
		);
		expect(results.filter((r) => r.status === 'submitted')).toHaveLength(1);
		expect(results.filter((r) => r.status === 'submission_limit_reached')).toHaveLength(4);
	});
});

describe('after submitting', () => {
	it('the applicant edits until the deadline, then not', async () => {
		const callId = await openCall(handle.db);
		const { token } = await submitted(callId);
		expect(await editApplication(handle.db, token, { ...application({ answers: answers({ project_title: 'Better title' }) }), locale: 'es' })).toMatchObject({
			status: 'updated'
		});
		const found = await findApplicationByToken(handle.db, token);
		expect(found).toMatchObject({ application: { locale: 'es', email: 'ana@example.org', answers: { project_title: 'Better title' } } });
		await expect(editApplication(handle.db, token, application({ answers: answers({ country: 'ZZ' }) }))).rejects.toMatchObject({
			issues: { 'answers.country': 'country_unknown' }
		});
		await moveDeadline(callId, -1000);
		expect(await editApplication(handle.db, token, application())).toEqual({ status: 'deadline_passed' });
	});

	it('the applicant withdraws, once; a withdrawn application is not edited', async () => {
		const callId = await openCall(handle.db);
		const { token } = await submitted(callId);
		expect(await withdrawApplication(handle.db, token)).toMatchObject({ status: 'withdrawn' });
		expect(await withdrawApplication(handle.db, token)).toMatchObject({ status: 'already_withdrawn' });
		expect(await editApplication(handle.db, token, application())).toEqual({ status: 'not_editable' });
		expect(await findApplicationByToken(handle.db, token)).toMatchObject({ application: { status: 'withdrawn' } });
	});
});

describe('files', () => {
	const jpeg = { fieldKey: 'images', storageKey: 'a/1.jpg', originalName: 'wall.jpg', mediaType: 'image/jpeg', bytes: 400_000 };

	it('are attached within the field’s types, size and number, and count for required fields', async () => {
		const callId = await openCall(handle.db, {}, [
			{ key: 'project_title', type: 'short_text', label: { en: 'Title' }, required: true },
			{ key: 'images', type: 'file', label: { en: 'Images' }, required: true, options: { allowedTypes: ['image/jpeg'], maxBytes: 1_000_000, maxFiles: 2 } }
		]);
		const draft = await saveDraft(handle.db, { callId, input: application({ answers: { project_title: 'Wall' } }) });
		if (draft.status !== 'saved') throw new Error(draft.status);
		await expect(submitApplication(handle.db, { callId, token: draft.token, input: application() })).rejects.toMatchObject({
			issues: { 'answers.images': 'required' }
		});
		await expect(attachFile(handle.db, draft.token, { ...jpeg, mediaType: 'application/pdf' })).rejects.toMatchObject({
			issues: { 'answers.images': 'file_type_not_allowed' }
		});
		await expect(attachFile(handle.db, draft.token, { ...jpeg, bytes: 2_000_000 })).rejects.toMatchObject({ issues: { 'answers.images': 'file_too_large' } });
		await expect(attachFile(handle.db, draft.token, { ...jpeg, fieldKey: 'project_title' })).rejects.toMatchObject({
			issues: { 'answers.project_title': 'field_unknown' }
		});
		const first = await attachFile(handle.db, draft.token, jpeg);
		await attachFile(handle.db, draft.token, { ...jpeg, storageKey: 'a/2.jpg' });
		await expect(attachFile(handle.db, draft.token, { ...jpeg, storageKey: 'a/3.jpg' })).rejects.toMatchObject({ issues: { 'answers.images': 'too_many_files' } });
		expect(await attachFile(handle.db, tamper(draft.token), jpeg)).toEqual({ status: 'unknown' });

		if (first.status !== 'attached') throw new Error(first.status);
		expect(await removeFile(handle.db, draft.token, first.fileId)).toEqual({ status: 'removed', storageKey: 'a/1.jpg' });
		expect((await submitApplication(handle.db, { callId, token: draft.token, input: application() })).status).toBe('submitted');
		const found = await findApplicationByToken(handle.db, draft.token);
		expect(found).toMatchObject({
			application: { files: [{ fieldKey: 'images', originalName: 'wall.jpg', mediaType: 'image/jpeg', bytes: 400_000 }] }
		});
		// After submitting, the only file of a required field can be replaced but not removed.
		if (found.status !== 'found') throw new Error(found.status);
		await expect(removeFile(handle.db, draft.token, found.application.files[0]!.id)).rejects.toMatchObject({ issues: { 'answers.images': 'required' } });
	});
});

async function scoreDirectly(applicationId: number, callId: number) {
	const criterion = await handle.db
		.insertInto('review_criterion')
		.values({ call_id: callId, label: '{"en":"Idea"}', weight: 1, position: 0 })
		.returning('id')
		.executeTakeFirstOrThrow();
	const at = new Date().toISOString();
	await handle.db
		.insertInto('review_score')
		.values({ application_id: applicationId, reviewer_id: 'rita', criterion_id: criterion.id, score: 4, comment: 'Ana’s wall is lovely', created_at: at, updated_at: at })
		.execute();
}

describe('erasing personal data', () => {
	it('at the applicant’s request: address, name, answers, files and comments go; status and scores stay; the link stops working', async () => {
		const callId = await openCall(handle.db);
		const { token, applicationId } = await submitted(callId);
		await attachFile(handle.db, token, { fieldKey: 'images', storageKey: 'b/1.jpg', originalName: 'x.jpg', mediaType: 'image/jpeg', bytes: 10 });
		await scoreDirectly(applicationId, callId);

		expect(await deleteApplicationData(handle.db, token)).toEqual({ status: 'deleted', storageKeys: ['b/1.jpg'] });
		const row = await handle.db.selectFrom('application').selectAll().where('id', '=', applicationId).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ applicant_email: null, applicant_name: null, answers: '{}', token_hash: null, status: 'withdrawn' });
		expect(row.personal_data_erased_at).not.toBeNull();
		expect(await handle.db.selectFrom('application_file').selectAll().execute()).toEqual([]);
		expect(await handle.db.selectFrom('review_score').select(['score', 'comment']).execute()).toEqual([{ score: 4, comment: null }]);
		expect(await findApplicationByToken(handle.db, token)).toEqual({ status: 'unknown' });
		expect(await deleteApplicationData(handle.db, token)).toEqual({ status: 'unknown' });
	});

	it('deletes a draft entirely', async () => {
		const callId = await openCall(handle.db);
		const draft = await saveDraft(handle.db, { callId, input: application() });
		if (draft.status !== 'saved') throw new Error(draft.status);
		expect(await deleteApplicationData(handle.db, draft.token)).toEqual({ status: 'deleted', storageKeys: [] });
		expect(await handle.db.selectFrom('application').selectAll().execute()).toEqual([]);
	});

	it('when the retention period after the deadline ends, for every application of the call, once', async () => {
		const expired = await openCall(handle.db, { retentionDays: 30 });
		const kept = await openCall(handle.db, { retentionDays: 365 });
		const one = await submitted(expired);
		await submitted(expired, { email: 'budi@example.org' });
		await saveDraft(handle.db, { callId: expired, input: application({ email: 'chandra@example.org' }) });
		await attachFile(handle.db, one.token, { fieldKey: 'images', storageKey: 'c/1.pdf', originalName: 'cv.pdf', mediaType: 'application/pdf', bytes: 10 });
		await scoreDirectly(one.applicationId, expired);
		const other = await submitted(kept);
		// Both deadlines were 40 days ago.
		const deadline = new Date(Date.now() - 40 * dayMs).toISOString();
		await handle.db.updateTable('open_call').set({ deadline_at: deadline, status: 'closed' }).execute();

		const result = await purgeExpiredApplications(handle.db);
		expect(result).toEqual({ calls: 1, applications: 3, storageKeys: ['c/1.pdf'] });
		const rows = await handle.db.selectFrom('application').selectAll().where('call_id', '=', expired).orderBy('id').execute();
		// The counts stay (two submitted); the draft, never submitted, is gone.
		expect(rows.map((row) => [row.status, row.applicant_email, row.answers])).toEqual([
			['submitted', null, '{}'],
			['submitted', null, '{}']
		]);
		expect(await handle.db.selectFrom('review_score').select(['score', 'comment']).execute()).toEqual([{ score: 4, comment: null }]);
		expect(await findApplicationByToken(handle.db, one.token)).toEqual({ status: 'unknown' });
		expect((await findApplicationByToken(handle.db, other.token)).status).toBe('found');
		expect((await handle.db.selectFrom('open_call').select('personal_data_purged_at').where('id', '=', expired).executeTakeFirstOrThrow()).personal_data_purged_at).not.toBeNull();

		expect(await purgeExpiredApplications(handle.db)).toEqual({ calls: 0, applications: 0, storageKeys: [] });
		// A year on, the other call's turn comes.
		expect((await purgeExpiredApplications(handle.db, { now: Date.now() + 330 * dayMs })).calls).toBe(1);
	});
});
