/*
 * Lists read a page at a time: which rows a page holds, and how many pages there are.
 * Pages count from 1. Routes read the page asked for with `pageFrom` (route-params.ts).
 */

/** The page a list reader was asked for, in whole numbers: page 1 or later, of 1 to `maxSize` rows (`defaultSize` when not said). */
export function pageWindow(page: number | undefined, size: number | undefined, { maxSize, defaultSize = 50 }: { maxSize: number; defaultSize?: number }) {
	const rows = Math.min(Math.max(1, Math.trunc(size ?? defaultSize)), maxSize);
	const number = Math.max(1, Math.trunc(page ?? 1));
	return { page: number, size: rows, offset: (number - 1) * rows };
}

/** How many pages `total` rows fill at `perPage` a page; an empty list still has its one page. */
export function pageCount(total: number, perPage: number): number {
	return Math.max(1, Math.ceil(total / perPage));
}
