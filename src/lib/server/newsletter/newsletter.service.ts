import { latestKeyedMoment } from '$lib/server/platform/mail/mailer';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { locales, type Locale } from '$lib/i18n/locales';
import type { ConsentAction, Database, Db, SubscriberRow } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';
import type { Campaign } from './campaign.service';
import { ensureSubscriberLinks, type SubscriberLinks } from './subscriber-links';
import { createSubscriberToken, hashEmail, inspectSubscriberToken } from './subscriber-tokens';

/*
 * The newsletter's rules: double opt-in, the consent ledger, preferences,
 * unsubscribing, export and deletion. Nothing is composed or sent here: the
 * functions that lead to an e-mail take a `NewsletterMail` and ask it to queue
 * the message inside their own transaction. Every function takes `db` first and
 * a clock (`now`, milliseconds) so tests can move time.
 */

interface Clock {
	now?: number;
}

export const pendingLifetimeMs = 30 * 24 * 60 * 60_000;

export const subscribeFieldLimits = { email: 254, name: 80, sourcePage: 300 } as const;

/** Field → an error code the page turns into a message in the visitor's language. */
export type SubscribeErrorCode = 'email_invalid' | 'name_too_long' | 'locale_invalid' | 'topic_unknown' | 'consent_required' | 'consent_text_unknown';

const subscribeSchema = z.object({
	email: z
		.string()
		.trim()
		.max(subscribeFieldLimits.email, 'email_invalid')
		.pipe(z.email('email_invalid'))
		.transform((value) => value.toLowerCase()),
	name: z
		.string()
		.trim()
		.max(subscribeFieldLimits.name, 'name_too_long')
		.optional()
		.transform((value) => (value ? value : null)),
	locale: z.enum(locales, 'locale_invalid'),
	topics: z.array(z.string()).default([]),
	consent: z.literal(true, 'consent_required'),
	/** The consent text the form showed; the latest when the caller does not say. */
	consentTextVersion: z.number().int().positive('consent_text_unknown').optional(),
	sourcePage: z.string().trim().max(subscribeFieldLimits.sourcePage).default('')
});

/** What a form may send: the schema, not the type, refuses a language we do not speak or a consent not given. */
export type SubscribeInput = Omit<z.input<typeof subscribeSchema>, 'locale' | 'consent'> & { locale: string; consent: boolean };

function issuesOf(error: z.ZodError): Record<string, string> {
	const issues: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		issues[field] ??= issue.message;
	}
	return issues;
}

