/**
 * The public newsletter (issue 5) against the built server, with a real SMTP
 * server on loopback: signing up from /newsletter and from any page's footer
 * without script, the same answer whatever the address's state, refused forms
 * in the visitor's language with what was typed, the trap field, double opt-in
 * (a GET never confirms), expired and altered links, the welcome e-mail and its
 * RFC 8058 headers, preferences, the data download, deletion, one-click
 * unsubscribe as mail providers send it, the cross-site check, private pages
 * never cached, and every e-mail in each language.
 */
import { createHash } from 'node:crypto';
import { DomUtils } from 'htmlparser2';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales, type Locale } from '$lib/i18n/locales';
import type { DatabaseHandle } from '$lib/server/db/connect';
import { header, isInside, localized, parseHtml, rawRequest, relTokens, startTestServer, textOf, type TestServer } from '../support/http';
import { startSmtpSink } from '../support/smtp';
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };
import id from '../../messages/id.json' with { type: 'json' };
import ne from '../../messages/ne.json' with { type: 'json' };

const messages: Record<Locale, typeof en> = { en, ne, id, es };

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let site: TestServer;
let database: DatabaseHandle;
let siteName: string;
let consentVersion: string;

beforeAll(async () => {
	smtp = await startSmtpSink();
	// Every request here comes from 127.0.0.1: far more sign-ups than one visitor's share (abuse-limits.test.ts tests the limits).
	site = await startTestServer({ SMTP_URL: smtp.url, NEWSLETTER_SIGNUPS_PER_IP: '10000', NEWSLETTER_SIGNUPS_PER_HOUR: '10000' });
	database = await site.openDatabase();
	siteName = (await database.db.selectFrom('organization').select('name').executeTakeFirstOrThrow()).name;
	consentVersion = String((await database.db.selectFrom('newsletter_consent_text').select('version').orderBy('version', 'desc').executeTakeFirstOrThrow()).version);
}, 60_000);

afterAll(async () => {
	await site?.stop();
	await smtp?.close();
});

type Fields = Record<string, string | string[]>;

function body(fields: Fields): URLSearchParams {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(name, v);
	return params;
}

