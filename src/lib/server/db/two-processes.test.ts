import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from './connect';

/*
 * Two processes on one SQLite file, as the admin command line beside the
 * running server (and, later, several app processes): a transaction that reads
 * and then writes must wait for the other process's writes, not fail with
 * "database is locked" (connect.ts begins every transaction IMMEDIATE).
 */
const dir = mkdtempSync(join(tmpdir(), 'arts-two-processes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('lets a read-then-write transaction wait for another process writing the same file', { timeout: 60_000 }, async () => {
	const path = join(dir, 'site.sqlite');
	const handle = await openDatabase({ sqlitePath: path });
	await sql`create table tally (id integer primary key, side text not null)`.execute(handle.db);

	// The other process: 300 single writes as fast as it can, with the app's busy timeout.
	const other = spawn(
		process.execPath,
		[
			'-e',
			`const { DatabaseSync } = require('node:sqlite');
			const db = new DatabaseSync(${JSON.stringify(path)});
			db.exec('PRAGMA busy_timeout = 5000');
			const insert = db.prepare("insert into tally (side) values ('other')");
			for (let i = 0; i < 300; i++) insert.run();
			db.close();`
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] }
	);
	let otherErrors = '';
	other.stderr.on('data', (chunk) => (otherErrors += chunk));
	const otherDone = new Promise<number | null>((resolve) => other.once('exit', resolve));

	// This process: transactions that count, wait a moment (the other process writes meanwhile, or waits), then write;
	// with a pause between them, as requests come, so that the other process is not starved of the lock.
	let running = true;
	void otherDone.then(() => (running = false));
	let transactions = 0;
	while (running || transactions < 20) {
		await handle.db.transaction().execute(async (trx) => {
			const { n } = await sql<{ n: number }>`select count(*) as n from tally`.execute(trx).then((r) => r.rows[0]!);
			await new Promise((resolve) => setTimeout(resolve, 2));
			await sql`insert into tally (side) values (${`this after ${n}`})`.execute(trx);
		});
		transactions++;
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	expect(await otherDone).toBe(0);
	expect(otherErrors).toBe('');
	const counts = await sql<{ side: string; n: number }>`select case when side = 'other' then 'other' else 'this' end as side, count(*) as n from tally group by 1 order by 1`.execute(handle.db);
	expect(counts.rows).toEqual([
		{ side: 'other', n: 300 },
		{ side: 'this', n: transactions }
	]);
	await handle.close();
});
