/**
 * Reviewing a call and deciding on its applications, over HTTP against the
 * built server with a real SMTP server on loopback. Applications are seeded
 * through the domain services into the server's own database, with real files
 * stored where the server keeps them. Reviewers see only what is assigned to
 * them (blind review hiding names and contact files), score it, and staff sort,
 * filter, shortlist, decide, edit the decision e-mails, preview them, confirm
 * before sending, and export the applications and their files.
 */
import { unzipSync } from 'fflate';
import { DomUtils } from 'htmlparser2';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachUpload, createApplicationFileStorage } from '../../src/lib/server/calls/application-files';
import { saveDraft, submitApplication } from '../../src/lib/server/calls/applications.service';
import { answers, openCall, smallPdf } from '../support/call-test-data';
import { assignReviewer, listCriteria, saveCriteria } from '../../src/lib/server/calls/review.service';
import type { Database } from '../../src/lib/server/db/schema';
import { parseHtml, startTestServer, textOf, type TestServer } from '../support/http';
import { startSmtpSink } from '../support/smtp';
import { storageOf } from '../support/s3';
import { AdminClient, signedIn } from '../support/staff';
import { callsContext, testStaff } from '../support/domain-contexts';

const emails = { editor: 'editor@example.org', reviewerA: 'rev-a@example.org', reviewerB: 'rev-b@example.org' };

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let test: TestServer;
let db: Kysely<Database>;
let editor: AdminClient;
let reviewerA: AdminClient;
let reviewerB: AdminClient;
let callId: number;
let criteria: { strength: number; place: number };
const apps = { ana: 0, budi: 0, carla: 0 };
const files = { portfolio: 0, passport: 0, sawah: 0 };
let pdfs: { portfolio: Buffer; passport: Buffer; sawah: Buffer };

