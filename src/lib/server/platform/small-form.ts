/**
 * Reads a small posted form, refusing more than `maxBytes` (public forms such as
 * the donation and newsletter forms are a few hundred bytes; the server-wide
 * limit is set for photo uploads).
 * Undefined when the body is too large or not a form.
 */
export async function readSmallForm(request: Request, maxBytes = 16_384): Promise<FormData | undefined> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) return undefined;
	if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return undefined;
	if (!request.body) return new FormData();
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = request.body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			await reader.cancel();
			return undefined;
		}
		chunks.push(value);
	}
	try {
		return await new Response(new Blob(chunks as BlobPart[]), { headers: { 'content-type': type } }).formData();
	} catch {
		return undefined;
	}
}
