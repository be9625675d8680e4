import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { removeSearchDocuments, searchDocuments } from '$lib/server/db/search';
import { readSiteVersion } from '$lib/server/platform/site-version';
import { ValidationError } from '$lib/server/platform/errors';
import { collectiveContext, testStaff } from '../../../../tests/support/domain-contexts';
import { createArtist, createArtistFromApplication, inviteArtist, recordWithdrawal, setArtistHidden, type StaffProfileInput } from './artist-admin';
import { openCall } from '../../../../tests/support/call-test-data';
import { artistsSitemap, feedArtists, listDirectory, publicProfile } from './artist-directory';
import { artistLinkLifetimeMs, inspectArtistLink, issueArtistLink } from './artist-links';
import { relayMessage, requestArtistLink, saveOwnProfile, withdrawOwnConsent, type OwnProfileInput } from './artist-profile.service';
import { recordLinkRequest, recordRelayAttempt, artistThrottleRules } from './artist-throttle';
import { artistCredit } from './artist-visibility';
import { consentLedger } from './consent';

/*
 * Artists' profiles against a real, freshly migrated database (SQLite, or
 * PostgreSQL with TEST_DATABASE_URL): consent with its ledger rows, what a
 * withdrawal takes down (site version, search, sitemap, feed), minors and their
 * guardians, credits, private links, the same answer for an unknown address,
 * and the relay's limits.
 */

let handle: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(() => handle.dispose());
beforeEach(async () => {
	// Through the search's own removal: on SQLite its full-text index is a table of its own.
	for (const { key } of await handle.db.selectFrom('search_document').select('key').where('kind', '=', 'artist').execute()) {
		await removeSearchDocuments(handle.db, 'artist', key);
	}
	for (const table of ['artist_consent_event', 'artist_link', 'artist', 'mail_message', 'job', 'throttle_attempt', 'audit_event'] as const) {
		await handle.db.deleteFrom(table).execute();
	}
});

const staffInput = (over: Partial<StaffProfileInput> = {}): StaffProfileInput => ({
	name: 'Lumen Moth',
	pronouns: 'they/them',
	city: 'Kathmandu',
	country: 'NP',
	languages: ['Nepali', 'en'],
	bio: { en: 'Projections on old walls.\n\nNight walks.' },
	mediums: ['projection'],
	links: [{ kind: 'website', url: 'https://lumen.example.org/' }],
	locale: 'ne',
	email: 'Lumen@Example.org',
	minor: false,
	guardianName: '',
	guardianEmail: '',
	creditWording: { en: '' },
	portraitMediaId: null,
	...over
});

const allConsent = { directory: true, photo: true, city: true, contact: true, credit_name: true, guardian: false };
const ownInput = (consent: Partial<OwnProfileInput['consent']> = {}, over: Partial<OwnProfileInput> = {}): OwnProfileInput => ({
	...staffInput(),
	consent: { ...allConsent, ...consent },
	...over
});

async function mails() {
	return handle.db.selectFrom('mail_message').select(['to_address', 'locale', 'subject', 'text_body', 'headers', 'idempotency_key']).orderBy('id').execute();
}

function tokenIn(text: string): string {
	return /\/artists\/profile\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
}

async function invitedArtist(over: Partial<StaffProfileInput> = {}) {
	const context = collectiveContext(handle.db);
	const id = await createArtist(context, testStaff, staffInput(over));
	await inviteArtist(context, testStaff, id);
	const mail = (await mails()).at(-1)!;
	return { context, id, token: tokenIn(mail.text_body), mail };
}

