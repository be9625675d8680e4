/**
 * A first run, as someone trying the site on their own machine meets it: ORIGIN
 * unset, the site opened as http://127.0.0.1:PORT (or from a phone on the same
 * network). Its forms work under every name of this machine, and only those; the
 * start log says where to open it and what to do next, in JSON lines like every
 * other line; create-user's link is the address the server answers on. With a
 * production ORIGIN, a form from anywhere else is refused with a page in the
 * language of the address that says what happened and what to set.
 */
import { hostname } from 'node:os';
import { DomUtils } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHtml, rawRequest, startTestServer, type TestServer } from '../support/http';
import { AdminClient, createUserWithCli, pathOf, staffPassword } from '../support/staff';
import en from '../../messages/en.json' with { type: 'json' };
import ne from '../../messages/ne.json' with { type: 'json' };

type Doc = ReturnType<typeof parseHtml>;
const byId = (doc: Doc, id: string) => doc.all((e) => e.attribs.id === id)[0];
const text = (doc: Doc, id: string) => {
	const element = byId(doc, id);
	return element ? DomUtils.textContent(element).replace(/\s+/g, ' ').trim() : '';
};

/**
 * A form as a browser posts it from a page at `pageOrigin`, sent to the server under that same name
 * (its Host header; fetch would send the name it connected to).
 */
