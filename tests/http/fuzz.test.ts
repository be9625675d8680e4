/**
 * Hostile values in every route's parameters: path segments, the query string
 * and form fields, as an anonymous visitor on public routes and as a signed-in
 * admin on the admin's. Whatever comes in, the answer is never a 5xx, never
 * shows a stack trace, and the server logs no error. Routes are read from
 * src/routes, so a new one is covered without touching this file.
 */
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { header, rawRequest, stackFrame, startTestServer, type RawResponse, type TestServer } from '../support/http';
import { discoverRoutes, pathOfRoute, type DiscoveredRoute } from '../support/routes';
import { signedIn, type AdminClient } from '../support/staff';
import { startStripeStandIn } from '../support/stripe-stand-in';

interface Hostile {
	label: string;
	/** The value as it goes into an address or a form body (percent-encoded, or deliberately not). */
	wire: string;
}

const text = (label: string, value: string): Hostile => ({ label, wire: encodeURIComponent(value) });
const raw = (label: string, wire: string): Hostile => ({ label, wire });

const numbers: Hostile[] = [
	text('1e309', '1e309'),
	text('20 digits', '99999999999999999999'),
	text('2^31', '2147483648'),
	text('-1', '-1'),
	text('1.5', '1.5'),
	text('NaN', 'NaN')
];
const strings: Hostile[] = [
	text('CR/LF', '/admin\r\nSet-Cookie: x=1'),
	text('NUL', 'a\u0000b'),
	text('non-Latin-1', '/admin/नमस्ते🎨'),
	text('dot-dot', '..'),
	text('traversal', '../../etc/passwd'),
	text('empty', ''),
	raw('bare %', '%'),
	raw('cut UTF-8', '%E0%A4'),
	raw('lone surrogate', '%ED%A0%80')
];
/** Long enough to pass every length limit of a field; queries stay under the server's 16 KB of headers. */
const overlongQuery = text('overlong', 'x'.repeat(1000));
const overlongForm = text('overlong', 'x'.repeat(5000));

const everyValue = [...numbers, ...strings, overlongQuery];
/** Form posts cost more (they write): a sample of each kind. */
const formLabels = ['1e309', '20 digits', '-1', 'NaN', 'CR/LF', 'NUL', 'non-Latin-1', 'traversal', 'empty', 'cut UTF-8'];
const formValues = [...everyValue.filter((v) => formLabels.includes(v.label)), overlongForm];

const routes = discoverRoutes();

/**
 * The usual suspects, sent to every route, besides the names each route reads;
 * and the English of the texts staff write in every language (`title.en`…), whose
 * names the routes build from a prefix and the language.
 */
const commonNames = [
	'page',
	'next',
	'id',
	'q',
	'sort',
	'filter',
	'limit',
	'offset',
	...['title', 'subject', 'body', 'text', 'name', 'label', 'help', 'description', 'alt', 'caption'].map((field) => `${field}.en`)
];
const namesOf = (route: DiscoveredRoute) => [...new Set([...commonNames, ...route.reads])];

/**
 * Path parameters that need a real row to reach the code behind the 404
 * (`route param` → value); any other takes '1'. The demo content has calls,
 * their applications and the site's pages.
 */
const realRows: Record<string, string> = {
	'/admin/(staff)/content/[type]/[key] type': 'page',
	'/admin/(staff)/content/[type]/[key] key': 'about',
	'/admin/(staff)/content/[type]/[key]/compare type': 'page',
	'/admin/(staff)/content/[type]/[key]/compare key': 'about',
	'/media/[id]/[file] file': '320.webp',
	// A tile's address as libvips names it, so that hostile values in each other segment reach the visibility check.
	'/iiif/[key]/[region]/[size]/[rotation]/[quality] key': 'AAAAAAAAAAAAAAAAAAAAAA',
	'/iiif/[key]/[region]/[size]/[rotation]/[quality] region': '0,0,512,512',
	'/iiif/[key]/[region]/[size]/[rotation]/[quality] size': '512,512',
	'/iiif/[key]/[region]/[size]/[rotation]/[quality] rotation': '0',
	'/iiif/[key]/[region]/[size]/[rotation]/[quality] quality': 'default.jpg',
	// A demo event with sessions open for registration.
	'/(site)/events/[slug] slug': 'paste-up-workshop-patan'
};

/** Sign-out would end the session the rest of the run uses. */
const notPosted = new Set(['/admin/(staff)/logout default']);

