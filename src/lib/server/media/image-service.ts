import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '$lib/server/db/schema';
import { enqueueJob, jobPayload } from '$lib/server/platform/jobs/job-queue';
import type { JobHandler } from '$lib/server/platform/jobs/job-worker';
import { makeTiles, type TiledImage } from '$lib/server/platform/images/iiif-tiles';
import { mediaLimits } from '$lib/server/platform/images/image-processing';
import { parseVariantFileName, type MediaStorage } from './media-storage';
import { findMediaRow, findReadyMediaWithoutTiles, findVariants, markTilesStored } from './media.queries';

/*
 * A photo's image service (IIIF Image API 3, level 0): its tiles and info.json,
 * made with its variants by processing (media.service.ts) and served at
 * /iiif/<public key>/… with the visibility of its variants
 * (image-service-response.ts). Photos made before there were tiles get theirs
 * here: a backfill job, asked for at every start and run once, hands each such
 * photo to a job of its own, so that one photo's trouble holds up no other.
 * Their uploads are long gone: their tiles are made from their largest JPEG
 * variant, so they zoom only as far as that (1920 pixels wide at most).
 */

/** Lists the ready photos without tiles and asks for a `media.tiles` job for each; its key makes it once. */
export const tilesBackfillJobKind = 'media.tiles-backfill';
/** Makes the tiles of one ready photo from its largest variant; key `media.tiles:<media id>`. */
export const mediaTilesJobKind = 'media.tiles';

const tilesPayloadSchema = z.object({ mediaId: z.number().int().positive() });

/** The address of a photo's image service: what a IIIF manifest names as the service's id, and what its info.json says. */
export function imageServiceId(origin: string, publicKey: string): string {
	return `${origin.replace(/\/$/, '')}/iiif/${publicKey}`;
}

/**
 * Asks for the backfill, at start-up. Once: after it ran, its job stays until
 * housekeeping removes finished jobs, and asking again then finds no photo left.
 */
export async function scheduleTilesBackfill(db: Kysely<Database>): Promise<void> {
	await enqueueJob(db, tilesBackfillJobKind, {}, { idempotencyKey: tilesBackfillJobKind });
}

/** For the job worker, wired in app.ts with the app's media storage. */
export function imageServiceJobHandlers(storage: MediaStorage): Record<string, JobHandler> {
	return {
		[tilesBackfillJobKind]: async (db) => {
			await enqueueTilesForReadyMedia(db);
		},
		[mediaTilesJobKind]: async (db, job) => {
			const { mediaId } = tilesPayloadSchema.parse(jobPayload(job));
			await addTilesToReadyMedia(db, storage, mediaId);
		}
	};
}

/** One `media.tiles` job per ready photo without tiles; returns how many photos were found. */
export async function enqueueTilesForReadyMedia(db: Kysely<Database>): Promise<number> {
	const ids = await findReadyMediaWithoutTiles(db);
	for (const mediaId of ids) {
		await enqueueJob(db, mediaTilesJobKind, { mediaId }, { idempotencyKey: `${mediaTilesJobKind}:${mediaId}` });
	}
	return ids.length;
}

export type TilesOutcome = 'tiled' | 'skipped';

/**
 * Makes and stores the tiles of a photo that is ready without them, from its
 * largest JPEG variant, and records them. Skipped (nothing kept) for a photo
 * that has tiles already, is not ready, or was deleted meanwhile: safe to run twice.
 */
export async function addTilesToReadyMedia(db: Kysely<Database>, storage: MediaStorage, mediaId: number): Promise<TilesOutcome> {
	const row = await findMediaRow(db, mediaId);
	if (row?.status !== 'ready' || row.iiif_tile_size !== null) return 'skipped';
	const largest = (await findVariants(db, [mediaId])).filter((variant) => variant.format === 'jpeg').sort((a, b) => b.width - a.width)[0];
	const file = largest ? parseVariantFileName(largest.path.split('/').pop() ?? '') : undefined;
	const source = file ? await storage.readVariant(mediaId, file) : undefined;
	if (!source) throw new Error(`Photo ${mediaId} is ready without a JPEG variant to tile`);

	const staged = await storage.stage([]);
	let published = false;
	try {
		// A variant passed every check when it was made; the same limits hold it now.
		const tiled: TiledImage = await storage.writeTiles(staged, (folder) => makeTiles(source, folder, mediaLimits));
		const record = async (trx: Kysely<Database>) => {
			// First, so that a concurrent delete either waits for this transaction or has already won.
			const marked = await markTilesStored(trx, mediaId, {
				iiif_width: tiled.info.width,
				iiif_height: tiled.info.height,
				iiif_tile_size: tiled.info.tiles[0]!.width
			});
			if (!marked) return false;
			// The files are in place before the row that says so commits.
			published = true;
			await storage.publishTiles(staged, mediaId);
			return true;
		};
		const stored = db.isTransaction ? await record(db) : await db.transaction().execute(record);
		if (!stored) await storage.discard(staged);
		return stored ? 'tiled' : 'skipped';
	} catch (error) {
		await storage.discard(staged).catch(() => undefined);
		if (published) await storage.removeTiles(mediaId).catch(() => undefined);
		throw error;
	}
}
