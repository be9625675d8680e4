import type { Kysely } from 'kysely';
import { isLocale, locales, type Locale, type Localized } from '$lib/i18n/locales';
import { parseLocalized, stringifyLocalized } from '$lib/server/content/localized-text';
import type { Database, MediaRow, MediaVariantRow } from '$lib/server/db/schema';
import { NotFoundError, ValidationError } from '$lib/server/errors';
import {
	inspectUpload,
	mediaLimits,
	processImage,
	UploadRejectedError,
	type MediaLimits,
	type VariantFormat
} from './image-processing';
import { variantFileName, type MediaStorage, type StagedFiles } from './media-storage';
import {
	countMedia,
	deleteMediaRows,
	findMediaRow,
	findVariants,
	insertMedia,
	insertVariants,
	listMediaRows,
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
	originalName: string;
	mimeType: string;
	width: number;
	height: number;
	bytes: number;
	alt: Localized;
	caption: Localized | null;
	color: string | null;
	createdBy: string | null;
	createdAt: string;
	updatedAt: string;
	/** Ordered by width, then format. */
	variants: MediaVariant[];
}

/** A text per language as a form sends it: any language may be missing or empty. */
export type LocalizedInput = Partial<Record<Locale, string>>;

export interface CreateMediaCommand {
	bytes: Uint8Array;
	originalName: string;
	alt: LocalizedInput;
	caption?: LocalizedInput | null;
	createdBy?: string | null;
}

export interface MediaServiceOptions {
	now?: () => Date;
	limits?: MediaLimits;
}

export const altTextMaxLength = 500;
export const captionMaxLength = 2000;

/**
 * Adds an uploaded photo to the library: checks the alt text and the file,
 * makes the variants, writes their files, then records photo and variants in one
 * transaction. When anything fails, no row and no file is left behind.
 * Throws ValidationError (UploadRejectedError when the file is the problem).
 */
export async function createMediaFromUpload(
	db: Kysely<Database>,
	storage: MediaStorage,
	command: CreateMediaCommand,
	options: MediaServiceOptions = {}
): Promise<MediaRecord> {
	const limits = options.limits ?? mediaLimits;
	const issues = {
		...localizedTextIssues('alt', command.alt, { required: true, maxLength: altTextMaxLength }),
		...localizedTextIssues('caption', command.caption ?? {}, { required: false, maxLength: captionMaxLength })
	};
	if (Object.keys(issues).length > 0) {
		// Say everything that is wrong at once, without spending seconds on variants.
		const inspection = await inspectUpload(command.bytes, limits);
		if (!inspection.ok) throw new UploadRejectedError(inspection.code, limits, issues);
		throw new ValidationError(issues);
	}

	const processed = await processImage(command.bytes, limits);
	const staged = await storage.stage(
		processed.variants.map((variant) => ({ name: variantFileName(variant.format, variant.width), bytes: variant.bytes }))
	);
	const now = (options.now ?? (() => new Date()))().toISOString();
	let publishedId: number | undefined;

	const record = async (trx: Kysely<Database>) => {
		const id = await insertMedia(trx, {
			original_name: cleanFileName(command.originalName),
			mime_type: processed.upload.mimeType,
			width: processed.width,
			height: processed.height,
			bytes: command.bytes.length,
			alt: stringifyLocalized(cleanLocalized(command.alt)),
			caption: command.caption && hasText(command.caption) ? stringifyLocalized(cleanLocalized(command.caption)) : null,
			color: processed.color,
			created_by: command.createdBy ?? null,
			created_at: now,
			updated_at: now
		});
		// Files move into place before the rows that point at them commit. Marked
		// first: a publish that fails halfway may still have moved some files.
		publishedId = id;
		await storage.publish(staged, id);
		await insertVariants(
			trx,
			processed.variants.map((variant) => ({
				media_id: id,
				format: variant.format,
				width: variant.width,
				height: variant.height,
				bytes: variant.bytes.length,
				path: storage.storedPath(id, variantFileName(variant.format, variant.width))
			}))
		);
		return id;
	};

	let id: number;
	try {
		id = db.isTransaction ? await record(db) : await db.transaction().execute(record);
	} catch (error) {
		await removeQuietly(storage, staged, publishedId);
		throw error;
	}
	return getMedia(db, id);
}

async function removeQuietly(storage: MediaStorage, staged: StagedFiles, publishedId: number | undefined) {
	// The original error matters more than a failed clean-up.
	await storage.discard(staged).catch(() => undefined);
	if (publishedId !== undefined) await storage.remove(publishedId).catch(() => undefined);
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

/** The library, newest first, one page at a time (pages count from 1). */
export async function listMedia(
	db: Kysely<Database>,
	options: { page?: number; perPage?: number } = {}
): Promise<MediaPage> {
	const perPage = clampInteger(options.perPage ?? 24, 1, 100);
	const page = clampInteger(options.page ?? 1, 1, Number.MAX_SAFE_INTEGER);
	const [rows, total] = await Promise.all([
		listMediaRows(db, { limit: perPage, offset: (page - 1) * perPage }),
		countMedia(db)
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
		pageCount: Math.max(1, Math.ceil(total / perPage))
	};
}

/** Replaces the alt text in every language; English stays required. */
export async function updateAlt(
	db: Kysely<Database>,
	id: number,
	alt: LocalizedInput,
	options: Pick<MediaServiceOptions, 'now'> = {}
): Promise<MediaRecord> {
	const issues = localizedTextIssues('alt', alt, { required: true, maxLength: altTextMaxLength });
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);
	const updated = await updateMediaText(db, id, {
		alt: stringifyLocalized(cleanLocalized(alt)),
		updated_at: (options.now ?? (() => new Date()))().toISOString()
	});
	if (!updated) throw new NotFoundError(`media ${id}`);
	return getMedia(db, id);
}

/**
 * Removes a photo: its rows, then its files once the rows are gone, so no page
 * ever points at a missing file. Call it outside any other transaction.
 */
export async function deleteMedia(db: Kysely<Database>, storage: MediaStorage, id: number): Promise<void> {
	const deleted = db.isTransaction
		? await deleteMediaRows(db, id)
		: await db.transaction().execute((trx) => deleteMediaRows(trx, id));
	if (!deleted) throw new NotFoundError(`media ${id}`);
	await storage.remove(id);
}

function toRecord(row: MediaRow, variants: MediaVariantRow[]): MediaRecord {
	return {
		id: Number(row.id),
		originalName: row.original_name,
		mimeType: row.mime_type,
		width: row.width,
		height: row.height,
		bytes: Number(row.bytes),
		alt: parseLocalized(row.alt),
		caption: row.caption === null ? null : parseLocalized(row.caption),
		color: row.color,
		createdBy: row.created_by,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
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
