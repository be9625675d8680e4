import { beforeAll, describe, expect, it } from 'vitest';
import {
	applicationForStaff,
	authorizedApplicationFile,
	decisionMailPlan,
	listCallApplications,
	scoredCriteriaCounts,
	reviewerWithoutAccount,
	scoresOfReviewer
} from './application-admin';
import { queueDecisionMails } from './application-mail';
import { attachFile, saveDraft, submitApplication, withdrawApplication } from './applications.service';
import { addStaff, application, openCall } from '../../../../tests/support/call-test-data';
import { assignReviewer, decideApplication, listCriteria, recordScores, saveCriteria, setShortlisted } from './review.service';
import type { CallsContext } from './calls.wiring';
import { callsContext, testMailer, testStaff } from '../../../../tests/support/domain-contexts';
import { useTestDatabase } from '../../../../tests/support/test-database';

const handle = useTestDatabase('mail_message', 'job', 'call_reviewer', 'application', 'open_call');
let calls: CallsContext;
/** A reviewer added with `addStaff`, as the acting person. */
const reviewer = (id: string) => ({ id, email: `${id}@staff.example` });

beforeAll(async () => {
	calls = callsContext(handle.db);
	await addStaff(handle.db, 'rita');
	await addStaff(handle.db, 'sam');
	await addStaff(handle.db, 'eda', 'editor');
});

async function submit(callId: number, email: string, name: string) {
	const result = await submitApplication(handle.db, { callId, input: application({ email, name }) });
	if (result.status !== 'submitted') throw new Error(result.status);
	return result.applicationId;
}

/** A call with a two-criterion rubric (weights 3 and 1), three applications and scores by two reviewers. */
async function scoredCall() {
	const callId = await openCall(handle.db);
	await saveCriteria(calls, testStaff, callId, [
		{ label: { en: 'Strength' }, weight: 3 },
		{ label: { en: 'Place' }, weight: 1 }
	]);
	const [strength, place] = (await listCriteria(handle.db, callId)).map((c) => c.id) as [number, number];
	const zoe = await submit(callId, 'zoe@example.org', 'Zoe');
	const ana = await submit(callId, 'ana@example.org', 'ana');
	const mia = await submit(callId, 'mia@example.org', 'Mia');
	await assignReviewer(calls, testStaff, { callId }, 'rita');
	await assignReviewer(calls, testStaff, { callId }, 'sam');
	// Zoe: rita 5/5 → 5, sam 1/1 → 1: average 3, spread 2.
	await recordScores(calls, reviewer('rita'), zoe, [
		{ criterionId: strength, score: 5 },
		{ criterionId: place, score: 5, comment: 'Bold' }
	]);
	await recordScores(calls, reviewer('sam'), zoe, [
		{ criterionId: strength, score: 1 },
		{ criterionId: place, score: 1 }
	]);
	// Ana: rita (4·3 + 2·1) / 4 = 3.5; alone, so spread 0.
	await recordScores(calls, reviewer('rita'), ana, [
		{ criterionId: strength, score: 4 },
		{ criterionId: place, score: 2 }
	]);
	return { callId, zoe, ana, mia, strength, place };
}

