import {
	iiifInfoContentType,
	imageServiceDocument,
	parseTileRequest,
	type ImageServiceInfo
} from '$lib/server/platform/images/iiif-tiles';
import { imageServiceId } from './image-service';
import { notFound, visibleMedia, type MediaFiles, type MediaViewer } from './media-file-response';
import { parsePublicKey } from './media-storage';

/*
 * The image service over HTTP: /iiif/<public key>/info.json and
 * /iiif/<public key>/<region>/<size>/0/default.jpg, for the tiles and sizes that
 * exist (level 0) and nothing else. Who may fetch them is decided as for the
 * photo's variants (visibleMedia): published photos for everyone, cached as
 * immutable (the key names fixed content once the photo is ready); others for
 * staff who may preview them, never cached; 404 for the rest.
 *
 * Viewers on other sites (a IIIF manifest may be opened anywhere) read info.json
 * with fetch and draw tiles on a canvas, so both are open to every origin. No
 * credentials go with such requests, so staff-only answers stay staff-only.
 */

const openToEveryOrigin = { 'Access-Control-Allow-Origin': '*' } as const;

/** GET /iiif/<public key>/info.json, its id being this deployment's address of the service. */
export async function imageServiceInfoResponse(files: MediaFiles, origin: string, keySegment: string, viewer: MediaViewer): Promise<Response> {
	const key = parsePublicKey(keySegment);
	if (!key) return imageServiceNotFound();
	const visible = await visibleMedia(files, key, viewer);
	if (!visible) return imageServiceNotFound();
	const kept = await files.storage.readImageServiceInfo(visible.id);
	// A photo still processing, or ready from before tiles and not yet reached by the backfill.
	if (!kept) return imageServiceNotFound();
	const stored = JSON.parse(kept.toString('utf8')) as ImageServiceInfo;
	const body = JSON.stringify(imageServiceDocument(stored, imageServiceId(origin, key)));
	return new Response(body, {
		headers: {
			'Content-Type': iiifInfoContentType,
			'Cache-Control': visible.cacheControl,
			'X-Content-Type-Options': 'nosniff',
			...openToEveryOrigin
		}
	});
}

/** GET /iiif/<public key>/<region>/<size>/<rotation>/<quality>.<format>: one stored tile, or 404. */
export async function imageServiceTileResponse(
	files: MediaFiles,
	segments: { key: string; region: string; size: string; rotation: string; quality: string },
	viewer: MediaViewer
): Promise<Response> {
	const key = parsePublicKey(segments.key);
	const tile = parseTileRequest(segments.region, segments.size, segments.rotation, segments.quality);
	if (!key || !tile) return imageServiceNotFound();
	const visible = await visibleMedia(files, key, viewer);
	if (!visible) return imageServiceNotFound();
	// Tiles are 512 pixels square: tens of kilobytes, read whole.
	const body = await files.storage.readTile(visible.id, tile);
	if (!body) return imageServiceNotFound();
	return new Response(new Uint8Array(body), {
		headers: {
			'Content-Type': 'image/jpeg',
			'Content-Length': String(body.byteLength),
			'Cache-Control': visible.cacheControl,
			'X-Content-Type-Options': 'nosniff',
			...openToEveryOrigin
		}
	});
}

/** A 404 a viewer on another site can read, to stop asking. */
function imageServiceNotFound(): Response {
	const response = notFound();
	response.headers.set('Access-Control-Allow-Origin', '*');
	return response;
}
