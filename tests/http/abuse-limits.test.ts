/**
 * Limits on what visitors can make the site store or send (issue 11), against
 * the built server as it runs behind a proxy: each visitor's network address
 * comes in X-Forwarded-For, so a test can be several visitors. Every action of
 * the application form and of the private application page counts against the
 * application limits, and refuses with a translated 429 that keeps what was
 * typed, storing nothing; newsletter sign-ups (each a confirmation e-mail) are
 * limited per network address and for the whole site.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils } from 'htmlparser2';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationThrottleRules } from '$lib/server/calls/application-throttle';
import { addField, createCall, setCallStatus } from '$lib/server/calls/calls.service';
import { callInput } from '../support/call-test-data';
import type { DatabaseHandle } from '$lib/server/db/connect';
import { localized, parseHtml, startTestServer, type TestServer } from '../support/http';
import { callsContext, testStaff } from '../support/domain-contexts';
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };

const signUpsPerIp = 3;
const signUpsPerHour = 8;

let site: TestServer;
let database: DatabaseHandle;
let photo: Buffer;
let consentVersion: string;
const slug = 'limits-call';
/** A visitor who has used up the application limit of their network address. */
const busy = '203.0.113.66';

type Fields = Record<string, string | string[] | { name: string; type: string; bytes: Buffer }[]>;

function form(fields: Fields): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const v of [value].flat()) {
			if (typeof v === 'string') data.append(name, v);
			else data.append(name, new Blob([new Uint8Array(v.bytes)], { type: v.type }), v.name);
		}
	}
	return data;
}

/** A form posted as a browser behind the proxy posts it, from network address `ip`. */
function post(ip: string, path: string, fields: Fields) {
	const small = Object.values(fields).every((value) => typeof value === 'string');
	return fetch(site.origin + path, {
		method: 'POST',
		body: small ? new URLSearchParams(fields as Record<string, string>) : form(fields),
		redirect: 'manual',
		headers: { Origin: site.origin, Accept: 'text/html', 'X-Forwarded-For': ip }
	});
}

