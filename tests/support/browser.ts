/**
 * Real Chromium for the browser suite, driven by playwright-core. Nothing here
 * downloads a browser: it runs Debian's /usr/bin/chromium, or the one named by
 * CHROMIUM_PATH.
 *
 * Contexts have JavaScript disabled unless a test asks otherwise (public pages
 * ship none), record every request the pages make, and abort any request to a
 * host other than the test server so nothing leaves the machine even when a
 * test is about to fail because of it.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, expect } from 'vitest';
import { startServer, type RunningServer } from './server.ts';
import type { AxeResults, Result } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `env` is added to the browser's environment (e.g. FONTCONFIG_FILE, to choose the fonts it finds). */
export function launchBrowser(options: { env?: Record<string, string> } = {}): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath,
		...(options.env ? { env: { ...process.env, ...options.env } as Record<string, string> } : {}),
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic'
		]
	});
}

export interface RecordedRequest {
	url: string;
	method: string;
	resourceType: string;
}

export interface RecordedResponse {
	url: string;
	status: number;
	contentType: string;
}

export interface TestContext {
	context: BrowserContext;
	/** Every request any page of this context made, in order. */
	requests: RecordedRequest[];
	/** Every response any page of this context received, in order. */
	responses: RecordedResponse[];
	/** Console errors and warnings (e.g. Content-Security-Policy refusals) and page errors. */
	problems: string[];
	/** The requests that went (or tried to go) anywhere but the test server. */
	foreignRequests(): RecordedRequest[];
	newPage(): Promise<Page>;
	close(): Promise<void>;
}

/** Whether a URL stays on the test server (or never touches the network at all). */
export function isLocal(url: string, origin: string): boolean {
	const parsed = new URL(url);
	if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || url === 'about:blank') return true;
	return parsed.host === new URL(origin).host && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
}

/**
 * A browser context: JavaScript off, 1280×800, service workers blocked, every
 * request, response and console complaint recorded (tests that reuse a context
 * empty the arrays first). Pass options to override.
 */
export async function openContext(
	browser: Browser,
	origin: string,
	options: BrowserContextOptions = {}
): Promise<TestContext> {
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 1280, height: 800 },
		serviceWorkers: 'block',
		...options
	});
	const requests: RecordedRequest[] = [];
	const responses: RecordedResponse[] = [];
	const problems: string[] = [];

	// Record first, then let through only what stays on this machine.
	context.on('request', (request) =>
		requests.push({ url: request.url(), method: request.method(), resourceType: request.resourceType() })
	);
	context.on('response', (response) =>
		responses.push({ url: response.url(), status: response.status(), contentType: response.headers()['content-type'] ?? '' })
	);
	await context.route(
		(url) => !isLocal(url.href, origin),
		(route) => route.abort('blockedbyclient')
	);
	context.on('page', (page) => {
		page.on('console', (message) => {
			if (message.type() === 'error' || message.type() === 'warning') {
				const at = message.location().url;
				problems.push(`console ${message.type()} on ${page.url()}: ${message.text()}${at ? ` (${at})` : ''}`);
			}
		});
		page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
	});

	return {
		context,
		requests,
		responses,
		problems,
		foreignRequests: () => requests.filter((r) => !isLocal(r.url, origin)),
		newPage: () => context.newPage(),
		close: () => context.close()
	};
}

/** Loads a page and checks the server answered with the expected status. */
export async function visit(page: Page, url: string, expectedStatus = 200): Promise<void> {
	const response = await page.goto(url, { waitUntil: 'load' });
	if (!response) throw new Error(`No response for ${url}`);
	if (response.status() !== expectedStatus) {
		const log = response.status() >= 500 && runningServer ? `\nThe server said:\n${runningServer.output().slice(-3000)}` : '';
		throw new Error(`${url} answered ${response.status()}, expected ${expectedStatus}${log}`);
	}
}

