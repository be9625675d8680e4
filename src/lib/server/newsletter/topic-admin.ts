import type { Kysely } from 'kysely';
import { locales, type Locale } from '$lib/i18n/locales';
import { parseLocalized } from '$lib/server/shared/localized-text';
import { lockTableForWriting } from '$lib/server/db/row-lock';
import type { Database } from '$lib/server/db/schema';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import type { Actor } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';
import { latestConsentTextVersion, publishConsentText } from './newsletter.service';
import type { NewsletterContext } from './newsletter.wiring';

/*
 * Staff editing of the newsletter's topics and consent text. Both appear on the
 * public sign-up form, a cached page, so every change bumps the site version,
 * in the transaction of the change and its audit entry.
 *
 * A topic's key is stored in subscribers' choices (and campaigns'), so it never
 * changes: renaming changes the names shown, not the key. A topic someone has
 * chosen cannot be deleted, or their choice would quietly vanish.
 */

export const topicLimits = { key: 40, name: 60 } as const;
export const consentTextMax = 1000;
const keyPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One text per language, '' where there is none. */
export type LocalizedValues = Record<Locale, string>;

function valuesOf(json: string): LocalizedValues {
	const parsed = parseLocalized(json) as Partial<Record<Locale, string>>;
	return Object.fromEntries(locales.map((l) => [l, parsed[l] ?? ''])) as LocalizedValues;
}

function storedText(values: LocalizedValues): string {
	const clean: Record<string, string> = {};
	for (const l of locales) if (values[l].trim() !== '') clean[l] = values[l].trim();
	return JSON.stringify({ en: '', ...clean });
}

export interface AdminTopic {
	id: number;
	key: string;
	names: LocalizedValues;
	position: number;
	/** Subscribers of any status with this topic among their choices. */
	subscribers: number;
}

async function subscribersWithTopic(db: Kysely<Database>, key: string): Promise<number> {
	const row = await db
		.selectFrom('subscriber')
		.select((eb) => eb.fn.countAll<string | number>().as('n'))
		// Topics are a JSON array of keys; a key is a slug, so its quoted form cannot match anything else.
		.where('topics', 'like', `%${JSON.stringify(key)}%`)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function listTopicsForAdmin(db: Kysely<Database>): Promise<AdminTopic[]> {
	const rows = await db.selectFrom('newsletter_topic').selectAll().orderBy('position').orderBy('id').execute();
	return Promise.all(
		rows.map(async (r) => ({ id: r.id, key: r.key, names: valuesOf(r.name), position: r.position, subscribers: await subscribersWithTopic(db, r.key) }))
	);
}

/** Why a topic form was refused, by field, as codes the admin says in the staff member's language. */
export type TopicProblem =
	| { code: 'key-missing' | 'name-en-missing' }
	| { code: 'key-format' | 'name-too-long'; max: number }
	| { code: 'key-taken'; key: string }
	| { code: 'in-use-subscribers' | 'in-use-campaigns'; key: string; count: number };

/** A topic problem in English. */
export function topicProblemEnglish(problem: TopicProblem): string {
	switch (problem.code) {
		case 'key-missing':
			return 'Give the topic a key, e.g. workshops.';
		case 'key-format':
			return `Use lower-case letters, digits and hyphens only (at most ${problem.max}), e.g. open-calls. The key never changes once the topic exists.`;
		case 'key-taken':
			return `There is already a topic with the key “${problem.key}”.`;
		case 'name-en-missing':
			return 'Give the topic an English name; the other languages fall back to it.';
		case 'name-too-long':
			return `At most ${problem.max} characters.`;
		case 'in-use-subscribers':
			return `“${problem.key}” cannot be deleted: ${problem.count === 1 ? '1 subscriber has' : `${problem.count} subscribers have`} chosen it. You can rename it instead.`;
		case 'in-use-campaigns':
			return `“${problem.key}” cannot be deleted: ${problem.count === 1 ? 'a campaign not yet sent uses' : `${problem.count} campaigns not yet sent use`} it as its audience. Change or finish those first, or rename the topic instead.`;
	}
}

/** A refused topic form: the English messages by field, and the same problems as codes. */
export class TopicRefusedError extends ValidationError {
	constructor(readonly problems: Record<string, TopicProblem>) {
		super(Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, topicProblemEnglish(problem)])));
	}
}

