/**
 * A 24-megapixel photo (6000 × 4000, made to compress like a photo: soft shapes,
 * texture and grain, not flat colour) through processing as the media.process
 * job does it: the variants, then the IIIF tiles from the full-size file. In a
 * process of its own so that its peak memory is its own. Prints one JSON line
 * for scripts/bench.ts. With `tiles-only`, only the tiles: their own peak memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processImage } from '../src/lib/server/platform/images/image-processing.ts';
import { makeTiles } from '../src/lib/server/platform/images/iiif-tiles.ts';
import { photoLike } from '../tests/support/test-images.ts';

const input = await photoLike(6000, 4000);
const folder = mkdtempSync(join(tmpdir(), 'arts-bench-iiif-'));
try {
	const rssBefore = process.memoryUsage().rss;
	const started = performance.now();
	const tilesOnly = process.argv.includes('tiles-only');
	const processed = tilesOnly ? { variants: [] } : await processImage(input);
	const variantsMs = performance.now() - started;
	const peakAfterVariants = process.resourceUsage().maxRSS / 1024;
	const tilesStarted = performance.now();
	const tiled = await makeTiles(input, join(folder, 'iiif'));
	const tilesMs = performance.now() - tilesStarted;
	console.log(
		JSON.stringify({
			inputBytes: input.byteLength,
			variantsMs,
			tilesMs,
			totalMs: performance.now() - started,
			variants: processed.variants.length,
			variantBytes: processed.variants.reduce((sum, variant) => sum + variant.bytes.byteLength, 0),
			tiles: tiled.tiles,
			tileBytes: tiled.bytes,
			width: tiled.info.width,
			height: tiled.info.height,
			scaleFactors: tiled.info.tiles[0]!.scaleFactors,
			rssBeforeMb: rssBefore / 1048576,
			peakRssAfterVariantsMb: peakAfterVariants,
			peakRssMb: process.resourceUsage().maxRSS / 1024
		})
	);
} finally {
	rmSync(folder, { recursive: true, force: true });
}
