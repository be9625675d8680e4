import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { ConsentAction, Database, SubscriberStatus } from '$lib/server/db/schema';
import { NotFoundError } from '$lib/server/platform/errors';
import { csvLines } from '$lib/server/platform/csv';
import { recordAudit, type Actor } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';
import { eraseSubscriber } from './newsletter.service';
import type { NewsletterContext } from './newsletter.wiring';
import { hashEmail } from './subscriber-tokens';
import { pageWindow } from '$lib/server/platform/paging';

/*
 * The staff side of subscribers: the list, one subscriber with their consent
 * ledger, erasure on request, and the CSV export. See CONTEXT.md for the terms.
 *
 * Topics are JSON text; a topic filter matches the quoted key inside it with
 * LIKE, which both engines run the same way (keys are lower-case slugs, so
 * neither case nor LIKE's wildcards get in the way).
 */

/** What the list can be narrowed to. `paused` is a confirmed subscriber who wants nothing for now. */
export const subscriberStatusFilters = ['pending', 'confirmed', 'paused', 'unsubscribed', 'bounced'] as const;
export type SubscriberStatusFilter = (typeof subscriberStatusFilters)[number];

export interface SubscriberFilters {
	status?: SubscriberStatusFilter;
	/** Part of the address or the name, any case. */
	search?: string;
	topic?: string;
	locale?: string;
}

type SubscriberQuery<O> = SelectQueryBuilder<Database, 'subscriber', O>;

