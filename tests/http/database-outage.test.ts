/**
 * What the site does when its database stops answering while it runs: /readyz
 * says 503 with the reason, so a load balancer stops sending to it, while
 * /healthz still says the process is alive (restarting it would not help); a
 * page request gets an error page in the visitor's language without internals.
 *
 * SQLite: the database files are overwritten with garbage. PostgreSQL: the
 * database stops accepting connections and its open connections are ended.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomUtils } from 'htmlparser2';
import { header, parseHtml, rawRequest, stackFrame, startTestServer, type TestServer } from '../support/http';

const nepali = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'messages', 'ne.json'), 'utf8')) as Record<string, string>;

let site: TestServer;
beforeAll(async () => {
	site = await startTestServer();
});
afterAll(async () => {
	if (site?.databaseName) await site.admin(`alter database "${site.databaseName}" allow_connections true`);
	await site?.stop();
});

async function takeDatabaseAway() {
	if (site.databaseName) {
		await site.admin(`alter database "${site.databaseName}" allow_connections false`);
		await site.admin(
			`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${site.databaseName}' and pid <> pg_backend_pid()`
		);
		return;
	}
	const file = join(site.server.dataDir, 'site.sqlite');
	expect(existsSync(file), file).toBe(true);
	for (const path of [file, `${file}-wal`, `${file}-shm`]) {
		if (existsSync(path)) writeFileSync(path, randomBytes(Math.max(statSync(path).size, 4096)));
	}
}

describe('while the database answers', () => {
	it('/readyz answers 200', async () => {
		const response = await fetch(`${site.origin}/readyz`);
		expect(response.status).toBe(200);
		expect(((await response.json()) as { status: string }).status).toBe('ready');
	});
});

describe('when the database stops answering', () => {
	beforeAll(async () => {
		await takeDatabaseAway();
	});

	it('/readyz answers 503, saying it is the database', async () => {
		const response = await fetch(`${site.origin}/readyz`);
		expect(response.status).toBe(503);
		expect(response.headers.get('cache-control')).toMatch(/no-store/);
		const body = (await response.json()) as { status: string; checks: Record<string, string>; reasons: string[] };
		expect(body.status).toBe('unavailable');
		expect(body.checks.database).toBe('unreachable');
		expect(body.checks.storage).toBe('ok');
		expect(body.reasons).toContain('the database does not answer');
	});

	it('/healthz still answers 200: the process is alive', async () => {
		const response = await fetch(`${site.origin}/healthz`);
		expect(response.status).toBe(200);
	});

	it("a page gets an error page in the visitor's language, with no internals", async () => {
		const response = await rawRequest(site.origin, '/ne/about', { headers: { accept: 'text/html' } });
		const body = response.body.toString('utf8');
		expect([500, 503]).toContain(response.status);
		expect(header(response, 'content-type')).toMatch(/^text\/html\b/);
		expect(body).not.toMatch(stackFrame);
		expect(body).not.toMatch(/not a database|SQLITE|ECONNREFUSED|allow_connections|accepting connections/i);
		const doc = parseHtml(body);
		expect(doc.html?.attribs.lang).toBe('ne');
		const h1 = doc.byTag('h1')[0];
		expect(h1 && DomUtils.textContent(h1).trim()).toBe(nepali.error_title);
	});
});
