import type { Kysely } from 'kysely';
import { localizedPath } from '$lib/i18n/paths';
import type { Locale, Text } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { writeICalendar, type CalendarEvent } from '$lib/server/shared/icalendar';
import { pickJson } from '$lib/server/shared/localized-text';
import { sessionUid } from './registration-links';
import { attendeeSequence, eventsProdId, mailSession, registrationCalendar, venueText } from './registration-mail';
import { findByToken } from './registration.service';

/*
 * Calendar files for the public and for one registrant. Every session has one
 * UID for its whole life (`sessionUid`) and its SEQUENCE, in the e-mails, the
 * downloads and the feeds alike, so a calendar that has the session from any of
 * them updates the one entry.
 *
 * The public files (one session's download, the feeds) say what the event's page
 * says and no more: no online link, no directions or map point, nobody's name.
 * They carry no METHOD: each event's DTSTAMP is then its last change, so the
 * same sessions give the same bytes, which caches and ETags rely on.
 */

/** The public fields of a session with its event, as the public calendars need them. */
function publicSessions(db: Kysely<Database>) {
	return db
		.selectFrom('event_session')
		.innerJoin('event', 'event.id', 'event_session.event_id')
		.select([
			'event_session.id',
			'event_session.starts_local',
			'event_session.ends_local',
			'event_session.time_zone',
			'event_session.online',
			'event_session.venue_name',
			'event_session.venue_address',
			'event_session.country',
			'event_session.status',
			'event_session.sequence',
			'event_session.updated_at',
			'event.slug',
			'event.title',
			'event.summary'
		]);
}
type PublicSession = Awaited<ReturnType<ReturnType<typeof publicSessions>['executeTakeFirstOrThrow']>>;

/** A session as a public calendar entry, its texts in `locale` or, where missing, English (tagged as such). */
function publicEntry(session: PublicSession, origin: string, locale: Locale, onlineWord: string): CalendarEvent {
	const title = pickJson(session.title, locale);
	const summary = pickJson(session.summary, locale);
	// Title and summary are tagged with one language per entry: the summary goes only when it is in the title's.
	const description = summary.lang === title.lang ? summary.text.trim() : '';
	return {
		uid: sessionUid(origin, session.id),
		sequence: session.sequence,
		start: session.starts_local,
		end: session.ends_local,
		timeZone: session.time_zone,
		summary: title.text,
		language: title.lang,
		...(description ? { description } : {}),
		location: session.online ? onlineWord : venueText(session, locale),
		url: `${origin.replace(/\/$/, '')}${localizedPath(`/events/${session.slug}`, locale)}`,
		status: session.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
		lastModified: session.updated_at
	};
}

export interface PublicCalendar {
	/** The event's title, to name the downloaded file. */
	title: Text;
	content: string;
}

/**
 * One session of a published event as a calendar file anyone may download;
 * undefined when there is no such session (or its event is not published yet).
 * `onlineWord`: "Online" in the reader's language, the location of an online session.
 */
export async function publicSessionCalendar(
	db: Kysely<Database>,
	options: { origin: string; sessionId: number; locale: Locale; onlineWord: string; now: Date }
): Promise<PublicCalendar | undefined> {
	const session = await publicSessions(db).where('event_session.id', '=', options.sessionId).where('event.published_at', '<=', options.now.toISOString()).executeTakeFirst();
	if (!session) return undefined;
	const title = pickJson(session.title, options.locale);
	return { title, content: writeICalendar({ prodId: eventsProdId, language: options.locale, events: [publicEntry(session, options.origin, options.locale, options.onlineWord)] }) };
}

/**
 * The feed to subscribe to: the sessions of published events that have not ended
 * by `now`, cancelled ones included (STATUS:CANCELLED, so a subscribed calendar
 * strikes them out rather than just losing them), in order of their start.
 */
export async function upcomingSessionsCalendar(
	db: Kysely<Database>,
	options: { origin: string; locale: Locale; name: string; onlineWord: string; now: Date; limit?: number }
): Promise<string> {
	const at = options.now.toISOString();
	const sessions = await publicSessions(db)
		.where('event.published_at', '<=', at)
		.where('event_session.ends_at', '>', at)
		.orderBy('event_session.starts_at')
		.orderBy('event_session.id')
		.limit(options.limit ?? 500)
		.execute();
	return writeICalendar({
		prodId: eventsProdId,
		name: options.name,
		language: options.locale,
		// Calendars that subscribed look again every hour: a move or a cancellation reaches them the same day.
		refreshInterval: 'PT1H',
		events: sessions.map((session) => publicEntry(session, options.origin, options.locale, options.onlineWord))
	});
}

/**
 * A confirmed registrant's own calendar entry, as their confirmation e-mail
 * carries it (REQUEST with the session's UID and their SEQUENCE, the online link
 * included), in the language of the page they download it from; undefined unless the link names
 * a confirmed registration of a session that goes ahead.
 */
export async function registrationCalendarFile(db: Kysely<Database>, options: { origin: string; token: string; locale: Locale; now: Date }): Promise<PublicCalendar | undefined> {
	const registration = await findByToken(db, options.token);
	if (!registration || registration.status !== 'confirmed') return undefined;
	const session = await mailSession(db, registration.session_id);
	if (session.status !== 'scheduled') return undefined;
	const locale = options.locale;
	const content = registrationCalendar({
		origin: options.origin,
		createdAt: options.now.toISOString(),
		session,
		registration,
		locale,
		method: 'REQUEST',
		sequence: await attendeeSequence(db, session, registration)
	});
	return { title: pickJson(session.title, locale), content };
}
