import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { S3Config } from '../../src/lib/server/platform/config.ts';

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