describe('the staff list of a call’s applications', () => {
	it('has each submitted application with its reviewers, weighted average and spread, and counts drafts and withdrawn ones', async () => {
		const { callId, zoe, ana, mia } = await scoredCall();
		await saveDraft(handle.db, { callId, input: application({ email: 'draft@example.org' }) });
		const withdrawn = await submitApplication(handle.db, { callId, input: application({ email: 'gone@example.org' }) });
		if (withdrawn.status !== 'submitted') throw new Error(withdrawn.status);
		await withdrawApplication(handle.db, withdrawn.token);

		const list = await listCallApplications(handle.db, callId);
		expect(list.counts).toEqual({ submitted: 3, drafts: 1, withdrawn: 1 });
		expect(list.rows.map((row) => [row.id, row.name, row.email, row.reviewers, row.average, row.spread])).toEqual([
			[zoe, 'Zoe', 'zoe@example.org', 2, 3, 2],
			[ana, 'ana', 'ana@example.org', 1, 3.5, 0],
			[mia, 'Mia', 'mia@example.org', 0, null, null]
		]);
	});

	it('sorts by average, spread or name, unscored last, and filters by decision, shortlist and review', async () => {
		const { callId, zoe, ana, mia } = await scoredCall();
		const ids = async (filters: Parameters<typeof listCallApplications>[2]) => (await listCallApplications(handle.db, callId, filters)).rows.map((r) => r.id);
		expect(await ids({ sort: 'average' })).toEqual([ana, zoe, mia]);
		expect(await ids({ sort: 'average', direction: 'asc' })).toEqual([zoe, ana, mia]);
		expect(await ids({ sort: 'spread', direction: 'desc' })).toEqual([zoe, ana, mia]);
		expect(await ids({ sort: 'name' })).toEqual([ana, mia, zoe]);
		expect(await ids({ sort: 'submitted', direction: 'desc' })).toEqual([mia, ana, zoe]);

		await setShortlisted(calls, testStaff, ana, true);
		await decideApplication(calls, testStaff, zoe, 'declined');
		expect(await ids({ shortlisted: true })).toEqual([ana]);
		expect(await ids({ shortlisted: false })).toEqual([zoe, mia]);
		expect(await ids({ decision: 'declined' })).toEqual([zoe]);
		expect(await ids({ decision: 'none' })).toEqual([ana, mia]);
		expect(await ids({ reviewed: false })).toEqual([mia]);
		expect(await ids({ reviewed: true, sort: 'name' })).toEqual([ana, zoe]);
	});
});

describe('one application for staff', () => {
	it('has every reviewer’s scores and comments in rubric order, and each reviewer’s own average', async () => {
		const { callId, zoe, strength, place } = await scoredCall();
		const seen = await applicationForStaff(handle.db, callId, zoe);
		expect(seen).toMatchObject({ name: 'Zoe', email: 'zoe@example.org', status: 'submitted', summary: { reviewers: 2, average: 3, spread: 2 } });
		expect(seen!.reviews).toEqual([
			{
				reviewerId: 'rita',
				reviewerName: 'rita',
				reviewerEmail: 'rita@staff.example',
				average: 5,
				scores: [
					{ criterionId: strength, score: 5, comment: null },
					{ criterionId: place, score: 5, comment: 'Bold' }
				]
			},
			{
				reviewerId: 'sam',
				reviewerName: 'sam',
				reviewerEmail: 'sam@staff.example',
				average: 1,
				scores: [
					{ criterionId: strength, score: 1, comment: null },
					{ criterionId: place, score: 1, comment: null }
				]
			}
		]);
		// Not of this call, or a draft: nothing.
		const other = await openCall(handle.db);
		expect(await applicationForStaff(handle.db, other, zoe)).toBeUndefined();
		const draft = await saveDraft(handle.db, { callId, input: application({ email: 'draft@example.org' }) });
		if (draft.status !== 'saved') throw new Error(draft.status);
		expect(await applicationForStaff(handle.db, callId, draft.applicationId)).toBeUndefined();
	});

	it('tells a reviewer what they scored so far', async () => {
		const { zoe, ana, mia, place } = await scoredCall();
		expect((await scoresOfReviewer(handle.db, 'rita', zoe)).get(place)).toEqual({ score: 5, comment: 'Bold' });
		expect((await scoresOfReviewer(handle.db, 'sam', ana)).size).toBe(0);
		expect(await scoredCriteriaCounts(handle.db, 'rita', [zoe, ana, mia])).toEqual(
			new Map([
				[zoe, 2],
				[ana, 2]
			])
		);
	});
});

