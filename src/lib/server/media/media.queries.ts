import type { Kysely } from 'kysely';
import type { Database, MediaRow, MediaStatus, MediaVariantRow, NewMedia, NewMediaVariant } from '$lib/server/db/schema';

export async function insertMedia(db: Kysely<Database>, row: NewMedia): Promise<number> {
	const { id } = await db.insertInto('media').values(row).returning('id').executeTakeFirstOrThrow();
	return Number(id);
}

export async function insertVariants(db: Kysely<Database>, rows: NewMediaVariant[]): Promise<void> {
	if (rows.length > 0) await db.insertInto('media_variant').values(rows).execute();
}

export function findMediaRow(db: Kysely<Database>, id: number): Promise<MediaRow | undefined> {
	return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The photo a public key names, whatever its state; undefined when there is none. */
export async function findMediaIdByPublicKey(db: Kysely<Database>, publicKey: string): Promise<number | undefined> {
	const row = await db.selectFrom('media').select('id').where('public_key', '=', publicKey).executeTakeFirst();
	return row ? Number(row.id) : undefined;
}

/** The public keys of these photos (those that still exist). */
export async function findPublicKeys(db: Kysely<Database>, ids: number[]): Promise<{ id: number; publicKey: string }[]> {
	if (ids.length === 0) return [];
	const rows = await db.selectFrom('media').select(['id', 'public_key']).where('id', 'in', ids).execute();
	return rows.map((row) => ({ id: Number(row.id), publicKey: row.public_key }));
}

export function findAltTexts(db: Kysely<Database>, ids: number[]): Promise<{ id: number; alt: MediaRow['alt'] }[]> {
	if (ids.length === 0) return Promise.resolve([]);
	return db.selectFrom('media').select(['id', 'alt']).where('id', 'in', ids).execute();
}

export function findVariants(db: Kysely<Database>, mediaIds: number[]): Promise<MediaVariantRow[]> {
	if (mediaIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('media_variant')
		.selectAll()
		.where('media_id', 'in', mediaIds)
		.orderBy('media_id')
		.orderBy('width')
		.orderBy('format')
		.execute();
}

/** Newest first; the id breaks ties between photos uploaded in the same millisecond. */
export function listMediaRows(
	db: Kysely<Database>,
	options: { limit: number; offset: number; status?: MediaStatus }
): Promise<MediaRow[]> {
	let query = db.selectFrom('media').selectAll();
	if (options.status) query = query.where('status', '=', options.status);
	return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute();
}

export async function countMedia(db: Kysely<Database>, options: { status?: MediaStatus } = {}): Promise<number> {
	let query = db.selectFrom('media');
	if (options.status) query = query.where('status', '=', options.status);
	const row = await query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
	// PostgreSQL returns count(*) as a bigint string.
	return Number(row.count);
}

/** Only a photo still processing becomes ready: one deleted or given up on meanwhile stays as it is. */
export async function markMediaReady(
	db: Kysely<Database>,
	id: number,
	values: {
		width: number;
		height: number;
		color: string;
		mime_type: string;
		bytes: number;
		iiif_width: number;
		iiif_height: number;
		iiif_tile_size: number;
	}
): Promise<boolean> {
	const result = await db
		.updateTable('media')
		.set({ ...values, status: 'ready', error: null })
		.where('id', '=', id)
		.where('status', '=', 'processing')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function markMediaFailed(db: Kysely<Database>, id: number, error: string): Promise<boolean> {
	const result = await db
		.updateTable('media')
		.set({ status: 'failed', error })
		.where('id', '=', id)
		.where('status', '=', 'processing')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function updateMediaText(
	db: Kysely<Database>,
	id: number,
	values: { alt?: string; caption?: string | null; updated_at: string }
): Promise<boolean> {
	const result = await db.updateTable('media').set(values).where('id', '=', id).executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function deleteMediaRows(db: Kysely<Database>, id: number): Promise<boolean> {
	// Variants first: SQLite enforces the cascade only when foreign keys are on.
	await db.deleteFrom('media_variant').where('media_id', '=', id).execute();
	const result = await db.deleteFrom('media').where('id', '=', id).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

/** Ready photos that have no tiles yet (made before photos had an image service), oldest first. */
export async function findReadyMediaWithoutTiles(db: Kysely<Database>): Promise<number[]> {
	const rows = await db
		.selectFrom('media')
		.select('id')
		.where('status', '=', 'ready')
		.where('iiif_tile_size', 'is', null)
		.orderBy('id')
		.execute();
	return rows.map((row) => Number(row.id));
}

/** Records the tiles of a photo already ready; false when it is gone, not ready, or has tiles already. */
export async function markTilesStored(
	db: Kysely<Database>,
	id: number,
	values: { iiif_width: number; iiif_height: number; iiif_tile_size: number }
): Promise<boolean> {
	const result = await db
		.updateTable('media')
		.set(values)
		.where('id', '=', id)
		.where('status', '=', 'ready')
		.where('iiif_tile_size', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
