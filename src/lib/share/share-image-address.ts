/*
 * The address of a page's generated link-preview picture (routes/share):
 * /share/<key>/<page>.png, where <page> is the page's own address without its
 * first slash ('index' for the English home page) and <key> names the picture's
 * content: the design's version, the language, the site's name and the title.
 * A new title is a new address, so the picture can be cached for a year; the
 * server takes the title from the page itself, never from the address, so no
 * one can have the site draw a text of their choosing.
 *
 * Shared by the page (which writes the address) and the server (which checks it):
 * pure and synchronous, no Node module.
 */

/** Moves when the picture's design changes, so every address changes with it. */
export const shareImageDesign = 1;

/** Two 32-bit halves of a string's hash (cyrb53's mixing): names content, not a secret. */
function hash53(text: string): string {
	let h1 = 0xdeadbeef ^ text.length;
	let h2 = 0x41c6ce57 ^ text.length;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ code, 2654435761);
		h2 = Math.imul(h2 ^ code, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

export interface ShareImageContent {
	title: string;
	locale: string;
	siteName: string;
}

/** 16 hex digits naming what the picture shows. */
export function shareImageKey(content: ShareImageContent): string {
	return hash53([shareImageDesign, content.locale, content.siteName, content.title].join('\u0000'));
}

export const shareImageKeyPattern = /^[0-9a-f]{16}$/;

/** The picture's address for a page at `pagePath` ('/ne/about'). */
export function shareImagePath(key: string, pagePath: string): string {
	const page = pagePath.replace(/^\/+|\/+$/g, '');
	return `/share/${key}/${page === '' ? 'index' : page}.png`;
}

/** The page a picture's address names ('ne/about.png' -> '/ne/about'); undefined for anything that is not a page's address. */
export function pagePathOfShareImage(rest: string): string | undefined {
	const match = /^([a-z0-9%][a-z0-9%/_-]*)\.png$/i.exec(rest);
	if (!match || match[1]!.includes('//') || match[1]!.endsWith('/')) return undefined;
	return match[1] === 'index' ? '/' : `/${match[1]}`;
}
