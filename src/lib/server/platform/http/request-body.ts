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
