import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import type { SubscriberStatus } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';
import { createJobWorker } from '$lib/server/platform/jobs/job-worker';
import { cellsReadAsFormulas, hostileCells } from '../../../../tests/support/csv-readings';
import { readPreferences, subscribe } from './newsletter.service';
import {
	checkRows,
	decodeImportReason,
	encodeImportReason,
	importReasonEnglish,
	type ImportReason,
	getImportProgress,
	importIssueCsvBatches,
	importJobKind,
	importLimits,
	listImportIssues,
	parseImportText,
	processImport,
	readImportFile,
	startImport,
	subscriberImportJobHandlers,
	type StartImportInput
} from './subscriber-import';
import { subscriberLinkTokens } from './subscriber-links';
import { hashEmail } from './subscriber-tokens';
import { newsletterContext, withClock } from '../../../../tests/support/domain-contexts';

/* Importing subscribers from CSV, on SQLite (and PostgreSQL with TEST_DATABASE_URL). */

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const secret = 'a-test-secret-for-newsletter-links-0123456789';
const t0 = Date.parse('2026-11-26T10:00:00.000Z');
const statement = 'They signed our newsletter list at the Pokhara festival stall in March 2026.';
const staff = { id: 'staff-1', email: 'editor@example.org' };

beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(() => handle.dispose());
beforeEach(async () => {
	await handle.db.deleteFrom('subscriber_import_issue').execute();
	await handle.db.deleteFrom('subscriber_import').execute();
	await handle.db.deleteFrom('job').execute();
	await handle.db.deleteFrom('consent_event').execute();
	await handle.db.deleteFrom('subscriber_token').execute();
	await handle.db.deleteFrom('subscriber').execute();
});

const utf8 = (text: string) => new TextEncoder().encode(text);

function input(csv: string | Uint8Array, overrides: Partial<StartImportInput> = {}): StartImportInput {
	return {
		fileName: 'list.csv',
		bytes: typeof csv === 'string' ? utf8(csv) : csv,
		statement,
		affirmed: true,
		defaultLocale: 'en',
		defaultTopics: [],
		...overrides
	};
}

/** Starts an import and runs it to the end. */
async function runImport(csv: string | Uint8Array, overrides: Partial<StartImportInput> = {}) {
	const { id } = await startImport(withClock(newsletterContext(handle.db), t0), staff, input(csv, overrides));
	await processImport(handle.db, id, { linkSecret: secret, now: () => t0 });
	return id;
}

async function existing(email: string, status: SubscriberStatus, extra: { locale?: string; topics?: string[] } = {}) {
	const at = new Date(t0 - 86_400_000).toISOString();
	const row = await handle.db
		.insertInto('subscriber')
		.values({
			email,
			name: null,
			locale: extra.locale ?? 'es',
			status,
			topics: JSON.stringify(extra.topics ?? ['events']),
			consent_text_version: 1,
			created_at: at,
			confirmed_at: status === 'pending' ? null : at,
			unsubscribed_at: status === 'unsubscribed' ? '2026-06-01T08:00:00.000Z' : null,
			updated_at: at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

const subscriberByEmail = (email: string) => handle.db.selectFrom('subscriber').selectAll().where('email', '=', email).executeTakeFirst();

describe('reading the file', () => {
	it('refuses bytes that are not UTF-8 (a Latin-1 export) and says how to save the file', () => {
		// "José" in Latin-1: é is the single byte 0xE9.
		const latin1 = Uint8Array.from([...utf8('email,name\njose@example.org,Jos'), 0xe9, ...utf8('\n')]);
		const result = readImportFile(latin1);
		expect(result).toMatchObject({ ok: false, problem: { code: 'not-utf8' } });
		expect(result.ok ? '' : result.message).toMatch(/not saved as UTF-8/);
		expect(result.ok ? '' : result.message).toContain('CSV UTF-8');
	});

	it('accepts UTF-8 with a byte-order mark, and drops the mark', () => {
		const result = readImportFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('email,name\nana@example.org,Ána\n')]));
		expect(result).toEqual({ ok: true, text: 'email,name\nana@example.org,Ána\n' });
	});

	it('refuses UTF-16 text, an empty upload and a file over the size limit', () => {
		expect(readImportFile(Uint8Array.from([0xff, 0xfe, 0x65, 0x00]))).toMatchObject({ ok: false, problem: { code: 'utf16' }, message: expect.stringMatching(/UTF-16/) });
		expect(readImportFile(new Uint8Array(0))).toMatchObject({ ok: false, problem: { code: 'empty' }, message: expect.stringMatching(/empty/) });
		expect(readImportFile(new Uint8Array(importLimits.maxBytes + 1).fill(0x61))).toMatchObject({ ok: false, problem: { code: 'too-large', megabytes: 10 }, message: expect.stringMatching(/larger than 10 MB/) });
	});
});

