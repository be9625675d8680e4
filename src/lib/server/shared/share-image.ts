import type { ObjectStorage } from '$lib/server/platform/storage/object-storage';
import { renderShareImage } from '$lib/server/platform/images/share-image';
import { privateLinkPath } from '$lib/private-links';
import { pagePathOfShareImage, shareImageKey, shareImageKeyPattern, type ShareImageContent } from '$lib/share/share-image-address';

/*
 * The generated link-preview picture of a page (/share/<key>/<page>.png, see
 * share/share-image-address.ts). The title drawn is the page's own, read from the
 * page as the site renders it now (its og:title, og:site_name, og:locale); the
 * address only says which page. Each picture is made once and kept in the storage
 * every process shares, under the key of what it shows, so a title drawn once is
 * never drawn again, by this process or another.
 */

/** Where the pictures are kept in the storage. */
export const shareImageFolder = 'share-images/';

/** A year, and never asked again: the address changes when the title does. */
const lastingCacheControl = 'public, max-age=31536000, immutable';
/** An address whose title is no longer the page's: the current picture, but only for a while. */
const passingCacheControl = 'public, max-age=600';

/** Sections of the site that are not pages with a title (and this picture's own). */
const notAPage = /^\/(?:admin|api|share|media|iiif|healthz|readyz|metrics|_app)(?:\/|$)/;

export interface ShareImageDeps {
	storage: ObjectStorage;
	/** The site's own answer for a page's address, without going through the network (the request's fetch). */
	fetchPage: (path: string) => Promise<Response>;
}

const decodeEntities = (text: string) =>
	text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (whole, decimal?: string, hex?: string, name?: string) => {
		if (decimal) return String.fromCodePoint(Number(decimal));
		if (hex) return String.fromCodePoint(parseInt(hex, 16));
		return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name!.toLowerCase()] ?? whole;
	});

/** A <meta property="…" content="…"> of a page as the site renders it (attribute values in double quotes). */
function metaContent(html: string, property: string): string | undefined {
	const head = html.slice(0, html.indexOf('</head>') >>> 0);
	for (const tag of head.matchAll(/<meta\b[^>]*>/g)) {
		if (!tag[0].includes(`property="${property}"`)) continue;
		const content = /\bcontent="([^"]*)"/.exec(tag[0]);
		if (content) return decodeEntities(content[1]!);
	}
	return undefined;
}

/** What a page's picture shows, from its rendered HTML; undefined for a page without a title. */
export function shareContentOfPage(html: string): ShareImageContent | undefined {
	const title = metaContent(html, 'og:title');
	const siteName = metaContent(html, 'og:site_name');
	const locale = metaContent(html, 'og:locale');
	if (!title || siteName === undefined || !locale) return undefined;
	return { title, siteName, locale };
}

const making = new Map<string, Promise<Buffer>>();

/** The stored picture for this content, made and stored first when there is none; one making per key at a time. */
async function pictureOf(storage: ObjectStorage, key: string, content: ShareImageContent): Promise<Buffer> {
	const stored = await storage.read(`${shareImageFolder}${key}.png`);
	if (stored) return stored;
	let made = making.get(key);
	if (!made) {
		made = (async () => {
			const png = await renderShareImage(content);
			await storage.put(`${shareImageFolder}${key}.png`, png, { contentType: 'image/png' });
			return png;
		})().finally(() => making.delete(key));
		making.set(key, made);
	}
	return made;
}

function pngResponse(png: Buffer, key: string, lasting: boolean, ifNoneMatch: string | null): Response {
	const etag = `"${key}"`;
	const headers = { 'Content-Type': 'image/png', 'Cache-Control': lasting ? lastingCacheControl : passingCacheControl, ETag: etag };
	if (ifNoneMatch !== null && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(new Uint8Array(png), { headers: { ...headers, 'Content-Length': String(png.byteLength) } });
}

/**
 * The answer to /share/<key>/<rest>: the picture, or undefined when `rest` names no
 * public page with a title (a 404). A key that is not the page's current one (its
 * title changed since the link was shared) gets the current picture, cached briefly.
 */
export async function shareImageResponse(deps: ShareImageDeps, key: string, rest: string, ifNoneMatch: string | null): Promise<Response | undefined> {
	if (!shareImageKeyPattern.test(key)) return undefined;
	const pagePath = pagePathOfShareImage(rest);
	// Never opened: a private link's page (opening some of them acts: confirms a subscription), nor anything but a page.
	if (pagePath === undefined || privateLinkPath.test(`${pagePath}/`) || notAPage.test(pagePath)) return undefined;
	const stored = await deps.storage.read(`${shareImageFolder}${key}.png`);
	if (stored) return pngResponse(stored, key, true, ifNoneMatch);
	const page = await deps.fetchPage(pagePath);
	if (page.status !== 200 || !page.headers.get('content-type')?.startsWith('text/html')) {
		await page.body?.cancel();
		return undefined;
	}
	const content = shareContentOfPage(await page.text());
	if (!content) return undefined;
	const currentKey = shareImageKey(content);
	return pngResponse(await pictureOf(deps.storage, currentKey, content), currentKey, currentKey === key, ifNoneMatch);
}
