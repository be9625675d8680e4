import type { Kysely } from 'kysely';
import { displayNames, numberFormat } from '$lib/i18n/intl';
import type { Locale, Text } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import type { Database, EventSessionRow, RegistrationRow } from '$lib/server/db/schema';
import { composeMail, type MailBlock, type MailLine } from '$lib/server/platform/mail/mail-blocks';
import { escapeHtml } from '$lib/server/platform/mail/mail-layout';
import { latestKeyedMoment, type Mailer, type MailToQueue } from '$lib/server/platform/mail/mailer';
import { writeICalendar } from '$lib/server/shared/icalendar';
import { pickJson } from '$lib/server/shared/localized-text';
import { findOrganization } from '$lib/server/shared/organization';
import { registrationUrl, sessionUid } from './registration-links';
import { registrationLocale, type RegistrationNotices, type ReminderKind } from './registration.service';
import { formatSessionTime, formatZonedInstant } from './session-time';

/*
 * What a registrant is told by e-mail, always in the language they registered
 * in: the confirm link, the confirmation with their ticket code and a calendar
 * entry, the waiting list, an offer of places, a cancellation, a session that
 * moved or was cancelled, and reminders. Each message is queued in the
 * transaction of the change it reports, so it exists exactly when the change
 * does.
 *
 * How to reach the session (the venue's directions, the online link) is in the
 * e-mails of confirmed people only: an online link handed to everyone who
 * registered would let the waiting list in.
 *
 * Idempotency keys say what makes a message the same message:
 * - one per registration for what happens to it once (confirmed, waiting,
 *   cancelled, the session cancelled): its status never comes back;
 * - an offer by when it ends, so a second offer would be a second message;
 * - a move by the session's SEQUENCE, which every move raises;
 * - a reminder by the session's start, so a session that moves reminds again;
 * - the confirm link by the moment it was asked for, at most one every ten
 *   minutes: someone who lost the first may ask again, a double submit sends one.
 *
 * Calendar entries: one UID per session (`sessionUid`), REQUEST with the
 * session's SEQUENCE to confirmed people, CANCEL with a higher one when they
 * cancel or the session is cancelled (calendars ignore a message whose SEQUENCE
 * is lower than the entry's). See `attendeeSequence` for someone who cancels and
 * then registers again.
 */

export interface RegistrationMailOptions {
	mailer: Pick<Mailer, 'queue'>;
	/** The public ORIGIN, for the links and the calendar entries' UIDs. */
	origin: string;
	/** The events context's clock: when a calendar entry is made, and the confirm link's ten minutes. */
	clock?: () => Date;
}

/** At most one confirm e-mail per registration in this time, however often the form is sent. */
export const confirmRequestCooldownMs = 10 * 60_000;

const keyPrefix = (registrationId: number) => `registration:${registrationId}:`;

/** The idempotency key of a reminder, which also records that it went (reminders.ts reads them back). */
export function reminderMailKey(registrationId: number, kind: ReminderKind, startsAt: string): string {
	return `${keyPrefix(registrationId)}reminder-${kind}:${startsAt}`;
}

/** The idempotency key of a staff message to one registration: one e-mail per message and person, however often it is sent. */
export function staffMessageMailKey(registrationId: number, messageId: string): string {
	return `${keyPrefix(registrationId)}message:${messageId}`;
}

/** The PRODID of every calendar entry the events make: e-mails, downloads and feeds. */
export const eventsProdId = '-//Community Arts Platform//Events//EN';

/** A session with what its e-mails say about the event. */
export async function mailSession(db: Kysely<Database>, sessionId: number) {
	return db
		.selectFrom('event_session')
		.innerJoin('event', 'event.id', 'event_session.event_id')
		.selectAll('event_session')
		.select(['event.slug', 'event.title', 'event.summary', 'event.organizer_name', 'event.organizer_email', 'event.offer_hours'])
		.where('event_session.id', '=', sessionId)
		.executeTakeFirstOrThrow();
}
export type MailSession = Awaited<ReturnType<typeof mailSession>>;

/** The footer: who writes, and why this person gets it (`request`: the address was only given, not yet confirmed). */
async function footerOf(db: Kysely<Database>, locale: Locale, request = false): Promise<string> {
	const org = await findOrganization(db);
	const name = org?.name ?? 'Community arts';
	const location = org ? pickJson(org.location, locale).text : '';
	const values = { site: location ? `${name}, ${location}` : name, email: org?.email ?? '' };
	return request ? m.mail_event_footer_request(values, { locale }) : m.mail_event_footer(values, { locale });
}