describe('parsing rows', () => {
	it('reads semicolon-separated files, where several topics come quoted', () => {
		const parsed = parseImportText('E-mail;Name;Language;Topics\r\nana@example.org;Ana Pérez;es;"news;events"\r\n');
		expect(parsed).toEqual({
			ok: true,
			delimiter: ';',
			rows: [{ row: 2, email: 'ana@example.org', name: 'Ana Pérez', language: 'es', topics: 'news;events' }]
		});
	});

	it('reads comma-separated files with ;-separated topics in one cell, quoted names, and keeps spreadsheet row numbers past blank rows', () => {
		const parsed = parseImportText('email,name,topics\nana@example.org,"Pérez, Ana",news;events\n,,\n\nbo@example.org,,\n');
		expect(parsed.ok && parsed.rows).toEqual([
			{ row: 2, email: 'ana@example.org', name: 'Pérez, Ana', language: '', topics: 'news;events' },
			{ row: 5, email: 'bo@example.org', name: '', language: '', topics: '' }
		]);
	});

	it('takes a file without a header when its first cell is an address, and an Excel "sep=" line', () => {
		expect(parseImportText('ana@example.org,Ana,id\n')).toMatchObject({ ok: true, rows: [{ row: 1, email: 'ana@example.org', name: 'Ana', language: 'id' }] });
		expect(parseImportText('sep=;\nemail;name\nana@example.org;Ana\n')).toMatchObject({ ok: true, delimiter: ';', rows: [{ email: 'ana@example.org', name: 'Ana' }] });
	});

	it('explains a missing email column, an empty list and too many rows', () => {
		expect(parseImportText('Address,Who\nx,y\n')).toEqual({
			ok: false,
			problem: { code: 'no-email-column', found: ['Address', 'Who'] },
			message: expect.stringMatching(/one of them “email” \(this file’s first row has “Address”, “Who”\)/)
		});
		expect(parseImportText('email,name\n')).toEqual({ ok: false, problem: { code: 'no-addresses' }, message: expect.stringMatching(/no addresses/) });
		const many = 'email\n' + 'a@example.org\n'.repeat(importLimits.maxRows + 1);
		expect(parseImportText(many)).toEqual({
			ok: false,
			problem: { code: 'too-many-rows', rows: 100_001, max: 100_000 },
			message: expect.stringMatching(/100,001 rows; an import takes at most 100,000/)
		});
	});
});

