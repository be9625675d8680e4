/**
 * The collective's public pages and the artists' private pages against the
 * built server, with a real SMTP server on loopback: the directory and a profile
 * in every language (only what consent allows, small, no script needed), a
 * profile nobody may see answering 404 in the reader's language, asking for a
 * link (the same answer for any address), the private page (no-store, noindex),
 * saving with a problem keeping what was typed, a bio full of markup shown as
 * text, a withdrawal taking the profile off the site, sitemap and feed, a
 * tampered link, and the relay form.
 */
import { DomUtils } from 'htmlparser2';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales, type Locale } from '$lib/i18n/locales';
import type { DatabaseHandle } from '$lib/server/db/connect';
import { localized, parseHtml, rawRequest, startTestServer, type TestServer } from '../support/http';
import { startSmtpSink } from '../support/smtp';
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };
import id from '../../messages/id.json' with { type: 'json' };
import ne from '../../messages/ne.json' with { type: 'json' };

const messages: Record<Locale, typeof en> = { en, ne, id, es };

let site: TestServer;
let database: DatabaseHandle;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
	smtp = await startSmtpSink();
	site = await startTestServer({ SMTP_URL: smtp.url });
	database = await site.openDatabase();
}, 60_000);

afterAll(async () => {
	await site?.stop();
	await smtp?.close();
});

type Fields = Record<string, string | string[]>;

function post(path: string, fields: Fields) {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(name, v);
	return fetch(site.origin + path, {
		method: 'POST',
		body: params,
		redirect: 'manual',
		headers: { Origin: site.origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' }
	});
}

async function page(response: Response) {
	const html = await response.text();
	return { status: response.status, headers: response.headers, html, doc: parseHtml(html) };
}

const get = async (path: string) => page(await fetch(site.origin + path, { redirect: 'manual' }));
const byId = (doc: ReturnType<typeof parseHtml>, value: string) => doc.all((e) => e.attribs.id === value)[0];
/** The classes of an element (none for the document or nothing). */
const classOf = (node: unknown): string[] => (node && typeof node === 'object' && 'attribs' in node ? String((node as { attribs: Record<string, string> }).attribs.class ?? '').split(' ') : []);
const textOf = (e: ReturnType<typeof byId>) => (e ? DomUtils.textContent(e).replace(/\s+/g, ' ').trim() : '');
const fill = (message: string, values: Record<string, string>) => message.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);

function mailTo(to: string, count = 1): Promise<ParsedMail> {
	return smtp.waitFor((mail) => [mail.to].flat().some((t) => t?.value.some((v) => v.address === to)) && mailsTo(to).length >= count, 15_000).then(() => mailsTo(to)[count - 1]!);
}
function mailsTo(to: string): ParsedMail[] {
	return smtp.messages.map((m) => m.parsed).filter((mail) => [mail.to].flat().some((t) => t?.value.some((v) => v.address === to)));
}
function linkPath(mail: ParsedMail): string {
	const match = /https?:\/\/\S+\/artists\/profile\/[\w-]{43}/.exec(mail.text ?? '');
	if (!match) throw new Error(`no profile link in: ${mail.text}`);
	return new URL(match[0]).pathname;
}

/** The fields of the private page's profile form, as it shows them. */
function formFields(doc: ReturnType<typeof parseHtml>): Fields {
	const form = doc.all((e) => e.name === 'form' && (e.attribs.action ?? '').includes('?/save'))[0]!;
	const fields: Fields = {};
	const add = (name: string, value: string) => {
		const had = fields[name];
		fields[name] = had === undefined ? value : [had, value].flat();
	};
	for (const e of DomUtils.findAll((x) => ['input', 'textarea', 'select'].includes(x.name), [form])) {
		const name = e.attribs.name;
		if (!name) continue;
		if (e.name === 'textarea') add(name, DomUtils.textContent(e));
		else if (e.name === 'select') add(name, DomUtils.findAll((o) => o.name === 'option' && 'selected' in o.attribs, [e])[0]?.attribs.value ?? '');
		else if (e.attribs.type === 'checkbox') {
			if ('checked' in e.attribs) add(name, e.attribs.value ?? 'on');
		} else add(name, e.attribs.value ?? '');
	}
	return fields;
}