/** The server of the current test file, whose log `visit` shows when a page fails with a 5xx. */
let runningServer: RunningServer | undefined;

/**
 * One server and one browser for a whole test file: started before its first
 * test, stopped after its last. `env` is asked for when the server starts, so it
 * may name what an earlier `beforeAll` started (an SMTP sink, a Stripe stand-in).
 */
export function useServerAndBrowser(env: () => Record<string, string> = () => ({})): {
	readonly server: RunningServer;
	readonly browser: Browser;
	readonly origin: string;
} {
	let server: RunningServer | undefined;
	let browser: Browser | undefined;
	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(env()), launchBrowser()]);
		runningServer = server;
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});
	return {
		get server() {
			if (!server) throw new Error('The server is not running');
			return server;
		},
		get browser() {
			if (!browser) throw new Error('The browser is not running');
			return browser;
		},
		get origin() {
			if (!server) throw new Error('The server is not running');
			return server.origin;
		}
	};
}

/** A page in a context of its own (see openContext). */
export interface OpenPage {
	context: TestContext;
	page: Page;
}

/**
 * A page in a new context with `options`, for the tests of one describe block:
 * opened before its first test, closed after its last. Read it inside a test.
 */
export function usePage(suite: { readonly browser: Browser; readonly origin: string }, options: BrowserContextOptions = {}): OpenPage {
	let opened: OpenPage | undefined;
	beforeAll(async () => {
		const context = await openContext(suite.browser, suite.origin, options);
		opened = { context, page: await context.newPage() };
	});
	afterAll(async () => {
		await opened?.context.close();
	});
	const ready = (): OpenPage => {
		if (!opened) throw new Error('The page opens before the first test of its block');
		return opened;
	};
	return {
		get context() {
			return ready().context;
		},
		get page() {
			return ready().page;
		}
	};
}

/** What `axeOnServedDocument` needs: the page as served without JavaScript, and a twin with JavaScript where axe runs. */
export interface ServedAndAnalysed {
	noJs: TestContext;
	served: Page;
	withJs: TestContext;
	analysed: Page;
}

/** Both pages of `ServedAndAnalysed`, with the same `options` (a viewport, a colour scheme), for the tests of one describe block. */
export function useServedAndAnalysed(
	suite: { readonly browser: Browser; readonly origin: string },
	options: BrowserContextOptions
): ServedAndAnalysed {
	const plain = usePage(suite, options);
	const scripted = usePage(suite, { ...options, javaScriptEnabled: true });
	return {
		get noJs() {
			return plain.context;
		},
		get served() {
			return plain.page;
		},
		get withJs() {
			return scripted.context;
		},
		get analysed() {
			return scripted.page;
		}
	};
}

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core on the page with the WCAG 2.0–2.2 A/AA rules. Legacy mode runs
 * axe in the page itself instead of finishing the run in an extra blank page,
 * which costs about 0.7 s per run; the public pages have no frames, the only
 * thing the other mode adds.
 */
export async function runAxe(page: Page): Promise<AxeResults> {
	return new AxeBuilder({ page }).withTags(wcagTags).setLegacyMode(true).analyze();
}

/**
 * axe-core needs timers, and a page with JavaScript disabled runs none, so axe
 * cannot analyse it in place (it hangs). Instead this loads the same address in
 * `withJs`, a page whose context has JavaScript on and the same viewport and
 * media features, checks that its document is identical to the one served
 * without JavaScript (`served`) — true as long as the page ships no script that
 * changes it — and runs axe there. The results therefore describe the no-JS page.
 */
