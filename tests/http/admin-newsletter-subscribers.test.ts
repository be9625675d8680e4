/**
 * The subscriber admin over HTTP against the built server, as an editor: the
 * list with its counts, filters and pages; one subscriber with the consent
 * ledger, and erasing them; the CSV export (BOM, filters, defused formulas);
 * an import from upload to the job's report; topics and the consent text.
 * A reviewer is refused everywhere, and nobody signed in is sent to sign in.
 */
import { DomUtils } from 'htmlparser2';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SubscriberStatus } from '../../src/lib/server/db/schema';
import { hashEmail } from '../../src/lib/server/newsletter/subscriber-tokens';
import { factsOf, isInside, parseHtml, rowsOf, startTestServer, type TestServer } from '../support/http';
import { AdminClient, signedIn } from '../support/staff';

let test: TestServer;
let db: Kysely<Database>;
let editor: AdminClient;
let reviewer: AdminClient;

const addresses = (html: string) => rowsOf(html, 'subscribers').map((row) => row.split(' | ')[0]);

async function seed(email: string, options: { status?: SubscriberStatus; name?: string; locale?: string; topics?: string[]; paused?: boolean } = {}) {
	const at = new Date().toISOString();
	const status = options.status ?? 'confirmed';
	const row = await db
		.insertInto('subscriber')
		.values({
			email,
			name: options.name ?? null,
			locale: options.locale ?? 'en',
			status,
			paused: options.paused ? 1 : 0,
			topics: JSON.stringify(options.topics ?? []),
			consent_text_version: 1,
			created_at: at,
			confirmed_at: status === 'pending' ? null : at,
			unsubscribed_at: status === 'unsubscribed' ? at : null,
			updated_at: at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('consent_event')
		.values({ subscriber_id: row.id, email_hash: hashEmail(email), action: 'subscribed', consent_text_version: 1, source_page: '/newsletter', method: 'double-opt-in', at, detail: JSON.stringify({ locale: options.locale ?? 'en', topics: options.topics ?? [] }) })
		.execute();
	return row.id;
}

function csvFile(text: string | Uint8Array<ArrayBuffer>, name = 'list.csv'): File {
	return new File([typeof text === 'string' ? new TextEncoder().encode(text) : text], name, { type: 'text/csv' });
}

const statement = 'They wrote their addresses on our newsletter sheet at the Kathmandu festival, May 2026.';

beforeAll(async () => {
	test = await startTestServer();
	db = (await test.openDatabase()).db;
	[editor, reviewer] = await Promise.all([signedIn(test, 'editor@example.org', 'editor'), signedIn(test, 'reviewer@example.org', 'reviewer')]);

	await seed('ana@example.org', { name: 'Ana Pérez', locale: 'es', topics: ['news', 'events'] });
	await seed('bo@example.org', { name: 'Bo', locale: 'id', topics: ['open-calls'], paused: true });
	await seed('cy@example.org', { status: 'pending', topics: ['news'] });
	await seed('left@example.org', { status: 'unsubscribed', locale: 'ne' });
	await seed('formula@example.org', { name: '=HYPERLINK("http://evil.example","x")' });
}, 180_000);

afterAll(async () => {
	await test?.stop();
});

describe('who may see subscribers', () => {
	it('sends someone not signed in to the sign-in page, and refuses a reviewer', async () => {
		const anonymous = new AdminClient(test.origin);
		const response = await anonymous.get('/admin/newsletter/subscribers?status=confirmed');
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/admin/login?next=${encodeURIComponent('/admin/newsletter/subscribers?status=confirmed')}`);
		for (const path of ['/admin/newsletter/subscribers', '/admin/newsletter/subscribers/export.csv', '/admin/newsletter/subscribers/import', '/admin/newsletter/topics']) {
			const refused = await reviewer.get(path);
			expect(refused.status, path).toBe(403);
			expect(await refused.text()).not.toContain('ana@example.org');
		}
	});
});

describe('the subscriber list', () => {
	it('shows counts per status and every subscriber, newest first', async () => {
		const response = await editor.get('/admin/newsletter/subscribers');
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(addresses(html)).toEqual(['formula@example.org', 'left@example.org', 'cy@example.org', 'bo@example.org', 'ana@example.org']);
		expect(rowsOf(html, 'subscribers')[3]).toBe('bo@example.org | Bo | id | Paused | Open calls | ' + new Date().toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' }));
		const { all } = parseHtml(html);
		const tabList = all((e) => e.name === 'ul' && e.attribs.class === 'tabs')[0];
		const tabs = all((e) => e.name === 'a' && isInside(e, tabList)).map((a) => DomUtils.textContent(a).replace(/\s+/g, ' ').trim());
		expect(tabs).toEqual(['All 5', 'Confirmed 3', 'Paused 1', 'Pending 1', 'Unsubscribed 1', 'Bounced 0']);
	});

	it('narrows the list with each filter, and the export link carries them', async () => {
		const list = async (query: string) => addresses(await (await editor.get(`/admin/newsletter/subscribers?${query}`)).text()).filter((a) => a?.includes('@'));
		expect(await list('status=confirmed')).toEqual(['formula@example.org', 'bo@example.org', 'ana@example.org']);
		expect(await list('status=paused')).toEqual(['bo@example.org']);
		expect(await list('status=pending')).toEqual(['cy@example.org']);
		expect(await list('q=p%C3%A9rez')).toEqual(['ana@example.org']);
		expect(await list('topic=news')).toEqual(['cy@example.org', 'ana@example.org']);
		expect(await list('language=ne')).toEqual(['left@example.org']);
		expect(await list('status=bounced')).toEqual([]);
		const html = await (await editor.get('/admin/newsletter/subscribers?status=confirmed&language=es')).text();
		expect(html).toContain('href="/admin/newsletter/subscribers/export.csv?status=confirmed&amp;language=es"');
		expect(html).toMatch(/<option value="es" selected/);
	});

	it('pages on the server', async () => {
		const html = await (await editor.get('/admin/newsletter/subscribers?page=2')).text();
		expect(rowsOf(html, 'subscribers')).toEqual(['No subscribers on this page.']);
		expect(html).toContain('Page 2 of 1');
	});
});

describe('one subscriber', () => {
	it('shows the fields and the consent ledger', async () => {
		const id = (await db.selectFrom('subscriber').select('id').where('email', '=', 'ana@example.org').executeTakeFirstOrThrow()).id;
		const response = await editor.get(`/admin/newsletter/subscribers/${id}`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toMatch(/<h1[^>]*>ana@example\.org<\/h1>/);
		expect(rowsOf(html, 'ledger')).toEqual([expect.stringMatching(/ \| Signed up \| 1 \| \/newsletter \| double-opt-in \| Language es; topics: news, events$/)]);
		expect((await editor.get('/admin/newsletter/subscribers/999999')).status).toBe(404);
	});

	it('erases a subscriber only when staff confirm it, keeping the ledger by hash and the audit log without the address', async () => {
		const id = await seed('erase-me@example.org', { name: 'Erase Me' });
		const refused = await editor.post(`/admin/newsletter/subscribers/${id}?/delete`, { note: 'Asked by e-mail' });
		expect(refused.status).toBe(400);
		const refusedHtml = await refused.text();
		expect(refusedHtml).toContain('Tick the box to confirm');
		expect(refusedHtml).toContain('Asked by e-mail</textarea>');
		expect(await db.selectFrom('subscriber').select('id').where('id', '=', id).executeTakeFirst()).toBeDefined();

		const erased = await editor.post(`/admin/newsletter/subscribers/${id}?/delete`, { note: 'Asked by e-mail', confirm: 'yes' });
		expect(erased.status).toBe(303);
		expect(erased.headers.get('location')).toBe('/admin/newsletter/subscribers?deleted');
		expect(await (await editor.get('/admin/newsletter/subscribers?deleted')).text()).toContain('The subscriber’s data was erased');
		expect(await db.selectFrom('subscriber').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
		const ledger = await db.selectFrom('consent_event').select(['action', 'method', 'subscriber_id', 'detail']).where('email_hash', '=', hashEmail('erase-me@example.org')).orderBy('id').execute();
		expect(ledger).toEqual([
			expect.objectContaining({ action: 'subscribed', subscriber_id: null }),
			{ action: 'deleted', method: 'staff', subscriber_id: null, detail: JSON.stringify({ note: 'Asked by e-mail' }) }
		]);
		const audit = await db.selectFrom('audit_event').selectAll().where('action', '=', 'newsletter.subscriber-erased').execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actor_email: 'editor@example.org', subject: `subscriber:${id}` });
		expect(JSON.stringify(audit[0])).not.toContain('erase-me@example.org');
		expect((await editor.get(`/admin/newsletter/subscribers/${id}`)).status).toBe(404);
	});
});

describe('the export', () => {
	it('is CSV with a byte-order mark, the filters applied and formulas defused, and it is in the audit log', async () => {
		const response = await editor.get('/admin/newsletter/subscribers/export.csv');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="subscribers-\d{4}-\d{2}-\d{2}\.csv"$/);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe('email,name,language,status,paused,topics,consent_text_version,created,confirmed,unsubscribed');
		expect(lines).toHaveLength(6);
		expect(lines.find((l) => l.startsWith('ana@'))).toMatch(/^ana@example\.org,Ana Pérez,es,confirmed,no,"news;events",1,\d{4}-/);
		expect(lines.find((l) => l.startsWith('formula@'))).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);

		const filtered = await (await editor.get('/admin/newsletter/subscribers/export.csv?status=paused')).text();
		expect(filtered.replace(/^\uFEFF/, '').trimEnd().split('\r\n')).toEqual([lines[0], expect.stringMatching(/^bo@example\.org,Bo,id,confirmed,yes,open-calls,/)]);
		const audit = await db.selectFrom('audit_event').select(['actor_email', 'detail']).where('action', '=', 'newsletter.subscribers-exported').orderBy('id').execute();
		expect(audit.map((a) => [a.actor_email, JSON.parse(a.detail) as unknown])).toEqual([
			['editor@example.org', { rows: 5, filters: {} }],
			['editor@example.org', { rows: 1, filters: { status: 'paused' } }]
		]);
	});
});

describe('importing', () => {
	it('refuses an upload without the statement of prior consent, keeping what was typed', async () => {
		const response = await editor.post('/admin/newsletter/subscribers/import?/upload', { file: csvFile('email\nnew@example.org\n'), defaultLocale: 'es', statement: '', defaultTopics: 'events' });
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('Nothing was imported');
		expect(html).toMatch(/how and when these people agreed/);
		expect(html).toContain('Tick the box to confirm that everyone in the file agreed');
		expect(html).toMatch(/<option value="es" selected/);
		expect(html).toMatch(/<input[^>]*value="events"[^>]*checked/);
		expect(await db.selectFrom('subscriber_import').select('id').execute()).toEqual([]);
	});

	it('refuses a file that is not UTF-8, saying how to save it, and keeps the statement', async () => {
		const latin1 = Uint8Array.from([...new TextEncoder().encode('email,name\nmaria@example.org,Mar'), 0xed, 0x61, 0x0a]);
		const response = await editor.post('/admin/newsletter/subscribers/import?/upload', { file: csvFile(latin1), defaultLocale: 'en', statement, affirmed: 'yes' });
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('not saved as UTF-8');
		expect(html).toContain('CSV UTF-8 (comma delimited)');
		expect(html).toContain(`${statement}</textarea>`);
	});

	it('shows an import that has not finished with a refresh for pages without JavaScript', async () => {
		const at = new Date().toISOString();
		// An import whose job has not run yet (none was queued for it here).
		const { id } = await db
			.insertInto('subscriber_import')
			.values({ status: 'queued', file_name: 'waiting.csv', csv: 'email\nw@example.org\n', default_locale: 'en', consent_statement: statement, total_rows: 1, failure: null, created_by: null, created_by_email: null, created_at: at, started_at: null, finished_at: null, updated_at: at })
			.returning('id')
			.executeTakeFirstOrThrow();
		const html = await (await editor.get(`/admin/newsletter/subscribers/import/${id}`)).text();
		expect(html).toContain('Waiting to start…');
		expect(html).toMatch(/<noscript><meta http-equiv="refresh" content="3"\s*\/?><\/noscript>/);
		expect(html).toContain('Rows done: 0 of 1');
		await db.deleteFrom('subscriber_import').where('id', '=', id).execute();
	});

	it('imports an upload as a job and shows its progress and report, downloadable as CSV', async () => {
		const file = '\uFEFFemail;name;language;topics\r\nnew1@example.org;Nima;ne;events\r\nNEW2@example.org;;;\r\nnot-an-address;X;;\r\nleft@example.org;Left;;\r\nnew3@example.org;;xx;\r\n';
		const upload = await editor.post('/admin/newsletter/subscribers/import?/upload', { file: csvFile(file, 'festival.csv'), defaultLocale: 'id', defaultTopics: 'news', statement, affirmed: 'yes' });
		expect(upload.status).toBe(303);
		const location = upload.headers.get('location') ?? '';
		expect(location).toMatch(/^\/admin\/newsletter\/subscribers\/import\/\d+$/);

		let html = await (await editor.get(location)).text();
		const deadline = Date.now() + 15_000;
		while (!html.includes('Finished') && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 300));
			html = await (await editor.get(location)).text();
		}
		expect(html).toContain('Finished');
		expect(html).not.toContain('http-equiv="refresh"');
		expect(factsOf(html, 'counts')).toEqual([
			'Imported: 2',
			'Skipped (already on the list, unsubscribed or bounced): 1',
			'Not imported (a problem in the row): 2'
		]);
		expect(rowsOf(html, 'report')).toEqual([
			'4 | not-an-address | not-an-address | Invalid address: this is not an e-mail address.',
			expect.stringMatching(/^5 \| left@example\.org \| left@example\.org \| Skipped: Unsubscribed on \d{4}-\d{2}-\d{2}: an import never adds back someone who left\.$/),
			expect.stringMatching(/^6 \| new3@example\.org \| xx \| Unknown language/)
		]);

		expect(await db.selectFrom('subscriber').select(['email', 'status', 'locale', 'topics', 'name']).where('email', 'in', ['new1@example.org', 'new2@example.org', 'left@example.org']).orderBy('email').execute()).toEqual([
			{ email: 'left@example.org', status: 'unsubscribed', locale: 'ne', topics: '[]', name: null },
			{ email: 'new1@example.org', status: 'confirmed', locale: 'ne', topics: '["events"]', name: 'Nima' },
			{ email: 'new2@example.org', status: 'confirmed', locale: 'id', topics: '["news"]', name: null }
		]);

		const report = await editor.get(`${location}/report.csv`);
		expect(report.status).toBe(200);
		const bytes = new Uint8Array(await report.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe('row,email,value,reason,outcome');
		expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['4', '5', '6']);

		const audit = await db.selectFrom('audit_event').select(['action', 'actor_email']).where('action', 'like', 'newsletter.import-%').orderBy('id').execute();
		expect(audit).toEqual([
			{ action: 'newsletter.import-started', actor_email: 'editor@example.org' },
			{ action: 'newsletter.import-finished', actor_email: 'editor@example.org' }
		]);
		const list = await (await editor.get('/admin/newsletter/subscribers/import')).text();
		expect(rowsOf(list, 'imports')).toEqual([expect.stringMatching(/^festival\.csv \| .* \| editor@example\.org \| Finished \| 2 \| 1 \| 2$/)]);
	});
});

describe('topics and the consent text', () => {
	it('adds and renames topics, keeping what was typed when something is wrong', async () => {
		const bad = await editor.post('/admin/newsletter/topics?/add', { key: 'Work Shops', 'name.en': 'Workshops', 'name.es': 'Talleres' });
		expect(bad.status).toBe(400);
		const badHtml = await bad.text();
		expect(badHtml).toContain('lower-case letters, digits and hyphens');
		expect(badHtml).toContain('value="Work Shops"');
		expect(badHtml).toContain('value="Talleres"');

		expect((await editor.post('/admin/newsletter/topics?/add', { key: 'workshops', 'name.en': 'Workshops', 'name.es': 'Talleres' })).status).toBe(200);
		expect((await editor.post('/admin/newsletter/topics?/rename', { key: 'workshops', 'name.en': 'Workshops and labs', 'name.ne': 'कार्यशाला' })).status).toBe(200);
		const html = await (await editor.get('/admin/newsletter/topics')).text();
		expect(html).toContain('value="Workshops and labs"');
		expect(html).toContain('value="कार्यशाला"');

		const refused = await editor.post('/admin/newsletter/topics?/delete', { key: 'news' });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toMatch(/“news” cannot be deleted: \d+ subscribers have chosen it/);
		expect((await editor.post('/admin/newsletter/topics?/delete', { key: 'workshops' })).status).toBe(200);
		expect(await db.selectFrom('newsletter_topic').select('key').where('key', '=', 'workshops').executeTakeFirst()).toBeUndefined();
	});

	it('publishes a new consent text version and lists the earlier one', async () => {
		const before = await db.selectFrom('newsletter_consent_text').select('version').orderBy('version', 'desc').executeTakeFirstOrThrow();
		const response = await editor.post('/admin/newsletter/topics?/publish', { 'text.en': 'Send me the newsletter; use my address for nothing else.', 'text.es': 'Envíenme el boletín.' });
		expect(response.status).toBe(200);
		const html = await (await editor.get('/admin/newsletter/topics')).text();
		expect(html).toContain(`Now in use: version ${before.version + 1}`);
		expect(html).toContain(`Version ${before.version}, published`);
		expect(html).toContain(`Publish as version ${before.version + 2}`);
		const latest = await db.selectFrom('newsletter_consent_text').select(['version', 'text']).orderBy('version', 'desc').executeTakeFirstOrThrow();
		expect(latest.version).toBe(before.version + 1);
		expect(JSON.parse(latest.text)).toEqual({ en: 'Send me the newsletter; use my address for nothing else.', es: 'Envíenme el boletín.' });
	});
});

describe('problems in the staff member’s language', () => {
	it('tells a staff member with Spanish set why rows were not imported, on the page and in the report, in Spanish', async () => {
		const ines = await signedIn(test, 'ines@example.org', 'editor');
		expect((await ines.post('/admin/account/preferences', { locale: 'es', timeZone: 'Europe/Madrid', notifyApplications: 'none' })).status).toBe(303);

		const refused = await ines.post('/admin/newsletter/subscribers/import?/upload', { file: csvFile('Correo,Nombre\nx,y\n'), defaultLocale: 'es', statement, affirmed: 'yes' });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('La primera fila debe nombrar las columnas, una de ellas «email» (la primera fila de este archivo tiene «Correo» y «Nombre»)');

		const file = 'email,name\nlucia@example.org,Lucía\nno-es-una-direccion,X\nLUCIA@example.org,Lucía otra vez\n';
		const upload = await ines.post('/admin/newsletter/subscribers/import?/upload', { file: csvFile(file, 'feria.csv'), defaultLocale: 'es', statement, affirmed: 'yes' });
		expect(upload.status).toBe(303);
		const location = upload.headers.get('location') ?? '';
		const id = Number(location.split('/').pop());
		const deadline = Date.now() + 15_000;
		while ((await db.selectFrom('subscriber_import').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status !== 'done' && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 300));
		}
		// Stored as codes, whoever reads them later.
		expect(await db.selectFrom('subscriber_import_issue').select(['row_number', 'reason']).where('import_id', '=', id).orderBy('row_number').execute()).toEqual([
			{ row_number: 3, reason: 'email-invalid' },
			{ row_number: 4, reason: 'duplicate:2' }
		]);

		const html = await (await ines.get(location)).text();
		expect(rowsOf(html, 'report')).toEqual([
			'3 | no-es-una-direccion | no-es-una-direccion | Dirección no válida: esto no es una dirección de correo.',
			'4 | LUCIA@example.org | LUCIA@example.org | Repetida en el archivo: la misma dirección está en la fila 2.'
		]);
		expect(html).not.toContain('Invalid address');

		const report = await ines.get(`${location}/report.csv`);
		const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await report.arrayBuffer())).slice(1).trimEnd().split('\r\n');
		// The column names stay as the import reads them, so the corrected file imports again.
		expect(lines).toEqual([
			'row,email,value,reason,outcome',
			'3,no-es-una-direccion,no-es-una-direccion,Dirección no válida: esto no es una dirección de correo.,no importada',
			'4,LUCIA@example.org,LUCIA@example.org,Repetida en el archivo: la misma dirección está en la fila 2.,no importada'
		]);

		// An English-speaking colleague reads the same report in English.
		expect(rowsOf(await (await editor.get(location)).text(), 'report')).toEqual([
			'3 | no-es-una-direccion | no-es-una-direccion | Invalid address: this is not an e-mail address.',
			'4 | LUCIA@example.org | LUCIA@example.org | Duplicate in the file: the same address is on row 2.'
		]);
	});

	it('reads a report stored in English before the codes in the staff member’s language', async () => {
		const ines = await signedIn(test, 'ines2@example.org', 'editor');
		expect((await ines.post('/admin/account/preferences', { locale: 'es', timeZone: 'Europe/Madrid', notifyApplications: 'none' })).status).toBe(303);
		const at = new Date().toISOString();
		const { id } = await db
			.insertInto('subscriber_import')
			.values({ status: 'done', file_name: 'old.csv', csv: '', default_locale: 'en', consent_statement: statement, total_rows: 2, failure: null, created_by: null, created_by_email: null, created_at: at, started_at: at, finished_at: at, updated_at: at })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('subscriber_import_issue')
			.values([
				{ import_id: id, row_number: 2, kind: 'error', email: 'x', value: 'x', reason: 'Invalid address: this is not an e-mail address.' },
				{ import_id: id, row_number: 3, kind: 'skipped', email: 'y@example.org', value: 'y@example.org', reason: 'Already subscribed: left as it is.' }
			])
			.execute();
		const html = await (await ines.get(`/admin/newsletter/subscribers/import/${id}`)).text();
		expect(rowsOf(html, 'report')).toEqual([
			'2 | x | x | Dirección no válida: esto no es una dirección de correo.',
			expect.stringMatching(/^3 \| y@example\.org \| y@example\.org \| .*Ya suscrita: se deja como está\.$/)
		]);
	});

	it('tells a staff member with Nepali set why a topic cannot be added or deleted, in Nepali', async () => {
		const sita = await signedIn(test, 'sita@example.org', 'editor');
		expect((await sita.post('/admin/account/preferences', { locale: 'ne', timeZone: 'Asia/Kathmandu', notifyApplications: 'none' })).status).toBe(303);
		const bad = await sita.post('/admin/newsletter/topics?/add', { key: 'Work Shops', 'name.en': '' });
		expect(bad.status).toBe(400);
		const badHtml = await bad.text();
		expect(badHtml).toContain('साना अङ्ग्रेजी अक्षर, अङ्क र हाइफन मात्र प्रयोग गर्नुहोस्');
		expect(badHtml).toContain('विषयलाई अङ्ग्रेजी नाम दिनुहोस्');
		expect(badHtml).not.toContain('lower-case letters');

		const refused = await sita.post('/admin/newsletter/topics?/delete', { key: 'news' });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toMatch(/“news” मेटाउन सकिँदैन: \S+ जना सदस्यले यसलाई रोजेका छन्/);
	});
});
