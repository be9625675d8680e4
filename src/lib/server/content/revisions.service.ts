import { randomBytes } from 'node:crypto';
import { diffWords } from 'diff';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { segmenter } from '$lib/i18n/intl';
import { locales, type Locale, type Localized } from '$lib/i18n/locales';
import type { ContentRevisionStatus, Database, JobRow } from '$lib/server/db/schema';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import { worksLackingAltText } from './exhibition-items';
import { recordAudit } from '$lib/server/shared/audit';
import { enqueueJob, jobPayload } from '$lib/server/platform/jobs/job-queue';
import type { JobHandler } from '$lib/server/platform/jobs/job-worker';
import { bumpSiteVersion } from '$lib/server/platform/site-version';
import {
	completeItemData,
	contentItems,
	emptyItemData,
	isLocalizedField,
	isNewItemKey,
	isValidKey,
	itemSchema,
	listItemTypes,
	missingTranslations,
	pageKeys,
	pageLabels,
	readLiveItem,
	rowId,
	writeLiveItem,
	type ArchiveItemType,
	type ContentItemType,
	type ItemData,
	type ListItemType,
	type MissingTranslation
} from './content-items';
import { htmlToText } from '$lib/server/shared/rich-text';
import { termUses } from './archive-items';
import { indexLiveItem } from './search-documents';
import { undescribedPhotos } from './photo-alt-text';
import type { ContentContext } from './content.wiring';

/*
 * Drafts, publishing, scheduling, history and restore for site content.
 *
 * Every save is a new revision (a whole-item snapshot). The live tables change
 * only when a revision is published; publishing bumps the site version in the
 * same transaction, so cached public pages are dropped with the change. Callers
 * commands then tell this process's site version (the context's) to see it at once.
 *
 * Revision life: draft → (scheduled →) published → superseded (when a later one
 * is published). Drafts older than a published revision are superseded too.
 */

/** Who is acting: the signed-in staff member. */
export interface Actor {
	id: string;
	email: string;
	name?: string;
}

export interface RevisionSummary {
	id: number;
	type: ContentItemType;
	key: string;
	status: ContentRevisionStatus;
	baseRevisionId: number | null;
	authorName: string | null;
	authorEmail: string | null;
	authorId: string | null;
	createdAt: string;
	publishAt: string | null;
	publishedAt: string | null;
}

export interface Revision extends RevisionSummary {
	data: ItemData;
}

/** Someone saved a newer revision of the item since the editor loaded it. */
export class ContentConflictError extends Error {
	constructor(readonly latest: RevisionSummary) {
		super(`A newer revision (${latest.id}) was saved by ${latest.authorName ?? latest.authorEmail ?? 'someone'} at ${latest.createdAt}`);
		this.name = 'ContentConflictError';
	}
}

/**
 * A list item that cannot be deleted while it is in use: a kind or program that
 * initiatives or events use, an event people registered for. A ValidationError
 * whose `delete` issue says so in English; `reason` and `count` let a page word it
 * in the reader's language.
 */
export class ItemInUseError extends ValidationError {
	constructor(
		readonly reason: 'initiatives-use-it' | 'events-use-it' | 'registrations',
		readonly count: number
	) {
		super({ delete: inUseMessage(reason, count) });
		this.name = 'ItemInUseError';
	}
}

function inUseMessage(reason: ItemInUseError['reason'], count: number): string {
	if (reason === 'registrations') {
		return `People have registered for it (${count} registration${count === 1 ? '' : 's'}), so it cannot be deleted: cancel its sessions instead, so that they are told.`;
	}
	const what = reason === 'events-use-it' ? 'event' : 'initiative';
	return `${count} ${what}${count === 1 ? ' uses' : 's use'} it: give ${count === 1 ? 'it' : 'them'} another one first.`;
}

/** The revision is not in a state that allows this (e.g. publishing one already published). */
export class RevisionStateError extends Error {
	constructor(
		readonly revisionId: number,
		readonly status: ContentRevisionStatus | 'gone'
	) {
		super(`Revision ${revisionId} is ${status}`);
		this.name = 'RevisionStateError';
	}
}

export const publishJobKind = 'content.publish';

// ---------------------------------------------------------------------------
// Reading

