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
 * made by this process is seen at once. Half a second: a publish on one process
 * shows on every other within a second, with room for the request that reads
 * it, at two cheap queries a second per process.
 */
export function createSiteVersionReader(db: Kysely<Database>, ttlMs = 500, maxReadings = 1000) {
	let value: string | undefined;
	let readAt = 0;
	let pending: Promise<string> | undefined;
	const readings = new Map<string, { version: string; value: Promise<unknown> }>();
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
		/**
		 * What `read` gives under the current site version, read once per version and
		 * shared by every request: the public content a page is made of (the site's
		 * frame, a page's texts, the list of calls), which changes only with the
		 * version, as the page cache's pages do. Never for anything that depends on the
		 * person or on the time. The value is shared: callers must not change it.
		 * When the version cannot be read, `read` runs as it is.
		 */
		async cached<T>(key: string, read: () => Promise<T>): Promise<T> {
			const version = await this.current().catch(() => undefined);
			if (version === undefined) return read();
			const held = readings.get(key);
			if (held?.version === version) return held.value as Promise<T>;
			const reading = read();
			if (readings.size >= maxReadings && !held) readings.delete(readings.keys().next().value as string);
			readings.set(key, { version, value: reading });
			// A failed reading is not kept: the next request tries again.
			reading.catch(() => {
				if (readings.get(key)?.value === reading) readings.delete(key);
			});
			return reading;
		},
		/** Forget the cached value, e.g. right after this process changed content. */
		invalidate() {
			value = undefined;
		}
	};
}
