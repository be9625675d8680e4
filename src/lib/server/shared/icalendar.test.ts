import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarContentType, calendarResponseHeaders, writeICalendar, type Calendar, type CalendarEvent } from './icalendar';
import { instantToZonedWallTime, isRepeatedWallTime, offsetChanges, zonedWallTimeToInstant } from './zoned-time';

/*
 * Every calendar here is read back by ical.js (Mozilla's parser, the one
 * Thunderbird uses), which knows no time zone but UTC by itself: a session's
 * instant comes out right only if the VTIMEZONE written with it is right.
 */

const prodId = '-//Micro Galleries//Community Arts Platform//EN';

function session(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
	return {
		uid: 'session-12@art.example',
		sequence: 0,
		start: '2026-12-05T18:00',
		end: '2026-12-05T20:00',
		timeZone: 'Asia/Kathmandu',
		summary: 'Mural workshop',
		status: 'CONFIRMED',
		lastModified: '2026-11-20T09:30:00.000Z',
		...overrides
	};
}

function calendar(events: CalendarEvent[], overrides: Partial<Calendar> = {}): Calendar {
	return { prodId, events, ...overrides } as Calendar;
}

/** The parsed VCALENDAR and its VEVENTs, in order. */
function read(ics: string) {
	const root = new ICAL.Component(ICAL.parse(ics));
	const events = root.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
	return { root, events, vevents: root.getAllSubcomponents('vevent') };
}

function instants(event: ICAL.Event): [string, string] {
	return [event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString()];
}

/** Unfolded content lines, as a reader sees them before parsing values. */
function contentLines(ics: string): string[] {
	return ics.replace(/\r\n /g, '').split('\r\n');
}

