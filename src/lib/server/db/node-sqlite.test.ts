import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openNodeSqlite } from './node-sqlite';

describe('an SQLite database as the app opens it', () => {
	const dir = mkdtempSync(join(tmpdir(), 'arts-sqlite-'));
	const database = openNodeSqlite(join(dir, 'site.sqlite'));
	afterAll(() => {
		database.close();
		rmSync(dir, { recursive: true, force: true });
	});
	const pragma = (name: string) => Object.values(database.raw.prepare(`PRAGMA ${name}`).get() ?? {})[0];

	it('writes ahead (readers go on while one writer commits)', () => {
		expect(pragma('journal_mode')).toBe('wal');
	});

	it('syncs every commit to disk before it is acknowledged, so a power loss keeps what people were told was saved', () => {
		// 2 is FULL; NORMAL (1) in WAL mode may lose the last commits when the machine loses power.
		expect(pragma('synchronous')).toBe(2);
	});

	it('checks foreign keys and waits for a busy writer', () => {
		expect(pragma('foreign_keys')).toBe(1);
		expect(pragma('busy_timeout')).toBe(5000);
	});
});
