import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';
import { WorkSlots } from '$lib/server/platform/work-slots';
import { DiskStorage } from '$lib/server/platform/storage/disk-storage';
import { storedAreas, type ObjectStorage } from '$lib/server/platform/storage/object-storage';
import { detectUploadType, mediaLimits, shrunkWebp, uploadMimeTypes, withOpenedPhoto, type UploadProblem } from '$lib/server/platform/images/image-processing';
import { fileChecks } from '$lib/server/platform/file-checks/file-checks';
import { attachFile, deleteApplicationData, findApplicationByToken, removeFile, type ApplicationProblem } from './applications.service';
import { acceptsMediaType, type CallField, type UploadMediaType } from './call-fields';

/*
 * Applicants' files. They are never public: they live under
 * applications/<call id>/<application id>/ in the app's storage (DATA_DIR on
 * disk, or the bucket), apart from the public media,
 * readable by this process only, and reach staff and assigned reviewers only
 * through an authorized route.
 *
 * What an upload is comes from its bytes, never from its name or the browser's
 * claim. Photos go through the media checks (type, pixel count, a decode) and are
 * re-encoded by sharp: upright, in sRGB, at most `maxImageSide` pixels on the long
 * side, with no metadata at all (EXIF with its GPS position, XMP, IPTC). PDFs must
 * start like one and open in a PDF parser (pdf.js); they are kept without their
 * document information and XMP (author, title, creator), so a blind review stays
 * blind. Both are opened in worker threads with time and memory limits
 * (platform/file-checks), never on the thread that answers requests.
 */

/** Long side of a stored photo: enough to judge a work on a large screen, a fraction of a camera's file. */
export const maxImageSide = 3000;

/** Why an upload was refused; the page words each one beside the field. */
export type UploadRefusal = 'file_missing' | 'file_type_not_allowed' | 'file_too_large' | 'file_damaged' | 'file_too_complex';

export interface PreparedUpload {
	mediaType: UploadMediaType;
	/** What to store: the re-encoded photo, or the PDF as sent. */
	bytes: Buffer;
	extension: 'jpg' | 'png' | 'webp' | 'pdf';
}

const extensions: Record<UploadMediaType, PreparedUpload['extension']> = {
	'image/jpeg': 'jpg',
	'image/heic': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp',
	'application/pdf': 'pdf'
};