describe('consent', () => {
	it('keeps a new profile private until the artist agrees, then records each purpose in the ledger and on the profile', async () => {
		const { context, id, token, mail } = await invitedArtist();
		expect(mail.to_address).toBe('lumen@example.org');
		expect(mail.locale).toBe('ne');
		const row = await handle.db.selectFrom('artist').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(await publicProfile(handle.db, row.slug, 'en')).toBeUndefined();
		expect((await listDirectory(handle.db, {}, 'en', 1)).total).toBe(0);

		const versionBefore = await readSiteVersion(handle.db);
		await saveOwnProfile(context, token, ownInput({ photo: false }));
		const profile = await publicProfile(handle.db, row.slug, 'en');
		expect(profile?.name).toBe('Lumen Moth');
		expect(profile?.city).toBe('Kathmandu');
		expect(await readSiteVersion(handle.db)).not.toBe(versionBefore);
		const ledger = await consentLedger(handle.db, id);
		expect(ledger.map((e) => [e.purpose, e.granted, e.givenBy, e.method, e.textVersion])).toEqual([
			['directory', true, 'artist', 'profile-link', 2],
			['city', true, 'artist', 'profile-link', 2],
			['contact', true, 'artist', 'profile-link', 2],
			['credit_name', true, 'artist', 'profile-link', 2]
		]);
		const after = await handle.db.selectFrom('artist').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect([after.consent_directory, after.consent_photo, after.consent_city].map(Number)).toEqual([1, 0, 1]);
		expect(after.listed_at).not.toBeNull();

		// Saving the same choices again is not a new consent.
		await saveOwnProfile(context, token, ownInput({ photo: false }));
		expect(await consentLedger(handle.db, id)).toHaveLength(4);
	});

	it('takes a withdrawn profile out of the directory, sitemap, search and feed at once, and bumps the site version', async () => {
		const { context, id, token } = await invitedArtist();
		await saveOwnProfile(context, token, ownInput());
		const slug = (await artistsSitemap(handle.db))[0]!.path;
		expect(slug).toBe('/artists/lumen-moth');
		expect((await searchDocuments(handle.db, { query: 'Lumen', locale: 'en', limit: 5, offset: 0 })).hits.map((h) => h.path)).toEqual(['/artists/lumen-moth']);
		expect((await feedArtists(handle.db, 'en', 10)).map((a) => a.slug)).toEqual(['lumen-moth']);
		const invalidatedBefore = context.invalidated();
		const versionBefore = await readSiteVersion(handle.db);

		await withdrawOwnConsent(context, token);

		expect(await readSiteVersion(handle.db)).not.toBe(versionBefore);
		expect(context.invalidated()).toBe(invalidatedBefore + 1);
		expect(await artistsSitemap(handle.db)).toEqual([]);
		expect((await searchDocuments(handle.db, { query: 'Lumen', locale: 'en', limit: 5, offset: 0 })).total).toBe(0);
		expect(await feedArtists(handle.db, 'en', 10)).toEqual([]);
		expect(await publicProfile(handle.db, 'lumen-moth', 'en')).toBeUndefined();
		const row = await handle.db.selectFrom('artist').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(artistCredit(row)).toEqual({ kind: 'neutral', wording: null });
		const last = (await consentLedger(handle.db, id)).slice(-5);
		expect(last.every((e) => !e.granted && e.givenBy === 'artist')).toBe(true);
	});

	it('records a withdrawal staff make on the artist’s behalf as given by staff, and the credit falls back to the name only when allowed', async () => {
		const { context, id, token } = await invitedArtist({ creditWording: { en: 'A muralist of the collective', es: 'Une muralista del colectivo' } });
		await saveOwnProfile(context, token, ownInput());
		expect(await recordWithdrawal(context, testStaff, id, ['directory'])).toEqual(['directory']);
		const entry = (await consentLedger(handle.db, id)).at(-1)!;
		expect(entry).toMatchObject({ purpose: 'directory', granted: false, givenBy: 'staff', method: 'staff', staffUserId: testStaff.id });
		let row = await handle.db.selectFrom('artist').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(artistCredit(row)).toEqual({ kind: 'name', name: 'Lumen Moth' });
		await recordWithdrawal(context, testStaff, id, ['credit_name']);
		row = await handle.db.selectFrom('artist').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(artistCredit(row)).toEqual({ kind: 'neutral', wording: { en: 'A muralist of the collective', es: 'Une muralista del colectivo' } });
		const audit = await handle.db.selectFrom('audit_event').select('action').where('action', '=', 'artist.withdrawn').execute();
		expect(audit).toHaveLength(2);
	});

	it('hides a profile whatever its consent says, with a reason', async () => {
		const { context, id, token } = await invitedArtist();
		await saveOwnProfile(context, token, ownInput());
		await expect(setArtistHidden(context, testStaff, id, true, ' ')).rejects.toBeInstanceOf(ValidationError);
		await setArtistHidden(context, testStaff, id, true, 'Asked us by phone');
		expect(await publicProfile(handle.db, 'lumen-moth', 'en')).toBeUndefined();
		expect((await searchDocuments(handle.db, { query: 'Lumen', locale: 'en', limit: 5, offset: 0 })).total).toBe(0);
		await setArtistHidden(context, testStaff, id, false, '');
		expect(await publicProfile(handle.db, 'lumen-moth', 'en')).toBeDefined();
	});
});

