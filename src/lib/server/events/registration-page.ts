import type { Kysely } from 'kysely';
import type { Locale, Text } from '$lib/i18n/locales';
import type { Database, EventSessionStatus, RegistrationRow, RegistrationStatus } from '$lib/server/db/schema';
import { pickJson } from '$lib/server/shared/localized-text';
import { sessionCalendarPath, yourTimePath } from './registration-links';
import { venueText } from './registration-mail';
import { confirmLinkLifetimeMs, findByToken, waitingListPosition } from './registration.service';
import { formatSessionTime, formatZonedInstant, type ZonedText } from './session-time';

/*
 * What a registrant's private page (/registrations/<token>) shows, read in one
 * place so the page cannot show more than this: the event and its session as
 * everyone may see them, the person's own registration, and how to reach the
 * session only when it is theirs to reach. The online link and the ticket are
 * there for a confirmed registration only, as in the e-mails: a link handed to
 * the waiting list would let it in.
 */

export interface RegistrationPage {
	event: { slug: string; title: Text; partyMax: number };
	session: {
		id: number;
		status: EventSessionStatus;
		/** The time or place changed after people registered. */
		moved: boolean;
		/** It has begun (or is over): the registration is as it stands, no step changes it any more. */
		started: boolean;
		time: ZonedText;
		online: boolean;
		/** The venue in one line ('' online). */
		venue: string;
		/** Only for a confirmed registration of an online session that goes ahead. */
		onlineUrl: string | null;
		calendarPath: string;
		yourTimePath: string;
	};
	registration: {
		status: RegistrationStatus;
		partySize: number;
		/** The ticket code for the door: confirmed registrations of sessions at a venue that go ahead. */
		ticketCode: string | null;
		/** 1 for the first in line; null when not waiting. */
		waitingPosition: number | null;
		/** When an open offer ends, in the session's zone and in UTC. */
		offerEnds: ZonedText | null;
	};
}

/** The private page of the registration a link names, in `locale`, at `now`; undefined for a link that finds nothing. */
export async function registrationPage(db: Kysely<Database>, token: string, locale: Locale, now: Date): Promise<RegistrationPage | undefined> {
	const registration = await findByToken(db, token);
	if (!registration) return undefined;
	const session = await db
		.selectFrom('event_session')
		.innerJoin('event', 'event.id', 'event_session.event_id')
		.selectAll('event_session')
		.select(['event.slug', 'event.title', 'event.party_max'])
		.where('event_session.id', '=', registration.session_id)
		.executeTakeFirst();
	if (!session) return undefined;
	const goesAhead = session.status === 'scheduled';
	const at = now.toISOString();
	const status = shownStatus(registration, at);
	const confirmed = status === 'confirmed' && goesAhead;
	return {
		event: { slug: session.slug, title: pickJson(session.title, locale), partyMax: session.party_max },
		session: {
			id: session.id,
			status: session.status,
			moved: session.moved_at !== null,
			started: session.starts_at <= at,
			time: formatSessionTime(session, locale),
			online: session.online === 1,
			venue: session.online ? '' : venueText(session, locale),
			onlineUrl: confirmed && session.online ? session.online_url : null,
			calendarPath: sessionCalendarPath(session.id),
			yourTimePath: yourTimePath(session.id)
		},
		registration: {
			status,
			partySize: registration.party_size,
			ticketCode: confirmed && !session.online ? registration.code : null,
			waitingPosition: await waitingListPosition(db, registration),
			offerEnds: status === 'offered' && registration.offer_expires_at ? formatZonedInstant(registration.offer_expires_at, session.time_zone, locale) : null
		}
	};
}

/**
 * The status as it stands at `at`: an offer or a confirm link that has run out
 * is over already, though the five-minute job (expireRunOut) has yet to write so;
 * the page must not offer a button that can no longer work.
 */
function shownStatus(registration: Pick<RegistrationRow, 'status' | 'offer_expires_at' | 'created_at'>, at: string): RegistrationStatus {
	if (registration.status === 'offered' && (registration.offer_expires_at === null || registration.offer_expires_at <= at)) return 'lapsed';
	if (registration.status === 'unconfirmed' && Date.parse(registration.created_at) + confirmLinkLifetimeMs <= Date.parse(at)) return 'expired';
	return registration.status;
}
