import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { pageCount } from '$lib/server/platform/paging';
import { parseLocalized } from '$lib/server/shared/localized-text';
import { isNewItemKey, type ArchiveItemType, type ChoiceSource, type FieldSpec } from './content-items';

/*
 * The admin's side of the archive and the events: the choices the editor offers
 * (kinds, programs, calls, initiatives) and the lists of initiatives, stories
 * and events with their drafts, filtered and a page at a time.
 */

export interface Choice {
	value: string;
	label: string;
}

/** What a term, refs or ref field may choose among, named in English. */
async function choicesFrom(db: Kysely<Database>, source: ChoiceSource): Promise<Choice[]> {
	switch (source) {
		case 'initiative_kind':
		case 'initiative_program':
		case 'event_kind': {
			const rows = await db.selectFrom(source).select(['id', 'name']).orderBy('position').orderBy('id').execute();
			return rows.map((r) => ({ value: String(r.id), label: parseLocalized(r.name).en }));
		}
		case 'open_call': {
			const rows = await db.selectFrom('open_call').select(['id', 'title', 'status']).orderBy('deadline_at', 'desc').limit(200).execute();
			return rows.map((r) => ({ value: String(r.id), label: `${parseLocalized(r.title).en}${r.status === 'draft' ? ' (draft)' : ''}` }));
		}
		case 'artist': {
			// Staff choose among every artist: what the public sees of one is decided when shown (artist-visibility.ts).
			const rows = await db.selectFrom('artist').select(['id', 'name']).orderBy('name').limit(2000).execute();
			return rows.map((r) => ({ value: String(r.id), label: r.name }));
		}
		case 'artwork': {
			// Newest first, with its number as the works list shows it, since two works may share a title.
			const rows = await db.selectFrom('artwork').select(['id', 'title']).orderBy('id', 'desc').limit(2000).execute();
			return rows.map((r) => ({ value: String(r.id), label: `${parseLocalized(r.title).en} (work ${r.id})` }));
		}
		case 'initiative': {
			// The live table: published initiatives only, the ones a link can lead to.
			const rows = await db.selectFrom('initiative').select(['id', 'title', 'start_year']).orderBy('start_date', 'desc').limit(500).execute();
			return rows.map((r) => ({ value: String(r.id), label: `${parseLocalized(r.title).en} (${r.start_year})` }));
		}
	}
}

/**
 * For each term or refs field of a form, and each ref of a rows field (by
 * `<field>.<row field>`), what it may choose, named in English.
 */
export async function editorChoices(db: Kysely<Database>, fields: readonly FieldSpec[]): Promise<Record<string, Choice[]>> {
	const choices: Record<string, Choice[]> = {};
	for (const field of fields) {
		if ((field.kind === 'term' || field.kind === 'refs') && field.source) choices[field.name] = await choicesFrom(db, field.source);
		for (const sub of field.rows ?? []) {
			if (sub.kind === 'ref' && sub.source) choices[`${field.name}.${sub.name}`] = await choicesFrom(db, sub.source);
		}
	}
	return choices;
}

export interface ArchiveListFilters {
	/** Words of the English title. */
	query?: string;
	/** published: live now; draft: has a draft or scheduled version not yet out. */
	status?: 'published' | 'draft';
	kindId?: number;
	year?: number;
}

export interface ArchiveListItem {
	key: string;
	title: string;
	/** An initiative's first day, a story's date, an event's first session (local date). */
	date: string | null;
	published: boolean;
	draftAt: string | null;
	scheduledAt: string | null;
}

/**
 * Initiatives, stories or events for the admin's list: the published ones,
 * newest first, each with its newest pending version; items never published
 * (only drafts) come first, so work in progress is at the top. Events without
 * a session yet come before those with one, as they still need work too.
 */