/** The media type the bytes are, as far as applicants may send them; undefined for anything else. */
export function detectApplicationFileType(bytes: Uint8Array): UploadMediaType | 'image/avif' | undefined {
	if (bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return 'application/pdf';
	const image = detectUploadType(bytes);
	if (!image) return undefined;
	// A generic HEIF container is told apart (AV1 or HEVC) by the media checks; applicants' HEIF is a phone's HEIC.
	return image === 'heif' ? 'image/heic' : (uploadMimeTypes[image] as UploadMediaType | 'image/avif');
}

/**
 * Uploads decoded and re-encoded at a time across the process: one core fewer
 * than the machine has (at least one), so a rush of applicants with large photos
 * keeps memory bounded and leaves a core for answering everyone else; the rest
 * wait their turn.
 */
export const decodeSlots = new WorkSlots(Math.max(1, availableParallelism() - 1));

/**
 * Uploads read from their spooled copy into memory at once, across the process:
 * those being decoded and as many ready for them. Every other upload waits on
 * disk, so a crowd of applicants costs disk space, not memory.
 */
export const uploadSlots = new WorkSlots(2 * decodeSlots.size);

/**
 * Checks an upload for a file field and makes it safe to keep: its type from the
 * content (and allowed by the field), its size, a photo re-encoded without
 * metadata, a PDF that parses. Returns the refusal instead of throwing.
 */
export async function prepareApplicationUpload(
	bytes: Uint8Array,
	field: Pick<CallField, 'options'>
): Promise<{ ok: true; upload: PreparedUpload } | { ok: false; code: UploadRefusal }> {
	if (bytes.length === 0) return { ok: false, code: 'file_missing' };
	const maxBytes = field.options.maxBytes ?? 0;
	const detected = detectApplicationFileType(bytes);
	if (!detected || detected === 'image/avif' || !(field.options.allowedTypes ?? []).includes(detected)) {
		return { ok: false, code: 'file_type_not_allowed' };
	}
	if (bytes.length > maxBytes) return { ok: false, code: 'file_too_large' };
	if (detected === 'application/pdf') {
		// Kept without its metadata: the author's name would undo a blind review.
		const checked = await decodeSlots.run(() => fileChecks().checkPdf(bytes, { stripMetadata: true }));
		if (!checked.ok) return { ok: false, code: checked.reason === 'damaged' ? 'file_damaged' : 'file_too_complex' };
		return { ok: true, upload: { mediaType: detected, bytes: Buffer.from(checked.bytes), extension: 'pdf' } };
	}
	return decodeSlots.run(() => reencodePhoto(bytes, detected, maxBytes));
}

async function reencodePhoto(
	bytes: Uint8Array,
	detected: Exclude<UploadMediaType, 'application/pdf'>,
	maxBytes: number
): Promise<{ ok: true; upload: PreparedUpload } | { ok: false; code: UploadRefusal }> {
	// A phone's HEIC is kept as JPEG: few browsers can show HEIC.
	const stored = detected === 'image/heic' ? 'image/jpeg' : detected;
	let result;
	try {
		result = await withOpenedPhoto(bytes, { maxBytes, maxPixels: mediaLimits.maxPixels }, { width: maxImageSide, height: maxImageSide }, (image) => {
			const pipeline = image.resize({ width: maxImageSide, height: maxImageSide, fit: 'inside', withoutEnlargement: true }).toColourspace('srgb');
			// sharp writes no metadata unless asked to (no withMetadata, withExif or keepIccProfile here).
			return stored === 'image/png'
				? pipeline.png({ compressionLevel: 6 }).toBuffer()
				: stored === 'image/webp'
					? pipeline.webp({ quality: 85 }).toBuffer()
					: // libjpeg-turbo's own encoder: mozjpeg's would save about an eighth of the bytes
						// at fifteen times the time (3 s instead of 0.2 s for a 6-megapixel photo).
						pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 85 }).toBuffer();
		});
	} catch {
		return { ok: false, code: 'file_damaged' };
	}
	if (!result.ok) return { ok: false, code: photoRefusals[result.code] };
	return { ok: true, upload: { mediaType: stored, bytes: result.value, extension: extensions[stored] } };
}

const photoRefusals: Record<UploadProblem, UploadRefusal> = {
	missing: 'file_missing',
	too_large: 'file_too_large',
	unsupported_type: 'file_type_not_allowed',
	heic_not_supported: 'file_type_not_allowed',
	corrupt: 'file_damaged',
	too_many_pixels: 'file_too_large',
	too_complex: 'file_too_complex'
};

/** A storage key: `<call id>/<application id>/<uuid>.<ext>`; nothing else names a file. */
export function isApplicationFileKey(key: string): boolean {
	return /^[1-9][0-9]{0,9}\/[1-9][0-9]{0,9}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(?:jpg|png|webp|pdf)$/.test(key);
}

/**
 * Smaller copies of an applicant's photo for the review pages: a thumbnail for
 * lists and a preview for the application's page, so a list of forty
 * applications does not pull forty 3000-pixel originals. Each is made once,
 * when first asked for, and kept beside its original (`<uuid>.<size>.webp`), so
 * it goes wherever the original goes (backups, erasure).
 */
export const photoDerivatives = {
	thumbnail: { side: 320, quality: 70 },
	preview: { side: 1280, quality: 80 }
} as const;
export type PhotoDerivative = keyof typeof photoDerivatives;

/** The key of a derivative of the photo under `key`. */
export function derivativeKey(key: string, size: PhotoDerivative): string {
	if (!isApplicationFileKey(key)) throw new Error(`Not an application file key: ${key}`);
	return key.replace(/\.[a-z]+$/, `.${size}.webp`);
}

function isDerivativeKey(key: string): boolean {
	const match = /^(.+)\.(thumbnail|preview)\.webp$/.exec(key);
	return match !== null && isApplicationFileKey(`${match[1]}.jpg`);
}

/** The stored types staff are shown as pictures (a phone's HEIC is stored as JPEG). */
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'];

