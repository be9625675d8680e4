import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Localized } from '$lib/i18n/locales';
import { createTestDatabase } from '$lib/server/db/test-database';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import { readSiteVersion } from '$lib/server/platform/site-version';
import { listAudit } from '$lib/server/shared/audit';
import { recordGeneratedMedia } from '$lib/server/media/media.service';
import type { ItemData, RowData } from '$lib/server/content/content-items';
import { getEditable, newItemKey, publish, saveDraft, schedule, type Actor } from '$lib/server/content/revisions.service';
import { moveItemRow } from '$lib/server/content/row-order';
import { contentContext, exhibitionsContext } from '../../../../tests/support/domain-contexts';
import { createArtwork, deleteArtwork, updateArtwork, updateArtworkTexts, type ArtworkInput } from './artwork.service';
import { readArtwork } from './artwork.queries';
import { coverageReport } from './exhibition-coverage';
import { getExhibitionOverview, getWorkPage, listExhibitions } from './exhibition-pages';

/*
 * Works and exhibitions against a freshly migrated database (SQLite, or
 * PostgreSQL with TEST_DATABASE_URL): the work commands, the walk's order, the
 * rule that an exhibition is not published in a language its works lack alt
 * text in, the coverage report, and what the public pages read.
 */

const staff: Actor = { id: 'staff-ex', email: 'ex@example.org', name: 'Ex' };
type Handle = Awaited<ReturnType<typeof createTestDatabase>>;

const all = (en: string): Localized => ({ en: `${en} (en)`, ne: `${en} (ne)`, id: `${en} (id)`, es: `${en} (es)` });

