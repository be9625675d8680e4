import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isLocale, locales, type Locale, type Localized } from '$lib/i18n/locales';
import { parseLocalized, stringifyLocalized } from '$lib/server/shared/localized-text';
import type { Database, MediaRow, MediaStatus, MediaVariantRow } from '$lib/server/db/schema';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import type { Actor } from '$lib/server/shared/audit';
import { runCommand, type CommandScope } from '$lib/server/shared/command';
import { enqueueJob, jobPayload } from '$lib/server/platform/jobs/job-queue';
import type { JobHandler } from '$lib/server/platform/jobs/job-worker';
import { pageCount } from '$lib/server/platform/paging';
import { bumpSiteVersion } from '$lib/server/platform/site-version';
import {
	inspectUpload,
	mediaLimits,
	processImage,
	UploadRejectedError,
	type InspectionResult,
	type MediaLimits,
	type ProcessedImage,
	type UploadProblem,
	type VariantFormat
} from '$lib/server/platform/images/image-processing';
import { makeTiles, type TiledImage } from '$lib/server/platform/images/iiif-tiles';
import { isIncomingKey, newPublicKey, variantFileName, type MediaStorage } from './media-storage';
import type { MediaContext } from './media.wiring';
import {
	countMedia,
	deleteMediaRows,
	findAltTexts,
	findMediaRow,
	findVariants,
	insertMedia,
	insertVariants,
	listMediaRows,
	markMediaFailed,
	markMediaReady,
	updateMediaText
} from './media.queries';

export interface MediaVariant {
	format: VariantFormat;
	width: number;
	height: number;
	bytes: number;
	/** Relative to the media storage. */
	path: string;
}

export interface MediaRecord {
	id: number;
	/** Names the photo's files in URLs (`/media/<public key>/…`); unguessable, unlike the id. */
	publicKey: string;
	originalName: string;
	mimeType: string;
	/** Upright size: of the upload while processing, of the largest variant once ready. */
	width: number;
	height: number;
	bytes: number;
	alt: Localized;
	caption: Localized | null;
	color: string | null;
	/** Only 'ready' photos have variants and may be shown on pages. */
	status: MediaStatus;
	/** Why processing failed, for staff; null unless failed. */
	error: string | null;
	createdBy: string | null;
	createdAt: string;
	updatedAt: string;
	/** Ordered by width, then format. */
	variants: MediaVariant[];
	/** The photo's image service (IIIF tiles, `/iiif/<public key>`): its full size and tile size; null until its tiles exist. */
	imageService: ImageService | null;
}

export interface ImageService {
	/** Of the largest tile level: the photo as uploaded, or the largest variant for photos tiled by the backfill. */
	width: number;
	height: number;
	tileSize: number;
}

/** A text per language as a form sends it: any language may be missing or empty. */
export type LocalizedInput = Partial<Record<Locale, string>>;

/** The staff member making a change, for the photo's record and the audit log. */
export type MediaActor = Actor;

export interface CreateMediaCommand {
	bytes: Uint8Array;
	originalName: string;
	alt: LocalizedInput;
	caption?: LocalizedInput | null;
}

export interface MediaServiceOptions {
	limits?: MediaLimits;
}

export const altTextMaxLength = 500;
export const captionMaxLength = 2000;

/** The job that turns an upload into variants; its idempotency key is `media.process:<media id>`. */
export const mediaProcessJobKind = 'media.process';
/** Decode errors fail at once; these attempts are for passing trouble (disk full, database away). */
export const mediaProcessMaxAttempts = 3;

const processPayloadSchema = z.object({
	mediaId: z.number().int().positive(),
	incoming: z.string().refine(isIncomingKey, 'not an incoming upload key')
});
export type MediaProcessPayload = z.infer<typeof processPayloadSchema>;