/** `%text%` for LIKE, with LIKE's own wildcards in the text taken literally. */
function containing(text: string): string {
	return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function applyFilters<O>(query: SubscriberQuery<O>, filters: SubscriberFilters): SubscriberQuery<O> {
	let q = query;
	if (filters.status === 'paused') q = q.where('subscriber.status', '=', 'confirmed').where('subscriber.paused', '=', 1);
	else if (filters.status) q = q.where('subscriber.status', '=', filters.status);
	if (filters.locale) q = q.where('subscriber.locale', '=', filters.locale);
	if (filters.topic) q = q.where('subscriber.topics', 'like', `%${JSON.stringify(filters.topic)}%`);
	const search = filters.search?.trim();
	if (search) {
		const pattern = containing(search);
		q = q.where((eb) =>
			eb.or([
				eb(sql`subscriber.email`, 'like', sql`${pattern} escape '\\'`),
				eb(sql`lower(coalesce(subscriber.name, ''))`, 'like', sql`${pattern} escape '\\'`)
			])
		);
	}
	return q;
}

export function parseTopicList(json: string): string[] {
	try {
		const value: unknown = JSON.parse(json);
		return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
	} catch {
		return [];
	}
}

export interface SubscriberListItem {
	id: number;
	email: string;
	name: string | null;
	locale: string;
	status: SubscriberStatus;
	paused: boolean;
	topics: string[];
	createdAt: string;
	confirmedAt: string | null;
}

/** One page of subscribers, newest first (page counts from 1), and how many match in all. */
export async function listSubscribers(
	db: Kysely<Database>,
	filters: SubscriberFilters = {},
	paging: { page?: number; perPage?: number } = {}
): Promise<{ rows: SubscriberListItem[]; total: number; page: number; perPage: number }> {
	const { page, size: perPage, offset } = pageWindow(paging.page, paging.perPage, { maxSize: 500 });
	// Two queries rather than a window function: the same SQL on both engines, and the count can use the indexes alone.
	const [rows, count] = await Promise.all([
		applyFilters(db.selectFrom('subscriber'), filters)
			.select(['id', 'email', 'name', 'locale', 'status', 'paused', 'topics', 'created_at', 'confirmed_at'])
			.orderBy('id', 'desc')
			.limit(perPage)
			.offset(offset)
			.execute(),
		applyFilters(db.selectFrom('subscriber'), filters)
			.select((eb) => eb.fn.countAll<string | number>().as('n'))
			.executeTakeFirstOrThrow()
	]);
	return {
		rows: rows.map((r) => ({
			id: r.id,
			email: r.email,
			name: r.name,
			locale: r.locale,
			status: r.status,
			paused: r.paused === 1,
			topics: parseTopicList(r.topics),
			createdAt: r.created_at,
			confirmedAt: r.confirmed_at
		})),
		total: Number(count.n),
		page,
		perPage
	};
}

export type SubscriberCounts = Record<SubscriberStatus | 'paused' | 'all', number>;

/** How many subscribers there are in each status; `paused` counts confirmed ones who paused (they are in `confirmed` too). */
export async function countSubscribersByStatus(db: Kysely<Database>): Promise<SubscriberCounts> {
	const rows = await db
		.selectFrom('subscriber')
		.select(['status', 'paused', (eb) => eb.fn.countAll<string | number>().as('n')])
		.groupBy(['status', 'paused'])
		.execute();
	const counts: SubscriberCounts = { pending: 0, confirmed: 0, paused: 0, unsubscribed: 0, bounced: 0, all: 0 };
	for (const row of rows) {
		const n = Number(row.n);
		counts[row.status] += n;
		counts.all += n;
		if (row.status === 'confirmed' && row.paused === 1) counts.paused += n;
	}
	return counts;
}

export interface ConsentLedgerEntry {
	id: number;
	at: string;
	action: ConsentAction;
	method: string;
	consentTextVersion: number | null;
	sourcePage: string | null;
	detail: Record<string, unknown>;
}

export interface SubscriberDetail extends SubscriberListItem {
	consentTextVersion: number;
	unsubscribedAt: string | null;
	updatedAt: string;
	/** Oldest first: every entry for this subscriber, and those from before a deletion of the same address. */
	ledger: ConsentLedgerEntry[];
}

export async function getSubscriberDetail(db: Kysely<Database>, id: number): Promise<SubscriberDetail> {
	const s = await db.selectFrom('subscriber').selectAll().where('id', '=', id).executeTakeFirst();
	if (!s) throw new NotFoundError(`subscriber ${id}`);
	const events = await db
		.selectFrom('consent_event')
		.select(['id', 'at', 'action', 'method', 'consent_text_version', 'source_page', 'detail'])
		.where((eb) => eb.or([eb('subscriber_id', '=', s.id), eb('email_hash', '=', hashEmail(s.email))]))
		.orderBy('at')
		.orderBy('id')
		.execute();
	return {
		id: s.id,
		email: s.email,
		name: s.name,
		locale: s.locale,
		status: s.status,
		paused: s.paused === 1,
		topics: parseTopicList(s.topics),
		createdAt: s.created_at,
		confirmedAt: s.confirmed_at,
		unsubscribedAt: s.unsubscribed_at,
		updatedAt: s.updated_at,
		consentTextVersion: s.consent_text_version,
		ledger: events.map((e) => ({
			id: e.id,
			at: e.at,
			action: e.action,
			method: e.method,
			consentTextVersion: e.consent_text_version,
			sourcePage: e.source_page,
			detail: detailOf(e.detail)
		}))
	};
}

function detailOf(json: string): Record<string, unknown> {
	try {
		const value: unknown = JSON.parse(json);
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}

export const staffNoteMaxLength = 500;

/**
 * Erases a subscriber at their request, by staff: the same rules as when the
 * person does it from their preferences page (row and links go, the ledger keeps
 * its entries under the address's hash and gains a `deleted` entry with method
 * `staff`). The audit log says who erased whom by the address's hash only: it
 * must not keep the address the person asked to remove. Returns the hash.
 */
export async function eraseSubscriberAsStaff(
	newsletter: NewsletterContext,
	actor: Actor,
	id: number,
	options: { note?: string; ip?: string | null } = {}
): Promise<{ emailHash: string }> {
	const note = (options.note ?? '').trim().slice(0, staffNoteMaxLength);
	return runCommand(newsletter, actor, async ({ trx, now, audit }) => {
		const subscriber = await trx.selectFrom('subscriber').selectAll().where('id', '=', id).executeTakeFirst();
		if (!subscriber) throw new NotFoundError(`subscriber ${id}`);
		await eraseSubscriber(trx, subscriber, 'staff', now.toISOString(), note ? { note } : {});
		const emailHash = hashEmail(subscriber.email);
		await audit({ action: 'newsletter.subscriber-erased', subject: `subscriber:${id}`, detail: { emailHash }, ip: options.ip });
		return { emailHash };
	});
}

export const subscriberCsvHeader = [
	'email',
	'name',
	'language',
	'status',
	'paused',
	'topics',
	'consent_text_version',
	'created',
	'confirmed',
	'unsubscribed'
] as const;

/**
 * The export, a batch of CSV lines at a time (header first), newest first, with
 * the list's filters. Batches are read by id (keyset), so 50,000 rows never sit
 * in memory at once and each query stays cheap however deep it goes.
 */
export async function* subscriberCsvBatches(
	db: Kysely<Database>,
	filters: SubscriberFilters = {},
	batchSize = 1000
): AsyncGenerator<string> {
	yield csvLines([subscriberCsvHeader]);
	let before: number | undefined;
	for (;;) {
		let query = applyFilters(db.selectFrom('subscriber'), filters).select([
			'id',
			'email',
			'name',
			'locale',
			'status',
			'paused',
			'topics',
			'consent_text_version',
			'created_at',
			'confirmed_at',
			'unsubscribed_at'
		]);
		if (before !== undefined) query = query.where('id', '<', before);
		const rows = await query.orderBy('id', 'desc').limit(batchSize).execute();
		if (rows.length === 0) return;
		yield csvLines(
			rows.map((r) => [
				r.email,
				r.name,
				r.locale,
				r.status,
				r.paused === 1 ? 'yes' : 'no',
				parseTopicList(r.topics).join(';'),
				r.consent_text_version,
				r.created_at,
				r.confirmed_at,
				r.unsubscribed_at
			])
		);
		if (rows.length < batchSize) return;
		before = rows[rows.length - 1]!.id;
	}
}

/** How many rows an export with these filters holds (for the audit log). */
export async function countSubscribers(db: Kysely<Database>, filters: SubscriberFilters = {}): Promise<number> {
	const row = await applyFilters(db.selectFrom('subscriber'), filters)
		.select((eb) => eb.fn.countAll<string | number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/**
 * The export for `actor`: the CSV batches of `subscriberCsvBatches`, after the
 * audit entry that says who took which part of the list (`shownFilters`, as
 * the filters were typed) and from where: personal data leaves the app.
 */
export async function exportSubscribers(
	newsletter: NewsletterContext,
	actor: Actor,
	filters: SubscriberFilters,
	options: { shownFilters: Record<string, string>; ip: string | null }
): Promise<AsyncGenerator<string>> {
	const { db } = newsletter;
	await recordAudit(
		db,
		{ action: 'newsletter.subscribers-exported', actor, subject: 'subscribers', detail: { rows: await countSubscribers(db, filters), filters: options.shownFilters }, ip: options.ip },
		newsletter.clock().toISOString()
	);
	return subscriberCsvBatches(db, filters);
}