describe('reasons', () => {
	it('reads the English texts stored before the codes as the same codes', () => {
		expect(decodeImportReason('Invalid address: the e-mail cell is empty.')).toEqual({ code: 'email-empty' });
		expect(decodeImportReason('Duplicate in the file: the same address is on row 12.')).toEqual({ code: 'duplicate', firstRow: 12 });
		expect(decodeImportReason('Unknown topic: the topics are news, events.')).toEqual({ code: 'unknown-topic', topics: ['news', 'events'] });
		expect(decodeImportReason('Unknown topic: the topics are not set up yet.')).toEqual({ code: 'unknown-topic', topics: [] });
		expect(decodeImportReason('Unsubscribed on an earlier date: an import never adds back someone who left.')).toEqual({ code: 'unsubscribed', on: null });
		expect(decodeImportReason('Bounced (mail to this address could not be delivered): left as it is.')).toEqual({ code: 'bounced' });
		expect(decodeImportReason('Something else entirely')).toEqual({ code: 'other', text: 'Something else entirely' });
	});

	it('stores every reason as a code that reads back the same, and says it in English as before', () => {
		const reasons: ImportReason[] = [
			{ code: 'email-empty' },
			{ code: 'email-invalid' },
			{ code: 'duplicate', firstRow: 3 },
			{ code: 'name-too-long', max: 200 },
			{ code: 'unknown-language' },
			{ code: 'unknown-topic', topics: ['news', 'open-calls'] },
			{ code: 'already-subscribed' },
			{ code: 'unsubscribed', on: '2026-06-01' },
			{ code: 'unsubscribed', on: null },
			{ code: 'bounced' }
		];
		for (const reason of reasons) {
			expect(decodeImportReason(encodeImportReason(reason))).toEqual(reason);
			// The English text of old rows reads as the same code too.
			expect(decodeImportReason(importReasonEnglish(reason))).toEqual(reason);
		}
	});
});

describe('checking rows', () => {
	it('names the value and the reason for each bad row, and accepts languages as people write them', () => {
		const rows = [
			{ row: 2, email: 'Ana Pérez <ANA@example.org>', name: '', language: 'Español', topics: 'News' },
			{ row: 3, email: 'not-an-address', name: '', language: '', topics: '' },
			{ row: 4, email: 'bo@example.org', name: '', language: 'klingon', topics: '' },
			{ row: 5, email: 'cy@example.org', name: '', language: 'en-GB', topics: 'news;gardening' },
			{ row: 6, email: 'ana@example.org', name: '', language: '', topics: '' },
			{ row: 7, email: 'di@example.org', name: 'Di', language: 'नेपाली', topics: '' }
		];
		expect(checkRows(rows, { knownTopics: ['news', 'events'], defaultLocale: 'id', defaultTopics: ['events'] })).toEqual([
			{ row: 2, outcome: 'valid', email: 'ana@example.org', name: 'Ana Pérez', locale: 'es', topics: ['news'] },
			{ row: 3, outcome: 'error', email: 'not-an-address', value: 'not-an-address', reason: { code: 'email-invalid' } },
			{ row: 4, outcome: 'error', email: 'bo@example.org', value: 'klingon', reason: { code: 'unknown-language' } },
			{ row: 5, outcome: 'error', email: 'cy@example.org', value: 'gardening', reason: { code: 'unknown-topic', topics: ['news', 'events'] } },
			{ row: 6, outcome: 'error', email: 'ana@example.org', value: 'ana@example.org', reason: { code: 'duplicate', firstRow: 2 } },
			{ row: 7, outcome: 'valid', email: 'di@example.org', name: 'Di', locale: 'ne', topics: ['events'] }
		]);
	});
});

