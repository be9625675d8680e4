import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Storage } from '../../src/lib/server/platform/storage/s3-storage';
import { s3Environment, startS3rver, type RunningS3 } from '../support/s3';

/*
 * `npm run storage -- migrate`, run as a process the way an operator runs it:
 * an installation's files go from its data folder into the bucket, byte for
 * byte, and from the bucket into an empty data folder; work in progress stays
 * behind, a second run copies nothing, and the source is never touched.
 */

const root = join(import.meta.dirname, '..', '..');
let s3rver: RunningS3;
let bucket: S3Storage;
let env: Record<string, string>;
const folders: string[] = [];

beforeAll(async () => {
	// Always a bucket of its own: this test fills and reads whole stored areas, which must never be an operator's.
	s3rver = await startS3rver({ bucket: 'arts-migrate' });
	bucket = new S3Storage(s3rver.config);
	env = s3Environment(s3rver.config);
});

afterAll(async () => {
	bucket?.close();
	await s3rver.stop();
	for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function dataFolder(): string {
	const folder = mkdtempSync(join(tmpdir(), 'arts-migrate-'));
	folders.push(folder);
	return folder;
}

function migrate(to: 's3' | 'disk', dataDir: string): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/storage.ts', 'migrate', '--to', to], {
			cwd: root,
			env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, ...env }
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('exit', (code) => resolve({ code, output }));
	});
}

const files: Record<string, Buffer> = {
	'media/1/640.webp': randomBytes(20_000),
	'media/1/iiif/info.json': Buffer.from('{"width":800}'),
	'media/1/iiif/0,0,512,512/512,512/0/default.jpg': randomBytes(30_000),
	'media/2/1920.jpg': randomBytes(6 * 1024 * 1024 + 17),
	'applications/3/4/6f1d0c1e-8a36-4a4e-9a52-1e0d4c8b2f10.pdf': randomBytes(50_000)
};

describe('npm run storage -- migrate', () => {
	it('copies an installation from its data folder into the bucket, and back into an empty one', { timeout: 120_000 }, async () => {
		const source = dataFolder();
		for (const [key, bytes] of Object.entries(files)) {
			mkdirSync(dirname(join(source, key)), { recursive: true });
			writeFileSync(join(source, key), bytes);
		}
		// Work in progress and what is not a stored area stay where they are.
		mkdirSync(join(source, 'media/.incoming'), { recursive: true });
		writeFileSync(join(source, 'media/.incoming/0b4d9f0e-3c1a-4c55-8f0e-2d0b5c9a7e11'), 'upload with GPS');
		writeFileSync(join(source, 'site.sqlite'), 'database');

		const up = await migrate('s3', source);
		expect(up.output).toContain(`Copied ${Object.keys(files).length} files`);
		expect(up.output).toContain('keep S3_* set');
		expect(up.code).toBe(0);
		for (const [key, bytes] of Object.entries(files)) expect((await bucket.read(key))?.equals(bytes), key).toBe(true);
		expect(await bucket.head('media/.incoming/0b4d9f0e-3c1a-4c55-8f0e-2d0b5c9a7e11')).toBeUndefined();
		expect(await bucket.head('site.sqlite')).toBeUndefined();
		// The source is untouched.
		for (const [key, bytes] of Object.entries(files)) expect(readFileSync(join(source, key)).equals(bytes)).toBe(true);

		// Resumable: what is there already is not copied again; a changed file is.
		await bucket.put('media/1/640.webp', Buffer.from('half-copied'));
		const again = await migrate('s3', source);
		expect(again.output).toContain(`Copied 1 files`);
		expect(again.output).toContain(`${Object.keys(files).length - 1} were already there`);
		expect((await bucket.read('media/1/640.webp'))?.equals(files['media/1/640.webp']!)).toBe(true);

		const back = dataFolder();
		const down = await migrate('disk', back);
		expect(down.code).toBe(0);
		expect(down.output).toContain('remove S3_*');
		for (const [key, bytes] of Object.entries(files)) expect(readFileSync(join(back, key)).equals(bytes), key).toBe(true);
		expect(existsSync(join(back, 'media/.incoming'))).toBe(false);
	});

	it('says what is missing without the bucket settings, and copies nothing', async () => {
		const saved = env;
		env = {};
		try {
			const run = await migrate('s3', dataFolder());
			expect(run.code).toBe(2);
			expect(run.output).toContain('S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
		} finally {
			env = saved;
		}
	});
});