/**
 * A sentence around a text staff wrote, which may have fallen back to English:
 * in HTML that text carries its own lang, so a screen reader reads it as English.
 */
function around(locale: Locale, write: (value: string) => string, value: Text): MailBlock {
	const text = write(value.text);
	if (value.lang === locale) return { text };
	const [before = '', after = ''] = write('\u0000').split('\u0000');
	return { text, html: `${escapeHtml(before)}<span lang="${value.lang}">${escapeHtml(value.text)}</span>${escapeHtml(after)}` };
}

function durationText(minutes: number, locale: Locale): string {
	const [value, unit] = minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
	return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** When the session is, in its zone (with the offset) and in UTC. */
function whenLines(session: Pick<EventSessionRow, 'starts_at' | 'ends_at' | 'time_zone'>, locale: Locale): string[] {
	const time = formatSessionTime(session, locale);
	const o = { locale };
	const lines = [m.mail_event_when({ time: time.inZone, zone: time.zone, offset: time.offset }, o)];
	if (time.zone !== 'UTC') lines.push(m.mail_event_when_utc({ time: time.inUtc }, o));
	return lines;
}

/** The venue as one line of text: its name, its address and its country, in the reader's language. */
export function venueText(session: Pick<EventSessionRow, 'venue_name' | 'venue_address' | 'country'>, locale: Locale): string {
	const country = session.country ? (displayNames(locale, { type: 'region' }).of(session.country) ?? session.country) : '';
	return [session.venue_name, session.venue_address, country].filter((part) => part.trim() !== '').join(', ');
}

/**
 * Where the session is. Everyone registered may read the venue's name and
 * address (the event's page shows them); directions, the map and the online
 * link only someone with places (`confirmed`).
 */
function whereBlocks(session: EventSessionRow, locale: Locale, confirmed: boolean): MailBlock[] {
	const o = { locale };
	if (session.online) {
		const lines: MailLine[] = [m.mail_event_where_online({}, o)];
		if (confirmed && session.online_url) lines.push({ label: m.mail_event_online_link({}, o), href: session.online_url });
		return [{ lines }];
	}
	const lines: MailLine[] = [m.mail_event_where({ place: venueText(session, locale) }, o)];
	if (!confirmed) return [{ lines }];
	if (session.latitude !== null && session.longitude !== null) {
		const [lat, lon] = [session.latitude.toFixed(5), session.longitude.toFixed(5)];
		lines.push({ label: m.mail_event_map({}, o), href: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}` });
	}
	const directions = pickJson(session.directions, locale);
	if (!directions.text.trim()) return [{ lines }];
	return [{ lines }, around(locale, (value) => m.mail_event_directions({ directions: value }, o), { ...directions, text: directions.text.trim() })];
}

/** The person's party, and their ticket code for the door (an online session has none). */
function ticketLines(session: Pick<EventSessionRow, 'online'>, registration: RegistrationRow, locale: Locale): string[] {
	const o = { locale };
	const party = m.mail_event_party({ count: numberFormat(locale).format(registration.party_size) }, o);
	return session.online ? [party] : [party, m.mail_event_code({ code: registration.code }, o)];
}

/**
 * A registrant's calendar entry: REQUEST (the session as it is now, with how to
 * get in, the online link included) or CANCEL (with `sequence` above what they
 * were sent). The e-mails attach it; the private page offers the same entry as
 * a download to a confirmed registration.
 */
export function registrationCalendar(options: {
	origin: string;
	createdAt: string;
	session: MailSession;
	registration: Pick<RegistrationRow, 'name' | 'email'>;
	locale: Locale;
	method: 'REQUEST' | 'CANCEL';
	sequence: number;
}): string {
	const { origin, session, registration, locale, method, sequence } = options;
	const summary = pickJson(session.summary, locale).text.trim();
	const description = [summary, session.online && session.online_url ? `${m.mail_event_online_link({}, { locale })}: ${session.online_url}` : ''].filter(Boolean).join('\n\n');
	return writeICalendar({
		prodId: eventsProdId,
		method,
		createdAt: options.createdAt,
		language: locale,
		events: [
			{
				uid: sessionUid(origin, session.id),
				sequence,
				start: session.starts_local,
				end: session.ends_local,
				timeZone: session.time_zone,
				summary: pickJson(session.title, locale).text,
				...(description ? { description } : {}),
				location: session.online ? (session.online_url ?? m.mail_event_where_online({}, { locale })) : venueText(session, locale),
				...(!session.online && session.latitude !== null && session.longitude !== null ? { geo: { latitude: session.latitude, longitude: session.longitude } } : {}),
				status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
				lastModified: session.updated_at,
				organizer: { name: session.organizer_name, email: session.organizer_email },
				attendee: { name: registration.name, email: registration.email }
			}
		]
	});
}

/**
 * The SEQUENCE of this person's entry: the session's, plus two for each of
 * their earlier registrations for it that they cancelled after confirming.
 * Their CANCEL went out one above the session's; without the step, a
 * calendar that remembers the cancelled entry would take the invitation of
 * their new registration for an older message and ignore it.
 */
export async function attendeeSequence(db: Kysely<Database>, session: Pick<EventSessionRow, 'id' | 'sequence'>, registration: Pick<RegistrationRow, 'id' | 'email'>): Promise<number> {
	const earlier = await db
		.selectFrom('registration')
		.select((eb) => eb.fn.countAll<number | string>().as('count'))
		.where('session_id', '=', session.id)
		.where('email', '=', registration.email)
		.where('id', '<', registration.id)
		.where('status', '=', 'cancelled')
		.where('confirmed_at', 'is not', null)
		.executeTakeFirstOrThrow();
	return session.sequence + 2 * Number(earlier.count);
}

export function createRegistrationMail(options: RegistrationMailOptions): RegistrationNotices {
	const { mailer, origin } = options;
	const clock = options.clock ?? (() => new Date());

	/** A calendar entry for this person: REQUEST (the session as it is now) or CANCEL (with `sequence` above what they were sent). */
	function calendar(session: MailSession, registration: RegistrationRow, locale: Locale, method: 'REQUEST' | 'CANCEL', sequence: number): MailToQueue['calendar'] {
		const filename = `${session.slug.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 90) || 'event'}.ics`;
		return { method, filename, content: registrationCalendar({ origin, createdAt: clock().toISOString(), session, registration, locale, method, sequence }) };
	}

	/**
	 * The SEQUENCE of a CANCEL: a cancelled session's was raised by its
	 * cancellation already; for one person leaving a session that goes on, one
	 * above their entry's, which is the highest they were ever sent.
	 */
	async function cancelSequence(db: Kysely<Database>, session: MailSession, registration: RegistrationRow): Promise<number> {
		const sequence = await attendeeSequence(db, session, registration);
		return session.status === 'cancelled' ? sequence : sequence + 1;
	}

	/** Writes one e-mail to the registrant in their language, greeting them by name, and queues it under `key`. */
	async function send(
		db: Kysely<Database>,
		registration: RegistrationRow,
		session: MailSession,
		key: string,
		write: (o: { locale: Locale }, event: string) => { subject: string; blocks: MailBlock[]; calendar?: MailToQueue['calendar']; request?: boolean }
	): Promise<void> {
		const locale = registrationLocale(registration);
		const o = { locale };
		const { subject, blocks, calendar, request } = write(o, pickJson(session.title, locale).text);
		const footer = await footerOf(db, locale, request);
		const message = composeMail(locale, subject, footer, [{ text: m.mail_event_greeting({ name: registration.name }, o) }, ...blocks]);
		await mailer.queue(db, { idempotencyKey: key, to: registration.email, locale, ...message, ...(calendar ? { calendar } : {}) });
	}

	/** The private page, and the reminder that its link is private. */
	function manage(o: { locale: Locale }, token: string, label = m.mail_event_manage_button({}, o)): MailBlock[] {
		return [{ button: label, href: registrationUrl(origin, o.locale, token) }];
	}
	const privateNote = (o: { locale: Locale }): MailBlock => ({ text: m.mail_event_private_link({}, o) });


	/** Everything a confirmed person needs: when, where and how to get in, their ticket, their page. */
	function confirmedDetails(o: { locale: Locale }, session: MailSession, registration: RegistrationRow): MailBlock[] {
		return [{ lines: whenLines(session, o.locale) }, ...whereBlocks(session, o.locale, true), { lines: ticketLines(session, registration, o.locale) }];
	}

	return {
		async confirmRequest(trx, registration, token) {
			const now = clock().getTime();
			const last = await latestKeyedMoment(trx, `${keyPrefix(registration.id)}confirm-request:`);
			if (last !== null && now - last < confirmRequestCooldownMs) return;
			const session = await mailSession(trx, registration.session_id);
			const key = `${keyPrefix(registration.id)}confirm-request:${now}`;
			if (registration.status !== 'unconfirmed') {
				// Registered already (the form gives everyone the same answer): the owner of the address learns so, and gets their link.
				await send(
					trx,
					registration,
					session,
					key,
					(o, event) => ({
						subject: m.mail_event_already_subject({ event }, o),
						blocks: [{ text: m.mail_event_already_body({ event }, o) }, { lines: whenLines(session, o.locale) }, ...manage(o, token), { text: m.mail_event_already_ignore({}, o) }, privateNote(o)],
						request: true
					})
				);
				return;
			}
			const heldMs = registration.hold_expires_at ? Date.parse(registration.hold_expires_at) - now : 0;
			await send(
				trx,
				registration,
				session,
				key,
				(o, event) => ({
					subject: m.mail_event_confirm_subject({ event }, o),
					blocks: [
						{ text: m.mail_event_confirm_body({ event }, o) },
						{ lines: whenLines(session, o.locale) },
						{ text: heldMs > 0 ? m.mail_event_confirm_hold({ duration: durationText(Math.ceil(heldMs / 60_000), o.locale) }, o) : m.mail_event_confirm_full({}, o) },
						...manage(o, token, m.mail_event_confirm_button({}, o)),
						{ text: m.mail_event_confirm_ignore({}, o) },
						privateNote(o)
					],
					request: true
				})
			);
		},

		async confirmed(trx, registration, token) {
			const session = await mailSession(trx, registration.session_id);
			const locale = registrationLocale(registration);
			const sequence = await attendeeSequence(trx, session, registration);
			// A registration is confirmed once in its life: by its link, or by taking up an offer.
			await send(
				trx,
				registration,
				session,
				`${keyPrefix(registration.id)}confirmed`,
				(o, event) => ({
					subject: m.mail_event_confirmed_subject({ event }, o),
					blocks: [
						{ text: m.mail_event_confirmed_body({ event }, o) },
						...confirmedDetails(o, session, registration),
						{ text: m.mail_event_confirmed_manage({}, o) },
						...manage(o, token),
						privateNote(o),
						{ text: m.mail_event_calendar_request({}, o) }
					],
					calendar: calendar(session, registration, locale, 'REQUEST', sequence)
				})
			);
		},

		async waiting(trx, registration, token) {
			const session = await mailSession(trx, registration.session_id);
			await send(
				trx,
				registration,
				session,
				`${keyPrefix(registration.id)}waiting`,
				(o, event) => ({
					subject: m.mail_event_waiting_subject({ event }, o),
					blocks: [
						{ text: m.mail_event_waiting_body({ event }, o) },
						{ lines: whenLines(session, o.locale) },
						{ text: m.mail_event_waiting_next({ duration: durationText(session.offer_hours * 60, o.locale) }, o) },
						{ text: m.mail_event_waiting_manage({}, o) },
						...manage(o, token),
						privateNote(o)
					]
				})
			);
		},

		async offered(trx, registration, token, expiresAt) {
			const session = await mailSession(trx, registration.session_id);
			await send(
				trx,
				registration,
				session,
				`${keyPrefix(registration.id)}offered:${expiresAt}`,
				(o, event) => {
					const until = formatZonedInstant(expiresAt, session.time_zone, o.locale);
					return {
						subject: m.mail_event_offered_subject({ event }, o),
						blocks: [
							{ text: m.mail_event_offered_body({ event }, o) },
							{ lines: [...whenLines(session, o.locale), m.mail_event_party({ count: numberFormat(o.locale).format(registration.party_size) }, o)] },
							{ text: m.mail_event_offered_until({ time: until.inZone, zone: until.zone, offset: until.offset, utc: until.inUtc }, o) },
							{ text: m.mail_event_offered_answer({}, o) },
							...manage(o, token, m.mail_event_offered_button({}, o)),
							privateNote(o)
						]
					};
				}
			);
		},

		async cancelled(trx, registration, _token, by = 'registrant') {
			const session = await mailSession(trx, registration.session_id);
			const locale = registrationLocale(registration);
			// Only someone who had places was sent a calendar entry to take back.
			const hadEntry = registration.confirmed_at !== null;
			const sequence = hadEntry ? await cancelSequence(trx, session, registration) : 0;
			await send(
				trx,
				registration,
				session,
				`${keyPrefix(registration.id)}cancelled`,
				(o, event) => ({
					subject: m.mail_event_cancelled_subject({ event }, o),
					blocks: [
						{ text: by === 'staff' ? m.mail_event_staff_cancelled_body({ event }, o) : m.mail_event_cancelled_body({ event }, o) },
						{ lines: whenLines(session, o.locale) },
						{ text: m.mail_event_cancelled_again({}, o) },
						...(hadEntry ? [{ text: m.mail_event_calendar_cancel({}, o) }] : [])
					],
					...(hadEntry ? { calendar: calendar(session, registration, locale, 'CANCEL', sequence) } : {})
				})
			);
		},

		async moved(trx, registration, token, before) {
			const session = await mailSession(trx, registration.session_id);
			const locale = registrationLocale(registration);
			const confirmed = registration.status === 'confirmed';
			const sequence = confirmed ? await attendeeSequence(trx, session, registration) : 0;
			await send(
				trx,
				registration,
				session,
				`${keyPrefix(registration.id)}moved:${session.sequence}`,
				(o, event) => ({
					subject: m.mail_event_moved_subject({ event }, o),
					blocks: [
						{ text: m.mail_event_moved_body({ event }, o) },
						{ heading: m.mail_event_moved_now({}, o) },
						{ lines: whenLines(session, o.locale) },
						...whereBlocks(session, o.locale, confirmed),
						{ heading: m.mail_event_moved_was({}, o) },
						{ lines: whenLines(before, o.locale) },
						...whereBlocks(before, o.locale, false),
						{
							text: confirmed
								? m.mail_event_moved_confirmed({}, o)
								: registration.status === 'offered'
									? m.mail_event_moved_offered({}, o)
									: m.mail_event_moved_waiting({}, o)
						},
						...(confirmed ? [{ lines: ticketLines(session, registration, o.locale) }] : []),
						...manage(o, token),
						privateNote(o),
						...(confirmed ? [{ text: m.mail_event_calendar_update({}, o) }] : [])
					],
					...(confirmed ? { calendar: calendar(session, registration, locale, 'REQUEST', sequence) } : {})
				})
			);
		},

		async sessionCancelled(trx, registration) {
			const session = await mailSession(trx, registration.session_id);
			const locale = registrationLocale(registration);
			const hadEntry = registration.confirmed_at !== null;
			const sequence = hadEntry ? await cancelSequence(trx, session, registration) : 0;
			await send(
				trx,
				registration,
				session,
				`${keyPrefix(registration.id)}session-cancelled`,
				(o, event) => ({
					subject: m.mail_event_session_cancelled_subject({ event }, o),
					blocks: [
						{ text: m.mail_event_session_cancelled_body({ event }, o) },
						{ lines: whenLines(session, o.locale) },
						...whereBlocks(session, o.locale, false),
						{ text: m.mail_event_session_cancelled_again({}, o) },
						...(hadEntry ? [{ text: m.mail_event_calendar_cancel({}, o) }] : [])
					],
					...(hadEntry ? { calendar: calendar(session, registration, locale, 'CANCEL', sequence) } : {})
				})
			);
		},

		async staffMessage(trx, registration, token, message) {
			const session = await mailSession(trx, registration.session_id);
			// Staff's words as they typed them, between the greeting and the footer in the registrant's language.
			await send(trx, registration, session, staffMessageMailKey(registration.id, message.id), (o, event) => ({
				subject: message.subject,
				blocks: [
					{ text: m.mail_event_staff_message_intro({ event }, o) },
					{ text: message.body },
					{ lines: whenLines(session, o.locale) },
					...manage(o, token),
					privateNote(o)
				]
			}));
		},

		async reminder(trx, registration, token, kind) {
			const session = await mailSession(trx, registration.session_id);
			await send(
				trx,
				registration,
				session,
				reminderMailKey(registration.id, kind, session.starts_at),
				(o, event) => ({
					subject: kind === 'day' ? m.mail_event_reminder_day_subject({ event }, o) : m.mail_event_reminder_hour_subject({ event }, o),
					blocks: [
						{ text: kind === 'day' ? m.mail_event_reminder_day_body({ event }, o) : m.mail_event_reminder_hour_body({ event }, o) },
						...confirmedDetails(o, session, registration),
						{ text: m.mail_event_reminder_cancel({}, o) },
						...manage(o, token),
						privateNote(o)
					]
				})
			);
		}
	};
}