function revisionQuery(db: Kysely<Database>) {
	return db
		.selectFrom('content_revision')
		.leftJoin('user', 'user.id', 'content_revision.author_id')
		.select([
			'content_revision.id',
			'content_revision.item_type',
			'content_revision.item_key',
			'content_revision.status',
			'content_revision.base_revision_id',
			'content_revision.author_id',
			'content_revision.author_email',
			'content_revision.created_at',
			'content_revision.publish_at',
			'content_revision.published_at',
			'user.name as author_name'
		]);
}

type RevisionRow = Awaited<ReturnType<ReturnType<typeof revisionQuery>['executeTakeFirstOrThrow']>>;

function toSummary(row: RevisionRow): RevisionSummary {
	return {
		id: row.id,
		type: row.item_type as ContentItemType,
		key: row.item_key,
		status: row.status,
		baseRevisionId: row.base_revision_id,
		authorName: row.author_name ?? null,
		authorEmail: row.author_email,
		authorId: row.author_id,
		createdAt: row.created_at,
		publishAt: row.publish_at,
		publishedAt: row.published_at
	};
}

/** Stored data, completed with empty values for fields added since it was saved. */
function parseData(type: ContentItemType, json: string): ItemData {
	return { ...emptyItemData(type), ...(JSON.parse(json) as ItemData) };
}

export async function getRevision(db: Kysely<Database>, id: number): Promise<Revision> {
	const row = await revisionQuery(db).select('content_revision.data').where('content_revision.id', '=', id).executeTakeFirst();
	if (!row) throw new NotFoundError(`revision ${id}`);
	const summary = toSummary(row);
	return { ...summary, data: parseData(summary.type, row.data) };
}

/** Every revision of an item, newest first. */
export async function listRevisions(db: Kysely<Database>, type: ContentItemType, key: string): Promise<RevisionSummary[]> {
	const rows = await revisionQuery(db)
		.where('content_revision.item_type', '=', type)
		.where('content_revision.item_key', '=', key)
		.orderBy('content_revision.id', 'desc')
		.execute();
	return rows.map(toSummary);
}

