/*
 * Coordinates as people paste them: from a map app, a spreadsheet, a photo's
 * details or a printed guide. Pure, so the admin's place picker reads them in the
 * browser as it is typed into, and the server reads them the same way.
 *
 * Accepted: decimal degrees ("27.67, 85.32", "27.67 85.32", "-33.9, 18.5"), with
 * hemisphere letters before or after ("27.67°N 85.32°E", "S 33.9 E 18.5"),
 * degrees-minutes(-seconds) ("27°40'N 85°19'E", "27°40'12.5\"N 85°19'3\"E"),
 * a geo: address, and the position in a Google Maps ("@27.67,85.32,15z") or
 * OpenStreetMap ("#map=15/27.67/85.32") address. Without letters the order is
 * latitude, longitude, as map apps copy it; letters may put longitude first.
 */

export interface Coordinates {
	latitude: number;
	longitude: number;
}

/** Far more text than any way of writing two coordinates: a pasted paragraph is not read. */
const maxLength = 200;

/** Six decimals is about 10 cm: enough for a place, and it hides the float noise of 40/60. */
const precision = 1e6;

/** A position inside a map address: Google Maps' `@lat,lon,zoom` and OpenStreetMap's `map=zoom/lat/lon`. */
const inMapAddress = [/@(-?\d{1,3}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)(?:,|$)/, /[#?&]map=\d{1,2}(?:\.\d+)?\/(-?\d{1,3}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)/];

/** Degrees, then optional minutes and seconds (three groups). */
const angle = String.raw`([+-]?\d{1,3}(?:\.\d+)?)\s*°?\s*(?:(\d{1,2}(?:\.\d+)?)\s*'\s*(?:(\d{1,2}(?:\.\d+)?)\s*"\s*)?)?`;
/**
 * One coordinate: a letter and the angle, or the angle and maybe a letter (eight
 * groups). Never a letter on both sides, so "N 27.67 E 85.32" splits before the E.
 */
const part = String.raw`(?:([NSEW])\s*${angle}|${angle}([NSEW])?)`;
// A comma, semicolon, slash or space between the two, so that "2767" is not read as 276 and 7.
const pair = new RegExp(String.raw`^${part}(?:\s*[,;/]\s*|\s+)${part}$`, 'i');

interface Part {
	value: number;
	/** 'lat' or 'lon' when a letter says which; null when only the order can. */
	axis: 'lat' | 'lon' | null;
}

/** The coordinates written in `text`, or null when it holds none (or a latitude beyond ±90, a longitude beyond ±180). */
export function parseCoordinates(text: string): Coordinates | null {
	if (text.length > maxLength) return null;
	const plain = normalize(text);
	for (const pattern of inMapAddress) {
		const found = pattern.exec(plain);
		if (found) return checked(Number(found[1]), Number(found[2]));
	}
	const found = pair.exec(plain);
	if (!found) return null;
	const first = partOf(found.slice(1, 9));
	const second = partOf(found.slice(9, 17));
	if (!first || !second) return null;
	if (first.axis && first.axis === second.axis) return null;
	const longitudeFirst = first.axis === 'lon' || second.axis === 'lat';
	return longitudeFirst ? checked(second.value, first.value) : checked(first.value, second.value);
}

/**
 * One spelling for the marks that many fonts and keyboards vary: primes and
 * typographic quotes for minutes and seconds, the minus sign, the ordinal º for
 * a degree. Labels ("Lat:", "longitude =") and brackets around the pair go.
 */
function normalize(text: string): string {
	return text
		.trim()
		.replace(/[′’‘´`]/g, "'")
		.replace(/[″“”]|''/g, '"')
		.replace(/[−–]/g, '-')
		.replace(/[º˚]/g, '°')
		.replace(/\b(?:lat(?:itude)?|lng|lon(?:g(?:itude)?)?)\b\s*[:=]?/gi, '')
		.replace(/^geo:/i, '')
		.replace(/^[([]\s*|\s*[)\]]$/g, '')
		.trim();
}

/** A part from its eight groups: the letter before, the angle written after it, the angle written alone, the letter after. */
function partOf(groups: (string | undefined)[]): Part | null {
	const [before, ...rest] = groups;
	const after = rest[6];
	const [degrees, minutes, seconds] = before === undefined ? rest.slice(3, 6) : rest.slice(0, 3);
	const letter = (before ?? after)?.toUpperCase();
	const negative = degrees!.startsWith('-');
	// Degrees with a fraction and minutes too, or minutes with a fraction and seconds too, is no way of writing a position.
	if (minutes !== undefined && degrees!.includes('.')) return null;
	if (seconds !== undefined && minutes!.includes('.')) return null;
	// "-33.9 S" says south twice, or north and south at once: refuse rather than guess.
	if (negative && letter) return null;
	const minuteValue = Number(minutes ?? 0);
	const secondValue = Number(seconds ?? 0);
	if (minuteValue >= 60 || secondValue >= 60) return null;
	const magnitude = Math.abs(Number(degrees)) + minuteValue / 60 + secondValue / 3600;
	const southOrWest = negative || letter === 'S' || letter === 'W';
	const axis = letter === 'N' || letter === 'S' ? 'lat' : letter === 'E' || letter === 'W' ? 'lon' : null;
	return { value: southOrWest ? -magnitude : magnitude, axis };
}

function checked(latitude: number, longitude: number): Coordinates | null {
	if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
	if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
	return { latitude: rounded(latitude), longitude: rounded(longitude) };
}

function rounded(value: number): number {
	// `+ 0` turns a -0 (from "-0.0") into 0.
	return Math.round(value * precision) / precision + 0;
}
