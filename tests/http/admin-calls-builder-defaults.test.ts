/**
 * What the call builder starts with and warns about, over HTTP against the
 * built server: a new call's consent text is written already in every language;
 * a new file question accepts photos and PDFs; a call whose Nepali, Indonesian
 * or Spanish form would show English questions says which, on its page and
 * before opening, and opens once staff confirm.
 */
import { DomUtils } from 'htmlparser2';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addField, createCall } from '../../src/lib/server/calls/calls.service';
import type { Database } from '../../src/lib/server/db/schema';
import { callInput } from '../support/call-test-data';
import { callsContext, testStaff } from '../support/domain-contexts';
import { parseHtml, startTestServer, textOf, valueOf, type TestServer } from '../support/http';
import { AdminClient, signedIn } from '../support/staff';

let test: TestServer;
let db: Kysely<Database>;
let editor: AdminClient;

beforeAll(async () => {
	test = await startTestServer();
	db = (await test.openDatabase()).db;
	editor = await signedIn(test, 'editor-defaults@example.org', 'editor');
}, 180_000);

afterAll(async () => {
	await test?.stop();
});

describe('a new call', () => {
	it('starts with a consent text in every language, naming the organization', async () => {
		const organization = (await db.selectFrom('organization').select('name').executeTakeFirstOrThrow()).name;
		const html = await (await editor.get('/admin/calls/new')).text();
		const texts = Object.fromEntries(['en', 'ne', 'id', 'es'].map((l) => [l, valueOf(html, `consentText.${l}`) ?? '']));
		for (const [locale, text] of Object.entries(texts)) {
			expect(text, locale).toContain(organization);
			expect(text.length, locale).toBeGreaterThan(80);
		}
		expect(texts.en).toMatch(/^I agree/);
		expect(texts.ne).toMatch(/[\u0900-\u097f]/);
		expect(new Set(Object.values(texts)).size).toBe(4);
	});

	it('offers a new file question with photos and PDFs ticked', async () => {
		const id = await createCall(callsContext(db), testStaff, callInput());
		const html = await (await editor.get(`/admin/calls/${id}/form`)).text();
		const { all } = parseHtml(html);
		const ticked = all((e) => e.name === 'input' && e.attribs.name === 'allowedTypes' && 'checked' in e.attribs).map((e) => e.attribs.value);
		expect(ticked.sort()).toEqual(['application/pdf', 'image/heic', 'image/jpeg', 'image/png', 'image/webp']);
	});
});

describe('a call with questions only in English', () => {
	let callId: number;

	beforeAll(async () => {
		const calls = callsContext(db);
		callId = await createCall(calls, testStaff, callInput());
		await addField(calls, testStaff, callId, {
			key: 'title',
			type: 'short_text',
			label: { en: 'Project title', ne: 'परियोजनाको शीर्षक', id: 'Judul proyek', es: 'Título del proyecto' },
			required: true
		});
		await addField(calls, testStaff, callId, { key: 'statement', type: 'long_text', label: { en: 'Your statement', es: 'Tu declaración' } });
		await addField(calls, testStaff, callId, {
			key: 'medium',
			type: 'single_choice',
			label: { en: 'Medium', ne: 'माध्यम', id: 'Media', es: 'Técnica' },
			options: { choices: [{ value: 'paint', label: { en: 'Paint', ne: 'रङ', id: 'Cat', es: 'Pintura' } }, { value: 'clay', label: { en: 'Clay', es: 'Arcilla' } }] }
		});
	});

	/** The warning's lines, one per language. */
	function warningLines(html: string, id: string): string[] {
		const { all } = parseHtml(html);
		const box = all((e) => e.attribs.id === id)[0];
		if (!box) return [];
		return DomUtils.findAll((e) => e.name === 'li', [box]).map((li) => DomUtils.textContent(li).replace(/\s+/g, ' ').trim());
	}

	it('lists the untranslated questions per language on the call’s page', async () => {
		const html = await (await editor.get(`/admin/calls/${callId}`)).text();
		expect(textOf(html)).toContain('Some questions are only in English');
		expect(warningLines(html, 'untranslated')).toEqual([
			'In नेपाली: “Your statement” and “Medium”',
			'In Bahasa Indonesia: “Your statement” and “Medium”'
		]);
	});

	it('asks before opening, naming them, and opens once confirmed', async () => {
		const ask = await editor.post(`/admin/calls/${callId}?/status`, { change: 'open' });
		expect(ask.status).toBe(200);
		const html = await ask.text();
		expect(warningLines(html, 'untranslated-before-opening')).toHaveLength(2);
		expect(textOf(html)).toContain('Yes, open it with these questions in English');
		expect((await db.selectFrom('open_call').select('status').where('id', '=', callId).executeTakeFirstOrThrow()).status).toBe('draft');
		const open = await editor.post(`/admin/calls/${callId}?/status`, { change: 'open', confirm: 'yes' });
		expect(open.status).toBe(200);
		expect((await db.selectFrom('open_call').select('status').where('id', '=', callId).executeTakeFirstOrThrow()).status).toBe('open');
	});

	it('says nothing once every question is translated', async () => {
		const calls = callsContext(db);
		const id = await createCall(calls, testStaff, callInput());
		await addField(calls, testStaff, id, {
			key: 'title',
			type: 'short_text',
			label: { en: 'Project title', ne: 'परियोजनाको शीर्षक', id: 'Judul proyek', es: 'Título del proyecto' }
		});
		const html = await (await editor.get(`/admin/calls/${id}`)).text();
		expect(textOf(html)).not.toContain('only in English');
	});
});
