import { randomUUID } from 'node:crypto';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Busboy } from '@fastify/busboy';
import { announcedTooLarge, readBoundedBody } from '../http/request-body';

/*
 * Reading a posted form's body, bounded, in one of two ways: a small form (the
 * donation, newsletter and link pages: a few hundred bytes) into memory, or a
 * form with files (an application) streamed, its files spooled to disk. The
 * server-wide BODY_SIZE_LIMIT is set for photo uploads, so each form says how
 * much it can honestly need, and anything larger is refused while it streams in.
 */

/** The two encodings an HTML form posts; anything else is not a form. */
const formType = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** The body's content type when it is a form's, else undefined. */
function formContentType(request: Request): string | undefined {
	const type = request.headers.get('content-type') ?? '';
	return formType.test(type) ? type : undefined;
}

/**
 * Reads a small posted form, refusing more than `maxBytes`.
 * Undefined when the body is too large or not a form.
 */
export async function readSmallForm(request: Request, maxBytes = 16_384): Promise<FormData | undefined> {
	const type = formContentType(request);
	if (type === undefined) return undefined;
	const body = await readBoundedBody(request, maxBytes);
	if (body === undefined) return undefined;
	try {
		return await new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { headers: { 'content-type': type } }).formData();
	} catch {
		return undefined;
	}
}

export type BoundedForm =
	| {
			ok: true;
			/** Text values as strings; files as blobs backed by their spooled copy on disk, not read into memory. */
			form: FormData;
			/** Deletes the spooled copies: call once the request is answered. */
			discard(): Promise<void>;
	  }
	| { ok: false; reason: 'too_large' | 'unreadable' };

class BodyTooLarge extends Error {}

/**
 * Reads a posted form of at most `maxBytes` as it streams in: text values into
 * memory, each file straight to a file of its own in `spoolDir`, so a slow phone
 * uploading a photo for minutes, or two hundred applicants at once, hold no more
 * than a few buffers each. A larger body (announced or streamed, or over the
 * server-wide BODY_SIZE_LIMIT) is `too_large`; a body that is not a form is
 * `unreadable`. Nothing is left in `spoolDir` when it is refused.
 */
export async function readBoundedForm(request: Request, maxBytes: number, spoolDir: string): Promise<BoundedForm> {
	const type = formContentType(request);
	if (type === undefined) return { ok: false, reason: 'unreadable' };
	if (announcedTooLarge(request, maxBytes)) return { ok: false, reason: 'too_large' };
	const form = new FormData();
	const spooled: { name: string; path: string; fileName: string; mediaType: string; stream: Readable; written: Promise<void> }[] = [];
	const discard = async () => {
		// A refused body leaves its last file's stream open: ending it ends its write.
		for (const file of spooled) file.stream.destroy();
		await Promise.allSettled(spooled.map((file) => file.written));
		await Promise.all(spooled.map((file) => rm(file.path, { force: true })));
	};
	if (!request.body) return { ok: true, form, discard };
	let size = 0;
	const counter = new Transform({
		transform(chunk: Buffer, _encoding, done) {
			size += chunk.length;
			done(size > maxBytes ? new BodyTooLarge() : null, chunk);
		}
	});
	try {
		const parser = Busboy({
			headers: { 'content-type': type },
			limits: { fieldNameSize: 200, fieldSize: 1024 * 1024, fields: 2000, files: 100, parts: 2100 }
		});
		parser.on('field', (name, value) => form.append(name, value));
		parser.on('file', (name, stream, fileName, _encoding, mediaType) => {
			// A file input left empty still sends a part, with no name and no bytes.
			if (!fileName) {
				stream.resume();
				return;
			}
			const path = join(spoolDir, randomUUID());
			const written = mkdir(spoolDir, { recursive: true, mode: 0o700 }).then(() => pipeline(stream, createWriteStream(path, { mode: 0o600 })));
			written.catch(() => undefined);
			spooled.push({ name, path, fileName, mediaType, stream, written });
		});
		await pipeline(Readable.fromWeb(request.body as import('node:stream/web').ReadableStream), counter, parser);
		await Promise.all(spooled.map((file) => file.written));
		for (const file of spooled) form.append(file.name, await openAsBlob(file.path, { type: file.mediaType }), file.fileName);
		return { ok: true, form, discard };
	} catch (error) {
		await discard();
		const status = (error as { status?: unknown } | null)?.status;
		return { ok: false, reason: error instanceof BodyTooLarge || status === 413 ? 'too_large' : 'unreadable' };
	}
}
