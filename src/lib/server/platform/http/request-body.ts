/**
 * A request answered without reading its body (a photo upload sent to sign in, or
 * refused with 403) still has megabytes on the way. They are read and dropped in
 * the background, as Node does for bodies nobody touched: a server that stops
 * reading makes the browser's upload stall and end in a connection reset instead
 * of showing the answer.
 */
export function readUnreadBody(request: Request): void {
	if (request.body && !request.bodyUsed) void request.body.pipeTo(new WritableStream()).catch(() => undefined);
}

/** True when the sender announces more than `maxBytes` (the body is then not read at all). */
export function announcedTooLarge(request: Request, maxBytes: number): boolean {
	return Number(request.headers.get('content-length') ?? 0) > maxBytes;
}

/**
 * The whole body as bytes when it is at most `maxBytes`, else undefined: a body
 * that announces more is not read at all, one that streams in more is read on
 * to its end but not kept, so that the sender still gets the answer (a browser
 * that is cut off mid-upload shows a connection error instead). For the few
 * bodies read whole (a small form, a webhook's JSON): no anonymous request makes
 * the server hold more than they can honestly need, whatever BODY_SIZE_LIMIT
 * allows photo uploads.
 */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
	if (announcedTooLarge(request, maxBytes)) return undefined;
	if (!request.body) return new Uint8Array(0);
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = request.body.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > maxBytes) chunks.length = 0;
			else chunks.push(value);
		}
	} catch {
		// Past BODY_SIZE_LIMIT, or the sender went away.
		return undefined;
	}
	return size > maxBytes ? undefined : Buffer.concat(chunks, size);
}
