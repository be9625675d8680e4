/**
 * An S3-protocol server on loopback for tests (s3rver), as its own process:
 *
 *   node --openssl-legacy-provider scripts/s3-test-server.ts [--port 4568] [--bucket arts-test] [--directory DIR]
 *
 * Prints one line of JSON when it listens ({ endpoint, bucket, directory,
 * accessKeyId, secretAccessKey }) and runs until SIGTERM or SIGINT. Its one
 * account's key id and secret are both "S3RVER". The legacy OpenSSL provider is
 * for s3rver's continuation tokens (DES), which list pages past the first thousand keys.
 * The objects are kept in DIR (a new temporary folder by default, removed at the end).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import S3rver from 's3rver';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '4568' },
		bucket: { type: 'string', default: 'arts-test' },
		directory: { type: 'string' }
	}
});

const ownDirectory = values.directory === undefined;
const directory = values.directory ?? mkdtempSync(join(tmpdir(), 'arts-s3rver-'));
const server = new S3rver({
	address: '127.0.0.1',
	port: Number(values.port),
	directory,
	silent: true,
	configureBuckets: [{ name: values.bucket }]
});
const address = await server.run();
console.log(
	JSON.stringify({
		endpoint: `http://127.0.0.1:${address.port}`,
		bucket: values.bucket,
		directory,
		accessKeyId: 'S3RVER',
		secretAccessKey: 'S3RVER'
	})
);

const stop = async () => {
	await server.close().catch(() => undefined);
	if (ownDirectory) rmSync(directory, { recursive: true, force: true });
	process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