export async function listArchiveItems(
	db: Kysely<Database>,
	type: ArchiveItemType,
	filters: ArchiveListFilters,
	page: number,
	perPage: number
): Promise<{ items: ArchiveListItem[]; total: number; pages: number }> {
	const pendingRows = await db
		.selectFrom('content_revision')
		.select(['item_key', 'status', 'created_at', 'publish_at', 'data'])
		.where('item_type', '=', type)
		.where('status', 'in', ['draft', 'scheduled'])
		.orderBy('id')
		.execute();
	const pending = new Map<string, { draftAt: string | null; scheduledAt: string | null; title: string }>();
	for (const row of pendingRows) {
		const entry = pending.get(row.item_key) ?? { draftAt: null, scheduledAt: null, title: '' };
		if (row.status === 'draft') entry.draftAt = row.created_at;
		if (row.status === 'scheduled') entry.scheduledAt = row.publish_at;
		try {
			entry.title = String((JSON.parse(row.data) as { title?: { en?: string } }).title?.en ?? '');
		} catch {
			// A stored revision is always JSON; an unreadable one keeps no title.
		}
		pending.set(row.item_key, entry);
	}
	const words = filters.query?.toLowerCase().trim() ?? '';
	const matches = (title: string) => words === '' || title.toLowerCase().includes(words);

	// Never published: only in revisions. Few at any time, so read whole.
	const fresh: ArchiveListItem[] =
		filters.status === 'published' || filters.kindId !== undefined || filters.year !== undefined
			? []
			: [...pending.entries()]
					.filter(([key, p]) => isNewItemKey(key) && matches(p.title))
					.map(([key, p]) => ({ key, title: p.title || '(untitled)', date: null, published: false, draftAt: p.draftAt, scheduledAt: p.scheduledAt }));

	const rows =
		type === 'initiative'
			? await liveInitiatives(db, filters)
			: type === 'event'
				? await liveEvents(db, filters)
				: type === 'exhibition'
					? await db.selectFrom('exhibition').select(['id', 'title', 'opens_on as date']).execute()
					: type === 'custom_page'
						? (await db.selectFrom('custom_page').select(['id', 'title', 'updated_at']).execute()).map((p) => ({ id: p.id, title: p.title, date: p.updated_at.slice(0, 10) }))
					: await db.selectFrom('story').select(['id', 'title', 'published_on as date']).execute();
	const published: ArchiveListItem[] = rows
		.map((row) => {
			const p = pending.get(String(row.id));
			return { key: String(row.id), title: parseLocalized(row.title).en, date: row.date, published: true, draftAt: p?.draftAt ?? null, scheduledAt: p?.scheduledAt ?? null };
		})
		.filter((item) => matches(item.title) && (filters.status !== 'draft' || item.draftAt !== null || item.scheduledAt !== null))
		.sort((a, b) => (type === 'event' ? Number(a.date !== null) - Number(b.date !== null) : 0) || (b.date ?? '').localeCompare(a.date ?? '') || Number(b.key) - Number(a.key));
	const all = [...fresh, ...published];
	return { items: all.slice((page - 1) * perPage, page * perPage), total: all.length, pages: pageCount(all.length, perPage) };
}

function liveInitiatives(db: Kysely<Database>, filters: ArchiveListFilters) {
	let query = db.selectFrom('initiative').select(['id', 'title', 'start_date as date']);
	if (filters.kindId !== undefined) query = query.where('kind_id', '=', filters.kindId);
	if (filters.year !== undefined) query = query.where('start_year', '<=', filters.year).where('end_year', '>=', filters.year);
	return query.execute();
}

/** Events with the local date of their first session (null before one is added). */
async function liveEvents(db: Kysely<Database>, filters: ArchiveListFilters) {
	let query = db
		.selectFrom('event')
		.leftJoin('event_session', 'event_session.event_id', 'event.id')
		.select((eb) => ['event.id', 'event.title', eb.fn.min('event_session.starts_local').as('first')])
		.groupBy(['event.id', 'event.title']);
	if (filters.kindId !== undefined) query = query.where('event.kind_id', '=', filters.kindId);
	const rows = await query.execute();
	return rows.map((row) => ({ id: row.id, title: row.title, date: row.first ? String(row.first).slice(0, 10) : null }));
}