describe('writeICalendar, read back by a real parser', () => {
	it('no zone is known to the parser before it reads the file', () => {
		expect(ICAL.TimezoneService.count).toBe(0);
	});

	it('puts a Kathmandu session at 18:00 on 5 December 2026 at 12:15 UTC, written as Kathmandu wall time', () => {
		const ics = writeICalendar(calendar([session()]));
		const { events } = read(ics);
		expect(events).toHaveLength(1);
		expect(instants(events[0]!)).toEqual(['2026-12-05T12:15:00.000Z', '2026-12-05T14:15:00.000Z']);
		expect(events[0]!.startDate.zone.tzid).toBe('Asia/Kathmandu');
		expect(contentLines(ics)).toContain('DTSTART;TZID=Asia/Kathmandu:20261205T180000');
		expect(contentLines(ics)).toContain('DTEND;TZID=Asia/Kathmandu:20261205T200000');
	});

	it('puts New York sessions on each side of both daylight-saving changes at the right instants', () => {
		const rows: [start: string, end: string, instants: [string, string]][] = [
			['2026-03-07T18:00', '2026-03-07T20:00', ['2026-03-07T23:00:00.000Z', '2026-03-08T01:00:00.000Z']], // EST
			['2026-03-09T18:00', '2026-03-09T20:00', ['2026-03-09T22:00:00.000Z', '2026-03-10T00:00:00.000Z']], // EDT
			['2026-10-31T18:00', '2026-10-31T20:00', ['2026-10-31T22:00:00.000Z', '2026-11-01T00:00:00.000Z']], // EDT
			['2026-11-02T18:00', '2026-11-02T20:00', ['2026-11-02T23:00:00.000Z', '2026-11-03T01:00:00.000Z']], // EST
			// Across the change: three hours on the clock, two in fact.
			['2026-03-08T01:00', '2026-03-08T04:00', ['2026-03-08T06:00:00.000Z', '2026-03-08T08:00:00.000Z']],
			// 01:30 on 1 November happens twice: the first.
			['2026-11-01T01:30', '2026-11-01T03:00', ['2026-11-01T05:30:00.000Z', '2026-11-01T08:00:00.000Z']]
		];
		const ics = writeICalendar(
			calendar(rows.map(([start, end], index) => session({ uid: `ny-${index}@art.example`, start, end, timeZone: 'America/New_York' })))
		);
		const { root, events } = read(ics);
		expect(events.map(instants)).toEqual(rows.map(([, , expected]) => expected));
		expect(root.getAllSubcomponents('vtimezone')).toHaveLength(1);
	});

	it('puts Sydney sessions on each side of the southern changes (summer time ends in April) at the right instants', () => {
		const rows: [start: string, instant: string][] = [
			['2026-04-04T18:00', '2026-04-04T07:00:00.000Z'], // AEDT, +11:00
			['2026-04-05T18:00', '2026-04-05T08:00:00.000Z'], // AEST, +10:00
			['2026-10-03T18:00', '2026-10-03T08:00:00.000Z'], // AEST
			['2026-10-04T18:00', '2026-10-04T07:00:00.000Z'], // AEDT
			['2026-04-05T02:30', '2026-04-04T15:30:00.000Z'] // repeated: the first
		];
		const ics = writeICalendar(
			calendar(rows.map(([start], index) => session({ uid: `syd-${index}@art.example`, start, end: start.replace(/T\d\d/, 'T23'), timeZone: 'Australia/Sydney' })))
		);
		expect(read(ics).events.map((event) => event.startDate.toJSDate().toISOString())).toEqual(rows.map(([, instant]) => instant));
	});

	it('writes a wall time the clocks skip as the instant the site stored, not as RFC 5545 would read it', () => {
		// 02:30 on 8 March 2026 does not exist in New York; the site stores 03:00 EDT (07:00 UTC).
		const ics = writeICalendar(calendar([session({ start: '2026-03-08T02:30', end: '2026-03-08T04:00', timeZone: 'America/New_York' })]));
		expect(contentLines(ics)).toContain('DTSTART;TZID=America/New_York:20260308T030000');
		expect(instants(read(ics).events[0]!)[0]).toBe(zonedWallTimeToInstant('2026-03-08T02:30', 'America/New_York').toISOString());
	});

	it('writes a wall time the clocks show twice in UTC, as readers differ on which of the two it means', () => {
		const ics = writeICalendar(
			calendar([
				session({ uid: 'ny@art.example', start: '2026-11-01T01:30', end: '2026-11-01T03:00', timeZone: 'America/New_York' }),
				session({ uid: 'syd@art.example', start: '2026-04-05T01:00', end: '2026-04-05T02:30', timeZone: 'Australia/Sydney' })
			])
		);
		expect(contentLines(ics)).toEqual(
			expect.arrayContaining([
				'DTSTART:20261101T053000Z',
				'DTEND;TZID=America/New_York:20261101T030000',
				'DTSTART;TZID=Australia/Sydney:20260405T010000',
				'DTEND:20260404T153000Z'
			])
		);
	});

	it('writes sessions in UTC as UTC, without a VTIMEZONE', () => {
		const ics = writeICalendar(calendar([session({ timeZone: 'UTC', start: '2026-12-05T18:00', end: '2026-12-05T19:30' })]));
		expect(contentLines(ics)).toContain('DTSTART:20261205T180000Z');
		expect(read(ics).root.getAllSubcomponents('vtimezone')).toHaveLength(0);
		expect(instants(read(ics).events[0]!)).toEqual(['2026-12-05T18:00:00.000Z', '2026-12-05T19:30:00.000Z']);
	});

	it('writes one VTIMEZONE per zone used, spelled as IANA spells it today', () => {
		const ics = writeICalendar(
			calendar([
				session({ uid: 'a@art.example', timeZone: 'Asia/Katmandu' }),
				session({ uid: 'b@art.example', timeZone: 'Asia/Bangkok' }),
				session({ uid: 'c@art.example', timeZone: 'Asia/Kathmandu', start: '2027-02-01T10:00', end: '2027-02-01T12:00' }),
				session({ uid: 'd@art.example', timeZone: 'UTC' })
			])
		);
		const { root, events } = read(ics);
		expect(root.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Asia/Kathmandu', 'Asia/Bangkok']);
		expect(events.map((event) => event.startDate.toJSDate().toISOString())).toEqual([
			'2026-12-05T12:15:00.000Z',
			'2026-12-05T11:00:00.000Z',
			'2027-02-01T04:15:00.000Z',
			'2026-12-05T18:00:00.000Z'
		]);
	});
});

describe('VTIMEZONE components', () => {
	/** Observances as [kind, DTSTART, TZOFFSETFROM, TZOFFSETTO], read from the raw lines. */
	function observances(ics: string, zone: string): string[][] {
		const lines = contentLines(ics);
		const start = lines.indexOf(`TZID:${zone}`);
		const end = lines.indexOf('END:VTIMEZONE', start);
		const rows: string[][] = [];
		for (const line of lines.slice(start, end)) {
			if (line === 'BEGIN:STANDARD' || line === 'BEGIN:DAYLIGHT') rows.push([line.slice(6)]);
			else if (/^(DTSTART|TZOFFSETFROM|TZOFFSETTO):/.test(line)) rows.at(-1)!.push(line.split(':')[1]!);
		}
		return rows;
	}

	it('give Kathmandu and Bangkok one standard time, all year', () => {
		const ics = writeICalendar(calendar([session(), session({ uid: 'b@art.example', timeZone: 'Asia/Bangkok' })]));
		expect(observances(ics, 'Asia/Kathmandu')).toEqual([['STANDARD', '20260101T000000', '+0545', '+0545']]);
		expect(observances(ics, 'Asia/Bangkok')).toEqual([['STANDARD', '20260101T000000', '+0700', '+0700']]);
	});

	it('give New York its changes of the year, each at 02:00 on the clock before the change', () => {
		const ics = writeICalendar(calendar([session({ timeZone: 'America/New_York', start: '2026-06-01T10:00', end: '2026-06-01T11:00' })]));
		expect(observances(ics, 'America/New_York')).toEqual([
			['STANDARD', '20260101T000000', '-0500', '-0500'],
			['DAYLIGHT', '20260308T020000', '-0500', '-0400'],
			['STANDARD', '20261101T020000', '-0400', '-0500']
		]);
	});

	it('give Sydney daylight time in January, standard time from April', () => {
		const ics = writeICalendar(calendar([session({ timeZone: 'Australia/Sydney', start: '2026-06-01T10:00', end: '2026-06-01T11:00' })]));
		expect(observances(ics, 'Australia/Sydney')).toEqual([
			['DAYLIGHT', '20260101T000000', '+1100', '+1100'],
			['STANDARD', '20260405T030000', '+1100', '+1000'],
			['DAYLIGHT', '20261004T020000', '+1000', '+1100']
		]);
	});

	// Zones with a yearly rule, half-hour daylight time, daylight time in the southern summer,
	// "negative" daylight time (Dublin), and changes that follow no yearly rule (Casablanca).
	const zones = ['America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Santiago', 'Europe/Dublin', 'Africa/Casablanca', 'Asia/Kathmandu'];

	it.each(zones)('agree with the runtime’s zone data in %s, hour by hour and at each change, across every year the sessions span', (zone) => {
		const ics = writeICalendar(
			calendar([
				session({ uid: 'first@art.example', timeZone: zone, start: '2025-05-01T10:00', end: '2025-05-01T12:00' }),
				session({ uid: 'last@art.example', timeZone: zone, start: '2027-08-01T10:00', end: '2027-08-01T12:00' })
			])
		);
		const vtimezone = read(ics).root.getAllSubcomponents('vtimezone')[0]!;
		const parsedZone = new ICAL.Timezone({ component: vtimezone, tzid: zone });
		// As a reader turns a DTSTART;TZID=… into an instant: from the wall time, through the file's zone.
		const instantInFile = (wall: string) => withZone(wall, parsedZone).toJSDate().getTime();

		const from = Date.parse('2025-01-01T00:00:00Z');
		const to = Date.parse('2027-12-31T00:00:00Z');
		const moments: number[] = [];
		for (let ms = from; ms < to; ms += 3_600_000) moments.push(ms);
		const changes = offsetChanges(zone, from, to);
		for (const change of changes) moments.push(change.at - 60_000, change.at, change.at + 60_000);
		// The file covers the years of its sessions from midnight on 1 January there; repeated wall times are written in UTC.
		const walls = moments.map((ms) => instantToZonedWallTime(ms, zone)).filter((wall) => wall >= '2025-01-01' && !isRepeatedWallTime(wall, zone));
		const disagreements = walls.filter((wall) => instantInFile(wall) !== zonedWallTimeToInstant(wall, zone).getTime());
		expect(disagreements).toEqual([]);
		expect(walls.length).toBeGreaterThan(26_000);
	});
});

/** The wall time ('2026-03-08T03:00') as a time in the parsed zone. */
function withZone(wall: string, zone: ICAL.Timezone): ICAL.Time {
	const [year, month, day, hour, minute] = wall.split(/[-T:]/).map(Number) as [number, number, number, number, number];
	return ICAL.Time.fromData({ year, month, day, hour, minute, second: 0 }, zone);
}

describe('text', () => {
	const nepali = {
		summary: 'भित्ते चित्र कार्यशाला: रङ, रेखा र समुदायको कथा — पाटन दरबार क्षेत्र, ललितपुर',
		description: 'दर्ता निःशुल्क छ; ठाउँ सीमित छ।\nआफ्नै ब्रस ल्याउनुहोस्, रङ हामी दिन्छौं।\n\nसम्पर्क: info@art.example',
		location: 'पाटन दरबार क्षेत्र, ललितपुर ४४७००, नेपाल'
	};
	const spanish = {
		summary: 'Taller de muralismo: “Paredes que hablan”; inscripción gratuita, cupos limitados',
		description: 'Traé tu pincel, nosotros ponemos la pintura.\nDirección: C/ Pérez Galdós, 7; 2.º piso\\B\nNiñas, niños y señoras mayores: ¡bienvenidos! 🎨',
		location: 'Centro Cultural “La Pérgola”, Avda. de la Constitución 12, Sevilla'
	};

	it.each([
		['Nepali', 'ne', nepali],
		['Spanish', 'es', spanish]
	])('keeps %s summary, description and location exactly, through folding and escaping', (_name, language, texts) => {
		const ics = writeICalendar(calendar([session(texts)], { name: texts.summary.slice(0, 20), language }));
		const { root, vevents } = read(ics);
		const vevent = vevents[0]!;
		expect(vevent.getFirstPropertyValue('summary')).toBe(texts.summary);
		expect(vevent.getFirstPropertyValue('description')).toBe(texts.description);
		expect(vevent.getFirstPropertyValue('location')).toBe(texts.location);
		expect(vevent.getFirstProperty('summary')!.getParameter('language')).toBe(language);
		expect(root.getFirstPropertyValue('x-wr-calname')).toBe(texts.summary.slice(0, 20));
	});

	it('tags an event whose texts are in another language (an English fallback in a Nepali feed) with its own', () => {
		const ics = writeICalendar(calendar([session({ summary: 'Mural workshop', description: 'Bring a brush.', language: 'en' }), session({ uid: 'session-13@art.example', ...nepali })], { language: 'ne', name: 'कार्यक्रमहरू' }));
		const [english, local] = read(ics).vevents;
		expect(english!.getFirstProperty('summary')!.getParameter('language')).toBe('en');
		expect(english!.getFirstProperty('description')!.getParameter('language')).toBe('en');
		expect(local!.getFirstProperty('summary')!.getParameter('language')).toBe('ne');
		expect(read(ics).root.getFirstProperty('name')!.getParameter('language')).toBe('ne');
		expect(() => writeICalendar(calendar([session({ language: 'not a tag' })]))).toThrow(/language tag/);
	});

	it('folds lines at 75 octets, never inside a character, with CRLF line ends', () => {
		const ics = writeICalendar(calendar([session({ ...nepali, description: `${nepali.description} 🎨🎨🎨 ${'क्षे'.repeat(40)}` })]));
		expect(ics.endsWith('\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		const lines = ics.split('\r\n').slice(0, -1);
		expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(5);
		for (const line of lines) {
			expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
			// A lone surrogate would mean an emoji was cut in half.
			expect(line).not.toMatch(/\p{Cs}/u);
			// A line may not start with a vowel sign or virama cut off from its consonant.
			expect(line).not.toMatch(/^ \p{M}/u);
		}
	});

	it('escapes backslash, semicolon, comma and line breaks, and drops control characters', () => {
		const description = 'a\\b;c,d\r\ne\rf\ng\u0007h\ti';
		const ics = writeICalendar(calendar([session({ description })]));
		expect(contentLines(ics)).toContain('DESCRIPTION:a\\\\b\\;c\\,d\\ne\\nf\\ngh\ti');
		expect(read(ics).vevents[0]!.getFirstPropertyValue('description')).toBe('a\\b;c,d\ne\nf\ngh\ti');
	});
});

describe('event properties', () => {
	it('carries UID, SEQUENCE, STATUS, URL, GEO and LAST-MODIFIED; DTSTAMP is the last change when there is no method', () => {
		const ics = writeICalendar(
			calendar([
				session({
					sequence: 3,
					url: 'https://art.example/ne/events/mural-workshop?session=12',
					geo: { latitude: 27.672_7, longitude: 85.325_3 },
					location: 'Patan Durbar Square'
				})
			])
		);
		const vevent = read(ics).vevents[0]!;
		expect(vevent.getFirstPropertyValue('uid')).toBe('session-12@art.example');
		expect(vevent.getFirstPropertyValue('sequence')).toBe(3);
		expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
		expect(vevent.getFirstPropertyValue('url')).toBe('https://art.example/ne/events/mural-workshop?session=12');
		expect(vevent.getFirstPropertyValue('geo')).toEqual([27.6727, 85.3253]);
		expect(String(vevent.getFirstPropertyValue('last-modified'))).toBe('2026-11-20T09:30:00Z');
		expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe('2026-11-20T09:30:00Z');
		expect(read(ics).root.getFirstPropertyValue('method')).toBeNull();
		expect(read(ics).root.getFirstPropertyValue('prodid')).toBe(prodId);
		expect(read(ics).root.getFirstPropertyValue('version')).toBe('2.0');
	});

	it('asks subscribed calendars to fetch a feed again after its refresh interval', () => {
		const ics = writeICalendar(calendar([session()], { name: 'Events', refreshInterval: 'PT1H' }));
		const { root } = read(ics);
		expect(String(root.getFirstPropertyValue('refresh-interval'))).toBe('PT1H');
		expect(root.getFirstProperty('refresh-interval')!.type).toBe('duration');
		expect(contentLines(ics)).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
		expect(contentLines(ics)).toContain('X-PUBLISHED-TTL:PT1H');
		expect(writeICalendar(calendar([session()]))).not.toMatch(/REFRESH-INTERVAL|X-PUBLISHED-TTL/);
		for (const bad of ['1H', 'PT', 'P', 'PT1H\r\nX:1', '-PT1H']) expect(() => writeICalendar(calendar([session()], { refreshInterval: bad }))).toThrow(/duration/);
	});

	it('gives the same bytes for the same sessions, so a download keeps its ETag', () => {
		expect(writeICalendar(calendar([session()]))).toBe(writeICalendar(calendar([session()])));
	});

	it('mails a cancellation as METHOD:CANCEL with STATUS:CANCELLED, the same UID and a raised SEQUENCE', () => {
		const people = { organizer: { name: 'Micro Galleries "Kathmandu"', email: 'events@art.example' }, attendee: { name: 'Asha Gurung', email: 'asha@example.org' } };
		const invitation = writeICalendar(calendar([session({ sequence: 1, ...people })], { method: 'REQUEST', createdAt: '2026-11-21T08:00:00Z' }));
		const cancellation = writeICalendar(
			calendar([session({ sequence: 2, status: 'CANCELLED', lastModified: '2026-11-30T10:00:00Z', ...people })], { method: 'CANCEL', createdAt: '2026-11-30T10:05:00Z' })
		);
		const sent = read(invitation);
		const cancelled = read(cancellation);
		expect(sent.root.getFirstPropertyValue('method')).toBe('REQUEST');
		expect(cancelled.root.getFirstPropertyValue('method')).toBe('CANCEL');
		expect(cancelled.vevents[0]!.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(cancelled.vevents[0]!.getFirstPropertyValue('uid')).toBe(sent.vevents[0]!.getFirstPropertyValue('uid'));
		expect(cancelled.vevents[0]!.getFirstPropertyValue('sequence')).toBe(2);
		// With a method, DTSTAMP is when the message was made.
		expect(String(cancelled.vevents[0]!.getFirstPropertyValue('dtstamp'))).toBe('2026-11-30T10:05:00Z');

		const organizer = sent.vevents[0]!.getFirstProperty('organizer')!;
		expect(organizer.getFirstValue()).toBe('mailto:events@art.example');
		expect(organizer.getParameter('cn')).toBe("Micro Galleries 'Kathmandu'");
		const attendee = sent.vevents[0]!.getFirstProperty('attendee')!;
		expect(attendee.getFirstValue()).toBe('mailto:asha@example.org');
		expect(attendee.getParameter('cn')).toBe('Asha Gurung');
		expect(attendee.getParameter('partstat')).toBe('ACCEPTED');
		expect(attendee.getParameter('rsvp')).toBe('FALSE');
	});

	it('refuses what calendars would misread: unknown zones, sessions ending before they start, bad numbers and addresses', () => {
		const write = (overrides: Partial<CalendarEvent>, extra: Partial<Calendar> = {}) => () => writeICalendar(calendar([session(overrides)], extra));
		expect(write({ timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
		expect(write({ end: '2026-12-05T17:59' })).toThrow(/ends before it starts/);
		expect(write({ end: '2026-12-05T18:00' })).toThrow(/ends before it starts/);
		expect(write({ start: '2026-02-30T18:00' })).toThrow(RangeError);
		expect(write({ sequence: -1 })).toThrow(/SEQUENCE/);
		expect(write({ sequence: 1.5 })).toThrow(/SEQUENCE/);
		expect(write({ uid: ' ' })).toThrow(/UID/);
		expect(write({ url: '/events/mural' })).toThrow(/URL/);
		expect(write({ geo: { latitude: 91, longitude: 0 } })).toThrow(/GEO/);
		expect(write({ geo: { latitude: Number.NaN, longitude: 0 } })).toThrow(/GEO/);
		expect(write({ lastModified: 'yesterday' })).toThrow(/LAST-MODIFIED/);
		expect(write({}, { language: 'ne;x=1' })).toThrow(/language/);
		expect(write({}, { method: 'REQUEST', createdAt: '2026-11-21T08:00:00Z' })).toThrow(/ORGANIZER/);
		expect(write({ organizer: { email: 'events@art.example' } }, { method: 'REQUEST', createdAt: '2026-11-21T08:00:00Z' })).toThrow(/ATTENDEE/);
		expect(write({ organizer: { email: 'events@art.example' } }, { method: 'CANCEL', createdAt: '2026-11-21T08:00:00Z' })).toThrow(/not cancelled/);
		expect(write({ organizer: { email: 'events@art.example:x' }, attendee: { email: 'a@b.example' } }, { method: 'REQUEST', createdAt: '2026-11-21T08:00:00Z' })).toThrow(/e-mail/);
	});
});

describe('calendarResponseHeaders', () => {
	it('serves text/calendar in UTF-8 as a file named after the event', () => {
		const headers = calendarResponseHeaders('Mural workshop: Patan');
		expect(headers['Content-Type']).toBe(calendarContentType);
		expect(calendarContentType).toBe('text/calendar; charset=utf-8');
		expect(headers['Content-Disposition']).toBe(`attachment; filename="mural-workshop-patan.ics"; filename*=UTF-8''Mural%20workshop%20Patan.ics`);
	});

	it('keeps a Nepali or Spanish title in the UTF-8 name, with an ASCII name for older clients', () => {
		const nepali = calendarResponseHeaders('भित्ते चित्र कार्यशाला')['Content-Disposition']!;
		expect(nepali).toMatch(/^attachment; filename="calendar\.ics"; filename\*=UTF-8''/);
		expect(decodeURIComponent(nepali.split("UTF-8''")[1]!)).toBe('भित्ते चित्र कार्यशाला.ics');
		const spanish = calendarResponseHeaders('Taller: “Paredes” (niños)')['Content-Disposition']!;
		expect(spanish).toContain('filename="taller-paredes-ninos.ics"');
		expect(spanish.split("UTF-8''")[1]).not.toMatch(/[ ()'"“”]/);
		expect(decodeURIComponent(spanish.split("UTF-8''")[1]!)).toBe('Taller “Paredes” (niños).ics');
		expect(calendarResponseHeaders('"/\\')['Content-Disposition']).toBe(`attachment; filename="calendar.ics"; filename*=UTF-8''calendar.ics`);
	});
});