function checkNames(names: LocalizedValues, problems: Record<string, TopicProblem>) {
	if (names.en.trim() === '') problems['name.en'] = { code: 'name-en-missing' };
	for (const l of locales) {
		if (names[l].trim().length > topicLimits.name) problems[`name.${l}`] = { code: 'name-too-long', max: topicLimits.name };
	}
}

/** Adds a topic at the end of the list. Throws ValidationError by field (`key`, `name.<language>`). */
export async function addTopic(newsletter: NewsletterContext, actor: Actor, input: { key: string; names: LocalizedValues }): Promise<string> {
	const key = input.key.trim().toLowerCase();
	const problems: Record<string, TopicProblem> = {};
	if (key === '') problems.key = { code: 'key-missing' };
	else if (key.length > topicLimits.key || !keyPattern.test(key)) problems.key = { code: 'key-format', max: topicLimits.key };
	checkNames(input.names, problems);
	if (!problems.key && (await newsletter.db.selectFrom('newsletter_topic').select('id').where('key', '=', key).executeTakeFirst())) {
		problems.key = { code: 'key-taken', key };
	}
	if (Object.keys(problems).length > 0) throw new TopicRefusedError(problems);
	await runCommand(newsletter, actor, async ({ trx, audit, publicPagesChanged }) => {
		const last = await trx.selectFrom('newsletter_topic').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
		await trx
			.insertInto('newsletter_topic')
			.values({ key, name: storedText(input.names), position: Number(last?.p ?? -1) + 1 })
			.execute();
		await publicPagesChanged();
		await audit({ action: 'newsletter.topic-added', subject: `topic:${key}` });
	});
	return key;
}

/** New names for a topic; its key stays. */
export async function renameTopic(newsletter: NewsletterContext, actor: Actor, key: string, names: LocalizedValues): Promise<void> {
	const problems: Record<string, TopicProblem> = {};
	checkNames(names, problems);
	if (Object.keys(problems).length > 0) throw new TopicRefusedError(problems);
	// Anything but a key names no topic (and a NUL in it would be an error in PostgreSQL, not a miss).
	if (!keyPattern.test(key)) throw new NotFoundError(`topic ${key}`);
	await runCommand(newsletter, actor, async ({ trx, audit, publicPagesChanged }) => {
		const result = await trx.updateTable('newsletter_topic').set({ name: storedText(names) }).where('key', '=', key).executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) throw new NotFoundError(`topic ${key}`);
		await publicPagesChanged();
		await audit({ action: 'newsletter.topic-renamed', subject: `topic:${key}` });
	});
}

/** Moves a topic one place up or down; at either end nothing changes. */
export async function moveTopic(newsletter: NewsletterContext, actor: Actor, key: string, direction: 'up' | 'down'): Promise<void> {
	await runCommand(newsletter, actor, async ({ trx, audit, publicPagesChanged }) => {
		const rows = await trx.selectFrom('newsletter_topic').select(['id', 'key']).orderBy('position').orderBy('id').execute();
		const index = rows.findIndex((r) => r.key === key);
		if (index < 0) throw new NotFoundError(`topic ${key}`);
		const other = direction === 'up' ? index - 1 : index + 1;
		if (other < 0 || other >= rows.length) return;
		[rows[index], rows[other]] = [rows[other]!, rows[index]!];
		// Numbered afresh, so positions stay 0, 1, 2… whatever they were before.
		for (const [position, row] of rows.entries()) {
			await trx.updateTable('newsletter_topic').set({ position }).where('id', '=', row.id).execute();
		}
		await publicPagesChanged();
		await audit({ action: 'newsletter.topic-moved', subject: `topic:${key}`, detail: { direction } });
	});
}

