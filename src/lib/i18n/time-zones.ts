import { dateTimeFormat } from './intl';

/*
 * Time-zone names as people pick and type them, on the server and in the
 * browser alike (a staff member's zone, a call's, an event session's).
 */

/** 'Area/Location' names (and 'UTC'); Intl also accepts offsets like '+05:45', which are no zone. */
const zoneNamePattern = /^(?:UTC|[A-Za-z][A-Za-z_-]*(?:\/[A-Za-z0-9][A-Za-z0-9_+-]*)+)$/;

/**
 * Zones the IANA database has renamed since CLDR first listed them. ICU keeps
 * the first names for stability, so Intl lists 'Asia/Katmandu' and
 * 'Europe/Kiev'; people look for today's spelling. Intl accepts both and
 * resolves them to the same zone (the tests check each pair).
 */
export const renamedTimeZones: Readonly<Record<string, string>> = {
	'Africa/Asmera': 'Africa/Asmara',
	'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
	'America/Catamarca': 'America/Argentina/Catamarca',
	'America/Coral_Harbour': 'America/Atikokan',
	'America/Cordoba': 'America/Argentina/Cordoba',
	'America/Godthab': 'America/Nuuk',
	'America/Indianapolis': 'America/Indiana/Indianapolis',
	'America/Jujuy': 'America/Argentina/Jujuy',
	'America/Louisville': 'America/Kentucky/Louisville',
	'America/Mendoza': 'America/Argentina/Mendoza',
	'Asia/Calcutta': 'Asia/Kolkata',
	'Asia/Katmandu': 'Asia/Kathmandu',
	'Asia/Rangoon': 'Asia/Yangon',
	'Asia/Saigon': 'Asia/Ho_Chi_Minh',
	'Atlantic/Faeroe': 'Atlantic/Faroe',
	'Europe/Kiev': 'Europe/Kyiv',
	'Pacific/Enderbury': 'Pacific/Kanton',
	'Pacific/Ponape': 'Pacific/Pohnpei',
	'Pacific/Truk': 'Pacific/Chuuk'
};

let selectable: readonly string[] | undefined;

/**
 * Every zone a person can pick, in today's IANA spelling: 'UTC' first (Intl does
 * not list it; online events and people who think in UTC want it at hand), then
 * the rest sorted by name. Made once: the runtime's list does not change while it
 * runs.
 */
export function selectableTimeZones(): readonly string[] {
	selectable ??= Object.freeze([
		'UTC',
		...[...new Set(Intl.supportedValuesOf('timeZone').map((zone) => renamedTimeZones[zone] ?? zone))].filter((zone) => zone !== 'UTC').sort()
	]);
	return selectable;
}

let zonesByLowerCase: Map<string, string> | undefined;

/**
 * The zone's name when the runtime knows it, as the picker spells it
 * ('europe/madrid' → 'Europe/Madrid', 'Asia/Katmandu' → 'Asia/Kathmandu');
 * otherwise null. A zone the picker does not list (an old alias such as
 * 'US/Eastern') is kept as given rather than replaced by what Intl resolves it
 * to, since ICU resolves to old spellings too.
 */
export function canonicalTimeZone(value: string): string | null {
	if (!zoneNamePattern.test(value)) return null;
	try {
		dateTimeFormat('en', { timeZone: value });
	} catch {
		return null;
	}
	zonesByLowerCase ??= new Map([
		...Object.entries(renamedTimeZones).map(([old, current]): [string, string] => [old.toLowerCase(), current]),
		...selectableTimeZones().map((zone): [string, string] => [zone.toLowerCase(), zone])
	]);
	return zonesByLowerCase.get(value.toLowerCase()) ?? value;
}

export function isValidTimeZone(value: string): boolean {
	return canonicalTimeZone(value) !== null;
}
