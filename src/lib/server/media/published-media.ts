import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { findPublicKeys } from './media.queries';

/*
 * Which photos the public may fetch: those that published content shows. Every
 * change to what the public site shows bumps the site version in the same
 * transaction (platform/site-version.ts), so the set is worked out once per
 * version, from the live tables, and every media request after that is answered
 * from memory: no query for a visitor, whatever key they try. Another app
 * process sees a change within the site version's time to live (a second); the
 * process that made it, at once (it calls `siteVersion.invalidate()`).
 */

/**
 * The ids of the photos that one domain's published content shows (drafts do
 * not count). Each domain whose public pages show photos gives one, wired in app.ts.
 */
export type MediaInUse = (db: Kysely<Database>) => Promise<ReadonlyArray<number>>;

export interface PublishedMedia {
	/** The media id behind a public key, when published content shows that photo; else undefined. */
	idOf(publicKey: string): Promise<number | undefined>;
}

export function createPublishedMedia(
	db: Kysely<Database>,
	siteVersion: { current(): Promise<string> },
	inUse: ReadonlyArray<MediaInUse>
): PublishedMedia {
	let known: { version: string; ids: Map<string, number> } | undefined;
	let pending: { version: string; ids: Promise<Map<string, number>> } | undefined;

	const load = async (): Promise<Map<string, number>> => {
		const ids = [...new Set((await Promise.all(inUse.map((source) => source(db)))).flat())];
		const rows = await findPublicKeys(db, ids);
		return new Map(rows.map((row) => [row.publicKey, row.id]));
	};

	const idsFor = async (version: string): Promise<Map<string, number>> => {
		if (known?.version === version) return known.ids;
		// One query for everyone who asks meanwhile. Read after the version, the set
		// is never older than the version it is kept under.
		if (pending?.version === version) return pending.ids;
		const current = { version, ids: load() };
		pending = current;
		current.ids.then(
			(ids) => {
				if (pending === current) {
					known = { version, ids };
					pending = undefined;
				}
			},
			() => {
				if (pending === current) pending = undefined;
			}
		);
		return current.ids;
	};

	return {
		async idOf(publicKey) {
			return (await idsFor(await siteVersion.current())).get(publicKey);
		}
	};
}
