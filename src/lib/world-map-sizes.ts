/*
 * The two sizes of the world map, shared by the marker layout on the server and
 * the component that draws it. Lengths are in units of the map's viewBox, which
 * is 1000 wide whatever its displayed size: the small map is shown about a third
 * as wide as the large one, so its markers are about three times as many units
 * across, and so is the distance under which two of them are grouped into one.
 */
export type WorldMapSize = 'large' | 'small';

/** Marker radius: about 6 px on the large map at full width (72rem), and on the small one at 22rem. */
export const markerRadius: Record<WorldMapSize, number> = { large: 6, small: 17 };

/** Two markers closer than this (centre to centre) would overlap: they become one group. */
export function groupingDistance(size: WorldMapSize): number {
	return 2 * markerRadius[size];
}