/** A form posted as a browser posts it: same Origin, asking for HTML. */
function post(path: string, fields: Fields, headers: Record<string, string> = {}) {
	return fetch(site.origin + path, {
		method: 'POST',
		body: body(fields),
		redirect: 'manual',
		headers: { Origin: site.origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', ...headers }
	});
}

const byId = (doc: ReturnType<typeof parseHtml>, value: string) => doc.all((e) => e.attribs.id === value)[0];
const text = (e: ReturnType<typeof byId>) => (e ? DomUtils.textContent(e).replace(/\s+/g, ' ').trim() : '');
const fill = (message: string, values: Record<string, string | number>) =>
	message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

/** The first message to `to` whose subject matches, waiting for the jobs queue to send it. */
function mailTo(to: string, subject?: string | RegExp): Promise<ParsedMail> {
	return smtp.waitFor((mail) => {
		const recipients = [mail.to].flat().flatMap((t) => t?.value.map((v) => v.address) ?? []);
		if (!recipients.includes(to)) return false;
		if (subject === undefined) return true;
		return typeof subject === 'string' ? mail.subject === subject : subject.test(mail.subject ?? '');
	}, 15_000);
}

/** A header's value as it came over the wire (mailparser turns List-* headers into objects), unfolded. */
function headerLine(mail: ParsedMail, name: string): string | undefined {
	const line = mail.headerLines.find((h) => h.key === name)?.line;
	return line?.replace(/\r?\n[ \t]+/g, ' ').slice(name.length + 1).trim();
}

function mailsTo(to: string): ParsedMail[] {
	return smtp.messages.map((m) => m.parsed).filter((mail) => [mail.to].flat().some((t) => t?.value.some((v) => v.address === to)));
}

/** The path of the first link to `kind` in the text part. */
function linkIn(mail: ParsedMail, kind: 'confirm' | 'preferences' | 'unsubscribe'): string {
	const match = new RegExp(`https?://[^\\s]+/newsletter/${kind}/[\\w-]+`).exec(mail.text ?? '');
	if (!match) throw new Error(`no ${kind} link in: ${mail.text}`);
	expect(match[0].startsWith(site.origin)).toBe(true);
	return new URL(match[0]).pathname;
}

function signUp(email: string, locale: Locale, extra: Fields = {}) {
	return post(localized('/newsletter', locale), {
		email,
		locale,
		topics: ['news', 'events'],
		consent: 'yes',
		consent_version: consentVersion,
		source: localized('/newsletter', locale),
		...extra
	});
}

/** Signs up and confirms through the pages and the e-mails; returns the welcome e-mail and its links. */
async function subscribed(email: string, locale: Locale) {
	expect((await signUp(email, locale)).status).toBe(200);
	const confirmPath = linkIn(await mailTo(email, fill(messages[locale].mail_newsletter_confirm_subject, { site: siteName })), 'confirm');
	expect((await post(confirmPath, {})).status).toBe(200);
	const welcome = await mailTo(email, fill(messages[locale].mail_newsletter_welcome_subject, { site: siteName }));
	return { welcome, preferences: linkIn(welcome, 'preferences'), unsubscribe: linkIn(welcome, 'unsubscribe') };
}

function subscriberRow(email: string) {
	return database.db.selectFrom('subscriber').selectAll().where('email', '=', email).executeTakeFirst();
}

async function ledgerOf(email: string) {
	const hash = createHash('sha256').update(email).digest('hex');
	return database.db.selectFrom('consent_event').selectAll().where('email_hash', '=', hash).orderBy('id').execute();
}

describe.each(locales)('/newsletter in %s', (locale) => {
	it('is a sign-up form that works without script, within 35 000 bytes compressed, with no footer form', async () => {
		const url = localized('/newsletter', locale);
		const response = await rawRequest(site.origin, url, { headers: { 'accept-encoding': 'identity' } });
		expect(response.status).toBe(200);
		expect(header(response, 'cache-control')).toMatch(/^public/);
		const doc = parseHtml(response.body.toString('utf8'));
		expect(doc.html?.attribs.lang).toBe(locale);
		expect(doc.byTag('script').filter((s) => s.attribs.type !== 'application/ld+json')).toEqual([]);
		expect(text(doc.byTag('h1')[0])).toBe(messages[locale].newsletter_title);
		const forms = doc.byTag('form');
		expect(forms).toHaveLength(1);
		expect(forms[0]!.attribs.method).toBe('post');
		expect(byId(doc, 'email')?.attribs.type).toBe('email');
		expect(doc.all((e) => e.name === 'input' && e.attribs.name === 'consent_version')[0]?.attribs.value).toBe(consentVersion);
		expect(doc.all((e) => e.name === 'input' && e.attribs.name === 'topics').map((e) => [e.attribs.value, 'checked' in e.attribs])).toEqual([
			['news', true],
			['open-calls', true],
			['events', true]
		]);
		// The page's language is the e-mails' language unless the visitor picks another.
		expect(doc.all((e) => e.name === 'option' && 'selected' in e.attribs).map((o) => o.attribs.value)).toEqual([locale]);

		let total = (await rawRequest(site.origin, url, { headers: { 'accept-encoding': 'br' } })).body.byteLength;
		for (const link of doc.all((e) => e.name === 'link' && relTokens(e).includes('stylesheet'))) {
			total += (await rawRequest(site.origin, link.attribs.href!, { headers: { 'accept-encoding': 'br' } })).body.byteLength;
		}
		expect(total).toBeLessThanOrEqual(35_000);
	});

	it('is in the sitemap', async () => {
		const sitemap = await (await fetch(`${site.origin}/sitemap.xml`)).text();
		expect(sitemap).toContain(`<loc>${site.origin}${localized('/newsletter', locale)}</loc>`);
	});
});

describe('the word for the newsletter in Nepali', () => {
	it('is न्युजलेटर on the page and in its consent box, as in every Nepali text and e-mail, never समाचारपत्र', async () => {
		const page = textOf(await (await fetch(`${site.origin}/ne/newsletter`)).text());
		expect(page).toContain('म न्युजलेटर पाउन चाहन्छु');
		expect(page).not.toContain('समाचारपत्र');
		expect(JSON.stringify(ne)).not.toContain('समाचारपत्र');
		expect(ne.mail_campaign_why).toContain('न्युजलेटर');
	});
});

describe('the footer of every other page', () => {
	it('has the short sign-up, posting to /newsletter in the page’s language with the page as its source', async () => {
		for (const [locale, path] of [['en', '/'], ['es', '/about'], ['ne', '/donate'], ['id', '/manifesto']] as const) {
			const url = localized(path, locale);
			const doc = parseHtml(await (await fetch(site.origin + url)).text());
			const form = doc.all((e) => e.name === 'form' && e.attribs.class === 'short-sign-up-form')[0];
			expect(form?.attribs.action, url).toBe(localized('/newsletter', locale));
			const hidden = Object.fromEntries(
				doc.all((e) => e.name === 'input' && e.attribs.type === 'hidden' && isInside(e, form)).map((e) => [e.attribs.name, e.attribs.value])
			);
			expect(hidden).toEqual({ form: 'short', source: url, consent_version: consentVersion });
			expect(text(doc.all((e) => e.name === 'label' && e.attribs.for === 'short-sign-up-email')[0])).toBe(messages[locale].newsletter_email_label);
		}
	});
});

describe('signing up', () => {
	it('from /newsletter: check your inbox, a confirm e-mail in the chosen language, a pending subscriber and a ledger entry', async () => {
		const response = await signUp('Ana@Example.org', 'en', { name: 'Ana', locale: 'id', topics: ['news', 'events'] });
		expect(response.status).toBe(200);
		const doc = parseHtml(await response.text());
		expect(doc.html?.attribs.lang).toBe('en');
		expect(text(byId(doc, 'sent-title'))).toBe(en.newsletter_sent_title);
		expect(doc.byTag('form')).toHaveLength(0);

		const mail = await mailTo('ana@example.org');
		expect(mail.subject).toBe(fill(id.mail_newsletter_confirm_subject, { site: siteName }));
		expect(mail.headers.get('content-language')).toBe('id');
		expect(linkIn(mail, 'confirm')).toMatch(/^\/id\/newsletter\/confirm\/[\w-]{43}$/);
		expect(await subscriberRow('ana@example.org')).toMatchObject({ status: 'pending', locale: 'id', name: 'Ana', topics: '["news","events"]' });
		const [event] = await ledgerOf('ana@example.org');
		expect(event).toMatchObject({ action: 'subscribed', source_page: '/newsletter', consent_text_version: Number(consentVersion), method: 'double-opt-in' });
	});

	it('from the footer of another page: the page is the source, every topic, the page’s language', async () => {
		const response = await post('/es/newsletter', {
			form: 'short',
			source: '/es/about',
			email: 'lucia@example.org',
			consent: 'yes',
			consent_version: consentVersion
		});
		expect(response.status).toBe(200);
		expect(text(byId(parseHtml(await response.text()), 'sent-title'))).toBe(es.newsletter_sent_title);
		expect(await subscriberRow('lucia@example.org')).toMatchObject({ locale: 'es', topics: '["news","open-calls","events"]' });
		expect((await ledgerOf('lucia@example.org'))[0]?.source_page).toBe('/es/about');
		expect((await mailTo('lucia@example.org')).subject).toBe(fill(es.mail_newsletter_confirm_subject, { site: siteName }));
	});

	it('from the footer with a mistake: lands on /newsletter with the errors in Spanish and what was typed, 400', async () => {
		const response = await post('/es/newsletter', { form: 'short', source: '/es/about', email: 'lucia@', consent_version: consentVersion });
		expect(response.status).toBe(400);
		expect(response.headers.get('cache-control') ?? '').not.toMatch(/public/);
		const doc = parseHtml(await response.text());
		expect(doc.html?.attribs.lang).toBe('es');
		expect(text(byId(doc, 'email-error'))).toBe(es.newsletter_error_email_invalid);
		expect(text(byId(doc, 'consent-error'))).toBe(es.newsletter_error_consent_required);
		expect(byId(doc, 'email')?.attribs.value).toBe('lucia@');
		expect(byId(doc, 'email')?.attribs['aria-describedby']).toContain('email-error');
		// The sign-up keeps its source page when sent again from here.
		expect(doc.all((e) => e.attribs.name === 'source')[0]?.attribs.value).toBe('/es/about');
		expect(text(byId(doc, 'error-summary-title'))).toBe(es.newsletter_errors_title);
	});

	it('refuses bad input field by field in Spanish, keeping everything typed, and stores nothing', async () => {
		const response = await post('/es/newsletter', {
			email: 'no-es-un-correo',
			name: 'x'.repeat(81),
			locale: 'id',
			topics: ['events'],
			consent_version: consentVersion
		});
		expect(response.status).toBe(400);
		const doc = parseHtml(await response.text());
		expect(text(byId(doc, 'email-error'))).toBe(es.newsletter_error_email_invalid);
		expect(text(byId(doc, 'name-error'))).toBe(fill(es.newsletter_error_name_too_long, { max: 80 }));
		expect(text(byId(doc, 'consent-error'))).toBe(es.newsletter_error_consent_required);
		expect(byId(doc, 'email')?.attribs.value).toBe('no-es-un-correo');
		expect(byId(doc, 'name')?.attribs.value).toBe('x'.repeat(81));
		expect(byId(doc, 'name')?.attribs['aria-invalid']).toBe('true');
		expect(doc.all((e) => e.name === 'option' && 'selected' in e.attribs).map((o) => o.attribs.value)).toEqual(['id']);
		expect(doc.all((e) => e.name === 'input' && e.attribs.name === 'topics' && 'checked' in e.attribs).map((e) => e.attribs.value)).toEqual(['events']);

		const topic = await post('/es/newsletter', { email: 'tema@example.org', topics: ['news', 'gossip'], consent: 'yes', consent_version: consentVersion });
		expect(topic.status).toBe(400);
		expect(text(byId(parseHtml(await topic.text()), 'topics-error'))).toBe(es.newsletter_error_topic_unknown);
		const language = await post('/es/newsletter', { email: 'idioma@example.org', locale: 'fr', consent: 'yes', consent_version: consentVersion });
		expect(language.status).toBe(400);
		expect(text(byId(parseHtml(await language.text()), 'locale-error'))).toBe(es.newsletter_error_locale_invalid);
		for (const version of ['abc', '99', '-1']) {
			const stale = await post('/es/newsletter', { email: 'version@example.org', consent: 'yes', consent_version: version });
			expect(stale.status).toBe(400);
			expect(text(byId(parseHtml(await stale.text()), 'consent-error'))).toBe(es.newsletter_error_consent_text_unknown);
		}
		for (const email of ['no-es-un-correo', 'tema@example.org', 'idioma@example.org', 'version@example.org']) {
			expect(await subscriberRow(email)).toBeUndefined();
		}
	});

	it('answers a new, a pending and a confirmed address alike, and mails a confirmed one "already subscribed" once', async () => {
		const confirmed = await subscribed('same-old@example.org', 'en');
		expect(confirmed.welcome).toBeDefined();
		const answers = [];
		for (const email of ['same-new@example.org', 'same-new@example.org', 'same-old@example.org', 'same-old@example.org']) {
			const response = await signUp(email, 'en');
			answers.push({ status: response.status, body: (await response.text()).replaceAll(email, '…') });
		}
		for (const answer of answers) expect(answer).toEqual(answers[0]);
		expect(answers[0]!.status).toBe(200);

		const already = await mailTo('same-old@example.org', fill(en.mail_newsletter_already_subject, { site: siteName }));
		expect(linkIn(already, 'preferences')).toBe(confirmed.preferences);
		// The pending address got one confirm link, the confirmed one one note: no flood.
		await new Promise((r) => setTimeout(r, 1500));
		expect(mailsTo('same-new@example.org')).toHaveLength(1);
		expect(mailsTo('same-old@example.org').map((m) => m.subject)).toEqual([
			fill(en.mail_newsletter_confirm_subject, { site: siteName }),
			fill(en.mail_newsletter_welcome_subject, { site: siteName }),
			fill(en.mail_newsletter_already_subject, { site: siteName })
		]);
	});

	it('ignores a robot that fills in the trap field, with the same answer', async () => {
		const response = await signUp('robot@example.org', 'en', { website: 'https://spam.example' });
		expect(response.status).toBe(200);
		expect(text(byId(parseHtml(await response.text()), 'sent-title'))).toBe(en.newsletter_sent_title);
		expect(await subscriberRow('robot@example.org')).toBeUndefined();
	});

	it('refuses a form sent from another site (CSRF)', async () => {
		const forged = await post('/newsletter', { email: 'forged2@example.org', consent: 'yes' }, { Origin: 'https://evil.example' });
		expect(forged.status).toBe(403);
		expect(await subscriberRow('forged2@example.org')).toBeUndefined();
	});
});

describe('the confirm link', () => {
	it('shows a button on opening and confirms nothing; the button confirms, once; the welcome e-mail follows', async () => {
		expect((await signUp('bea@example.org', 'id')).status).toBe(200);
		const path = linkIn(await mailTo('bea@example.org'), 'confirm');
		for (let i = 0; i < 2; i++) {
			const opened = await fetch(site.origin + path);
			expect(opened.status).toBe(200);
			expect(opened.headers.get('cache-control')).toBe('private, no-store');
			const doc = parseHtml(await opened.text());
			expect(doc.html?.attribs.lang).toBe('id');
			expect(text(doc.byTag('button')[0])).toBe(id.newsletter_confirm_button);
			expect(doc.all((e) => e.name === 'meta' && e.attribs.name === 'robots')[0]?.attribs.content).toBe('noindex');
			expect(doc.all((e) => e.name === 'meta' && e.attribs.name === 'referrer')[0]?.attribs.content).toBe('same-origin');
		}
		expect((await subscriberRow('bea@example.org'))?.status).toBe('pending');

		const confirmed = await post(path, {});
		expect(confirmed.status).toBe(200);
		expect(confirmed.headers.get('cache-control')).toBe('private, no-store');
		const doc = parseHtml(await confirmed.text());
		expect(text(doc.byTag('h1')[0])).toBe(id.newsletter_confirmed_title);
		const preferencesLink = doc.all((e) => e.name === 'a' && /\/newsletter\/preferences\//.test(e.attribs.href ?? ''))[0];
		expect(preferencesLink?.attribs.href).toMatch(/^\/id\/newsletter\/preferences\/[\w-]{43}$/);
		expect((await subscriberRow('bea@example.org'))?.status).toBe('confirmed');
		expect((await ledgerOf('bea@example.org')).map((e) => e.action)).toEqual(['subscribed', 'confirmed']);

		const again = await post(path, {});
		expect(again.status).toBe(410);
		expect(await again.text()).toContain(id.newsletter_confirm_used);

		const welcome = await mailTo('bea@example.org', fill(id.mail_newsletter_welcome_subject, { site: siteName }));
		const unsubscribeUrl = `${site.origin}${linkIn(welcome, 'unsubscribe')}`;
		expect(linkIn(welcome, 'preferences')).toBe(preferencesLink?.attribs.href);
		expect(headerLine(welcome, 'list-unsubscribe')).toContain(`<${unsubscribeUrl}>`);
		expect(headerLine(welcome, 'list-unsubscribe')).toMatch(/<mailto:[^>]+\?subject=unsubscribe>$/);
		expect(headerLine(welcome, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
		expect(welcome.headers.get('content-language')).toBe('id');
		expect(welcome.date).toBeInstanceOf(Date);
		expect(Math.abs(welcome.date!.getTime() - Date.now())).toBeLessThan(5 * 60_000);
		expect(welcome.messageId).toMatch(/^<[^<>@\s]+@[^<>@\s]+>$/);
		expect(welcome.text).toContain(fill(id.mail_newsletter_welcome_body, { site: siteName }));
		expect(welcome.html).toContain('lang="id"');
	});

	it('answers an expired link with 410, its reason and the sign-up form; an altered one with 404', async () => {
		expect((await signUp('carlos@example.org', 'es')).status).toBe(200);
		const path = linkIn(await mailTo('carlos@example.org'), 'confirm');
		const subscriber = await subscriberRow('carlos@example.org');
		await database.db
			.updateTable('subscriber_token')
			.set({ expires_at: new Date(Date.now() - 1000).toISOString() })
			.where('subscriber_id', '=', subscriber!.id)
			.where('purpose', '=', 'confirm')
			.execute();
		for (const response of [await fetch(site.origin + path), await post(path, {})]) {
			expect(response.status).toBe(410);
			const doc = parseHtml(await response.text());
			expect(doc.html?.attribs.lang).toBe('es');
			expect(text(doc.byTag('h1')[0])).toBe(es.newsletter_link_problem_title);
			expect(text(doc.all((e) => e.name === 'p' && e.attribs.class === 'lead')[0])).toBe(es.newsletter_confirm_expired);
			const form = doc.all((e) => e.name === 'form')[0];
			expect(form?.attribs.action).toBe('/es/newsletter');
			expect(doc.all((e) => e.attribs.name === 'source')[0]?.attribs.value).toBe('/es/newsletter');
		}
		expect((await subscriberRow('carlos@example.org'))?.status).toBe('pending');

		const token = path.split('/').pop()!;
		const altered = `/es/newsletter/confirm/${(token[0] === 'A' ? 'B' : 'A') + token.slice(1)}`;
		for (const url of [altered, '/es/newsletter/confirm/short', '/newsletter/confirm/%27%3B%20drop%20table']) {
			const response = await fetch(site.origin + url);
			expect(response.status, url).toBe(404);
			expect(await response.text()).toContain(url.startsWith('/es') ? es.newsletter_confirm_unknown : en.newsletter_confirm_unknown);
		}
		expect((await post(altered, {})).status).toBe(404);
	});
});

describe('the preferences page', () => {
	it('changes language, topics and pause, and says what is wrong in a refused change', async () => {
		const { preferences } = await subscribed('dewi@example.org', 'id');
		const opened = await fetch(site.origin + preferences);
		expect(opened.status).toBe(200);
		expect(opened.headers.get('cache-control')).toBe('private, no-store');
		const page = parseHtml(await opened.text());
		expect(text(page.byTag('h1')[0])).toBe(id.newsletter_preferences_title);
		expect(await (await fetch(site.origin + preferences)).text()).toContain('dewi@example.org');

		const saved = await post(`${preferences}?/save`, { locale: 'es', topics: ['open-calls'], paused: 'on' });
		expect(saved.status).toBe(200);
		const doc = parseHtml(await saved.text());
		expect(text(doc.all((e) => e.attribs.class === 'notice')[0])).toBe(id.newsletter_saved);
		expect(text(byId(doc, 'subscription-status'))).toBe(id.newsletter_status_paused);
		expect(await subscriberRow('dewi@example.org')).toMatchObject({ locale: 'es', topics: '["open-calls"]', paused: 1, status: 'confirmed' });
		expect((await ledgerOf('dewi@example.org')).at(-1)).toMatchObject({ action: 'preferences-changed', method: 'preferences' });

		const refused = await post(`${preferences}?/save`, { locale: 'fr', topics: ['news'] });
		expect(refused.status).toBe(400);
		expect(text(byId(parseHtml(await refused.text()), 'locale-error'))).toBe(id.newsletter_error_locale_invalid);
		const unknownTopic = await post(`${preferences}?/save`, { locale: 'id', topics: ['gossip'] });
		expect(unknownTopic.status).toBe(400);
		expect(text(byId(parseHtml(await unknownTopic.text()), 'topics-error'))).toBe(id.newsletter_error_topic_unknown);
		expect((await subscriberRow('dewi@example.org'))?.locale).toBe('es');
	});

	it('downloads everything held as a JSON file that no cache keeps', async () => {
		const { preferences } = await subscribed('eko@example.org', 'en');
		const doc = parseHtml(await (await fetch(site.origin + preferences)).text());
		const href = doc.all((e) => e.name === 'a' && 'download' in e.attribs)[0]?.attribs.href;
		expect(href).toBe(`${preferences}/data.json`);
		const response = await fetch(site.origin + href);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="newsletter-data.json"');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		const data = (await response.json()) as { subscriber: { email: string; status: string }; consentEvents: { action: string; consentText: unknown }[] };
		expect(data.subscriber).toMatchObject({ email: 'eko@example.org', status: 'confirmed' });
		expect(data.consentEvents.map((e) => e.action)).toEqual(['subscribed', 'confirmed']);
		expect(data.consentEvents[0]?.consentText).toBeTruthy();
		expect((await fetch(`${site.origin}/newsletter/preferences/${'x'.repeat(43)}/data.json`)).status).toBe(404);
	});

	it('deletes the person after a confirmation step; the link then dies and the ledger keeps only the hash', async () => {
		const { preferences, unsubscribe } = await subscribed('fitri@example.org', 'id');
		const unticked = await post(`${preferences}?/delete`, {});
		expect(unticked.status).toBe(400);
		expect(text(byId(parseHtml(await unticked.text()), 'confirm-delete-error'))).toBe(id.newsletter_error_delete_unconfirmed);
		expect(await subscriberRow('fitri@example.org')).toBeDefined();

		const deleted = await post(`${preferences}?/delete`, { confirm_delete: 'on' });
		expect(deleted.status).toBe(200);
		expect(text(parseHtml(await deleted.text()).byTag('h1')[0])).toBe(id.newsletter_deleted_title);
		expect(await subscriberRow('fitri@example.org')).toBeUndefined();
		for (const path of [preferences, unsubscribe]) {
			const dead = await fetch(site.origin + path);
			expect(dead.status).toBe(404);
			expect(await dead.text()).toContain(path === preferences ? id.newsletter_preferences_unknown : id.newsletter_unsubscribe_unknown);
		}
		const events = await ledgerOf('fitri@example.org');
		expect(events.map((e) => e.action)).toEqual(['subscribed', 'confirmed', 'deleted']);
		for (const event of events) {
			expect(event.subscriber_id).toBeNull();
			expect(JSON.stringify(event)).not.toContain('fitri');
		}
	});

	it('lets an unsubscribed person subscribe again with the consent box ticked', async () => {
		const { preferences } = await subscribed('gita@example.org', 'en');
		expect((await post(`${preferences}?/unsubscribe`, {})).status).toBe(200);
		expect((await subscriberRow('gita@example.org'))?.status).toBe('unsubscribed');
		const refused = await post(`${preferences}?/resubscribe`, { consent_version: consentVersion });
		expect(refused.status).toBe(400);
		expect(text(byId(parseHtml(await refused.text()), 'consent-error'))).toBe(en.newsletter_error_consent_required);
		const again = await post(`${preferences}?/resubscribe`, { consent: 'yes', consent_version: consentVersion });
		expect(again.status).toBe(200);
		expect(await again.text()).toContain(en.newsletter_resubscribed);
		expect((await subscriberRow('gita@example.org'))?.status).toBe('confirmed');
	});
});

describe('unsubscribing', () => {
	it('at once on a one-click POST as mail providers send it (no Origin, any Accept), idempotently', async () => {
		const { unsubscribe } = await subscribed('hana@example.org', 'es');
		const oneClick = await fetch(site.origin + unsubscribe, {
			method: 'POST',
			body: 'List-Unsubscribe=One-Click',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: '*/*' }
		});
		expect(oneClick.status).toBe(200);
		expect(await oneClick.text()).not.toContain('/newsletter/preferences/');
		expect((await subscriberRow('hana@example.org'))?.status).toBe('unsubscribed');

		const multipart = new FormData();
		multipart.set('List-Unsubscribe', 'One-Click');
		const again = await fetch(site.origin + unsubscribe, { method: 'POST', body: multipart });
		expect(again.status).toBe(200);
		const unsubscribes = (await ledgerOf('hana@example.org')).filter((e) => e.action === 'unsubscribed');
		expect(unsubscribes.map((e) => e.method)).toEqual(['one-click']);
	});

	it('never on opening the link (GET), which shows a button; the button unsubscribes and points to the preferences', async () => {
		const { unsubscribe, preferences } = await subscribed('ines@example.org', 'es');
		for (let i = 0; i < 2; i++) {
			const opened = await fetch(site.origin + unsubscribe);
			expect(opened.status).toBe(200);
			expect(opened.headers.get('cache-control')).toBe('private, no-store');
			const doc = parseHtml(await opened.text());
			expect(text(doc.byTag('button')[0])).toBe(es.newsletter_unsubscribe_button);
			expect(doc.all((e) => e.name === 'meta' && e.attribs.name === 'referrer')[0]?.attribs.content).toBe('same-origin');
		}
		expect((await subscriberRow('ines@example.org'))?.status).toBe('confirmed');

		const pressed = await post(unsubscribe, {});
		expect(pressed.status).toBe(200);
		const doc = parseHtml(await pressed.text());
		expect(text(doc.byTag('h1')[0])).toBe(es.newsletter_unsubscribed_title);
		expect(doc.all((e) => e.name === 'a' && e.attribs.href === preferences)).toHaveLength(1);
		expect((await subscriberRow('ines@example.org'))?.status).toBe('unsubscribed');
		expect((await ledgerOf('ines@example.org')).at(-1)).toMatchObject({ action: 'unsubscribed', method: 'link' });
		// Opened again: already unsubscribed, with the way back.
		const reopened = parseHtml(await (await fetch(site.origin + unsubscribe)).text());
		expect(text(reopened.all((e) => e.attribs.class === 'lead')[0])).toBe(es.newsletter_already_unsubscribed);
	});

	it('answers an unknown link with 404 and a message, on GET and on a one-click POST', async () => {
		const path = `/id/newsletter/unsubscribe/${'A'.repeat(43)}`;
		const opened = await fetch(site.origin + path);
		expect(opened.status).toBe(404);
		expect(await opened.text()).toContain(id.newsletter_unsubscribe_unknown);
		const posted = await fetch(site.origin + path, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
		expect(posted.status).toBe(404);
	});
});

describe('private pages', () => {
	it('are rendered for each visitor and never kept by the page cache', async () => {
		const a = await subscribed('joko@example.org', 'en');
		const b = await subscribed('kirana@example.org', 'en');
		for (let i = 0; i < 2; i++) {
			const first = await (await fetch(site.origin + a.preferences)).text();
			const second = await (await fetch(site.origin + b.preferences)).text();
			expect(first).toContain('joko@example.org');
			expect(first).not.toContain('kirana@example.org');
			expect(second).toContain('kirana@example.org');
		}
		// A change made elsewhere shows at once on the same address.
		await database.db.updateTable('subscriber').set({ status: 'unsubscribed' }).where('email', '=', 'joko@example.org').execute();
		const after = parseHtml(await (await fetch(site.origin + a.preferences)).text());
		expect(text(byId(after, 'subscription-status'))).toBe(en.newsletter_status_unsubscribed);
		for (const path of [a.preferences, a.unsubscribe, `${a.preferences}/data.json`]) {
			const response = await rawRequest(site.origin, path);
			expect(header(response, 'cache-control'), path).toBe('private, no-store');
			// The token in the address never travels to another site in a Referer.
			expect(header(response, 'referrer-policy'), path).toBe('same-origin');
		}
	});
});

describe.each(locales)('e-mails in %s', (locale) => {
	it('confirm, welcome and "already subscribed" arrive over SMTP with subjects and text in that language', async () => {
		const email = `mail-${locale}@example.org`;
		const { welcome } = await subscribed(email, locale);
		const t = messages[locale];
		const [confirmation] = mailsTo(email);
		expect(confirmation?.subject).toBe(fill(t.mail_newsletter_confirm_subject, { site: siteName }));
		expect(confirmation?.text).toContain(fill(t.mail_newsletter_confirm_body, { site: siteName }));
		expect(confirmation?.headers.get('content-language')).toBe(locale);
		expect(headerLine(confirmation!, 'list-unsubscribe')).toBeUndefined();
		expect(welcome.text).toContain(t.mail_newsletter_preferences_intro);
		expect(welcome.html).toContain(`lang="${locale}"`);
		expect(welcome.headers.get('content-language')).toBe(locale);

		expect((await signUp(email, locale)).status).toBe(200);
		const already = await mailTo(email, fill(t.mail_newsletter_already_subject, { site: siteName }));
		expect(already.text).toContain(fill(t.mail_newsletter_already_body, { site: siteName }));
		expect(already.headers.get('content-language')).toBe(locale);
	});
});
