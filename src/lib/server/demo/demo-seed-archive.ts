import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { writeLiveItem, type ItemData, type RowData } from '$lib/server/content/content-items';
import { checkItemData, newItemKey } from '$lib/server/content/revisions.service';
import { demoInitiatives, demoKinds, demoPrograms, demoStories } from './demo-content-archive';
import { demoEventKinds } from './demo-content-events';
import type { DemoPhoto } from './demo-archive.types';

/** Every photo of the demo archive: the initiatives' galleries and the stories' covers. */
export function demoArchivePhotos(): DemoPhoto[] {
	return [...demoInitiatives.flatMap((i) => i.photos), ...demoStories.flatMap((s) => (s.photo ? [s.photo] : []))];
}

/**
 * The demo archive (and the kinds of event), written the way publishing writes it: each item checked as
 * an editor's input is, then stored by the content domain's own writer, so the
 * demo cannot hold anything the editor would refuse. `photoIds` gives the media
 * id of each demo photo by its key (photos not made yet are left out).
 */
export async function seedDemoArchive(trx: Kysely<Database>, now: string, photoIds: ReadonlyMap<string, number>): Promise<void> {
	const kindIds = new Map<string, number>();
	for (const kind of demoKinds) {
		const key = await writeLiveItem(trx, 'initiative_kind', newItemKey(), checkItemData('initiative_kind', { name: kind.name, key: kind.key.replace(/_/g, '-') }), now);
		kindIds.set(kind.key, Number(key));
	}
	const programIds = new Map<string, number>();
	for (const program of demoPrograms) {
		const key = await writeLiveItem(trx, 'initiative_program', newItemKey(), checkItemData('initiative_program', { name: program.name, key: program.key.replace(/_/g, '-') }), now);
		programIds.set(program.key, Number(key));
	}
	for (const kind of demoEventKinds) {
		await writeLiveItem(trx, 'event_kind', newItemKey(), checkItemData('event_kind', { name: kind.name, key: kind.key }), now);
	}
	const calls = new Map((await trx.selectFrom('open_call').select(['id', 'slug']).execute()).map((c) => [c.slug, c.id]));

	const initiativeIds = new Map<string, number>();
	for (const initiative of demoInitiatives) {
		const data: Record<string, unknown> = {
			title: initiative.title,
			slug: initiative.slug,
			summary: initiative.summary,
			body: initiative.body,
			theme: initiative.theme ?? { en: '' },
			kind_id: kindIds.get(initiative.kind) ?? 0,
			program_id: (initiative.program && programIds.get(initiative.program)) || 0,
			start_date: initiative.startDate,
			end_date: initiative.endDate ?? '',
			places: initiative.places.map(
				(p): RowData => ({ name: p.name, city: p.city, country: p.country, latitude: p.latitude, longitude: p.longitude, virtual: p.virtual === true })
			),
			figures: initiative.figures.map((f): RowData => ({ label: f.label, value: f.value, source: f.source, participants: f.participants === true })),
			credits: initiative.credits.map((c): RowData => ({ name: c.name, role: c.role, note: c.note ?? { en: '' } })),
			gallery: initiative.photos.flatMap((p): RowData[] => {
				const id = photoIds.get(p.key);
				return id ? [{ media_id: id, caption: p.caption, credit: p.credit }] : [];
			}),
			call_ids: (initiative.callSlugs ?? []).flatMap((slug) => {
				const id = calls.get(slug);
				return id ? [id] : [];
			})
		};
		const key = await writeLiveItem(trx, 'initiative', newItemKey(), checkItemData('initiative', data), now);
		initiativeIds.set(initiative.slug, Number(key));
	}

	for (const story of demoStories) {
		const data: ItemData = checkItemData('story', {
			title: story.title,
			slug: story.slug,
			standfirst: story.standfirst,
			body: story.body,
			cover_media_id: (story.photo && photoIds.get(story.photo.key)) || 0,
			author_name: story.author,
			published_on: story.publishedOn,
			tags: story.tags,
			initiative_ids: story.initiativeSlugs.flatMap((slug) => {
				const id = initiativeIds.get(slug);
				return id ? [id] : [];
			})
		});
		await writeLiveItem(trx, 'story', newItemKey(), data, now);
	}
}
