import type { Locale } from '$lib/i18n/locales';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './schema';
import { normalizeSearchQuery, removeSearchDocuments, replaceSearchDocuments, searchDocuments, type SearchHit } from './search';
import { createTestDatabase } from './test-database';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
	handle = await createTestDatabase();
	const db = handle.db;
	await replaceSearchDocuments(db, 'initiative', 'patan-2018', [
		{
			locale: 'en',
			title: 'Patan murals',
			text: 'Twelve artists painted a mural on the old walls of Patan, with neighbours and children.',
			path: '/initiatives/patan-2018'
		},
		{
			locale: 'ne',
			title: 'पाटन भित्तिचित्र',
			text: 'बाह्र कलाकार मिलेर पाटनको पुरानो घर र पर्खालमा चित्र बनाए।',
			path: '/initiatives/patan-2018'
		},
		{
			locale: 'es',
			title: 'Murales de Patan',
			text: 'Doce artistas pintaron un mural en los muros antiguos de Patan.',
			path: '/initiatives/patan-2018'
		}
	]);
	await replaceSearchDocuments(db, 'initiative', 'cine-2022', [
		{ locale: 'en', title: 'Open-air cinema', text: 'A film projection on the square, free for everyone.', path: '/initiatives/cine-2022' },
		{
			locale: 'es',
			title: 'Cine al aire libre',
			text: 'Una proyección de películas en la plaza, gratis para todos.',
			path: '/initiatives/cine-2022'
		}
	]);
	await replaceSearchDocuments(db, 'story', 'jalanan', [
		{ locale: 'en', title: 'Street art in Jakarta', text: 'Young painters on the city walls.', path: '/stories/jalanan' },
		{
			locale: 'id',
			title: 'Kesenian jalanan',
			text: 'Para seniman muda melukis lukisan besar di dinding kota.',
			path: '/stories/jalanan'
		}
	]);
	await replaceSearchDocuments(db, 'call', 'wheat-paste-2026', [
		{
			locale: 'en',
			title: 'Open call: wheat-paste workshop',
			text: 'Apply to join a week of wheat-paste posters in Kathmandu.',
			path: '/calls/wheat-paste-2026'
		}
	]);
	await replaceSearchDocuments(db, 'page', 'residency', [
		{ locale: 'en', title: 'Residency', text: 'Four weeks to work with a community of your choice.', path: '/residency' }
	]);
	await replaceSearchDocuments(db, 'page', 'about', [
		{
			locale: 'en',
			title: 'About us',
			text: 'We run a residency each year; the residency hosts two artists, and residency alumni mentor the next.',
			path: '/about'
		}
	]);
});

afterAll(() => handle.dispose());

async function search(query: string, locale: Locale = 'en', db: Db = handle.db) {
	return searchDocuments(db, { query, locale, limit: 20, offset: 0 });
}

async function keysFound(query: string, locale: Locale = 'en'): Promise<string[]> {
	return (await search(query, locale)).hits.map((hit) => hit.key);
}

function markedWords(hit: SearchHit | undefined): string[] {
	return (hit?.snippet ?? []).filter((segment) => segment.marked).map((segment) => segment.text.toLowerCase());
}