describe('minors', () => {
	it('shows no public profile of a minor without a guardian’s consent, and records the guardian as its giver', async () => {
		const { context, id, token } = await invitedArtist({ name: 'Little Kite', minor: true, guardianName: 'A. Guardian', guardianEmail: 'guardian@example.org' });
		await expect(saveOwnProfile(context, token, ownInput({ guardian: false }, { name: 'Little Kite' }))).rejects.toMatchObject({ issues: { guardian: 'required' } });
		expect(await consentLedger(handle.db, id)).toEqual([]);
		await saveOwnProfile(context, token, ownInput({ guardian: true }, { name: 'Little Kite' }));
		expect(await publicProfile(handle.db, 'little-kite', 'en')).toBeDefined();
		const ledger = await consentLedger(handle.db, id);
		expect(ledger.find((e) => e.purpose === 'guardian')).toMatchObject({ granted: true, givenBy: 'guardian' });
		// Listed no more but named in credits: the guardian taking their consent back changes the credit, a new site version.
		await recordWithdrawal(context, testStaff, id, ['directory']);
		const version = await readSiteVersion(handle.db);
		// The guardian taking it back takes the profile down, whatever the young artist ticked.
		await recordWithdrawal(context, testStaff, id, ['guardian']);
		expect(await readSiteVersion(handle.db)).not.toBe(version);
		expect(await publicProfile(handle.db, 'little-kite', 'en')).toBeUndefined();
		const row = await handle.db.selectFrom('artist').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(artistCredit(row).kind).toBe('neutral');
	});
});

describe('profile text', () => {
	it('keeps a bio as plain paragraphs with any markup taken out, and refuses links that are not http(s)', async () => {
		const { context, token } = await invitedArtist();
		await saveOwnProfile(context, token, ownInput({}, { bio: { en: '<script>alert(1)</script><b>Bold</b> words\n\n<a href="javascript:x">second</a> para' } }));
		expect((await publicProfile(handle.db, 'lumen-moth', 'en'))!.bio.text).toBe('Bold words\n\nsecond para');
		await expect(saveOwnProfile(context, token, ownInput({}, { links: [{ kind: 'website', url: 'javascript:alert(1)' }] }))).rejects.toMatchObject({ issues: { 'links.0': 'not-web' } });
	});
});

