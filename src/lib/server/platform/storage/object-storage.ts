import type { Readable } from 'node:stream';

/*
 * Where the app keeps files that must outlive a process and be shared by every
 * process: photos and their variants and tiles, applicants' files, backups.
 * Two kinds: a folder on the local disk (the default, DATA_DIR) and an
 * S3-compatible bucket (S3_ENDPOINT and the rest, see config.ts). Both are
 * addressed by keys such as `media/12/640.webp`.
 *
 * A key is one or more segments joined by "/"; each segment is letters, digits,
 * ".", "_", "-" or "," (IIIF tile regions: 0,0,512,512), never "." or ".." alone, so no key can name a file outside
 * the storage on disk, nor two keys the same object.
 *
 * A put is durable and whole when it resolves: a reader sees the old object or
 * the new one, never part of one. Nothing is public by being stored: every file
 * reaches visitors through a route of the app that decides who may read it.
 */

export interface StoredObject {
	key: string;
	/** Bytes. */
	size: number;
	/** When it was last written, as the storage says. */
	modified: Date;
}

export interface ObjectBody {
	body: Readable;
	size: number;
}

export interface PutOptions {
	/** What the bytes are, kept with the object where the storage can (S3). */
	contentType?: string;
}

export interface ObjectStorage {
	/** 'disk' or 's3'; for logs and the admin. */
	readonly kind: 'disk' | 's3';
	/** Where, without any secret: a folder, or the endpoint and bucket. */
	readonly location: string;
	/** Stores bytes (or a stream, read to its end) under the key, replacing what was there. */
	put(key: string, body: Uint8Array | Readable, options?: PutOptions): Promise<void>;
	/** The object as a stream, or undefined when there is none. */
	get(key: string): Promise<ObjectBody | undefined>;
	/** The whole object in memory, or undefined when there is none. For small files only. */
	read(key: string): Promise<Buffer | undefined>;
	/** Size and time of an object, or undefined when there is none. */
	head(key: string): Promise<StoredObject | undefined>;
	/** Removes an object; nothing happens when there is none. */
	delete(key: string): Promise<void>;
	/** Removes every object whose key starts with the prefix (a folder: end it with "/"). */
	deletePrefix(prefix: string): Promise<void>;
	/** Every object whose key starts with the prefix, in no promised order. */
	list(prefix: string): AsyncIterable<StoredObject>;
	/** Answers when the storage can be read and written, throws otherwise (for /readyz). */
	ping(): Promise<void>;
}

// Commas for the IIIF tiles' paths (media/<id>/iiif/0,0,512,512/512,/0/default.jpg): the Image API names regions and sizes so.
const segmentPattern = /^[A-Za-z0-9._,-]+$/;

/** Whether a string is a key as described above. */
export function isObjectKey(key: string): boolean {
	if (key.length === 0 || key.length > 1024) return false;
	return key.split('/').every((segment) => segmentPattern.test(segment) && segment !== '.' && segment !== '..');
}

/** Throws for anything that is not a key: a path from a request or a job must never climb out. */
export function checkObjectKey(key: string): string {
	if (!isObjectKey(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
	return key;
}

/** A prefix is empty, or a key, or a key followed by "/". */
export function checkObjectPrefix(prefix: string): string {
	if (prefix === '') return prefix;
	checkObjectKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
	return prefix;
}

/**
 * The top-level folders of what the app stores, each owned by one part of it.
 * A backup takes every object under these, and moving storage moves them.
 */
export const storedAreas = {
	/** Photos: variants and tiles under media/<id>/ (media domain). */
	media: 'media/',
	/** Applicants' files under applications/<call>/<application>/ (calls domain). */
	applications: 'applications/'
} as const;

/**
 * A key with a segment that starts with "." is work in progress (an upload
 * waiting for its job, files being staged): never backed up nor moved, and
 * swept when left behind by a stopped process.
 */
export function isTransientKey(key: string): boolean {
	return key.split('/').some((segment) => segment.startsWith('.'));
}