describe.each(locales)('the collective’s public pages in %s', (locale) => {
	const t = messages[locale];

	it('lists public profiles with monograms, never one that is not listed, small and without script', async () => {
		const response = await rawRequest(site.origin, localized('/artists', locale), { headers: { 'accept-encoding': 'identity' } });
		expect(response.status).toBe(200);
		expect(response.body.length).toBeLessThan(60_000);
		const html = response.body.toString('utf8');
		const doc = parseHtml(html);
		expect(doc.all((e) => e.name === 'html')[0]?.attribs.lang).toBe(locale);
		expect(DomUtils.textContent(doc.all((e) => e.name === 'h1')[0]!)).toBe(t.artists_title);
		const names = doc.all((e) => e.name === 'h2' && classOf(e.parent?.parent).includes('artist-card')).map((e) => DomUtils.textContent(e).trim());
		expect(names).toContain('Lumen Moth');
		expect(names).toContain('Little Kite');
		expect(names).not.toContain('Grey Heron Studio');
		expect(doc.all((e) => e.name === 'svg' && classOf(e).includes('monogram')).length).toBe(names.length);
		expect(html).not.toContain('@artists.example.org');
	});

	it('filters by country with a GET form', async () => {
		const { status, doc } = await get(localized('/artists?country=ID', locale));
		expect(status).toBe(200);
		const names = doc.all((e) => e.name === 'h2' && classOf(e.parent?.parent).includes('artist-card')).map((e) => DomUtils.textContent(e).trim());
		expect(names.sort()).toEqual(['Dewi Tidepool', 'Kampung Kite']);
		const patan = await get(localized('/artists?initiative=patan-empower-2018', locale));
		const credited = patan.doc.all((e) => e.name === 'h2' && classOf(e.parent?.parent).includes('artist-card')).map((e) => DomUtils.textContent(e).trim());
		expect(credited.sort()).toEqual(['Ink & Ochre', 'Little Kite', 'Lumen Moth']);
		// Only initiatives that credit someone listed are offered; Graz credits only an artist who is not.
		const options = patan.doc.all((e) => e.name === 'option' && e.parent?.type === 'tag' && (e.parent as { attribs: Record<string, string> }).attribs.name === 'initiative').map((e) => e.attribs.value);
		expect(options).toContain('patan-empower-2018');
		expect(options).not.toContain('graz-2019');
	});

	it('shows a public profile with a Person in JSON-LD carrying only what consent allows', async () => {
		const { status, html, doc } = await get(localized('/artists/lumen-moth', locale));
		expect(status).toBe(200);
		expect(html.length).toBeLessThan(60_000);
		expect(DomUtils.textContent(doc.all((e) => e.name === 'h1')[0]!)).toBe('Lumen Moth');
		const ld = JSON.parse(DomUtils.textContent(doc.all((e) => e.name === 'script' && e.attribs.type === 'application/ld+json')[0]!)) as Record<string, unknown>;
		expect(ld['@type']).toBe('Person');
		expect(ld.name).toBe('Lumen Moth');
		expect(JSON.stringify(ld)).not.toMatch(/email|@artists\.example\.org/);
		expect(doc.all((e) => e.name === 'meta' && e.attribs.property === 'og:title')[0]?.attribs.content).toBe('Lumen Moth');
		expect(byId(doc, 'contact-title')).toBeDefined();
		// A young artist: listed with a guardian's consent, but no city and no contact form.
		const kite = await get(localized('/artists/little-kite', locale));
		expect(kite.status).toBe(200);
		expect(byId(kite.doc, 'contact-title')).toBeUndefined();
		expect(kite.html).not.toContain('Patan,');
	});

	it('answers a profile nobody may see, and an unknown one, with 404 in the reader’s language', async () => {
		for (const path of ['/artists/grey-heron-studio', '/artists/no-such-artist']) {
			const { status, html } = await get(localized(path, locale));
			expect(status).toBe(404);
			expect(DomUtils.textContent(parseHtml(html).all((e) => e.name === 'main')[0] ?? parseHtml(html).all((e) => e.name === 'body')[0]!)).toContain(t.artist_not_found);
		}
	});

	it('answers a tampered link with a clear page in the reader’s language and the form for a new link, not an error', async () => {
		const { status, headers, doc } = await get(localized(`/artists/profile/${'A'.repeat(43)}`, locale));
		expect(status).toBe(404);
		expect(textOf(byId(doc, 'link-problem'))).toBe(t.artist_profile_unknown);
		expect(headers.get('cache-control')).toBe('private, no-store');
		expect(doc.all((e) => e.name === 'meta' && e.attribs.name === 'robots')[0]?.attribs.content).toBe('noindex');
		expect(doc.all((e) => e.name === 'form' && e.attribs.action === localized('/artists/profile', locale))).toHaveLength(1);
	});

	it('answers a request for a link the same way for an address nobody has', async () => {
		const form = await get(localized('/artists/profile', locale));
		expect(form.status).toBe(200);
		expect(DomUtils.textContent(form.doc.all((e) => e.name === 'h1')[0]!)).toBe(t.artists_link_title);
		const { status, doc } = await page(await post(localized('/artists/profile', locale), { email: `nobody-${locale}@example.org` }));
		expect(status).toBe(200);
		expect(textOf(byId(doc, 'link-sent'))).toBe(t.artists_link_sent);
	});
});

