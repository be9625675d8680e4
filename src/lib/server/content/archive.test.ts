import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { seedDemoContent } from '$lib/server/demo/demo-seed';
import { demoContent } from '$lib/server/demo/demo-content';
import { demoInitiatives, demoStories } from '$lib/server/demo/demo-content-archive';
import { archiveFigures, filterOptions, getInitiative, getStory, listInitiatives, listStories, mappedPlaces, unknownFilters } from './archive.service';
import { checkItemData, contentJobHandlers, deleteItem, getEditable, getRevision, newItemKey, publish, saveDraft, schedule } from './revisions.service';
import { createJobWorker } from '$lib/server/platform/jobs/job-worker';
import { searchDocuments } from '$lib/server/db/search';
import { ValidationError } from '$lib/server/platform/errors';
import { contentContext } from '../../../../tests/support/domain-contexts';

/*
 * The archive as the public reads it, against a real database with the demo
 * archive seeded the way publishing writes it.
 */
let handle: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
	handle = await createTestDatabase();
	await seedDemoContent(handle.db, demoContent, '2026-12-01T10:00:00.000Z');
});
afterAll(() => handle.dispose());

describe('the archive', () => {
	it('lists every published initiative, newest first, a page at a time', async () => {
		const first = await listInitiatives(handle.db, 'en', {}, 1, 5);
		expect(first.total).toBe(demoInitiatives.length);
		expect(first.pages).toBe(Math.ceil(demoInitiatives.length / 5));
		const dates = first.items.map((i) => i.startDate);
		expect(dates).toEqual([...dates].sort().reverse());
		expect(first.items[0]!.startDate).toBe([...demoInitiatives].map((i) => i.startDate).sort().at(-1));
	});

	it('filters by kind, program, country and year, alone and together', async () => {
		const byCountry = await listInitiatives(handle.db, 'en', { country: 'NP' }, 1, 50);
		const nepal = demoInitiatives.filter((i) => i.places.some((p) => p.country === 'NP'));
		expect(byCountry.items.map((i) => i.slug).sort()).toEqual(nepal.map((i) => i.slug).sort());
		const byYear = await listInitiatives(handle.db, 'en', { year: 2018 }, 1, 50);
		expect(byYear.items.every((i) => i.startDate <= '2018-12-31' && (i.endDate ?? i.startDate) >= '2018-01-01')).toBe(true);
		expect(byYear.total).toBeGreaterThan(0);
		const both = await listInitiatives(handle.db, 'en', { year: 2018, country: 'AU' }, 1, 50);
		expect(both.total).toBe(0);
		const options = await filterOptions(handle.db, 'es');
		expect(options.countries.find((c) => c.value === 'NP')?.label).toBe('Nepal');
		expect(options.years).toContain(2018);
		expect(unknownFilters({ kind: 'no-such-kind', year: 1999 }, options)).toEqual(['kind', 'year']);
	});

	it('puts every place with coordinates on the map, and leaves online ones off', async () => {
		const places = await mappedPlaces(handle.db, 'en', {});
		const expected = demoInitiatives.flatMap((i) => i.places.filter((p) => !p.virtual && p.latitude !== null));
		expect(places).toHaveLength(expected.length);
		const patan = places.find((p) => p.slug === 'patan-empower-2018');
		expect(patan?.latitude).toBeCloseTo(27.67, 1);
		expect(patan?.longitude).toBeCloseTo(85.32, 1);
	});

	it('shows one initiative whole in the reader’s language, with its stories', async () => {
		const patan = await getInitiative(handle.db, 'patan-empower-2018', 'ne');
		expect(patan?.title.lang).toBe('ne');
		expect(patan?.places[0]?.countryName).toBe('नेपाल');
		expect(patan?.figures.length).toBeGreaterThan(0);
		const stories = demoStories.filter((s) => s.initiativeSlugs.includes('patan-empower-2018'));
		expect(patan?.stories.map((s) => s.slug).sort()).toEqual(stories.map((s) => s.slug).sort());
		expect(await getInitiative(handle.db, 'no-such-initiative', 'en')).toBeUndefined();
	});

	it('lists stories newest first and shows one with its initiatives', async () => {
		const list = await listStories(handle.db, 'id', 1, 3);
		expect(list.total).toBe(demoStories.length);
		expect(list.items[0]!.slug).toBe([...demoStories].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn))[0]!.slug);
		const story = await getStory(handle.db, demoStories[0]!.slug, 'es');
		expect(story?.initiatives.length).toBe(demoStories[0]!.initiativeSlugs.length);
	});

	it('counts the figures from the published initiatives', async () => {
		const figures = await archiveFigures(handle.db);
		expect(figures.initiatives).toBe(demoInitiatives.length);
		const countries = new Set(demoInitiatives.flatMap((i) => i.places.filter((p) => p.country !== '').map((p) => p.country)));
		expect(figures.countries).toBe(countries.size);
		const participants = demoInitiatives.flatMap((i) => i.figures).reduce((sum, f) => sum + (f.participants ? f.value : 0), 0);
		expect(figures.participants).toBe(participants);
	});
});

