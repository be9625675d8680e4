/**
 * Several app processes started at once on one fresh database (as systemd
 * starts arts@3001…3003 after an upgrade): each starts and serves, every
 * migration runs exactly once, and the demo content is there once. Then a
 * database upgraded by a newer app: this app refuses to start on it, saying so.
 *
 * On PostgreSQL when TEST_DATABASE_URL is set, else on one SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connect';
import { migrations } from '$lib/server/db/migrations/index';
import { createTestDatabase } from '$lib/server/db/test-database';
import { startServer, type RunningServer } from '../support/server';

const processes = 3;
const dataDir = mkdtempSync(join(tmpdir(), 'arts-together-'));
let postgres: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let env: Record<string, string>;
let servers: RunningServer[] = [];
let database: DatabaseHandle;

beforeAll(async () => {
	if (process.env.TEST_DATABASE_URL) {
		postgres = await createTestDatabase({ migrate: false });
		await postgres.close();
	}
	env = postgres?.url ? { DATABASE_URL: postgres.url } : {};
});
afterAll(async () => {
	await Promise.all(servers.map((server) => server.stop()));
	await database?.close();
	await postgres?.dispose();
	rmSync(dataDir, { recursive: true, force: true });
});

const startedLine = (server: RunningServer) =>
	server
		.output()
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as { msg?: string; migrations?: string[]; seeded?: boolean })
		.find((line) => line.msg === 'app started');

it(`${processes} processes started together on a fresh database each serve, and every migration runs exactly once`, { timeout: 120_000 }, async () => {
	servers = await Promise.all(Array.from({ length: processes }, () => startServer(env, { keepDataDir: dataDir })));
	for (const server of servers) {
		const ready = await fetch(`${server.origin}/readyz`);
		expect(ready.status, server.output()).toBe(200);
		expect((await fetch(`${server.origin}/ne/about`)).status).toBe(200);
	}
	const started = servers.map(startedLine);
	const applied = started.flatMap((line) => line?.migrations ?? []);
	expect(applied.sort()).toEqual(Object.keys(migrations).sort());
	// One process migrated; the others waited for its lock and found nothing left.
	expect(started.filter((line) => (line?.migrations ?? []).length > 0)).toHaveLength(1);
	expect(started.filter((line) => line?.seeded)).toHaveLength(1);

	database = await openDatabase({ databaseUrl: postgres?.url, sqlitePath: join(dataDir, 'site.sqlite') });
	const recorded = await sql<{ name: string }>`select name from kysely_migration`.execute(database.db);
	expect(recorded.rows.map((row) => row.name).sort()).toEqual(Object.keys(migrations).sort());
	expect((await database.db.selectFrom('organization').select('id').execute()).length).toBe(1);
});

it('refuses to start on a database that a newer app has migrated, naming the migration', { timeout: 60_000 }, async () => {
	await Promise.all(servers.map((server) => server.stop()));
	servers = [];
	const newer = '2999-01-01-01-from-a-newer-app';
	await sql`insert into kysely_migration (name, timestamp) values (${newer}, ${new Date().toISOString()})`.execute(database.db);
	const tablesBefore = (await database.db.introspection.getTables()).map((table) => table.name).sort();

	const failure = await startServer(env, { keepDataDir: dataDir }).then(
		(server) => {
			servers.push(server);
			return 'started';
		},
		(error: Error) => error.message
	);
	expect(failure).toMatch(/^The server exited with 1:/);
	expect(failure).toContain(newer);
	expect(failure).toMatch(/Upgrade this app/);
	expect(failure).not.toMatch(/corrupted migrations|^\s+at /m);
	// It wrote nothing: the schema is as the newer app left it.
	expect((await database.db.introspection.getTables()).map((table) => table.name).sort()).toEqual(tablesBefore);
});