describe('searchDocuments', () => {
	it('finds English words in another form', async () => {
		expect(await keysFound('murals')).toContain('patan-2018');
		expect(await keysFound('mural')).toContain('patan-2018');
		expect(await keysFound('painted neighbours')).toEqual(['patan-2018']);
	});

	it('finds Spanish words with or without their accents', async () => {
		expect(await keysFound('proyeccion', 'es')).toEqual(['cine-2022']);
		expect(await keysFound('proyección', 'es')).toEqual(['cine-2022']);
		expect(await keysFound('PELICULAS', 'es')).toEqual(['cine-2022']);
	});

	it('finds Indonesian words under their affixes', async () => {
		expect(await keysFound('seni', 'id')).toEqual(['jalanan']);
		expect(await keysFound('seniman', 'id')).toEqual(['jalanan']);
		expect(await keysFound('lukis', 'id')).toEqual(['jalanan']);
	});

	it('finds Nepali words in Devanagari, short ones too', async () => {
		const artist = await search('कला', 'ne');
		expect(artist.hits.map((hit) => [hit.key, hit.locale])).toEqual([['patan-2018', 'ne']]);
		expect(await keysFound('घर', 'ne')).toEqual(['patan-2018']);
		expect(await keysFound('पाटन', 'ne')).toEqual(['patan-2018']);
	});

	it('falls back to the English document of an item the reader’s language lacks', async () => {
		const result = await search('workshop', 'ne');
		expect(result.hits).toHaveLength(1);
		expect(result.hits[0]).toMatchObject({ kind: 'call', key: 'wheat-paste-2026', locale: 'en', path: '/calls/wheat-paste-2026' });
	});

	it('gives one hit per item, in the reader’s language when both match', async () => {
		const result = await search('patan', 'es');
		expect(result.total).toBe(1);
		expect(result.hits).toEqual([expect.objectContaining({ key: 'patan-2018', locale: 'es', title: 'Murales de Patan' })]);
		// A reader of English sees only English documents.
		expect((await search('proyección', 'en')).total).toBe(0);
	});

	it('ranks a match in the title above matches in the body', async () => {
		const result = await search('residency');
		expect(result.hits.map((hit) => hit.key)).toEqual(['residency', 'about']);
		expect(result.total).toBe(2);
	});

	it('ranks body matches by how much of the body is about the words', async () => {
		const long = Array.from({ length: 60 }, (_, i) => `filler${i}`).join(' ');
		// The better match is written first, so that newest-first would put it second.
		await replaceSearchDocuments(handle.db, 'story', 'kites', [
			{ locale: 'en', title: 'Spring', text: 'A kite, and a kite, and a kite above the roofs.', path: '/stories/kites' }
		]);
		await replaceSearchDocuments(handle.db, 'story', 'kites-aside', [
			{ locale: 'en', title: 'Autumn', text: `${long} and one kite ${long}`, path: '/stories/kites-aside' }
		]);
		expect(await keysFound('kite')).toEqual(['kites', 'kites-aside']);
		await removeSearchDocuments(handle.db, 'story', 'kites-aside');
		await removeSearchDocuments(handle.db, 'story', 'kites');
	});

	it('marks the matching words in a snippet of the body', async () => {
		const [hit] = (await search('mural')).hits;
		expect(markedWords(hit)).toEqual(['mural']);
		expect(hit!.snippet.map((segment) => segment.text).join('')).toBe(
			'Twelve artists painted a mural on the old walls of Patan, with neighbours and children.'
		);

		const [nepali] = (await search('घर', 'ne')).hits;
		expect(markedWords(nepali)).toEqual(['घर']);
	});

	it('cuts a long body to about thirty words around the first match', async () => {
		const filler = Array.from({ length: 120 }, (_, i) => `word${i}`);
		filler.splice(60, 0, 'lantern');
		await replaceSearchDocuments(handle.db, 'story', 'long', [{ locale: 'en', title: 'A long story', text: filler.join(' '), path: '/stories/long' }]);
		const [hit] = (await search('lantern')).hits;
		const shown = hit!.snippet.map((segment) => segment.text).join('');
		expect(markedWords(hit)).toEqual(['lantern']);
		expect(shown.startsWith('… ')).toBe(true);
		expect(shown.endsWith(' …')).toBe(true);
		expect(shown.split(' ').length).toBeGreaterThan(15);
		expect(shown.split(' ').length).toBeLessThan(36);
		await removeSearchDocuments(handle.db, 'story', 'long');
	});

	it('pages through the hits and counts the items', async () => {
		const first = await searchDocuments(handle.db, { query: 'residency', locale: 'en', limit: 1, offset: 0 });
		const second = await searchDocuments(handle.db, { query: 'residency', locale: 'en', limit: 1, offset: 1 });
		const beyond = await searchDocuments(handle.db, { query: 'residency', locale: 'en', limit: 1, offset: 5 });
		expect([first.total, second.total, beyond.total]).toEqual([2, 2, 2]);
		expect([...first.hits, ...second.hits, ...beyond.hits].map((hit) => hit.key)).toEqual(['residency', 'about']);
	});

	it('leaves out the kinds asked, from the hits, the pages and the count, in the reader’s language and in English', async () => {
		await replaceSearchDocuments(handle.db, 'event', '7', [
			{ locale: 'en', title: 'Residency open day', text: 'Meet the residency artists in their studio.', path: '/events/open-day' },
			{ locale: 'ne', title: 'रेसिडेन्सी खुला दिन', text: 'स्टुडियोमा कलाकारहरूलाई भेट्नुहोस्।', path: '/events/open-day' }
		]);
		try {
			expect((await keysFound('residency')).sort()).toEqual(['7', 'about', 'residency']);
			const without = { locale: 'en' as const, limit: 1, excludeKinds: ['event' as const] };
			const pages = [0, 1, 2].map((offset) => searchDocuments(handle.db, { query: 'residency', offset, ...without }));
			const [first, second, beyond] = await Promise.all(pages);
			expect([first!.total, second!.total, beyond!.total]).toEqual([2, 2, 2]);
			expect([...first!.hits, ...second!.hits, ...beyond!.hits].map((hit) => hit.key)).toEqual(['residency', 'about']);
			expect((await searchDocuments(handle.db, { query: 'रेसिडेन्सी', locale: 'ne', limit: 10, offset: 0 })).hits.map((hit) => hit.kind)).toEqual(['event']);
			expect(await searchDocuments(handle.db, { query: 'रेसिडेन्सी', locale: 'ne', limit: 10, offset: 0, excludeKinds: ['event'] })).toEqual({ total: 0, hits: [] });
		} finally {
			await removeSearchDocuments(handle.db, 'event', '7');
		}
	});

	it('reads any text as words, never as query syntax', async () => {
		const hostile = [
			'"',
			'*',
			'NEAR(',
			'a OR',
			'mural AND',
			'-mural',
			'title:mural',
			'(mural',
			"'mural':* & !",
			'mural\\',
			'\u0000\u0001',
			'\u0301\u0301 ́',
			'"unterminated',
			'NOT',
			'x'.repeat(5000),
			'mural '.repeat(1000)
		];
		for (const locale of ['en', 'ne'] as const) {
			for (const query of hostile) await expect(search(query, locale)).resolves.toBeDefined();
		}
		expect(await search('?!… “” — ।')).toEqual({ total: 0, hits: [] });
		expect(await search('')).toEqual({ total: 0, hits: [] });
		expect(await keysFound('"mural"')).toEqual(['patan-2018']);
		expect(await keysFound('patan AND (murals)')).toEqual(['patan-2018']);
	});
});

