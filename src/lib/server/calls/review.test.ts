import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { ForbiddenError } from '$lib/server/platform/errors';
import { attachFile, submitApplication, withdrawApplication, saveDraft } from './applications.service';
import { addStaff, answers, application, openCall } from '../../../../tests/support/call-test-data';
import {
	applicationForReviewer,
	applicationsForReviewer,
	assignReviewer,
	callScoreSummaries,
	decideApplication,
	listCriteria,
	recordScores,
	reviewerCandidates,
	reviewersOfCall,
	saveCriteria,
	setShortlisted,
	submittedApplicationsOf,
	summarizeScores,
	unassignReviewer
} from './review.service';
import type { CallsContext } from './calls.wiring';
import { callsContext, testStaff } from '../../../../tests/support/domain-contexts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let calls: CallsContext;
/** A reviewer added with `addStaff`, as the acting person. */
const reviewer = (id: string) => ({ id, email: `${id}@staff.example` });

beforeAll(async () => {
	handle = await createTestDatabase();
	calls = callsContext(handle.db);
	await addStaff(handle.db, 'rita');
	await addStaff(handle.db, 'sam');
	await addStaff(handle.db, 'eda', 'editor');
	await addStaff(handle.db, 'gone', 'reviewer', '2026-06-01T00:00:00.000Z');
});
afterAll(() => handle.dispose());
beforeEach(async () => {
	await handle.db.deleteFrom('call_reviewer').execute();
	await handle.db.deleteFrom('application').execute();
	await handle.db.deleteFrom('open_call').execute();
});

async function submit(callId: number, email: string, extra: Record<string, unknown> = {}) {
	const result = await submitApplication(handle.db, { callId, input: application({ email, name: `Name of ${email}`, answers: answers(extra) }) });
	if (result.status !== 'submitted') throw new Error(result.status);
	return result;
}

describe('choosing whom to assign', () => {
	it('offers staff who may review and are not disabled, without their addresses', async () => {
		const candidates = await reviewerCandidates(handle.db);
		expect(candidates.map((c) => c.id).sort()).toEqual(['eda', 'rita', 'sam']);
		expect(candidates[0]).toEqual({ id: 'eda', name: 'eda', role: 'editor' });
	});

	it('lists a call’s submitted applications only, oldest first', async () => {
		const callId = await openCall(handle.db);
		const first = await submit(callId, 'one@example.org');
		const second = await submit(callId, 'two@example.org');
		await saveDraft(handle.db, { callId, input: application({ email: 'three@example.org' }) });
		const listed = await submittedApplicationsOf(handle.db, callId);
		expect(listed.map((a) => a.id)).toEqual([first.applicationId, second.applicationId]);
		expect(listed[0]?.name).toBe('Name of one@example.org');
	});
});

describe('assigning reviewers', () => {
	it('takes staff who may review, to a call or to one application, once', async () => {
		const callId = await openCall(handle.db);
		const { applicationId } = await submit(callId, 'ana@example.org');
		await assignReviewer(calls, testStaff, { callId }, 'rita');
		await assignReviewer(calls, testStaff, { callId }, 'rita');
		await assignReviewer(calls, testStaff, { applicationId }, 'sam');
		await assignReviewer(calls, testStaff, { callId }, 'eda');
		expect(await reviewersOfCall(handle.db, callId)).toEqual([
			{ userId: 'eda', applicationId: null },
			{ userId: 'rita', applicationId: null },
			{ userId: 'sam', applicationId }
		]);
		await expect(assignReviewer(calls, testStaff, { callId }, 'gone')).rejects.toMatchObject({ issues: { userId: 'reviewer_unknown' } });
		await expect(assignReviewer(calls, testStaff, { callId }, 'nobody')).rejects.toMatchObject({ issues: { userId: 'reviewer_unknown' } });
		await unassignReviewer(calls, testStaff, { callId }, 'eda');
		expect((await reviewersOfCall(handle.db, callId)).map((r) => r.userId)).toEqual(['rita', 'sam']);
	});
});

