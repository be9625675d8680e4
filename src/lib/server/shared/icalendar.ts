import { segmenter } from '$lib/i18n/intl';
import { slugify } from './slug';
import { canonicalTimeZone, formatOffset, instantToZonedWallTime, isRepeatedWallTime, offsetChanges, offsetMinutes, zonedWallTimeToInstant, type OffsetChange } from './zoned-time';

/*
 * An iCalendar object (RFC 5545) as a string: sessions of events for "add to
 * calendar" downloads, feeds and the invitations mailed to people who
 * registered. Pure: no database, no clock; the caller passes every instant.
 *
 * Times are written as the wall time in the session's own zone with its TZID,
 * so a calendar shows a Kathmandu workshop at 18:00 Kathmandu time however the
 * reader's device is set, and follows the zone if its rules change. Each zone
 * used gets a VTIMEZONE made from the runtime's own zone data (the data the
 * wall times were converted with), so a reader that trusts the file instead
 * of its own database reaches the same instants. (Packaged VTIMEZONE data,
 * such as timezones-ical-library's, gives each zone's latest rule back to 1970
 * from its own tz release: Casablanca at +00:00 all along, where the runtime
 * has +01:00 outside Ramadan until September 2026.) Zone 'UTC' is written in
 * UTC ('Z') and needs none.
 *
 * A skipped wall time (spring forward) is written as the instant it was stored
 * as (zoned-time's rule: the moment of the change), not as typed: RFC 5545
 * would read "02:30" in a gap as 03:30, and the calendar would disagree with
 * the site by half an hour. A repeated wall time (fall back) is written in UTC,
 * as readers differ on which of its two instants it means.
 */

export const calendarContentType = 'text/calendar; charset=utf-8';

/** iTIP methods (RFC 5546): PUBLISH for downloads and feeds, REQUEST and CANCEL for mailed invitations. */
export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export type CalendarEventStatus = 'CONFIRMED' | 'CANCELLED';

export interface CalendarPerson {
	name?: string;
	email: string;
}

export interface CalendarEvent {
	/** Globally unique and stable for the life of the session (e.g. 'session-12@art.example'): calendars match updates by it. */
	uid: string;
	/** 0 at first; raised by one on each change people should see (time, place, cancellation), or calendars ignore the update. */
	sequence: number;
	/** Wall times ('2026-12-05T18:00') in `timeZone`. */
	start: string;
	end: string;
	/** IANA zone name, or 'UTC'. */
	timeZone: string;
	summary: string;
	/** Plain text; line breaks are kept. */
	description?: string;
	/**
	 * BCP 47 tag of this event's texts when it is not the calendar's: a feed in
	 * Nepali whose event has only an English title says so for that event.
	 */
	language?: string;
	/** Plain text: the address, or "Online". */
	location?: string;
	/** Decimal degrees (WGS 84). */
	geo?: { latitude: number; longitude: number };
	/** Absolute URL of the event's page. */
	url?: string;
	status: CalendarEventStatus;
	/** ISO 8601 instant of the last change to the session. */
	lastModified: string;
	/** Required by REQUEST and CANCEL: whom replies and questions go to. */
	organizer?: CalendarPerson;
	/** The person an invitation is mailed to; required by REQUEST. */
	attendee?: CalendarPerson;
}

interface CalendarBase {
	/** Who made the file: '-//Organization//Product//EN' (RFC 5545 3.7.3). */
	prodId: string;
	/** The calendar's name as readers list it (X-WR-CALNAME and RFC 7986 NAME). */
	name?: string;
	/** BCP 47 tag of the texts (summary, description, location, name), e.g. 'ne'. */
	language?: string;
	/**
	 * For a feed people subscribe to: how often their calendar should fetch it
	 * again, as an ISO 8601 duration ('PT1H'), written as RFC 7986's
	 * REFRESH-INTERVAL and as X-PUBLISHED-TTL, which Apple's and Microsoft's
	 * calendars read.
	 */
	refreshInterval?: string;
	events: CalendarEvent[];
}