describe('replaceSearchDocuments and removeSearchDocuments', () => {
	class Rollback extends Error {}

	it('change the index only when the transaction commits', async () => {
		await expect(
			handle.db.transaction().execute(async (trx) => {
				await replaceSearchDocuments(trx, 'initiative', 'patan-2018', [
					{ locale: 'en', title: 'Bhaktapur lanterns', text: 'Paper lanterns.', path: '/initiatives/patan-2018' }
				]);
				// (SQLite has one connection: a read outside the transaction would wait for it.)
				expect((await search('lanterns', 'en', trx)).hits.map((hit) => hit.key)).toEqual(['patan-2018']);
				expect((await search('mural', 'en', trx)).total).toBe(0);
				await removeSearchDocuments(trx, 'page', 'residency');
				expect((await search('residency', 'en', trx)).hits.map((hit) => hit.key)).toEqual(['about']);
				throw new Rollback();
			})
		).rejects.toBeInstanceOf(Rollback);

		expect(await keysFound('lanterns')).toEqual([]);
		expect(await keysFound('mural')).toEqual(['patan-2018']);
		expect(await keysFound('residency')).toEqual(['residency', 'about']);
		expect(await keysFound('पाटन', 'ne')).toEqual(['patan-2018']);
	});

	it('replace an item’s languages and remove an item for good', async () => {
		await replaceSearchDocuments(handle.db, 'page', 'press', [
			{ locale: 'en', title: 'Press', text: 'Photos for journalists.', path: '/press' },
			{ locale: 'es', title: 'Prensa', text: 'Fotos para periodistas.', path: '/press' }
		]);
		expect((await search('periodistas', 'es')).hits.map((hit) => hit.locale)).toEqual(['es']);

		await replaceSearchDocuments(handle.db, 'page', 'press', [{ locale: 'en', title: 'Press', text: 'Photos for journalists.', path: '/press' }]);
		expect(await keysFound('periodistas', 'es')).toEqual([]);
		expect((await search('journalists', 'es')).hits.map((hit) => hit.locale)).toEqual(['en']);

		await removeSearchDocuments(handle.db, 'page', 'press');
		expect(await keysFound('journalists')).toEqual([]);
		expect(await handle.db.selectFrom('search_document').where('key', '=', 'press').selectAll().execute()).toEqual([]);
	});

	it('refuse an item without an English document', async () => {
		await expect(
			replaceSearchDocuments(handle.db, 'page', 'only-nepali', [{ locale: 'ne', title: 'घर', text: 'घर', path: '/x' }])
		).rejects.toThrow(/English/);
	});
});

describe('normalizeSearchQuery', () => {
	it('gives one line of at most 200 characters', () => {
		expect(normalizeSearchQuery('  mural\n\tpatan\u200b ')).toBe('mural patan');
		expect(Array.from(normalizeSearchQuery('घ'.repeat(5000)))).toHaveLength(200);
	});
});
