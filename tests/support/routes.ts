import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/*
 * The app's routes as SvelteKit sees them in src/routes, read from the files
 * themselves, so tests that walk every route also walk one added tomorrow.
 */

export const routesDir = join(import.meta.dirname, '..', '..', 'src', 'routes');

export interface DiscoveredRoute {
	/** The route's folder under src/routes, as SvelteKit names it: '/admin/(staff)/calls/[id=id]'. */
	id: string;
	/** Path parameters in order, without their matchers: ['id']. */
	params: string[];
	/** HTTP methods it answers: GET for every page; those exported by an endpoint. */
	methods: string[];
	/** A page's form actions ('default' for a page's only action). */
	actions: string[];
	/** Names it reads from the query string or a form (`.get('name')`), in its own file and the helpers it imports beside it. */
	reads: string[];
}

/**
 * `url.searchParams.get('page')`, `form.get('id')`, helpers called like `stringOf(form, 'fieldId')` or
 * `pageFrom(url, 'approvedPage')`, and the fields of a form's schema (`fieldId: formField.id()`).
 */
const readName = /\b(?:get|getAll|has)\(\s*'([a-z][\w.]*)'|\b[A-Za-z]+\((?:[\w.]+|await [\w.]+\(\)),\s*'([a-z][\w.]*)'|\b([a-z]\w*): formField\./g;

/** The source of a file and of the route helpers it imports by a relative path. */
function sourceWithHelpers(file: string): string {
	const source = readFileSync(file, 'utf8');
	const helpers = [...source.matchAll(/from '(\.{1,2}\/[^']+)'/g)]
		.map((m) => resolve(dirname(file), m[1]!.endsWith('.ts') ? m[1]! : `${m[1]}.ts`))
		.filter((path) => existsSync(path));
	return [source, ...helpers.map((path) => readFileSync(path, 'utf8'))].join('\n');
}

export function discoverRoutes(under = routesDir): DiscoveredRoute[] {
	const found: DiscoveredRoute[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir).sort()) {
			const path = join(dir, entry);
			if (statSync(path).isDirectory()) walk(path);
			else if (entry === '+page.server.ts' || entry === '+server.ts') {
				const source = readFileSync(path, 'utf8');
				const id = '/' + relative(routesDir, dir).split('\\').join('/');
				const params = [...id.matchAll(/\[{1,2}(?:\.\.\.)?([^\]=]+)(?:=\w+)?\]{1,2}/g)].map((m) => m[1]!);
				const actionsBlock = source.split('export const actions')[1] ?? '';
				const actions = entry === '+page.server.ts' ? [...actionsBlock.matchAll(/^\t([A-Za-z]+): /gm)].map((m) => m[1]!) : [];
				const methods =
					entry === '+page.server.ts'
						? ['GET']
						: [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
				const reads = [...new Set([...sourceWithHelpers(path).matchAll(readName)].map((m) => (m[1] ?? m[2] ?? m[3])!))].sort();
				found.push({ id: id === '/' ? '/' : id.replace(/\/$/, ''), params, methods, actions, reads });
			}
		}
	};
	walk(under);
	return found;
}

/** The address of a route with its parameters filled in (values as they go on the wire, already encoded). */
export function pathOfRoute(id: string, values: Record<string, string>): string {
	const segments = id
		.split('/')
		.filter((segment) => segment !== '' && !/^\(.*\)$/.test(segment))
		.map((segment) => segment.replace(/\[{1,2}(?:\.\.\.)?([^\]=]+)(?:=\w+)?\]{1,2}/g, (_, name: string) => values[name] ?? ''));
	return '/' + segments.join('/');
}
