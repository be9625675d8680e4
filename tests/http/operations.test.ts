/**
 * What an operator and a load balancer see: /healthz (alive), /readyz (able to
 * serve), /metrics behind its bearer token, and a request id on every answer
 * and in the log lines written for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, header, startTestServer, type TestServer } from '../support/http';

const token = 'metrics-token-for-the-test-0123456789';
let site: TestServer;
beforeAll(async () => {
	site = await startTestServer({ METRICS_TOKEN: token, ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' });
});
afterAll(async () => {
	await site?.stop();
});

const logLines = () =>
	site.server
		.output()
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('/healthz and /readyz', () => {
	it('/healthz says the process is alive, never cached', async () => {
		const response = await fetch(`${site.origin}/healthz`);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toMatch(/no-store/);
		expect(await response.json()).toEqual({ status: 'ok' });
	});

	it('/readyz is 200 with every check passed: database, storage, migrations', async () => {
		const response = await fetch(`${site.origin}/readyz`);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toMatch(/no-store/);
		expect(await response.json()).toEqual({
			status: 'ready',
			database: site.dialect,
			checks: { database: 'ok', storage: 'ok', migrations: 'current' }
		});
	});
});

describe('request ids', () => {
	it('every answer carries one, a fresh one per request, pages and files alike', async () => {
		const seen = new Set<string>();
		// The home page twice: the second comes from the page cache's fast path, before the framework.
		for (const path of ['/', '/', '/favicon.svg', '/no-such-page', '/healthz']) {
			const response = await rawRequest(site.origin, path);
			const id = header(response, 'x-request-id');
			expect(id, path).toMatch(/^[0-9a-f-]{36}$/);
			seen.add(id!);
		}
		expect(seen.size).toBe(5);
	});

	it("the proxy's own id is kept when well formed, replaced when not", async () => {
		const kept = await rawRequest(site.origin, '/ne/about', { headers: { 'x-request-id': 'proxy-7f3a9c1e.42' } });
		expect(header(kept, 'x-request-id')).toBe('proxy-7f3a9c1e.42');
		for (const bad of ['short', 'has space in it', '<script>alert(1)</script>', 'x'.repeat(129)]) {
			const replaced = await rawRequest(site.origin, '/ne/about', { headers: { 'x-request-id': bad } });
			expect(header(replaced, 'x-request-id'), bad).toMatch(/^[0-9a-f-]{36}$/);
		}
	});

	it('log lines written while answering a request carry its id, domain code included', async () => {
		// A sign-in that did not come through the proxy: the address check warns (through the app's logger) while answering it.
		const response = await fetch(`${site.origin}/admin/login`, {
			method: 'POST',
			body: new URLSearchParams({ email: 'nobody@example.org', password: 'not the password', next: '/admin' }),
			headers: { origin: site.origin, accept: 'text/html', 'x-request-id': 'sign-in-request-0001' },
			redirect: 'manual'
		});
		expect(response.headers.get('x-request-id')).toBe('sign-in-request-0001');
		const warning = logLines().find((line) => String(line.msg).includes('ADDRESS_HEADER'));
		expect(warning, site.server.output()).toMatchObject({ level: 'warn', requestId: 'sign-in-request-0001' });
		// Lines from outside any request (the start) carry none.
		expect(logLines().find((line) => line.msg === 'app started')).not.toHaveProperty('requestId');
	});
});

describe('/metrics', () => {
	const scrape = (authorization?: string) => fetch(`${site.origin}/metrics`, { headers: authorization ? { authorization } : {} });

	it('is an address that does not exist without the token, or with a wrong one', async () => {
		for (const authorization of [undefined, 'Bearer wrong-token-wrong-token-wrong', `Basic ${token}`, `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`]) {
			const response = await scrape(authorization);
			expect(response.status, authorization).toBe(404);
			expect(await response.text(), authorization).not.toMatch(/arts_http_requests_total/);
		}
	});

	it('answers the Prometheus text format with the token: requests by route, cache hits, jobs, mail, event loop, memory', async () => {
		// Some traffic first: a page twice (the second from the fast path), an unknown page, a file.
		for (const path of ['/ne/about', '/ne/about', '/no-such-page', '/favicon.svg']) await (await fetch(`${site.origin}${path}`)).arrayBuffer();
		const response = await scrape(`Bearer ${token}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
		expect(response.headers.get('cache-control')).toMatch(/no-store/);
		const text = await response.text();
		const value = (pattern: RegExp) => Number(new RegExp(`^${pattern.source} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

		// By route id, not by path: the Nepali about page counts under its route.
		expect(value(/arts_http_requests_total\{route="\/\(site\)\/about",method="GET",status="200"\}/)).toBeGreaterThanOrEqual(1);
		expect(text).not.toMatch(/route="\/ne\/about"/);
		expect(value(/arts_http_requests_total\{route="\(cached page\)",method="GET",status="200"\}/)).toBeGreaterThanOrEqual(1);
		expect(value(/arts_http_requests_total\{route="\(app file\)",method="GET",status="200"\}/)).toBeGreaterThanOrEqual(1);
		expect(value(/arts_http_requests_total\{route="\(none\)",method="GET",status="404"\}/)).toBeGreaterThanOrEqual(1);
		expect(text).toMatch(/^arts_http_request_duration_seconds_bucket\{le="0\.05",route=/m);
		expect(value(/arts_page_cache_hits_total\{layer="fast-path"\}/)).toBeGreaterThanOrEqual(1);
		expect(value(/arts_page_cache_misses_total/)).toBeGreaterThanOrEqual(1);
		// The queue as the database holds it: the start asked for the day's housekeeping, at least.
		const jobs = ['pending', 'running', 'done', 'failed'].map((status) => value(new RegExp(`arts_jobs\\{status="${status}"\\}`)));
		expect(jobs.every(Number.isFinite), text).toBe(true);
		expect(jobs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
		expect(text).toMatch(/^# TYPE arts_job_failures_total counter$/m);
		expect(text).toMatch(/^# TYPE arts_mail_sent_total counter$/m);
		expect(text).toMatch(/^# TYPE arts_mail_failed_total counter$/m);
		expect(value(/nodejs_eventloop_lag_seconds/)).toBeGreaterThanOrEqual(0);
		expect(value(/process_resident_memory_bytes/)).toBeGreaterThan(10_000_000);
	});

	it('the token is never written to the log', () => {
		expect(site.server.output()).not.toContain(token);
	});
});
