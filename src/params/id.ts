import type { ParamMatcher } from '@sveltejs/kit';
import { isId } from '$lib/ids';

/**
 * `[id=id]`: a path segment that can name a row (1 to the largest id, plain
 * digits). Anything else finds no route, a 404 before any load runs, so a
 * route reads the id with `Number(params.id)`.
 */
export const match = ((param: string) => isId(param)) satisfies ParamMatcher;
