import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoPath, type GeoContext } from 'd3-geo';
import type { MultiPolygon } from 'geojson';
import { feature } from 'topojson-client';
import { filter, filterWeight, presimplify, simplify, type Ring, type Triangle } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { createWorldProjection, mapHeight, mapWidth } from './world-projection.ts'; // .ts and relative: vite.config.ts loads this file

/*
 * The world map's land outline, drawn once at build time (vite.config.ts emits it
 * as a hashed, immutable asset) from Natural Earth's land at 1:50 million,
 * through the same projection the pages place their markers with.
 *
 * Land only, as one path: the map draws no country borders, so it takes no side
 * where borders are disputed. Small enough to cost a few kilobytes compressed:
 * - points whose triangle with their neighbours covers less than `minPointArea`
 *   square units of the 1000-wide map are dropped (Visvalingam, topology kept,
 *   so coasts shared by two rings stay joined);
 * - islands smaller than `minIslandArea` square units are dropped: a place
 *   there still gets its marker, which does not depend on the outline;
 * - coordinates are whole units, written relative to the previous point.
 * Antarctica falls outside the cropped map (world-projection.ts) and is clipped away.
 */

export interface LandOutlineOptions {
	/** Square map units; a point that adds less area than this to its coast is dropped. */
	minPointArea?: number;
	/** Square map units; a smaller island (or lake) is dropped. */
	minIslandArea?: number;
}

export interface LandOutline {
	/** The SVG document: one `<path id="land">`, filled by whoever uses it. */
	svg: string;
	/** The path's data alone. */
	path: string;
	/** The simplified land, in degrees, before the crop (Antarctica is still in it): for checking what the outline covers. */
	land: MultiPolygon;
}

export const defaultOutlineOptions: Required<LandOutlineOptions> = { minPointArea: 0.5, minIslandArea: 2 };

const projection = createWorldProjection().clipExtent([
	[-1, -1],
	[mapWidth + 1, mapHeight + 1]
]);

type LandTopology = Topology<{ land: GeometryCollection }>;

function readLand(): LandTopology {
	const file = createRequire(import.meta.url).resolve('world-atlas/land-50m.json');
	return JSON.parse(readFileSync(file, 'utf8')) as LandTopology;
}

/** Area of a polygon given in degrees, once projected onto the map (shoelace formula). */
function projectedArea(points: readonly (readonly number[])[]): number {
	let twice = 0;
	let previous = projection([points[points.length - 1]![0]!, points[points.length - 1]![1]!])!;
	for (const point of points) {
		const current = projection([point[0]!, point[1]!])!;
		twice += previous[0] * current[1] - current[0] * previous[1];
		previous = current;
	}
	return Math.abs(twice) / 2;
}

export function drawLandOutline(options: LandOutlineOptions = {}): LandOutline {
	const { minPointArea, minIslandArea } = { ...defaultOutlineOptions, ...options };
	// Weights in map units rather than degrees, so the far north is simplified as much as it is drawn small.
	const weighted = presimplify(readLand(), (triangle: Triangle) => projectedArea(triangle));
	const simplified = simplify(weighted, minPointArea);
	const kept = filter(simplified, filterWeight(simplified, minIslandArea, (ring: Ring) => projectedArea(ring)));
	const land = feature(kept, kept.objects.land as GeometryCollection);
	const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates: [] };
	for (const each of land.features) {
		if (each.geometry?.type === 'Polygon') geometry.coordinates.push(each.geometry.coordinates);
		else if (each.geometry?.type === 'MultiPolygon') geometry.coordinates.push(...each.geometry.coordinates);
	}

	const writer = new RelativePathWriter();
	geoPath(projection, writer)(geometry);
	const path = writer.toString();
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${mapWidth} ${mapHeight}"><path id="land" d="${path}"/></svg>\n`;
	return { svg, path, land: geometry };
}

/**
 * A canvas-like context for d3's geoPath that writes SVG path data in whole units,
 * each point relative to the previous one ("l3-1 2 0"), which is about half the
 * bytes of absolute pairs. Points that round onto the previous one are skipped,
 * and a ring left with fewer than three points is not drawn.
 */
class RelativePathWriter implements GeoContext {
	private readonly parts: string[] = [];
	/** Where the pen is after the last subpath written: its start, once closed. */
	private pen: [number, number] = [0, 0];
	private ring: [number, number][] = [];

	/** Called by geoPath before each geometry; the rings say where subpaths begin. */
	beginPath(): void {}

	moveTo(x: number, y: number): void {
		this.ring = [[Math.round(x), Math.round(y)]];
	}

	lineTo(x: number, y: number): void {
		const point: [number, number] = [Math.round(x), Math.round(y)];
		const last = this.ring[this.ring.length - 1]!;
		if (point[0] !== last[0] || point[1] !== last[1]) this.ring.push(point);
	}

	closePath(): void {
		const ring = this.ring;
		const first = ring[0]!;
		const last = ring[ring.length - 1]!;
		if (ring.length > 1 && first[0] === last[0] && first[1] === last[1]) ring.pop();
		if (ring.length < 3) return;
		let data = `m${pair(first[0] - this.pen[0], first[1] - this.pen[1])}l`;
		for (let i = 1; i < ring.length; i++) {
			const step = pair(ring[i]![0] - ring[i - 1]![0], ring[i]![1] - ring[i - 1]![1]);
			data += i === 1 || step.startsWith('-') ? step : ` ${step}`;
		}
		this.parts.push(`${data}z`);
		this.pen = first;
	}

	/** geoPath draws a Point as a circle; land has none. */
	arc(): void {}

	toString(): string {
		// The first move is relative to the origin, which is the same as absolute.
		return this.parts.join('');
	}
}

function pair(dx: number, dy: number): string {
	return dy < 0 ? `${dx}${dy}` : `${dx} ${dy}`;
}
