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
import { demoEventKinds } from '$lib/server/demo/demo-content-events';
import { listArchiveItems } from './archive-admin';
import { emptyItemData, type ItemData } from './content-items';
import { searchSite } from './site-search';

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
		// A demo artist makes lanterns too: this is about the story alone.
		expect((await searchDocuments(handle.db, { query: 'lanterns', locale: 'en', limit: 5, offset: 0, excludeKinds: ['artist'] })).total).toBe(0);
		const worker = createJobWorker(handle.db, { handlers: contentJobHandlers() });
		expect(await worker.runOnce()).toBe(1);

		const story = await getStory(handle.db, 'lanterns-over-the-river', 'ne');
		expect(story?.title).toEqual({ text: 'नदीमाथि लालटिन', lang: 'ne' });
		expect(story?.initiatives.map((i) => i.slug)).toEqual(['patan-empower-2018']);
		expect((await getInitiative(handle.db, 'patan-empower-2018', 'en'))?.stories.map((s) => s.slug)).toContain('lanterns-over-the-river');
		const found = await searchDocuments(handle.db, { query: 'लालटिन', locale: 'ne', limit: 5, offset: 0, excludeKinds: ['artist'] });
		expect(found.hits.map((h) => h.path)).toEqual(['/stories/lanterns-over-the-river']);
	});
});

/** A ready photo in Media with alt text in the languages given. */
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