/**
 * Adds an uploaded photo to the library, quickly: checks the alt text and the
 * file (size, type from the content, pixel count, a small decode), keeps the file
 * until it is processed, then records the photo as 'processing' and its
 * `media.process` job in one transaction. The slow part, the variants, is the
 * job's (`mediaJobHandlers`). When anything fails, no row and no file is left.
 * Throws ValidationError (UploadRejectedError when the file is the problem).
 */
export async function createMediaFromUpload(
	media: MediaContext,
	/** Who uploaded; null for the app itself (imports). */
	actor: Actor | null,
	command: CreateMediaCommand,
	options: MediaServiceOptions = {}
): Promise<MediaRecord> {
	const { db, storage } = media;
	const limits = options.limits ?? mediaLimits;
	const issues = {
		...localizedTextIssues('alt', command.alt, { required: true, maxLength: altTextMaxLength }),
		...localizedTextIssues('caption', command.caption ?? {}, { required: false, maxLength: captionMaxLength })
	};
	// Checked even when the alt text is missing, so that every problem is named at once.
	const inspection: InspectionResult =
		command.bytes.length === 0 ? { ok: false, code: 'missing' } : await inspectUpload(command.bytes, limits);
	if (!inspection.ok) throw new UploadRejectedError(inspection.code, limits, issues);
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);
	const { upload } = inspection;

	const incoming = await storage.keepIncoming(command.bytes);
	const originalName = cleanFileName(command.originalName);
	const record = async ({ trx, now: at, audit }: CommandScope) => {
		const now = at.toISOString();
		const id = await insertMedia(trx, {
			public_key: newPublicKey(),
			original_name: originalName,
			mime_type: upload.mimeType,
			width: upload.width,
			height: upload.height,
			bytes: command.bytes.length,
			alt: stringifyLocalized(cleanLocalized(command.alt)),
			caption: command.caption && hasText(command.caption) ? stringifyLocalized(cleanLocalized(command.caption)) : null,
			color: null,
			status: 'processing',
			error: null,
			created_by: actor?.id ?? null,
			created_at: now,
			updated_at: now
		});
		const payload: MediaProcessPayload = { mediaId: id, incoming };
		await enqueueJob(trx, mediaProcessJobKind, payload, {
			idempotencyKey: `${mediaProcessJobKind}:${id}`,
			maxAttempts: mediaProcessMaxAttempts
		});
		await audit({ action: 'media.uploaded', subject: `media:${id}`, detail: { name: originalName, bytes: command.bytes.length } });
		return id;
	};

	let id: number;
	try {
		id = await runCommand(media, actor, record);
	} catch (error) {
		// The original error matters more than a failed clean-up.
		await storage.removeIncoming(incoming).catch(() => undefined);
		throw error;
	}
	return getMedia(db, id);
}

export interface MediaJobOptions {
	limits?: MediaLimits;
}

/** For the job worker: `{ 'media.process': … }`, wired in app.ts with the app's media storage. */
export function mediaJobHandlers(storage: MediaStorage, options: MediaJobOptions = {}): Record<string, JobHandler> {
	return {
		[mediaProcessJobKind]: async (db, job) => {
			const payload = processPayloadSchema.parse(jobPayload(job));
			await processUploadedMedia(db, storage, payload, {
				limits: options.limits,
				lastAttempt: job.attempts >= job.max_attempts
			});
		}
	};
}

export type ProcessOutcome = 'ready' | 'failed' | 'skipped';

/**
 * The `media.process` job: makes the variants of an upload, stores their files,
 * records them and sets the photo 'ready', then removes the kept upload. A file
 * that cannot be decoded fails for good at once; other errors are thrown to be
 * retried, and on the last attempt the photo is set 'failed' too. The kept upload
 * holds the photo's location metadata, so it goes in every outcome but a retry.
 * Safe to run twice: a photo no longer processing (done, failed, deleted) is left alone.
 */
