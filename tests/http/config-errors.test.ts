/**
 * A start with a bad environment stops at once, with a message a person can
 * act on: it names the variable and the expected form, shows no stack trace
 * and never echoes a password.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackFrame } from '../support/http';
import { freePort } from '../support/server';
import { serverNodeFlags } from '../../scripts/build-if-needed.ts';

const root = join(import.meta.dirname, '..', '..');
const serverEntry = join(root, 'scripts', 'serve.ts');
const startScript = join(root, 'scripts', 'start.ts');

let scratch: string;
beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), 'arts-config-'));
});
afterAll(() => {
	rmSync(scratch, { recursive: true, force: true });
});

interface Run {
	code: number | null;
	output: string;
}

/** Runs an entry point with Node 24 (the one running the tests) and a clean environment. */
async function run(entry: string, env: Record<string, string>): Promise<Run> {
	const dataDir = mkdtempSync(join(scratch, 'data-'));
	const child = spawn(process.execPath, [entry], {
		cwd: root,
		env: {
			PATH: process.env.PATH ?? '',
			HOME: process.env.HOME ?? '',
			HOST: '127.0.0.1',
			PORT: String(await freePort()),
			DATA_DIR: dataDir,
			SHUTDOWN_TIMEOUT: '1',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	// A start that does not stop by itself has failed this test; stop it rather than hang.
	const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
	const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
	clearTimeout(timer);
	return { code, output };
}

function expectCleanFailure(result: Run) {
	expect(result.code, result.output).not.toBe(0);
	expect(result.code, `${result.output}\n(killed: it did not stop by itself)`).not.toBeNull();
	expect(result.output, 'no stack trace').not.toMatch(stackFrame);
	expect(result.output).not.toMatch(/Listening on/);
}

describe('an invalid environment value', () => {
	it.each([
		['the built server', serverEntry],
		['npm start (scripts/start.ts)', startScript]
	])('PORT=abc stops %s with a message naming PORT and its form', async (_name, entry) => {
		const result = await run(entry, { PORT: 'abc' });
		expectCleanFailure(result);
		expect(result.output).toMatch(/\bPORT\b/);
		expect(result.output).toMatch(/number/i);
	});

	it('ORIGIN=ftp://example.org stops npm start with a message naming ORIGIN', async () => {
		const result = await run(startScript, { ORIGIN: 'ftp://example.org' });
		expectCleanFailure(result);
		expect(result.output).toMatch(/\bORIGIN\b/);
		expect(result.output).toMatch(/https?/);
	});

	it('a DATABASE_URL that is not a PostgreSQL URL is named, and its value is not shown', async () => {
		const result = await run(serverEntry, { DATABASE_URL: 'mysql://arts:Sekr1t-Value@db.example.org/arts' });
		expectCleanFailure(result);
		expect(result.output).toMatch(/\bDATABASE_URL\b/);
		expect(result.output).not.toContain('Sekr1t-Value');
	});

	it('a DATA_DIR that is a file, not a folder, is named without a stack trace', async () => {
		const file = join(scratch, 'not-a-folder');
		writeFileSync(file, 'x');
		const result = await run(serverEntry, { DATA_DIR: file });
		expectCleanFailure(result);
		expect(result.output).toMatch(/\bDATA_DIR\b/);
	});
});

describe('a database that cannot be opened', () => {
	it('a PostgreSQL server that does not answer stops the start with a clear message and no password', async () => {
		const result = await run(serverEntry, { DATABASE_URL: 'postgres://arts:Pa55-word-Xyz@127.0.0.1:1/arts' });
		expectCleanFailure(result);
		expect(result.output).toMatch(/Cannot open the database/);
		expect(result.output).toContain('127.0.0.1:1');
		expect(result.output).not.toContain('Pa55-word-Xyz');
	});

	it('a SQLite file that cannot be opened stops the start with a clear message', async () => {
		const dataDir = mkdtempSync(join(scratch, 'blocked-'));
		mkdirSync(join(dataDir, 'site.sqlite'));
		const result = await run(serverEntry, { DATA_DIR: dataDir });
		expectCleanFailure(result);
		expect(result.output).toMatch(/Cannot open the database/);
		expect(result.output).toContain(join(dataDir, 'site.sqlite'));
	});
});

describe('how npm start runs Node', () => {
	it('with the same flags as the tests and the bench (memory bounds, giving memory back)', () => {
		const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
		expect(start).toContain(`node ${serverNodeFlags.join(' ')} scripts/start.ts`);
	});
});
