import type { Kysely } from 'kysely';
import type { Locale, Text } from '$lib/i18n/locales';
import type { Database, EventSessionStatus } from '$lib/server/db/schema';
import { pickJson } from '$lib/server/shared/localized-text';
import { canonicalTimeZone } from '$lib/server/shared/zoned-time';
import { sessionCalendarPath } from './registration-links';
import { formatSessionTime, type ZonedText } from './session-time';

/*
 * "Your time": a session's time where it happens and in the zone the reader
 * picks, for someone joining an online session from elsewhere. UTC until they
 * pick one; a zone the runtime does not know is said so and UTC shown instead.
 */

export interface YourTimeView {
	event: { slug: string; title: Text };
	session: { id: number; status: EventSessionStatus; online: boolean; time: ZonedText; calendarPath: string };
	/** The zone shown beside the session's own: the one asked for, in its IANA spelling, or UTC. */
	zone: string;
	/** What was asked for when it is no zone the runtime knows (then `zone` is UTC). */
	unknownZone: string | null;
	/** The session's start and end in `zone`. */
	inZone: ZonedText;
}

/** The view of a session of a published event for the zone asked for (null: none picked); undefined when there is no such session. */
export async function yourTimeView(
	db: Kysely<Database>,
	options: { sessionId: number; zone: string | null; locale: Locale; now: Date }
): Promise<YourTimeView | undefined> {
	const session = await db
		.selectFrom('event_session')
		.innerJoin('event', 'event.id', 'event_session.event_id')
		.select(['event_session.id', 'event_session.status', 'event_session.online', 'event_session.starts_at', 'event_session.ends_at', 'event_session.time_zone', 'event.slug', 'event.title'])
		.where('event_session.id', '=', options.sessionId)
		.where('event.published_at', '<=', options.now.toISOString())
		.executeTakeFirst();
	if (!session) return undefined;
	const asked = options.zone?.trim() ?? '';
	// The length bound keeps a made-up value from reaching Intl at all (no IANA name is near it).
	const known = asked === '' || asked.length > 64 ? null : canonicalTimeZone(asked);
	const zone = known ?? 'UTC';
	return {
		event: { slug: session.slug, title: pickJson(session.title, options.locale) },
		session: { id: session.id, status: session.status, online: session.online === 1, time: formatSessionTime(session, options.locale), calendarPath: sessionCalendarPath(session.id) },
		zone,
		unknownZone: asked !== '' && known === null ? asked.slice(0, 64) : null,
		inZone: formatSessionTime({ ...session, time_zone: zone }, options.locale)
	};
}