describe('photos described in every language an item is written in', () => {
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

describe('events as site content', () => {
	const actor = { id: 'staff-1', email: 'editor@example.org' };

	async function kindId(key: string): Promise<number> {
		return (await handle.db.selectFrom('event_kind').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
	}

	/** What the editor would send for a whole event, every field filled in. */
	async function eventData(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
		const patan = await handle.db.selectFrom('initiative').select('id').where('slug', '=', 'patan-empower-2018').executeTakeFirstOrThrow();
		return {
			title: { en: 'Paste-up workshop in Patan', ne: 'पाटनमा पेस्ट-अप कार्यशाला', id: 'Lokakarya tempel poster di Patan', es: 'Taller de carteles en Patan' },
			slug: '',
			summary: { en: 'Make a poster and paste it on a wall of the lane.', ne: 'पोस्टर बनाएर गल्लीको भित्तामा टाँस्नुहोस्।' },
			body: { en: '<p>Bring old magazines. We bring paste and brushes.</p>', es: '<p>Trae revistas viejas.</p>' },
			kind_id: await kindId('workshop'),
			initiative_id: patan.id,
			cover_media_id: 0,
			organizer_name: 'Micro Galleries Nepal',
			organizer_email: ' Events@Example.org ',
			step_free: 'yes',
			seating: 'no',
			sign_language: '',
			captions: 'no',
			quiet_space: 'yes',
			languages_spoken: ['Nepali', ' english', 'ne', 'नेपाली', 'Newari'],
			access_note: { en: 'The entrance is from the side lane, without steps.', ne: 'प्रवेशद्वार छेउको गल्लीबाट छ, खुड्किलाबिना।' },
			party_max: 6,
			hold_minutes: 90,
			offer_hours: 12,
			remind_day_before: true,
			remind_hour_before: false,
			questions: [
				{ label: { en: 'Do you need anything to take part?', ne: 'भाग लिन केही चाहिन्छ?' }, required: false, key: '' },
				{ label: { en: 'Your age group' }, required: true, key: 'Age' },
				{ label: { en: 'Do you need anything to take part?' }, required: false, key: '' }
			],
			...overrides
		};
	}

	async function publishedEvent(data: Record<string, unknown>): Promise<string> {
		const content = contentContext(handle.db);
		const { revision } = await saveDraft(content, actor, { type: 'event', key: newItemKey(), data, baseRevisionId: null });
		return (await publish(content, actor, revision.id)).key;
	}

	it('seeds the kinds of event, in order and in four languages', async () => {
		const rows = await handle.db.selectFrom('event_kind').selectAll().orderBy('position').execute();
		expect(rows.map((r) => r.key)).toEqual(demoEventKinds.map((k) => k.key));
		expect(rows.map((r) => JSON.parse(r.name))).toEqual(demoEventKinds.map((k) => k.name));
	});

	it('starts a new event with the registration settings staff usually want', () => {
		expect(emptyItemData('event')).toMatchObject({ party_max: 4, hold_minutes: 60, offer_hours: 24, remind_day_before: true, remind_hour_before: true, step_free: '', languages_spoken: [], questions: [] });
	});

	it('publishes an event with every field and reads back what was saved, its columns as registration reads them', async () => {
		const key = await publishedEvent(await eventData());
		const live = (await getEditable(handle.db, 'event', key)).live!;
		const patan = await handle.db.selectFrom('initiative').select('id').where('slug', '=', 'patan-empower-2018').executeTakeFirstOrThrow();
		expect(live).toEqual({
			title: { en: 'Paste-up workshop in Patan', ne: 'पाटनमा पेस्ट-अप कार्यशाला', id: 'Lokakarya tempel poster di Patan', es: 'Taller de carteles en Patan' },
			slug: 'paste-up-workshop-in-patan',
			summary: { en: 'Make a poster and paste it on a wall of the lane.', ne: 'पोस्टर बनाएर गल्लीको भित्तामा टाँस्नुहोस्।' },
			body: { en: '<p>Bring old magazines. We bring paste and brushes.</p>', es: '<p>Trae revistas viejas.</p>' },
			kind_id: await kindId('workshop'),
			initiative_id: patan.id,
			cover_media_id: 0,
			organizer_name: 'Micro Galleries Nepal',
			organizer_email: 'events@example.org',
			step_free: 'yes',
			seating: 'no',
			sign_language: '',
			captions: 'no',
			quiet_space: 'yes',
			languages_spoken: ['ne', 'en', 'new'],
			access_note: { en: 'The entrance is from the side lane, without steps.', ne: 'प्रवेशद्वार छेउको गल्लीबाट छ, खुड्किलाबिना।' },
			party_max: 6,
			hold_minutes: 90,
			offer_hours: 12,
			remind_day_before: true,
			remind_hour_before: false,
			questions: [
				{ label: { en: 'Do you need anything to take part?', ne: 'भाग लिन केही चाहिन्छ?' }, required: false, key: 'do-you-need-anything-to-take-part' },
				{ label: { en: 'Your age group' }, required: true, key: 'age' },
				{ label: { en: 'Do you need anything to take part?' }, required: false, key: 'do-you-need-anything-to-take-part-2' }
			]
		});
		const row = await handle.db.selectFrom('event').selectAll().where('id', '=', Number(key)).executeTakeFirstOrThrow();
		expect(JSON.parse(row.access)).toEqual({
			stepFree: 'yes',
			seating: 'no',
			signLanguage: '',
			captions: 'no',
			quietSpace: 'yes',
			languages: ['ne', 'en', 'new'],
			note: { en: 'The entrance is from the side lane, without steps.', ne: 'प्रवेशद्वार छेउको गल्लीबाट छ, खुड्किलाबिना।' }
		});
		expect(JSON.parse(row.questions)).toEqual([
			{ key: 'do-you-need-anything-to-take-part', label: { en: 'Do you need anything to take part?', ne: 'भाग लिन केही चाहिन्छ?' }, required: false },
			{ key: 'age', label: { en: 'Your age group' }, required: true },
			{ key: 'do-you-need-anything-to-take-part-2', label: { en: 'Do you need anything to take part?' }, required: false }
		]);
		expect(row).toMatchObject({ party_max: 6, hold_minutes: 90, offer_hours: 12, remind_day_before: 1, remind_hour_before: 0 });

		// A second version keeps the questions' short names, so earlier answers stay filed under them.
		const editable = await getEditable(handle.db, 'event', key);
		const { revision } = await saveDraft(contentContext(handle.db), actor, { type: 'event', key, data: { ...live, party_max: 2 }, baseRevisionId: editable.latestRevisionId });
		expect((revision.data.questions as { key: string }[]).map((q) => q.key)).toEqual(['do-you-need-anything-to-take-part', 'age', 'do-you-need-anything-to-take-part-2']);
	});

	it('is indexed for search as it is published, and the site’s search finds it with a link to its page', async () => {
		const key = await publishedEvent(await eventData({ title: { en: 'Lantern making evening', ne: 'लालटिन बनाउने साँझ' }, slug: 'lantern-evening' }));
		const indexed = await searchDocuments(handle.db, { query: 'lantern making', locale: 'en', limit: 10, offset: 0 });
		expect(indexed.hits).toContainEqual(expect.objectContaining({ kind: 'event', key, path: '/events/lantern-evening' }));
		// Its kind and languages are named in the reader's language.
		const nepali = await searchDocuments(handle.db, { query: 'नेवारी', locale: 'ne', limit: 10, offset: 0 });
		expect(nepali.hits.map((h) => h.path)).toContain('/events/lantern-evening');
		const shown = await searchSite(handle.db, 'lantern making', 'en', 1);
		expect(shown.hits.filter((h) => h.kind === 'event').map((h) => h.path)).toEqual(['/events/lantern-evening']);
	});

	it('checks each access answer, number and language as typed, and names the field', () => {
		const base = { ...emptyItemData('event'), title: { en: 'Open studio' }, kind_id: 1, organizer_name: 'Ana', organizer_email: 'ana@example.org' };
		expect(checkItemData('event', base)).toMatchObject({ slug: 'open-studio', step_free: '', party_max: 4 });
		const refused = (() => {
			try {
				checkItemData('event', { ...base, step_free: 'maybe', seating: 'partly', party_max: 21, hold_minutes: 2, offer_hours: Number.NaN, languages_spoken: ['Nepali', 'Klingonese'] });
			} catch (error) {
				return error;
			}
		})();
		expect(refused).toBeInstanceOf(ValidationError);
		const issues = (refused as ValidationError).issues;
		expect(issues).toEqual({
			step_free: 'Choose one from the list.',
			seating: 'Choose one from the list.',
			party_max: 'Write a whole number from 1 to 20.',
			hold_minutes: 'Write a whole number from 5 to 10080.',
			offer_hours: 'Write a whole number from 1 to 168.',
			languages_spoken: expect.stringContaining('“Klingonese” is not a language')
		});
		expect(() => checkItemData('event', { ...base, party_max: 0 })).toThrow(ValidationError);
		expect(checkItemData('event', { ...base, party_max: 1 }).party_max).toBe(1);
		// Required: the kind, who organizes it and where to write to them.
		try {
			checkItemData('event', { ...base, kind_id: 0, organizer_name: ' ', organizer_email: '' });
			expect.unreachable();
		} catch (error) {
			expect(Object.keys((error as ValidationError).issues).sort()).toEqual(['kind_id', 'organizer_email', 'organizer_name']);
		}
		// Two questions may not share a short name typed for them.
		try {
			checkItemData('event', {
				...base,
				questions: [
					{ label: { en: 'Age' }, required: false, key: 'age' },
					{ label: { en: 'How old are you?' }, required: false, key: 'AGE' },
					{ label: { en: 'Diet' }, required: false, key: 'no spaces please' }
				]
			});
			expect.unreachable();
		} catch (error) {
			expect((error as ValidationError).issues).toEqual({ 'questions.1.key': 'Another question has this short name.', 'questions.2.key': expect.stringContaining('single dashes') });
		}
	});

	it('refuses to publish an event written in Nepali whose cover has no Nepali alt text, naming the cover', async () => {
		const content = contentContext(handle.db);
		const cover = await addPhoto({ en: 'Hands pasting a poster on a brick wall' });
		const data = await eventData({ slug: 'covered-workshop', cover_media_id: cover });
		const { revision } = await saveDraft(content, actor, { type: 'event', key: newItemKey(), data, baseRevisionId: null });
		const refused = await publish(content, actor, revision.id).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect(Object.keys((refused as ValidationError).issues)).toEqual(['cover_media_id']);
		expect((refused as ValidationError).issues.cover_media_id).toMatch(/Nepali, Indonesian,? and Spanish, languages this event is written in/);
		expect(await handle.db.selectFrom('event').select('id').where('slug', '=', 'covered-workshop').executeTakeFirst()).toBeUndefined();
	});

	it('refuses to delete an event people registered for, and deletes one without registrations with its sessions', async () => {
		const content = contentContext(handle.db);
		const key = await publishedEvent(await eventData({ slug: 'mural-walk', title: { en: 'Mural walk' }, kind_id: await kindId('open-studio') }));
		const at = '2026-12-01T10:00:00.000Z';
		const session = await handle.db
			.insertInto('event_session')
			.values({
				event_id: Number(key),
				starts_local: '2027-01-09T10:00',
				ends_local: '2027-01-09T12:00',
				time_zone: 'Asia/Kathmandu',
				starts_at: '2027-01-09T04:15:00.000Z',
				ends_at: '2027-01-09T06:15:00.000Z',
				online_url: null,
				latitude: null,
				longitude: null,
				capacity: 20,
				registration_opens_at: null,
				registration_closes_at: null,
				moved_at: null,
				created_at: at,
				updated_at: at
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const listed = await listArchiveItems(handle.db, 'event', { kindId: await kindId('open-studio') }, 1, 50);
		expect(listed.items).toEqual([expect.objectContaining({ key, title: 'Mural walk', date: '2027-01-09', published: true })]);

		const registration = await handle.db
			.insertInto('registration')
			.values({ session_id: session.id, token_hash: `hash-${key}`, code: `C${key}`.padEnd(6, 'X'), name: 'Asha', email: 'asha@example.org', locale: 'ne', party_size: 1, consent_text: 'Yes.', status: 'cancelled', created_at: at, updated_at: at })
			.returning('id')
			.executeTakeFirstOrThrow();
		const refused = await deleteItem(content, actor, 'event', key).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).issues.delete).toMatch(/registered .* cancel its sessions instead/);
		expect((await getEditable(handle.db, 'event', key)).live).toBeDefined();

		await handle.db.deleteFrom('registration').where('id', '=', registration.id).execute();
		await deleteItem(content, actor, 'event', key);
		expect(await handle.db.selectFrom('event').select('id').where('id', '=', Number(key)).executeTakeFirst()).toBeUndefined();
		expect(await handle.db.selectFrom('event_session').select('id').where('event_id', '=', Number(key)).execute()).toEqual([]);
		expect((await searchDocuments(handle.db, { query: 'Mural walk', locale: 'en', limit: 10, offset: 0 })).hits.some((h) => h.kind === 'event' && h.key === key)).toBe(false);
	});

	it('refuses to delete a kind that events use, and deletes one no event uses', async () => {
		const content = contentContext(handle.db);
		const used = await kindId('workshop');
		const refused = await deleteItem(content, actor, 'event_kind', String(used)).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).issues.delete).toMatch(/^\d+ events? uses? it/);
		await deleteItem(content, actor, 'event_kind', String(await kindId('festival-day')));
		expect(await handle.db.selectFrom('event_kind').select('id').where('key', '=', 'festival-day').executeTakeFirst()).toBeUndefined();
	});

	it('keeps a draft event off the site, then publishes it with a kind deleted meanwhile refused', async () => {
		const content = contentContext(handle.db);
		// A kind no demo event uses, so that it can be deleted.
		const launch = await kindId('online-session');
		const key = newItemKey();
		const data: ItemData = { ...((await eventData({ slug: 'zine-launch', title: { en: 'Zine launch' }, kind_id: launch })) as ItemData) };
		const { revision } = await saveDraft(content, actor, { type: 'event', key, data, baseRevisionId: null });
		await deleteItem(content, actor, 'event_kind', String(launch));
		const refused = await publish(content, actor, revision.id).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).issues).toEqual({ kind_id: 'This kind has been deleted: choose another.' });
		expect((await getRevision(handle.db, revision.id)).status).toBe('draft');
	});
});