describe('an artist’s private link', () => {
	const email = 'laneway-lark@artists.example.org';

	it('arrives by e-mail, opens a private page, keeps what was typed on a problem, and shows a bio full of markup as text', async () => {
		const asked = await page(await post('/es/artists/profile', { email }));
		expect(textOf(byId(asked.doc, 'link-sent'))).toBe(es.artists_link_sent);
		const mail = await mailTo(email);
		// The artist's own language (English), whatever the page's.
		const org = await database.db.selectFrom('organization').select('name').executeTakeFirstOrThrow();
		expect(mail.subject).toBe(fill(en.mail_artist_link_subject, { site: org.name }));
		const path = linkPath(mail);
		const own = await get(path);
		expect(own.status).toBe(200);
		expect(own.headers.get('cache-control')).toBe('private, no-store');
		expect(own.headers.get('referrer-policy')).toBe('same-origin');
		expect(own.doc.all((e) => e.name === 'meta' && e.attribs.name === 'robots')[0]?.attribs.content).toBe('noindex');
		const fields = formFields(own.doc);
		expect(fields.name).toBe('Laneway Lark');

		const refused = await page(await post(`${path}?/save`, { ...fields, pronouns: 'she/they', 'link.0.url': 'javascript:alert(1)' }));
		expect(refused.status).toBe(400);
		expect(textOf(byId(refused.doc, 'profile-problem'))).toBe(en.artist_profile_problem);
		expect(textOf(byId(refused.doc, 'link-0-error'))).toContain(en.artist_error_link);
		expect(formFields(refused.doc).pronouns).toBe('she/they');

		const bio = '<h1>Big</h1><script>alert("x")</script><b>Bold</b> & <i>plain</i> text\n\n<img src=x onerror=alert(1)>Second paragraph';
		const saved = await page(await post(`${path}?/save`, { ...fields, 'bio.en': bio }));
		expect(saved.status).toBe(200);
		expect(textOf(byId(saved.doc, 'profile-result'))).toBe(en.artist_profile_saved);
		const profile = await get('/artists/laneway-lark');
		const paragraphs = profile.doc.all((e) => e.name === 'p' && classOf(e.parent).includes('bio')).map((e) => DomUtils.textContent(e));
		expect(paragraphs).toEqual(['Big Bold & plain text', 'Second paragraph']);
		expect(profile.html).not.toMatch(/<b>Bold|onerror|<script>alert/);
	});

	it('takes the profile off the site, the sitemap and the feed at once when the artist withdraws', async () => {
		const path = linkPath(mailsTo(email).at(-1)!);
		expect((await get('/sitemap.xml')).html).toContain('/artists/laneway-lark');
		expect((await get('/feed.xml')).html).toContain('/artists/laneway-lark');
		expect((await get('/search?q=Laneway+Lark')).html).toContain('href="/artists/laneway-lark"');
		const done = await page(await post(`${path}?/withdraw`, {}));
		expect(textOf(byId(done.doc, 'profile-result'))).toBe(en.artist_profile_withdrawn);
		expect((await get('/artists/laneway-lark')).status).toBe(404);
		expect((await get('/sitemap.xml')).html).not.toContain('/artists/laneway-lark');
		expect((await get('/feed.xml')).html).not.toContain('/artists/laneway-lark');
		expect((await get('/search?q=Laneway+Lark')).html).not.toContain('href="/artists/laneway-lark"');
		const artist = await database.db.selectFrom('artist').select(['id', 'consent_directory']).where('slug', '=', 'laneway-lark').executeTakeFirstOrThrow();
		expect(Number(artist.consent_directory)).toBe(0);
		const ledger = await database.db.selectFrom('artist_consent_event').selectAll().where('artist_id', '=', artist.id).where('granted', '=', 0).execute();
		expect(ledger.map((e) => [e.purpose, e.given_by, e.method]).sort()).toEqual([
			['city', 'artist', 'profile-link'],
			['contact', 'artist', 'profile-link'],
			['credit_name', 'artist', 'profile-link'],
			['directory', 'artist', 'profile-link']
		]);
	});

	it('stops working once a newer link was sent, with the expired page in the reader’s language', async () => {
		const older = linkPath(mailsTo(email).at(-1)!);
		await post('/artists/profile', { email });
		await mailTo(email, 2);
		const { status, doc } = await get(older.replace('/artists/', '/ne/artists/'));
		expect(status).toBe(410);
		expect(textOf(byId(doc, 'link-problem'))).toBe(ne.artist_profile_expired);
	});
});

