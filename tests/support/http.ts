import { request } from 'node:http';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/connect';
import { adminQuery, createTestDatabase } from '../../src/lib/server/db/test-database';
import { startServer, type RunningServer } from './server';

export type Element = ReturnType<typeof DomUtils.findAll>[number];

export interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	/** The body exactly as it came over the wire: still compressed when the server compressed it. */
	body: Buffer;
}

/**
 * One HTTP request with node:http, which (unlike fetch) neither normalizes the
 * path nor decompresses the body, so the bytes on the wire can be measured.
 */
export function rawRequest(
	origin: string,
	path: string,
	options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}
): Promise<RawResponse> {
	const { hostname, port } = new URL(origin);
	return new Promise((resolve, reject) => {
		const req = request(
			{
				host: hostname === 'localhost' ? '127.0.0.1' : hostname,
				port,
				path,
				method: options.method ?? 'GET',
				headers: { host: new URL(origin).host, ...options.headers },
				agent: false
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(options.body);
	});
}

export function header(response: RawResponse, name: string): string | undefined {
	const value = response.headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(', ') : value;
}

/** The address of a public page in a language, written out independently of the app's own helpers. */
export function localized(path: string, locale: string): string {
	if (locale === 'en') return path;
	return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

export function parseHtml(html: string) {
	const document = parseDocument(html);
	const all = (test: (element: Element) => boolean) => DomUtils.findAll(test, document.children);
	const byTag = (tag: string) => all((e) => e.name === tag);
	const html_ = byTag('html')[0];
	const head = byTag('head')[0];
	return { document, all, byTag, html: html_, head };
}

export function isInside(element: Element, ancestor: Element | undefined): boolean {
	for (let node = element.parent; node; node = node.parent) if (node === ancestor) return true;
	return false;
}

/** A page's text, every run of white space made one space. */
export function textOf(html: string): string {
	return DomUtils.textContent(parseHtml(html).document).replace(/\s+/g, ' ');
}

/** A form field's value (a textarea's text), in the first form or in the form `within` picks. */
export function valueOf(html: string, name: string, within?: (form: Element) => boolean): string | undefined {
	const { all } = parseHtml(html);
	const isField = (e: Element) => (e.name === 'input' || e.name === 'textarea') && e.attribs.name === name;
	const field = within ? DomUtils.findAll(isField, all((e) => e.name === 'form' && within(e)))[0] : all(isField)[0];
	if (!field) return undefined;
	return field.name === 'textarea' ? DomUtils.textContent(field) : field.attribs.value;
}

const cellText = (element: Element) => DomUtils.textContent(element).replace(/\s+/g, ' ').trim();

/** The text of each row of a table's body, cells joined by " | "; none when there is no such table. */
export function rowsOf(html: string, tableId: string): string[] {
	const { all } = parseHtml(html);
	const table = all((e) => e.name === 'table' && e.attribs.id === tableId)[0];
	if (!table) return [];
	const body = all((e) => e.name === 'tbody' && isInside(e, table))[0];
	return all((e) => e.name === 'tr' && isInside(e, body)).map((tr) =>
		all((e) => (e.name === 'td' || e.name === 'th') && isInside(e, tr))
			.map(cellText)
			.join(' | ')
	);
}

/** "term: description" for each pair of a <dl>. */
export function factsOf(html: string, id: string): string[] {
	const { all } = parseHtml(html);
	const list = all((e) => e.name === 'dl' && e.attribs.id === id)[0];
	const terms = all((e) => e.name === 'dt' && isInside(e, list)).map(cellText);
	const details = all((e) => e.name === 'dd' && isInside(e, list)).map(cellText);
	return terms.map((term, i) => `${term}: ${details[i]}`);
}

export function relTokens(element: Element): string[] {
	return (element.attribs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** Splits a Content-Security-Policy into its directives: name → sources. */
export function parseCsp(policy: string): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
	}
	return directives;
}

/** Lines that look like a JavaScript stack frame ("    at fn (file.js:1:2)"). */
export const stackFrame = /^\s*at (?:async )?\S.*(?::\d+:\d+\)?|\(native\)|\(<anonymous>\)|\(index \d+\))\s*$/m;

export interface TestServer {
	server: RunningServer;
	origin: string;
	/** 'postgres' when TEST_DATABASE_URL is set, else 'sqlite'. */
	dialect: 'sqlite' | 'postgres';
	/** The PostgreSQL database the server uses (undefined with SQLite). */
	databaseUrl: string | undefined;
	databaseName: string | undefined;
	/** Runs SQL as the administrator of the PostgreSQL server (only with TEST_DATABASE_URL). */
	admin(sql: string): Promise<void>;
	/** The test's own connection to the server's database, to seed it and to check what requests wrote; stop() closes it. */
	openDatabase(): Promise<DatabaseHandle>;
	/** Closes the test's connections to the database, then stops the server (and drops its PostgreSQL database). */
	stop(): Promise<number | null>;
}

/**
 * Starts the built app on a fresh database: its own SQLite file in a new
 * DATA_DIR by default, or a new, empty PostgreSQL database when
 * TEST_DATABASE_URL is set. The server migrates and seeds it itself.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
	const database = await createTestDatabase({ migrate: false });
	if (database.url === undefined) await database.dispose();
	let server: RunningServer;
	try {
		server = await startServer({ ...(database.url ? { DATABASE_URL: database.url } : {}), ...env });
	} catch (error) {
		if (database.url) await database.dispose();
		throw error;
	}
	const adminUrl = process.env.TEST_DATABASE_URL;
	const connections: DatabaseHandle[] = [];
	let stopped: Promise<number | null> | undefined;
	return {
		server,
		origin: server.origin,
		dialect: database.url ? 'postgres' : 'sqlite',
		databaseUrl: database.url,
		databaseName: database.url ? decodeURIComponent(new URL(database.url).pathname.slice(1)) : undefined,
		async admin(sql: string) {
			if (!adminUrl) throw new Error('admin() needs TEST_DATABASE_URL');
			await adminQuery(adminUrl, sql);
		},
		async openDatabase() {
			const handle = await openDatabase({ databaseUrl: database.url, sqlitePath: join(server.dataDir, 'site.sqlite') });
			let closed: Promise<void> | undefined;
			// A test may close it itself too: closing twice must not fail (a pg pool refuses a second end()).
			const connection = { ...handle, close: () => (closed ??= handle.close()) };
			connections.push(connection);
			return connection;
		},
		stop() {
			stopped ??= (async () => {
				await Promise.all(connections.map((connection) => connection.close()));
				const code = await server.stop();
				if (database.url) await database.dispose();
				return code;
			})();
			return stopped;
		}
	};
}
