/**
 * `npm start` as a person (or a process manager) runs it and stops it: a SIGTERM
 * sent to the npm process stops the server behind it (npm runs it through a
 * shell, which does not pass the signal on), frees the port and ends every
 * process it started. The build is current here (the suite's global set-up built
 * it), so `npm start` goes straight to serving.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { freePort } from '../support/server';
import { waitFor } from '../support/waiting';

const root = join(import.meta.dirname, '..', '..');

async function accepts(port: number): Promise<boolean> {
	const socket = connect(port, '127.0.0.1');
	try {
		await once(socket, 'connect');
		return true;
	} catch {
		return false;
	} finally {
		socket.destroy();
	}
}

it('SIGTERM to the npm start process stops the server and frees its port', { timeout: 60_000 }, async () => {
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'arts-npm-start-'));
	const npm = spawn('npm', ['start'], {
		cwd: root,
		env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_PHOTOS: 'off', SHUTDOWN_TIMEOUT: '5' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	npm.stdout.on('data', (chunk) => (output += chunk));
	npm.stderr.on('data', (chunk) => (output += chunk));
	const npmExited = once(npm, 'exit');
	try {
		await waitFor(async () => {
			if (npm.exitCode !== null) throw new Error(`npm start ended early:\n${output}`);
			return (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.ok === true;
		}, 30_000);

		npm.kill('SIGTERM');
		await npmExited;
		// The server behind it finishes what is in flight, closes the database and lets the port go.
		await waitFor(async () => !(await accepts(port)), 15_000).catch(() => {
			throw new Error(`the port is still held after SIGTERM to npm start:\n${output}`);
		});
		await waitFor(() => /"msg":"database closed"/.test(output), 5000);
		expect(await accepts(port)).toBe(false);
	} finally {
		if (npm.exitCode === null) npm.kill('SIGKILL');
		rmSync(dataDir, { recursive: true, force: true });
	}
});