async function postFrom(site: TestServer, pageOrigin: string, path: string, fields: Record<string, string>, host = new URL(pageOrigin).host) {
	const response = await rawRequest(site.origin, path, {
		method: 'POST',
		body: new URLSearchParams(fields).toString(),
		headers: { host, origin: pageOrigin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', 'accept-encoding': 'identity' }
	});
	return { status: response.status, headers: response.headers, text: async () => response.body.toString('utf8') };
}

describe('with ORIGIN unset', () => {
	let site: TestServer;
	let port: number;
	beforeAll(async () => {
		site = await startTestServer({ ORIGIN: '' });
		port = site.server.port;
	});
	afterAll(async () => {
		await site?.stop();
	});

	it('the start log says where to open the site and the next step, every line JSON', () => {
		const lines = site.server.output().trim().split('\n');
		const entries = lines.map((line) => {
			expect(() => JSON.parse(line), `not a JSON line: ${line}`).not.toThrow();
			return JSON.parse(line) as { msg: string; open?: string[]; command?: string; level: string };
		});
		// The tests' server listens on 127.0.0.1 only: that is the address to open.
		const open = entries.find((entry) => entry.open);
		expect(open?.open).toEqual([`http://127.0.0.1:${port}`]);
		expect(open?.msg).toContain(`http://127.0.0.1:${port}`);
		const next = entries.find((entry) => entry.command);
		// The settings this server runs with that differ from the defaults, so the command finds the same site (a database URL is not written out).
		const settings = [`PORT=${port}`, `DATA_DIR=${site.server.dataDir}`, ...(site.databaseUrl ? ['DATABASE_URL=…'] : [])];
		expect(next?.command).toBe(`${settings.join(' ')} npm run admin -- create-user --email you@example.org --role admin`);
		expect(next?.msg).toContain(next!.command);
		expect(entries.some((entry) => /ORIGIN/.test(entry.msg))).toBe(true);
	});

	it.each([
		['127.0.0.1', () => `http://127.0.0.1:${port}`],
		['localhost', () => `http://localhost:${port}`],
		['::1', () => `http://[::1]:${port}`],
		['the host name', () => `http://${hostname().toLowerCase()}:${port}`]
	])('accepts a newsletter sign-up posted from a page opened at %s', async (_name, pageOrigin) => {
		const email = `first-run-${Math.random().toString(36).slice(2)}@example.org`;
		const response = await postFrom(site, pageOrigin(), '/newsletter', { email, consent: 'yes' });
		expect(response.status).toBe(200);
		expect(text(parseHtml(await response.text()), 'sent-title')).toBe(en.newsletter_sent_title);
	});

	it('still refuses another site, another port, and a foreign name pointed at this machine', async () => {
		const refused = [
			await postFrom(site, 'https://evil.example', '/newsletter', { email: 'a@example.org', consent: 'yes' }, `127.0.0.1:${port}`),
			// Another service of this machine, on another port.
			await postFrom(site, `http://127.0.0.1:${port + 1}`, '/newsletter', { email: 'b@example.org', consent: 'yes' }, `127.0.0.1:${port}`),
			// A domain of anyone's whose DNS answers 127.0.0.1 (DNS rebinding): its name is not this machine's.
			await postFrom(site, `http://evil.example:${port}`, '/newsletter', { email: 'c@example.org', consent: 'yes' }),
			// A page of this machine sending its form to the server under another name than its own.
			await postFrom(site, `http://127.0.0.1:${port}`, '/newsletter', { email: 'd@example.org', consent: 'yes' }, `evil.example:${port}`)
		];
		for (const response of refused) {
			expect(response.status).toBe(403);
			expect(text(parseHtml(await response.text()), 'cross-site-operator')).toBe(en.crosssite_operator);
		}
	});

	it('signs a staff member in on http://127.0.0.1:PORT, from the link create-user prints to the dashboard', async () => {
		const email = 'first-admin@example.org';
		// As the start log says to run it: the same PORT and DATA_DIR, no ORIGIN.
		const { link } = await createUserWithCli(
			{ PORT: String(port), DATA_DIR: site.server.dataDir, ...(site.databaseUrl ? { DATABASE_URL: site.databaseUrl } : {}) },
			{ email, role: 'editor' }
		);
		expect(link.startsWith(`http://localhost:${port}/admin/welcome/`), link).toBe(true);

		const staff = new AdminClient(`http://127.0.0.1:${port}`);
		const saved = await staff.post(pathOf(link), { password: staffPassword, confirm: staffPassword });
		expect(saved.status).toBe(303);
		const signedIn = await staff.signIn(email, staffPassword);
		expect(signedIn.status, site.server.output().slice(-2000)).toBe(303);
		expect(signedIn.headers.get('location')).toBe('/admin');
		// The session cookie works on that address (no Secure flag over plain http).
		expect(signedIn.headers.getSetCookie().join('\n')).not.toMatch(/;\s*secure/i);
		const dashboard = await staff.get('/admin');
		expect(dashboard.status).toBe(200);
		// A staff form posted from that address is accepted too.
		const signOut = await staff.post('/admin/logout', {});
		expect(signOut.status).not.toBe(403);
	});
});

describe('with a production ORIGIN', () => {
	let site: TestServer;
	beforeAll(async () => {
		site = await startTestServer({ ORIGIN: 'https://arts.example.org' });
	});
	afterAll(async () => {
		await site?.stop();
	});

	it('refuses a form from this machine’s other names as before: only ORIGIN counts', async () => {
		const port = site.server.port;
		const response = await postFrom(site, `http://127.0.0.1:${port}`, '/newsletter', { email: 'local@example.org', consent: 'yes' });
		expect(response.status).toBe(403);
	});

	it('answers a foreign form with a 403 page in the language of the address: what happened, where to open the site, what to set', async () => {
		const response = await postFrom(site, 'https://evil.example', '/ne/newsletter', { email: 'x@example.org', consent: 'yes' }, 'arts.example.org');
		expect(response.status).toBe(403);
		expect(response.headers['content-type']).toMatch(/^text\/html/);
		expect(response.headers['content-security-policy']).toBeTruthy();
		const doc = parseHtml(await response.text());
		expect(doc.html?.attribs.lang).toBe('ne');
		expect(text(doc, 'cross-site-refused')).toContain(ne.crosssite_title);
		expect(text(doc, 'cross-site-from')).toBe(ne.crosssite_from.replace('{from}', 'https://evil.example'));
		expect(text(doc, 'cross-site-retry')).toBe(ne.crosssite_retry.replace('{address}', 'https://arts.example.org'));
		const retryLink = byId(doc, 'cross-site-retry')?.children.find((child) => 'name' in child && child.name === 'a');
		expect(retryLink && 'attribs' in retryLink ? retryLink.attribs.href : undefined).toBe('https://arts.example.org');
		expect(text(doc, 'cross-site-operator')).toBe(ne.crosssite_operator);
	});

	it('still answers JSON to a request that asks for it', async () => {
		const response = await fetch(`${site.origin}/newsletter`, {
			method: 'POST',
			body: new URLSearchParams({ email: 'j@example.org' }),
			headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }
		});
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({ message: 'Cross-site POST form submissions are forbidden' });
	});
});