describe('the decision e-mails still to send', () => {
	it('counts them per decision, and counts as sent only those queued for the current decision', async () => {
		const { callId, zoe, ana, mia } = await scoredCall();
		await decideApplication(calls, testStaff, zoe, 'accepted');
		await decideApplication(calls, testStaff, ana, 'waitlisted');
		await decideApplication(calls, testStaff, mia, 'declined');
		let plan = await decisionMailPlan(handle.db, callId);
		expect(plan).toEqual({ toSend: { accepted: 1, waitlisted: 1, declined: 1 }, alreadySent: 0, applicationIds: [zoe, ana, mia] });

		await queueDecisionMails(handle.db, testMailer(), callId, plan.applicationIds);
		plan = await decisionMailPlan(handle.db, callId);
		expect(plan.toSend).toEqual({ accepted: 0, waitlisted: 0, declined: 0 });
		expect(plan.alreadySent).toBe(3);

		// Ana moves up from the waiting list: her new decision is still to tell.
		await decideApplication(calls, testStaff, ana, 'accepted');
		await decideApplication(calls, testStaff, mia, null);
		plan = await decisionMailPlan(handle.db, callId);
		expect(plan).toEqual({ toSend: { accepted: 1, waitlisted: 0, declined: 0 }, alreadySent: 1, applicationIds: [zoe, ana] });
	});
});

describe('who may download an applicant’s file', () => {
	it('staff who manage calls; an assigned reviewer, but in blind review never a contact field’s file; nobody else', async () => {
		const callId = await openCall(handle.db, { blindReview: true });
		const draft = await saveDraft(handle.db, { callId, input: application() });
		if (draft.status !== 'saved') throw new Error(draft.status);
		const image = await attachFile(handle.db, draft.token, { fieldKey: 'images', storageKey: `${callId}/1/a.jpg`, originalName: 'wall.jpg', mediaType: 'image/jpeg', bytes: 10 });
		const scan = await attachFile(handle.db, draft.token, { fieldKey: 'id_scan', storageKey: `${callId}/1/b.pdf`, originalName: 'passport.pdf', mediaType: 'application/pdf', bytes: 10 });
		if (image.status !== 'attached' || scan.status !== 'attached') throw new Error('not attached');
		const rita = { id: 'rita', role: 'reviewer' };
		const sam = { id: 'sam', role: 'reviewer' };
		const eda = { id: 'eda', role: 'editor' };

		// A draft's files are nobody's business yet.
		expect(await authorizedApplicationFile(handle.db, eda, image.fileId)).toBeUndefined();
		const submitted = await submitApplication(handle.db, { callId, token: draft.token, input: application() });
		if (submitted.status !== 'submitted') throw new Error(submitted.status);
		await assignReviewer(calls, testStaff, { applicationId: submitted.applicationId }, 'rita');

		expect(await authorizedApplicationFile(handle.db, eda, image.fileId)).toMatchObject({ originalName: 'wall.jpg', mediaType: 'image/jpeg' });
		expect(await authorizedApplicationFile(handle.db, eda, scan.fileId)).toMatchObject({ originalName: 'passport.pdf' });
		// A blind reviewer gets the file under its field's name, not the applicant's.
		expect(await authorizedApplicationFile(handle.db, rita, image.fileId)).toMatchObject({ originalName: 'images-1.jpg', mediaType: 'image/jpeg' });
		expect(await authorizedApplicationFile(handle.db, rita, scan.fileId)).toBeUndefined();
		expect(await authorizedApplicationFile(handle.db, sam, image.fileId)).toBeUndefined();
		expect(await authorizedApplicationFile(handle.db, { id: 'x', role: 'visitor' }, image.fileId)).toBeUndefined();
		expect(await authorizedApplicationFile(handle.db, eda, 999_999)).toBeUndefined();

		// Without blind review the reviewer gets the contact file too.
		await handle.db.updateTable('open_call').set({ blind_review: 0 }).where('id', '=', callId).execute();
		expect(await authorizedApplicationFile(handle.db, rita, scan.fileId)).toMatchObject({ originalName: 'passport.pdf' });
	});
});

describe('reviewers without an account', () => {
	it('are named as sample reviewers for the demo content and as removed otherwise, never by a bare id', () => {
		expect(reviewerWithoutAccount('demo-reviewer-a')).toBe('Sample reviewer A (demo content)');
		expect(reviewerWithoutAccount('k3j2h4g5')).toBe('A reviewer whose account was removed');
	});
});
