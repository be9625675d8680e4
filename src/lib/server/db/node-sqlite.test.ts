import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openNodeSqlite, whileBusy } from './node-sqlite';

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

describe('a step SQLite refuses as busy', () => {
	const busy = () => Object.assign(new Error('database is locked'), { errcode: 5 });

	it('is tried again until it goes through', () => {
		let tries = 0;
		const result = whileBusy(() => {
			tries += 1;
			if (tries < 3) throw busy();
			return 'done';
		}, 1000);
		expect(result).toBe('done');
		expect(tries).toBe(3);
	});

	it('fails with SQLite\'s error once the wait is over, and at once on any other error', () => {
		const started = Date.now();
		expect(() => whileBusy(() => { throw busy(); }, 100)).toThrow('database is locked');
		expect(Date.now() - started).toBeLessThan(1000);
		let tries = 0;
		expect(() => whileBusy(() => { tries += 1; throw new Error('disk I/O error'); }, 1000)).toThrow('disk I/O error');
		expect(tries).toBe(1);
	});
});
