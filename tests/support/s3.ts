import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { CreateBucketCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { S3Config } from '../../src/lib/server/platform/config.ts';
import { DiskStorage } from '../../src/lib/server/platform/storage/disk-storage.ts';
import type { ObjectStorage } from '../../src/lib/server/platform/storage/object-storage.ts';
import { S3Storage } from '../../src/lib/server/platform/storage/s3-storage.ts';

/*
 * An S3-protocol server for tests: s3rver on loopback (scripts/s3-test-server.ts,
 * its own process, as .ci/run starts it), keeping its objects in a temporary
 * folder. Its only account has the key id and secret "S3RVER", and it checks
 * every request's signature as S3 does.
 */

export interface RunningS3 {
	config: S3Config;
	/** Where s3rver keeps the bucket's objects (to check that files left the data folder). */
	directory: string;
	stop(): Promise<void>;
}

const script = join(import.meta.dirname, '..', '..', 'scripts', 's3-test-server.ts');

export async function startS3rver(options: { bucket?: string } = {}): Promise<RunningS3> {
	const child = spawn(process.execPath, ['--openssl-legacy-provider', script, '--port', '0', '--bucket', options.bucket ?? 'arts-test'], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`s3rver exited (${code})`))));
	const firstLine = new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
	const started = JSON.parse(await Promise.race([firstLine, exited])) as {
		endpoint: string;
		bucket: string;
		directory: string;
		accessKeyId: string;
		secretAccessKey: string;
	};
	exited.catch(() => undefined);
	return {
		config: {
			endpoint: started.endpoint,
			bucket: started.bucket,
			region: 'us-east-1',
			accessKeyId: started.accessKeyId,
			secretAccessKey: started.secretAccessKey,
			forcePathStyle: true
		},
		directory: started.directory,
		async stop() {
			if (child.exitCode !== null) return;
			const gone = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await gone;
		}
	};
}

/**
 * The bucket named by TEST_S3_* (an operator's own provider, or the s3rver of
 * `.ci/run`), or undefined when TEST_S3_ENDPOINT is unset.
 */
export function testS3Config(env: Record<string, string | undefined> = process.env): S3Config | undefined {
	if (!env.TEST_S3_ENDPOINT) return undefined;
	const required = (name: string) => {
		const value = env[name];
		if (!value) throw new Error(`${name} must be set with TEST_S3_ENDPOINT`);
		return value;
	};
	return {
		endpoint: env.TEST_S3_ENDPOINT,
		bucket: required('TEST_S3_BUCKET'),
		region: env.TEST_S3_REGION || 'us-east-1',
		accessKeyId: required('TEST_S3_ACCESS_KEY_ID'),
		secretAccessKey: required('TEST_S3_SECRET_ACCESS_KEY'),
		forcePathStyle: (env.TEST_S3_FORCE_PATH_STYLE ?? 'on') === 'on'
	};
}

/** The app's environment for a bucket. */
export function s3Environment(config: S3Config): Record<string, string> {
	return {
		S3_ENDPOINT: config.endpoint,
		S3_BUCKET: config.bucket,
		S3_REGION: config.region,
		S3_ACCESS_KEY_ID: config.accessKeyId,
		S3_SECRET_ACCESS_KEY: config.secretAccessKey,
		S3_FORCE_PATH_STYLE: config.forcePathStyle ? 'on' : 'off'
	};
}

/**
 * A bucket of its own for an app started on this data folder, on the S3 server
 * TEST_S3_* names (undefined without one): test files number their photos from
 * 1 in fresh databases, so a shared bucket would mix their files. The same data
 * folder (a restart) gets the same bucket. The server must let tests create
 * buckets (s3rver, MinIO).
 */
export async function testBucketFor(dataDir: string): Promise<S3Config | undefined> {
	const given = testS3Config();
	if (!given) return undefined;
	const config = { ...given, bucket: `arts-${createHash('sha256').update(dataDir).digest('hex').slice(0, 24)}` };
	const storage = new S3Storage(config);
	try {
		await storage.client.send(new CreateBucketCommand({ Bucket: config.bucket }));
	} catch (error) {
		const exists = error instanceof S3ServiceException && /BucketAlready(OwnedByYou|Exists)/.test(error.name);
		if (!exists) throw error;
	} finally {
		storage.close();
	}
	return config;
}

/** Where a started app keeps its files: its bucket (TEST_S3_ENDPOINT) or its data folder. */
export function storageOf(server: { dataDir: string; s3: S3Config | undefined }): ObjectStorage {
	return server.s3 ? new S3Storage(server.s3) : new DiskStorage(server.dataDir);
}

/** The keys a started app keeps under a prefix, sorted, transient ones included. */
export async function storedKeys(server: { dataDir: string; s3: S3Config | undefined }, prefix: string): Promise<string[]> {
	const storage = storageOf(server);
	try {
		const keys: string[] = [];
		for await (const object of storage.list(prefix)) keys.push(object.key);
		return keys.sort();
	} finally {
		if (storage instanceof S3Storage) storage.close();
	}
}
