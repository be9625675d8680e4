import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { writeLiveItem, type ItemData, type RowData } from '$lib/server/content/content-items';
import { checkItemData, newItemKey } from '$lib/server/content/revisions.service';
import { demoInitiatives, demoKinds, demoPrograms, demoStories } from './demo-content-archive';
import { demoEventKinds, demoEvents, type DemoSession } from './demo-content-events';
import { sessionValues } from '$lib/server/events/session.service';
import { instantToZonedWallTime } from '$lib/server/shared/zoned-time';
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
	const eventKindIds = new Map<string, number>();
	for (const kind of demoEventKinds) {
		const key = await writeLiveItem(trx, 'event_kind', newItemKey(), checkItemData('event_kind', { name: kind.name, key: kind.key }), now);
		eventKindIds.set(kind.key, Number(key));
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
			credits: initiative.credits.map((c): RowData => ({ name: c.name, role: c.role, note: c.note ?? { en: '' }, artistId: 0 })),
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

	for (const event of demoEvents) {
		const data = checkItemData('event', {
			title: event.title,
			slug: event.slug,
			summary: event.summary,
			body: event.body,
			kind_id: eventKindIds.get(event.kind) ?? 0,
			initiative_id: (event.initiativeSlug && initiativeIds.get(event.initiativeSlug)) || 0,
			cover_media_id: 0,
			organizer_name: event.organizer,
			organizer_email: 'events@example.org',
			step_free: event.access.step_free,
			seating: event.access.seating,
			sign_language: event.access.sign_language,
			captions: event.access.captions,
			quiet_space: event.access.quiet_space,
			languages_spoken: event.access.languages,
			access_note: event.access.note,
			party_max: event.partyMax,
			hold_minutes: 60,
			offer_hours: 24,
			remind_day_before: true,
			remind_hour_before: true,
			questions: event.questions.map((q): RowData => ({ label: q.label, required: q.required, key: '' }))
		});
		const eventId = Number(await writeLiveItem(trx, 'event', newItemKey(), data, now));
		for (const session of event.sessions) {
			// Checked as staff's input is, so the demo cannot hold a session the admin would refuse.
			const values = sessionValues(demoSessionInput(session, event.slug, Date.parse(now)));
			await trx
				.insertInto('event_session')
				.values({ ...values, event_id: eventId, moved_at: null, created_at: now, updated_at: now })
				.execute();
		}
	}
}

const dayMs = 24 * 60 * 60_000;

/** A demo session as staff would type it: wall times on the day `inDays` from the seeding, in the session's zone. */
function demoSessionInput(session: DemoSession, slug: string, seedMs: number) {
	const day = instantToZonedWallTime(seedMs + session.inDays * dayMs, session.timeZone).slice(0, 10);
	const [hours, minutes] = session.starts.split(':').map(Number) as [number, number];
	const endMinutes = hours * 60 + minutes + session.lengthMinutes;
	const ends = `${String(Math.floor(endMinutes / 60) % 24).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;
	if (endMinutes >= 24 * 60) throw new Error(`Demo event ${slug}: a session must end on the day it starts`);
	return {
		startsLocal: `${day}T${session.starts}`,
		endsLocal: `${day}T${ends}`,
		timeZone: session.timeZone,
		online: session.online === true,
		// A placeholder meeting room: shown to confirmed registrants only.
		onlineUrl: session.online ? `https://meet.example.org/${slug}` : '',
		venueName: session.venueName ?? '',
		venueAddress: session.venueAddress ?? '',
		country: session.country ?? '',
		latitude: session.latitude ?? null,
		longitude: session.longitude ?? null,
		directions: session.directions ?? {},
		capacity: session.capacity,
		registrationOpensLocal: '',
		registrationClosesLocal: ''
	};
}