/**
 * Without a method each event's DTSTAMP is its last change, so the same
 * sessions always give the same bytes (and ETag). With a method, RFC 5545 wants
 * DTSTAMP to be when the message was made: `createdAt`.
 */
export type Calendar = CalendarBase & ({ method?: undefined; createdAt?: undefined } | { method: CalendarMethod; createdAt: string });

const yearMs = 366 * 24 * 3_600_000;

/** The whole iCalendar object: UTF-8 text with CRLF line ends, every line folded to at most 75 octets. */
export function writeICalendar(calendar: Calendar): string {
	const language = calendar.language === undefined ? undefined : languageTag(calendar.language);
	const textParameters = language === undefined ? '' : `;LANGUAGE=${language}`;
	const events = calendar.events.map((event) => sessionOf(event, calendar.method));
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${text(calendar.prodId)}`,
		'CALSCALE:GREGORIAN',
		...(calendar.method === undefined ? [] : [`METHOD:${calendar.method}`]),
		...(calendar.name === undefined ? [] : [`NAME${textParameters}:${text(calendar.name)}`, `X-WR-CALNAME${textParameters}:${text(calendar.name)}`]),
		...(calendar.refreshInterval === undefined ? [] : [`REFRESH-INTERVAL;VALUE=DURATION:${duration(calendar.refreshInterval)}`, `X-PUBLISHED-TTL:${duration(calendar.refreshInterval)}`]),
		...zonesUsed(events).flatMap(([zone, span]) => timeZoneComponent(zone, span)),
		...events.flatMap((event) => eventComponent(event, calendar.createdAt, event.language === undefined ? textParameters : `;LANGUAGE=${languageTag(event.language)}`)),
		'END:VCALENDAR'
	];
	return lines.map(fold).join('\r\n') + '\r\n';
}

/** Headers for an HTTP response that offers the calendar as a file named after `title` ("Wall painting.ics"). */
export function calendarResponseHeaders(title: string): Record<string, string> {
	return { 'Content-Type': calendarContentType, 'Content-Disposition': attachment(title) };
}

/** An event with its instants worked out and checked once. */
interface Session extends CalendarEvent {
	startMs: number;
	endMs: number;
}

function sessionOf(event: CalendarEvent, method: CalendarMethod | undefined): Session {
	const timeZone = canonicalTimeZone(event.timeZone);
	if (timeZone === null) throw new RangeError(`iCalendar: unknown time zone ${event.timeZone} in ${event.uid}`);
	if (event.uid.trim() === '') throw new RangeError('iCalendar: an event without a UID');
	if (!Number.isInteger(event.sequence) || event.sequence < 0) throw new RangeError(`iCalendar: SEQUENCE of ${event.uid} is not a whole number ≥ 0`);
	const startMs = zonedWallTimeToInstant(event.start, timeZone).getTime();
	const endMs = zonedWallTimeToInstant(event.end, timeZone).getTime();
	if (endMs <= startMs) throw new RangeError(`iCalendar: ${event.uid} ends before it starts`);
	if ((method === 'REQUEST' || method === 'CANCEL') && event.organizer === undefined) {
		throw new RangeError(`iCalendar: ${method} needs an ORGANIZER (${event.uid})`);
	}
	if (method === 'REQUEST' && event.attendee === undefined) throw new RangeError(`iCalendar: REQUEST needs an ATTENDEE (${event.uid})`);
	if (method === 'CANCEL' && event.status !== 'CANCELLED') throw new RangeError(`iCalendar: CANCEL of ${event.uid}, which is not cancelled`);
	return { ...event, timeZone, startMs, endMs };
}

function eventComponent(session: Session, createdAt: string | undefined, textParameters: string): string[] {
	const lastModified = utcDateTime(instant(session.lastModified, `LAST-MODIFIED of ${session.uid}`));
	const stamp = createdAt === undefined ? lastModified : utcDateTime(instant(createdAt, 'createdAt'));
	const optional = (name: string, value: string | undefined) => (value === undefined ? [] : [`${name}${textParameters}:${text(value)}`]);
	return [
		'BEGIN:VEVENT',
		`UID:${text(session.uid)}`,
		`SEQUENCE:${session.sequence}`,
		`DTSTAMP:${stamp}`,
		`DTSTART${dateTime(session.startMs, session.timeZone)}`,
		`DTEND${dateTime(session.endMs, session.timeZone)}`,
		`SUMMARY${textParameters}:${text(session.summary)}`,
		...optional('DESCRIPTION', session.description),
		...optional('LOCATION', session.location),
		...(session.geo === undefined ? [] : [`GEO:${geo(session.geo, session.uid)}`]),
		...(session.url === undefined ? [] : [`URL:${absoluteUrl(session.url, session.uid)}`]),
		`STATUS:${session.status}`,
		`LAST-MODIFIED:${lastModified}`,
		...(session.organizer === undefined ? [] : [`ORGANIZER${commonName(session.organizer)}:${mailto(session.organizer.email)}`]),
		// A registration is a place taken: the person has said yes, and no reply is expected.
		...(session.attendee === undefined ? [] : [`ATTENDEE${commonName(session.attendee)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:${mailto(session.attendee.email)}`]),
		'END:VEVENT'
	];
}

/**
 * ";TZID=Asia/Kathmandu:20261205T180000" (the wall time there), or
 * ":20261205T121500Z" for UTC and for a wall time the zone's clocks show twice:
 * RFC 5545 reads such a time as its first occurrence, ical.js (Mozilla's
 * parser) as the second, and only UTC means the same instant to both.
 */
function dateTime(ms: number, timeZone: string): string {
	if (timeZone === 'UTC') return `:${utcDateTime(ms)}`;
	const wall = clockReading(ms, offsetMinutes(ms, timeZone));
	if (isRepeatedWallTime(wall, timeZone)) return `:${utcDateTime(ms)}`;
	return `;TZID=${timeZone}:${basicFormat(wall)}`;
}

function utcDateTime(ms: number): string {
	return `${basicFormat(clockReading(ms, 0))}Z`;
}

/** What a clock `offset` minutes east of UTC shows at `ms`: '2026-12-05T18:00:00'. */
function clockReading(ms: number, offset: number): string {
	return new Date(ms + offset * 60_000).toISOString().slice(0, 19);
}

/** iCalendar's form of a date and time: '20261205T180000'. */
function basicFormat(wall: string): string {
	return wall.replace(/[-:]/g, '');
}

/** For each zone other than UTC, the instants its sessions span, in order of first use. */
function zonesUsed(sessions: Session[]): [string, { from: number; to: number }][] {
	const spans = new Map<string, { from: number; to: number }>();
	for (const { timeZone, startMs, endMs } of sessions) {
		if (timeZone === 'UTC') continue;
		const span = spans.get(timeZone);
		spans.set(timeZone, span === undefined ? { from: startMs, to: endMs } : { from: Math.min(span.from, startMs), to: Math.max(span.to, endMs) });
	}
	return [...spans];
}

interface Observance {
	/** The first instant of the offset. */
	onset: number;
	offsetFrom: number;
	offsetTo: number;
	daylight: boolean;
}

/**
 * A VTIMEZONE whose observances cover the years its sessions fall in, from
 * midnight on the first of January there: the offset in force then, and one
 * observance per change. Each change is written as itself (DTSTART, no RRULE):
 * exact for zones without a yearly rule, and read the same by every parser,
 * where a rule would have to be inferred and RDATE is read differently by some.
 */
function timeZoneComponent(zone: string, span: { from: number; to: number }): string[] {
	const newYear = (year: number) => zonedWallTimeToInstant(`${String(year).padStart(4, '0')}-01-01T00:00`, zone).getTime();
	const from = newYear(Number(instantToZonedWallTime(span.from, zone).slice(0, 4)));
	const to = newYear(Number(instantToZonedWallTime(span.to, zone).slice(0, 4)) + 1);
	return [
		'BEGIN:VTIMEZONE',
		`TZID:${zone}`,
		...observances(zone, from, to).flatMap(({ onset, offsetFrom, offsetTo, daylight }) => {
			const kind = daylight ? 'DAYLIGHT' : 'STANDARD';
			return [
				`BEGIN:${kind}`,
				// RFC 5545 3.6.5: the onset as the clock showed it before the change.
				`DTSTART:${basicFormat(clockReading(onset, offsetFrom))}`,
				`TZOFFSETFROM:${formatOffset(offsetFrom, '')}`,
				`TZOFFSETTO:${formatOffset(offsetTo, '')}`,
				`END:${kind}`
			];
		}),
		'END:VTIMEZONE'
	];
}

const dayMs = 24 * 3_600_000;
const knownChanges = new Map<string, OffsetChange[]>();

/**
 * The zone's offset changes from `from` to `to`, read from Intl once per zone and
 * stretch of whole days (a few hundred readings) and then kept: every e-mail to
 * the people of one session, and every feed, asks for the same stretch. A
 * stretch of whole days covering the one asked for gives the same answer
 * trimmed to it.
 */
function zoneChanges(zone: string, from: number, to: number): OffsetChange[] {
	const start = Math.floor(from / dayMs) * dayMs;
	const end = Math.ceil(to / dayMs) * dayMs;
	const key = `${zone} ${start} ${end}`;
	let changes = knownChanges.get(key);
	if (!changes) {
		changes = offsetChanges(zone, start, end);
		// A bound on what is kept: sessions span a few years and a few hundred zones at most.
		if (knownChanges.size >= 500) knownChanges.delete(knownChanges.keys().next().value!);
		knownChanges.set(key, changes);
	}
	return changes.filter((change) => change.at > from && change.at <= to);
}

/**
 * The observances from `from` to `to`. Which are daylight time is not in
 * Intl's data, so an offset counts as daylight time when the zone's clocks are
 * behind it at some time within a year either side (summer time in New York,
 * and in Sydney from October); a zone that moves its clocks for good keeps the
 * new offset as standard time once no lower one is near.
 */
function observances(zone: string, from: number, to: number): Observance[] {
	const scanFrom = from - yearMs;
	const scanTo = to + yearMs;
	const changes = zoneChanges(zone, scanFrom, scanTo);
	const periods = [{ onset: scanFrom, offset: offsetMinutes(scanFrom, zone) }, ...changes.map((change) => ({ onset: change.at, offset: change.offsetAfter }))];
	const lowestNear = (onset: number) =>
		Math.min(...periods.filter((period, index) => period.onset <= onset + yearMs && (periods[index + 1]?.onset ?? scanTo) >= onset - yearMs).map((period) => period.offset));

	const inForce = offsetMinutes(from, zone);
	const first: Observance = { onset: from, offsetFrom: offsetMinutes(from - 60_000, zone), offsetTo: inForce, daylight: inForce > lowestNear(from) };
	const later = changes
		.filter((change) => change.at > from && change.at < to)
		.map((change): Observance => ({ onset: change.at, offsetFrom: change.offsetBefore, offsetTo: change.offsetAfter, daylight: change.offsetAfter > lowestNear(change.at) }));
	return [first, ...later];
}

// TEXT may not hold control characters other than tab (RFC 5545 3.3.11); line feeds are kept here to be escaped.
const notTextCharacter = /[^\t\n\u0020-\u007E\u0080-\u{10FFFF}]/gu;

/** A TEXT value: backslash, semicolon, comma and line breaks escaped. */
function text(value: string): string {
	return value
		.replace(/\r\n?/g, '\n')
		.replace(notTextCharacter, '')
		.replace(/[\\;,\n]/g, (character) => (character === '\n' ? '\\n' : `\\${character}`));
}

/** CN as a quoted parameter value, which may hold neither DQUOTE nor control characters. */
function commonName(person: CalendarPerson): string {
	if (person.name === undefined || person.name.trim() === '') return '';
	return `;CN="${person.name.replace(/[\r\n\t]+/g, ' ').replace(notTextCharacter, '').replace(/"/g, "'")}"`;
}

