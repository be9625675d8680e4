import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

const key = 'site_version';

/**
 * A token that changes whenever anything shown on public pages changes. Cached
 * public responses are valid only for the version they were made under.
 */
export async function readSiteVersion(db: Kysely<Database>): Promise<string> {
	const row = await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
	return row?.value ?? 'initial';
}

/** Call in the same transaction as any change to public content. */
export async function bumpSiteVersion(db: Kysely<Database>): Promise<string> {
	const value = randomUUID();
	await db
		.insertInto('app_meta')
		.values({ key, value })
		.onConflict((oc) => oc.column('key').doUpdateSet({ value }))
		.execute();
	return value;
}

/**
 * Reads the version at most once per `ttlMs`, so serving a cached page costs no
 * query; a change made by another app process is seen within that time. A bump
 * made by this process is seen at once.
 */
export function createSiteVersionReader(db: Kysely<Database>, ttlMs = 1000) {
	let value: string | undefined;
	let readAt = 0;
	let pending: Promise<string> | undefined;
	return {
		async current(): Promise<string> {
			if (value !== undefined && performance.now() - readAt < ttlMs) return value;
			pending ??= readSiteVersion(db).then(
				(v) => {
					value = v;
					readAt = performance.now();
					pending = undefined;
					return v;
				},
				(error) => {
					pending = undefined;
					throw error;
				}
			);
			return pending;
		},
		/** The version when the last reading is still fresh, without waiting; else undefined (and a reading starts). */
		fresh(): string | undefined {
			if (value !== undefined && performance.now() - readAt < ttlMs) return value;
			this.current().catch(() => undefined);
			return undefined;
		},
		/** Forget the cached value, e.g. right after this process changed content. */
		invalidate() {
			value = undefined;
		}
	};
}
