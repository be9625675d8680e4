import type { Kysely } from 'kysely';
import { ping } from '$lib/server/db/connect';
import { migrationState, type MigrationState } from '$lib/server/db/migrate';
import type { Database } from '$lib/server/db/schema';
import type { ObjectStorage } from '../storage/object-storage';

/**
 * Whether this process can serve (/readyz): its database answers, its storage
 * answers, and the schema is the one its code was written for. A load balancer
 * asks often, so each check has a deadline; the migrations, which change only
 * when an app is upgraded, are compared at most every `migrationsEveryMs`, and
 * a storage that answered is asked again after `storageEveryMs`.
 */
export interface Readiness {
	ready: boolean;
	/** What is wrong, for the operator reading the answer; absent when ready. */
	reasons: string[];
	checks: { database: 'ok' | 'unreachable'; storage: 'ok' | 'unreachable'; migrations: 'current' | 'pending' | 'newer' | 'unknown' };
}

export interface ReadinessOptions {
	db: Kysely<Database>;
	storage: Pick<ObjectStorage, 'ping'>;
	/** How long a check may take before it counts as failed. */
	timeoutMs?: number;
	migrationsEveryMs?: number;
	/** How long a storage that answered counts as answering without being asked again. */
	storageEveryMs?: number;
	now?: () => number;
}

export function createReadinessCheck(options: ReadinessOptions): () => Promise<Readiness> {
	const { db, storage, timeoutMs = 2000, migrationsEveryMs = 30_000, storageEveryMs = 10_000, now = Date.now } = options;
	let migrations: { state: MigrationState; at: number } | undefined;
	// A storage ping writes an object (a request, and a cost, on S3): a success holds for a few seconds.
	let storageAnsweredAt: number | undefined;

	async function storageAnswers(): Promise<boolean> {
		if (storageAnsweredAt !== undefined && now() - storageAnsweredAt < storageEveryMs) return true;
		try {
			await withDeadline(storage.ping(), timeoutMs);
			storageAnsweredAt = now();
			return true;
		} catch {
			storageAnsweredAt = undefined;
			return false;
		}
	}

	async function currentMigrations(): Promise<MigrationState> {
		if (migrations && now() - migrations.at < migrationsEveryMs) return migrations.state;
		const state = await withDeadline(migrationState(db), timeoutMs);
		// Only a current schema is kept: a pending or newer one is looked at again on the next ask.
		migrations = state.pending.length === 0 && state.unknown.length === 0 ? { state, at: now() } : undefined;
		return state;
	}

	return async () => {
		const [database, stored] = await Promise.all([
			withDeadline(ping(db), timeoutMs).catch(() => false),
			storageAnswers()
		]);
		const reasons: string[] = [];
		if (!database) reasons.push('the database does not answer');
		if (!stored) reasons.push('the storage does not answer');
		let schema: Readiness['checks']['migrations'] = 'unknown';
		if (database) {
			const state = await currentMigrations().catch(() => undefined);
			if (!state) reasons.push('the migrations could not be read');
			else if (state.unknown.length > 0) {
				schema = 'newer';
				reasons.push(`the database has migrations this app does not know (${state.unknown.join(', ')}): a newer app upgraded it`);
			} else if (state.pending.length > 0) {
				schema = 'pending';
				reasons.push(`migrations not yet run: ${state.pending.join(', ')}`);
			} else schema = 'current';
		}
		return {
			ready: reasons.length === 0,
			reasons,
			checks: { database: database ? 'ok' : 'unreachable', storage: stored ? 'ok' : 'unreachable', migrations: schema }
		};
	};
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
	});
	return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
