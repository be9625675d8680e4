import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from './connect';
import { migrateToLatest } from './migrate';

/**
 * A fresh, migrated database for one test file: a new SQLite file by default, or
 * a new PostgreSQL database when TEST_DATABASE_URL points at a server (the CI runs
 * the suite both ways). `dispose` removes it again.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<
	DatabaseHandle & { dispose(): Promise<void>; url: string | undefined }
> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (!serverUrl) {
		const dir = mkdtempSync(join(tmpdir(), 'arts-db-'));
		const handle = await openDatabase({ sqlitePath: join(dir, 'test.sqlite') });
		if (options.migrate !== false) await migrateToLatest(handle.db);
		return {
			...handle,
			url: undefined,
			async dispose() {
				await handle.close();
				rmSync(dir, { recursive: true, force: true });
			}
		};
	}

	const name = `test_${randomBytes(6).toString('hex')}`;
	await adminQuery(serverUrl, `create database ${name}`);
	const url = withDatabase(serverUrl, name);
	const handle = await openDatabase({ databaseUrl: url, sqlitePath: '' });
	if (options.migrate !== false) await migrateToLatest(handle.db);
	return {
		...handle,
		url,
		async dispose() {
			await handle.close();
			await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
		}
	};
}

export function withDatabase(serverUrl: string, name: string): string {
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

export async function adminQuery(serverUrl: string, text: string): Promise<void> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}