describe('starting an import', () => {
	it('refuses without a statement of prior consent and the box ticked, and names every problem at once', async () => {
		const attempt = startImport(newsletterContext(handle.db), staff, input(utf8('email\na@example.org\n'), { statement: '  ', affirmed: false, defaultLocale: 'xx' }));
		await expect(attempt).rejects.toThrow(ValidationError);
		await expect(attempt).rejects.toMatchObject({
			issues: {
				statement: expect.stringMatching(/how and when these people agreed/),
				affirmed: expect.stringMatching(/Tick the box/),
				defaultLocale: expect.any(String)
			}
		});
		expect(await handle.db.selectFrom('subscriber_import').selectAll().execute()).toEqual([]);
	});

	it('refuses a file in another encoding with the message, and nothing is stored', async () => {
		const latin1 = Uint8Array.from([...utf8('email,name\nmaria@example.org,Mar'), 0xed, ...utf8('a\n')]);
		await expect(startImport(newsletterContext(handle.db), staff, input(latin1))).rejects.toMatchObject({ issues: { file: expect.stringMatching(/CSV UTF-8/) } });
		expect(await handle.db.selectFrom('subscriber_import').selectAll().execute()).toEqual([]);
	});

	it('stores the file and queues one job for it', async () => {
		const { id, totalRows } = await startImport(withClock(newsletterContext(handle.db), t0), staff, input('email\na@example.org\nb@example.org\n'));
		expect(totalRows).toBe(2);
		expect(await getImportProgress(handle.db, id)).toMatchObject({ status: 'queued', totalRows: 2, processedRows: 0, statement, createdByEmail: staff.email });
		const jobs = await handle.db.selectFrom('job').select(['kind', 'payload', 'idempotency_key']).execute();
		expect(jobs).toEqual([{ kind: importJobKind, payload: JSON.stringify({ importId: id }), idempotency_key: `${importJobKind}:${id}` }]);
	});
});

