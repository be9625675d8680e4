import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '$lib/i18n/locales';
import { createTestDatabase } from '$lib/server/db/test-database';
import { isCountryCode } from '$lib/server/shared/countries';
import { listDirectory, publicProfile } from '$lib/server/collective/artist-directory';
import { artistCredit } from '$lib/server/collective/artist-visibility';
import { demoContent } from './demo-content';
import { demoArtists } from './demo-content-collective';
import { demoInitiatives } from './demo-content-archive';
import { seedDemoContent } from './demo-seed';

/*
 * The demo collective is seeded into every fresh install: its slugs are what
 * other demo content (works) refers to, its bios are shown in four languages,
 * and its consent is in the ledger as the artists' own word, so the one rule
 * (artist-visibility.ts) decides what shows, on both engines.
 */

const slugs = ['lumen-moth', 'ink-and-ochre', 'kampung-kite', 'dewi-tidepool', 'loom-of-langa', 'tai-hang-tinker', 'paper-wren', 'grey-heron-studio', 'laneway-lark', 'monsoon-bloc', 'colibri-ruido', 'little-kite'];

describe('the demo artists', () => {
	it('are the twelve agreed slugs, with bios in every language and countries that exist', () => {
		expect(demoArtists.map((a) => a.slug)).toEqual(slugs);
		for (const artist of demoArtists) {
			for (const locale of locales) expect(artist.bio[locale]?.trim(), `${artist.slug} in ${locale}`).toBeTruthy();
			expect(isCountryCode(artist.country), artist.slug).toBe(true);
			for (const slug of artist.credited ?? []) expect(demoInitiatives.map((i) => i.slug), artist.slug).toContain(slug);
		}
	});
});

describe('the seeded demo collective', () => {
	let handle: Awaited<ReturnType<typeof createTestDatabase>>;
	beforeAll(async () => {
		handle = await createTestDatabase();
		expect(await seedDemoContent(handle.db, demoContent, '2026-12-04T09:00:00.000Z')).toBe(true);
	});
	afterAll(() => handle.dispose());

	it('lists every artist who agreed, a young artist with a guardian’s consent, and not the one who only allows credits', async () => {
		const listed = (await listDirectory(handle.db, {}, 'en', 1)).artists.map((a) => a.slug);
		expect(listed.sort()).toEqual(slugs.filter((s) => s !== 'grey-heron-studio').sort());
		expect(await publicProfile(handle.db, 'grey-heron-studio', 'en')).toBeUndefined();
		const heron = await handle.db.selectFrom('artist').selectAll().where('slug', '=', 'grey-heron-studio').executeTakeFirstOrThrow();
		expect(artistCredit(heron)).toEqual({ kind: 'name', name: 'Grey Heron Studio' });
		const kite = await publicProfile(handle.db, 'little-kite', 'ne');
		expect(kite?.contact).toBe(false);
		expect(kite?.city).toBe('');
	});

	it('records every consent in the ledger as the artist’s own (the guardian’s for the guardian purpose), by the demo', async () => {
		const ledger = await handle.db.selectFrom('artist_consent_event').innerJoin('artist', 'artist.id', 'artist_consent_event.artist_id').select(['artist.slug', 'purpose', 'granted', 'given_by', 'method']).execute();
		expect(ledger.every((e) => Number(e.granted) === 1 && e.method === 'demo')).toBe(true);
		expect(ledger.filter((e) => e.given_by === 'guardian').map((e) => [e.slug, e.purpose])).toEqual([['little-kite', 'guardian']]);
		expect(ledger.some((e) => e.given_by === 'staff')).toBe(false);
		const columns = await handle.db.selectFrom('artist').select(['slug', 'consent_directory']).execute();
		for (const row of columns) {
			expect(Number(row.consent_directory), row.slug).toBe(ledger.some((e) => e.slug === row.slug && e.purpose === 'directory') ? 1 : 0);
		}
	});

	it('credits artists in the initiatives by their id', async () => {
		const patan = await handle.db.selectFrom('initiative').select('credits').where('slug', '=', 'patan-empower-2018').executeTakeFirstOrThrow();
		const lumen = await handle.db.selectFrom('artist').select('id').where('slug', '=', 'lumen-moth').executeTakeFirstOrThrow();
		expect((JSON.parse(patan.credits) as { artistId?: number }[]).some((c) => c.artistId === lumen.id)).toBe(true);
		expect((await publicProfile(handle.db, 'lumen-moth', 'en'))?.initiatives.map((i) => i.slug)).toEqual(['patan-empower-2018']);
	});
});
