/**
 * Staff and the collective's artists against the built server: a profile made
 * by hand stays private until the artist agrees through the link staff send (in
 * the artist's language, over SMTP); a withdrawal staff record on the artist's
 * behalf takes it down and shows in the ledger as given by staff; hiding needs a
 * reason; and an initiative's credit follows the artist's consent (profile link,
 * name only, neutral wording). Every change leaves an audit entry.
 */
import { DomUtils } from 'htmlparser2';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { parseHtml, rowsOf, startTestServer, type TestServer } from '../support/http';
import { startSmtpSink } from '../support/smtp';
import { AdminClient, signedIn } from '../support/staff';
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let test: TestServer;
let db: Kysely<Database>;
let editor: AdminClient;

beforeAll(async () => {
	sink = await startSmtpSink();
	test = await startTestServer({ SMTP_URL: sink.url });
	db = (await test.openDatabase()).db;
	editor = await signedIn(test, 'collective-editor@example.org', 'editor');
}, 180_000);

afterAll(async () => {
	await test?.stop();
	await sink?.close();
});

const publicStatus = async (path: string) => (await fetch(test.origin + path, { redirect: 'manual' })).status;
const publicHtml = async (path: string) => (await fetch(test.origin + path)).text();

function formOf(fields: Record<string, string>) {
	return {
		name: '',
		pronouns: '',
		email: '',
		locale: 'en',
		city: '',
		country: '',
		languages: '',
		mediums: '',
		'bio.en': '',
		'link.0.kind': 'website',
		'link.0.url': '',
		portrait: '',
		...fields
	};
}