const webhookSecret = 'whsec_fuzz';
const stripeSigner = new Stripe('sk_test_signer');

let site: TestServer;
let standIn: Awaited<ReturnType<typeof startStripeStandIn>>;
let admin: AdminClient;

beforeAll(async () => {
	standIn = await startStripeStandIn();
	site = await startTestServer(standIn.appEnv(webhookSecret));
	admin = await signedIn(site, 'fuzz@example.org', 'admin', 'hostile input, calm answers');
	// A public call's address, from the demo content.
	const calls = await (await fetch(`${site.origin}/calls`)).text();
	const slug = /href="\/calls\/([a-z0-9-]+)"/.exec(calls)?.[1];
	expect(slug).toBeTruthy();
	realRows['/(site)/calls/[slug] slug'] = slug!;
	realRows['/(site)/calls/[slug]/apply slug'] = slug!;
}, 120_000);
afterAll(async () => {
	await site?.stop();
	await standIn?.close();
});

const realValues = (route: DiscoveredRoute) => Object.fromEntries(route.params.map((p) => [p, realRows[`${route.id} ${p}`] ?? '1']));

interface Probe {
	method: 'GET' | 'POST';
	path: string;
	/** A form body, url-encoded. */
	body?: string;
	asAdmin: boolean;
}

async function send(probe: Probe): Promise<RawResponse> {
	// As a browser navigates (Paraglide answered such requests with redirects of its own).
	const headers: Record<string, string> = { accept: 'text/html', 'sec-fetch-dest': 'document' };
	if (probe.asAdmin) headers.cookie = admin.cookieHeader;
	if (probe.body !== undefined) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		headers.origin = site.origin;
	}
	return rawRequest(site.origin, probe.path, { method: probe.method, headers, body: probe.body });
}

/**
 * Sends every probe (a few at a time) and returns what went wrong: a 5xx, a
 * stack trace, a GET sent to another site, or an admin sent to sign in (the
 * run lost its session, and with it the admin's pages).
 */
async function failuresOf(probes: Probe[]): Promise<string[]> {
	const failures: string[] = [];
	let next = 0;
	const worker = async () => {
		while (next < probes.length) {
			const probe = probes[next++]!;
			const what = `${probe.method} ${probe.path.slice(0, 160)}${probe.body ? ` [${probe.body.slice(0, 80)}…]` : ''}${probe.asAdmin ? ' (admin)' : ''}`;
			let response: RawResponse;
			try {
				response = await send(probe);
			} catch (error) {
				failures.push(`${what} → ${String(error)}`);
				continue;
			}
			const body = response.body.toString('utf8');
			const location = header(response, 'location');
			if (response.status >= 500) failures.push(`${what} → ${response.status}`);
			else if (stackFrame.test(body)) failures.push(`${what} → a stack trace: ${stackFrame.exec(body)?.[0]}`);
			else if (probe.method === 'GET' && location && new URL(location, site.origin).origin !== site.origin) failures.push(`${what} → a redirect to ${location}`);
			else if (probe.asAdmin && location?.startsWith('/admin/login?')) failures.push(`${what} → sent to sign in`);
		}
	};
	await Promise.all(Array.from({ length: 4 }, worker));
	return failures;
}

/** Who asks: an admin on the admin's routes, nobody on public ones, both on the sign-in pages. */
function asWhom(route: DiscoveredRoute): boolean[] {
	if (route.id.startsWith('/admin/(auth)')) return [true, false];
	return [route.id.startsWith('/admin')];
}

/** Query strings with every name set to the value, split so that no address passes the server's header limit. */
function queries(names: string[], value: Hostile): string[] {
	const out: string[] = [];
	let current = '';
	for (const name of names) {
		const pair = `${name}=${value.wire}`;
		if (current && current.length + pair.length > 12_000) {
			out.push(current);
			current = '';
		}
		current += (current ? '&' : '') + pair;
	}
	if (current) out.push(current);
	return out;
}