describe('checking an initiative as typed', () => {
	const base = {
		title: { en: 'Laneway festival' },
		slug: '',
		summary: { en: '' },
		body: { en: '' },
		theme: { en: '' },
		kind_id: 1,
		program_id: 0,
		start_date: '2019-05-01',
		end_date: '',
		places: [],
		figures: [],
		credits: [],
		gallery: [],
		call_ids: []
	};

	it('makes the address from the English title when it is left empty', () => {
		expect(checkItemData('initiative', base).slug).toBe('laneway-festival');
	});

	it('refuses a last day before the first, half coordinates, and an unknown country, naming each input', () => {
		try {
			checkItemData('initiative', {
				...base,
				end_date: '2019-04-01',
				places: [{ name: 'Laneway', city: 'Nowra', country: 'AU', latitude: -34.88, longitude: null, virtual: false }, { name: 'x', city: '', country: 'ZZ', latitude: null, longitude: null, virtual: false }]
			});
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(ValidationError);
			const issues = (error as ValidationError).issues;
			expect(Object.keys(issues)).toEqual(expect.arrayContaining(['places.1.country']));
		}
		try {
			checkItemData('initiative', {
				...base,
				end_date: '2019-04-01',
				places: [{ name: 'Laneway', city: 'Nowra', country: 'AU', latitude: -34.88, longitude: null, virtual: false }]
			});
			expect.unreachable();
		} catch (error) {
			expect((error as ValidationError).issues).toMatchObject({ end_date: expect.any(String), 'places.0.longitude': expect.any(String) });
		}
	});

	it('clears the country and coordinates of an online place', () => {
		const data = checkItemData('initiative', { ...base, places: [{ name: 'Online', city: '', country: 'NP', latitude: 1, longitude: 2, virtual: true }] });
		expect(data.places).toEqual([{ name: 'Online', city: '', country: '', latitude: null, longitude: null, virtual: true }]);
	});
});

describe('deleting from the archive', () => {
	it('takes an initiative off the site with its places and its search documents, and keeps its links from stories out', async () => {
		const content = contentContext(handle.db);
		const row = await handle.db.selectFrom('initiative').select('id').where('slug', '=', 'graz-2019').executeTakeFirstOrThrow();
		expect((await searchDocuments(handle.db, { query: 'Graz', locale: 'en', limit: 10, offset: 0 })).hits.some((h) => h.path === '/initiatives/graz-2019')).toBe(true);
		await deleteItem(content, { id: 'staff-1', email: 'editor@example.org' }, 'initiative', String(row.id));
		expect(await getInitiative(handle.db, 'graz-2019', 'en')).toBeUndefined();
		expect(await handle.db.selectFrom('initiative_place').select('id').where('initiative_id', '=', row.id).execute()).toEqual([]);
		expect((await searchDocuments(handle.db, { query: 'Graz', locale: 'en', limit: 10, offset: 0 })).hits.some((h) => h.path === '/initiatives/graz-2019')).toBe(false);
		expect((await archiveFigures(handle.db)).initiatives).toBe(demoInitiatives.length - 1);
	});

	it('refuses to delete a kind that initiatives still use', async () => {
		const content = contentContext(handle.db);
		const used = await handle.db.selectFrom('initiative').select('kind_id').executeTakeFirstOrThrow();
		await expect(deleteItem(content, { id: 'staff-1', email: 'editor@example.org' }, 'initiative_kind', String(used.kind_id))).rejects.toBeInstanceOf(ValidationError);
	});
});

describe('a new story through a draft and a schedule', () => {
	it('stays off the site and out of search until its moment, then is published by the jobs queue with its links', async () => {
		const content = contentContext(handle.db, { clock: () => new Date(Date.now() - 120_000) });
		const actor = { id: 'staff-1', email: 'editor@example.org' };
		const patan = await handle.db.selectFrom('initiative').select('id').where('slug', '=', 'patan-empower-2018').executeTakeFirstOrThrow();
		const key = newItemKey();
		const { revision } = await saveDraft(content, actor, {
			type: 'story',
			key,
			baseRevisionId: null,
			data: {
				title: { en: 'Lanterns over the river', ne: 'नदीमाथि लालटिन' },
				slug: '',
				standfirst: { en: 'A night of paper lanterns.' },
				body: { en: '<p>Paper lanterns lit the river bank.</p>' },
				cover_media_id: 0,
				author_name: 'The team',
				published_on: '2026-11-30',
				tags: ['lanterns', ' Paper '],
				initiative_ids: [patan.id]
			}
		});
		expect(revision.data.slug).toBe('lanterns-over-the-river');
		expect(revision.data.tags).toEqual(['lanterns', 'paper']);
		expect(await getStory(handle.db, 'lanterns-over-the-river', 'en')).toBeUndefined();

		await schedule(content, actor, revision.id, new Date(Date.now() - 60_000));
		expect((await searchDocuments(handle.db, { query: 'lanterns', locale: 'en', limit: 5, offset: 0 })).total).toBe(0);
		const worker = createJobWorker(handle.db, { handlers: contentJobHandlers() });
		expect(await worker.runOnce()).toBe(1);

		const story = await getStory(handle.db, 'lanterns-over-the-river', 'ne');
		expect(story?.title).toEqual({ text: 'नदीमाथि लालटिन', lang: 'ne' });
		expect(story?.initiatives.map((i) => i.slug)).toEqual(['patan-empower-2018']);
		expect((await getInitiative(handle.db, 'patan-empower-2018', 'en'))?.stories.map((s) => s.slug)).toContain('lanterns-over-the-river');
		const found = await searchDocuments(handle.db, { query: 'लालटिन', locale: 'ne', limit: 5, offset: 0 });
		expect(found.hits.map((h) => h.path)).toEqual(['/stories/lanterns-over-the-river']);
	});
});

