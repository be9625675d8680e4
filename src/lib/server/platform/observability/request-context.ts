import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What the process knows about the request it is handling, for its log lines
 * and its metrics. The server entry (scripts/serve.ts) opens one per request
 * around everything that answers it; the app's hooks name the route once
 * SvelteKit has matched it. Log lines written meanwhile, by any code through
 * the app's logger, carry the request's id (platform/logger.ts).
 */
export interface RequestContext {
	/** The proxy's X-Request-Id when it sent a well-formed one, else a fresh UUID. */
	readonly id: string;
	/** SvelteKit's route id ("/[[locale]]/about"), never the raw path: one metric series per route, not per address. */
	route: string | undefined;
}

/*
 * The server entry imports this file from the sources and the built app has its own
 * copy in its bundle: both must use one store, so it lives on globalThis (as the fast path does).
 */
const slot = Symbol.for('community-arts-platform.request-context');
const store: AsyncLocalStorage<RequestContext> = ((globalThis as { [slot]?: AsyncLocalStorage<RequestContext> })[slot] ??=
	new AsyncLocalStorage<RequestContext>());

export function runInRequestContext<T>(context: RequestContext, run: () => T): T {
	return store.run(context, run);
}

export function currentRequest(): RequestContext | undefined {
	return store.getStore();
}

/**
 * A request id from the proxy is kept only when it is short and plain (letters, digits and
 * `.`, `_`, `-`, `:`), so nobody can put line breaks, markup or a megabyte into every log line.
 */
const wellFormedId = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
	return typeof header === 'string' && wellFormedId.test(header) ? header : randomUUID();
}
