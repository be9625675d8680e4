import type { Kysely } from 'kysely';
import { addAutoId } from '../migration-helpers';

/*
 * Events with free registration. An event is site content like an initiative: its
 * row is what the public site shows, written by publishing a content revision, with
 * the settings registration follows (largest party, questions, how long holds and
 * offers last, which reminders go). Its sessions are rows of their own, changed by
 * staff commands (add, move, cancel, change capacity) that tell registrants; every
 * registration belongs to one session.
 *
 * Times: a session is planned as wall time in an IANA zone (`starts_local`,
 * `time_zone`), which is what people are told; `starts_at`/`ends_at` are the same
 * moments in UTC, kept for ordering, reminders and calendars, and recomputed when the
 * session moves. Registration windows and expiries are UTC instants.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await addAutoId(db, db.schema.createTable('event_kind'))
		.addColumn('position', 'integer', (c) => c.notNull())
		/** Stable name used in filter addresses (`?kind=workshop`). */
		.addColumn('key', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await addAutoId(db, db.schema.createTable('event'))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('kind_id', 'integer', (c) => c.notNull().references('event_kind.id'))
		.addColumn('initiative_id', 'integer', (c) => c.references('initiative.id').onDelete('set null'))
		/** Localized JSON; body holds sanitized rich text. */
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('cover_media_id', 'integer')
		.addColumn('organizer_name', 'text', (c) => c.notNull())
		.addColumn('organizer_email', 'text', (c) => c.notNull())
		/** JSON: { stepFree, seating, signLanguage, captions, quietSpace: 'yes' | 'no' | 'partly' | '', languages: string[], note: Localized }. */
		.addColumn('access', 'text', (c) => c.notNull())
		/** The largest party one registration may bring (1 for "just yourself"). */
		.addColumn('party_max', 'integer', (c) => c.notNull().defaultTo(4))
		/** JSON: [{ key, label: Localized, required }]: questions asked at registration (access needs). */
		.addColumn('questions', 'text', (c) => c.notNull().defaultTo('[]'))
		/** Minutes an unconfirmed registration holds its places before they go back. */
		.addColumn('hold_minutes', 'integer', (c) => c.notNull().defaultTo(60))
		/** Hours a waiting-list offer stays open. */
		.addColumn('offer_hours', 'integer', (c) => c.notNull().defaultTo(24))
		.addColumn('remind_day_before', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('remind_hour_before', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('published_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await addAutoId(db, db.schema.createTable('event_session'))
		.addColumn('event_id', 'integer', (c) => c.notNull().references('event.id').onDelete('cascade'))
		/** Wall time where the session happens, `YYYY-MM-DDTHH:MM`, in `time_zone` (IANA). */
		.addColumn('starts_local', 'text', (c) => c.notNull())
		.addColumn('ends_local', 'text', (c) => c.notNull())
		.addColumn('time_zone', 'text', (c) => c.notNull())
		/** The same moments in UTC (ISO 8601). */
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text', (c) => c.notNull())
		.addColumn('online', 'integer', (c) => c.notNull().defaultTo(0))
		/** Only for confirmed registrants: their page, their e-mails and their calendar file. */
		.addColumn('online_url', 'text')
		.addColumn('venue_name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('venue_address', 'text', (c) => c.notNull().defaultTo(''))
		/** ISO 3166-1 alpha-2; empty online. */
		.addColumn('country', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('latitude', 'real')
		.addColumn('longitude', 'real')
		/** Localized JSON. */
		.addColumn('directions', 'text', (c) => c.notNull().defaultTo('{}'))
		/** Places in all; null for no limit. */
		.addColumn('capacity', 'integer')
		.addColumn('registration_opens_at', 'text')
		.addColumn('registration_closes_at', 'text')
		/** scheduled | cancelled; `moved_at` says it moved since people registered. */
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled'))
		.addColumn('moved_at', 'text')
		/** iCalendar SEQUENCE: raised by every change registrants are told about. */
		.addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('event_session_event').on('event_session').columns(['event_id', 'starts_at']).execute();
	await db.schema.createIndex('event_session_upcoming').on('event_session').columns(['starts_at']).execute();

	await addAutoId(db, db.schema.createTable('registration'))
		.addColumn('session_id', 'integer', (c) => c.notNull().references('event_session.id').onDelete('cascade'))
		/** SHA-256 of the private link's token (derived from the app's secret, so e-mails can carry it again). */
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		/** Short code on the ticket, for the door. */
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		/** Lower case. */
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('party_size', 'integer', (c) => c.notNull())
		/** JSON: { [question key]: answer }. */
		.addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
		/** The consent text the person agreed to, as shown. */
		.addColumn('consent_text', 'text', (c) => c.notNull())
		/**
		 * unconfirmed (holding places until `hold_expires_at`, if there was room),
		 * confirmed, waiting, offered (until `offer_expires_at`), cancelled, expired (never
		 * confirmed), declined (an offer), left (the waiting list), lapsed (an offer not taken up).
		 */
		.addColumn('status', 'text', (c) => c.notNull())
		/** An unconfirmed registration holds its places until then; null when there was no room to hold. */
		.addColumn('hold_expires_at', 'text')
		/** When the person joined the waiting list: its order (then the id). */
		.addColumn('waiting_since', 'text')
		.addColumn('offer_expires_at', 'text')
		.addColumn('confirmed_at', 'text')
		.addColumn('cancelled_at', 'text')
		.addColumn('checked_in_at', 'text')
		.addColumn('checked_in_by', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('registration_session_status').on('registration').columns(['session_id', 'status']).execute();
	await db.schema.createIndex('registration_waiting').on('registration').columns(['session_id', 'status', 'waiting_since', 'id']).execute();
	await db.schema.createIndex('registration_email').on('registration').columns(['email', 'session_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['registration', 'event_session', 'event', 'event_kind']) await db.schema.dropTable(table).execute();
}