export async function processUploadedMedia(
	db: Kysely<Database>,
	storage: MediaStorage,
	payload: MediaProcessPayload,
	options: { limits?: MediaLimits; lastAttempt?: boolean } = {}
): Promise<ProcessOutcome> {
	const { mediaId, incoming } = payload;
	let outcome: ProcessOutcome;
	try {
		outcome = await processMediaFile(db, storage, mediaId, () => storage.readIncoming(incoming), {
			...options,
			lostMessage: 'The uploaded file was lost before it could be processed. Upload the photo again.'
		});
	} catch (error) {
		if (options.lastAttempt) await storage.removeIncoming(incoming);
		throw error;
	}
	await storage.removeIncoming(incoming);
	return outcome;
}

export interface GeneratedMediaCommand {
	/** Shown in the library as the file's name. */
	originalName: string;
	/** The type and upright size of the file that will be made. */
	mimeType: string;
	width: number;
	height: number;
	alt: LocalizedInput;
	caption?: LocalizedInput | null;
}

/**
 * Records a photo that the app makes itself (the demo's artworks) as
 * 'processing', in the caller's transaction, so that content written in that
 * transaction can show it. There is no file yet: the caller enqueues a job of
 * its own that makes the file and hands it to `processGeneratedMedia`, which
 * records its size. Alt text and caption are checked as an upload's are.
 */
export async function recordGeneratedMedia(db: Kysely<Database>, now: Date, command: GeneratedMediaCommand): Promise<number> {
	const issues = {
		...localizedTextIssues('alt', command.alt, { required: true, maxLength: altTextMaxLength }),
		...localizedTextIssues('caption', command.caption ?? {}, { required: false, maxLength: captionMaxLength })
	};
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);
	const at = now.toISOString();
	return insertMedia(db, {
		public_key: newPublicKey(),
		original_name: cleanFileName(command.originalName),
		mime_type: command.mimeType,
		width: command.width,
		height: command.height,
		bytes: 0,
		alt: stringifyLocalized(cleanLocalized(command.alt)),
		caption: command.caption && hasText(command.caption) ? stringifyLocalized(cleanLocalized(command.caption)) : null,
		color: null,
		status: 'processing',
		error: null,
		created_by: null,
		created_at: at,
		updated_at: at
	});
}

/**
 * Processing for a photo recorded with `recordGeneratedMedia`: `make` gives its
 * file, which then goes through the same checks and makes the same variants as
 * an upload, and the photo becomes 'ready'. `make` is called only while the
 * photo is still processing, so a job that runs twice does the work once.
 * Content may already show the photo, so its pages change: the site version
 * moves in the transaction that sets it ready (the caller tells its process).
 */
export function processGeneratedMedia(
	db: Kysely<Database>,
	storage: MediaStorage,
	mediaId: number,
	make: () => Promise<Uint8Array>,
	options: { limits?: MediaLimits; lastAttempt?: boolean } = {}
): Promise<ProcessOutcome> {
	return processMediaFile(db, storage, mediaId, make, { ...options, publicPagesChange: true });
}

/**
 * Reads a photo's file, makes and stores its variants and sets it ready. A file
 * that is not a usable photo fails the photo for good; other errors are thrown
 * to be retried, and on the last attempt fail it too.
 */
