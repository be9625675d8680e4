import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
	DeleteObjectCommand,
	GetObjectCommand,
	HeadObjectCommand,
	ListObjectsV2Command,
	PutObjectCommand,
	S3Client,
	S3ServiceException
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3Config } from '../config';
import { readAll } from './disk-storage';
import { checkObjectKey, checkObjectPrefix, type ObjectBody, type ObjectStorage, type PutOptions, type StoredObject } from './object-storage';

/**
 * Objects in an S3-compatible bucket, under the same keys as on disk (key
 * `media/12/640.webp` is that object in the bucket). Works with AWS S3 and the
 * services that speak its protocol (Cloudflare R2, Backblaze B2, MinIO, s3rver):
 *
 * - checksums only when an operation requires one: newer SDKs add CRC32
 *   checksums and trailers to every upload by default, which many of those
 *   services refuse or ignore;
 * - path-style addressing when asked (S3_FORCE_PATH_STYLE), for services without
 *   a DNS name per bucket;
 * - a put of bytes is one PutObject with its length; a put of a stream of unknown
 *   length goes through a multipart upload in parts of `partSize`, two in flight
 *   at most, so memory stays bounded whatever the size; anything shorter than
 *   one part is sent as one PutObject (what lib-storage's Upload does).
 *
 * Nothing is public: the bucket needs no public access, and files reach visitors
 * only through the app's routes (the same as on disk).
 */
export class S3Storage implements ObjectStorage {
	readonly kind = 's3' as const;
	readonly client: S3Client;
	readonly bucket: string;
	private readonly endpoint: string;

	constructor(config: S3Config) {
		this.bucket = config.bucket;
		this.endpoint = config.endpoint;
		this.client = new S3Client({
			endpoint: config.endpoint,
			region: config.region,
			forcePathStyle: config.forcePathStyle,
			credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
			requestChecksumCalculation: 'WHEN_REQUIRED',
			responseChecksumValidation: 'WHEN_REQUIRED',
			// A few quick retries on network trouble and 5xx; a request never waits forever.
			maxAttempts: 3,
			requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 }
		});
	}

	get location(): string {
		return `${this.endpoint}/${this.bucket}`;
	}

	async put(key: string, body: Uint8Array | Readable, options: PutOptions = {}): Promise<void> {
		checkObjectKey(key);
		if (body instanceof Uint8Array) {
			await this.client.send(
				new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentLength: body.byteLength, ContentType: options.contentType })
			);
			return;
		}
		const upload = new Upload({
			client: this.client,
			params: { Bucket: this.bucket, Key: key, Body: body, ContentType: options.contentType },
			partSize: partSize,
			queueSize: 2,
			// A failed upload leaves no parts behind to be billed for.
			leavePartsOnError: false
		});
		await upload.done();
	}

	async get(key: string): Promise<ObjectBody | undefined> {
		checkObjectKey(key);
		try {
			const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
			const body = answer.Body;
			if (!(body instanceof Readable)) throw new Error(`No stream in the answer for ${key}`);
			return { body, size: answer.ContentLength ?? 0 };
		} catch (error) {
			if (isNotFound(error)) return undefined;
			throw error;
		}
	}

	async read(key: string): Promise<Buffer | undefined> {
		const got = await this.get(key);
		return got ? readAll(got.body) : undefined;
	}

	async head(key: string): Promise<StoredObject | undefined> {
		checkObjectKey(key);
		try {
			const answer = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
			return { key, size: answer.ContentLength ?? 0, modified: answer.LastModified ?? new Date(0) };
		} catch (error) {
			if (isNotFound(error)) return undefined;
			throw error;
		}
	}

	async delete(key: string): Promise<void> {
		checkObjectKey(key);
		// S3 answers a delete of a missing object with success.
		await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
	}

	/**
	 * One DeleteObject per object, a few at a time: the batch call (DeleteObjects)
	 * needs a Content-MD5 or a checksum header that S3-compatible services accept
	 * unevenly, and a prefix here is one photo's or one application's files.
	 */
	async deletePrefix(prefix: string): Promise<void> {
		checkObjectPrefix(prefix);
		if (prefix === '') throw new Error('Refusing to delete the whole storage');
		const batch: string[] = [];
		const flush = async () => {
			await Promise.all(batch.splice(0).map((key) => this.delete(key)));
		};
		for await (const object of this.list(prefix)) {
			batch.push(object.key);
			if (batch.length >= deleteConcurrency) await flush();
		}
		await flush();
	}

	/** Pages of up to a thousand keys, one after the other. */
	async *list(prefix: string): AsyncIterable<StoredObject> {
		checkObjectPrefix(prefix);
		let token: string | undefined;
		do {
			const page = await this.client.send(
				new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix === '' ? undefined : prefix, ContinuationToken: token })
			);
			for (const object of page.Contents ?? []) {
				if (!object.Key) continue;
				yield { key: object.Key, size: object.Size ?? 0, modified: object.LastModified ?? new Date(0) };
			}
			token = page.IsTruncated ? page.NextContinuationToken : undefined;
		} while (token);
	}

	/** Writes, reads and deletes a probe: credentials, bucket and permissions all work. */
	async ping(): Promise<void> {
		const probe = `.ready-${randomUUID()}`;
		await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: probe, Body: new Uint8Array(0), ContentLength: 0 }));
		try {
			await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: probe }));
		} finally {
			await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: probe }));
		}
	}

	/** Lets go of the client's sockets (a script or a test ends). */
	close(): void {
		this.client.destroy();
	}
}

/** The smallest part S3 allows; two in flight at most, so a streamed put holds about 10 MB. */
const partSize = 5 * 1024 * 1024;
const deleteConcurrency = 16;

function isNotFound(error: unknown): boolean {
	if (error instanceof S3ServiceException) {
		return error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404;
	}
	return false;
}