describe('hostile input never gets a 5xx or a stack trace', () => {
	it('in path segments', async () => {
		const probes: Probe[] = [];
		for (const route of routes) {
			for (const param of route.params) {
				for (const value of everyValue) {
					const path = pathOfRoute(route.id, { ...realValues(route), [param]: value.wire });
					for (const asAdmin of asWhom(route)) probes.push({ method: 'GET', path, asAdmin });
				}
			}
		}
		expect(probes.length).toBeGreaterThan(100);
		expect(await failuresOf(probes)).toEqual([]);
	}, 60_000);

	it('in the shape of the address', async () => {
		const shapes = [(path: string) => `//${path}`, (path: string) => `${path}//`, (path: string) => `/ne${path}/`, (path: string) => `${path}%`];
		const probes: Probe[] = ['///', '////', '/ne//', '/ne///', '//%2F/', '///elsewhere.example', '///elsewhere.example/admin'].map((path) => ({ method: 'GET', path, asAdmin: false }));
		for (const route of routes) {
			const path = pathOfRoute(route.id, realValues(route));
			for (const shape of shapes) for (const asAdmin of asWhom(route)) probes.push({ method: 'GET', path: shape(path), asAdmin });
		}
		expect(await failuresOf(probes)).toEqual([]);
	}, 60_000);

	it('in query parameters', async () => {
		const probes: Probe[] = [];
		for (const route of routes.filter((r) => r.methods.includes('GET'))) {
			const path = pathOfRoute(route.id, realValues(route));
			for (const value of everyValue) {
				for (const query of queries(namesOf(route), value)) for (const asAdmin of asWhom(route)) probes.push({ method: 'GET', path: `${path}?${query}`, asAdmin });
			}
			// Each name twice (an array), with a good and a bad value.
			const twice = namesOf(route).map((name) => `${name}=2&${name}=1e309`).join('&');
			for (const asAdmin of asWhom(route)) probes.push({ method: 'GET', path: `${path}?${twice}`, asAdmin });
		}
		expect(await failuresOf(probes)).toEqual([]);
	}, 60_000);

	it('in form fields', async () => {
		const probes: Probe[] = [];
		for (const route of routes) {
			const path = pathOfRoute(route.id, realValues(route));
			const targets = [...route.actions.map((a) => (a === 'default' ? { key: 'default', path } : { key: a, path: `${path}?/${a}` }))];
			if (route.methods.includes('POST')) targets.push({ key: 'POST', path });
			for (const target of targets) {
				if (notPosted.has(`${route.id} ${target.key}`)) continue;
				for (const value of formValues) {
					const body = namesOf(route).map((name) => `${name}=${value.wire}`).join('&');
					for (const asAdmin of asWhom(route)) probes.push({ method: 'POST', path: target.path, body, asAdmin });
				}
				// Every field twice.
				const body = namesOf(route).flatMap((name) => [`${name}=1`, `${name}=99999999999999999999`]).join('&');
				for (const asAdmin of asWhom(route)) probes.push({ method: 'POST', path: target.path, body, asAdmin });
			}
		}
		expect(probes.length).toBeGreaterThan(100);
		expect(await failuresOf(probes)).toEqual([]);
	}, 60_000);
});

describe('a signed Stripe delivery that is not an event, or absurdly deep', () => {
	const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
	const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
	const envelope = (id: string, object: string) => `{"id":${id},"object":"event","type":"payment_intent.created","created":1700000000,"data":{"object":${object}}}`;
	const bodies: [string, string][] = [
		['an array 200,000 levels deep', deep(200_000)],
		// 150,000 levels of {"a": … } are 900 KB, within the webhook's 1 MB (a larger body is refused as too large).
		['an object 150,000 levels deep', deepObject(150_000)],
		['an event whose id is an array 200,000 levels deep', envelope(deep(200_000), '{}')],
		['an event whose object is 150,000 levels deep', envelope('"evt_deep"', deepObject(150_000))],
		['an array', '[]'],
		['an event without an id', envelope('null', '{}')]
	];

	it.each(bodies)('%s: refused with 400', async (_, payload) => {
		const response = await fetch(`${site.origin}/api/stripe/webhook`, {
			method: 'POST',
			body: payload,
			headers: { 'Content-Type': 'application/json', 'Stripe-Signature': stripeSigner.webhooks.generateTestHeaderString({ payload, secret: webhookSecret }) }
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ error: 'malformed_event' });
	});
});

it('the server logged no error for any of it', () => {
	const errors = site.server
		.output()
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as { level: string | number; msg?: string; err?: { message?: string }; path?: string })
		.filter((entry) => entry.level === 'error' || entry.level === 'fatal' || Number(entry.level) >= 50)
		.map((entry) => `${entry.path ?? ''} ${entry.msg ?? ''}: ${entry.err?.message ?? ''}`);
	expect(errors).toEqual([]);
});