async function processMediaFile(
	db: Kysely<Database>,
	storage: MediaStorage,
	mediaId: number,
	read: () => Promise<Uint8Array>,
	options: { limits?: MediaLimits; lastAttempt?: boolean; lostMessage?: string; publicPagesChange?: boolean }
): Promise<ProcessOutcome> {
	const row = await findMediaRow(db, mediaId);
	if (row?.status !== 'processing') return 'skipped';

	let processed: ProcessedImage;
	let bytes: Uint8Array;
	try {
		bytes = await read();
		// processImage opens the file with the same checks as inspectUpload (type from the content, pixel count, decode).
		processed = await processImage(bytes, options.limits ?? mediaLimits);
	} catch (error) {
		if (options.lostMessage && isMissingFile(error)) {
			await markMediaFailed(db, mediaId, options.lostMessage);
			return 'failed';
		}
		if (error instanceof UploadRejectedError) {
			await markMediaFailed(db, mediaId, failureMessage(error.code));
			return 'failed';
		}
		if (options.lastAttempt) await markMediaFailed(db, mediaId, lastAttemptMessage(error));
		throw error;
	}

	try {
		// The tiles start from the file itself, not from the variants: a deep-zoom viewer shows the photo at full size.
		const tiles = (folder: string) => makeTiles(bytes, folder, options.limits ?? mediaLimits);
		const stored = await storeVariants(db, storage, mediaId, processed, tiles, options.publicPagesChange ?? false);
		return stored ? 'ready' : 'skipped';
	} catch (error) {
		if (options.lastAttempt) await markMediaFailed(db, mediaId, lastAttemptMessage(error));
		throw error;
	}
}

/**
 * Writes the variant files and the tiles and, in one transaction, sets the photo
 * ready and records its variants and image service. False (and nothing kept)
 * when the photo stopped processing meanwhile, e.g. staff deleted it.
 */
async function storeVariants(
	db: Kysely<Database>,
	storage: MediaStorage,
	mediaId: number,
	processed: ProcessedImage,
	makeTilesInto: (folder: string) => Promise<TiledImage>,
	publicPagesChange: boolean
): Promise<boolean> {
	const staged = await storage.stage(
		processed.variants.map((variant) => ({ name: variantFileName(variant.format, variant.width), bytes: variant.bytes }))
	);
	let tiled: TiledImage;
	try {
		tiled = await storage.writeTiles(staged, makeTilesInto);
	} catch (error) {
		await storage.discard(staged).catch(() => undefined);
		throw error;
	}
	let published = false;
	const record = async (trx: Kysely<Database>) => {
		// First, so that a concurrent delete either waits for this transaction or has already won.
		const ready = await markMediaReady(trx, mediaId, {
			width: processed.width,
			height: processed.height,
			color: processed.color,
			// What an upload had from the start, a generated photo learns only now.
			mime_type: processed.upload.mimeType,
			bytes: processed.upload.bytes,
			iiif_width: tiled.info.width,
			iiif_height: tiled.info.height,
			iiif_tile_size: tiled.info.tiles[0]!.width
		});
		if (!ready) return false;
		if (publicPagesChange) await bumpSiteVersion(trx);
		// Files move into place before the rows that point at them commit. Marked
		// first: a publish that fails halfway may still have moved some files.
		published = true;
		await storage.publish(staged, mediaId);
		await insertVariants(
			trx,
			processed.variants.map((variant) => ({
				media_id: mediaId,
				format: variant.format,
				width: variant.width,
				height: variant.height,
				bytes: variant.bytes.length,
				path: storage.storedPath(mediaId, variantFileName(variant.format, variant.width))
			}))
		);
		return true;
	};
	try {
		const stored = db.isTransaction ? await record(db) : await db.transaction().execute(record);
		if (!stored) await storage.discard(staged);
		return stored;
	} catch (error) {
		await storage.discard(staged).catch(() => undefined);
		if (published) await storage.remove(mediaId).catch(() => undefined);
		throw error;
	}
}

/** Short, for the library list: what went wrong with the file, and what to do. */
function failureMessage(code: UploadProblem): string {
	switch (code) {
		case 'corrupt':
			return 'The file is damaged or incomplete and cannot be read as a photo. Upload it again, or export it again from the phone or camera.';
		case 'heic_not_supported':
			return 'HEIC photos cannot be read here. Upload it as JPEG.';
		case 'too_many_pixels':
			return 'The photo has too many pixels. Upload a smaller version.';
		case 'too_complex':
			return 'The photo took too long or too much memory to open. Export it again as JPEG and upload that.';
		case 'too_large':
			return 'The file is too large. Upload a smaller version.';
		case 'missing':
		case 'unsupported_type':
			return 'The file is not a photo in a format we accept (JPEG, PNG, WebP, AVIF or HEIC).';
	}
}

