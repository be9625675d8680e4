import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ping } from './connect';
import { migrateToLatest, migrationState, SchemaNewerThanAppError } from './migrate';
import { migrations } from './migrations/index';
import { createTestDatabase } from './test-database';

describe('migrations', () => {
	let handle: Awaited<ReturnType<typeof createTestDatabase>>;
	beforeAll(async () => {
		handle = await createTestDatabase({ migrate: false });
	});
	afterAll(() => handle.dispose());

	it('bring an empty database to the latest schema, then have nothing left to do', async () => {
		const applied = await migrateToLatest(handle.db);
		expect(applied).toEqual(Object.keys(migrations).sort());
		expect(await migrateToLatest(handle.db)).toEqual([]);

		const tables = (await handle.db.introspection.getTables()).map((t) => t.name);
		for (const table of ['app_meta', 'organization', 'page', 'pillar', 'activity', 'core_value', 'testimonial']) {
			expect(tables).toContain(table);
		}
	});

	it('number rows by themselves and allow only one organization row', async () => {
		const now = new Date().toISOString();
		const first = await handle.db
			.insertInto('pillar')
			.values({ position: 0, title: '{"en":"a"}', body: '{"en":""}', updated_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		const second = await handle.db
			.insertInto('pillar')
			.values({ position: 1, title: '{"en":"b"}', body: '{"en":""}', updated_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		expect(second.id).toBeGreaterThan(first.id);

		const org = {
			name: 'x',
			tagline: '{}',
			intro: '{}',
			email: 'a@example.org',
			location: '{}',
			founded_year: 2013,
			figures_year: 2025,
			updated_at: now
		};
		await expect(handle.db.insertInto('organization').values({ id: 2, ...org }).execute()).rejects.toThrow();
		await handle.db.insertInto('organization').values({ id: 1, ...org }).execute();
		const big = 2_200_000_000;
		await handle.db.updateTable('organization').set({ figure_participants: big }).execute();
		const row = await handle.db.selectFrom('organization').select('figure_participants').executeTakeFirstOrThrow();
		expect(Number(row.figure_participants)).toBe(big);
	});

	it('answer a health ping while open and not after closing', async () => {
		expect(await ping(handle.db)).toBe(true);
		expect((await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows[0]?.one).toBe(1);
	});
});

describe('a database migrated by a newer app', () => {
	let handle: Awaited<ReturnType<typeof createTestDatabase>>;
	beforeAll(async () => {
		handle = await createTestDatabase();
	});
	afterAll(() => handle.dispose());

	it('is refused with a message naming the migration and saying to upgrade, before anything is written', async () => {
		await sql`insert into kysely_migration (name, timestamp) values ('2999-01-01-01-newer', ${new Date().toISOString()})`.execute(handle.db);
		expect(await migrationState(handle.db)).toEqual({ pending: [], unknown: ['2999-01-01-01-newer'] });
		const refusal = await migrateToLatest(handle.db).catch((error: unknown) => error);
		expect(refusal).toBeInstanceOf(SchemaNewerThanAppError);
		expect((refusal as Error).message).toContain('2999-01-01-01-newer');
		expect((refusal as Error).message).toMatch(/Upgrade this app/);
		expect((refusal as Error).message).not.toMatch(/corrupted/);
	});

	it('an empty database has every migration pending and none unknown', async () => {
		const empty = await createTestDatabase({ migrate: false });
		try {
			const state = await migrationState(empty.db);
			expect(state.unknown).toEqual([]);
			expect(state.pending).toEqual(Object.keys(migrations).sort());
		} finally {
			await empty.dispose();
		}
	});
});
