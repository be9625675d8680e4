import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverEntry, serverNodeFlags } from '../../scripts/build-if-needed.ts';
import type { S3Config } from '../../src/lib/server/platform/config.ts';
import { s3Environment, testBucketFor } from './s3.ts';

const root = join(import.meta.dirname, '..', '..');

export interface RunningServer {
	origin: string;
	port: number;
	dataDir: string;
	process: ChildProcess;
	/** The bucket the app keeps its files in, when TEST_S3_ENDPOINT is set (otherwise they are under dataDir). */
	s3: S3Config | undefined;
	/** Everything the server wrote to standard output and error so far. */
	output(): string;
	stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/**
 * Starts the built app (scripts/serve.ts, as `npm start` does) on a free port with
 * its own empty DATA_DIR, and waits until /readyz says it can serve.
 */
export async function startServer(env: Record<string, string> = {}, options: { keepDataDir?: string; port?: number } = {}): Promise<RunningServer> {
	const port = options.port ?? (await freePort());
	const dataDir = options.keepDataDir ?? mkdtempSync(join(tmpdir(), 'arts-server-'));
	const origin = `http://localhost:${port}`;
	// With TEST_S3_ENDPOINT (.ci/run's S3 step), each data folder gets a bucket of its own, kept across restarts.
	const s3 = env.S3_ENDPOINT === undefined ? await testBucketFor(dataDir) : undefined;
	let output = '';
	// As `npm start` runs it (scripts/build-if-needed.ts says why these flags).
	const child = spawn(process.execPath, [...serverNodeFlags, serverEntry], {
		cwd: root,
		env: {
			PATH: process.env.PATH ?? '',
			HOME: process.env.HOME ?? '',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATA_DIR: dataDir,
			SHUTDOWN_TIMEOUT: '5',
			// As scripts/start.ts sets it: photo uploads up to 20 MB.
			BODY_SIZE_LIMIT: '25M',
			// As `npm start` sets them: memory that big uploads needed goes back to the system (README, design notes).
			MALLOC_ARENA_MAX: '2',
			MALLOC_TRIM_THRESHOLD_: '131072',
			// Making the demo's forty photos takes minutes of both cores: a test that needs them says so.
			DEMO_PHOTOS: 'off',
			...(s3 ? s3Environment(s3) : {}),
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));

	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const deadline = Date.now() + 20_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
		try {
			const response = await fetch(`${origin}/readyz`);
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`The server did not become ready in time:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}

	return {
		origin,
		port,
		dataDir,
		s3,
		process: child,
		output: () => output,
		async stop(signal = 'SIGTERM') {
			if (child.exitCode === null) child.kill(signal);
			const code = await exited;
			if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
			return code;
		}
	};
}
