import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { z } from 'zod';
import type { Localized } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { enqueueJob, jobPayload } from '$lib/server/platform/jobs/job-queue';
import type { JobHandler } from '$lib/server/platform/jobs/job-worker';
import type { MediaStorage } from '$lib/server/media/media-storage';
import { processGeneratedMedia, recordGeneratedMedia, type ProcessOutcome } from '$lib/server/media/media.service';
import { demoArtworkSize, demoArtworkStyles, demoArtworkSvg, type DemoArtworkSpec, type DemoArtworkStyle } from './demo-artworks';

/*
 * The demo's photos go into the library as any photo does, without holding up
 * the start: the seed records each one as 'processing' (so initiatives seeded
 * in the same transaction can show it) with a `demo.artwork` job, and the
 * worker renders the artwork and hands it to the media library's processing,
 * which checks it and makes its variants as for an upload.
 */

export interface DemoArtwork {
	/** Names the artwork within the demo content, to look its media id up in what `queueDemoArtworks` returns. */
	key: string;
	style: DemoArtworkStyle;
	seed: number;
	alt: Localized;
	caption?: Localized;
	/** For the gallery entry that shows the photo: the library itself keeps no credit. */
	credit?: string;
}

/** Renders one artwork into the library; idempotency key `demo.artwork:<media id>`. */
export const demoArtworkJobKind = 'demo.artwork';
/** A render fails only for passing reasons (memory, disk): a few tries are plenty. */
const demoArtworkMaxAttempts = 3;

const payloadSchema = z.object({
	mediaId: z.number().int().positive(),
	style: z.enum(demoArtworkStyles as [DemoArtworkStyle, ...DemoArtworkStyle[]]),
	seed: z.number().int()
});
type DemoArtworkPayload = z.infer<typeof payloadSchema>;

/**
 * Records the artworks as photos still processing, with one job each, in the
 * caller's transaction (the demo seed's). Returns each artwork's media id by its key.
 */
export async function queueDemoArtworks(trx: Kysely<Database>, now: string, artworks: readonly DemoArtwork[]): Promise<Map<string, number>> {
	const ids = new Map<string, number>();
	for (const artwork of artworks) {
		if (ids.has(artwork.key)) throw new Error(`Demo artwork ${artwork.key} is listed twice`);
		const mediaId = await recordGeneratedMedia(trx, new Date(now), {
			originalName: `${artwork.key}.png`,
			mimeType: 'image/png',
			width: demoArtworkSize.width,
			height: demoArtworkSize.height,
			alt: artwork.alt,
			caption: artwork.caption ?? null
		});
		const payload: DemoArtworkPayload = { mediaId, style: artwork.style, seed: artwork.seed };
		await enqueueJob(trx, demoArtworkJobKind, payload, {
			idempotencyKey: `${demoArtworkJobKind}:${mediaId}`,
			maxAttempts: demoArtworkMaxAttempts
		});
		ids.set(artwork.key, mediaId);
	}
	return ids;
}

/**
 * The artwork as a PNG: lossless, so the variants are made from the drawing
 * itself; the fastest compression, since the file lives only in memory until
 * the variants are made.
 */
export function renderDemoArtwork(spec: DemoArtworkSpec): Promise<Buffer> {
	return sharp(Buffer.from(demoArtworkSvg(spec))).png({ compressionLevel: 1 }).toBuffer();
}

/**
 * For the job worker, wired in app.ts with the app's media storage. `onReady`
 * tells this process that pages showing the photo changed (the site version moved).
 */
export function demoArtworkJobHandlers(storage: MediaStorage, options: { onReady?: () => void } = {}): Record<string, JobHandler> {
	return {
		[demoArtworkJobKind]: async (db, job) => {
			const { mediaId, style, seed } = payloadSchema.parse(jobPayload(job));
			const outcome: ProcessOutcome = await processGeneratedMedia(db, storage, mediaId, () => renderDemoArtwork({ style, seed }), {
				lastAttempt: job.attempts >= job.max_attempts
			});
			if (outcome === 'ready') options.onReady?.();
		}
	};
}
