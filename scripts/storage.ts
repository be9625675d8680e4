/**
 * Moving an installation's shared files between the data folder and a bucket:
 *
 *   npm run storage -- migrate --to s3     copies DATA_DIR's media and applicants' files into the bucket
 *   npm run storage -- migrate --to disk   copies them from the bucket back into DATA_DIR
 *
 * Run it with the environment `npm start` has, S3_* included (whichever way the
 * files go, both places are named by it). Every object under the stored areas
 * (media/, applications/) is copied unless the target already holds the same
 * bytes, then read back and compared by size and SHA-256; work in progress
 * (keys with a segment starting with ".") stays behind. Nothing is ever deleted
 * from the source: run it again after an interruption, it carries on. The site
 * may keep running while it copies; stop it (or stop uploads) for the last run,
 * then switch the S3_* settings and restart.
 */
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import { configOrExit } from './command-config.ts';
import { DiskStorage } from '../src/lib/server/platform/storage/disk-storage.ts';
import { isTransientKey, storedAreas, type ObjectStorage } from '../src/lib/server/platform/storage/object-storage.ts';
import { S3Storage } from '../src/lib/server/platform/storage/s3-storage.ts';

const usage = `Usage:
  npm run storage -- migrate --to s3      copy DATA_DIR's files into the bucket S3_* names
  npm run storage -- migrate --to disk    copy the bucket's files into DATA_DIR`;

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: { to: { type: 'string' }, help: { type: 'boolean' } }
});

if (values.help || positionals[0] !== 'migrate' || (values.to !== 's3' && values.to !== 'disk')) {
	console.log(usage);
	process.exit(values.help ? 0 : 2);
}

const config = configOrExit(2);
if (!config.s3) {
	console.error('Set S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY to the bucket to copy to or from.');
	process.exit(2);
}

const disk = new DiskStorage(config.dataDir);
const bucket = new S3Storage(config.s3);
const [from, to] = values.to === 's3' ? [disk, bucket] : [bucket, disk];
console.log(`Copying from ${from.kind} (${from.location}) to ${to.kind} (${to.location})`);

const totals = { copied: 0, copiedBytes: 0, same: 0, failed: 0 };
try {
	await to.ping();
	for (const area of Object.values(storedAreas)) {
		const keys: string[] = [];
		for await (const object of from.list(area)) if (!isTransientKey(object.key)) keys.push(object.key);
		keys.sort();
		// A few at a time: one slow object does not hold up the rest, and memory stays a few streams' worth.
		for (let i = 0; i < keys.length; i += 4) {
			await Promise.all(keys.slice(i, i + 4).map((key) => copyOne(from, to, key)));
		}
	}
} finally {
	bucket.close();
}

const megabytes = (totals.copiedBytes / 1_048_576).toFixed(1);
console.log(`Copied ${totals.copied} files (${megabytes} MB); ${totals.same} were already there; ${totals.failed} failed.`);
if (totals.failed > 0) {
	console.log('Nothing was deleted. Run the same command again to retry the ones that failed.');
	process.exit(1);
}
console.log(
	values.to === 's3'
		? 'Next: stop the site, run this once more to catch the last uploads, keep S3_* set in its environment and start it. The files in DATA_DIR stay as they were until you remove them.'
		: 'Next: stop the site, run this once more to catch the last uploads, remove S3_* from its environment and start it. The bucket stays as it was until you empty it.'
);

async function copyOne(source: ObjectStorage, target: ObjectStorage, key: string): Promise<void> {
	try {
		const there = await target.head(key);
		if (there) {
			const sourceHead = await source.head(key);
			if (sourceHead && sourceHead.size === there.size && (await digest(source, key)) === (await digest(target, key))) {
				totals.same++;
				return;
			}
		}
		const got = await source.get(key);
		if (!got) return; // deleted meanwhile (a photo or an application removed while copying)
		const hash = createHash('sha256');
		const body = new PassThrough();
		got.body.on('data', (chunk: Buffer) => hash.update(chunk));
		got.body.on('error', (error) => body.destroy(error));
		got.body.pipe(body);
		await target.put(key, body, { contentType: contentTypeOf(key) });
		const sent = hash.digest('hex');
		const copied = await target.head(key);
		if (copied?.size !== got.size || (await digest(target, key)) !== sent) throw new Error('the copy differs from the original');
		totals.copied++;
		totals.copiedBytes += got.size;
	} catch (error) {
		totals.failed++;
		console.error(`${key}: ${error instanceof Error ? error.message : String(error)}`);
	}
}

async function digest(storage: ObjectStorage, key: string): Promise<string | undefined> {
	const got = await storage.get(key);
	if (!got) return undefined;
	const hash = createHash('sha256');
	for await (const chunk of got.body) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

function contentTypeOf(key: string): string | undefined {
	const extension = key.slice(key.lastIndexOf('.') + 1);
	return (
		{ jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', json: 'application/json', pdf: 'application/pdf' } as Record<
			string,
			string
		>
	)[extension];
}