export function isPhotoType(mediaType: string): boolean {
	return photoTypes.includes(mediaType);
}

/**
 * Where applicants' files are kept: under applications/<key> in the app's
 * storage (DATA_DIR/applications/<key> on disk, as always, or that key in the
 * bucket). Only the authorized routes read them; no URL of the bucket is ever
 * given out. Uploads being read are spooled on the local disk (`incomingDir`).
 */
export class ApplicationFileStorage {
	/** The local folder: DATA_DIR/applications (the files themselves on disk, the spool in every case). */
	readonly root: string;
	readonly objects: ObjectStorage;

	constructor(root: string, objects: ObjectStorage) {
		this.root = resolve(root);
		this.objects = objects;
	}

	/** Writes a file before the row that points at it can commit (durable when this resolves); returns its key. */
	async save(callId: number, applicationId: number, bytes: Uint8Array, extension: PreparedUpload['extension']): Promise<string> {
		const key = `${callId}/${applicationId}/${randomUUID()}.${extension}`;
		try {
			await this.objects.put(this.objectKey(key), bytes, { contentType: storedTypes[extension] });
		} catch (error) {
			await this.objects.delete(this.objectKey(key)).catch(() => undefined);
			throw error;
		}
		return key;
	}

	/**
	 * Where a form's uploads are written while the request is read, before they are
	 * checked (`readBoundedForm`); each request deletes its own, and the daily
	 * maintenance those a killed process left.
	 */
	get incomingDir(): string {
		return join(this.root, '.incoming');
	}

	/** Deletes spooled uploads older than `olderThanMs`: no request takes that long. */
	async sweepIncoming(now: number, olderThanMs = 24 * 60 * 60_000): Promise<number> {
		let removed = 0;
		let names: string[];
		try {
			names = await readdir(this.incomingDir);
		} catch {
			return 0;
		}
		for (const name of names) {
			const path = join(this.incomingDir, name);
			try {
				if ((await stat(path)).mtimeMs < now - olderThanMs) {
					await rm(path, { force: true });
					removed++;
				}
			} catch {
				// gone meanwhile
			}
		}
		return removed;
	}

	/** The file under `key`; rejects with ENOENT when it is gone. */
	async read(key: string): Promise<Buffer> {
		const bytes = await this.objects.read(this.objectKey(key));
		if (bytes) return bytes;
		throw Object.assign(new Error(`No application file ${key}`), { code: 'ENOENT' });
	}

	/**
	 * A smaller WebP copy of the photo under `key` (see `photoDerivatives`): the
	 * stored one, or made now from the original (already checked and re-encoded
	 * on upload) and stored for next time. Rejects with ENOENT when the original is gone.
	 */
	async derivative(key: string, size: PhotoDerivative): Promise<Buffer> {
		const objectKey = this.objectKey(derivativeKey(key, size));
		const kept = await this.objects.read(objectKey);
		if (kept) return kept;
		const original = await this.read(key);
		const { side, quality } = photoDerivatives[size];
		const bytes = await decodeSlots.run(() => shrunkWebp(original, side, quality));
		await this.objects.put(objectKey, bytes, { contentType: 'image/webp' });
		return bytes;
	}

	/** Removes files (gone already is fine), their smaller copies, and, on disk, the folders they leave empty. */
	async remove(keys: readonly string[]): Promise<void> {
		const folders = new Set<string>();
		for (const key of keys) {
			if (!isApplicationFileKey(key)) continue;
			await this.objects.delete(this.objectKey(key));
			for (const size of Object.keys(photoDerivatives) as PhotoDerivative[]) await this.objects.delete(this.objectKey(derivativeKey(key, size)));
			folders.add(dirname(this.pathOf(key)));
		}
		// A bucket has no folders; on disk, empty ones would pile up with every erased application.
		if (!(this.objects instanceof DiskStorage)) return;
		for (const folder of folders) {
			for (const emptied of [folder, dirname(folder)]) {
				try {
					if ((await readdir(emptied)).length > 0) break;
					await rmdir(emptied);
				} catch {
					break;
				}
			}
		}
	}

