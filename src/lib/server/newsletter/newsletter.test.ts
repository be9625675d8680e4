import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { ValidationError } from '$lib/server/platform/errors';
import { createMailer } from '$lib/server/platform/mail/mailer';
import type { MailTransport } from '$lib/server/platform/mail/transports';
import { confirmLinkUrl, createNewsletterMail } from './newsletter-mail';
import {
	audienceQuery,
	confirm,
	confirmLinkState,
	deleteSubscriber,
	exportSubscriberData,
	publishConsentText,
	purgeUnconfirmed,
	readPreferences,
	resubscribe,
	signUpMailCooldownMs,
	subscribe,
	subscriberLinksFor,
	unsubscribe,
	unsubscribeLinkState,
	updatePreferences,
	type NewsletterMail
} from './newsletter.service';
import { versionForRecipient } from './recipient-language';
import { subscriberLinkTokens } from './subscriber-links';
import { createSubscriberToken, hashEmail } from './subscriber-tokens';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const day = 24 * 60 * 60_000;
const t0 = Date.parse('2026-11-26T10:00:00.000Z');

beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(() => handle.dispose());
beforeEach(async () => {
	await handle.db.deleteFrom('job').execute();
	await handle.db.deleteFrom('mail_message').execute();
	await handle.db.deleteFrom('consent_event').execute();
	await handle.db.deleteFrom('subscriber_token').execute();
	await handle.db.deleteFrom('subscriber').execute();
	await handle.db.deleteFrom('newsletter_consent_text').where('version', '>', 1).execute();
});

function form(overrides: Record<string, unknown> = {}) {
	return {
		email: 'Ana@Example.org',
		name: 'Ana',
		locale: 'id',
		topics: ['news'],
		consent: true,
		sourcePage: '/id/newsletter',
		...overrides
	};
}

/** A confirmed subscriber and their preferences link. */
async function confirmedSubscriber(overrides: Record<string, unknown> = {}, now = t0) {
	const { confirmToken } = await subscribe(handle.db, form(overrides), { now });
	const result = await confirm(handle.db, confirmToken!, { now });
	if (result.status !== 'confirmed') throw new Error(result.status);
	const preferences = await createSubscriberToken(handle.db, result.subscriberId, 'preferences', now);
	const unsubscribeToken = await createSubscriberToken(handle.db, result.subscriberId, 'unsubscribe', now);
	return { id: result.subscriberId, preferences, unsubscribeToken };
}

async function ledger() {
	return handle.db.selectFrom('consent_event').selectAll().orderBy('id').execute();
}