async function latestRevision(db: Kysely<Database>, type: ContentItemType, key: string): Promise<RevisionSummary | undefined> {
	const row = await revisionQuery(db)
		.where('content_revision.item_type', '=', type)
		.where('content_revision.item_key', '=', key)
		.orderBy('content_revision.id', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row ? toSummary(row) : undefined;
}

async function latestPending(db: Kysely<Database>, type: ContentItemType, key: string): Promise<Revision | undefined> {
	const row = await revisionQuery(db)
		.select('content_revision.data')
		.where('content_revision.item_type', '=', type)
		.where('content_revision.item_key', '=', key)
		.where('content_revision.status', 'in', ['draft', 'scheduled'])
		.orderBy('content_revision.id', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!row) return undefined;
	return { ...toSummary(row), data: parseData(type, row.data) };
}

export interface Editable {
	type: ContentItemType;
	key: string;
	/** What the public site shows now; undefined for an item not yet published. */
	live: ItemData | undefined;
	/** The newest draft or scheduled revision, when there is one. */
	pending: Revision | undefined;
	/** A scheduled revision other than `pending`, still due to go out. */
	scheduled: RevisionSummary | undefined;
	/** The newest revision of any state: what a save must start from to not overwrite someone. */
	latestRevisionId: number | null;
}

/** Everything the edit page needs. NotFoundError for an item that neither exists nor has a draft. */
export async function getEditable(db: Kysely<Database>, type: ContentItemType, key: string): Promise<Editable> {
	if (!isValidKey(type, key)) throw new NotFoundError(`${type} ${key}`);
	const [live, pending, latest, scheduledRow] = await Promise.all([
		readLiveItem(db, type, key),
		latestPending(db, type, key),
		latestRevision(db, type, key),
		revisionQuery(db)
			.where('content_revision.item_type', '=', type)
			.where('content_revision.item_key', '=', key)
			.where('content_revision.status', '=', 'scheduled')
			.orderBy('content_revision.id', 'desc')
			.limit(1)
			.executeTakeFirst()
	]);
	// A new list item exists from its first draft on; a new key with no draft is a blank form.
	if (!live && !isNewItemKey(key)) throw new NotFoundError(`${type} ${key}`);
	if (!live && pending === undefined && latest) throw new NotFoundError(`${type} ${key}`);
	const scheduled = scheduledRow && scheduledRow.id !== pending?.id ? toSummary(scheduledRow) : undefined;
	return { type, key, live, pending, scheduled, latestRevisionId: latest?.id ?? null };
}

/** A key for a list item that is being written and not yet published. */
export function newItemKey(): string {
	return `new-${randomBytes(6).toString('hex')}`;
}

// ---------------------------------------------------------------------------
// Checking

/** Checks and cleans data for an item type: unknown fields dropped, rich text sanitized, plain text plain. */
export function checkItemData(type: ContentItemType, data: unknown): ItemData {
	const result = itemSchema(type).safeParse(data);
	if (result.success) {
		const issues = completeItemData(type, result.data);
		if (Object.keys(issues).length > 0) throw new ValidationError(issues);
		return result.data;
	}
	const issues: Record<string, string> = {};
	for (const issue of result.error.issues) {
		issues[issueName(type, issue.path)] ??= issue.message;
	}
	throw new ValidationError(issues);
}

/** The form field an issue belongs to: `title.en`, `places.2.latitude`, or the field itself. */
function issueName(type: ContentItemType, path: readonly PropertyKey[]): string {
	const [field, second] = path;
	const spec = contentItems[type].fields.find((f) => f.name === field);
	if (spec?.kind === 'rows') return path.map(String).join('.');
	return typeof second === 'string' ? `${String(field)}.${second}` : String(field ?? 'data');
}

// ---------------------------------------------------------------------------
// Saving

export interface SaveDraftInput {
	type: ContentItemType;
	key: string;
	data: unknown;
	/** The newest revision when the editor loaded the item; null when it had none. */
	baseRevisionId: number | null;
}

export interface SavedDraft {
	revision: Revision;
	/** False when the data was the same as the pending draft, which is kept as it is. */
	created: boolean;
}

/**
 * Saves what an editor typed as a new draft. Throws ValidationError for bad
 * input and ContentConflictError when someone saved a newer revision since
 * `baseRevisionId`; in both cases nothing is written, so the caller keeps what
 * was typed and shows it again.
 */
export async function saveDraft(content: ContentContext, actor: Actor, input: SaveDraftInput): Promise<SavedDraft> {
	const { type, key } = input;
	if (!isValidKey(type, key)) throw new NotFoundError(`${type} ${key}`);
	const data = checkItemData(type, input.data);
	const json = JSON.stringify(data);
	const now = content.clock().toISOString();

	return content.db.transaction().execute(async (trx) => {
		if (!isNewItemKey(key) && !(await readLiveItem(trx, type, key))) throw new NotFoundError(`${type} ${key}`);
		const latest = await latestRevision(trx, type, key);
		if ((latest?.id ?? null) !== input.baseRevisionId) {
			if (latest) throw new ContentConflictError(latest);
			// The base named a revision that is not there (a stale form after a database reset).
			throw new NotFoundError(`revision ${input.baseRevisionId}`);
		}
		const pending = await latestPending(trx, type, key);
		if (pending && pending.id === latest?.id && JSON.stringify(pending.data) === json) {
			return { revision: pending, created: false };
		}

		const revision = await insertDraft(trx, { type, key, data, baseRevisionId: input.baseRevisionId, actor, now });
		await recordAudit(trx, { action: 'content.draft-saved', actor, subject: `${type}:${key}`, detail: { revision: revision.id } }, now);
		return { revision, created: true };
	});
}

// ---------------------------------------------------------------------------
// Publishing

export interface Published {
	revisionId: number;
	type: ContentItemType;
	/** The item's key after publishing: a new list item gets its row id here. */
	key: string;
	fields: string[];
	languages: Locale[];
}

/**
 * Publishes a draft or scheduled revision: copies its data to the live table,
 * marks it published and every earlier revision of the item superseded, bumps
 * the site version and writes the audit event — in one transaction.
 */
export async function publish(content: ContentContext, actor: Actor | null, revisionId: number): Promise<Published> {
	await requireDescribedPhotos(content, revisionId);
	const result = await content.db.transaction().execute((trx) => publishIn(trx, actor, revisionId, {}));
	if (!result.ok) throw new RevisionStateError(revisionId, result.status);
	content.siteVersion.invalidate();
	return result.published;
}

/**
 * Refuses (ValidationError, keyed by the photo's field) to publish or schedule a
 * revision that shows a photo without alt text in a language it is written in
 * (photo-alt-text.ts). The scheduled job does not check again: the revision was
 * checked when it was scheduled, and a page must not silently stay unpublished.
 */
async function requireDescribedPhotos(content: ContentContext, revisionId: number): Promise<void> {
	const row = await content.db.selectFrom('content_revision').select(['item_type', 'data']).where('id', '=', revisionId).executeTakeFirst();
	// A revision that is not there is reported by the caller.
	if (!row) return;
	const type = row.item_type as ContentItemType;
	const data = parseData(type, row.data);
	const issues = await undescribedPhotos(content, type, data);
	// An exhibition's works are described in every language it is published in (exhibitions/exhibition-items.ts).
	if (type === 'exhibition') Object.assign(issues, await worksLackingAltText(content.db, data));
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);
}

