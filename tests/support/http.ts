import { request } from 'node:http';
import { DomUtils, parseDocument } from 'htmlparser2';
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
		stop() {
			stopped ??= (async () => {
				const code = await server.stop();
				if (database.url) await database.dispose();
				return code;
			})();
			return stopped;
		}
	};
}
