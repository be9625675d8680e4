import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { totpFromUri } from './totp';

const root = join(import.meta.dirname, '..', '..');

/**
 * A staff member's browser, reduced to what the admin needs over HTTP: a cookie
 * jar, same-origin form posts (with the Origin header a browser sends) and
 * redirects not followed, so each step can be checked.
 */
export class AdminClient {
	private jar = new Map<string, string>();
	constructor(readonly origin: string) {}

	get cookieHeader(): string {
		return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	private remember(response: Response) {
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const index = pair!.indexOf('=');
			const name = pair!.slice(0, index).trim();
			const value = pair!.slice(index + 1);
			if (/max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.jar.delete(name);
			else this.jar.set(name, value);
		}
	}

	async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
		const response = await fetch(this.origin + path, { redirect: 'manual', headers: { cookie: this.cookieHeader, ...headers } });
		this.remember(response);
		return response;
	}

	async post(path: string, fields: Record<string, string | Blob>, options: { origin?: string; headers?: Record<string, string> } = {}): Promise<Response> {
		const body = new FormData();
		for (const [k, v] of Object.entries(fields)) body.append(k, v);
		const response = await fetch(this.origin + path, {
			method: 'POST',
			redirect: 'manual',
			body,
			headers: { cookie: this.cookieHeader, origin: options.origin ?? this.origin, accept: 'text/html', ...options.headers }
		});
		this.remember(response);
		return response;
	}

	/** Password step, then (when asked) the code from the authenticator. */
	async signIn(email: string, password: string, totpUri?: string): Promise<Response> {
		let response = await this.post('/admin/login', { email, password, next: '/admin' });
		const location = response.headers.get('location') ?? '';
		if (location.startsWith('/admin/login/two-factor')) {
			if (!totpUri) throw new Error('a second factor is needed');
			response = await this.post('/admin/login/two-factor?/totp', { code: totpFromUri(totpUri), next: '/admin' });
		}
		return response;
	}

	/** Sets up two-step sign-in from the account page, as a person would; returns the otpauth URI. */
	async enableTwoFactor(password: string): Promise<string> {
		const setup = await this.post('/admin/account?/startTwoFactor', { password });
		const html = await setup.text();
		const secret = secretOnPage(html);
		if (!secret) throw new Error(`no secret on the set-up page (status ${setup.status})`);
		const uri = `otpauth://totp/x?secret=${secret}&digits=6&period=30`;
		const confirm = await this.post('/admin/account?/confirmTwoFactor', { code: totpFromUri(uri) });
		if (confirm.status !== 200) throw new Error(`confirming two-step sign-in answered ${confirm.status}`);
		return uri;
	}
}

/** The two-step key shown on the account page (in blocks of four), without its spaces; undefined when none is shown. */
export function secretOnPage(html: string): string | undefined {
	return /<code class="secret grouped">([A-Z2-7 ]+)<\/code>/.exec(html)?.[1]?.replace(/ /g, '');
}

/**
 * `npm run admin -- create-user …` against a server's DATA_DIR (and database); returns the printed link.
 * Asynchronous on purpose: an SMTP server in this test process must keep answering meanwhile.
 */
export async function createUserWithCli(
	env: Record<string, string>,
	args: { email: string; role: string; locale?: string }
): Promise<{ link: string; output: string }> {
	const child = spawn(
		process.execPath,
		[join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'admin.ts'), 'create-user', '--email', args.email, '--role', args.role, '--locale', args.locale ?? 'en'],
		{ cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] }
	);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => (stdout += chunk));
	child.stderr.on('data', (chunk) => (stderr += chunk));
	const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
	const output = `${stdout}\n${stderr}`;
	const link = /https?:\/\/\S+\/admin\/welcome\/[\w-]+/.exec(stdout)?.[0];
	if (code !== 0 || !link) throw new Error(`create-user failed (${code}):\n${output}`);
	return { link, output };
}