type PublishOutcome = { ok: true; published: Published } | { ok: false; status: ContentRevisionStatus | 'gone' };

async function publishIn(
	trx: Kysely<Database>,
	actor: Actor | null,
	revisionId: number,
	options: { requireScheduledAt?: string; scheduled?: boolean }
): Promise<PublishOutcome> {
	const row = await trx.selectFrom('content_revision').selectAll().where('id', '=', revisionId).executeTakeFirst();
	if (!row) throw new NotFoundError(`revision ${revisionId}`);
	const type = row.item_type as ContentItemType;
	const now = new Date().toISOString();

	// Claims the revision: of two publishers (a person and the scheduled job), only one gets here.
	let claim = trx
		.updateTable('content_revision')
		.set({ status: 'published', published_at: now, publish_at: null })
		.where('id', '=', revisionId);
	claim = options.requireScheduledAt
		? claim.where('status', '=', 'scheduled').where('publish_at', '=', options.requireScheduledAt)
		: claim.where('status', 'in', ['draft', 'scheduled']);
	const claimed = await claim.executeTakeFirst();
	if (claimed.numUpdatedRows === 0n) {
		const current = await trx.selectFrom('content_revision').select('status').where('id', '=', revisionId).executeTakeFirst();
		return { ok: false, status: current?.status ?? 'gone' };
	}

	// Checked again: stored drafts are clean, but what goes live is sanitized by the rules of today.
	const data = checkItemData(type, parseData(type, row.data));
	const before = isNewItemKey(row.item_key) ? undefined : await readLiveItem(trx, type, row.item_key);
	// The list item was deleted since: throwing undoes the claim above.
	if (!before && !isNewItemKey(row.item_key)) throw new RevisionStateError(revisionId, 'gone');
	const key = await writeLiveItem(trx, type, row.item_key, data, now);
	if (key !== row.item_key) {
		// A new list item got its row: its history follows it to its id.
		await trx.updateTable('content_revision').set({ item_key: key }).where('item_type', '=', type).where('item_key', '=', row.item_key).execute();
	}
	await trx
		.updateTable('content_revision')
		.set({ status: 'superseded' })
		.where('item_type', '=', type)
		.where('item_key', '=', key)
		.where('id', '<', revisionId)
		.where('status', 'in', ['draft', 'scheduled', 'published'])
		.execute();
	await bumpSiteVersion(trx);

	const changes = changedFields(type, before, data);
	await recordAudit(
		trx,
		{
			action: 'content.published',
			actor,
			subject: `${type}:${key}`,
			detail: {
				revision: revisionId,
				...(key !== row.item_key ? { created: true } : {}),
				...(options.scheduled ? { scheduled: true } : {}),
				fields: changes.fields,
				languages: changes.languages
			}
		},
		now
	);
	return { ok: true, published: { revisionId, type, key, fields: changes.fields, languages: changes.languages } };
}

/** Which fields differ, and in which languages the translated ones differ. */
export function changedFields(type: ContentItemType, before: ItemData | undefined, after: ItemData): { fields: string[]; languages: Locale[] } {
	const fields: string[] = [];
	const languages = new Set<Locale>();
	for (const field of contentItems[type].fields) {
		const a = before?.[field.name];
		const b = after[field.name];
		if (isLocalizedField(field)) {
			const la = (a ?? {}) as Localized;
			const lb = (b ?? {}) as Localized;
			const changed = locales.filter((l) => (la[l] ?? '') !== (lb[l] ?? ''));
			if (changed.length > 0) fields.push(field.name);
			for (const l of changed) languages.add(l);
		} else if (JSON.stringify(a) !== JSON.stringify(b)) {
			fields.push(field.name);
		}
	}
	return { fields, languages: locales.filter((l) => languages.has(l)) };
}

