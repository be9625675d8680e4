import type { ParamMatcher } from '@sveltejs/kit';
import { isId } from '$lib/ids';

/** `[id=idOrNew]`: a row's id, or `new` for the form that creates one. */
export const match = ((param: string) => param === 'new' || isId(param)) satisfies ParamMatcher;