describe('the relay form', () => {
	it('mails the message to the artist with Reply-To the visitor, never showing the artist’s address', async () => {
		const form = await get('/id/artists/dewi-tidepool');
		expect(form.html).not.toContain('dewi-tidepool@');
		const sent = await page(await post('/id/artists/dewi-tidepool?/relay', { name: 'Visitor', email: 'visitor@example.org', message: 'Your paper-cuts moved me.', website: '' }));
		expect(sent.status).toBe(200);
		expect(textOf(byId(sent.doc, 'relay-sent'))).toBe(id.artist_contact_sent);
		const mail = await mailTo('dewi-tidepool@artists.example.org');
		expect(mail.replyTo?.value[0]?.address).toBe('visitor@example.org');
		expect(mail.text).toContain('Your paper-cuts moved me.');
		expect(mail.subject).toBe(fill(id.mail_artist_relay_subject, { name: 'Visitor' }));
	});

	it('keeps what was typed and says what is wrong in the reader’s language', async () => {
		const refused = await page(await post('/es/artists/kampung-kite?/relay', { name: 'Ana', email: 'not-an-address', message: 'Hola' }));
		expect(refused.status).toBe(400);
		expect(textOf(byId(refused.doc, 'relay-email-error'))).toBe(es.artist_error_email);
		expect(refused.doc.all((e) => e.attribs.id === 'relay-name')[0]?.attribs.value).toBe('Ana');
	});

	it('answers a robot caught by the trap field as a person, and sends nothing; a profile without contact takes no messages', async () => {
		const before = smtp.messages.length;
		const trapped = await page(await post('/artists/colibri-ruido?/relay', { name: 'Bot', email: 'bot@example.org', message: 'Buy', website: 'http://spam.example' }));
		expect(textOf(byId(trapped.doc, 'relay-sent'))).toBe(en.artist_contact_sent);
		expect((await post('/artists/little-kite?/relay', { name: 'A', email: 'a@example.org', message: 'Hi' })).status).toBe(404);
		await new Promise((r) => setTimeout(r, 500));
		expect(smtp.messages.length).toBe(before);
	});
});