function mailto(email: string): string {
	if (!/^[^\s@:;,"<>\\]+@[^\s@:;,"<>\\]+$/.test(email)) throw new RangeError(`iCalendar: not an e-mail address: ${email}`);
	return `mailto:${email}`;
}

/** A positive duration in days, hours, minutes and seconds ('P1D', 'PT1H30M'): RFC 5545 3.3.6 without weeks. */
function duration(value: string): string {
	if (!/^P(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$/.test(value)) throw new RangeError(`iCalendar: not a duration: ${value}`);
	return value;
}

function languageTag(tag: string): string {
	if (!/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) throw new RangeError(`iCalendar: not a language tag: ${tag}`);
	return tag;
}

function geo({ latitude, longitude }: { latitude: number; longitude: number }, uid: string): string {
	if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) throw new RangeError(`iCalendar: GEO of ${uid} is not on Earth`);
	// Six decimals place a point within about 10 cm; more is noise.
	const degrees = (value: number) => String(Number(value.toFixed(6)));
	return `${degrees(latitude)};${degrees(longitude)}`;
}

/** A URI value is not TEXT: written as the URL serializes, never escaped. */
function absoluteUrl(value: string, uid: string): string {
	const url = URL.parse(value);
	if (url === null) throw new RangeError(`iCalendar: URL of ${uid} is not an absolute URL: ${value}`);
	return url.href;
}

