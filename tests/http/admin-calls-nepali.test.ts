/**
 * The staff pages of a call's applications in the staff person's language:
 * someone who manages calls and chose Nepali reads the list of applications
 * and one application's page in Nepali, the call's title in Nepali too.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDraft, submitApplication } from '../../src/lib/server/calls/applications.service';
import type { Database } from '../../src/lib/server/db/schema';
import { answers, openCall } from '../support/call-test-data';
import { startTestServer, textOf, type TestServer } from '../support/http';
import { signedIn, type AdminClient } from '../support/staff';

let test: TestServer;
let db: Kysely<Database>;
let editor: AdminClient;
let callId: number;
let applicationId: number;

beforeAll(async () => {
	test = await startTestServer();
	db = (await test.openDatabase()).db;
	editor = await signedIn(test, 'sunita@example.org', 'editor');
	const saved = await editor.post('/admin/account/preferences', { locale: 'ne', timeZone: 'Asia/Kathmandu', notifyApplications: 'none' });
	expect(saved.status).toBe(303);
	callId = await openCall(db, { title: { en: 'Walls that talk', ne: 'बोल्ने पर्खालहरू' } });
	const input = { email: 'ana@example.org', name: 'Ana Shrestha', locale: 'ne' as const, answers: answers(), consent: true };
	const draft = await saveDraft(db, { callId, input });
	if (draft.status !== 'saved') throw new Error(draft.status);
	const submitted = await submitApplication(db, { callId, token: draft.token, input });
	if (submitted.status !== 'submitted') throw new Error(submitted.status);
	applicationId = submitted.applicationId;
}, 120_000);

afterAll(async () => {
	await test?.stop();
});

async function page(path: string) {
	const response = await editor.get(path);
	expect(response.status, path).toBe(200);
	const html = await response.text();
	return { text: textOf(html), lang: /<html[^>]* lang="([^"]+)"/.exec(html)?.[1] };
}

describe('a staff person who chose Nepali', () => {
	it("reads a call's applications and one application in Nepali", async () => {
		const list = await page(`/admin/calls/${callId}/applications`);
		expect(list.lang).toBe('ne');
		expect(list.text).toContain('“बोल्ने पर्खालहरू” का आवेदनहरू');
		expect(list.text).toContain('1 आवेदन पेस भएको');
		expect(list.text).toContain('निर्णयका इमेलहरू');
		expect(list.text).toContain('Ana Shrestha');
		expect(list.text).not.toContain('submitted application');
		const one = await page(`/admin/calls/${callId}/applications/${applicationId}`);
		expect(one.lang).toBe('ne');
		expect(one.text).toContain('छोटो सूचीमा छैन।');
		expect(one.text).toContain('जवाफहरू');
		expect(one.text).toContain('यो आवेदनमा अहिलेसम्म कसैले अंक दिएको छैन।');
		// The submission time in Kathmandu's zone, named.
		expect(one.text).toMatch(/GMT\+५:४५|GMT\+5:45/);
		expect(one.text).not.toContain('Shortlist and decision');
	});
});
