import { brotliCompressSync, gzipSync } from 'node:zlib';
import { geoContains } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { drawLandOutline } from './world-outline';
import { mapHeight, mapWidth, projectPlace } from './world-projection';

/** The outline's subpaths as points on the map, read back from the relative path data the outline writes. */
function ringsOf(path: string): [number, number][][] {
	const rings: [number, number][][] = [];
	let pen: [number, number] = [0, 0];
	for (const subpath of path.split('z').filter(Boolean)) {
		const [move, lines] = subpath.slice(1).split('l') as [string, string];
		const [dx, dy] = numbers(move);
		pen = [pen[0] + dx!, pen[1] + dy!];
		const ring: [number, number][] = [pen];
		const steps = numbers(lines);
		let [x, y] = pen;
		for (let i = 0; i < steps.length; i += 2) {
			x += steps[i]!;
			y += steps[i + 1]!;
			ring.push([x, y]);
		}
		rings.push(ring);
	}
	return rings;
}

function numbers(text: string): number[] {
	return (text.match(/-?\d+/g) ?? []).map(Number);
}

/** Even-odd rule, as the browser fills the path (holes such as the Caspian included). */
function insideOutline(rings: [number, number][][], x: number, y: number): boolean {
	let inside = false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i]!;
			const [xj, yj] = ring[j]!;
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}

describe('the land outline', () => {
	const outline = drawLandOutline();

	it('costs a few kilobytes once compressed', () => {
		const gzip = gzipSync(outline.svg, { level: 9 }).byteLength;
		const brotli = brotliCompressSync(outline.svg).byteLength;
		console.log(`land outline: ${outline.svg.length} bytes, ${gzip} gzip, ${brotli} brotli`);
		expect(gzip).toBeLessThan(10 * 1024);
	});

	it('is one land path on the map’s viewBox, with no borders', () => {
		expect(outline.svg).toContain(`viewBox="0 0 ${mapWidth} ${mapHeight}"`);
		expect(outline.svg.match(/<path/g)).toHaveLength(1);
		// Every subpath is a closed ring of land; country borders would add one ring per country, crossing the land.
		const rings = ringsOf(outline.path);
		const landRings = outline.land.coordinates.flat().length;
		expect(rings.length).toBeLessThanOrEqual(landRings);
		expect(rings.length).toBeGreaterThan(landRings * 0.9);
		expect(outline.path.split('m').length - 1).toBe(outline.path.split('z').length - 1);
	});

	it('draws Patan on land, where the projection puts it', () => {
		const { x, y } = projectPlace(85.32, 27.67);
		expect(geoContains(outline.land, [85.32, 27.67])).toBe(true);
		expect(insideOutline(ringsOf(outline.path), x, y)).toBe(true);
	});

	it('leaves the sea empty, and Antarctica off the map', () => {
		const rings = ringsOf(outline.path);
		const pacific = projectPlace(-150, 0);
		expect(insideOutline(rings, pacific.x, pacific.y)).toBe(false);
		const lowest = Math.max(...rings.flat().map(([, y]) => y));
		expect(lowest).toBeLessThanOrEqual(mapHeight + 1);
	});

	it('drops more detail when asked, and keeps the land', () => {
		const coarse = drawLandOutline({ minPointArea: 4, minIslandArea: 8 });
		expect(coarse.path.length).toBeLessThan(outline.path.length / 2);
		expect(geoContains(coarse.land, [85.32, 27.67])).toBe(true);
	});
});
