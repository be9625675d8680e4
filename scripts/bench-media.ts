/**
 * One 12-megapixel photo (4000 × 3000, made to compress like a photo) through the
 * media pipeline, in a process of its own so its peak memory is its own. Prints
 * one JSON line for scripts/bench.ts.
 */
import { processImage } from '../src/lib/server/platform/images/image-processing.ts';
import { photoLike } from '../tests/support/test-images.ts';

const input = await photoLike(4000, 3000);
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const result = await processImage(input);
const ms = performance.now() - started;
console.log(
	JSON.stringify({
		inputBytes: input.byteLength,
		ms,
		rssBeforeMb: rssBefore / 1048576,
		peakRssMb: process.resourceUsage().maxRSS / 1024,
		variants: result.variants.map((v) => ({ format: v.format, width: v.width, height: v.height, bytes: v.bytes.byteLength }))
	})
);