// ---------------------------------------------------------------------------
// Scheduling

const schedulePayload = z.object({
	revisionId: z.number().int().positive(),
	publishAt: z.string(),
	scheduledBy: z.object({ id: z.string(), email: z.string() }).nullable().optional()
});

/**
 * Publishes a draft at a later moment, through the jobs queue. Scheduling the
 * same revision again at another time makes the earlier job do nothing: the job
 * publishes only a revision still scheduled for the moment it was made for.
 */
export async function schedule(content: ContentContext, actor: Actor, revisionId: number, publishAt: Date): Promise<RevisionSummary> {
	const { db } = content;
	const now = content.clock();
	if (Number.isNaN(publishAt.getTime())) throw new ValidationError({ publishAt: 'invalid' });
	if (publishAt.getTime() <= now.getTime()) throw new ValidationError({ publishAt: 'past' });
	await requireDescribedPhotos(content, revisionId);
	const at = publishAt.toISOString();
	await db.transaction().execute(async (trx) => {
		const row = await trx.selectFrom('content_revision').select(['item_type', 'item_key', 'status']).where('id', '=', revisionId).executeTakeFirst();
		if (!row) throw new NotFoundError(`revision ${revisionId}`);
		const updated = await trx
			.updateTable('content_revision')
			.set({ status: 'scheduled', publish_at: at })
			.where('id', '=', revisionId)
			.where('status', 'in', ['draft', 'scheduled'])
			.executeTakeFirst();
		if (updated.numUpdatedRows === 0n) throw new RevisionStateError(revisionId, row.status);
		await enqueueJob(
			trx,
			publishJobKind,
			{ revisionId, publishAt: at, scheduledBy: { id: actor.id, email: actor.email } },
			// The time is part of the key so that a revision moved to another time gets a job for it.
			{ runAt: publishAt, idempotencyKey: `${publishJobKind}:${revisionId}:${at}` }
		);
		await recordAudit(trx, { action: 'content.scheduled', actor, subject: `${row.item_type}:${row.item_key}`, detail: { revision: revisionId, publishAt: at } });
	});
	const summary = toSummary(await revisionQuery(db).where('content_revision.id', '=', revisionId).executeTakeFirstOrThrow());
	return summary;
}

/**
 * Takes a scheduled revision of `item` back to a draft; its job then does
 * nothing. A revision of another item is not found: the caller checked who may
 * change `item`, not whichever item a posted id points at.
 */
export async function unschedule(content: ContentContext, actor: Actor, item: { type: ContentItemType; key: string }, revisionId: number): Promise<void> {
	await content.db.transaction().execute(async (trx) => {
		const row = await trx.selectFrom('content_revision').select(['item_type', 'item_key', 'status']).where('id', '=', revisionId).executeTakeFirst();
		if (!row || row.item_type !== item.type || row.item_key !== item.key) throw new NotFoundError(`revision ${revisionId} of ${item.type}:${item.key}`);
		const updated = await trx
			.updateTable('content_revision')
			.set({ status: 'draft', publish_at: null })
			.where('id', '=', revisionId)
			.where('status', '=', 'scheduled')
			.executeTakeFirst();
		if (updated.numUpdatedRows === 0n) throw new RevisionStateError(revisionId, row.status);
		await recordAudit(trx, { action: 'content.unscheduled', actor, subject: `${row.item_type}:${row.item_key}`, detail: { revision: revisionId } });
	});
}

/**
 * The job that publishes a scheduled revision. It publishes only when the
 * revision is still scheduled for the moment the job was made for, so a
 * cancelled, moved or already published revision is left alone (and a second
 * run of the same job changes nothing). True when it published.
 */
export async function publishScheduled(db: Kysely<Database>, job: Pick<JobRow, 'payload'>): Promise<boolean> {
	const payload = schedulePayload.parse(jobPayload(job));
	const actor = payload.scheduledBy ? { id: payload.scheduledBy.id, email: payload.scheduledBy.email } : null;
	try {
		const outcome = await db.transaction().execute(async (trx) => {
			const exists = await trx.selectFrom('content_revision').select('id').where('id', '=', payload.revisionId).executeTakeFirst();
			if (!exists) return { ok: false } as const;
			return publishIn(trx, actor, payload.revisionId, { requireScheduledAt: payload.publishAt, scheduled: true });
		});
		return outcome.ok;
	} catch (error) {
		// Its item was deleted: there is nothing left to publish, and retrying would not change that.
		if (error instanceof RevisionStateError && error.status === 'gone') return false;
		throw error;
	}
}

