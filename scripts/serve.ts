/**
 * The HTTP server around the built app: adapter-node's handler (static files,
 * then the app), with the page cache's fast path in front of it, so that a
 * cached public page is written from Node's HTTP layer without the framework
 * building a Request and a Response for it (platform/http/fast-path.ts).
 *
 * It keeps adapter-node's own entry's behaviour (build/index.js): PORT, HOST,
 * KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT; IDLE_COLLECT_AFTER (seconds of quiet after
 * which memory is given back, platform/memory/idle-collector.ts); on SIGTERM or SIGINT it stops accepting,
 * lets requests in flight finish (at most SHUTDOWN_TIMEOUT seconds), then tells
 * the app to close its database. The handler reads the rest of adapter-node's
 * settings itself (ORIGIN, BODY_SIZE_LIMIT, ADDRESS_HEADER, …).
 *
 * Run by `npm start` (scripts/start.ts), the tests and the benchmark:
 * `node --expose-gc --heap-growing-percent=10 --max-semi-space-size=16 scripts/serve.ts`
 * (scripts/build-if-needed.ts, `serverNodeFlags`).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFileFastPath, offeredFastPath } from '../src/lib/server/platform/http/fast-path.ts';
import { loadStaticFiles } from '../src/lib/server/platform/http/static-files.ts';
import { compactingCollection, createIdleCollector } from '../src/lib/server/platform/memory/idle-collector.ts';
import { fastPathRoutes, metrics, unmatchedRoute } from '../src/lib/server/platform/observability/metrics.ts';
import { requestIdFrom, runInRequestContext, type RequestContext } from '../src/lib/server/platform/observability/request-context.ts';
import { addressesToOpen } from '../src/lib/server/platform/http/this-machine.ts';
import { originDefaultedMarker } from '../src/lib/server/platform/config.ts';
import { createLogger } from '../src/lib/server/platform/logger.ts';

type Handler = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

const root = join(import.meta.dirname, '..');
const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);

// With ORIGIN unset (a first run on someone's own machine), adapter-node still needs one to build
// each request's address from; the marker tells the app that the operator chose none (platform/config.ts).
const originUnset = !process.env.ORIGIN?.trim();
// (A PORT that is not a port is left for the app's configuration check to name.)
if (originUnset && Number.isInteger(port) && port > 0 && port <= 65535) {
	process.env.ORIGIN = `http://localhost:${port}`;
	process.env[originDefaultedMarker] = 'on';
}

// Importing the handler starts the app (its init hook: configuration, migrations, demo content).
const { handler } = (await import(pathToFileURL(join(root, 'build', 'handler.js')).href)) as { handler: Handler };
// The app checked LOG_LEVEL as it started.
const log = createLogger(process.env.LOG_LEVEL?.trim() || 'info');

// The app's own files (hashed CSS and scripts, the favicon) from memory, with the app's security headers.
const offered = offeredFastPath();
const answerFile = offered
	? createFileFastPath(loadStaticFiles(join(root, 'build', 'client'), { headers: offered.fileHeaders, immutablePrefix: '/_app/immutable/' }))
	: () => false;

const seconds = (name: string, fallback?: number) => {
	const value = process.env[name];
	return value === undefined || value === '' ? fallback : Number(value);
};
const shutdownTimeout = seconds('SHUTDOWN_TIMEOUT', 30)!;

// After a burst, memory goes back to the system once the server has been quiet for ten seconds: the
// collection holds a request that arrives meanwhile (up to about 100 ms), so only a real lull pays for it.
const collect = compactingCollection();
const idle = collect ? createIdleCollector({ quietMs: seconds('IDLE_COLLECT_AFTER', 10)! * 1000, collect }) : undefined;

let inFlight = 0;
let stopping = false;

const server = http.createServer((request, response) => {
	inFlight++;
	idle?.busy();
	request.once('close', () => {
		inFlight--;
		// While stopping, a connection is closed as soon as it has nothing in flight.
		if (stopping) server.closeIdleConnections();
	});
	// Every answer names its request (the proxy's id when it sent one), as do the log lines written for it.
	const context: RequestContext = { id: requestIdFrom(request.headers['x-request-id']), route: undefined };
	response.setHeader('X-Request-Id', context.id);
	const started = performance.now();
	response.once('finish', () => {
		metrics().recordRequest(context.route ?? unmatchedRoute, request.method ?? '', response.statusCode, (performance.now() - started) / 1000);
	});
	if (answerFile(request, response)) {
		context.route = fastPathRoutes.appFile;
		return;
	}
	if (offeredFastPath()?.pages(request, response)) {
		context.route = fastPathRoutes.cachedPage;
		metrics().pageCacheHit('fast-path');
		return;
	}
	runInRequestContext(context, () =>
		handler(request, response, () => {
			response.statusCode = 404;
			response.end('Not found');
		})
	);
});
const keepAlive = seconds('KEEP_ALIVE_TIMEOUT');
if (keepAlive !== undefined) server.keepAliveTimeout = keepAlive * 1000;
const headersTimeout = seconds('HEADERS_TIMEOUT');
if (headersTimeout !== undefined) server.headersTimeout = headersTimeout * 1000;

server.listen(port, host, () => {
	const address = server.address();
	const shown = typeof address === 'object' && address ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : String(address);
	log.info({ address: shown }, `Listening on ${shown}`);
	if (originUnset) announceFirstRun();
});

/**
 * With ORIGIN unset, someone is trying the site on their own machine: where to open it
 * and what to do next, as log lines like every other (JSON, one object per line).
 */
function announceFirstRun(): void {
	const open = addressesToOpen(host, port);
	const others = open.slice(1);
	log.info(
		{ open },
		`Open the site at ${open[0]}${others.length > 0 ? ` (from another device on this network: ${others.join(', ')})` : ''}`
	);
	// The command sees the same settings only when given them: those that differ from the defaults come first.
	const settings = ['PORT', 'DATA_DIR', 'DATABASE_URL']
		.filter((name) => process.env[name]?.trim() && !(name === 'PORT' && port === 3000))
		.map((name) => `${name}=${name === 'DATABASE_URL' ? '…' : shellWord(process.env[name]!.trim())}`);
	const command = [...settings, 'npm run admin -- create-user --email you@example.org --role admin'].join(' ');
	log.info({ command }, `Next: make your staff account (your own e-mail address), then open the link it prints: ${command}`);
	log.info(
		{ variable: 'ORIGIN' },
		'ORIGIN is not set: fine on this machine and its network. For a public site, set ORIGIN to its address (e.g. ORIGIN=https://example.org)'
	);
}

/** A value as one shell word. */
function shellWord(value: string): string {
	return /^[\w./:@%+=,-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

function shutDown(reason: NodeJS.Signals): void {
	if (stopping) return;
	stopping = true;
	idle?.stop();
	// A kept-alive connection with nothing in flight would hold close() until it timed out.
	server.closeIdleConnections();
	const timer = setTimeout(() => server.closeAllConnections(), shutdownTimeout * 1000);
	server.close(() => {
		clearTimeout(timer);
		process.emit('sveltekit:shutdown' as never, reason as never);
	});
	if (inFlight === 0) server.closeIdleConnections();
}
process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