export async function axeOnServedDocument(served: Page, withJs: Page, expectedStatus: number): Promise<AxeResults> {
	await visit(withJs, served.url(), expectedStatus);
	const outerHtml = () => document.documentElement.outerHTML;
	const [without, withScript] = await Promise.all([served.evaluate(outerHtml), withJs.evaluate(outerHtml)]);
	if (without !== withScript) {
		let at = 0;
		while (at < without.length && without[at] === withScript[at]) at++;
		throw new Error(
			`${served.url()} differs with JavaScript enabled, so axe would not see the page as served.\n` +
				`  without JS: …${without.slice(Math.max(0, at - 80), at + 120)}…\n` +
				`  with JS:    …${withScript.slice(Math.max(0, at - 80), at + 120)}…`
		);
	}
	return runAxe(withJs);
}

/**
 * axe on what a page without JavaScript shows now, also after a form was posted
 * (an answer a GET cannot bring back): the document is served again, as is, at
 * the same address in `withJs` (a page with JavaScript on and the same viewport),
 * and axe runs there.
 */
export async function axeOnShownDocument(served: Page, withJs: Page): Promise<AxeResults> {
	const url = served.url();
	const body = await served.content();
	const matches = (candidate: URL) => candidate.href === url;
	await withJs.route(matches, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
	try {
		await withJs.goto(url, { waitUntil: 'load' });
	} finally {
		await withJs.unroute(matches);
	}
	return runAxe(withJs);
}

/** Fails, with a readable list, when axe finds violations of the WCAG A/AA rules on the page as it is now. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
	const results = await runAxe(page);
	expect(results.violations, `${label}\n${formatViolations(results.violations)}`).toEqual([]);
}

/** Fails, naming what sticks out, when the document is wider than `width` (the page would scroll sideways). */
export async function expectFitsWidth(page: Page, width: number, label: string): Promise<void> {
	const overflow = await measureOverflow(page);
	expect(overflow.scrollWidth, `${label}: ${overflow.offenders.join(', ')}`).toBeLessThanOrEqual(width);
}

/** A readable list of axe violations: rule, impact, help, and each failing element with its summary. */
export function formatViolations(violations: Result[]): string {
	return violations
		.map((v) => {
			const nodes = v.nodes
				.map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
				.join('\n');
			return `[${v.id}] (${v.impact ?? 'n/a'}) ${v.help}\n  ${v.helpUrl}\n${nodes}`;
		})
		.join('\n');
}

export interface Overflow {
	scrollWidth: number;
	clientWidth: number;
	/** Elements sticking out of the viewport along the inline axis, to say what to fix. */
	offenders: string[];
}

/** How wide the document is compared to the viewport, and what sticks out. */
export function measureOverflow(page: Page): Promise<Overflow> {
	return page.evaluate(() => {
		const root = document.documentElement;
		const width = root.clientWidth;
		const offenders: string[] = [];
		for (const element of Array.from(document.body.querySelectorAll('*'))) {
			const rect = element.getBoundingClientRect();
			if (rect.width === 0 && rect.height === 0) continue;
			if (rect.left < -1 || rect.right > width + 1) {
				const name =
					element.tagName.toLowerCase() +
					(element.id ? `#${element.id}` : '') +
					(element.classList.length ? `.${Array.from(element.classList).join('.')}` : '');
				offenders.push(`${name} [${Math.round(rect.left)}, ${Math.round(rect.right)}]`);
			}
		}
		return { scrollWidth: root.scrollWidth, clientWidth: width, offenders: offenders.slice(0, 20) };
	});
}

export interface FocusInfo {
	tag: string;
	id: string;
	className: string;
	text: string;
	href: string | null;
	outlineStyle: string;
	outlineWidth: number;
	outlineColor: string;
	/** The colour behind the outline: the composited background of the element's ancestors. */
	backdrop: string;
	/** Contrast ratio between the outline colour and what is behind it. */
	outlineContrast: number;
	/** Whether the focused element (with its outline) lies inside the viewport. */
	inViewport: boolean;
}

/** What has keyboard focus now, and how its focus indicator looks. */
export function focused(page: Page): Promise<FocusInfo | null> {
	return page.evaluate(() => {
		const element = document.activeElement;
		if (!element || element === document.body || element === document.documentElement) return null;

		const parse = (value: string): [number, number, number, number] => {
			const m = value.match(/rgba?\(([^)]+)\)/);
			if (!m) return [0, 0, 0, 0];
			const parts = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
			return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
		};
		const over = (top: number[], bottom: number[]): [number, number, number, number] => {
			const a = top[3]!;
			return [
				top[0]! * a + bottom[0]! * (1 - a),
				top[1]! * a + bottom[1]! * (1 - a),
				top[2]! * a + bottom[2]! * (1 - a),
				1
			];
		};
		const luminance = (c: number[]) => {
			const [r, g, b] = c.slice(0, 3).map((v) => {
				const s = v / 255;
				return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			});
			return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
		};

		// The outline is drawn outside the element (outline-offset), on its ancestors' background.
		const layers: string[] = [];
		for (let node = element.parentElement; node; node = node.parentElement) {
			layers.push(getComputedStyle(node).backgroundColor);
		}
		let backdrop: [number, number, number, number] = [255, 255, 255, 1];
		for (const layer of layers.reverse()) backdrop = over(parse(layer), backdrop);

		const style = getComputedStyle(element);
		const outline = over(parse(style.outlineColor), backdrop);
		const l1 = luminance(outline);
		const l2 = luminance(backdrop);
		const rect = element.getBoundingClientRect();
		return {
			tag: element.tagName.toLowerCase(),
			id: element.id,
			className: typeof element.className === 'string' ? element.className : '',
			text: (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60),
			href: element.getAttribute('href'),
			outlineStyle: style.outlineStyle,
			outlineWidth: parseFloat(style.outlineWidth),
			outlineColor: style.outlineColor,
			backdrop: `rgb(${backdrop.slice(0, 3).map(Math.round).join(', ')})`,
			outlineContrast: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05),
			inViewport: rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth
		};
	});
}