function instant(value: string, what: string): number {
	const ms = Date.parse(value);
	if (Number.isNaN(ms)) throw new RangeError(`iCalendar: ${what} is not a date: ${value}`);
	return ms;
}

/**
 * A content line cut into lines of at most 75 octets, each after the first
 * starting with a space (RFC 5545 3.1). Cuts fall between grapheme clusters, so
 * a Devanagari consonant keeps its vowel sign even in a reader that unfolds
 * carelessly; a cluster too long for a line of its own is cut between code
 * points, which RFC 5545 requires at the least.
 */
function fold(line: string): string {
	if (Buffer.byteLength(line) <= 75) return line;
	const lines: string[] = [];
	let current = '';
	let octets = 0;
	for (const piece of foldablePieces(line)) {
		const size = Buffer.byteLength(piece);
		if (octets + size > 75) {
			lines.push(current);
			current = ' ';
			octets = 1;
		}
		current += piece;
		octets += size;
	}
	lines.push(current);
	return lines.join('\r\n');
}

function* foldablePieces(line: string): Generator<string> {
	for (const { segment } of segmenter('en', { granularity: 'grapheme' }).segment(line)) {
		if (Buffer.byteLength(segment) < 75) yield segment;
		else yield* segment;
	}
}

/**
 * Content-Disposition for a download: the title as the file name in UTF-8
 * (RFC 6266's filename*, which browsers prefer), and an ASCII name made from it
 * for those that do not read that ('calendar.ics' when nothing Latin is left).
 */
function attachment(title: string): string {
	// Lone surrogates go too: encodeURIComponent throws on them.
	const cleaned = title.replace(/[\p{Cc}\p{Cs}/\\:*?"<>|]+/gu, ' ').replace(/\s+/g, ' ').trim();
	const name = Array.from(cleaned).slice(0, 100).join('').trim() || 'calendar';
	const ascii = slugify(name) || 'calendar';
	const encoded = encodeURIComponent(`${name}.ics`).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
	return `attachment; filename="${ascii}.ics"; filename*=UTF-8''${encoded}`;
}