describe('photos described in every language an item is written in', () => {
	async function addPhoto(alt: Record<string, string>): Promise<number> {
		const at = '2026-12-01T10:00:00.000Z';
		const row = await handle.db
			.insertInto('media')
			.values({
				public_key: `key-${Math.random().toString(36).slice(2)}`,
				original_name: 'wall.jpg',
				mime_type: 'image/jpeg',
				width: 1200,
				height: 800,
				bytes: 1000,
				alt: JSON.stringify(alt),
				caption: null,
				status: 'ready',
				error: null,
				created_by: null,
				created_at: at,
				updated_at: at
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return Number(row.id);
	}

	it('refuses to publish or schedule an initiative in Nepali whose photo has no Nepali alt text, keeps the draft, and publishes once it has', async () => {
		const content = contentContext(handle.db);
		const actor = { id: 'staff-1', email: 'editor@example.org' };
		const described = await addPhoto({ en: 'A mural of blue birds', ne: 'निला चराहरूको भित्तेचित्र', id: 'Mural burung biru', es: 'Un mural de pájaros azules' });
		// Written in four languages: described in English only, the second photo fails in Nepali, Indonesian and Spanish.
		const englishOnly = await addPhoto({ en: 'Posters pasted on a shop shutter' });
		const row = await handle.db.selectFrom('initiative').select('id').where('slug', '=', 'nowra-laneways-2015').executeTakeFirstOrThrow();
		const key = String(row.id);
		const editable = await getEditable(handle.db, 'initiative', key);
		const data = {
			...editable.live!,
			title: { en: 'Nowra laneway festival', ne: 'नौरा गल्ली महोत्सव' },
			gallery: [
				{ media_id: described, caption: { en: '' }, credit: '' },
				{ media_id: englishOnly, caption: { en: '' }, credit: '' }
			]
		};
		const { revision } = await saveDraft(content, actor, { type: 'initiative', key, data, baseRevisionId: editable.latestRevisionId });

		const refused = await publish(content, actor, revision.id).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect(Object.keys((refused as ValidationError).issues)).toEqual(['gallery.1.media_id']);
		expect((refused as ValidationError).issues['gallery.1.media_id']).toMatch(/Nepali, Indonesian,? and Spanish/);
		await expect(schedule(content, actor, revision.id, new Date(Date.now() + 3_600_000))).rejects.toBeInstanceOf(ValidationError);
		expect((await getRevision(handle.db, revision.id)).status).toBe('draft');
		expect((await getInitiative(handle.db, 'nowra-laneways-2015', 'ne'))?.title.text).not.toBe('नौरा गल्ली महोत्सव');

		// Without a Nepali text of its own, the initiative needs only English descriptions.
		const english = await saveDraft(content, actor, {
			type: 'initiative',
			key,
			data: { ...data, title: { en: 'Nowra laneway festival' }, summary: { en: 'Walls in the lanes.' }, body: { en: '<p>Walls.</p>' }, theme: { en: '' } },
			baseRevisionId: revision.id
		});
		await expect(publish(content, actor, english.revision.id)).resolves.toMatchObject({ key });

		await handle.db
			.updateTable('media')
			.set({ alt: JSON.stringify({ en: 'Posters pasted on a shop shutter', ne: 'पसलको सटरमा टाँसिएका पोस्टरहरू', id: 'Poster di rolling door toko', es: 'Carteles pegados en la persiana de una tienda' }) })
			.where('id', '=', englishOnly).execute();
		const again = await saveDraft(content, actor, { type: 'initiative', key, data, baseRevisionId: english.revision.id });
		expect(await getInitiative(handle.db, 'nowra-laneways-2015', 'ne')).toMatchObject({ title: { lang: 'en' } });
		await publish(content, actor, again.revision.id);
		expect((await getInitiative(handle.db, 'nowra-laneways-2015', 'ne'))?.title.text).toBe('नौरा गल्ली महोत्सव');
	});
});
