/**
 * Gives memory back after a burst of requests. Under load V8 grows its heap to
 * keep up, and with no more allocation nothing ever makes it collect and shrink
 * again: a process that served a busy minute would hold that minute's heap for
 * hours. Once the server has been quiet for `quietMs` after some work, this runs
 * one full, compacting collection (V8's "last resort" flavour, which releases the
 * emptied pages to the system), then waits for the next burst.
 *
 * The collection stops the process for a moment (tens of milliseconds for a heap
 * of a few hundred megabytes), so it only ever runs after a quiet spell.
 */
export interface IdleCollector {
	/** A request came in (or some work was done). */
	busy(): void;
	stop(): void;
}

export interface IdleCollectorOptions {
	quietMs: number;
	collect: () => void;
	now?: () => number;
}

export function createIdleCollector({ quietMs, collect, now = Date.now }: IdleCollectorOptions): IdleCollector {
	let lastBusy = 0;
	let timer: NodeJS.Timeout | undefined;
	const check = () => {
		const quietFor = now() - lastBusy;
		if (quietFor < quietMs) {
			timer = setTimeout(check, quietMs - quietFor).unref();
			return;
		}
		timer = undefined;
		collect();
	};
	return {
		busy() {
			lastBusy = now();
			timer ??= setTimeout(check, quietMs).unref();
		},
		stop() {
			clearTimeout(timer);
			timer = undefined;
		}
	};
}

type GcOptions = { type: 'major'; execution: 'sync'; flavor: 'last-resort' };

/** The compacting collection, when the process runs with --expose-gc (npm start does); else nothing. */
export function compactingCollection(): (() => void) | undefined {
	const gc = (globalThis as { gc?: (options?: GcOptions) => void }).gc;
	return gc && (() => gc({ type: 'major', execution: 'sync', flavor: 'last-resort' }));
}