describe('running an import', () => {
	const file = [
		'email,name,language,topics',
		'ana@example.org,Ana,es,news;events',
		'BO@Example.org,Bo,,',
		'broken-address,Somebody,,',
		'cy@example.org,Cy,fr,',
		'di@example.org,Di,,gardening',
		'ana@example.org,Ana again,,',
		'left@example.org,Left,,',
		'bounced@example.org,,,',
		'here@example.org,,,',
		'waiting@example.org,Waiting,en,news'
	].join('\n');

	it('imports the good rows as confirmed, reports the bad ones, and never changes who left, bounced or is already here', async () => {
		const leftId = await existing('left@example.org', 'unsubscribed');
		await existing('bounced@example.org', 'bounced');
		const hereId = await existing('here@example.org', 'confirmed', { locale: 'ne', topics: ['events'] });
		const before = await handle.db.selectFrom('subscriber').selectAll().where('id', 'in', [leftId, hereId]).orderBy('id').execute();
		const pending = await subscribe(handle.db, { email: 'waiting@example.org', locale: 'id', topics: ['events'], consent: true }, { now: t0 - 1000 });

		const id = await runImport(file, { defaultLocale: 'id', defaultTopics: ['news'] });

		expect(await getImportProgress(handle.db, id)).toMatchObject({ status: 'done', totalRows: 10, processedRows: 10, imported: 3, skipped: 3, errors: 4 });
		expect(await subscriberByEmail('ana@example.org')).toMatchObject({ status: 'confirmed', name: 'Ana', locale: 'es', topics: '["news","events"]', confirmed_at: new Date(t0).toISOString() });
		// Defaults from the form: language and topics for rows that name none.
		expect(await subscriberByEmail('bo@example.org')).toMatchObject({ status: 'confirmed', name: 'Bo', locale: 'id', topics: '["news"]' });
		// Pending (signed up, not confirmed): confirmed now, keeping what the person chose; the confirm link is spent.
		expect(await subscriberByEmail('waiting@example.org')).toMatchObject({ status: 'confirmed', locale: 'id', topics: '["events"]', name: 'Waiting' });
		const confirmLinks = await handle.db.selectFrom('subscriber_token').select('used_at').where('subscriber_id', '=', pending.subscriberId!).where('purpose', '=', 'confirm').execute();
		expect(confirmLinks.every((l) => l.used_at !== null)).toBe(true);
		// Left, bounced and already confirmed: exactly as they were.
		expect(await handle.db.selectFrom('subscriber').selectAll().where('id', 'in', [leftId, hereId]).orderBy('id').execute()).toEqual(before);
		expect(await subscriberByEmail('bounced@example.org')).toMatchObject({ status: 'bounced' });
		expect(await subscriberByEmail('broken-address')).toBeUndefined();
		expect(await subscriberByEmail('cy@example.org')).toBeUndefined();

		const report = await listImportIssues(handle.db, id);
		expect(report.total).toBe(7);
		expect(report.rows.map((r) => [r.row, r.kind, r.value, r.reason])).toEqual([
			[4, 'error', 'broken-address', { code: 'email-invalid' }],
			[5, 'error', 'fr', { code: 'unknown-language' }],
			[6, 'error', 'gardening', { code: 'unknown-topic', topics: ['news', 'open-calls', 'events'] }],
			[7, 'error', 'ana@example.org', { code: 'duplicate', firstRow: 2 }],
			[8, 'skipped', 'left@example.org', { code: 'unsubscribed', on: '2026-06-01' }],
			[9, 'skipped', 'bounced@example.org', { code: 'bounced' }],
			[10, 'skipped', 'here@example.org', { code: 'already-subscribed' }]
		]);
		// Stored as codes, not as English sentences.
		expect(await handle.db.selectFrom('subscriber_import_issue').select('reason').where('import_id', '=', id).orderBy('row_number').execute()).toEqual(
			['email-invalid', 'unknown-language', 'unknown-topic:news,open-calls,events', 'duplicate:2', 'unsubscribed:2026-06-01', 'bounced', 'already-subscribed'].map((reason) => ({ reason }))
		);
	});

	it('records an imported consent event with the statement and import id, and makes the preferences links work', async () => {
		const leftId = await existing('left@example.org', 'unsubscribed');
		const id = await runImport('email\nana@example.org\nleft@example.org\n');
		const ana = (await subscriberByEmail('ana@example.org'))!;
		const events = await handle.db.selectFrom('consent_event').selectAll().execute();
		expect(events).toEqual([
			expect.objectContaining({
				subscriber_id: ana.id,
				email_hash: hashEmail('ana@example.org'),
				action: 'imported',
				method: 'import',
				consent_text_version: null,
				source_page: `/admin/newsletter/subscribers/import/${id}`,
				at: new Date(t0).toISOString()
			})
		]);
		expect(JSON.parse(events[0]!.detail)).toEqual({ importId: id, statement, row: 2 });
		expect(events.some((e) => e.subscriber_id === leftId)).toBe(false);

		const tokens = subscriberLinkTokens(secret, { id: ana.id, email: ana.email });
		expect(await readPreferences(handle.db, tokens.preferences, { now: t0 })).toMatchObject({ status: 'ok', preferences: { email: 'ana@example.org', locale: 'en' } });
		// The uploaded file is not kept once the import is done.
		expect((await handle.db.selectFrom('subscriber_import').select('csv').where('id', '=', id).executeTakeFirstOrThrow()).csv).toBe('');
	});

	it('resumes after a crash between chunks without importing or reporting anything twice', async () => {
		const rows = ['email', ...Array.from({ length: 7 }, (_, i) => `p${i}@example.org`), 'bad', 'p0@example.org'];
		const { id } = await startImport(withClock(newsletterContext(handle.db), t0), staff, input(rows.join('\n')));

		// The process dies after its second chunk was committed.
		await processImport(handle.db, id, { linkSecret: secret, now: () => t0, chunkSize: 3, stopAfterChunks: 2 });
		expect(await getImportProgress(handle.db, id)).toMatchObject({ status: 'running', processedRows: 6, imported: 6, errors: 0 });

		// The worker claims the job again; the import goes on from row 8.
		await processImport(handle.db, id, { linkSecret: secret, now: () => t0 + 60_000, chunkSize: 3 });
		expect(await getImportProgress(handle.db, id)).toMatchObject({ status: 'done', processedRows: 9, imported: 7, skipped: 0, errors: 2 });
		expect(Number((await handle.db.selectFrom('subscriber').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(7);
		expect(await handle.db.selectFrom('consent_event').select('subscriber_id').execute()).toHaveLength(7);
		expect((await listImportIssues(handle.db, id)).rows.map((r) => r.row)).toEqual([9, 10]);

		// Running a finished import again changes nothing.
		await processImport(handle.db, id, { linkSecret: secret, now: () => t0 + 120_000 });
		expect(await getImportProgress(handle.db, id)).toMatchObject({ imported: 7, errors: 2 });
		expect(await handle.db.selectFrom('consent_event').select('id').execute()).toHaveLength(7);
	});

	it('counts rows it imported on an earlier run as imported, not skipped, even if its progress was lost', async () => {
		const { id } = await startImport(withClock(newsletterContext(handle.db), t0), staff, input('email\na@example.org\nb@example.org\nc@example.org\n'));
		await processImport(handle.db, id, { linkSecret: secret, now: () => t0, chunkSize: 2, stopAfterChunks: 1 });
		// As if the progress had not been saved with the rows.
		await handle.db.updateTable('subscriber_import').set({ processed_rows: 0, imported_count: 0 }).where('id', '=', id).execute();
		await processImport(handle.db, id, { linkSecret: secret, now: () => t0, chunkSize: 2 });
		expect(await getImportProgress(handle.db, id)).toMatchObject({ status: 'done', imported: 3, skipped: 0, errors: 0 });
		expect(await handle.db.selectFrom('consent_event').select('id').execute()).toHaveLength(3);
		expect(await handle.db.selectFrom('subscriber_token').select('hash').execute()).toHaveLength(6);
	});

	it('runs as a job on the queue', async () => {
		const { id } = await startImport(withClock(newsletterContext(handle.db), t0), staff, input('email;name\nrun@example.org;Run\n'));
		const worker = createJobWorker(handle.db, { handlers: subscriberImportJobHandlers({ linkSecret: secret }) });
		expect(await worker.runOnce()).toBe(1);
		expect(await getImportProgress(handle.db, id)).toMatchObject({ status: 'done', imported: 1 });
		expect(await handle.db.selectFrom('job').select('status').execute()).toEqual([{ status: 'done' }]);
		const audit = await handle.db.selectFrom('audit_event').select(['action', 'actor_email', 'subject', 'detail']).where('subject', '=', `subscriber-import:${id}`).orderBy('id').execute();
		expect(audit).toEqual([
			{ action: 'newsletter.import-started', actor_email: staff.email, subject: `subscriber-import:${id}`, detail: JSON.stringify({ rows: 1, fileName: 'list.csv' }) },
			{ action: 'newsletter.import-finished', actor_email: staff.email, subject: `subscriber-import:${id}`, detail: JSON.stringify({ rows: 1, imported: 1, skipped: 0, errors: 0 }) }
		]);
	});

	it('gives the report as CSV, with formulas defused', async () => {
		const id = await runImport('email,name\n=HYPERLINK("http://evil.example"),x\nok@example.org,"=1+1"\n');
		let csv = '';
		for await (const part of importIssueCsvBatches(handle.db, id)) csv += part;
		expect(csv).toBe('row,email,value,reason,outcome\r\n' + `2,"'=HYPERLINK(""http://evil.example"")","'=HYPERLINK(""http://evil.example"")",Invalid address: this is not an e-mail address.,not imported\r\n`);
		// A name that looks like a formula is stored as typed; only CSV output defuses it.
		expect(await subscriberByEmail('ok@example.org')).toMatchObject({ name: '=1+1' });
	});

	it('gives a report with no cell a spreadsheet could read as a formula, whether it splits on commas or semicolons', async () => {
		const quoted = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
		const id = await runImport(['email,name', ...hostileCells.map((cell) => `${quoted(cell)},x`)].join('\n') + '\n');
		let csv = '';
		for await (const part of importIssueCsvBatches(handle.db, id)) csv += part;
		expect(csv.trimEnd().split('\r\n').length).toBeGreaterThan(hostileCells.length);
		expect(cellsReadAsFormulas(csv)).toEqual([]);
	});
});