const text = (html: string) => DomUtils.textContent(parseHtml(html).document).replace(/\s+/g, ' ');
const valueOf = (html: string, id: string) => parseHtml(html).all((e) => e.attribs.id === id)[0]?.attribs.value;
/** Applicants' files kept on disk (uploads being read are spooled in `incoming` and removed after each request). */
const storedFiles = () => {
	try {
		return readdirSync(join(site.server.dataDir, 'applications'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && !entry.parentPath.includes('incoming')).length;
	} catch {
		return 0;
	}
};
const counts = async () => ({
	applications: Number((await database.db.selectFrom('application').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
	files: Number((await database.db.selectFrom('application_file').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
	stored: storedFiles()
});

beforeAll(async () => {
	site = await startTestServer({
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1',
		NEWSLETTER_SIGNUPS_PER_IP: String(signUpsPerIp),
		NEWSLETTER_SIGNUPS_PER_HOUR: String(signUpsPerHour)
	});
	database = await site.openDatabase();
	const callId = await createCall(callsContext(database.db), testStaff, callInput({ slug, deadlineAt: '2099-03-28T23:59' }));
	await addField(callsContext(database.db), testStaff, callId, { key: 'title', type: 'short_text', label: { en: 'Title' }, required: true });
	await addField(callsContext(database.db), testStaff, callId, { key: 'photo', type: 'file', label: { en: 'Photo' }, options: { allowedTypes: ['image/jpeg'], maxBytes: 1_000_000, maxFiles: 5 } });
	await setCallStatus(callsContext(database.db), testStaff, callId, 'open');
	photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0f766e' } }).jpeg().toBuffer();
	consentVersion = String((await database.db.selectFrom('newsletter_consent_text').select('version').orderBy('version', 'desc').executeTakeFirstOrThrow()).version);

	// Attempts that store nothing (no usable address, no file) still count: use up the network address's share.
	for (let i = 0; i < applicationThrottleRules.maxPerIp; i++) {
		const response = await post(busy, `/calls/${slug}/apply?/save`, { email: `not an address ${i}`, name: 'Busy', 'field.title': 'x' });
		expect(response.status, `attempt ${i}`).toBe(400);
	}
}, 120_000);

afterAll(async () => {
	await site?.stop();
});

const applyPath = (action: string, locale = 'en') => `${localized(`/calls/${slug}/apply`, locale)}?/${action}`;
const withPhoto = (email: string, title: string): Fields => ({
	email,
	name: 'Ana Shrestha',
	consent: 'yes',
	'field.title': title,
	'field.photo': [{ name: 'wall.jpg', type: 'image/jpeg', bytes: photo }]
});

describe('the application form, once a network address has used up its attempts', () => {
	it('refuses every action with a translated 429 that keeps what was typed, and stores no draft and no file', async () => {
		const before = await counts();
		for (const action of ['removeFile', 'save', 'submit']) {
			const response = await post(busy, applyPath(action, 'es'), { ...withPhoto(`${action}@example.org`, `Mi título ${action}`), remove_file: '1' });
			const html = await response.text();
			expect(response.status, action).toBe(429);
			expect(text(html)).toContain(es.apply_too_many);
			expect(valueOf(html, 'field-title')).toBe(`Mi título ${action}`);
		}
		expect(await counts()).toEqual(before);
	});

	it('still takes the same post from another network address', async () => {
		const response = await post('198.51.100.1', applyPath('removeFile'), withPhoto('fresh@example.org', 'Kept'));
		expect(response.status).toBe(200);
		expect(valueOf(await response.text(), 'field-title')).toBe('Kept');
		const after = await counts();
		expect(after.files).toBeGreaterThan(0);
		expect(after.stored).toBe(after.files);
	});
});

describe('the private application page, once a network address has used up its attempts', () => {
	it('refuses to edit, to keep a file or to withdraw, with a translated 429, changing nothing', async () => {
		const submitted = await post('198.51.100.2', applyPath('submit'), withPhoto('owner@example.org', 'First title'));
		expect(submitted.status).toBe(303);
		const page = new URL(submitted.headers.get('location')!, site.origin).pathname;
		const before = await counts();

		for (const action of ['edit', 'removeFile']) {
			const response = await post(busy, `${page}?/${action}`, { ...withPhoto('owner@example.org', `Changed by ${action}`), remove_file: '1' });
			const html = await response.text();
			expect(response.status, action).toBe(429);
			expect(text(html)).toContain(en.apply_too_many);
			expect(valueOf(html, 'field-title')).toBe(`Changed by ${action}`);
		}
		const withdraw = await post(busy, `${page}?/withdraw`, { confirm_withdraw: 'yes' });
		expect(withdraw.status).toBe(429);
		expect(text(await withdraw.text())).toContain(en.application_withdraw_too_many);

		expect(await counts()).toEqual(before);
		const row = await database.db.selectFrom('application').select(['status', 'answers']).where('applicant_email', '=', 'owner@example.org').executeTakeFirstOrThrow();
		expect(row.status).toBe('submitted');
		expect(JSON.parse(row.answers)).toMatchObject({ title: 'First title' });
	});
});

describe('newsletter sign-ups', () => {
	const signUp = (ip: string, email: string) =>
		post(ip, '/es/newsletter', { form: 'short', source: '/es/about', email, consent: 'yes', consent_version: consentVersion });
	const confirmationsQueued = async () =>
		Number(
			(await database.db.selectFrom('mail_message').select((eb) => eb.fn.countAll().as('n')).where('idempotency_key', 'like', 'newsletter-confirm:%').executeTakeFirstOrThrow()).n
		);

	it('are limited per network address and for the whole site, refused in the visitor’s language with what was typed', async () => {
		for (let i = 0; i < signUpsPerIp; i++) expect((await signUp('192.0.2.10', `stranger${i}@example.org`)).status).toBe(200);
		const refused = await signUp('192.0.2.10', 'one-too-many@example.org');
		expect(refused.status).toBe(429);
		const html = await refused.text();
		expect(text(html)).toContain(es.newsletter_error_too_many);
		expect(valueOf(html, 'email')).toBe('one-too-many@example.org');

		// Many machines together get no further than the whole site's limit.
		let accepted = signUpsPerIp;
		for (let machine = 11; accepted < signUpsPerHour; machine++) {
			expect((await signUp(`192.0.2.${machine}`, `spread${machine}@example.org`)).status).toBe(200);
			accepted++;
		}
		const overall = await signUp('192.0.2.99', 'late@example.org');
		expect(overall.status).toBe(429);
		expect(text(await overall.text())).toContain(es.newsletter_error_too_many);

		expect(await confirmationsQueued()).toBe(signUpsPerHour);
		const people = await database.db.selectFrom('subscriber').select('email').execute();
		expect(people.map((p) => p.email)).not.toContain('one-too-many@example.org');
		expect(people.map((p) => p.email)).not.toContain('late@example.org');
	});
});