describe('what a reviewer sees', () => {
	it('is only what is assigned to them, submitted and not withdrawn', async () => {
		const callId = await openCall(handle.db);
		const otherCall = await openCall(handle.db);
		const ana = await submit(callId, 'ana@example.org');
		const budi = await submit(callId, 'budi@example.org');
		const withdrawn = await submit(callId, 'chandra@example.org');
		await withdrawApplication(handle.db, withdrawn.token);
		await saveDraft(handle.db, { callId, input: application({ email: 'dewi@example.org' }) });
		const elsewhere = await submit(otherCall, 'eka@example.org');

		await assignReviewer(calls, testStaff, { callId }, 'rita');
		await assignReviewer(calls, testStaff, { applicationId: budi.applicationId }, 'sam');

		expect((await applicationsForReviewer(handle.db, 'rita')).map((a) => a.id)).toEqual([ana.applicationId, budi.applicationId]);
		expect((await applicationsForReviewer(handle.db, 'sam')).map((a) => a.id)).toEqual([budi.applicationId]);
		expect(await applicationsForReviewer(handle.db, 'eda')).toEqual([]);
		expect((await applicationsForReviewer(handle.db, 'rita', { callId: otherCall })).map((a) => a.id)).toEqual([]);

		// Asking for anything else by id gets nothing.
		expect(await applicationForReviewer(handle.db, 'sam', ana.applicationId)).toBeUndefined();
		expect(await applicationForReviewer(handle.db, 'rita', elsewhere.applicationId)).toBeUndefined();
		expect(await applicationForReviewer(handle.db, 'rita', withdrawn.applicationId)).toBeUndefined();
		expect(await applicationForReviewer(handle.db, 'rita', 987_654)).toBeUndefined();
		expect(await applicationForReviewer(handle.db, 'sam', budi.applicationId)).toMatchObject({
			id: budi.applicationId,
			blind: false,
			applicantName: 'Name of budi@example.org',
			applicantEmail: 'budi@example.org',
			answers: { phone: '+977 1 5555555', backup_email: 'ana@home.example' }
		});
	});

	it('in blind review has no name, no address, and no answer or file of a contact field', async () => {
		const callId = await openCall(handle.db, { blindReview: true });
		const draft = await saveDraft(handle.db, { callId, input: application() });
		if (draft.status !== 'saved') throw new Error(draft.status);
		await attachFile(handle.db, draft.token, { fieldKey: 'images', storageKey: 'r/1.jpg', originalName: 'wall.jpg', mediaType: 'image/jpeg', bytes: 10 });
		await attachFile(handle.db, draft.token, { fieldKey: 'id_scan', storageKey: 'r/2.pdf', originalName: 'passport.pdf', mediaType: 'application/pdf', bytes: 10 });
		const submitted = await submitApplication(handle.db, { callId, token: draft.token, input: application() });
		if (submitted.status !== 'submitted') throw new Error(submitted.status);
		await assignReviewer(calls, testStaff, { callId }, 'rita');

		const [seen] = await applicationsForReviewer(handle.db, 'rita');
		expect(seen).toMatchObject({ blind: true, applicantName: null, applicantEmail: null });
		expect(seen!.answers).toEqual({ project_title: 'Walls that talk', statement: 'We paint together.', country: 'NP' });
		// The applicant's file name gives way to the field's.
		expect(seen!.files.map((f) => f.originalName)).toEqual(['images-1.jpg']);
		const text = JSON.stringify(seen);
		for (const secret of ['Ana', 'ana@', '5555555', 'passport', 'wall']) expect(text).not.toContain(secret);
	});
});

