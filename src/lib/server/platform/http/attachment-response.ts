/** The type of the CSV files staff download (written by platform/csv.ts). */
export const csvContentType = 'text/csv; charset=utf-8';

/**
 * A file for staff to save, not to show: never kept by a cache on the way (it
 * holds people's data), and never read by the browser as another type.
 * `headers` adds to these, such as a Content-Length.
 */
export function attachmentResponse(body: BodyInit, contentType: string, fileName: string, headers: Record<string, string> = {}): Response {
	return new Response(body, {
		headers: {
			'Content-Type': contentType,
			'Content-Disposition': `attachment; filename="${fileName}"`,
			...headers,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
}
