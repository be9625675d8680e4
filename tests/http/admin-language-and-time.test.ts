/**
 * The admin in each staff member's language and time zone, over HTTP against
 * the built server: before signing in the admin follows the browser's
 * languages; a person chooses a language and a zone on "Language and time";
 * from then on every admin page is in that language, with `lang` set, and a
 * moment (a call's deadline) is shown in their zone with the zone named, so
 * two reviewers of one call, in Kathmandu and in New York, each read their own
 * time. The dashboard lists what each one has to review, and what is new.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDraft, submitApplication } from '../../src/lib/server/calls/applications.service';
import { assignReviewer } from '../../src/lib/server/calls/review.service';
import type { Database } from '../../src/lib/server/db/schema';
import { answers, openCall } from '../support/call-test-data';
import { callsContext, testStaff } from '../support/domain-contexts';
import { parseHtml, startTestServer, textOf, type TestServer } from '../support/http';
import { AdminClient, adminCliEnv, createUserWithCli, pathOf, signedIn, staffPassword } from '../support/staff';

let test: TestServer;
let db: Kysely<Database>;
let kathmandu: AdminClient;
let newYork: AdminClient;
let editor: AdminClient;
let callId: number;
let applicationId: number;
// The deadline, 2027-03-01 12:00 UTC: 17:45 in Kathmandu (UTC+5:45), 07:00 in New York (UTC-5).
const deadline = { wall: '2027-03-01T12:00', zone: 'UTC' };

async function userId(email: string): Promise<string> {
	return (await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

async function choose(client: AdminClient, fields: { locale: string; timeZone: string; notifyApplications?: string }) {
	const response = await client.post('/admin/account/preferences', { notifyApplications: 'none', ...fields });
	expect(response.status).toBe(303);
	expect(response.headers.get('location')).toBe('/admin/account/preferences?saved');
}

async function page(client: AdminClient, path: string) {
	const response = await client.get(path);
	expect(response.status, path).toBe(200);
	const html = await response.text();
	return { html, text: textOf(html), lang: /<html[^>]* lang="([^"]+)"/.exec(html)?.[1] };
}

beforeAll(async () => {
	test = await startTestServer();
	db = (await test.openDatabase()).db;
	[kathmandu, newYork, editor] = await Promise.all([
		signedIn(test, 'ktm@example.org', 'reviewer'),
		signedIn(test, 'nyc@example.org', 'reviewer'),
		signedIn(test, 'editor@example.org', 'editor')
	]);
	callId = await openCall(db, { title: { en: 'Walls that talk', ne: 'बोल्ने पर्खालहरू', es: 'Muros que hablan' }, deadlineAt: deadline.wall, timeZone: deadline.zone });
	for (const email of ['ktm@example.org', 'nyc@example.org']) await assignReviewer(callsContext(db), testStaff, { callId }, await userId(email));
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

describe('the admin before anyone signs in', () => {
	it("follows the browser's languages, the first one it speaks", async () => {
		const response = await fetch(`${test.origin}/admin/login`, { headers: { 'accept-language': 'fr-FR, es;q=0.8, en;q=0.5' } });
		const html = await response.text();
		expect(/<html[^>]* lang="([^"]+)"/.exec(html)?.[1]).toBe('es');
		const english = await (await fetch(`${test.origin}/admin/login`, { headers: { 'accept-language': 'fr, de' } })).text();
		expect(/<html[^>]* lang="([^"]+)"/.exec(english)?.[1]).toBe('en');
	});
});

describe('the dashboard of someone who manages calls', () => {
	it('counts the applications that came since the last visit, then none on the next visit', async () => {
		const first = (await page(editor, '/admin')).text;
		expect(first).toContain('New applications this past week');
		expect(first).toContain('Walls that talk: one new application');
		const second = (await page(editor, '/admin')).text;
		expect(second).toContain('New applications since your last visit');
		expect(second).toContain('No new applications.');
		// No zone chosen yet: UTC, and said so.
		expect(second).toMatch(/Your last visit: \w{3} \d{1,2}, \d{4}, \d{1,2}:\d\d [AP]M UTC/);
	});
});

describe('a person who has not chosen yet', () => {
	it('is asked to choose, sees times in UTC with the zone named, and the admin in English', async () => {
		const dashboard = await page(editor, '/admin/media');
		expect(dashboard.lang).toBe('en');
		expect(dashboard.text).toContain('Times are shown in UTC until you choose your time zone.');
		expect(dashboard.text).toContain('Hello, editor');
	});
});

describe('choosing a language and a time zone', () => {
	beforeAll(async () => {
		await choose(kathmandu, { locale: 'ne', timeZone: 'Asia/Kathmandu', notifyApplications: 'daily' });
		await choose(newYork, { locale: 'es', timeZone: 'America/New_York' });
	});

	it('keeps the choice and shows the page in the new language', async () => {
		const preferences = await page(kathmandu, '/admin/account/preferences?saved');
		expect(preferences.lang).toBe('ne');
		expect(preferences.text).toContain('सुरक्षित भयो।');
		const { all } = parseHtml(preferences.html);
		const selected = all((e) => e.name === 'option' && 'selected' in e.attribs).map((e) => e.attribs.value);
		expect(selected).toEqual(['ne', 'Asia/Kathmandu']);
		const daily = all((e) => e.name === 'input' && e.attribs.name === 'notifyApplications' && e.attribs.value === 'daily')[0]!;
		expect('checked' in daily.attribs).toBe(true);
		const row = await db.selectFrom('user').select(['locale', 'timeZone', 'notifyApplications']).where('email', '=', 'ktm@example.org').executeTakeFirstOrThrow();
		expect(row).toEqual({ locale: 'ne', timeZone: 'Asia/Kathmandu', notifyApplications: 'daily' });
	});

	it('refuses a zone or a language the admin does not know, saying which, and keeps the rest as typed', async () => {
		const response = await newYork.post('/admin/account/preferences', { locale: 'xx', timeZone: 'Mars/Olympus_Mons', notifyApplications: 'each' });
		expect(response.status).toBe(400);
		const text = textOf(await response.text());
		expect(text).toContain('Elige uno de los idiomas de la lista.');
		expect(text).toContain('Elige una de las zonas horarias de la lista.');
		const row = await db.selectFrom('user').select(['locale', 'timeZone']).where('email', '=', 'nyc@example.org').executeTakeFirstOrThrow();
		expect(row).toEqual({ locale: 'es', timeZone: 'America/New_York' });
	});

	it('speaks Nepali to the Nepali reviewer and Spanish to the Spanish one, on the dashboard and in the navigation', async () => {
		const ne = await page(kathmandu, '/admin');
		expect(ne.lang).toBe('ne');
		expect(ne.text).toContain('नमस्ते, ktm');
		expect(ne.text).toContain('तपाईंको समीक्षा पर्खिरहेका');
		expect(ne.text).toContain('साइट हेर्नुहोस्');
		expect(ne.text).not.toContain('Times are shown in UTC');
		const es = await page(newYork, '/admin');
		expect(es.lang).toBe('es');
		expect(es.text).toContain('Esperan tu revisión');
		expect(es.text).toContain('Cerrar sesión');
	});

	it("shows the same deadline in each person's zone, with the zone named", async () => {
		const ne = (await page(kathmandu, '/admin')).text;
		const es = (await page(newYork, '/admin')).text;
		// 12:00 UTC is 17:45 in Kathmandu and 07:00 in New York; each names its offset.
		expect(ne).toMatch(/(17:45|५:४५|१७:४५|5:45)/);
		expect(ne).toMatch(/GMT\+5:45|GMT\+५:४५/);
		expect(es).toMatch(/7:00/);
		expect(es).toMatch(/GMT-5/);
		expect(ne).toContain('बोल्ने पर्खालहरू');
		expect(es).toContain('Muros que hablan');
	});

	it("shows the review pages in Nepali to the Nepali reviewer, the application's time in each reviewer's zone", async () => {
		const list = await page(kathmandu, '/admin/reviews');
		expect(list.lang).toBe('ne');
		expect(list.text).toContain('मेरा समीक्षाहरू');
		expect(list.text).toContain('अझै अंक दिइएको छैन');
		expect(list.text).toContain('बोल्ने पर्खालहरू');
		const ne = await page(kathmandu, `/admin/reviews/${applicationId}`);
		expect(ne.text).toContain('तपाईंका अंक');
		expect(ne.text).toContain('जवाफहरू');
		// Submitted today: in Kathmandu's time for one, New York's for the other.
		expect(ne.text).toMatch(/मा पेस गरिएको।/);
		expect(ne.text).toMatch(/GMT\+५:४५ मा पेस गरिएको/);
		const es = await page(newYork, `/admin/reviews/${applicationId}`);
		expect(es.lang).toBe('es');
		expect(es.text).toMatch(/Enviada el .+ GMT-5\./);
		expect(es.text).toContain('Tus puntuaciones');
	});

	it('lists the applications each reviewer has not scored', async () => {
		const es = (await page(newYork, '/admin')).text;
		expect(es).toContain('Una solicitud asignada a ti aún no tiene puntuación.');
	});
});

describe('the first visit of someone invited', () => {
	it('asks their name, language and time zone with the password, keeps what they typed when something is wrong, and saves it all', async () => {
		const { link } = await createUserWithCli(adminCliEnv(test), { email: 'sita@example.org', role: 'reviewer' });
		const client = new AdminClient(test.origin);
		const form = await client.get(pathOf(link), { 'accept-language': 'ne' });
		const html = await form.text();
		expect(/<html[^>]* lang="([^"]+)"/.exec(html)?.[1]).toBe('ne');
		expect(textOf(html)).toContain('तपाईंको नाम');
		expect(html).toContain('name="timeZone"');

		const wrong = await client.post(pathOf(link), { name: 'Sita Gurung', locale: 'ne', timeZone: 'Asia/Nowhere', password: staffPassword, confirm: staffPassword });
		expect(wrong.status).toBe(400);
		const refused = await wrong.text();
		expect(refused).toContain('value="Sita Gurung"');
		expect(textOf(refused)).toContain('Choose one of the time zones in the list.');

		// The link was not used up by the refusal.
		const saved = await client.post(pathOf(link), { name: 'Sita Gurung', locale: 'ne', timeZone: 'Asia/Katmandu', password: staffPassword, confirm: staffPassword });
		expect(saved.status).toBe(303);
		const row = await db.selectFrom('user').select(['name', 'locale', 'timeZone']).where('email', '=', 'sita@example.org').executeTakeFirstOrThrow();
		// The zone under the name people know today.
		expect(row).toEqual({ name: 'Sita Gurung', locale: 'ne', timeZone: 'Asia/Kathmandu' });
		expect((await client.signIn('sita@example.org', staffPassword)).status).toBe(303);
		const dashboard = await page(client, '/admin');
		expect(dashboard.text).toContain('नमस्ते, Sita Gurung');
		expect(dashboard.text).not.toContain('UTC मा देखाइन्छ');
	});
});

describe('the pages of the calls, for someone who manages them in Spanish', () => {
	it("shows the list of calls and a call's settings in Spanish, the deadline in their zone", async () => {
		const manager = await signedIn(test, 'es-calls@example.org', 'editor');
		await choose(manager, { locale: 'es', timeZone: 'America/New_York' });
		const list = await page(manager, '/admin/calls');
		expect(list.lang).toBe('es');
		expect(list.text).toContain('Convocatorias');
		expect(list.text).toContain('Nueva convocatoria');
		expect(list.text).toContain('Recibe solicitudes');
		expect(list.text).toMatch(/1 mar 2027, 7:00 GMT-5/);
		const settings = await page(manager, `/admin/calls/${callId}`);
		expect(settings.text).toContain('Estado: Abierta');
		expect(settings.text).toContain('Tipo de convocatoria');
		expect(settings.text).toContain('Revisión a ciegas');
		expect(settings.text).toContain('En la zona horaria de la convocatoria (UTC)');
	});
});

describe('the media library and the works of someone who chose Spanish', () => {
	beforeAll(async () => {
		await choose(editor, { locale: 'es', timeZone: 'Europe/Madrid' });
	});

	it('are in Spanish', async () => {
		const media = await page(editor, '/admin/media');
		expect(media.lang).toBe('es');
		expect(media.text).toContain('Subir una foto');
		expect(media.text).toContain('Biblioteca');
		expect(media.text).toContain('Las fotos del teléfono se pueden enviar tal cual.');
		const works = await page(editor, '/admin/works');
		expect(works.text).toContain('Subir varias imágenes, una obra por imagen');
		expect(works.text).toContain('El título contiene');
	});
});

describe('the newsletter pages of someone who reads Indonesian', () => {
	it('shows the overview and the subscriber list in Indonesian, with the counts in words', async () => {
		const client = await signedIn(test, 'ina@example.org', 'editor');
		await choose(client, { locale: 'id', timeZone: 'Asia/Jakarta' });
		const overview = await page(client, '/admin/newsletter');
		expect(overview.lang).toBe('id');
		expect(overview.text).toContain('Kampanye baru');
		expect(overview.text).toMatch(/\d+ pelanggan terkonfirmasi akan menerima kampanye/);
		expect(overview.text).not.toContain('New campaign');
		const subscribers = await page(client, '/admin/newsletter/subscribers');
		expect(subscribers.lang).toBe('id');
		expect(subscribers.text).toContain('Impor pelanggan dari berkas CSV');
		expect(subscribers.text).toMatch(/Semua pelanggan \(\d+\)/);
		expect(subscribers.text).toContain('Terkonfirmasi');
		expect(subscribers.text).not.toContain('All subscribers');
	});
});
