import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicQueryParameters } from './public-query-parameters';

const site = join(import.meta.dirname, '..', 'routes', '(site)');
/** Reached by a private link: rendered for each request, never cached. */
const privateRoutes = /^(applications|registrations|newsletter\/(confirm|preferences|unsubscribe))(\/|$)/;

function filesBelow(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesBelow(path) : /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
	});
}

/** The route's path as the cache rules name it: groups and the file name gone, '/calls/[slug]' as it is. */
function routeOf(file: string): string {
	const folder = relative(site, join(file, '..')).split('\\').join('/');
	return `/${folder.split('/').filter((part) => part && !part.startsWith('(')).join('/')}`.replace(/\/$/, '') || '/';
}

describe('public pages that read the query string', () => {
	it('name what they read in publicQueryParameters, so that the page cache keys on it', () => {
		const unlisted: string[] = [];
		for (const file of filesBelow(site)) {
			const route = routeOf(file);
			if (privateRoutes.test(route.slice(1))) continue;
			const source = readFileSync(file, 'utf8');
			if (/\burl\.search\b|\.searchParams\b|\bsearchTextFrom\(|\bpageFrom\(/.test(source) === false) continue;
			const read = [...source.matchAll(/searchParams\.(?:get|getAll|has)\(\s*['"]([^'"]+)['"]/g), ...source.matchAll(/(?:searchTextFrom|pageFrom)\([^,)]+(?:,\s*['"]([^'"]+)['"])?/g)].map(
				(match) => match[1] ?? 'page'
			);
			const listed = publicQueryParameters[route] ?? [];
			const missing = read.length === 0 ? ['(the whole query string)'] : read.filter((name) => !listed.includes(name));
			if (missing.length > 0) unlisted.push(`${relative(site, file)} (${route}): ${missing.join(', ')}`);
		}
		expect(unlisted).toEqual([]);
	});
});