describe('subscribing', () => {
	it('creates a pending, lower-cased subscriber and a confirm token of which only the hash is stored', async () => {
		const outcome = await subscribe(handle.db, form(), { now: t0 });
		expect(outcome.outcome).toBe('check-your-inbox');
		expect(outcome.confirmToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const row = await handle.db.selectFrom('subscriber').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({ email: 'ana@example.org', status: 'pending', locale: 'id', topics: '["news"]' });
		const tokens = await handle.db.selectFrom('subscriber_token').selectAll().execute();
		expect(tokens).toHaveLength(1);
		expect(tokens[0]!.hash).not.toBe(outcome.confirmToken);
		expect(tokens[0]!.expires_at).toBe(new Date(t0 + 7 * day).toISOString());
	});

	it('answers the same for a new, a pending and a confirmed address, and changes nothing for a confirmed one', async () => {
		const fresh = await subscribe(handle.db, form({ email: 'new@example.org' }), { now: t0 });
		const again = await subscribe(handle.db, form({ email: 'new@example.org' }), { now: t0 + 1000 });
		await confirmedSubscriber({ email: 'old@example.org', topics: ['events'] });
		const before = await handle.db.selectFrom('subscriber').selectAll().where('email', '=', 'old@example.org').executeTakeFirstOrThrow();
		const eventsBefore = (await ledger()).length;
		const existing = await subscribe(handle.db, form({ email: 'OLD@example.org', topics: ['news'], locale: 'es' }), { now: t0 + 2000 });

		expect(fresh.outcome).toBe(existing.outcome);
		expect(again.outcome).toBe(existing.outcome);
		expect(existing.confirmToken).toBeNull();
		expect(existing.mailed).toBe('already-subscribed');
		const after = await handle.db.selectFrom('subscriber').selectAll().where('email', '=', 'old@example.org').executeTakeFirstOrThrow();
		expect(after).toEqual(before);
		expect((await ledger()).length).toBe(eventsBefore);
	});

	it('makes no second confirm link within 10 minutes, so the first keeps working; later a new one replaces it', async () => {
		const first = await subscribe(handle.db, form({ email: 'new@example.org' }), { now: t0 });
		const soon = await subscribe(handle.db, form({ email: 'new@example.org', locale: 'es', topics: ['events'] }), {
			now: t0 + signUpMailCooldownMs - 1
		});
		expect(soon).toMatchObject({ outcome: first.outcome, confirmToken: null, mailed: 'nothing' });
		// Nothing changed: not the row, not the ledger, not the links.
		expect(await handle.db.selectFrom('subscriber').select(['locale', 'topics']).executeTakeFirstOrThrow()).toEqual({ locale: 'id', topics: '["news"]' });
		expect((await ledger()).map((e) => e.action)).toEqual(['subscribed']);
		expect(await handle.db.selectFrom('subscriber_token').selectAll().execute()).toHaveLength(1);

		const later = await subscribe(handle.db, form({ email: 'new@example.org', locale: 'es' }), { now: t0 + signUpMailCooldownMs });
		expect(later.mailed).toBe('confirmation');
		expect((await confirm(handle.db, first.confirmToken!, { now: t0 + signUpMailCooldownMs + 1 })).status).toBe('used');
		expect(await confirm(handle.db, later.confirmToken!, { now: t0 + signUpMailCooldownMs + 1 })).toMatchObject({
			status: 'confirmed',
			locale: 'es'
		});
	});

	it('refuses bad input with field codes and stores nothing', async () => {
		const codes = async (input: Record<string, unknown>) => {
			try {
				await subscribe(handle.db, form(input), { now: t0 });
			} catch (error) {
				if (error instanceof ValidationError) return error.issues;
				throw error;
			}
			return null;
		};
		expect(await codes({ email: 'not-an-address' })).toEqual({ email: 'email_invalid' });
		expect(await codes({ consent: false })).toEqual({ consent: 'consent_required' });
		expect(await codes({ consent: undefined })).toEqual({ consent: 'consent_required' });
		expect(await codes({ locale: 'fr' })).toEqual({ locale: 'locale_invalid' });
		expect(await codes({ topics: ['gossip'] })).toEqual({ topics: 'topic_unknown' });
		expect(await codes({ consentTextVersion: 99 })).toEqual({ consentTextVersion: 'consent_text_unknown' });
		expect(await handle.db.selectFrom('subscriber').selectAll().execute()).toEqual([]);
	});
});

describe('confirming', () => {
	it('confirms once with a valid link and records the consent text version in the ledger', async () => {
		const version = await publishConsentText(handle.db, { en: 'Second wording', id: 'Kata kedua' }, { now: t0 });
		expect(version).toBe(2);
		const { confirmToken } = await subscribe(handle.db, form(), { now: t0 });
		const result = await confirm(handle.db, confirmToken!, { now: t0 + day });
		expect(result).toMatchObject({ status: 'confirmed', locale: 'id' });
		expect((await confirm(handle.db, confirmToken!, { now: t0 + day })).status).toBe('used');

		const row = await handle.db.selectFrom('subscriber').selectAll().executeTakeFirstOrThrow();
		expect(row.status).toBe('confirmed');
		expect(row.confirmed_at).toBe(new Date(t0 + day).toISOString());
		const events = await ledger();
		expect(events.map((e) => [e.action, e.consent_text_version, e.method, e.source_page])).toEqual([
			['subscribed', 2, 'double-opt-in', '/id/newsletter'],
			['confirmed', 2, 'double-opt-in', null]
		]);
	});

	it('keeps the version the person saw when the form names an older one', async () => {
		await publishConsentText(handle.db, { en: 'Second wording' }, { now: t0 });
		const { confirmToken } = await subscribe(handle.db, form({ consentTextVersion: 1 }), { now: t0 });
		await confirm(handle.db, confirmToken!, { now: t0 });
		expect((await ledger()).map((e) => e.consent_text_version)).toEqual([1, 1]);
	});

	it('refuses an expired link, and the address stays pending', async () => {
		const { confirmToken } = await subscribe(handle.db, form(), { now: t0 });
		expect(await confirmLinkState(handle.db, confirmToken!, { now: t0 + 7 * day - 1 })).toBe('valid');
		expect(await confirmLinkState(handle.db, confirmToken!, { now: t0 + 7 * day })).toBe('expired');
		expect((await confirm(handle.db, confirmToken!, { now: t0 + 7 * day })).status).toBe('expired');
		expect((await handle.db.selectFrom('subscriber').select('status').executeTakeFirstOrThrow()).status).toBe('pending');
		expect((await confirm(handle.db, confirmToken!, { now: t0 + 7 * day - 1 })).status).toBe('confirmed');
		expect(await confirmLinkState(handle.db, confirmToken!, { now: t0 + 7 * day - 1 })).toBe('used');
	});

	it('gives an expired link’s address a new one at once, the cooldown being long over', async () => {
		const { confirmToken } = await subscribe(handle.db, form(), { now: t0 });
		const again = await subscribe(handle.db, form(), { now: t0 + 8 * day });
		expect(again.mailed).toBe('confirmation');
		expect((await confirm(handle.db, confirmToken!, { now: t0 + 8 * day })).status).toBe('used');
		expect((await confirm(handle.db, again.confirmToken!, { now: t0 + 8 * day })).status).toBe('confirmed');
	});

	it('treats a tampered, malformed or foreign token as unknown', async () => {
		const { confirmToken } = await subscribe(handle.db, form(), { now: t0 });
		const token = confirmToken!;
		const tampered = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
		expect((await confirm(handle.db, tampered, { now: t0 })).status).toBe('unknown');
		expect((await confirm(handle.db, token.slice(0, 20), { now: t0 })).status).toBe('unknown');
		expect((await confirm(handle.db, "'; drop table subscriber; --", { now: t0 })).status).toBe('unknown');
		// A confirm token opens no preferences, and a preferences token confirms nothing.
		expect((await readPreferences(handle.db, token, { now: t0 })).status).toBe('unknown');
		const row = await handle.db.selectFrom('subscriber').select('id').executeTakeFirstOrThrow();
		const preferences = await createSubscriberToken(handle.db, row.id, 'preferences', t0);
		expect((await confirm(handle.db, preferences, { now: t0 })).status).toBe('unknown');
		expect((await handle.db.selectFrom('subscriber').select('status').executeTakeFirstOrThrow()).status).toBe('pending');
	});
});

describe('preferences', () => {
	it('change language, topics and pause through the private link, with before and after in the ledger', async () => {
		const { preferences } = await confirmedSubscriber();
		const result = await updatePreferences(handle.db, preferences, { locale: 'es', topics: ['events', 'open-calls'], paused: true }, { now: t0 + day });
		expect(result).toMatchObject({ status: 'updated', preferences: { locale: 'es', topics: ['events', 'open-calls'], paused: true } });
		const read = await readPreferences(handle.db, preferences, { now: t0 + day });
		expect(read).toMatchObject({ status: 'ok', preferences: { email: 'ana@example.org', locale: 'es', paused: true } });
		const last = (await ledger()).at(-1)!;
		expect(last.action).toBe('preferences-changed');
		expect(JSON.parse(last.detail)).toEqual({
			before: { locale: 'id', topics: ['news'], paused: false },
			after: { locale: 'es', topics: ['events', 'open-calls'], paused: true }
		});
		await expect(updatePreferences(handle.db, preferences, { locale: 'es', topics: ['gossip'], paused: false })).rejects.toThrow(ValidationError);
		expect((await updatePreferences(handle.db, 'x'.repeat(43), { locale: 'es', topics: [], paused: false })).status).toBe('unknown');
	});
});

describe('unsubscribing', () => {
	it('happens at once on the one-click link, and a second POST changes and records nothing', async () => {
		const { id, unsubscribeToken } = await confirmedSubscriber();
		expect(await unsubscribe(handle.db, unsubscribeToken, 'one-click', { now: t0 + day })).toEqual({ status: 'unsubscribed' });
		expect(await unsubscribe(handle.db, unsubscribeToken, 'one-click', { now: t0 + 2 * day })).toEqual({ status: 'already-unsubscribed' });
		const row = await handle.db.selectFrom('subscriber').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(row.status).toBe('unsubscribed');
		expect(row.unsubscribed_at).toBe(new Date(t0 + day).toISOString());
		const unsubscribes = (await ledger()).filter((e) => e.action === 'unsubscribed');
		expect(unsubscribes.map((e) => e.method)).toEqual(['one-click']);
		expect((await audienceQuery(handle.db)).ids).not.toContain(id);
	});

	it('shows the state of the link on opening without changing it', async () => {
		const { id, unsubscribeToken } = await confirmedSubscriber();
		expect(await unsubscribeLinkState(handle.db, unsubscribeToken)).toEqual({ status: 'ok', unsubscribed: false });
		expect(await unsubscribeLinkState(handle.db, unsubscribeToken)).toEqual({ status: 'ok', unsubscribed: false });
		expect((await handle.db.selectFrom('subscriber').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('confirmed');
		await unsubscribe(handle.db, unsubscribeToken, 'one-click', { now: t0 });
		expect(await unsubscribeLinkState(handle.db, unsubscribeToken)).toEqual({ status: 'ok', unsubscribed: true });
		expect(await unsubscribeLinkState(handle.db, 'x'.repeat(43))).toEqual({ status: 'unknown' });
	});

	it('can be undone from the preferences link with consent given again, which the ledger records', async () => {
		await publishConsentText(handle.db, { en: 'Second wording' }, { now: t0 });
		const { id, preferences } = await confirmedSubscriber();
		await unsubscribe(handle.db, preferences, 'preferences', { now: t0 + day });
		await expect(resubscribe(handle.db, preferences, { consent: false }, { now: t0 + 2 * day })).rejects.toThrow(ValidationError);
		await expect(resubscribe(handle.db, preferences, { consent: true, consentTextVersion: 9 })).rejects.toThrow(ValidationError);
		expect(
			await resubscribe(handle.db, preferences, { consent: true, consentTextVersion: 2, sourcePage: '/id/newsletter/preferences' }, { now: t0 + 2 * day })
		).toEqual({ status: 'resubscribed' });
		expect(await resubscribe(handle.db, preferences, { consent: true }, { now: t0 + 3 * day })).toEqual({ status: 'already-subscribed' });
		const row = await handle.db.selectFrom('subscriber').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'confirmed', unsubscribed_at: null, consent_text_version: 2, confirmed_at: new Date(t0 + 2 * day).toISOString() });
		const events = (await ledger()).slice(-3);
		expect(events.map((e) => [e.action, e.method, e.consent_text_version, e.source_page])).toEqual([
			['unsubscribed', 'preferences', null, null],
			['subscribed', 'preferences', 2, '/id/newsletter/preferences'],
			['confirmed', 'preferences', 2, null]
		]);
		expect((await audienceQuery(handle.db)).ids).toContain(id);
	});

	it('works from the preferences link too, but not with a confirm token', async () => {
		const { preferences } = await confirmedSubscriber();
		const pending = await subscribe(handle.db, form({ email: 'p@example.org' }), { now: t0 });
		expect((await unsubscribe(handle.db, pending.confirmToken!, 'one-click', { now: t0 })).status).toBe('unknown');
		expect((await unsubscribe(handle.db, preferences, 'preferences', { now: t0 })).status).toBe('unsubscribed');
	});
});

describe('export and deletion', () => {
	it('exports everything held, including every consent event with its text', async () => {
		const { preferences } = await confirmedSubscriber();
		await updatePreferences(handle.db, preferences, { locale: 'id', topics: ['events'], paused: false }, { now: t0 + day });
		const result = await exportSubscriberData(handle.db, preferences, { now: t0 + 2 * day });
		if (result.status !== 'ok') throw new Error(result.status);
		expect(result.data.subscriber).toMatchObject({
			email: 'ana@example.org',
			name: 'Ana',
			locale: 'id',
			status: 'confirmed',
			paused: false,
			topics: ['events'],
			confirmedAt: new Date(t0).toISOString()
		});
		expect(result.data.consentEvents.map((e) => e.action)).toEqual(['subscribed', 'confirmed', 'preferences-changed']);
		expect(result.data.consentEvents[0]).toMatchObject({ sourcePage: '/id/newsletter', consentTextVersion: 1 });
		expect(result.data.consentEvents[0]!.consentText?.en).toContain('newsletter');
		expect(JSON.stringify(result.data)).not.toContain(preferences);
	});

	it('removes the person but keeps an anonymous ledger, with a deletion entry', async () => {
		const { id, preferences } = await confirmedSubscriber();
		expect(await deleteSubscriber(handle.db, preferences, { now: t0 + day })).toEqual({ status: 'deleted' });
		expect(await handle.db.selectFrom('subscriber').selectAll().execute()).toEqual([]);
		expect(await handle.db.selectFrom('subscriber_token').selectAll().where('subscriber_id', '=', id).execute()).toEqual([]);
		const events = await ledger();
		expect(events.map((e) => e.action)).toEqual(['subscribed', 'confirmed', 'deleted']);
		for (const event of events) {
			expect(event.subscriber_id).toBeNull();
			expect(event.email_hash).toBe(hashEmail('ana@example.org'));
			expect(JSON.stringify(event)).not.toContain('ana@example.org');
			expect(JSON.stringify(event)).not.toContain('Ana');
		}
		expect((await readPreferences(handle.db, preferences)).status).toBe('unknown');
	});
});

describe('purging unconfirmed sign-ups', () => {
	it('deletes pending sign-ups older than 30 days and nothing else', async () => {
		await subscribe(handle.db, form({ email: 'old@example.org' }), { now: t0 });
		await subscribe(handle.db, form({ email: 'recent@example.org' }), { now: t0 + 20 * day });
		await confirmedSubscriber({ email: 'kept@example.org' }, t0);
		expect(await purgeUnconfirmed(handle.db, t0 + 30 * day - 1)).toBe(0);
		expect(await purgeUnconfirmed(handle.db, t0 + 31 * day)).toBe(1);
		const left = await handle.db.selectFrom('subscriber').select('email').orderBy('email').execute();
		expect(left.map((r) => r.email)).toEqual(['kept@example.org', 'recent@example.org']);
		const deleted = (await ledger()).filter((e) => e.action === 'deleted');
		expect(deleted).toHaveLength(1);
		expect(deleted[0]).toMatchObject({ email_hash: hashEmail('old@example.org'), method: 'purge' });
	});
});

describe('audience', () => {
	it('selects confirmed subscribers by topics and languages, leaving out paused, bounced and unconfirmed ones', async () => {
		const news = await confirmedSubscriber({ email: 'news-id@example.org', topics: ['news'], locale: 'id' });
		const events = await confirmedSubscriber({ email: 'events-es@example.org', topics: ['events'], locale: 'es' });
		const both = await confirmedSubscriber({ email: 'both-en@example.org', topics: ['news', 'events'], locale: 'en' });
		const paused = await confirmedSubscriber({ email: 'paused@example.org', topics: ['news'], locale: 'id' });
		await updatePreferences(handle.db, paused.preferences, { locale: 'id', topics: ['news'], paused: true }, { now: t0 });
		const bounced = await confirmedSubscriber({ email: 'bounced@example.org', topics: ['news'], locale: 'id' });
		await handle.db.updateTable('subscriber').set({ status: 'bounced' }).where('id', '=', bounced.id).execute();
		await subscribe(handle.db, form({ email: 'pending@example.org', topics: ['news'], locale: 'id' }), { now: t0 });

		expect(await audienceQuery(handle.db)).toEqual({ count: 3, ids: [news.id, events.id, both.id] });
		expect(await audienceQuery(handle.db, { topics: ['news'] })).toEqual({ count: 2, ids: [news.id, both.id] });
		expect(await audienceQuery(handle.db, { topics: ['events'], locales: ['es', 'id'] })).toEqual({ count: 1, ids: [events.id] });
		expect(await audienceQuery(handle.db, { locales: ['ne'] })).toEqual({ count: 0, ids: [] });
	});
});

describe('e-mails', () => {
	const transport: MailTransport = { name: 'outbox', send: () => Promise.reject(new Error('only queued here')), close: () => undefined };
	const mailer = createMailer({ transport, from: 'Micro Galleries <hello@example.org>' });
	const origin = 'https://arts.example';
	const secret = 'a-test-secret';
	const mail = createNewsletterMail({ mailer, origin, secret });
	const messages = () => handle.db.selectFrom('mail_message').selectAll().orderBy('id').execute();

	it('queue the confirm link in the subscriber’s language, with its job, as part of the sign-up', async () => {
		const { confirmToken } = await subscribe(handle.db, form({ locale: 'es' }), { now: t0, mail });
		const [message, ...others] = await messages();
		expect(others).toEqual([]);
		expect(message).toMatchObject({ to_address: 'ana@example.org', locale: 'es', subject: 'Confirma tu suscripción al boletín de Community arts' });
		const link = confirmLinkUrl(origin, 'es', confirmToken!);
		expect(link).toBe(`${origin}/es/newsletter/confirm/${confirmToken}`);
		expect(message!.text_body).toContain(link);
		expect(message!.html_body).toContain(`href="${link}"`);
		expect(message!.html_body).toContain('<html lang="es"');
		const jobs = await handle.db.selectFrom('job').select('kind').execute();
		expect(jobs.map((j) => j.kind)).toEqual(['mail.send']);
	});

	it('send a pending address nothing more within 10 minutes of its confirm link, then a new link', async () => {
		await subscribe(handle.db, form(), { now: t0, mail });
		await subscribe(handle.db, form(), { now: t0 + 60_000, mail });
		await subscribe(handle.db, form(), { now: t0 + signUpMailCooldownMs - 1, mail });
		expect(await messages()).toHaveLength(1);
		await subscribe(handle.db, form(), { now: t0 + signUpMailCooldownMs, mail });
		expect(await messages()).toHaveLength(2);
	});

	it('welcome a confirmed subscriber with working private links and the one-click unsubscribe headers', async () => {
		const { confirmToken, subscriberId } = await subscribe(handle.db, form({ name: 'Ana', topics: ['news', 'events'] }), { now: t0, mail });
		const result = await confirm(handle.db, confirmToken!, { now: t0, mail });
		if (result.status !== 'confirmed') throw new Error(result.status);
		expect(result.links).toEqual(subscriberLinkTokens(secret, { id: subscriberId!, email: 'ana@example.org' }));
		const welcome = (await messages())[1]!;
		expect(welcome).toMatchObject({ locale: 'id', subject: 'Selamat datang di buletin Community arts' });
		const preferencesUrl = `${origin}/id/newsletter/preferences/${result.links!.preferences}`;
		const unsubscribeUrl = `${origin}/id/newsletter/unsubscribe/${result.links!.unsubscribe}`;
		expect(welcome.text_body).toContain('Halo Ana,');
		expect(welcome.text_body).toContain('Berita dan Acara');
		expect(welcome.text_body).toContain(preferencesUrl);
		expect(welcome.text_body).toContain(unsubscribeUrl);
		expect(JSON.parse(welcome.headers)).toEqual({
			'List-Unsubscribe': `<${unsubscribeUrl}>, <mailto:hello@example.org?subject=unsubscribe>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		});
		// The links in the e-mail open the pages.
		expect((await readPreferences(handle.db, result.links!.preferences)).status).toBe('ok');
		expect(await subscriberLinksFor(handle.db, secret, result.links!.unsubscribe)).toEqual(result.links);
		expect(await subscriberLinksFor(handle.db, secret, 'x'.repeat(43))).toBeNull();
		expect((await unsubscribe(handle.db, result.links!.unsubscribe, 'one-click')).status).toBe('unsubscribed');
	});

	it('tell a confirmed address it is already subscribed, at most once in 10 minutes, with its preferences link', async () => {
		const { confirmToken } = await subscribe(handle.db, form({ locale: 'ne' }), { now: t0, mail });
		const confirmed = await confirm(handle.db, confirmToken!, { now: t0, mail });
		if (confirmed.status !== 'confirmed') throw new Error(confirmed.status);
		expect(await messages()).toHaveLength(2);

		const first = t0 + day;
		expect((await subscribe(handle.db, form({ locale: 'es' }), { now: first, mail })).mailed).toBe('already-subscribed');
		expect((await subscribe(handle.db, form(), { now: first + signUpMailCooldownMs - 1, mail })).mailed).toBe('nothing');
		const sent = await messages();
		expect(sent).toHaveLength(3);
		// In the language the subscriber chose, not the one the new form asked for: nothing changed.
		expect(sent[2]).toMatchObject({ to_address: 'ana@example.org', locale: 'ne', subject: 'तपाईं Community arts न्युजलेटरको सदस्य भइसक्नुभएको छ' });
		expect(sent[2]!.text_body).toContain(`${origin}/ne/newsletter/preferences/${confirmed.links!.preferences}`);
		expect(JSON.parse(sent[2]!.headers)['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

		expect((await subscribe(handle.db, form(), { now: first + signUpMailCooldownMs, mail })).mailed).toBe('already-subscribed');
		expect(await messages()).toHaveLength(4);
	});

	it('are queued in the sign-up’s transaction: when queuing fails, the sign-up did not happen', async () => {
		const broken: NewsletterMail = { ...mail, confirmation: () => Promise.reject(new Error('the queue is down')) };
		await expect(subscribe(handle.db, form(), { now: t0, mail: broken })).rejects.toThrow('the queue is down');
		expect(await handle.db.selectFrom('subscriber').selectAll().execute()).toEqual([]);
		expect(await ledger()).toEqual([]);
		expect(await handle.db.selectFrom('subscriber_token').selectAll().execute()).toEqual([]);
	});
});

describe('language per recipient', () => {
	it('gives the version in the recipient language, else English, else nothing', () => {
		const versions = { en: 'Hello', id: 'Halo' };
		expect(versionForRecipient(versions, 'id')).toEqual({ locale: 'id', version: 'Halo' });
		expect(versionForRecipient(versions, 'ne')).toEqual({ locale: 'en', version: 'Hello' });
		expect(versionForRecipient(versions, 'xx')).toEqual({ locale: 'en', version: 'Hello' });
		expect(versionForRecipient({ es: 'Hola' }, 'id')).toBeNull();
	});
});
