/**
 * Behind a TLS-terminating proxy (ORIGIN is https): HSTS on every response the
 * app renders, and absolute addresses built from the https origin.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { header, parseHtml, rawRequest, startTestServer, type TestServer } from '../support/http';

const publicOrigin = 'https://arts.example.org';

let site: TestServer;
beforeAll(async () => {
	site = await startTestServer({ ORIGIN: publicOrigin });
});
afterAll(async () => {
	await site?.stop();
});

it.each(['/', '/ne/about', '/es/no-such-page', '/healthz', '/robots.txt', '/sitemap.xml', '/manifesto.pdf'])(
	'%s carries Strict-Transport-Security',
	async (path) => {
		const response = await rawRequest(site.origin, path);
		expect(response.status).toBeLessThan(500);
		const hsts = header(response, 'strict-transport-security') ?? '';
		const maxAge = Number(/(?:^|;)\s*max-age=(\d+)/i.exec(hsts)?.[1] ?? 0);
		expect(maxAge, `Strict-Transport-Security: ${hsts}`).toBeGreaterThanOrEqual(15_552_000);
	}
);

it('builds hreflang alternates and the sitemap from the https origin', async () => {
	const page = parseHtml((await rawRequest(site.origin, '/ne/about')).body.toString('utf8'));
	const alternates = page.all((e) => e.name === 'link' && e.attribs.rel === 'alternate' && 'hreflang' in e.attribs);
	expect(alternates.map((l) => l.attribs.hreflang).sort()).toEqual(['en', 'es', 'id', 'ne', 'x-default']);
	for (const link of alternates) expect(link.attribs.href ?? '').toMatch(new RegExp(`^${publicOrigin}/`));

	const robots = (await rawRequest(site.origin, '/robots.txt')).body.toString('utf8');
	expect(robots).toContain(`Sitemap: ${publicOrigin}/sitemap.xml`);
	const sitemap = (await rawRequest(site.origin, '/sitemap.xml')).body.toString('utf8');
	expect(sitemap).toContain(`<loc>${publicOrigin}/ne/about</loc>`);
	const addresses = [...sitemap.matchAll(/(?:<loc>|href=")([^<"]+)/g)].map((m) => m[1] ?? '');
	expect(addresses.length).toBeGreaterThan(0);
	expect(addresses.filter((a) => !a.startsWith(`${publicOrigin}/`))).toEqual([]);
});