export async function latestConsentTextVersion(db: Db): Promise<number | null> {
	const row = await db
		.selectFrom('newsletter_consent_text')
		.select('version')
		.orderBy('version', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row?.version ?? null;
}

/** A new wording of the consent text; earlier versions stay as they were, since the ledger points at them. */
export async function publishConsentText(db: Db, text: Record<string, string>, { now = Date.now() }: Clock = {}) {
	const version = ((await latestConsentTextVersion(db)) ?? 0) + 1;
	await db
		.insertInto('newsletter_consent_text')
		.values({ version, text: JSON.stringify({ en: '', ...text }), created_at: new Date(now).toISOString() })
		.execute();
	return version;
}

export async function topicKeys(db: Db): Promise<string[]> {
	const rows = await db.selectFrom('newsletter_topic').select('key').orderBy('position').orderBy('id').execute();
	return rows.map((row) => row.key);
}

async function recordConsent(
	db: Db,
	event: {
		subscriberId: number | null;
		email: string;
		action: ConsentAction;
		method: string;
		at: string;
		consentTextVersion?: number | null;
		sourcePage?: string | null;
		detail?: Record<string, unknown>;
	}
) {
	await db
		.insertInto('consent_event')
		.values({
			subscriber_id: event.subscriberId,
			email_hash: hashEmail(event.email),
			action: event.action,
			consent_text_version: event.consentTextVersion ?? null,
			source_page: event.sourcePage ?? null,
			method: event.method,
			at: event.at,
			detail: JSON.stringify(event.detail ?? {})
		})
		.execute();
}

/**
 * A sign-up sends at most one e-mail per address in this time: no new confirm
 * link while the last one is this fresh and unused, and no second "already
 * subscribed" note. The form cannot then be used to flood someone's inbox.
 */
export const signUpMailCooldownMs = 10 * 60_000;

/**
 * The newsletter's e-mails, composed and queued by `newsletter-mail.ts`. Each is
 * queued in the transaction of the change it reports, so the e-mail exists
 * exactly when the change does.
 */
export interface NewsletterMail {
	/** The confirm link, to a pending subscriber. */
	confirmation(db: Db, subscriber: SubscriberRow, confirmToken: string): Promise<void>;
	/** "You are already subscribed", with the preferences link; `idempotencyKey` from `alreadySubscribedMailKey`. */
	alreadySubscribed(db: Db, subscriber: SubscriberRow, idempotencyKey: string): Promise<void>;
	/** The welcome after confirming, with the preferences and unsubscribe links; returns those links. */
	welcome(db: Db, subscriber: SubscriberRow): Promise<SubscriberLinks>;
	/**
	 * A campaign as `locale`'s readers would get it, to one staff address and
	 * marked as a test; the language it went out in, or undefined when there is
	 * nothing to send yet.
	 */
	campaignTest(db: Db, campaign: Campaign, locale: Locale, to: string): Promise<{ locale: Locale } | undefined>;
}

interface MailOption {
	/** Without it nothing is mailed (tests of the rules alone). */
	mail?: NewsletterMail;
}

const alreadySubscribedKeyPrefix = 'newsletter-already-subscribed:';

/**
 * The time (this domain's clock) is part of the key: it is what the 10-minute
 * rule reads back from the mail queue, which needs no table of its own.
 */
export function alreadySubscribedMailKey(subscriberId: number, now: number): string {
	return `${alreadySubscribedKeyPrefix}${subscriberId}:${now}`;
}


/** Whether an unused confirm link for this subscriber was made (and mailed) within the cooldown. */
async function hasFreshConfirmLink(db: Db, subscriberId: number, now: number): Promise<boolean> {
	const row = await db
		.selectFrom('subscriber_token')
		.select('created_at')
		.where('subscriber_id', '=', subscriberId)
		.where('purpose', '=', 'confirm')
		.where('used_at', 'is', null)
		.where('created_at', '>', new Date(now - signUpMailCooldownMs).toISOString())
		.executeTakeFirst();
	return row !== undefined;
}

/**
 * The outcome is the same whatever the address's state, so the page cannot tell
 * anyone whether an address is subscribed. `confirmToken` is the new confirm
 * link (already mailed when `mail` was given); null when none was made.
 */
export interface SubscribeOutcome {
	outcome: 'check-your-inbox';
	confirmToken: string | null;
	/** For logs and tests only; never show it on the page. */
	subscriberId: number | null;
	/** What was e-mailed (or, without `mail`, would have been), for logs and tests only. */
	mailed: 'confirmation' | 'already-subscribed' | 'nothing';
}

/**
 * Signs an address up (double opt-in). A new, pending, unsubscribed or bounced
 * address becomes pending and gets a confirm link, unless its last unused link
 * is younger than `signUpMailCooldownMs`: then nothing changes and that link
 * keeps working. A confirmed address changes nothing and gets an "already
 * subscribed" e-mail, at most one per cooldown. Throws ValidationError with
 * per-field codes (`SubscribeErrorCode`).
 */
export async function subscribe(
	db: Kysely<Database>,
	input: unknown,
	{ now = Date.now(), mail }: Clock & MailOption = {}
): Promise<SubscribeOutcome> {
	const parsed = subscribeSchema.safeParse(input);
	if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
	const data = parsed.data;
	const known = new Set(await topicKeys(db));
	const unknownTopic = data.topics.find((topic) => !known.has(topic));
	if (unknownTopic !== undefined) throw new ValidationError({ topics: 'topic_unknown' });
	const topics = [...new Set(data.topics)];

	const version = data.consentTextVersion ?? (await latestConsentTextVersion(db));
	const versionExists =
		version !== null &&
		(await db.selectFrom('newsletter_consent_text').select('id').where('version', '=', version).executeTakeFirst());
	if (version === null || !versionExists) throw new ValidationError({ consentTextVersion: 'consent_text_unknown' });

	const at = new Date(now).toISOString();
	return db.transaction().execute(async (trx): Promise<SubscribeOutcome> => {
		// Insert-or-nothing first, so two simultaneous sign-ups of one address make one row.
		const inserted = await trx
			.insertInto('subscriber')
			.values({
				email: data.email,
				name: data.name,
				locale: data.locale,
				status: 'pending',
				topics: JSON.stringify(topics),
				consent_text_version: version,
				created_at: at,
				updated_at: at
			})
			.onConflict((oc) => oc.column('email').doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!inserted) {
			// Writing the row to itself changes nothing but takes its lock (PostgreSQL; SQLite
			// runs one write transaction at a time anyway), so simultaneous sign-ups of one
			// address take turns and the cooldown below holds for them too.
			await trx
				.updateTable('subscriber')
				.set((eb) => ({ updated_at: eb.ref('updated_at') }))
				.where('email', '=', data.email)
				.execute();
		}
		const subscriber = await trx
			.selectFrom('subscriber')
			.selectAll()
			.where('email', '=', data.email)
			.executeTakeFirstOrThrow();
		const nothing = { outcome: 'check-your-inbox', confirmToken: null, subscriberId: subscriber.id, mailed: 'nothing' } as const;

		if (subscriber.status === 'confirmed') {
			const last = await latestKeyedMoment(trx, `${alreadySubscribedKeyPrefix}${subscriber.id}:`);
			if (last !== null && now - last < signUpMailCooldownMs) return nothing;
			await mail?.alreadySubscribed(trx, subscriber, alreadySubscribedMailKey(subscriber.id, now));
			return { ...nothing, mailed: 'already-subscribed' };
		}
		if (!inserted && subscriber.status === 'pending' && (await hasFreshConfirmLink(trx, subscriber.id, now))) return nothing;

		if (!inserted) {
			// A pending, unsubscribed or bounced address signs up again: start over as pending.
			await trx
				.updateTable('subscriber')
				.set({
					name: data.name,
					locale: data.locale,
					status: 'pending',
					paused: 0,
					topics: JSON.stringify(topics),
					consent_text_version: version,
					updated_at: at
				})
				.where('id', '=', subscriber.id)
				.execute();
		}
		await recordConsent(trx, {
			subscriberId: subscriber.id,
			email: data.email,
			action: 'subscribed',
			method: 'double-opt-in',
			at,
			consentTextVersion: version,
			sourcePage: data.sourcePage || null,
			detail: { locale: data.locale, topics }
		});
		const confirmToken = await createSubscriberToken(trx, subscriber.id, 'confirm', now);
		const pending = await trx.selectFrom('subscriber').selectAll().where('id', '=', subscriber.id).executeTakeFirstOrThrow();
		await mail?.confirmation(trx, pending, confirmToken);
		return { ...nothing, confirmToken, mailed: 'confirmation' };
	});
}

export type TokenProblem = 'expired' | 'used' | 'unknown';

export type ConfirmResult =
	| {
			status: 'confirmed';
			subscriberId: number;
			locale: string;
			/** The subscriber's preferences and unsubscribe links, when `mail` was given (they are in the welcome e-mail). */
			links: SubscriberLinks | null;
	  }
	| { status: TokenProblem };

/** What a confirm link is worth now, without using it (the page a GET shows). */
export async function confirmLinkState(
	db: Kysely<Database>,
	token: string,
	{ now = Date.now() }: Clock = {}
): Promise<'valid' | TokenProblem> {
	return (await inspectSubscriberToken(db, token, ['confirm'], now)).state;
}

/**
 * Uses the confirm link: the address becomes confirmed, the ledger says so, and
 * (with `mail`) the welcome e-mail is queued with the subscriber's private links.
 */
export async function confirm(
	db: Kysely<Database>,
	token: string,
	{ now = Date.now(), mail }: Clock & MailOption = {}
): Promise<ConfirmResult> {
	return db.transaction().execute(async (trx): Promise<ConfirmResult> => {
		const state = await inspectSubscriberToken(trx, token, ['confirm'], now);
		if (state.state !== 'valid') return { status: state.state };
		const at = new Date(now).toISOString();
		const used = await trx
			.updateTable('subscriber_token')
			.set({ used_at: at })
			.where('subscriber_id', '=', state.subscriberId)
			.where('purpose', '=', 'confirm')
			.where('used_at', 'is', null)
			.executeTakeFirst();
		// Someone else (a second tab) confirmed first.
		if (Number(used.numUpdatedRows) === 0) return { status: 'used' };
		await trx
			.updateTable('subscriber')
			.set({ status: 'confirmed', confirmed_at: at, unsubscribed_at: null, updated_at: at })
			.where('id', '=', state.subscriberId)
			.execute();
		const subscriber = await trx
			.selectFrom('subscriber')
			.selectAll()
			.where('id', '=', state.subscriberId)
			.executeTakeFirstOrThrow();
		await recordConsent(trx, {
			subscriberId: subscriber.id,
			email: subscriber.email,
			action: 'confirmed',
			method: 'double-opt-in',
			at,
			consentTextVersion: subscriber.consent_text_version
		});
		const links = mail ? await mail.welcome(trx, subscriber) : null;
		return { status: 'confirmed', subscriberId: subscriber.id, locale: subscriber.locale, links };
	});
}

/** The subscriber behind a preferences link (or an unsubscribe link, where allowed). */
async function subscriberByToken(
	db: Db,
	token: string,
	purposes: readonly ('preferences' | 'unsubscribe')[],
	now: number
): Promise<{ subscriber: SubscriberRow } | { status: TokenProblem }> {
	const state = await inspectSubscriberToken(db, token, purposes, now);
	if (state.state !== 'valid') return { status: state.state };
	const subscriber = await db.selectFrom('subscriber').selectAll().where('id', '=', state.subscriberId).executeTakeFirst();
	return subscriber ? { subscriber } : { status: 'unknown' };
}

const preferencesSchema = z.object({
	locale: z.enum(locales, 'locale_invalid'),
	topics: z.array(z.string()),
	paused: z.boolean()
});

export type PreferencesInput = Omit<z.input<typeof preferencesSchema>, 'locale'> & { locale: string };

export interface Preferences {
	email: string;
	name: string | null;
	locale: Locale;
	topics: string[];
	paused: boolean;
	status: SubscriberRow['status'];
}

function preferencesOf(subscriber: SubscriberRow): Preferences {
	return {
		email: subscriber.email,
		name: subscriber.name,
		locale: (locales as readonly string[]).includes(subscriber.locale) ? (subscriber.locale as Locale) : 'en',
		topics: parseTopics(subscriber.topics),
		paused: subscriber.paused === 1,
		status: subscriber.status
	};
}

function parseTopics(json: string): string[] {
	const value: unknown = JSON.parse(json);
	return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** What the preferences page shows. */
export async function readPreferences(
	db: Kysely<Database>,
	token: string,
	{ now = Date.now() }: Clock = {}
): Promise<{ status: 'ok'; preferences: Preferences } | { status: TokenProblem }> {
	const found = await subscriberByToken(db, token, ['preferences'], now);
	return 'subscriber' in found ? { status: 'ok', preferences: preferencesOf(found.subscriber) } : found;
}

/** Throws ValidationError for a bad language or an unknown topic. */
export async function updatePreferences(
	db: Kysely<Database>,
	token: string,
	input: PreferencesInput,
	{ now = Date.now() }: Clock = {}
): Promise<{ status: 'updated'; preferences: Preferences } | { status: TokenProblem }> {
	const parsed = preferencesSchema.safeParse(input);
	if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
	const known = new Set(await topicKeys(db));
	if (parsed.data.topics.some((topic) => !known.has(topic))) throw new ValidationError({ topics: 'topic_unknown' });
	const topics = [...new Set(parsed.data.topics)];

	return db.transaction().execute(async (trx) => {
		const found = await subscriberByToken(trx, token, ['preferences'], now);
		if (!('subscriber' in found)) return found;
		const before = preferencesOf(found.subscriber);
		const at = new Date(now).toISOString();
		await trx
			.updateTable('subscriber')
			.set({ locale: parsed.data.locale, topics: JSON.stringify(topics), paused: parsed.data.paused ? 1 : 0, updated_at: at })
			.where('id', '=', found.subscriber.id)
			.execute();
		const after = { ...before, locale: parsed.data.locale, topics, paused: parsed.data.paused };
		await recordConsent(trx, {
			subscriberId: found.subscriber.id,
			email: found.subscriber.email,
			action: 'preferences-changed',
			method: 'preferences',
			at,
			detail: {
				before: { locale: before.locale, topics: before.topics, paused: before.paused },
				after: { locale: after.locale, topics: after.topics, paused: after.paused }
			}
		});
		return { status: 'updated', preferences: after };
	});
}

export type UnsubscribeMethod = 'one-click' | 'preferences' | 'link';

/**
 * RFC 8058 one-click semantics: the POST itself unsubscribes, at once. Doing it
 * twice changes nothing and records nothing more.
 */
export async function unsubscribe(
	db: Kysely<Database>,
	token: string,
	method: UnsubscribeMethod,
	{ now = Date.now() }: Clock = {}
): Promise<{ status: 'unsubscribed' | 'already-unsubscribed' } | { status: TokenProblem }> {
	return db.transaction().execute(async (trx) => {
		const found = await subscriberByToken(trx, token, ['unsubscribe', 'preferences'], now);
		if (!('subscriber' in found)) return found;
		const at = new Date(now).toISOString();
		const changed = await trx
			.updateTable('subscriber')
			.set({ status: 'unsubscribed', unsubscribed_at: at, updated_at: at })
			.where('id', '=', found.subscriber.id)
			.where('status', '!=', 'unsubscribed')
			.executeTakeFirst();
		if (Number(changed.numUpdatedRows) === 0) return { status: 'already-unsubscribed' };
		await recordConsent(trx, {
			subscriberId: found.subscriber.id,
			email: found.subscriber.email,
			action: 'unsubscribed',
			method,
			at,
			detail: { previousStatus: found.subscriber.status }
		});
		return { status: 'unsubscribed' };
	});
}

/** What the unsubscribe page shows on opening (a GET changes nothing: mail scanners follow links). */
export async function unsubscribeLinkState(
	db: Kysely<Database>,
	token: string,
	{ now = Date.now() }: Clock = {}
): Promise<{ status: 'ok'; unsubscribed: boolean } | { status: TokenProblem }> {
	const found = await subscriberByToken(db, token, ['unsubscribe', 'preferences'], now);
	return 'subscriber' in found ? { status: 'ok', unsubscribed: found.subscriber.status === 'unsubscribed' } : found;
}

/**
 * The private links of the subscriber behind an unsubscribe or preferences
 * link, made sure to open (so a page can point from one to the other). Null for
 * a link that does not work.
 */
export async function subscriberLinksFor(
	db: Kysely<Database>,
	secret: string,
	token: string,
	{ now = Date.now() }: Clock = {}
): Promise<SubscriberLinks | null> {
	const found = await subscriberByToken(db, token, ['unsubscribe', 'preferences'], now);
	if (!('subscriber' in found)) return null;
	const links = await ensureSubscriberLinks(db, secret, [found.subscriber], now);
	return links.get(found.subscriber.id) ?? null;
}

const resubscribeSchema = z.object({
	consent: z.literal(true, 'consent_required'),
	consentTextVersion: z.number().int().positive('consent_text_unknown').optional(),
	sourcePage: z.string().trim().max(subscribeFieldLimits.sourcePage).default('')
});

export type ResubscribeInput = Omit<z.input<typeof resubscribeSchema>, 'consent'> & { consent: boolean };

/**
 * Subscribes again from the preferences page, after unsubscribing. The
 * preferences link was only ever e-mailed to the address, so opening it proves
 * the mailbox as a confirm link does: the subscriber is confirmed at once, and
 * the ledger records the new consent (with the text version shown) and the
 * confirmation. Throws ValidationError (`consent_required`, `consent_text_unknown`).
 */
export async function resubscribe(
	db: Kysely<Database>,
	token: string,
	input: ResubscribeInput,
	{ now = Date.now() }: Clock = {}
): Promise<{ status: 'resubscribed' | 'already-subscribed' } | { status: TokenProblem }> {
	const parsed = resubscribeSchema.safeParse(input);
	if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
	const version = parsed.data.consentTextVersion ?? (await latestConsentTextVersion(db));
	const versionExists =
		version !== null &&
		(await db.selectFrom('newsletter_consent_text').select('id').where('version', '=', version).executeTakeFirst());
	if (version === null || !versionExists) throw new ValidationError({ consentTextVersion: 'consent_text_unknown' });

	return db.transaction().execute(async (trx) => {
		const found = await subscriberByToken(trx, token, ['preferences'], now);
		if (!('subscriber' in found)) return found;
		const subscriber = found.subscriber;
		if (subscriber.status === 'confirmed') return { status: 'already-subscribed' as const };
		const at = new Date(now).toISOString();
		await trx
			.updateTable('subscriber')
			.set({ status: 'confirmed', confirmed_at: at, unsubscribed_at: null, consent_text_version: version, updated_at: at })
			.where('id', '=', subscriber.id)
			.execute();
		// A confirm link still out there would otherwise "confirm" a second time.
		await trx
			.updateTable('subscriber_token')
			.set({ used_at: at })
			.where('subscriber_id', '=', subscriber.id)
			.where('purpose', '=', 'confirm')
			.where('used_at', 'is', null)
			.execute();
		const topics = parseTopics(subscriber.topics);
		await recordConsent(trx, {
			subscriberId: subscriber.id,
			email: subscriber.email,
			action: 'subscribed',
			method: 'preferences',
			at,
			consentTextVersion: version,
			sourcePage: parsed.data.sourcePage || null,
			detail: { locale: subscriber.locale, topics, previousStatus: subscriber.status }
		});
		await recordConsent(trx, {
			subscriberId: subscriber.id,
			email: subscriber.email,
			action: 'confirmed',
			method: 'preferences',
			at,
			consentTextVersion: version
		});
		return { status: 'resubscribed' as const };
	});
}

export interface SubscriberExport {
	exportedAt: string;
	subscriber: {
		email: string;
		name: string | null;
		locale: string;
		status: string;
		paused: boolean;
		topics: string[];
		createdAt: string;
		confirmedAt: string | null;
		unsubscribedAt: string | null;
		updatedAt: string;
	};
	consentEvents: {
		action: string;
		at: string;
		method: string;
		sourcePage: string | null;
		consentTextVersion: number | null;
		consentText: Record<string, string> | null;
		detail: unknown;
	}[];
}

/** Everything held about the person, as the download from the preferences page. */
export async function exportSubscriberData(
	db: Kysely<Database>,
	token: string,
	{ now = Date.now() }: Clock = {}
): Promise<{ status: 'ok'; data: SubscriberExport } | { status: TokenProblem }> {
	const found = await subscriberByToken(db, token, ['preferences'], now);
	if (!('subscriber' in found)) return found;
	const s = found.subscriber;
	const events = await db
		.selectFrom('consent_event')
		.leftJoin('newsletter_consent_text', 'newsletter_consent_text.version', 'consent_event.consent_text_version')
		.select([
			'consent_event.action',
			'consent_event.at',
			'consent_event.method',
			'consent_event.source_page',
			'consent_event.consent_text_version',
			'consent_event.detail',
			'newsletter_consent_text.text as consent_text'
		])
		.where((eb) => eb.or([eb('consent_event.subscriber_id', '=', s.id), eb('consent_event.email_hash', '=', hashEmail(s.email))]))
		.orderBy('consent_event.at')
		.orderBy('consent_event.id')
		.execute();
	return {
		status: 'ok',
		data: {
			exportedAt: new Date(now).toISOString(),
			subscriber: {
				email: s.email,
				name: s.name,
				locale: s.locale,
				status: s.status,
				paused: s.paused === 1,
				topics: parseTopics(s.topics),
				createdAt: s.created_at,
				confirmedAt: s.confirmed_at,
				unsubscribedAt: s.unsubscribed_at,
				updatedAt: s.updated_at
			},
			consentEvents: events.map((event) => ({
				action: event.action,
				at: event.at,
				method: event.method,
				sourcePage: event.source_page,
				consentTextVersion: event.consent_text_version,
				consentText: event.consent_text ? (JSON.parse(event.consent_text) as Record<string, string>) : null,
				detail: JSON.parse(event.detail) as unknown
			}))
		}
	};
}

/**
 * Erases the person: their row and links go; the ledger keeps its entries,
 * detached from the row and identified only by the address's hash, plus one
 * `deleted` entry, so the organization can still show consent and its withdrawal.
 */
export async function deleteSubscriber(
	db: Kysely<Database>,
	token: string,
	{ now = Date.now() }: Clock = {}
): Promise<{ status: 'deleted' } | { status: TokenProblem }> {
	return db.transaction().execute(async (trx) => {
		const found = await subscriberByToken(trx, token, ['preferences'], now);
		if (!('subscriber' in found)) return found;
		await eraseSubscriber(trx, found.subscriber, 'preferences', new Date(now).toISOString(), {});
		return { status: 'deleted' };
	});
}

export async function eraseSubscriber(db: Db, subscriber: SubscriberRow, method: string, at: string, detail: Record<string, unknown>) {
	// Detach explicitly rather than trusting `on delete set null`: SQLite enforces it only with foreign keys on.
	await db.updateTable('consent_event').set({ subscriber_id: null }).where('subscriber_id', '=', subscriber.id).execute();
	await db.deleteFrom('subscriber_token').where('subscriber_id', '=', subscriber.id).execute();
	await db.deleteFrom('subscriber').where('id', '=', subscriber.id).execute();
	await recordConsent(db, { subscriberId: null, email: subscriber.email, action: 'deleted', method, at, detail });
}

/** Deletes sign-ups left unconfirmed for 30 days (run daily by a job). Returns how many. */
export async function purgeUnconfirmed(db: Kysely<Database>, now = Date.now()): Promise<number> {
	const cutoff = new Date(now - pendingLifetimeMs).toISOString();
	const at = new Date(now).toISOString();
	return db.transaction().execute(async (trx) => {
		const stale = await trx
			.selectFrom('subscriber')
			.selectAll()
			.where('status', '=', 'pending')
			.where('updated_at', '<', cutoff)
			.execute();
		for (const subscriber of stale) {
			await eraseSubscriber(trx, subscriber, 'purge', at, { reason: 'unconfirmed' });
		}
		return stale.length;
	});
}

export interface AudienceFilter {
	/** Subscribers with at least one of these topics; all topics when empty or absent. */
	topics?: readonly string[];
	/** Subscribers reading one of these languages; all languages when empty or absent. */
	locales?: readonly string[];
}

/**
 * Who a campaign would reach: confirmed (so never pending, unsubscribed or
 * bounced) and not paused. Topics are matched here rather than in SQL because
 * they are JSON text, and JSON functions differ between the two engines.
 */
export async function audienceQuery(db: Db, filter: AudienceFilter = {}): Promise<{ count: number; ids: number[] }> {
	let query = db
		.selectFrom('subscriber')
		.select(['id', 'topics'])
		.where('status', '=', 'confirmed')
		.where('paused', '=', 0);
	if (filter.locales && filter.locales.length > 0) query = query.where('locale', 'in', [...filter.locales]);
	const rows = await query.orderBy('id').execute();
	const wanted = filter.topics && filter.topics.length > 0 ? new Set(filter.topics) : null;
	const ids = rows.filter((row) => !wanted || parseTopics(row.topics).some((topic) => wanted.has(topic))).map((row) => row.id);
	return { count: ids.length, ids };
}
