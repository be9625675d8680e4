/**
 * Data a page reads only while it is rendered on the server. SvelteKit writes
 * every load's data into the page for the browser's router, even on a page
 * without client-side rendering (`csr = false`, every public page), where no
 * script reads it: for the archive's map of thousands of places that copy cost
 * more than rendering the page. Wrapped in `renderOnly`, a value is written as
 * nothing (the `transport` hook in src/hooks.ts) and reaches the component as it
 * was.
 *
 * Only for pages with `csr = false`: in the browser the value is undefined.
 */
export class RenderOnly<T> {
	constructor(readonly value: T) {}
}

export function renderOnly<T>(value: T): RenderOnly<T> {
	return new RenderOnly(value);
}