	/** Where a key's file is on disk (storage on disk); throws for anything that is not one (so nothing climbs out of the folder). */
	pathOf(key: string): string {
		if (!isApplicationFileKey(key)) throw new Error(`Not an application file key: ${key}`);
		const path = join(this.root, key);
		if (!path.startsWith(this.root + sep)) throw new Error(`Not an application file key: ${key}`);
		return path;
	}

	/** The key in the app's storage. */
	private objectKey(key: string): string {
		if (!isApplicationFileKey(key) && !isDerivativeKey(key)) throw new Error(`Not an application file key: ${key}`);
		return `${storedAreas.applications}${key}`;
	}
}

const storedTypes: Record<PreparedUpload['extension'], string> = {
	jpg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	pdf: 'application/pdf'
};

/** DATA_DIR/applications, in the given storage (the data folder itself by default). */
export function createApplicationFileStorage(dataDir: string, objects: ObjectStorage = new DiskStorage(dataDir)): ApplicationFileStorage {
	return new ApplicationFileStorage(join(dataDir, 'applications'), objects);
}

/** The applicant's name for a file, without a path or control characters, ending in the stored type's extension. */
export function applicantFileName(declared: string, extension: PreparedUpload['extension']): string {
	const name = basename(declared.replaceAll('\\', '/'))
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f"]/g, '')
		.trim()
		.slice(0, 200);
	const stem = name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'file';
	return `${stem}.${extension}`;
}

export type AttachUploadResult = { status: 'attached'; fileId: number; mediaType: string; bytes: number } | { status: ApplicationProblem };

/**
 * An upload for a file field of the application the token opens: checked and
 * made safe (`prepareApplicationUpload`), stored, then recorded (`attachFile`,
 * which checks the deadline and the field's number of files). When recording
 * fails, the stored file is removed again. Throws ValidationError under
 * `answers.<field>` with an UploadRefusal or attachFile's codes.
 */
export async function attachUpload(
	db: Kysely<Database>,
	storage: ApplicationFileStorage,
	token: string,
	upload: { fieldKey: string; fileName: string; bytes: Uint8Array },
	{ now = Date.now() }: { now?: number } = {}
): Promise<AttachUploadResult> {
	const found = await findApplicationByToken(db, token);
	if (found.status !== 'found') return { status: 'unknown' };
	if (found.application.status === 'withdrawn') return { status: 'not_editable' };
	const issueKey = `answers.${upload.fieldKey}`;
	const field = found.fields.find((f) => f.key === upload.fieldKey && f.type === 'file');
	if (!field) throw new ValidationError({ [issueKey]: 'field_unknown' });
	const prepared = await prepareApplicationUpload(upload.bytes, field);
	if (!prepared.ok) throw new ValidationError({ [issueKey]: prepared.code });
	const { mediaType, bytes, extension } = prepared.upload;
	if (!acceptsMediaType(field.options.allowedTypes, mediaType)) throw new ValidationError({ [issueKey]: 'file_type_not_allowed' });

	const storageKey = await storage.save(found.call.id, found.application.id, bytes, extension);
	try {
		const result = await attachFile(
			db,
			token,
			{ fieldKey: field.key, storageKey, originalName: applicantFileName(upload.fileName, extension), mediaType, bytes: bytes.length },
			{ now }
		);
		if (result.status !== 'attached') {
			await storage.remove([storageKey]);
			return result;
		}
		return { status: 'attached', fileId: result.fileId, mediaType, bytes: bytes.length };
	} catch (error) {
		await storage.remove([storageKey]);
		throw error;
	}
}

/** Removes one attached file, and its stored copy once the removal has committed. */
export async function removeUpload(db: Kysely<Database>, storage: ApplicationFileStorage, token: string, fileId: number) {
	const result = await removeFile(db, token, fileId);
	if (result.status === 'removed') await storage.remove([result.storageKey]);
	return result;
}

/** The applicant's deletion request, with their stored files deleted once the erasure has committed. */
export async function eraseApplication(db: Kysely<Database>, storage: ApplicationFileStorage, token: string, { now = Date.now() }: { now?: number } = {}) {
	const result = await deleteApplicationData(db, token, { now });
	if (result.status === 'deleted') await storage.remove(result.storageKeys);
	return result;
}
