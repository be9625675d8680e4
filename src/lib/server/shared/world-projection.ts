import { geoEqualEarth, type GeoProjection } from 'd3-geo';

/*
 * The one projection of the world map, shared by the build step that draws the
 * land outline (world-outline.ts, run by vite.config.ts) and by the pages that
 * place markers on it, so that a marker lands exactly where its place is drawn.
 * This file imports nothing of the app: the Vite config loads it before any
 * `$lib` alias exists.
 *
 * Equal Earth keeps areas true, so no continent looks larger than it is. The
 * map is cropped north of 84° N (above Greenland's tip) and south of 57° S
 * (below Cape Horn): Antarctica is left out, which saves its bytes in the
 * outline and a band of ice across the bottom of every map. A place further
 * south is pinned to the bottom edge (world-map.ts).
 */

/** Width of the map's viewBox; coordinates are rounded against it, so about a pixel of a wide screen. */
export const mapWidth = 1000;
export const northEdge = 84;
export const southEdge = -57;

/** A new copy of the map's projection (a copy, so that drawing may set its clipping without touching the markers' one). */
export function createWorldProjection(): GeoProjection {
	const projection = geoEqualEarth().fitWidth(mapWidth, { type: 'Sphere' });
	const [, top] = projection([0, northEdge])!;
	const [x, y] = projection.translate();
	return projection.translate([x, y - top]);
}

const projection = createWorldProjection();

/** Height of the map's viewBox (the width is `mapWidth`). */
export const mapHeight = Math.round(projection([0, southEdge])![1]);

/** Where a place (degrees; east and north positive) falls on the map's viewBox, unrounded. */
export function projectPlace(lon: number, lat: number): { x: number; y: number } {
	const [x, y] = projection([lon, lat])!;
	return { x, y };
}
