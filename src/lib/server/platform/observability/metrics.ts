import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's metrics, in the Prometheus text format at /metrics (prom-client,
 * the library Prometheus's own Node guide uses: its default metrics already
 * measure event-loop lag, memory and garbage collection).
 *
 * Counters are per process: Prometheus scrapes each process and adds them up.
 * What is shared by every process (the jobs queue) is read from the database
 * when scraped, so each process reports the same figure and none keeps a copy.
 *
 * Label values are few by construction: a route is SvelteKit's route id
 * ("/[[locale]]/about"), never a path, and requests no route matched, or that
 * the fast paths answered, have a fixed name of their own.
 */
export interface AppMetrics {
	registry: Registry;
	/** One request answered: its route, method and status. */
	recordRequest(route: string, method: string, status: number, seconds: number): void;
	/** A public page or photo answered from memory: `fast-path` before the framework, `app` inside it. */
	pageCacheHit(layer: 'fast-path' | 'app'): void;
	pageCacheMiss(): void;
	/** A job attempt that threw: `retry` when it will run again, `failed` when it has no attempt left. */
	jobFailed(kind: string, outcome: 'retry' | 'failed'): void;
	mailSent(): void;
	mailFailed(): void;
	/** Where the scrape reads the number of jobs in each state (the app's database). */
	readJobQueueFrom(read: (() => Promise<Record<string, number>>) | undefined): void;
}

/** Requests no route matched (a 404 for an unknown address, a static file adapter-node served). */
export const unmatchedRoute = '(none)';
/** Requests answered by the server entry's fast paths (scripts/serve.ts), before SvelteKit. */
export const fastPathRoutes = { cachedPage: '(cached page)', appFile: '(app file)' } as const;

const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

function createMetrics(): AppMetrics {
	const registry = new Registry();
	collectDefaultMetrics({ register: registry });

	const requests = new Counter({
		name: 'arts_http_requests_total',
		help: 'HTTP requests answered, by route id, method and status.',
		labelNames: ['route', 'method', 'status'] as const,
		registers: [registry]
	});
	const duration = new Histogram({
		name: 'arts_http_request_duration_seconds',
		help: 'Time from the request to the last byte of its answer, by route id and method.',
		labelNames: ['route', 'method'] as const,
		buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
		registers: [registry]
	});
	const cacheHits = new Counter({
		name: 'arts_page_cache_hits_total',
		help: 'Public pages and photos answered from the page cache, by where (fast-path: before the framework).',
		labelNames: ['layer'] as const,
		registers: [registry]
	});
	const cacheMisses = new Counter({
		name: 'arts_page_cache_misses_total',
		help: 'Cacheable public requests the page cache did not hold (rendered, then kept).',
		registers: [registry]
	});
	const jobFailures = new Counter({
		name: 'arts_job_failures_total',
		help: 'Job attempts that failed, by kind and outcome (retry: it runs again later; failed: no attempt left).',
		labelNames: ['kind', 'outcome'] as const,
		registers: [registry]
	});
	const mailSent = new Counter({ name: 'arts_mail_sent_total', help: 'E-mails handed to the SMTP server (or the outbox).', registers: [registry] });
	const mailFailed = new Counter({
		name: 'arts_mail_failed_total',
		help: 'Attempts to send an e-mail that failed (each is retried until its job runs out of attempts).',
		registers: [registry]
	});
	let readJobQueue: (() => Promise<Record<string, number>>) | undefined;
	new Gauge({
		name: 'arts_jobs',
		help: 'Jobs in the queue by state, shared by every process (read from the database when scraped).',
		labelNames: ['status'] as const,
		registers: [registry],
		async collect() {
			this.reset();
			if (!readJobQueue) return;
			for (const [status, count] of Object.entries(await readJobQueue())) this.set({ status }, count);
		}
	});

	// Each request's series found once and kept: prom-client hashes the labels on every call otherwise,
	// which costs a cached page's answer several microseconds. Routes, methods and statuses are few.
	const series = new Map<string, { count: ReturnType<typeof requests.labels>; time: ReturnType<typeof duration.labels> }>();
	const fastPathHits = cacheHits.labels('fast-path');
	const appHits = cacheHits.labels('app');

	return {
		registry,
		recordRequest(route, method, status, seconds) {
			const m = knownMethods.has(method) ? method : 'other';
			const key = `${route} ${m} ${status}`;
			let found = series.get(key);
			if (!found) {
				found = { count: requests.labels(route, m, String(status)), time: duration.labels(route, m) };
				series.set(key, found);
			}
			found.count.inc();
			found.time.observe(seconds);
		},
		pageCacheHit: (layer) => (layer === 'fast-path' ? fastPathHits : appHits).inc(),
		pageCacheMiss: () => cacheMisses.inc(),
		jobFailed: (kind, outcome) => jobFailures.inc({ kind, outcome }),
		mailSent: () => mailSent.inc(),
		mailFailed: () => mailFailed.inc(),
		readJobQueueFrom(read) {
			readJobQueue = read;
		}
	};
}

// One set per process, shared by the server entry (which imports the sources) and the built app (its own copy).
const slot = Symbol.for('community-arts-platform.metrics');

export function metrics(): AppMetrics {
	return ((globalThis as { [slot]?: AppMetrics })[slot] ??= createMetrics());
}
