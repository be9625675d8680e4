import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContent } from '$lib/server/demo/demo-content';
import { seedDemoContent } from '$lib/server/demo/demo-seed';
import { createTestDatabase } from '$lib/server/db/test-database';
import { instantToZonedWallTime } from '$lib/server/shared/zoned-time';
import { callPhase } from './call-time';
import { listCalls, listFields, updateCall, callFormValues } from './calls.service';
import { callScoreSummaries, listCriteria } from './review.service';
import { callsContext, testStaff } from '../../../../tests/support/domain-contexts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const seededAt = '2026-11-26T12:00:00.000Z';

beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(() => handle.dispose());

describe('the demo calls', () => {
	it('are seeded with the rest of the demo content: two open calls and one closed for review, each with a form, a rubric and scored applications', async () => {
		expect(await seedDemoContent(handle.db, demoContent, seededAt)).toBe(true);
		const calls = await listCalls(handle.db);
		expect(calls.map((call) => [call.kind, callPhase(call, Date.parse(seededAt))]).sort()).toEqual([
			['artists', 'open'],
			['hosts', 'open'],
			['volunteers', 'closed']
		]);
		for (const call of calls) {
			// Deadlines at 23:59 in a real zone, weeks from the seeding (or days before it, for the closed one).
			expect(instantToZonedWallTime(call.deadlineAt, call.timeZone).slice(11)).toBe('23:59');
			const weeks = (Date.parse(call.deadlineAt) - Date.parse(seededAt)) / (7 * 86_400_000);
			expect(call.kind === 'volunteers' ? weeks < 0 : weeks > 3).toBe(true);
			for (const locale of ['en', 'es', 'id', 'ne'] as const) {
				expect(call.title[locale]?.length).toBeGreaterThan(0);
				expect(call.summary[locale]?.length).toBeGreaterThan(0);
			}
			const fields = await listFields(handle.db, call.id);
			expect(fields.length).toBeGreaterThanOrEqual(5);
			expect(fields.length).toBeLessThanOrEqual(8);
			expect(new Set(fields.map((field) => field.type)).size).toBeGreaterThanOrEqual(4);
			const criteria = await listCriteria(handle.db, call.id);
			expect(criteria.length).toBeGreaterThanOrEqual(3);
			expect(criteria.length).toBeLessThanOrEqual(4);
			const summaries = [...(await callScoreSummaries(handle.db, call.id)).values()];
			expect(summaries.length).toBeGreaterThanOrEqual(2);
			expect(summaries.some((summary) => summary.average !== null && summary.reviewers >= 1)).toBe(true);
		}
		const artists = calls.find((call) => call.kind === 'artists')!;
		expect(artists.blindReview).toBe(true);
		expect(artists.timeZone).toBe('Australia/Sydney');
	});

	it('are seeded once, and never over what staff changed since', async () => {
		const before = await listCalls(handle.db);
		const artists = before.find((call) => call.kind === 'artists')!;
		await updateCall(callsContext(handle.db), testStaff, artists.id, { ...callFormValues(artists), title: { en: 'Our own title' } });
		expect(await seedDemoContent(handle.db, demoContent, '2026-12-01T00:00:00.000Z')).toBe(false);
		const after = await listCalls(handle.db);
		expect(after.map((call) => call.id)).toEqual(before.map((call) => call.id));
		expect(after.find((call) => call.id === artists.id)!.title.en).toBe('Our own title');
		expect(await handle.db.selectFrom('application').select('id').execute()).toHaveLength(
			demoContent.calls.reduce((sum, call) => sum + call.applications.length, 0)
		);
	});
});
