/**
 * Behind a reverse proxy (ADDRESS_HEADER=X-Forwarded-For): sign-in throttling
 * counts the visitor's address from the header, and a request that did not come
 * through the proxy (no header) is answered as usual, counted at the address of
 * its connection, instead of a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '$lib/server/db/connect';
import { stackFrame, startTestServer, type TestServer } from '../support/http';

let site: TestServer;
let database: DatabaseHandle;

beforeAll(async () => {
	site = await startTestServer({ ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' });
	database = await site.openDatabase();
});
afterAll(async () => {
	await site?.stop();
});

function signIn(email: string, headers: Record<string, string> = {}) {
	return fetch(`${site.origin}/admin/login`, {
		method: 'POST',
		body: new URLSearchParams({ email, password: 'not the password at all', next: '/admin' }),
		headers: { origin: site.origin, accept: 'text/html', ...headers },
		redirect: 'manual'
	});
}

const attemptsOf = async (email: string) => (await database.db.selectFrom('sign_in_attempt').select('ip').where('email', '=', email).execute()).map((a) => a.ip);

describe('the visitor address behind a reverse proxy', () => {
	it('is the last address the proxy added to X-Forwarded-For', async () => {
		const response = await signIn('proxied@example.org', { 'X-Forwarded-For': '198.51.100.1, 203.0.113.7' });
		expect(response.status).toBe(400);
		expect(await attemptsOf('proxied@example.org')).toEqual(['203.0.113.7']);
	});

	it('is the connection address for a request that did not come through the proxy, with a warning in the log', async () => {
		const response = await signIn('direct@example.org');
		const body = await response.text();
		expect(response.status).toBe(400);
		expect(body).not.toMatch(stackFrame);
		expect(body).toContain('direct@example.org');
		expect(await attemptsOf('direct@example.org')).toEqual([expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/)]);

		await signIn('direct@example.org');
		const warnings = site.server.output().split('\n').filter((line) => line.includes('ADDRESS_HEADER'));
		// Once per process, not once per request.
		expect(warnings).toHaveLength(1);
		expect(JSON.parse(warnings[0]!)).toMatchObject({ level: 'warn' });
	});

	it('is the connection address when the header is there but empty', async () => {
		expect((await signIn('empty@example.org', { 'X-Forwarded-For': '' })).status).toBe(400);
		expect(await attemptsOf('empty@example.org')).toEqual([expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/)]);
	});

	it('logged no error', () => {
		expect(site.server.output()).not.toMatch(/"level":"(error|fatal)"/);
	});
});