describe('works and exhibitions', () => {
	let handle: Handle;
	const mediaIds: number[] = [];
	let hiddenArtist = 0;
	let namedArtist = 0;
	const works = () => exhibitionsContext(handle.db);
	const content = () => contentContext(handle.db);

	beforeAll(async () => {
		handle = await createTestDatabase();
		const now = new Date('2026-01-01T00:00:00Z');
		for (let i = 0; i < 3; i++) {
			mediaIds.push(await recordGeneratedMedia(handle.db, now, { originalName: `w${i}.png`, mimeType: 'image/png', width: 800, height: 600, alt: { en: `Photo ${i}` } }));
		}
		const artist = (slug: string, consentCreditName: number) =>
			handle.db
				.insertInto('artist')
				.values({ slug, name: `Name of ${slug}`, email: `${slug}@example.org`, consent_credit_name: consentCreditName, created_at: now.toISOString(), updated_at: now.toISOString() })
				.returning('id')
				.executeTakeFirstOrThrow();
		hiddenArtist = (await artist('quiet-one', 0)).id;
		namedArtist = (await artist('named-one', 1)).id;
	});
	afterAll(async () => {
		await handle?.dispose();
	});

	const work = (title: string, overrides: Partial<ArtworkInput> = {}): ArtworkInput => ({
		title: all(title),
		artistIds: [],
		year: 2024,
		medium: all('Paste'),
		dimensions: '10 × 10 cm',
		description: all(`About ${title}`),
		images: [{ mediaId: mediaIds[0]!, alt: all(`Alt of ${title}`) }],
		credit: 'Courtesy of the artist',
		licence: 'cc-by-4.0',
		...overrides
	});

	async function draftExhibition(slug: string, artworkIds: number[], languages: string[]): Promise<{ key: string; revisionId: number }> {
		const key = newItemKey();
		const data = {
			title: all(`Show ${slug}`),
			slug,
			summary: all('Summary'),
			curatorial_text: { en: '<p>Text</p>', ne: '<p>पाठ</p>', id: '<p>Teks</p>', es: '<p>Texto</p>' },
			languages,
			curator_ids: [namedArtist],
			curator_names: '',
			opens_on: '2025-01-01',
			closes_on: '',
			permanent: false,
			cover_media_id: 0,
			initiative_id: 0,
			sections: [{ key: 'one', title: all('Room one') }],
			works: artworkIds.map((id): RowData => ({ artwork_id: id, caption: all(`Caption ${id}`), section_key: 'one' }))
		};
		const saved = await saveDraft(content(), staff, { type: 'exhibition', key, data, baseRevisionId: null });
		return { key, revisionId: saved.revision.id };
	}

	it('adds a work, refuses one without an English title or with an unknown licence, and audits each change', async () => {
		await expect(createArtwork(works(), staff, work('X', { title: { en: '' } }))).rejects.toThrow(ValidationError);
		await expect(createArtwork(works(), staff, { ...work('X'), licence: 'public-domain-ish' as never })).rejects.toMatchObject({ issues: { licence: expect.any(String) } });
		await expect(createArtwork(works(), staff, work('X', { artistIds: [999_999] }))).rejects.toMatchObject({ issues: { 'artistIds.0': expect.stringContaining('no longer') } });

		const id = await createArtwork(works(), staff, work('First', { artistIds: [namedArtist, hiddenArtist] }));
		const stored = await readArtwork(handle.db, id);
		expect(stored).toMatchObject({ title: all('First'), artistIds: [namedArtist, hiddenArtist], licence: 'cc-by-4.0', year: 2024 });

		const before = await readSiteVersion(handle.db);
		await updateArtwork(works(), staff, id, work('First, renamed', { artistIds: [hiddenArtist], licence: 'cc0-1.0' }));
		expect(await readSiteVersion(handle.db)).not.toBe(before);
		expect(await readArtwork(handle.db, id)).toMatchObject({ title: all('First, renamed'), artistIds: [hiddenArtist], licence: 'cc0-1.0' });
		const { rows } = await listAudit(handle.db, { limit: 50 });
		expect(rows.filter((r) => r.subject === `artwork:${id}`).map((r) => r.action)).toEqual(expect.arrayContaining(['content.artwork-created', 'content.artwork-updated']));
		await expect(updateArtwork(works(), staff, 999_999, work('Nobody'))).rejects.toThrow(NotFoundError);
	});

	it('changes only the texts of a work with updateArtworkTexts, keeping artists, images and licence', async () => {
		const id = await createArtwork(works(), staff, work('Texts', { artistIds: [namedArtist], images: [{ mediaId: mediaIds[1]!, alt: { en: 'Old alt' } }], licence: 'cc-by-sa-4.0' }));
		const after = await updateArtworkTexts(works(), staff, id, { title: { en: 'New title', es: 'Título nuevo' }, medium: { en: 'Ink' }, description: { en: 'Long', ne: 'लामो' }, alt: [{ en: 'New alt', ne: 'नयाँ' }] });
		expect(after.title).toEqual({ en: 'New title', es: 'Título nuevo' });
		expect(after.images).toEqual([{ mediaId: mediaIds[1], alt: { en: 'New alt', ne: 'नयाँ' } }]);
		expect(after.artistIds).toEqual([namedArtist]);
		expect(after.licence).toBe('cc-by-sa-4.0');
		await expect(updateArtworkTexts(works(), staff, id, { title: { en: '' }, medium: { en: '' }, description: { en: '' }, alt: [] })).rejects.toThrow(ValidationError);
	});

	it('refuses to publish an exhibition in a language one of its works lacks alt text in, naming the work, and publishes once it is described', async () => {
		const described = await createArtwork(works(), staff, work('Described'));
		const lacking = await createArtwork(works(), staff, work('Lacking', { images: [{ mediaId: mediaIds[2]!, alt: { en: 'Only English', es: 'Solo español' } }] }));
		const { key, revisionId } = await draftExhibition('alt-rule', [described, lacking], ['en', 'ne', 'es']);

		const refusal = await publish(content(), staff, revisionId).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(ValidationError);
		const issues = (refusal as ValidationError).issues;
		expect(Object.keys(issues)).toEqual(['works.1.artwork_id']);
		expect(issues['works.1.artwork_id']).toContain('Lacking (en)');
		expect(issues['works.1.artwork_id']).toContain('Nepali');
		expect(issues['works.1.artwork_id']).not.toContain('Spanish');
		// Scheduling is refused for the same reason: the scheduled job does not check again.
		await expect(schedule(content(), staff, revisionId, new Date(Date.now() + 3_600_000))).rejects.toThrow(ValidationError);
		expect(await handle.db.selectFrom('exhibition').select('id').where('slug', '=', 'alt-rule').executeTakeFirst()).toBeUndefined();

		await updateArtworkTexts(works(), staff, lacking, { title: all('Lacking'), medium: all('Paste'), description: all('About'), alt: [{ en: 'Only English', es: 'Solo español', ne: 'नेपालीमा' }] });
		const published = await publish(content(), staff, revisionId);
		expect(published.key).toMatch(/^\d+$/);
		const rows = await handle.db.selectFrom('exhibition_work').select(['position', 'artwork_id']).where('exhibition_id', '=', Number(published.key)).orderBy('position').execute();
		expect(rows).toEqual([
			{ position: 1, artwork_id: described },
			{ position: 2, artwork_id: lacking }
		]);
		expect(key).not.toBe(published.key);
	});

	it('publishes in English alone although a work lacks alt text in other languages', async () => {
		const englishOnly = await createArtwork(works(), staff, work('English only', { images: [{ mediaId: mediaIds[0]!, alt: { en: 'Described in English' } }] }));
		const { revisionId } = await draftExhibition('english-only', [englishOnly], ['en']);
		await expect(publish(content(), staff, revisionId)).resolves.toMatchObject({ type: 'exhibition' });
	});

	it('reports per language which works lack alt text or a long description', async () => {
		const full = await createArtwork(works(), staff, work('Full'));
		const partial = await createArtwork(works(), staff, work('Partial', { description: { en: 'Only English' }, images: [{ mediaId: mediaIds[0]!, alt: { en: 'a', id: 'b' } }] }));
		const report = await coverageReport(handle.db, [full, partial], ['en', 'id']);
		const of = (locale: string) => report.find((r) => r.locale === locale)!;
		expect(of('en')).toMatchObject({ published: true, lackingAlt: [], lackingDescription: [] });
		expect(of('id')).toMatchObject({ published: true, lackingAlt: [], lackingDescription: [{ position: 2, artworkId: partial }] });
		expect(of('ne')).toMatchObject({ published: false, lackingAlt: [{ position: 2, artworkId: partial }], lackingDescription: [{ position: 2, artworkId: partial }] });
	});

	it('moves a work up or down as a new draft, and the published walk follows once published', async () => {
		const a = await createArtwork(works(), staff, work('Walk A'));
		const b = await createArtwork(works(), staff, work('Walk B'));
		const c = await createArtwork(works(), staff, work('Walk C'));
		const { revisionId } = await draftExhibition('walk-order', [a, b, c], ['en', 'ne', 'id', 'es']);
		const { key } = await publish(content(), staff, revisionId);
		const item = { type: 'exhibition' as const, key, field: 'works' };

		expect(await moveItemRow(content(), staff, item, 3, 'up')).toBe(2);
		expect(await moveItemRow(content(), staff, item, 1, 'up')).toBe(1);
		await expect(moveItemRow(content(), staff, item, 9, 'down')).rejects.toThrow(NotFoundError);
		const editable = await getEditable(handle.db, 'exhibition', key);
		const order = (data: ItemData | undefined) => (data!.works as RowData[]).map((w) => w.artwork_id);
		expect(order(editable.pending?.data)).toEqual([a, c, b]);
		// Not public until published.
		expect(order(editable.live)).toEqual([a, b, c]);
		await publish(content(), staff, editable.pending!.id);
		const live = await handle.db.selectFrom('exhibition_work').select('artwork_id').where('exhibition_id', '=', Number(key)).orderBy('position').execute();
		expect(live.map((r) => r.artwork_id)).toEqual([a, c, b]);

		const page = await getWorkPage(works(), 'walk-order', 2, 'es');
		expect(page).toMatchObject({ position: 2, count: 3, title: { text: 'Walk C (es)', lang: 'es' } });
		expect(await getWorkPage(works(), 'walk-order', 4, 'en')).toBeUndefined();
	});

	it('refuses to delete a work an exhibition shows', async () => {
		const shown = (await handle.db.selectFrom('exhibition_work').select('artwork_id').executeTakeFirstOrThrow()).artwork_id;
		await expect(deleteArtwork(works(), staff, shown)).rejects.toMatchObject({ issues: { delete: expect.stringContaining('exhibition') } });
		const loose = await createArtwork(works(), staff, work('Loose'));
		await deleteArtwork(works(), staff, loose);
		expect(await readArtwork(handle.db, loose)).toBeUndefined();
	});

	it('shows an exhibition in English, marked so, in a language it is not published in; names artists only as they allow', async () => {
		const credited = await createArtwork(works(), staff, work('Credited', { artistIds: [namedArtist, hiddenArtist] }));
		const { revisionId } = await draftExhibition('english-shown', [credited], ['en', 'es']);
		await publish(content(), staff, revisionId);

		const inNepali = await getExhibitionOverview(works(), 'english-shown', 'ne', '2026-01-01');
		expect(inNepali).toMatchObject({ inEnglishOnly: true, title: { text: 'Show english-shown (en)', lang: 'en' } });
		// The Nepali caption exists in the data, but the exhibition is not published in Nepali.
		expect(inNepali!.sections[0]!.works[0]!.caption).toEqual({ text: `Caption ${credited} (en)`, lang: 'en' });
		const inSpanish = await getExhibitionOverview(works(), 'english-shown', 'es', '2026-01-01');
		expect(inSpanish).toMatchObject({ inEnglishOnly: false, title: { text: 'Show english-shown (es)', lang: 'es' } });
		expect(inSpanish!.curators).toEqual([{ kind: 'name', name: 'Name of named-one' }]);
		expect(inSpanish!.sections[0]!.works[0]!.artists).toEqual([{ kind: 'name', name: 'Name of named-one' }, { kind: 'neutral', wording: null }]);
		expect(JSON.stringify(inSpanish)).not.toContain('Name of quiet-one');

		const list = await listExhibitions(works(), 'en', '2026-01-01');
		expect(list.current.map((c) => c.slug)).toContain('english-shown');
		expect(await getExhibitionOverview(works(), 'no-such-show', 'en', '2026-01-01')).toBeUndefined();
	});
});
