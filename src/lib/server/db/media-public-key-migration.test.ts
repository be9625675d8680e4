import { Migrator, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgres } from './migration-helpers';
import { migrations } from './migrations/index';
import { migrateToLatest } from './migrate';
import { createTestDatabase } from './test-database';

describe('the migration that gives photos a public key', () => {
	let handle: Awaited<ReturnType<typeof createTestDatabase>>;
	beforeAll(async () => {
		handle = await createTestDatabase({ migrate: false });
	});
	afterAll(() => handle.dispose());

	it('gives every photo already there a key of its own, and refuses a second photo with the same key', async () => {
		const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
		const before = await migrator.migrateTo('2026-11-26-15-application-attempts');
		expect(before.error).toBeUndefined();
		const now = '2026-11-30T10:00:00.000Z';
		const row = { mime_type: 'image/jpeg', width: 800, height: 600, bytes: 1000, alt: '{"en":"A wall"}', status: 'ready', created_at: now, updated_at: now };
		// Typed as the schema was before the migration: no key yet.
		const db = handle.db as unknown as Kysely<any>;
		for (const name of ['a.jpg', 'b.jpg', 'c.jpg']) await db.insertInto('media').values({ ...row, original_name: name }).execute();

		expect(await migrateToLatest(handle.db)).toContain('2026-12-02-03-media-public-key');
		const keys = (await handle.db.selectFrom('media').select('public_key').execute()).map((r) => r.public_key);
		expect(keys).toHaveLength(3);
		expect(new Set(keys).size).toBe(3);
		for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);

		await expect(db.insertInto('media').values({ ...row, original_name: 'd.jpg', public_key: keys[0] }).execute()).rejects.toThrow();
		if (isPostgres(handle.db)) {
			await expect(db.insertInto('media').values({ ...row, original_name: 'e.jpg' }).execute()).rejects.toThrow(/null/);
		}
	});
});
