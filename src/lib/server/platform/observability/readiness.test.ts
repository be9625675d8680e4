import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { createReadinessCheck } from './readiness';

describe('readiness', () => {
	let handle: Awaited<ReturnType<typeof createTestDatabase>>;
	beforeEach(async () => {
		handle = await createTestDatabase();
	});
	afterEach(() => handle.dispose());

	const storageUp = { ping: async () => {} };

	it('is ready with the database and storage answering and the schema current', async () => {
		const check = createReadinessCheck({ db: handle.db, storage: storageUp });
		expect(await check()).toEqual({ ready: true, reasons: [], checks: { database: 'ok', storage: 'ok', migrations: 'current' } });
	});

	it('is not ready while the storage fails or does not answer in time', async () => {
		const failing = createReadinessCheck({ db: handle.db, storage: { ping: () => Promise.reject(new Error('403 Forbidden')) } });
		expect(await failing()).toMatchObject({ ready: false, reasons: ['the storage does not answer'], checks: { storage: 'unreachable' } });
		const hanging = createReadinessCheck({ db: handle.db, storage: { ping: () => new Promise(() => {}) }, timeoutMs: 50 });
		expect(await hanging()).toMatchObject({ ready: false, checks: { database: 'ok', storage: 'unreachable' } });
	});

	it('asks a storage that answered again only after a while, and one that failed every time', async () => {
		let clock = 0;
		let pings = 0;
		let up = true;
		const storage = {
			ping: async () => {
				pings++;
				if (!up) throw new Error('down');
			}
		};
		const check = createReadinessCheck({ db: handle.db, storage, storageEveryMs: 10_000, now: () => clock });
		expect((await check()).ready).toBe(true);
		expect((await check()).ready).toBe(true);
		expect(pings).toBe(1);
		up = false;
		clock += 10_001;
		expect((await check()).checks.storage).toBe('unreachable');
		expect((await check()).checks.storage).toBe('unreachable');
		expect(pings).toBe(3);
		up = true;
		expect((await check()).ready).toBe(true);
	});

	it('sees a migration a newer app ran, once its cached look at the migrations is older than allowed', async () => {
		let clock = 1_000_000;
		const check = createReadinessCheck({ db: handle.db, storage: storageUp, migrationsEveryMs: 30_000, now: () => clock });
		expect((await check()).ready).toBe(true);
		await sql`insert into kysely_migration (name, timestamp) values ('2999-01-01-01-newer', ${new Date().toISOString()})`.execute(handle.db);
		clock += 29_000;
		expect((await check()).ready, 'within the cache time the last look holds').toBe(true);
		clock += 2_000;
		const late = await check();
		expect(late).toMatchObject({ ready: false, checks: { migrations: 'newer' } });
		expect(late.reasons.join(' ')).toContain('2999-01-01-01-newer');
	});

	it('is not ready on a database with migrations still to run', async () => {
		await sql`delete from kysely_migration where name = (select max(name) from kysely_migration)`.execute(handle.db);
		const check = createReadinessCheck({ db: handle.db, storage: storageUp });
		expect(await check()).toMatchObject({ ready: false, checks: { migrations: 'pending' } });
	});
});