/** The content job handlers, for the worker; `onPublished` lets this process see the change at once. */
export function contentJobHandlers(options: { onPublished?: () => void } = {}): Record<string, JobHandler> {
	return {
		[publishJobKind]: async (db, job) => {
			if (await publishScheduled(db, job)) options.onPublished?.();
		}
	};
}

// ---------------------------------------------------------------------------
// Restore

/**
 * Adds a draft on top of `baseRevisionId`, by `actor` at `now`, and returns it. The
 * unique (item, base) index makes a second editor who saved from the same base a
 * moment ago fail here: they get the conflict, with the newer revision, instead of
 * a silent overwrite.
 */
async function insertDraft(
	trx: Kysely<Database>,
	draft: { type: ContentItemType; key: string; data: ItemData; baseRevisionId: number | null; actor: Actor; now: string }
): Promise<Revision> {
	const inserted = await trx
		.insertInto('content_revision')
		.values({
			item_type: draft.type,
			item_key: draft.key,
			data: JSON.stringify(draft.data),
			status: 'draft',
			base_revision_id: draft.baseRevisionId,
			author_id: draft.actor.id,
			author_email: draft.actor.email,
			created_at: draft.now
		})
		.onConflict((oc) => oc.doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!inserted) throw new ContentConflictError((await latestRevision(trx, draft.type, draft.key))!);
	return {
		id: inserted.id,
		type: draft.type,
		key: draft.key,
		status: 'draft',
		baseRevisionId: draft.baseRevisionId,
		authorId: draft.actor.id,
		authorEmail: draft.actor.email,
		authorName: draft.actor.name ?? null,
		createdAt: draft.now,
		publishAt: null,
		publishedAt: null,
		data: draft.data
	};
}

/** A new draft holding an earlier revision's data, on top of the newest revision. */
export async function restore(content: ContentContext, actor: Actor, revisionId: number): Promise<Revision> {
	const source = await getRevision(content.db, revisionId);
	const data = checkItemData(source.type, source.data);
	const now = content.clock().toISOString();
	return content.db.transaction().execute(async (trx) => {
		if (!isNewItemKey(source.key) && !(await readLiveItem(trx, source.type, source.key))) throw new NotFoundError(`${source.type} ${source.key}`);
		const latest = await latestRevision(trx, source.type, source.key);
		const revision = await insertDraft(trx, { type: source.type, key: source.key, data, baseRevisionId: latest?.id ?? null, actor, now });
		await recordAudit(trx, { action: 'content.restored', actor, subject: `${source.type}:${source.key}`, detail: { from: revisionId, revision: revision.id } }, now);
		return revision;
	});
}

// ---------------------------------------------------------------------------
// Diff

export interface DiffPart {
	value: string;
	added: boolean;
	removed: boolean;
}

export interface FieldDiff {
	field: string;
	label: string;
	/** The language of a translated field; null for a field with one value for all languages. */
	language: Locale | null;
	changed: boolean;
	parts: DiffPart[];
}

/**
 * What changed from `before` to `after`, per field and language, as word-level
 * parts. Rich text is compared as its readable text (link addresses in
 * brackets), which is what a reader sees change.
 */
export function diffRevisions(type: ContentItemType, before: ItemData | undefined, after: ItemData): FieldDiff[] {
	const result: FieldDiff[] = [];
	for (const field of contentItems[type].fields) {
		if (isLocalizedField(field)) {
			const a = (before?.[field.name] ?? {}) as Localized;
			const b = (after[field.name] ?? {}) as Localized;
			for (const language of locales) {
				const text = (value: string | undefined) => (field.kind === 'rich' ? htmlToText(value ?? '', { links: true }) : (value ?? ''));
				result.push(fieldDiff(field.name, field.label, language, text(a[language]), text(b[language])));
			}
		} else if (field.kind === 'choice') {
			const label = (value: unknown) => field.options?.find((o) => o.value === value)?.label ?? displayValue(value);
			result.push(fieldDiff(field.name, field.label, null, before ? label(before[field.name]) : '', label(after[field.name])));
		} else {
			result.push(fieldDiff(field.name, field.label, null, displayValue(before?.[field.name]), displayValue(after[field.name])));
		}
	}
	return result;
}

