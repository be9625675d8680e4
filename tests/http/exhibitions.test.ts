/**
 * Exhibitions as the built server answers them: the list, the overview and the
 * walk of one work per page in four languages without script, 404 pages in the
 * reader's language, the IIIF manifest checked against Presentation 3 with its
 * images fetched, the weight of a work page on a phone asking to save data, and
 * staff's flows: bulk upload of works, their alt text, an exhibition refused and
 * then published, and its works reordered with plain form posts.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales, type Locale, type Localized } from '$lib/i18n/locales';
import type { DatabaseHandle } from '$lib/server/db/connect';
import { formValuesFromData } from '$lib/server/content/content-form';
import type { ItemData, RowData } from '$lib/server/content/content-items';
import { getEditable, newItemKey } from '$lib/server/content/revisions.service';
import { demoExhibitions } from '$lib/server/demo/demo-content-exhibitions';
import { localized, parseHtml, startTestServer, textOf, type Element, type TestServer } from '../support/http';
import { presentation3Problems } from '../support/iiif-presentation';
import { signedIn, type AdminClient } from '../support/staff';
import { photoLike } from '../support/test-images';

const messages = Object.fromEntries(locales.map((l) => [l, JSON.parse(readFileSync(new URL(`../../messages/${l}.json`, import.meta.url), 'utf8')) as Record<string, string>])) as Record<Locale, Record<string, string>>;
const climate = demoExhibitions.find((e) => e.slug === 'climate-pasted')!;

let site: TestServer;
let database: DatabaseHandle;
beforeAll(async () => {
	site = await startTestServer();
	database = await site.openDatabase();
});
afterAll(async () => {
	await site?.stop();
});

async function page(path: string, headers: Record<string, string> = {}) {
	const response = await fetch(site.origin + path, { headers });
	return { status: response.status, html: await response.text(), headers: response.headers };
}

const attr = (element: Element | undefined, name: string) => element?.attribs[name];
const first = (html: string, test: (e: Element) => boolean) => parseHtml(html).all(test)[0];
const jsonLd = (html: string) => parseHtml(html).all((e) => e.name === 'script' && e.attribs.type === 'application/ld+json').map((e) => JSON.parse(textOf(e.children.map((c) => ('data' in c ? c.data : '')).join(''))) as Record<string, unknown>);

describe('the public pages of exhibitions', () => {
	it('lists the exhibitions, the overview and a work in every language, each in its own words', async () => {
		for (const locale of locales) {
			const list = await page(localized('/exhibitions', locale));
			expect(list.status, locale).toBe(200);
			expect(list.html).toContain(`lang="${locale}"`);
			expect(textOf(list.html)).toContain(messages[locale].exhibitions_permanent!);
			expect(textOf(list.html)).toContain(messages[locale].exhibitions_current!);
			expect(list.html).toContain(`href="${localized('/exhibitions/climate-pasted', locale)}"`);
			expect(list.html).toContain(`href="${localized('/exhibitions/night-light', locale)}"`);

			const overview = await page(localized('/exhibitions/climate-pasted', locale));
			expect(overview.status).toBe(200);
			expect(textOf(first(overview.html, (e) => e.name === 'h1')!.children.map((c) => ('data' in c ? c.data : '')).join(''))).toBe(climate.title[locale]);
			expect(jsonLd(overview.html).some((d) => d['@type'] === 'ExhibitionEvent' && d.name === climate.title[locale])).toBe(true);
			const manifestLink = first(overview.html, (e) => e.name === 'a' && attr(e, 'href') === '/exhibitions/climate-pasted/manifest.json');
			expect(manifestLink, 'a link to the IIIF manifest').toBeDefined();
			// Every work of the walk is linked from its section.
			for (let n = 1; n <= climate.works.length; n++) expect(overview.html).toContain(`href="${localized(`/exhibitions/climate-pasted/${n}`, locale)}"`);
			for (const section of climate.sections) expect(textOf(overview.html)).toContain(section.title[locale]);

			const work = await page(localized('/exhibitions/climate-pasted/1', locale));
			expect(work.status).toBe(200);
			expect(textOf(work.html)).toContain(climate.works[0]!.title[locale]);
			expect(textOf(work.html)).toContain(climate.works[0]!.description[locale]);
			expect(textOf(work.html)).toContain('CC BY 4.0');
			expect(jsonLd(work.html).some((d) => d['@type'] === 'VisualArtwork' && d.name === climate.works[0]!.title[locale])).toBe(true);
			// No script is needed; the one there is optional, from this site, never inline.
			const scripts = parseHtml(work.html).all((e) => e.name === 'script' && e.attribs.type !== 'application/ld+json');
			expect(scripts.map((s) => attr(s, 'src'))).toEqual(['/exhibition-walk.js']);
		}
		const script = await fetch(`${site.origin}/exhibition-walk.js`);
		expect(script.status).toBe(200);
		expect(await script.text()).toContain('ArrowRight');
	});

	it('walks from the first work to the last by rel=next and back by rel=prev, saying n of N', async () => {
		const count = climate.works.length;
		let path: string | undefined = '/ne/exhibitions/climate-pasted/1';
		const visited: string[] = [];
		while (path) {
			const { status, html } = await page(path);
			expect(status, path).toBe(200);
			visited.push(path);
			const n = visited.length;
			expect(textOf(html)).toContain(messages.ne.work_position!.replace('{n}', String(n)).replace('{count}', String(count)));
			const prev = first(html, (e) => e.name === 'a' && (attr(e, 'rel') ?? '').split(' ').includes('prev'));
			expect(attr(prev, 'href')).toBe(n === 1 ? undefined : visited[n - 2]);
			const headPrev = first(html, (e) => e.name === 'link' && attr(e, 'rel') === 'prev');
			expect(attr(headPrev, 'href')).toBe(n === 1 ? undefined : visited[n - 2]);
			path = attr(
				first(html, (e) => e.name === 'a' && (attr(e, 'rel') ?? '').split(' ').includes('next')),
				'href'
			);
			expect(visited.length).toBeLessThanOrEqual(count);
		}
		expect(visited).toEqual(climate.works.map((_, i) => `/ne/exhibitions/climate-pasted/${i + 1}`));
	});

	it('answers an unknown exhibition and a work outside the walk with a 404 page in the reader’s language', async () => {
		for (const locale of locales) {
			for (const path of ['/exhibitions/no-such-show', '/exhibitions/climate-pasted/9', '/exhibitions/climate-pasted/0', '/exhibitions/climate-pasted/01', '/exhibitions/Bad%20Slug!', '/exhibitions/no-such-show/1']) {
				const { status, html } = await page(localized(path, locale));
				expect(status, `${locale} ${path}`).toBe(404);
				expect(html).toContain(`lang="${locale}"`);
				expect(textOf(html)).toContain(messages[locale].exhibition_not_found);
			}
		}
		expect((await fetch(`${site.origin}/exhibitions/no-such-show/manifest.json`)).status).toBe(404);
	});

	it('finds an exhibition by its title and by a work it shows, in the site’s search', async () => {
		for (const query of ['Climate pasted', 'Heat map']) {
			const { status, html } = await page(`/search?q=${encodeURIComponent(query)}`);
			expect(status).toBe(200);
			expect(html, query).toContain('href="/exhibitions/climate-pasted"');
		}
		const { html } = await page(`/es/search?q=${encodeURIComponent('Mapa de calor')}`);
		expect(html).toContain('href="/es/exhibitions/climate-pasted"');
		expect(textOf(html)).toContain(messages.es.exhibition_search_kind);
	});

	it('lists exhibitions and every work page in the sitemap, in every language', async () => {
		const sitemap = await (await fetch(`${site.origin}/sitemap.xml`)).text();
		for (const locale of locales) {
			expect(sitemap).toContain(`<loc>${site.origin}${localized('/exhibitions', locale)}</loc>`);
			expect(sitemap).toContain(`<loc>${site.origin}${localized(`/exhibitions/climate-pasted/${climate.works.length}`, locale)}</loc>`);
		}
	});
});

describe('staff make works and an exhibition, and the public gets its manifest', () => {
	let editor: AdminClient;
	let workIds: number[] = [];
	let exhibitionKey = '';
	const slug = 'fresh-paste';
	const all = (text: string): Localized => ({ en: `${text} (en)`, ne: `${text} (ne)`, id: `${text} (id)`, es: `${text} (es)` });

	beforeAll(async () => {
		editor = await signedIn(site, 'curator@example.org', 'editor');
	});

	async function workRow(id: number) {
		return database.db.selectFrom('artwork').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	}

	/** The editor's form as posted for the exhibition's newest version, with a change. */
	async function editorForm(change: (data: ItemData) => void = () => {}): Promise<Record<string, string>> {
		const editable = await getEditable(database.db, 'exhibition', exhibitionKey);
		const data = structuredClone(editable.pending?.data ?? editable.live!);
		change(data);
		const values = formValuesFromData('exhibition', data);
		const fields: Record<string, string> = {};
		// A flag is sent only when ticked, and a list of ids one input each, as the browser does.
		for (const [name, value] of Object.entries(values)) if (!(name === 'permanent' && value === '') && name !== 'curator_ids') fields[name] = value;
		if (editable.latestRevisionId) fields.base = String(editable.latestRevisionId);
		return fields;
	}

	it('uploads several images without script, one new work each, and refuses a file that is not an image', async () => {
		const response = await editor.post('/admin/works/upload', { files: new Blob([new Uint8Array(await photoLike(1600, 1067))], { type: 'image/jpeg' }) });
		expect(response.status).toBe(200);
		// FormData with several files under one name, as a multiple file input sends them.
		const body = new FormData();
		body.append('files', new Blob([new Uint8Array(await photoLike(1200, 800))], { type: 'image/jpeg' }), 'second-wall.jpg');
		body.append('files', new Blob(['not an image'], { type: 'image/jpeg' }), 'notes.jpg');
		const several = await fetch(`${site.origin}/admin/works/upload`, { method: 'POST', body, headers: { cookie: editor.cookieHeader, origin: site.origin, accept: 'text/html' } });
		expect(several.status).toBe(200);
		const text = textOf(await several.text());
		expect(text).toMatch(/second-wall\.jpg: work \d+ added/);
		expect(text).toMatch(/notes\.jpg: .+/);
		const rows = await database.db.selectFrom('artwork').select(['id', 'title', 'images']).orderBy('id', 'desc').limit(2).execute();
		workIds = rows.map((r) => r.id).reverse();
		expect(JSON.parse(rows[0]!.title)).toMatchObject({ en: 'Second wall' });
		// The images go through the media library, which makes their variants in the background.
		const mediaIds = rows.map((r) => (JSON.parse(r.images) as { mediaId: number }[])[0]!.mediaId);
		const deadline = Date.now() + 90_000;
		for (;;) {
			const ready = await database.db.selectFrom('media').select('status').where('id', 'in', mediaIds).execute();
			if (ready.every((r) => r.status === 'ready')) break;
			expect(ready.some((r) => r.status === 'failed')).toBe(false);
			expect(Date.now()).toBeLessThan(deadline);
			await new Promise((r) => setTimeout(r, 250));
		}
	}, 120_000);

	it('describes a work in the work editor, in every language but one', async () => {
		const [a, b] = workIds as [number, number];
		for (const [id, title, languages] of [
			[a, 'Paste one', locales],
			[b, 'Paste two', locales.filter((l) => l !== 'ne')]
		] as const) {
			const images = JSON.parse((await workRow(id)).images) as { mediaId: number }[];
			const fields: Record<string, string> = { year: '2025', dimensions: '84 × 59 cm', credit: 'Courtesy of the artist', licence: 'cc-by-sa-4.0', 'images.0.mediaId': String(images[0]!.mediaId) };
			for (const l of locales) {
				fields[`title.${l}`] = all(title)[l]!;
				fields[`medium.${l}`] = all('Paste')[l]!;
				fields[`description.${l}`] = all(`About ${title}`)[l]!;
			}
			for (const l of languages) fields[`images.0.alt.${l}`] = all(`Alt of ${title}`)[l]!;
			const saved = await editor.post(`/admin/works/${id}?/save`, fields);
			expect(saved.status).toBe(303);
			expect(JSON.parse((await workRow(id)).title)).toMatchObject({ en: `${title} (en)`, ne: `${title} (ne)` });
		}
		const refused = await editor.post(`/admin/works/${a}?/save`, { 'title.en': '', licence: 'cc-by-4.0' });
		expect(refused.status).toBe(400);
	});

	it('refuses to publish in Nepali while a work lacks Nepali alt text, then publishes once it is described; reorders without script', async () => {
		exhibitionKey = newItemKey();
		const data: Record<string, string> = { slug, 'title.en': 'Fresh paste', opens_on: '2025-06-01', closes_on: '', languages: 'English, Nepali, Indonesian, Spanish', curator_names: 'Staff' };
		for (const l of locales) {
			data[`title.${l}`] = all('Fresh paste')[l]!;
			data[`summary.${l}`] = all('Two new works')[l]!;
			data[`curatorial_text.${l}`] = `<p>${all('Why these')[l]}</p>`;
			data[`sections.0.title.${l}`] = all('Wall')[l]!;
		}
		data['sections.0.key'] = 'wall';
		workIds.forEach((id, i) => {
			data[`works.${i}.artwork_id`] = String(id);
			data[`works.${i}.section_key`] = 'wall';
			for (const l of locales) data[`works.${i}.caption.${l}`] = all(`Caption ${i + 1}`)[l]!;
		});
		const saved = await editor.post(`/admin/content/exhibition/${exhibitionKey}?/save`, data);
		expect(saved.status).toBe(200);

		// The editor offers each work by its title, chosen from a list, not typed as a number.
		const editorPage = parseHtml(await (await editor.get(`/admin/content/exhibition/${exhibitionKey}`)).text());
		const workSelect = editorPage.all((e) => e.name === 'select' && e.attribs.name === 'works.0.artwork_id')[0];
		expect(workSelect, 'a list to choose the first work from').toBeDefined();
		const options = editorPage.all((e) => e.name === 'option' && e.parent === workSelect).map((o) => [o.attribs.value, o.children.map((c) => ('data' in c ? c.data : '')).join('')]);
		expect(options).toContainEqual([String(workIds[1]), `Paste two (en) (work ${workIds[1]})`]);

		// The coverage table names the work without Nepali alt text.
		const coverage = textOf(await (await editor.get(`/admin/exhibitions/${exhibitionKey}`)).text());
		expect(coverage).toMatch(/Nepali\s*Yes\s*2\. Paste two \(en\)/);

		const refused = await editor.post(`/admin/content/exhibition/${exhibitionKey}?/publish`, await editorForm());
		expect(refused.status).toBe(400);
		expect(textOf(await refused.text())).toContain('Paste two (en)');
		expect(await database.db.selectFrom('exhibition').select('id').where('slug', '=', slug).executeTakeFirst()).toBeUndefined();

		// Reordering is a plain form post: the second work moves up, as a draft.
		const moved = await editor.post(`/admin/exhibitions/${exhibitionKey}?/move`, { position: '2', direction: 'up' });
		expect(moved.status).toBe(303);
		expect(moved.headers.get('location')).toBe(`/admin/exhibitions/${exhibitionKey}?moved=1`);
		const order = ((await getEditable(database.db, 'exhibition', exhibitionKey)).pending!.data.works as RowData[]).map((w) => w.artwork_id);
		expect(order).toEqual([workIds[1], workIds[0]]);
		// A drag posts the place the row was dropped on: there and back again, each a draft.
		const orderNow = async () => ((await getEditable(database.db, 'exhibition', exhibitionKey)).pending!.data.works as RowData[]).map((w) => w.artwork_id);
		expect((await editor.post(`/admin/exhibitions/${exhibitionKey}?/move`, { position: '1', to: '2' })).headers.get('location')).toBe(`/admin/exhibitions/${exhibitionKey}?moved=2`);
		expect(await orderNow()).toEqual([workIds[0], workIds[1]]);
		expect((await editor.post(`/admin/exhibitions/${exhibitionKey}?/move`, { position: '2', to: '1' })).status).toBe(303);
		expect(await orderNow()).toEqual([workIds[1], workIds[0]]);
		expect((await editor.post(`/admin/exhibitions/${exhibitionKey}?/move`, { position: '2' })).status).toBe(400);

		const images = JSON.parse((await workRow(workIds[1]!)).images) as { mediaId: number }[];
		const fields: Record<string, string> = { licence: 'cc-by-sa-4.0', year: '2025', 'images.0.mediaId': String(images[0]!.mediaId) };
		for (const l of locales) {
			fields[`title.${l}`] = all('Paste two')[l]!;
			fields[`images.0.alt.${l}`] = all('Alt of Paste two')[l]!;
		}
		expect((await editor.post(`/admin/works/${workIds[1]}?/save`, fields)).status).toBe(303);

		const published = await editor.post(`/admin/content/exhibition/${exhibitionKey}?/publish`, await editorForm());
		expect(published.status).toBe(303);
		const id = /\/admin\/content\/exhibition\/(\d+)\?published/.exec(published.headers.get('location') ?? '')?.[1];
		expect(id).toBeDefined();
		exhibitionKey = id!;
		const walk = await database.db.selectFrom('exhibition_work').select(['position', 'artwork_id']).where('exhibition_id', '=', Number(id)).orderBy('position').execute();
		expect(walk).toEqual([
			{ position: 1, artwork_id: workIds[1] },
			{ position: 2, artwork_id: workIds[0] }
		]);
		const publicPage = await page('/id/exhibitions/fresh-paste/1');
		expect(publicPage.status).toBe(200);
		expect(textOf(publicPage.html)).toContain('Paste two (id)');
	});

	it('serves a IIIF Presentation 3 manifest whose images are served', async () => {
		const response = await fetch(`${site.origin}/exhibitions/${slug}/manifest.json`);
		expect(response.status).toBe(200);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('content-type')).toBe('application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"');
		const manifest = (await response.json()) as Record<string, any>;
		expect(presentation3Problems(manifest)).toEqual([]);
		expect(manifest.id).toBe(`${site.origin}/exhibitions/${slug}/manifest.json`);
		expect(manifest.label).toEqual({ en: ['Fresh paste (en)'], ne: ['Fresh paste (ne)'], id: ['Fresh paste (id)'], es: ['Fresh paste (es)'] });
		expect(manifest.items.map((c: any) => c.label.en[0])).toEqual(['Paste two (en)', 'Paste one (en)']);
		expect(manifest.items[0].rights).toBe('http://creativecommons.org/licenses/by-sa/4.0/');
		expect(manifest.structures).toEqual([expect.objectContaining({ type: 'Range', label: expect.objectContaining({ en: ['Wall (en)'] }), items: manifest.items.map((c: any) => ({ id: c.id, type: 'Canvas' })) })]);
		for (const canvas of manifest.items) {
			const body = canvas.items[0].items[0].body;
			expect(body.service[0].id).toMatch(new RegExp(`^${site.origin}/iiif/[A-Za-z0-9_-]+$`));
			const image = await fetch(body.id);
			expect(image.status, body.id).toBe(200);
			expect(image.headers.get('content-type')).toBe('image/jpeg');
			const bytes = new Uint8Array(await image.arrayBuffer());
			expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
			// The image service a viewer zooms with: its info.json matches the canvas, and its first tile is there.
			const info = (await (await fetch(`${body.service[0].id}/info.json`)).json()) as Record<string, any>;
			expect(info.id).toBe(body.service[0].id);
			expect([info.width, info.height]).toEqual([canvas.width, canvas.height]);
			const tileSize = info.tiles[0].width as number;
			const [w, h] = [Math.min(tileSize, info.width), Math.min(tileSize, info.height)];
			const tile = await fetch(`${info.id}/0,0,${w},${h}/${w},${h}/0/default.jpg`);
			expect(tile.status, 'the top-left tile at full size').toBe(200);
		}
		// The validator itself refuses what is not a manifest.
		expect(presentation3Problems({ ...manifest, items: [{ ...manifest.items[0], width: 0 }] })).toContain('items[0]: width and height must be positive integers');
		expect(presentation3Problems({ ...manifest, type: 'Collection' })).toContain('manifest.type: Collection, not Manifest');
	});

	it('keeps a work page under 60 KB in all, image included, on a phone that asks to save data', async () => {
		const { status, html } = await page('/exhibitions/fresh-paste/1', { 'save-data': 'on' });
		expect(status).toBe(200);
		let total = Buffer.byteLength(html);
		const doc = parseHtml(html);
		const assets = [
			...doc.all((e) => e.name === 'link' && attr(e, 'rel') === 'stylesheet').map((e) => attr(e, 'href')!),
			...doc.all((e) => e.name === 'script' && attr(e, 'src') !== undefined).map((e) => attr(e, 'src')!)
		];
		// The browser takes the first <source> it can show (AVIF) and, with one candidate, that one.
		const picture = doc.all((e) => e.name === 'picture')[0];
		const source = picture && doc.all((e) => e.name === 'source' && e.parent === picture)[0];
		const candidates = (attr(source, 'srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)[0]!);
		expect(candidates.length).toBe(1);
		assets.push(candidates[0]!);
		for (const asset of assets) {
			const response = await fetch(new URL(asset, site.origin));
			expect(response.status, asset).toBe(200);
			total += (await response.arrayBuffer()).byteLength;
		}
		expect(total).toBeLessThan(60 * 1024);
	});
});