describe('a profile staff make', () => {
	const email = 'night-heron@example.org';
	let artistPath = '';

	it('is private until the artist agrees through the link staff send in the artist’s language', async () => {
		const created = await editor.post('/admin/artists/new?/create', formOf({ name: 'Night Heron Test', email: 'Night-Heron@example.org', locale: 'es', country: 'CO', 'bio.en': 'Prints at night.' }));
		expect(created.status).toBe(303);
		artistPath = created.headers.get('location')!.replace(/\?.*$/, '');
		expect(artistPath).toMatch(/^\/admin\/artists\/\d+$/);
		const row = await db.selectFrom('artist').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
		expect(row.slug).toBe('night-heron-test');
		expect(await publicStatus('/artists/night-heron-test')).toBe(404);

		expect((await editor.post(`${artistPath}?/invite`, {})).status).toBe(200);
		const mail = await sink.waitFor((m) => [m.to].flat().some((t) => t?.value.some((v) => v.address === email)), 15_000);
		expect(mail.subject).toContain(es.mail_artist_link_subject.split('{site}')[0]!.trim());
		const link = new URL(/https?:\/\/\S+\/artists\/profile\/[\w-]{43}/.exec(mail.text ?? '')![0]!).pathname;
		expect(link.startsWith('/es/')).toBe(true);

		const own = parseHtml(await (await fetch(test.origin + link)).text());
		const saveForm = own.all((e) => e.name === 'form' && (e.attribs.action ?? '').includes('?/save'))[0]!;
		const fields = new URLSearchParams();
		for (const input of DomUtils.findAll((e) => e.name === 'input' && e.attribs.type !== 'checkbox' && Boolean(e.attribs.name), [saveForm])) fields.append(input.attribs.name!, input.attribs.value ?? '');
		fields.append('country', 'CO');
		fields.append('locale', 'es');
		fields.append('bio.en', 'Prints at night.');
		fields.append('consent', 'directory');
		const saved = await fetch(test.origin + `${link}?/save`, { method: 'POST', body: fields, headers: { Origin: test.origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' } });
		expect(saved.status).toBe(200);
		expect(await publicStatus('/artists/night-heron-test')).toBe(200);
		const audit = await db.selectFrom('audit_event').select('action').where('subject', '=', `artist:${row.id}`).orderBy('id').execute();
		expect(audit.map((a) => a.action)).toEqual(['artist.created', 'artist.invited', 'artist.profile-saved']);
	});

	it('comes down at once when staff record a withdrawal on the artist’s behalf, which the ledger shows as given by staff', async () => {
		expect((await editor.post(`${artistPath}?/withdraw`, { purpose: 'directory' })).status).toBe(200);
		expect(await publicStatus('/artists/night-heron-test')).toBe(404);
		const page = await (await editor.get(artistPath)).text();
		const ledger = rowsOf(page, 'ledger');
		expect(ledger).toHaveLength(2);
		expect(ledger[0]).toMatch(/directory \| agreed \| artist \| profile-link \| 2$/);
		expect(ledger[1]).toMatch(/directory \| withdrawn \| staff \| staff \| 2$/);
	});

	it('hides only with a reason, and shows again', async () => {
		expect((await editor.post(`${artistPath}?/hide`, { reason: ' ' })).status).toBe(400);
		expect((await editor.post(`${artistPath}?/hide`, { reason: 'Asked by phone' })).status).toBe(200);
		const row = await db.selectFrom('artist').select(['hidden', 'hidden_reason']).where('slug', '=', 'night-heron-test').executeTakeFirstOrThrow();
		expect([Number(row.hidden), row.hidden_reason]).toEqual([1, 'Asked by phone']);
		expect((await editor.post(`${artistPath}?/unhide`, {})).status).toBe(200);
		expect(Number((await db.selectFrom('artist').select('hidden').where('slug', '=', 'night-heron-test').executeTakeFirstOrThrow()).hidden)).toBe(0);
	});

	it('refuses a link that is not a web address and keeps what was typed', async () => {
		const response = await editor.post(`${artistPath}?/save`, formOf({ name: 'Night Heron Test', email, 'link.0.url': 'javascript:alert(1)' }));
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('javascript:alert(1)');
		expect(html).toContain('Type a full web address');
	});
});

describe('initiative credits of the collective’s artists', () => {
	it('link a public profile, name an artist who allows only that, and use neutral wording once the name is withdrawn', async () => {
		const patan = await publicHtml('/initiatives/patan-empower-2018');
		expect(patan).toMatch(/<a href="\/artists\/lumen-moth">Lumen Moth<\/a>/);
		const graz = await publicHtml('/initiatives/graz-2019');
		expect(graz).toContain('Grey Heron Studio');
		expect(graz).not.toContain('/artists/grey-heron-studio');
		// The artist page lists where they are credited.
		expect(await publicHtml('/artists/lumen-moth')).toContain('/initiatives/patan-empower-2018');

		const heron = await db.selectFrom('artist').select('id').where('slug', '=', 'grey-heron-studio').executeTakeFirstOrThrow();
		expect((await editor.post(`/admin/artists/${heron.id}?/withdraw`, { purpose: 'credit_name' })).status).toBe(200);
		const after = await publicHtml('/initiatives/graz-2019');
		expect(after).not.toContain('Grey Heron Studio');
		expect(after).toContain(en.artist_credit_neutral);
		expect(await publicHtml('/es/initiatives/graz-2019')).toContain(es.artist_credit_neutral);
	});
});

describe('choosing the artist of a credit', () => {
	it('is a list of the collective’s artists by name in the initiative editor, with the credited one chosen', async () => {
		const patan = await db.selectFrom('initiative').select(['id', 'credits']).where('slug', '=', 'patan-empower-2018').executeTakeFirstOrThrow();
		const moth = await db.selectFrom('artist').select('id').where('slug', '=', 'lumen-moth').executeTakeFirstOrThrow();
		const row = (JSON.parse(patan.credits) as { artistId?: unknown }[]).findIndex((c) => Number(c.artistId) === moth.id);
		expect(row, 'the demo credits Lumen Moth in Patan').toBeGreaterThanOrEqual(0);
		const doc = parseHtml(await (await editor.get(`/admin/content/initiative/${patan.id}`)).text());
		const select = doc.all((e) => e.name === 'select' && e.attribs.name === `credits.${row}.artistId`)[0];
		expect(select, 'a list to choose the artist from').toBeDefined();
		const options = doc.all((e) => e.name === 'option' && e.parent === select);
		expect(options.map((o) => DomUtils.textContent(o))).toContain('Lumen Moth');
		const chosen = options.filter((o) => o.attribs.selected !== undefined).map((o) => o.attribs.value);
		expect(chosen).toEqual([String(moth.id)]);
	});
});