function fieldDiff(field: string, label: string, language: Locale | null, a: string, b: string): FieldDiff {
	if (a === b) return { field, label, language, changed: false, parts: a === '' ? [] : [{ value: a, added: false, removed: false }] };
	// A segmenter finds word boundaries in scripts such as Devanagari that the default splitting does not.
	const parts = diffWords(a, b, { intlSegmenter: segmenter(language ?? 'en', { granularity: 'word' }) }).map((p) => ({ value: p.value, added: p.added, removed: p.removed }));
	return { field, label, language, changed: true, parts };
}

function displayValue(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	if (Array.isArray(value)) {
		// Links one per line; tags, languages and ids in a row; the records of a rows field one per line.
		if (value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ');
		return value.map((v: { label?: unknown; url?: unknown }) => (typeof v?.url === 'string' ? `${String(v.label)} ${v.url}` : JSON.stringify(v))).join('\n');
	}
	return String(value);
}

// ---------------------------------------------------------------------------
// Lists: delete and order

/**
 * Removes a list item from the site (or discards a new one that was never
 * published). Its revisions stay as history; pending ones will not go out.
 */
export async function deleteItem(content: ContentContext, actor: Actor, type: ListItemType | ArchiveItemType, key: string): Promise<void> {
	if (!isValidKey(type, key)) throw new NotFoundError(`${type} ${key}`);
	await content.db.transaction().execute(async (trx) => {
		const live = await readLiveItem(trx, type, key);
		if (live && (type === 'initiative_kind' || type === 'initiative_program' || type === 'event_kind')) {
			const uses = await termUses(trx, type, rowId(key)!);
			if (uses > 0) throw new ItemInUseError(type === 'event_kind' ? 'events-use-it' : 'initiatives-use-it', uses);
		}
		if (live && type === 'event') {
			// Registrations are people who were told they have places (or are waiting): they must be told, not dropped.
			const registrations = await content.eventRegistrations(trx, rowId(key)!);
			if (registrations > 0) throw new ItemInUseError('registrations', registrations);
		}
		const cancelled = await trx
			.updateTable('content_revision')
			.set({ status: 'superseded', publish_at: null })
			.where('item_type', '=', type)
			.where('item_key', '=', key)
			.where('status', 'in', ['draft', 'scheduled'])
			.executeTakeFirst();
		if (!live) {
			if (cancelled.numUpdatedRows === 0n) throw new NotFoundError(`${type} ${key}`);
			await recordAudit(trx, { action: 'content.discarded', actor, subject: `${type}:${key}` });
			return;
		}
		await trx.deleteFrom(type).where('id', '=', rowId(key)!).execute();
		await indexLiveItem(trx, type, key);
		await bumpSiteVersion(trx);
		await recordAudit(trx, { action: 'content.deleted', actor, subject: `${type}:${key}`, detail: { title: itemTitle(type, live) } });
	});
	content.siteVersion.invalidate();
}

/**
 * Moves a list item one place up or down. The new order is public at once (it
 * counts as a publish: site version bumped, audited). False when it is already
 * at that end.
 */
export async function moveItem(content: ContentContext, actor: Actor, type: ListItemType, key: string, direction: 'up' | 'down'): Promise<boolean> {
	const id = rowId(key);
	if (id === undefined) throw new NotFoundError(`${type} ${key}`);
	const moved = await content.db.transaction().execute(async (trx) => {
		const rows = await trx.selectFrom(type).select(['id', 'position']).orderBy('position').orderBy('id').execute();
		const index = rows.findIndex((r) => r.id === id);
		if (index === -1) throw new NotFoundError(`${type} ${key}`);
		const other = direction === 'up' ? index - 1 : index + 1;
		if (other < 0 || other >= rows.length) return false;
		const order = rows.map((r) => r.id);
		[order[index], order[other]] = [order[other]!, order[index]!];
		// Positions are rewritten 0…n-1, which also mends gaps and ties left by earlier edits.
		for (const [position, rowIdValue] of order.entries()) {
			if (rows.find((r) => r.id === rowIdValue)?.position !== position) {
				await trx.updateTable(type).set({ position }).where('id', '=', rowIdValue).execute();
			}
		}
		await bumpSiteVersion(trx);
		await recordAudit(trx, { action: 'content.reordered', actor, subject: `${type}:${key}`, detail: { direction, order } });
		return true;
	});
	if (moved) content.siteVersion.invalidate();
	return moved;
}

// ---------------------------------------------------------------------------
// The overview

export interface ItemOverview {
	type: ContentItemType;
	key: string;
	title: string;
	published: boolean;
	/** The newest draft, when one is waiting. */
	draft: { id: number; at: string; by: string | null } | null;
	/** When a revision is scheduled: the earliest moment. */
	scheduledAt: string | null;
	/** Languages missing, counted over translated fields, in the newest version (draft or live). */
	missing: MissingTranslation[];
	missingCount: number;
}

export interface ItemGroup {
	type: ContentItemType;
	label: string;
	itemLabel: string;
	ordered: boolean;
	items: ItemOverview[];
}

/** Every item staff can edit, grouped as the admin shows them, with its state. */
export async function listContentItems(db: Kysely<Database>): Promise<ItemGroup[]> {
	const pendingRows = await revisionQuery(db)
		.select('content_revision.data')
		.where('content_revision.status', 'in', ['draft', 'scheduled'])
		.orderBy('content_revision.id', 'asc')
		.execute();
	const pendingByItem = new Map<string, (typeof pendingRows)[number][]>();
	for (const row of pendingRows) {
		const id = `${row.item_type}:${row.item_key}`;
		pendingByItem.set(id, [...(pendingByItem.get(id) ?? []), row]);
	}

	const overview = (type: ContentItemType, key: string, live: ItemData | undefined): ItemOverview => {
		const pending = pendingByItem.get(`${type}:${key}`) ?? [];
		const newest = pending.at(-1);
		const drafts = pending.filter((r) => r.status === 'draft');
		const newestDraft = drafts.at(-1);
		const scheduled = pending.filter((r) => r.status === 'scheduled').map((r) => r.publish_at!).sort();
		const data = newest ? parseData(type, newest.data) : live!;
		const missing = missingTranslations(type, data);
		return {
			type,
			key,
			title: itemTitle(type, data, key),
			published: live !== undefined,
			draft: newestDraft ? { id: newestDraft.id, at: newestDraft.created_at, by: newestDraft.author_name ?? newestDraft.author_email } : null,
			scheduledAt: scheduled[0] ?? null,
			missing,
			missingCount: missing.reduce((sum, m) => sum + m.languages.length, 0)
		};
	};

	const groups: ItemGroup[] = [];
	const org = await readLiveItem(db, 'organization', '1');
	groups.push({
		type: 'organization',
		label: contentItems.organization.groupLabel,
		itemLabel: contentItems.organization.label,
		ordered: false,
		items: org ? [overview('organization', '1', org)] : []
	});
	const pages = [];
	for (const key of pageKeys) {
		const live = await readLiveItem(db, 'page', key);
		if (live) pages.push(overview('page', key, live));
	}
	groups.push({ type: 'page', label: contentItems.page.groupLabel, itemLabel: contentItems.page.label, ordered: false, items: pages });

	for (const type of listItemTypes) {
		const ids = await db.selectFrom(type).select('id').orderBy('position').orderBy('id').execute();
		const items: ItemOverview[] = [];
		for (const { id } of ids) items.push(overview(type, String(id), await readLiveItem(db, type, String(id))));
		// New items, not yet published, come last.
		const newKeys = [...new Set(pendingRows.filter((r) => r.item_type === type && isNewItemKey(r.item_key)).map((r) => r.item_key))];
		for (const key of newKeys) items.push(overview(type, key, undefined));
		groups.push({ type, label: contentItems[type].groupLabel, itemLabel: contentItems[type].label, ordered: true, items });
	}
	return groups;
}

/** A short name for an item in lists, messages and the audit log: its English title. */
export function itemTitle(type: ContentItemType, data: ItemData, key?: string): string {
	if (type === 'organization') return String(data.name || 'Settings');
	if (type === 'page' && key && key in pageLabels) return pageLabels[key as keyof typeof pageLabels];
	const source = type === 'testimonial' ? (data.quote as Localized) : ((data.title ?? data.name) as Localized);
	const text = source?.en?.trim();
	const max = type === 'testimonial' ? 60 : 80;
	if (text) return text.length > max ? `${text.slice(0, max - 1)}…` : text;
	return `(untitled ${contentItems[type].label.toLowerCase()})`;
}
