import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { getSiteFrame, getTextPage } from '$lib/server/content/content.service';
import { cachedManifestoPdf } from '$lib/server/content/manifesto-pdf';
import { matchesEtag } from '$lib/server/platform/http/http-response';

export const GET: RequestHandler = async ({ request }) => {
	const locale = getLocale();
	const { db } = app();
	const [frame, page] = await Promise.all([getSiteFrame(db, locale), getTextPage(db, 'manifesto', locale)]);
	const { fingerprint, pdf } = cachedManifestoPdf({
		locale,
		documentLanguage: page.body.lang,
		organizationName: frame.name,
		title: page.title.text,
		summary: page.summary.text,
		bodyHtml: page.body.text,
		subject: m.pdf_subject({ name: frame.name }),
		footer: (n) => m.pdf_page_footer({ name: frame.name, page: String(n) }),
		updatedAt: page.updatedAt
	});
	const headers = new Headers({
		ETag: `"${fingerprint}"`,
		'Cache-Control': 'public, max-age=300',
		'Last-Modified': new Date(page.updatedAt).toUTCString()
	});
	if (matchesEtag(request.headers.get('If-None-Match'), `"${fingerprint}"`)) {
		return new Response(null, { status: 304, headers });
	}
	const bytes = await pdf;
	const slug = frame.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'manifesto';
	headers.set('Content-Type', 'application/pdf');
	headers.set('Content-Length', String(bytes.byteLength));
	headers.set('Content-Disposition', `inline; filename="${slug}-manifesto-${locale}.pdf"`);
	return new Response(bytes as unknown as BodyInit, { headers });
};
