import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { demoContent } from '$lib/server/demo/demo-content';
import { seedDemoContent } from '$lib/server/demo/demo-seed';
import { getAboutPage, getHomePage, getSiteFrame, getTextPage } from './content.service';
import { pick, stringifyLocalized } from '$lib/server/shared/localized-text';

describe('pick', () => {
	it('returns the wanted language, or English marked as English', () => {
		expect(pick({ en: 'Art', es: 'Arte' }, 'es')).toEqual({ text: 'Arte', lang: 'es' });
		expect(pick({ en: 'Art', es: 'Arte' }, 'ne')).toEqual({ text: 'Art', lang: 'en' });
		expect(pick({ en: 'Art', id: '   ' }, 'id')).toEqual({ text: 'Art', lang: 'en' });
	});

	it('drops unknown languages and empty translations when storing', () => {
		expect(JSON.parse(stringifyLocalized({ en: 'a', es: '', xx: 'b' } as never))).toEqual({ en: 'a' });
	});
});

describe('demo content and the content service', () => {
	let handle: Awaited<ReturnType<typeof createTestDatabase>>;
	beforeAll(async () => {
		handle = await createTestDatabase();
	});
	afterAll(() => handle.dispose());

	it('seeds an empty database once; a second run changes nothing', async () => {
		expect(await seedDemoContent(handle.db, demoContent, '2026-01-01T00:00:00.000Z')).toBe(true);
		const count = async () => (await handle.db.selectFrom('pillar').select('id').execute()).length;
		expect(await count()).toBe(3);
		expect(await seedDemoContent(handle.db, demoContent, '2026-02-01T00:00:00.000Z')).toBe(false);
		expect(await count()).toBe(3);
		const page = await handle.db.selectFrom('page').select('updated_at').where('key', '=', 'about').executeTakeFirstOrThrow();
		expect(page.updated_at).toBe('2026-01-01T00:00:00.000Z');
	});

	it('never overwrites what staff edited', async () => {
		await handle.db
			.updateTable('page')
			.set({ title: stringifyLocalized({ en: 'Edited by staff' }) })
			.where('key', '=', 'about')
			.execute();
		await seedDemoContent(handle.db, demoContent, new Date().toISOString());
		expect((await getTextPage(handle.db, 'about', 'en')).title.text).toBe('Edited by staff');
	});

	it('serves each language and falls back to English with the fallback marked', async () => {
		const about = await getTextPage(handle.db, 'about', 'ne');
		// The title was edited in English only above: Nepali falls back, the body stays Nepali.
		expect(about.title).toEqual({ text: 'Edited by staff', lang: 'en' });
		expect(about.body.lang).toBe('ne');
		expect(about.body.text).toBe(demoContent.pages.about.body.ne);

		const frame = await getSiteFrame(handle.db, 'id');
		expect(frame.name).toBe('Micro Galleries');
		expect(frame.tagline).toEqual({ text: demoContent.organization.tagline.id, lang: 'id' });
	});

	it('composes the home page from settings, pillars, activities, values and testimonials', async () => {
		const home = await getHomePage(handle.db, 'es', new Date('2026-12-02T12:00:00Z'));
		const pinned = demoContent.organization.figures;
		expect(home.figures.initiatives).toEqual({ value: pinned.initiatives, pinned: true });
		expect(home.figures.participants).toEqual({ value: pinned.participants, pinned: true });
		// Not pinned: counted from the founding year.
		expect(home.figures.years).toEqual({ value: 2026 - demoContent.organization.foundedYear, pinned: false });
		expect(home.figures.pinned).toEqual({ source: { text: pinned.source.es, lang: 'es' }, year: pinned.asOfYear });
		expect(home.pillars.map((p) => p.title.text)).toEqual(demoContent.pillars.map((p) => p.title.es));
		expect(home.activities).toHaveLength(demoContent.activities.length);
		expect(home.values).toHaveLength(3);
		expect(home.testimonials.every((t) => t.isExample)).toBe(true);
		expect(home.manifesto.title.lang).toBe('es');

		const about = await getAboutPage(handle.db, 'en');
		// Its own text only: the home page shows the activities and values.
		expect(Object.keys(about)).toEqual(['page']);
		expect(about.page.body.text.length).toBeGreaterThan(0);
	});

	it('keeps list order by position', async () => {
		const pillars = await handle.db.selectFrom('pillar').select(['id', 'position']).orderBy('id').execute();
		await handle.db.updateTable('pillar').set({ position: 10 }).where('id', '=', pillars[0]!.id).execute();
		const home = await getHomePage(handle.db, 'en', new Date());
		expect(home.pillars.at(-1)?.title.text).toBe(demoContent.pillars[0]!.title.en);
	});
});