describe('private links', () => {
	it('revokes older links when a new one is sent, and expires a link after its lifetime', async () => {
		const { context, id, token } = await invitedArtist();
		await inviteArtist(context, testStaff, id);
		const newer = tokenIn((await mails()).at(-1)!.text_body);
		expect(newer).not.toBe(token);
		const now = new Date();
		expect(await inspectArtistLink(handle.db, token, now)).toEqual({ state: 'revoked' });
		expect(await inspectArtistLink(handle.db, newer, now)).toEqual({ state: 'valid', artistId: id });
		expect(await inspectArtistLink(handle.db, newer, new Date(now.getTime() + artistLinkLifetimeMs + 60_000))).toEqual({ state: 'expired' });
		expect(await inspectArtistLink(handle.db, newer.slice(0, -1) + (newer.endsWith('A') ? 'B' : 'A'), now)).toEqual({ state: 'unknown' });
		await expect(saveOwnProfile(context, token, ownInput())).rejects.toThrow(/Not found/);
		// Only the hash is stored.
		const stored = await handle.db.selectFrom('artist_link').select('hash').execute();
		expect(stored.some((r) => r.hash === newer)).toBe(false);
	});

	it('answers a request for a link the same way for an unknown address, and mails only a known one', async () => {
		const { context, id } = await invitedArtist();
		const before = (await mails()).length;
		await expect(requestArtistLink(context, 'nobody@example.org')).resolves.toBeUndefined();
		expect(await mails()).toHaveLength(before);
		await expect(requestArtistLink(context, 'LUMEN@example.org ')).resolves.toBeUndefined();
		const all = await mails();
		expect(all).toHaveLength(before + 1);
		expect(all.at(-1)!.to_address).toBe('lumen@example.org');
		expect(await inspectArtistLink(handle.db, tokenIn(all.at(-1)!.text_body), new Date())).toEqual({ state: 'valid', artistId: id });
		expect(await handle.db.selectFrom('job').select('id').where('kind', '=', 'mail.send').execute()).toHaveLength(all.length);
	});

	it('sends an invitation once per link, in the jobs queue', async () => {
		const other = await issueArtistLink(handle.db, (await invitedArtist()).id, new Date());
		expect(other).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const keys = (await mails()).map((m) => m.idempotency_key);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describe('relay', () => {
	it('mails a visitor’s message to the artist with Reply-To the visitor, only when contact is on', async () => {
		const { context, token } = await invitedArtist();
		await expect(relayMessage(context, 'lumen-moth', { name: 'Visitor', email: 'v@example.org', text: 'Hello' })).rejects.toThrow(/Not found/);
		await saveOwnProfile(context, token, ownInput({ contact: false }));
		await expect(relayMessage(context, 'lumen-moth', { name: 'Visitor', email: 'v@example.org', text: 'Hello' })).rejects.toThrow(/Not found/);
		await saveOwnProfile(context, token, ownInput());
		await expect(relayMessage(context, 'lumen-moth', { name: '', email: 'nope', text: '' })).rejects.toMatchObject({ issues: { name: 'required', email: 'invalid', message: 'required' } });
		await relayMessage(context, 'lumen-moth', { name: 'Visitor', email: 'V@example.org', text: 'I loved the projection.' });
		const mail = (await mails()).at(-1)!;
		expect(mail.to_address).toBe('lumen@example.org');
		expect(JSON.parse(mail.headers)).toEqual({ 'Reply-To': 'v@example.org' });
		expect(mail.text_body).toContain('I loved the projection.');
	});

	it('limits messages per visitor address', async () => {
		const at = Date.now();
		for (let i = 0; i < artistThrottleRules.relayPerEmail; i++) {
			expect((await recordRelayAttempt(handle.db, { email: 'v@example.org', ip: '192.0.2.1', artistSlug: 'a' }, at)).allowed).toBe(true);
		}
		expect((await recordRelayAttempt(handle.db, { email: 'V@example.org', ip: '192.0.2.2', artistSlug: 'b' }, at)).allowed).toBe(false);
		expect((await recordRelayAttempt(handle.db, { email: 'w@example.org', ip: '192.0.2.2', artistSlug: 'b' }, at)).allowed).toBe(true);
	});
});

describe('a profile from an accepted application', () => {
	async function acceptedApplication(decision: 'accepted' | 'declined' = 'accepted') {
		const callId = await openCall(handle.db, {}, [
			{ key: 'statement', type: 'long_text', label: { en: 'Statement' } },
			{ key: 'site', type: 'url', label: { en: 'Website' } },
			{ key: 'country', type: 'country', label: { en: 'Country' } },
			{ key: 'town', type: 'short_text', label: { en: 'Town or city' } }
		]);
		const at = new Date().toISOString();
		const { id } = await handle.db
			.insertInto('application')
			.values({
				call_id: callId,
				applicant_email: 'wren@example.org',
				applicant_name: 'Wren Applicant',
				locale: 'es',
				status: 'submitted',
				answers: JSON.stringify({ statement: '<b>Murales</b> con vecinos.', site: 'https://wren.example.org/', country: 'CO', town: 'Medellín' }),
				consented_at: at,
				submitted_at: at,
				decision,
				decided_at: at,
				created_at: at,
				updated_at: at
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return id;
	}

	it('carries over only the fields staff ticked, and no consent: the invitation asks', async () => {
		const context = collectiveContext(handle.db);
		const applicationId = await acceptedApplication();
		const id = await createArtistFromApplication(context, testStaff, applicationId, ['name', 'bio', 'country']);
		const row = await handle.db.selectFrom('artist').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect([row.name, row.email, row.locale, row.country, row.city, row.links, row.application_id]).toEqual(['Wren Applicant', 'wren@example.org', 'es', 'CO', '', '[]', applicationId]);
		expect(JSON.parse(row.bio)).toEqual({ en: 'Murales con vecinos.', es: 'Murales con vecinos.' });
		expect(await consentLedger(handle.db, id)).toEqual([]);
		expect(await publicProfile(handle.db, row.slug, 'en')).toBeUndefined();
	});

	it('refuses an application that was not accepted', async () => {
		const context = collectiveContext(handle.db);
		await expect(createArtistFromApplication(context, testStaff, await acceptedApplication('declined'), ['name'])).rejects.toThrow(/Not found/);
	});
});

describe('asking for a link', () => {
	it('is limited per address, whatever its case', async () => {
		const at = Date.now();
		for (let i = 0; i < artistThrottleRules.linkPerEmail; i++) expect((await recordLinkRequest(handle.db, { email: 'x@example.org', ip: `192.0.2.${i}` }, at)).allowed).toBe(true);
		expect((await recordLinkRequest(handle.db, { email: 'X@Example.org', ip: '192.0.2.99' }, at)).allowed).toBe(false);
	});
});