export function describeFocus(info: FocusInfo | null): string {
	if (!info) return 'nothing';
	return `<${info.tag}${info.id ? ` id="${info.id}"` : ''}${info.className ? ` class="${info.className}"` : ''}${
		info.href !== null ? ` href="${info.href}"` : ''
	}> "${info.text}"`;
}

/**
 * For one test file: checks a path as a visitor without JavaScript sees it, at
 * 320 and 1280 px (pages.ts `viewports`): no axe violations on what is shown,
 * nothing wider than the screen. Pages with JavaScript on, where axe runs, are
 * opened once for the file.
 */
export function useShownPageCheck(
	suite: { readonly browser: Browser; readonly origin: string },
	viewports: Record<'narrow' | 'wide', { width: number; height: number }>
): (path: string) => Promise<void> {
	const analysis: Partial<Record<'narrow' | 'wide', { ctx: TestContext; page: Page }>> = {};
	beforeAll(async () => {
		for (const width of ['narrow', 'wide'] as const) {
			const ctx = await openContext(suite.browser, suite.origin, { javaScriptEnabled: true, viewport: viewports[width] });
			analysis[width] = { ctx, page: await ctx.newPage() };
		}
	});
	afterAll(async () => {
		await analysis.narrow?.ctx.close();
		await analysis.wide?.ctx.close();
	});
	return async (path) => {
		for (const width of ['narrow', 'wide'] as const) {
			const ctx = await openContext(suite.browser, suite.origin, { viewport: viewports[width] });
			try {
				const page = await ctx.newPage();
				await visit(page, `${suite.origin}${path}`);
				const label = `${path} at ${viewports[width].width} px`;
				const results = await axeOnShownDocument(page, analysis[width]!.page);
				expect(results.violations, `${label}\n${formatViolations(results.violations)}`).toEqual([]);
				await expectFitsWidth(page, viewports[width].width, label);
			} finally {
				await ctx.close();
			}
		}
	};
}