/** The newest link of a kind found in the outbox .eml files of a DATA_DIR. */
export function linkFromOutbox(dataDir: string, to: string, kind: 'welcome' | 'reset'): string {
	const dir = join(dataDir, 'outbox');
	const files = readdirSync(dir).sort().reverse();
	for (const file of files) {
		const raw = readFileSync(join(dir, file), 'utf8');
		if (!raw.toLowerCase().includes(`to: ${to.toLowerCase()}`)) continue;
		const decoded = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
		const link = new RegExp(`https?://[^\\s"<>]+/admin/${kind}/[\\w-]+`).exec(decoded)?.[0];
		if (link) return link;
	}
	throw new Error(`no ${kind} link for ${to} in ${dir}`);
}

export function pathOf(link: string): string {
	const url = new URL(link);
	return url.pathname + url.search;
}

/** A running test server: from `startTestServer` (HTTP tests) or `startServer` (browser tests). */
export type StaffSite = { origin: string; databaseUrl?: string } & ({ server: { dataDir: string; output?: () => string } } | { dataDir: string });

export type StaffRole = 'admin' | 'editor' | 'reviewer';

/** The password test staff choose, unless a test needs its own. */
export const staffPassword = 'paper lanterns over the river';

/** What `npm run admin` needs to reach a running test server's data. */
export function adminCliEnv(site: StaffSite): Record<string, string> {
	const dataDir = 'server' in site ? site.server.dataDir : site.dataDir;
	return { DATA_DIR: dataDir, ORIGIN: site.origin, ...(site.databaseUrl ? { DATABASE_URL: site.databaseUrl } : {}) };
}

/**
 * A new staff member, as a person becomes one: created with `npm run admin --
 * create-user`, then choosing a password from the one-time link. Not signed in
 * yet; returns the client that chose the password. `env` is added to the command's.
 */
export async function createStaff(
	site: StaffSite,
	email: string,
	role: StaffRole,
	options: { password?: string; env?: Record<string, string> } = {}
): Promise<AdminClient> {
	const password = options.password ?? staffPassword;
	const { link } = await createUserWithCli({ ...adminCliEnv(site), ...options.env }, { email, role });
	const client = new AdminClient(site.origin);
	const saved = await client.post(pathOf(link), { password, confirm: password });
	expect(saved.status, `choosing the password of ${email}`).toBe(303);
	expect(saved.headers.get('location')).toMatch(/^\/admin\/login\?done=password/);
	return client;
}

/**
 * A signed-in staff member's HTTP client (see createStaff). An admin also sets up
 * two-step sign-in, as the admin requires of admins before anything else.
 */
export async function signedIn(site: StaffSite, email: string, role: StaffRole, password = staffPassword): Promise<AdminClient> {
	const client = await createStaff(site, email, role, { password });
	const response = await client.signIn(email, password);
	// On a failure the server's log says why.
	const log = 'server' in site && site.server.output ? `\n${site.server.output().slice(-3000)}` : '';
	expect(response.status, `signing ${email} in${response.status === 303 ? '' : log}`).toBe(303);
	expect(response.headers.get('location')).toBe('/admin');
	if (role === 'admin') await client.enableTwoFactor(password);
	return client;
}

/**
 * Signs in on the sign-in page in Chromium and waits for the dashboard. The page
 * loads until the network is idle first: with JavaScript on, the form is then
 * hydrated and nothing typed is lost.
 */
export async function signInInBrowser(page: Page, origin: string, email: string, password = staffPassword): Promise<Page> {
	await page.goto(`${origin}/admin/login`, { waitUntil: 'networkidle' });
	await page.fill('#email', email);
	await page.fill('#password', password);
	await page.click('button[type=submit]');
	try {
		await page.waitForURL(`${origin}/admin`);
	} catch (error) {
		throw new Error(`signing ${email} in ended on ${page.url()}: ${(await page.locator('main').textContent())?.slice(0, 500)}`, { cause: error });
	}
	return page;
}

/** A new staff member (see createStaff) signed in on a new page of `context`, in Chromium; the page is on the dashboard. */
export async function signedInPage(
	site: StaffSite,
	context: { newPage(): Promise<Page> },
	email: string,
	role: Exclude<StaffRole, 'admin'>,
	password = staffPassword
): Promise<Page> {
	await createStaff(site, email, role, { password });
	return signInInBrowser(await context.newPage(), site.origin, email, password);
}