function lastAttemptMessage(error: unknown): string {
	const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'unknown error';
	return `The photo could not be processed after ${mediaProcessMaxAttempts} tries (${reason}). Upload it again.`;
}

function isMissingFile(error: unknown): boolean {
	return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

export async function getMedia(db: Kysely<Database>, id: number): Promise<MediaRecord> {
	const row = await findMediaRow(db, id);
	if (!row) throw new NotFoundError(`media ${id}`);
	return toRecord(row, await findVariants(db, [id]));
}

export interface MediaPage {
	items: MediaRecord[];
	total: number;
	page: number;
	perPage: number;
	pageCount: number;
}

/**
 * The library, newest first, one page at a time (pages count from 1). Only ready
 * photos unless asked otherwise: pickers must offer nothing a page cannot show.
 */
export async function listMedia(
	db: Kysely<Database>,
	options: { page?: number; perPage?: number; status?: MediaStatus | 'all' } = {}
): Promise<MediaPage> {
	const perPage = clampInteger(options.perPage ?? 24, 1, 100);
	const page = clampInteger(options.page ?? 1, 1, Number.MAX_SAFE_INTEGER);
	const status = options.status === 'all' ? undefined : (options.status ?? 'ready');
	const [rows, total] = await Promise.all([
		listMediaRows(db, { limit: perPage, offset: (page - 1) * perPage, status }),
		countMedia(db, { status })
	]);
	const variants = await findVariants(
		db,
		rows.map((row) => row.id)
	);
	return {
		items: rows.map((row) => toRecord(row, variants.filter((variant) => variant.media_id === row.id))),
		total,
		page,
		perPage,
		pageCount: pageCount(total, perPage)
	};
}

/** Most photos a picker offers: enough for years of an organization's library, newest first. */
export const pickerLimit = 2000;

/**
 * Every ready photo for the editors' pickers (up to `pickerLimit`), newest
 * first, with its variants for a thumbnail: a gallery may use a photo of any
 * age, not only the newest page of the library.
 */
export async function listPhotosForPicker(db: Kysely<Database>): Promise<MediaRecord[]> {
	const rows = await listMediaRows(db, { limit: pickerLimit, offset: 0, status: 'ready' });
	const variants = Map.groupBy(
		await findVariants(
			db,
			rows.map((row) => row.id)
		),
		(variant) => Number(variant.media_id)
	);
	return rows.map((row) => toRecord(row, variants.get(Number(row.id)) ?? []));
}

/** The alt text of each of these photos, by id, in every language it has (photos that no longer exist are left out). */
export async function altTextsOf(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, Localized>> {
	const rows = await findAltTexts(db, [...new Set(ids)]);
	return new Map(rows.map((row) => [Number(row.id), parseLocalized(row.alt)]));
}

export interface EditMediaTextCommand {
	alt: LocalizedInput;
	caption?: LocalizedInput | null;
}

/**
 * Replaces the alt text and the caption in every language; English alt text stays
 * required. Pages that show the photo show these too: the site version changes with them.
 */
export async function editMediaText(media: MediaContext, actor: Actor | null, id: number, command: EditMediaTextCommand): Promise<MediaRecord> {
	const issues = {
		...localizedTextIssues('alt', command.alt, { required: true, maxLength: altTextMaxLength }),
		...localizedTextIssues('caption', command.caption ?? {}, { required: false, maxLength: captionMaxLength })
	};
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);
	await runCommand(media, actor, async ({ trx, now, audit, publicPagesChanged }) => {
		const updated = await updateMediaText(trx, id, {
			alt: stringifyLocalized(cleanLocalized(command.alt)),
			caption: command.caption && hasText(command.caption) ? stringifyLocalized(cleanLocalized(command.caption)) : null,
			updated_at: now.toISOString()
		});
		if (!updated) throw new NotFoundError(`media ${id}`);
		await publicPagesChanged();
		await audit({ action: 'media.updated', subject: `media:${id}` });
	});
	return getMedia(media.db, id);
}

/**
 * Removes a photo: its rows, then its files once the rows are gone, so no page
 * ever points at a missing file. A photo still processing may be deleted: its
 * job then finds nothing to do and removes the kept upload. Pages that showed
 * the photo change, and its key must stop being served: the site version changes with the rows.
 */
export async function deleteMedia(media: MediaContext, actor: Actor | null, id: number): Promise<void> {
	const deleted = await runCommand(media, actor, async ({ trx, audit, publicPagesChanged }) => {
		const row = await findMediaRow(trx, id);
		if (!row || !(await deleteMediaRows(trx, id))) return false;
		await publicPagesChanged();
		await audit({ action: 'media.deleted', subject: `media:${id}`, detail: { name: row.original_name } });
		return true;
	});
	if (!deleted) throw new NotFoundError(`media ${id}`);
	await media.storage.remove(id);
}

function toRecord(row: MediaRow, variants: MediaVariantRow[]): MediaRecord {
	return {
		id: Number(row.id),
		publicKey: row.public_key,
		originalName: row.original_name,
		mimeType: row.mime_type,
		width: row.width,
		height: row.height,
		bytes: Number(row.bytes),
		alt: parseLocalized(row.alt),
		caption: row.caption === null ? null : parseLocalized(row.caption),
		color: row.color,
		status: row.status,
		error: row.error,
		createdBy: row.created_by,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		imageService:
			row.iiif_width !== null && row.iiif_height !== null && row.iiif_tile_size !== null
				? { width: row.iiif_width, height: row.iiif_height, tileSize: row.iiif_tile_size }
				: null,
		variants: variants
			.map((variant) => ({
				format: variant.format,
				width: variant.width,
				height: variant.height,
				bytes: Number(variant.bytes),
				path: variant.path
			}))
			.sort((a, b) => a.width - b.width || a.format.localeCompare(b.format))
	};
}

/**
 * Field issues for a text per language, keyed "alt.en", "alt.ne"...: English
 * must be there when the text is required, and no language may be too long.
 */
export function localizedTextIssues(
	field: string,
	value: unknown,
	rules: { required: boolean; maxLength: number }
): Record<string, string> {
	const issues: Record<string, string> = {};
	const texts = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
	if (rules.required) {
		const english = texts.en;
		if (typeof english !== 'string' || english.trim() === '') {
			issues[`${field}.en`] =
				field === 'alt'
					? 'Describe the photo in English for people who cannot see it.'
					: 'Write this in English at least.';
		}
	}
	for (const locale of locales) {
		const text = texts[locale];
		if (text !== undefined && typeof text !== 'string') issues[`${field}.${locale}`] = 'This must be text.';
		else if (typeof text === 'string' && text.trim().length > rules.maxLength) {
			issues[`${field}.${locale}`] = `Keep this to ${rules.maxLength} characters or fewer.`;
		}
	}
	return issues;
}

function cleanLocalized(value: LocalizedInput): Localized {
	const clean: Record<string, string> = {};
	for (const [key, text] of Object.entries(value)) {
		if (isLocale(key) && typeof text === 'string') clean[key] = text.trim();
	}
	return { en: '', ...clean } as Localized;
}

function hasText(value: LocalizedInput): boolean {
	return Object.values(value).some((text) => typeof text === 'string' && text.trim() !== '');
}

/** The name as the person knew it, for the library list: no folders, no control characters. */
function cleanFileName(name: string): string {
	const base = name.split(/[/\\]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
	return clean === '' ? 'photo' : clean;
}

function clampInteger(value: number, min: number, max: number): number {
	if (!Number.isFinite(value)) return min;
	return Math.min(max, Math.max(min, Math.trunc(value)));
}