/** Deletes a topic nobody has chosen. Throws ValidationError (`topic`) when someone has. */
export async function deleteTopic(newsletter: NewsletterContext, actor: Actor, key: string): Promise<void> {
	if (!keyPattern.test(key)) throw new NotFoundError(`topic ${key}`);
	await runCommand(newsletter, actor, async ({ trx, audit, publicPagesChanged }) => {
		const topic = await trx.selectFrom('newsletter_topic').select('id').where('key', '=', key).executeTakeFirst();
		if (!topic) throw new NotFoundError(`topic ${key}`);
		const used = await subscribersWithTopic(trx, key);
		if (used > 0) {
			throw new TopicRefusedError({ topic: { code: 'in-use-subscribers', key, count: used } });
		}
		// A campaign still to be sent that targets the topic would otherwise go to a different audience.
		const campaigns = await trx
			.selectFrom('newsletter_campaign')
			.select('topics')
			.where('status', 'in', ['draft', 'scheduled', 'sending', 'paused'])
			.execute();
		const inCampaigns = campaigns.filter((c) => (JSON.parse(c.topics) as unknown[]).includes(key)).length;
		if (inCampaigns > 0) {
			throw new TopicRefusedError({ topic: { code: 'in-use-campaigns', key, count: inCampaigns } });
		}
		await trx.deleteFrom('newsletter_topic').where('id', '=', topic.id).execute();
		await publicPagesChanged();
		await audit({ action: 'newsletter.topic-deleted', subject: `topic:${key}` });
	});
}

export interface ConsentTextVersion {
	version: number;
	text: LocalizedValues;
	createdAt: string;
}

/** Every published consent text, newest first. */
export async function listConsentTexts(db: Kysely<Database>): Promise<ConsentTextVersion[]> {
	const rows = await db.selectFrom('newsletter_consent_text').selectAll().orderBy('version', 'desc').execute();
	return rows.map((r) => ({ version: r.version, text: valuesOf(r.text), createdAt: r.created_at }));
}

/**
 * Publishes a new wording as the next version; earlier versions stay as they
 * were, since sign-ups point at them. Throws ValidationError by field (`text.<language>`).
 */
export async function publishConsentTextFromAdmin(newsletter: NewsletterContext, actor: Actor, text: LocalizedValues): Promise<number> {
	const { db } = newsletter;
	const issues: Record<string, string> = {};
	if (text.en.trim() === '') issues['text.en'] = 'The English wording is required; the other languages fall back to it.';
	for (const l of locales) if (text[l].trim().length > consentTextMax) issues[`text.${l}`] = `At most ${consentTextMax} characters.`;
	const latest = await latestConsentTextVersion(db);
	if (Object.keys(issues).length === 0 && latest !== null) {
		const current = await db.selectFrom('newsletter_consent_text').select('text').where('version', '=', latest).executeTakeFirstOrThrow();
		if (current.text === storedText(text)) issues['text.en'] = `This is the wording of version ${latest} already; change it before publishing.`;
	}
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);
	return runCommand(newsletter, actor, async ({ trx, now, audit, publicPagesChanged }) => {
		// The next version is the latest plus one: two staff publishing at once take turns.
		await lockTableForWriting(trx, 'newsletter_consent_text');
		const clean = JSON.parse(storedText(text)) as Record<string, string>;
		const version = await publishConsentText(trx, clean, { now: now.getTime() });
		await publicPagesChanged();
		await audit({ action: 'newsletter.consent-text-published', subject: `consent-text:${version}` });
		return version;
	});
}

/** Topics for filters and checkboxes: key and English name, in their order. */
export async function topicChoices(db: Kysely<Database>): Promise<{ key: string; name: string }[]> {
	const rows = await db.selectFrom('newsletter_topic').select(['key', 'name']).orderBy('position').orderBy('id').execute();
	return rows.map((r) => ({ key: r.key, name: valuesOf(r.name).en || r.key }));
}