describe('scoring', () => {
	it('averages each reviewer’s weighted scores, then across reviewers, with the spread between them', () => {
		const criteria = [
			{ id: 1, weight: 3 },
			{ id: 2, weight: 1 }
		];
		const summary = summarizeScores(criteria, [
			// rita: (3·5 + 1·1) / 4 = 4
			{ reviewerId: 'rita', criterionId: 1, score: 5 },
			{ reviewerId: 'rita', criterionId: 2, score: 1 },
			// sam: (3·2 + 1·2) / 4 = 2
			{ reviewerId: 'sam', criterionId: 1, score: 2 },
			{ reviewerId: 'sam', criterionId: 2, score: 2 },
			// A score of a criterion no longer in the rubric counts for nothing.
			{ reviewerId: 'sam', criterionId: 99, score: 5 }
		]);
		expect(summary).toEqual({ reviewers: 2, average: 3, spread: 1, byCriterion: { 1: 3.5, 2: 1.5 } });
		expect(summarizeScores(criteria, [])).toEqual({ reviewers: 0, average: null, spread: null, byCriterion: {} });
		expect(summarizeScores(criteria, [{ reviewerId: 'rita', criterionId: 2, score: 4 }])).toMatchObject({ average: 4, spread: 0 });
	});

	it('records scores of assigned reviewers only, within 1 to 5, and summarizes them per application', async () => {
		const callId = await openCall(handle.db);
		await saveCriteria(calls, testStaff, callId, [
			{ label: { en: 'Idea', es: 'Idea' }, weight: 3 },
			{ label: { en: 'Feasibility' }, weight: 1 }
		]);
		const [idea, feasibility] = await listCriteria(handle.db, callId);
		const ana = await submit(callId, 'ana@example.org');
		const budi = await submit(callId, 'budi@example.org');
		await assignReviewer(calls, testStaff, { callId }, 'rita');
		await assignReviewer(calls, testStaff, { applicationId: ana.applicationId }, 'sam');

		await recordScores(calls, reviewer('rita'), ana.applicationId, [
			{ criterionId: idea!.id, score: 5, comment: 'Strong idea' },
			{ criterionId: feasibility!.id, score: 1 }
		]);
		await recordScores(calls, reviewer('sam'), ana.applicationId, [
			{ criterionId: idea!.id, score: 1 },
			{ criterionId: feasibility!.id, score: 2 }
		]);
		// Scoring again replaces the earlier score.
		await recordScores(calls, reviewer('sam'), ana.applicationId, [{ criterionId: idea!.id, score: 2 }]);

		await expect(recordScores(calls, reviewer('sam'), budi.applicationId, [{ criterionId: idea!.id, score: 3 }])).rejects.toBeInstanceOf(ForbiddenError);
		await expect(recordScores(calls, reviewer('eda'), ana.applicationId, [{ criterionId: idea!.id, score: 3 }])).rejects.toBeInstanceOf(ForbiddenError);
		await expect(recordScores(calls, reviewer('rita'), ana.applicationId, [{ criterionId: idea!.id, score: 6 }])).rejects.toMatchObject({
			issues: { 'scores.0.score': 'score_invalid' }
		});
		await expect(recordScores(calls, reviewer('rita'), ana.applicationId, [{ criterionId: idea!.id, score: 0 }])).rejects.toMatchObject({
			issues: { 'scores.0.score': 'score_invalid' }
		});
		const otherCall = await openCall(handle.db);
		await saveCriteria(calls, testStaff, otherCall, [{ label: { en: 'Other' }, weight: 1 }]);
		const [foreign] = await listCriteria(handle.db, otherCall);
		await expect(recordScores(calls, reviewer('rita'), ana.applicationId, [{ criterionId: foreign!.id, score: 3 }])).rejects.toMatchObject({
			issues: { 'scores.0.criterionId': 'criterion_unknown' }
		});

		const summaries = await callScoreSummaries(handle.db, callId);
		expect(summaries.get(ana.applicationId)).toEqual({
			reviewers: 2,
			average: 3,
			spread: 1,
			byCriterion: { [idea!.id]: 3.5, [feasibility!.id]: 1.5 }
		});
		expect(summaries.get(budi.applicationId)).toEqual({ reviewers: 0, average: null, spread: null, byCriterion: {} });
	});

	it('keeps the rubric in order, changes criteria in place and drops removed ones with their scores', async () => {
		const callId = await openCall(handle.db);
		await saveCriteria(calls, testStaff, callId, [
			{ label: { en: 'Idea' }, weight: 2 },
			{ label: { en: 'Place' }, weight: 1 }
		]);
		const [idea, place] = await listCriteria(handle.db, callId);
		const ana = await submit(callId, 'ana@example.org');
		await assignReviewer(calls, testStaff, { callId }, 'rita');
		await recordScores(calls, reviewer('rita'), ana.applicationId, [
			{ criterionId: idea!.id, score: 4 },
			{ criterionId: place!.id, score: 2 }
		]);
		await saveCriteria(calls, testStaff, callId, [
			{ label: { en: 'Community' }, weight: 5 },
			{ id: idea!.id, label: { en: 'Idea and craft' }, weight: 2 }
		]);
		expect((await listCriteria(handle.db, callId)).map((c) => [c.label.en, c.weight, c.position])).toEqual([
			['Community', 5, 0],
			['Idea and craft', 2, 1]
		]);
		expect(await handle.db.selectFrom('review_score').select(['criterion_id', 'score']).execute()).toEqual([{ criterion_id: idea!.id, score: 4 }]);
		await expect(saveCriteria(calls, testStaff, callId, [{ label: { es: 'Sin inglés' }, weight: 1 }])).rejects.toMatchObject({
			issues: { 'criteria.0.label.en': 'required' }
		});
		await expect(saveCriteria(calls, testStaff, callId, [{ label: { en: 'Heavy' }, weight: 0 }])).rejects.toMatchObject({
			issues: { 'criteria.0.weight': 'weight_invalid' }
		});
	});
});

describe('shortlist and decisions', () => {
	it('apply to submitted applications and can be undone', async () => {
		const callId = await openCall(handle.db);
		const ana = await submit(callId, 'ana@example.org');
		await setShortlisted(calls, testStaff, ana.applicationId, true);
		await decideApplication(calls, testStaff, ana.applicationId, 'waitlisted');
		let row = await handle.db.selectFrom('application').selectAll().where('id', '=', ana.applicationId).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ shortlisted: 1, decision: 'waitlisted' });
		expect(row.decided_at).not.toBeNull();
		await decideApplication(calls, testStaff, ana.applicationId, null);
		row = await handle.db.selectFrom('application').selectAll().where('id', '=', ana.applicationId).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ decision: null, decided_at: null });
		await expect(decideApplication(calls, testStaff, ana.applicationId, 'maybe' as never)).rejects.toMatchObject({ issues: { decision: 'decision_invalid' } });

		await withdrawApplication(handle.db, ana.token);
		await expect(decideApplication(calls, testStaff, ana.applicationId, 'accepted')).rejects.toMatchObject({ issues: { decision: 'not_submitted' } });
	});
});