describe('an artist’s works', () => {
	const email = 'lumen-moth@artists.example.org';

	async function workIdsOf(slug: string): Promise<number[]> {
		const rows = await database.db
			.selectFrom('artwork_artist')
			.innerJoin('artist', 'artist.id', 'artwork_artist.artist_id')
			.select('artwork_artist.artwork_id')
			.where('artist.slug', '=', slug)
			.orderBy('artwork_artist.artwork_id')
			.execute();
		return rows.map((r) => r.artwork_id);
	}

	it('are on the public profile, each linked to its page in an exhibition, with the exhibitions the artist curated', async () => {
		const { status, doc } = await get('/es/artists/lumen-moth');
		expect(status).toBe(200);
		const workLinks = doc.all((e) => e.name === 'a' && /^\/es\/exhibitions\/[a-z0-9-]+\/\d+$/.test(e.attribs.href ?? ''));
		expect(workLinks.length).toBe((await workIdsOf('lumen-moth')).length);
		const curated = doc.all((e) => e.name === 'li' && textOf(e).includes(`(${es.artist_exhibition_curated})`));
		expect(curated.length).toBe(1);
		expect(curated.some((li) => DomUtils.findOne((e) => e.name === 'a' && e.attribs.href === '/es/exhibitions/night-light', [li]) !== null)).toBe(true);
	});

	it('can be edited by the artist from the private page, and only their own', async () => {
		await post('/artists/profile', { email });
		const path = linkPath(await mailTo(email));
		const own = await get(path);
		const [first] = await workIdsOf('lumen-moth');
		const listed = own.doc.all((e) => e.name === 'a' && (e.attribs.href ?? '').startsWith(`${path}/works/`)).map((e) => e.attribs.href);
		expect(listed).toContain(`${path}/works/${first}`);

		// The demo's works have no pictures in tests (DEMO_PHOTOS=off): this one is given an image's entry, to have alt text to edit.
		await database.db
			.updateTable('artwork')
			.set({ images: JSON.stringify([{ mediaId: 999_999, alt: { en: 'A moth of amber light on a wall' } }]) })
			.where('id', '=', first!)
			.execute();
		const form = await get(`${path}/works/${first}`);
		expect(form.status).toBe(200);
		expect(form.headers.get('cache-control')).toBe('private, no-store');
		const value = (name: string) => form.doc.all((e) => (e.name === 'input' || e.name === 'textarea') && e.attribs.name === name).map((e) => (e.name === 'input' ? (e.attribs.value ?? '') : DomUtils.textContent(e)))[0] ?? '';
		const fields: Fields = {};
		for (const e of form.doc.all((e) => (e.name === 'input' || e.name === 'textarea') && e.attribs.name !== undefined)) fields[e.attribs.name!] = value(e.attribs.name!);
		expect(fields['title.en']).not.toBe('');
		expect(fields['alt.0.en']).toBe('A moth of amber light on a wall');

		// A problem keeps what was typed and names the field, in the reader's language.
		// The link is in the artist's language (Nepali); the same page in Indonesian:
		const inIndonesian = path.replace(/^\/(?:ne|id|es)(?=\/)/, '').replace('/artists/', '/id/artists/');
		const refused = await page(await post(`${inIndonesian}/works/${first}`, { ...fields, 'title.en': '', 'description.id': 'Deskripsi baru yang panjang.' }));
		expect(refused.status, refused.html.slice(0, 3000)).toBe(400);
		expect(textOf(byId(refused.doc, 'work-problem'))).toBe(id.artist_work_problem);
		expect(textOf(refused.doc.all((e) => e.attribs.id === 'title-en-error')[0])).toContain(id.artist_work_title_required);
		expect(DomUtils.textContent(refused.doc.all((e) => e.name === 'textarea' && e.attribs.name === 'description.id')[0]!)).toBe('Deskripsi baru yang panjang.');

		const saved = await page(await post(`${path}/works/${first}`, { ...fields, 'title.es': 'Señal nueva', 'alt.0.es': 'Una polilla de luz ámbar sobre un muro.' }));
		expect(saved.status).toBe(200);
		expect(textOf(byId(saved.doc, 'work-result'))).toBe(ne.artist_work_saved);
		const row = await database.db.selectFrom('artwork').select(['title', 'images']).where('id', '=', first!).executeTakeFirstOrThrow();
		expect(JSON.parse(row.title).es).toBe('Señal nueva');
		expect(JSON.parse(row.images)[0].alt.es).toBe('Una polilla de luz ámbar sobre un muro.');
		const audit = await database.db.selectFrom('audit_event').select(['action', 'subject', 'detail']).where('subject', '=', `artwork:${first}`).orderBy('id', 'desc').executeTakeFirstOrThrow();
		expect(audit.action).toBe('content.artwork-texts-updated');
		expect(JSON.parse(audit.detail ?? '{}')).toMatchObject({ byArtist: expect.any(Number) });
		// The exhibition's Spanish page shows the artist's new title.
		const shown = await get('/es/artists/lumen-moth');
		expect(shown.html).toContain('Señal nueva');

		// Another artist's work is not theirs to open or change.
		const theirs = (await workIdsOf('ink-and-ochre')).find((w) => !(listed as string[]).includes(`${path}/works/${w}`))!;
		expect((await get(`${path}/works/${theirs}`)).status).toBe(404);
		const tampered = await post(`${path}/works/${theirs}`, { 'title.en': 'Taken' });
		expect(tampered.status).toBe(404);
		const untouched = await database.db.selectFrom('artwork').select('title').where('id', '=', theirs).executeTakeFirstOrThrow();
		expect(JSON.parse(untouched.title).en).not.toBe('Taken');
	});
});