async function userId(email: string): Promise<string> {
	return (await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

/** The applicants' names in the order the staff list shows them. */
async function listOrder(query: string): Promise<string[]> {
	const response = await editor.get(`/admin/calls/${callId}/applications${query}`);
	expect(response.status).toBe(200);
	const { all } = parseHtml(await response.text());
	const table = all((e) => e.attribs.id === 'applications')[0]!;
	const body = DomUtils.findAll((e) => e.name === 'tbody', [table])[0]!;
	const rows = DomUtils.findAll((e) => e.name === 'tr', [body]);
	return rows.flatMap((row) => DomUtils.findAll((e) => e.name === 'a', [row]).slice(0, 1).map((link) => DomUtils.textContent(link).trim()));
}

/** Seeds one application through the services: a draft, its real files stored where the server keeps them, then submitted. */
async function apply(input: { email: string; name: string; locale: 'es' | 'id' | 'en'; title: string; files: [string, string, Buffer][] }) {
	const storage = createApplicationFileStorage(test.server.dataDir, storageOf(test.server));
	const application = { email: input.email, name: input.name, locale: input.locale, answers: answers({ project_title: input.title }), consent: true };
	const draft = await saveDraft(db, { callId, input: application });
	if (draft.status !== 'saved') throw new Error(draft.status);
	const ids: number[] = [];
	for (const [fieldKey, fileName, bytes] of input.files) {
		const attached = await attachUpload(db, storage, draft.token, { fieldKey, fileName, bytes });
		if (attached.status !== 'attached') throw new Error(attached.status);
		ids.push(attached.fileId);
	}
	const submitted = await submitApplication(db, { callId, token: draft.token, input: application });
	if (submitted.status !== 'submitted') throw new Error(submitted.status);
	return { id: submitted.applicationId, files: ids };
}

beforeAll(async () => {
	sink = await startSmtpSink();
	test = await startTestServer({ SMTP_URL: sink.url });
	db = (await test.openDatabase()).db;
	[editor, reviewerA, reviewerB] = await Promise.all([
		signedIn(test, emails.editor, 'editor'),
		signedIn(test, emails.reviewerA, 'reviewer'),
		signedIn(test, emails.reviewerB, 'reviewer')
	]);
	pdfs = { portfolio: await smallPdf(), passport: await smallPdf(), sawah: await smallPdf() };
	callId = await openCall(db, { blindReview: true, title: { en: 'Walls that talk', es: 'Muros que hablan', id: 'Dinding yang berbicara' } });
	await saveCriteria(callsContext(db), testStaff, callId, [
		{ label: { en: 'Artistic strength' }, weight: 3 },
		{ label: { en: 'A local voice' }, weight: 1 }
	]);
	const [strength, place] = (await listCriteria(db, callId)).map((c) => c.id) as [number, number];
	criteria = { strength, place };
	const ana = await apply({
		email: 'ana@example.org',
		name: 'Ana Sol',
		locale: 'es',
		title: 'Murals of the tide',
		files: [
			['images', 'portfolio.pdf', pdfs.portfolio],
			['id_scan', 'passport.pdf', pdfs.passport]
		]
	});
	const budi = await apply({ email: 'budi@example.org', name: 'Budi Santoso', locale: 'id', title: 'Rice fields rising', files: [['images', 'sawah ñ (padi).pdf', pdfs.sawah]] });
	const carla = await apply({ email: 'carla@example.org', name: 'Carla Mendes', locale: 'en', title: 'Queue for water', files: [] });
	apps.ana = ana.id;
	apps.budi = budi.id;
	apps.carla = carla.id;
	[files.portfolio, files.passport] = ana.files as [number, number];
	files.sawah = budi.files[0]!;
	await saveDraft(db, { callId, input: { email: 'dora@example.org', name: 'Dora Draft', locale: 'en', answers: answers(), consent: true } });
	// Reviewer A has Ana's application alone; reviewer B the whole call.
	await assignReviewer(callsContext(db), testStaff, { applicationId: apps.ana }, await userId(emails.reviewerA));
	await assignReviewer(callsContext(db), testStaff, { callId }, await userId(emails.reviewerB));
}, 180_000);

afterAll(async () => {
	await test?.stop();
	await sink?.close();
});

describe('a reviewer', () => {
	it('sees only the applications assigned to them, without names in blind review', async () => {
		const response = await reviewerA.get('/admin/reviews');
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain(`href="/admin/reviews/${apps.ana}"`);
		expect(textOf(html)).toContain(`Application ${apps.ana}`);
		expect(textOf(html)).toContain('Not scored yet');
		for (const secret of ['Ana Sol', 'ana@example.org', 'Budi', 'Carla', `/admin/reviews/${apps.budi}`]) expect(html).not.toContain(secret);
	});

	it('reads an assigned application without the applicant’s name, address, contact answers or contact files', async () => {
		const response = await reviewerA.get(`/admin/reviews/${apps.ana}`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('Murals of the tide');
		expect(html).toContain(`href="/admin/applications/files/${files.portfolio}"`);
		// The applicant's own file name is replaced by the field's: names often hold the person's.
		expect(html).toContain('images-1.pdf');
		for (const secret of ['Ana Sol', 'ana@example.org', '5555555', 'passport', 'portfolio.pdf', `/files/${files.passport}`]) expect(html).not.toContain(secret);
		// One group of five choices per criterion, named by its legend.
		const { all } = parseHtml(html);
		const legends = all((e) => e.name === 'legend').map((e) => DomUtils.textContent(e));
		expect(legends.join('|')).toContain('Artistic strength');
		expect(all((e) => e.name === 'input' && e.attribs.type === 'radio' && e.attribs.name === `score-${criteria.strength}`)).toHaveLength(5);
	});

	it('gets a 404 with nothing of it for an application not assigned to them, and for its file', async () => {
		for (const path of [`/admin/reviews/${apps.budi}`, `/admin/applications/files/${files.sawah}`, `/admin/applications/files/${files.passport}`]) {
			const response = await reviewerA.get(path);
			expect(response.status, path).toBe(404);
			const body = await response.text();
			for (const secret of ['Budi', 'budi@example.org', 'Rice fields rising', 'sawah', 'passport', 'Ana Sol', '%PDF']) expect(body, path).not.toContain(secret);
		}
		// Scoring it is refused the same way, and records nothing.
		const post = await reviewerA.post(`/admin/reviews/${apps.budi}?/save`, { [`score-${criteria.strength}`]: '5', [`score-${criteria.place}`]: '5' });
		expect(post.status).toBe(404);
		expect(await db.selectFrom('review_score').select('id').where('application_id', '=', apps.budi).execute()).toEqual([]);
	});

	it('downloads an assigned application’s file, but never a contact file in blind review', async () => {
		const response = await reviewerA.get(`/admin/applications/files/${files.portfolio}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="images-1.pdf"; filename*=UTF-8''images-1.pdf`);
		const pdf = Buffer.from(await response.arrayBuffer()).toString('latin1');
		expect(pdf.slice(0, 5)).toBe('%PDF-');
		// Stored without the document information that names who made it.
		expect(pdf).not.toMatch(/\/Producer|\/Author|\/Creator|\/CreationDate/);
		expect((await reviewerA.get(`/admin/applications/files/${files.passport}`)).status).toBe(404);
		expect((await reviewerB.get(`/admin/applications/files/${files.passport}`)).status).toBe(404);
	});

	it('is refused with the missing score named beside its criterion, and keeps what was typed', async () => {
		const response = await reviewerA.post(`/admin/reviews/${apps.ana}?/save`, {
			[`score-${criteria.strength}`]: '5',
			[`comment-${criteria.strength}`]: 'The tide lines are strong.'
		});
		expect(response.status).toBe(400);
		const html = await response.text();
		const { all } = parseHtml(html);
		expect(DomUtils.textContent(all((e) => e.attribs.id === `score-${criteria.place}-error`)[0]!)).toContain('Choose a score from 1 to 5');
		expect(html).toContain('The tide lines are strong.');
		expect(await db.selectFrom('review_score').select('id').where('application_id', '=', apps.ana).execute()).toEqual([]);
	});

	it('saves scores and comments, and sees them again', async () => {
		const saved = await reviewerA.post(`/admin/reviews/${apps.ana}?/save`, {
			[`score-${criteria.strength}`]: '5',
			[`comment-${criteria.strength}`]: 'The tide lines are strong.',
			[`score-${criteria.place}`]: '3'
		});
		expect(saved.status).toBe(200);
		expect(textOf(await saved.text())).toContain('Your scores are saved');
		const page = await (await reviewerA.get(`/admin/reviews/${apps.ana}`)).text();
		const { all } = parseHtml(page);
		const checked = all((e) => e.name === 'input' && e.attribs.type === 'radio' && 'checked' in e.attribs).map((e) => `${e.attribs.name}=${e.attribs.value}`);
		expect(checked.sort()).toEqual([`score-${criteria.place}=3`, `score-${criteria.strength}=5`].sort());
		expect(textOf(await (await reviewerA.get('/admin/reviews')).text())).toContain('Scored');

		for (const [id, strength, place] of [
			[apps.ana, '3', '3'],
			[apps.budi, '4', '4']
		] as const) {
			const response = await reviewerB.post(`/admin/reviews/${id}?/save`, { [`score-${criteria.strength}`]: strength, [`score-${criteria.place}`]: place });
			expect(response.status).toBe(200);
		}
		const audit = await db.selectFrom('audit_event').select('subject').where('action', '=', 'call.application-scored').execute();
		expect(audit).toHaveLength(3);
	});

	it('is not the way in for staff who are not assigned: their review page of an application is a 404 too', async () => {
		const response = await editor.get(`/admin/reviews/${apps.ana}`);
		expect(response.status).toBe(404);
		expect(await response.text()).not.toContain('Murals of the tide');
	});
});

describe('staff reading the applications of a call', () => {
	it('list each with name and address (even in blind review), reviews, weighted average and spread, and count drafts', async () => {
		const response = await editor.get(`/admin/calls/${callId}/applications`);
		expect(response.status).toBe(200);
		const html = await response.text();
		const text = textOf(html);
		expect(text).toContain('3 submitted applications');
		expect(text).toContain('1 draft');
		const { all } = parseHtml(html);
		// E-mail, then reviews, average and spread (after the submission date).
		const cellsOf = (name: string) => {
			const row = all((e) => e.name === 'tr' && DomUtils.textContent(e).includes(name))[0]!;
			const cells = DomUtils.findAll((e) => e.name === 'td', [row]).map((cell) => DomUtils.textContent(cell).trim());
			return [cells[1], ...cells.slice(3, 6)];
		};
		// Ana: A (5·3 + 3·1) / 4 = 4.5, B 3: mean 3.75, spread 0.75. Budi: B alone, 4.
		expect(cellsOf('Ana Sol')).toEqual(['ana@example.org', '2', '3.75', '0.75']);
		expect(cellsOf('Budi Santoso')).toEqual(['budi@example.org', '1', '4.00', '0.00']);
		expect(cellsOf('Carla Mendes')).toEqual(['carla@example.org', '0', '–', '–']);
		expect(text).not.toContain('Dora Draft');
	});

	it('sort by average, spread, name and date, and filter by review, without JavaScript', async () => {
		expect(await listOrder('')).toEqual(['Ana Sol', 'Budi Santoso', 'Carla Mendes']);
		expect(await listOrder('?sort=average')).toEqual(['Budi Santoso', 'Ana Sol', 'Carla Mendes']);
		expect(await listOrder('?sort=average&dir=asc')).toEqual(['Ana Sol', 'Budi Santoso', 'Carla Mendes']);
		expect(await listOrder('?sort=spread&dir=desc')).toEqual(['Ana Sol', 'Budi Santoso', 'Carla Mendes']);
		expect(await listOrder('?sort=name&dir=desc')).toEqual(['Carla Mendes', 'Budi Santoso', 'Ana Sol']);
		expect(await listOrder('?sort=submitted&dir=desc')).toEqual(['Carla Mendes', 'Budi Santoso', 'Ana Sol']);
		expect(await listOrder('?reviewed=no')).toEqual(['Carla Mendes']);
		expect(await listOrder('?reviewed=yes&sort=name')).toEqual(['Ana Sol', 'Budi Santoso']);
	});

	it('shortlist from the list, keeping its filters, and filter by the shortlist', async () => {
		const response = await editor.post(`/admin/calls/${callId}/applications?sort=average&/shortlist`, { applicationId: String(apps.ana), shortlisted: 'yes' });
		expect(response.status).toBe(200);
		expect(textOf(await response.text())).toContain('Ana Sol is on the shortlist');
		expect((await db.selectFrom('application').select('shortlisted').where('id', '=', apps.ana).executeTakeFirstOrThrow()).shortlisted).toBe(1);
		expect(await listOrder('?shortlisted=yes')).toEqual(['Ana Sol']);
		expect(await listOrder('?shortlisted=no')).toEqual(['Budi Santoso', 'Carla Mendes']);
		// Reviewers may not.
		expect((await reviewerB.post(`/admin/calls/${callId}/applications?/shortlist`, { applicationId: String(apps.budi), shortlisted: 'yes' })).status).toBe(403);
	});

	it('decide from the list and from the application’s page, and filter by decision', async () => {
		const list = `/admin/calls/${callId}/applications`;
		expect((await editor.post(`${list}?/decide`, { applicationId: String(apps.ana), decision: 'accepted' })).status).toBe(200);
		expect((await editor.post(`${list}?/decide`, { applicationId: String(apps.carla), decision: 'waitlisted' })).status).toBe(200);
		expect((await editor.post(`${list}/${apps.budi}?/decide`, { decision: 'declined' })).status).toBe(200);
		expect((await editor.post(`${list}?/decide`, { applicationId: String(apps.budi), decision: 'maybe' })).status).toBe(400);
		expect((await reviewerB.post(`${list}?/decide`, { applicationId: String(apps.budi), decision: 'accepted' })).status).toBe(403);
		const decisions = await db.selectFrom('application').select(['id', 'decision']).where('call_id', '=', callId).where('status', '=', 'submitted').orderBy('id').execute();
		expect(decisions).toEqual([
			{ id: apps.ana, decision: 'accepted' },
			{ id: apps.budi, decision: 'declined' },
			{ id: apps.carla, decision: 'waitlisted' }
		]);
		expect(await listOrder('?decision=declined')).toEqual(['Budi Santoso']);
		expect(await listOrder('?decision=none')).toEqual([]);
		// Clearing a decision, and setting it again.
		expect((await editor.post(`${list}/${apps.carla}?/decide`, { decision: '' })).status).toBe(200);
		expect(await listOrder('?decision=none')).toEqual(['Carla Mendes']);
		expect((await editor.post(`${list}/${apps.carla}?/decide`, { decision: 'waitlisted' })).status).toBe(200);
		const audit = await db.selectFrom('audit_event').select('action').where('action', 'in', ['call.application-decided', 'call.application-shortlisted']).execute();
		expect(audit.length).toBe(6);
	});

	it('show one application with every answer, every file, and each reviewer’s scores and comments', async () => {
		const response = await editor.get(`/admin/calls/${callId}/applications/${apps.ana}`);
		expect(response.status).toBe(200);
		const html = await response.text();
		const text = textOf(html);
		for (const expected of ['Ana Sol', 'ana@example.org', 'Murals of the tide', '+977 1 5555555', 'portfolio.pdf', 'passport.pdf', 'The tide lines are strong.', emails.reviewerA, emails.reviewerB]) {
			expect(text).toContain(expected);
		}
		expect(text).toContain('average 3.75 · spread 0.75');
		expect(text).toContain('On the shortlist.');
		expect(html).toContain(`href="/admin/applications/files/${files.passport}"`);
		// An application of another call is not found under this one.
		const other = await openCall(db);
		expect((await editor.get(`/admin/calls/${other}/applications/${apps.ana}`)).status).toBe(404);
	});
});

describe('the authorized file route', () => {
	it('serves staff every file as a download that is never sniffed, shown inline or cached', async () => {
		const response = await editor.get(`/admin/applications/files/${files.passport}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; .*filename\*=UTF-8''passport\.pdf$/);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('content-security-policy')).toContain('sandbox');
		const passport = Buffer.from(await response.arrayBuffer()).toString('latin1');
		expect(passport.slice(0, 5)).toBe('%PDF-');
		expect(passport).not.toContain('/Producer');
		const audit = await db.selectFrom('audit_event').select(['actor_email', 'subject']).where('action', '=', 'call.application-file-downloaded').execute();
		expect(audit).toContainEqual({ actor_email: emails.editor, subject: `application:${apps.ana}` });
		expect((await editor.get('/admin/applications/files/999999')).status).toBe(404);
		// A name beyond ASCII arrives whole, spelled as RFC 5987 wants it.
		const named = await editor.get(`/admin/applications/files/${files.sawah}`);
		expect(named.headers.get('content-disposition')).toBe(`attachment; filename="sawah _ (padi).pdf"; filename*=UTF-8''sawah%20%C3%B1%20%28padi%29.pdf`);
	});
});

describe('decision e-mails', () => {
	const decisions = () => `/admin/calls/${callId}/decisions`;
	const decisionMails = async () =>
		(await db.selectFrom('mail_message').select(['to_address', 'subject']).where('idempotency_key', 'like', 'application-decision:%').execute()).length;

	it('refuses an unknown placeholder beside the field, then saves the Spanish wording and shows it in the preview', async () => {
		const form = (subject: string) => ({
			decision: 'accepted',
			'subject.en': 'Welcome, {name}',
			'body.en': 'Dear {name},\n\nYou are in “{call}”.',
			'subject.es': subject,
			'body.es': 'Hola, {name}:\n\n¡Estás dentro de «{call}»! Trae tus pinceles.'
		});
		const refused = await editor.post(`${decisions()}?/saveTemplate`, form('¡Bienvenida, {nombre}!'));
		expect(refused.status).toBe(400);
		const { all } = parseHtml(await refused.text());
		expect(DomUtils.textContent(all((e) => e.attribs.id === 'accepted-subject-es-error')[0]!)).toContain('Only {name} and {call}');

		expect((await editor.post(`${decisions()}?/saveTemplate`, form('¡Bienvenida, {name}!'))).status).toBe(200);
		const preview = await editor.get(`${decisions()}?application=${apps.ana}&locale=es`);
		expect(preview.status).toBe(200);
		const page = parseHtml(await preview.text());
		expect(DomUtils.textContent(page.all((e) => e.attribs.id === 'preview-subject')[0]!)).toBe('¡Bienvenida, Ana Sol!');
		expect(DomUtils.textContent(page.all((e) => e.attribs.id === 'preview-text')[0]!)).toContain('¡Estás dentro de «Muros que hablan»! Trae tus pinceles.');
	});

	it('says how many would go and sends nothing without the confirmation', async () => {
		const page = textOf(await (await editor.get(decisions())).text());
		expect(page).toContain('3 e-mails will be sent (accepted: 1, waiting list: 1, declined: 1; already sent: 0)');
		const asked = await editor.post(`${decisions()}?/send`, {});
		expect(asked.status).toBe(200);
		const text = textOf(await asked.text());
		expect(text).toContain('Send 3 e-mails now?');
		expect(text).toContain('Yes, send 3 e-mails');
		expect(await decisionMails()).toBe(0);
		// Anything but the explicit "yes" is not a confirmation.
		await editor.post(`${decisions()}?/send`, { confirm: 'true' });
		expect(await decisionMails()).toBe(0);
	});

	it('after confirming, each applicant gets one e-mail in their own language, with staff’s wording where they wrote one', async () => {
		const sent = await editor.post(`${decisions()}?/send`, { confirm: 'yes' });
		expect(sent.status).toBe(200);
		expect(textOf(await sent.text())).toContain('3 e-mails queued');

		const ana = await sink.waitFor((m) => m.subject === '¡Bienvenida, Ana Sol!');
		expect(ana.to && 'text' in ana.to ? ana.to.text : '').toBe('ana@example.org');
		expect(ana.text).toContain('¡Estás dentro de «Muros que hablan»! Trae tus pinceles.');
		// Indonesian, in the app's own wording, with the call's Indonesian title.
		const budi = await sink.waitFor((m) => m.subject === 'Tentang lamaran Anda untuk “Dinding yang berbicara”');
		expect(budi.to && 'text' in budi.to ? budi.to.text : '').toBe('budi@example.org');
		expect(budi.text).toContain('Halo Budi Santoso');
		const carla = await sink.waitFor((m) => (m.to && 'text' in m.to ? m.to.text : '') === 'carla@example.org');
		expect(carla.text).toContain('waiting list');

		const audit = await db.selectFrom('audit_event').select('detail').where('action', '=', 'call.decision-mails-queued').execute();
		expect(audit.map((a) => JSON.parse(a.detail))).toEqual([{ queued: 3, alreadyQueued: 0, skipped: 0 }]);
	});

	it('sends nobody the same decision twice when confirmed again', async () => {
		const again = await editor.post(`${decisions()}?/send`, { confirm: 'yes' });
		expect(textOf(await again.text())).toContain('0 e-mails queued');
		expect(textOf(await (await editor.get(decisions())).text())).toContain('0 e-mails will be sent (accepted: 0, waiting list: 0, declined: 0; already sent: 3)');
		await new Promise((r) => setTimeout(r, 1500));
		const decisionMessages = sink.messages.filter((m) => m.envelopeTo.some((to) => ['ana@example.org', 'budi@example.org', 'carla@example.org'].includes(to)));
		expect(decisionMessages).toHaveLength(3);
		expect(await decisionMails()).toBe(3);
	});

	it('resets a template to the app’s own wording', async () => {
		expect((await editor.post(`${decisions()}?/resetTemplate`, { decision: 'accepted' })).status).toBe(200);
		const preview = parseHtml(await (await editor.get(`${decisions()}?application=${apps.ana}&locale=es&decision=accepted`)).text());
		expect(DomUtils.textContent(preview.all((e) => e.attribs.id === 'preview-subject')[0]!)).toBe('Buenas noticias sobre tu solicitud para «Muros que hablan»');
		const actions = (await db.selectFrom('audit_event').select('action').where('action', 'like', 'call.decision-template-%').execute()).map((a) => a.action);
		expect(actions).toEqual(['call.decision-template-saved', 'call.decision-template-reset']);
	});
});

describe('export', () => {
	it('gives the applications as CSV with a byte-order mark, names and scores, as an attachment not cached', async () => {
		const response = await editor.get(`/admin/calls/${callId}/export.csv`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		const bytes = Buffer.from(await response.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const csv = bytes.toString('utf8');
		expect(csv).toContain('weighted_average');
		const ana = csv.split('\r\n').find((line) => line.includes('ana@example.org'))!;
		expect(ana).toContain('Ana Sol');
		expect(ana).toMatch(/,accepted,.*,2,3\.75,0\.75$/);
		expect(await db.selectFrom('audit_event').select('actor_email').where('action', '=', 'call.applications-exported').execute()).toEqual([{ actor_email: emails.editor }]);
	});

	it('gives every file of the call in one zip, by application', async () => {
		const response = await editor.get(`/admin/calls/${callId}/files.zip`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/zip');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.zip"$/);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
		const names = Object.keys(entries).sort();
		expect(names).toContain('applications.csv');
		const entry = (suffix: string) => names.find((name) => name.endsWith(suffix))!;
		expect(entry('portfolio.pdf')).toMatch(new RegExp(`^${apps.ana}-Ana Sol/images-${files.portfolio}-portfolio\\.pdf$`));
		const stored = async (fileId: number) => Buffer.from(await (await editor.get(`/admin/applications/files/${fileId}`)).arrayBuffer());
		expect(Buffer.from(entries[entry('portfolio.pdf')]!).equals(await stored(files.portfolio))).toBe(true);
		expect(Buffer.from(entries[entry('passport.pdf')]!).equals(await stored(files.passport))).toBe(true);
		expect(Buffer.from(entries[entry('sawah ñ (padi).pdf')]!).equals(await stored(files.sawah))).toBe(true);
		expect(await db.selectFrom('audit_event').select('detail').where('action', '=', 'call.files-exported').execute()).toEqual([
			{ detail: JSON.stringify({ files: 3, missing: 0 }) }
		]);
	});

	it('is not for reviewers', async () => {
		expect((await reviewerB.get(`/admin/calls/${callId}/export.csv`)).status).toBe(403);
		expect((await reviewerB.get(`/admin/calls/${callId}/files.zip`)).status).toBe(403);
	});
});
