/**
 * The import graph of src/ between its parts (each folder of src/lib/server, the
 * routes, the components, …): how many floors it has and which imports point back
 * up. A floor is a set of parts that import only parts on lower floors; parts
 * that import each other (a cycle) stand on one floor, and in each such pair the
 * direction with fewer imports counts as pointing back up. Also lists imports
 * from one domain into another and imports of app.ts outside routes, hooks and
 * scripts. Imports of types only are left out: nothing of them runs. The lint
 * rule in eslint.config.js keeps these at zero; this shows it.
 *
 * Run: node scripts/import-graph.ts [checkout] [-v]
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv.slice(2).find((arg) => !arg.startsWith('-')) ?? '.');
const verbose = process.argv.includes('-v');
const src = join(root, 'src');
const fixedLayers = new Set(['db', 'platform', 'shared', 'demo']);

function filesBelow(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'paraglide' ? [] : filesBelow(path);
		return /\.(ts|js|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
	});
}

/** The part of src/ a file belongs to. */
function partOf(file: string): string {
	const path = relative(src, file).split('\\').join('/');
	const server = /^lib\/server\/([^/]+)(\/)?/.exec(path);
	if (server) return server[2] ? `server/${server[1]}` : `server/${server[1]!.replace(/\.[^.]+$/, '')}`;
	if (path.startsWith('routes/')) return 'routes';
	if (path.startsWith('lib/components/')) return 'components';
	if (path.startsWith('lib/admin/')) return 'admin';
	if (path.startsWith('params/')) return 'params';
	if (path.startsWith('hooks')) return 'hooks';
	return 'lib';
}

const isDomain = (part: string) => part.startsWith('server/') && !fixedLayers.has(part.slice(7)) && existsSync(join(src, 'lib', part)) && statSync(join(src, 'lib', part)).isDirectory();

function resolveImport(from: string, specifier: string): string | undefined {
	let base: string;
	if (specifier.startsWith('$lib/')) base = join(src, 'lib', specifier.slice(5));
	else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
	else return undefined;
	for (const candidate of [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return undefined;
}

const importPattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
type Edge = { from: string; to: string; file: string; target: string };
const edges: Edge[] = [];
for (const file of filesBelow(src)) {
	for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
		// Types are gone at run time (a component may name the props a server module gives it).
		if (/^(import|export)\s+type\s/.test(match[0])) continue;
		const target = resolveImport(file, match[1] ?? match[2] ?? match[3]!);
		if (!target || target.endsWith('.test.ts')) continue;
		const from = partOf(file);
		const to = partOf(target);
		if (from !== to) edges.push({ from, to, file: relative(root, file), target: relative(root, target) });
	}
}

const parts = [...new Set(edges.flatMap((edge) => [edge.from, edge.to]))].sort();
const uses = new Map(parts.map((part) => [part, new Set(edges.filter((edge) => edge.from === part).map((edge) => edge.to))]));

// Strongly connected parts (Tarjan), then each group's floor: one above the highest group it imports.
const group = new Map<string, number>();
{
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	let groups = 0;
	const visit = (part: string) => {
		index.set(part, counter);
		low.set(part, counter++);
		stack.push(part);
		onStack.add(part);
		for (const next of uses.get(part) ?? []) {
			if (!index.has(next)) {
				visit(next);
				low.set(part, Math.min(low.get(part)!, low.get(next)!));
			} else if (onStack.has(next)) low.set(part, Math.min(low.get(part)!, index.get(next)!));
		}
		if (low.get(part) === index.get(part)) {
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				group.set(member, groups);
			} while (member !== part);
			groups++;
		}
	};
	for (const part of parts) if (!index.has(part)) visit(part);
}
const floorOfGroup = new Map<number, number>();
function floorOf(part: string): number {
	const own = group.get(part)!;
	const known = floorOfGroup.get(own);
	if (known !== undefined) return known;
	floorOfGroup.set(own, 1);
	const members = parts.filter((p) => group.get(p) === own);
	const below = members.flatMap((member) => [...uses.get(member)!].filter((next) => group.get(next) !== own));
	const floor = 1 + Math.max(0, ...below.map(floorOf));
	floorOfGroup.set(own, floor);
	return floor;
}
const floors = Math.max(...parts.map(floorOf));

const count = (from: string, to: string) => edges.filter((edge) => edge.from === from && edge.to === to);
const upward: Edge[] = [];
for (const a of parts) {
	for (const b of parts) {
		if (a >= b || group.get(a) !== group.get(b)) continue;
		const ab = count(a, b);
		const ba = count(b, a);
		if (ab.length && ba.length) upward.push(...(ab.length <= ba.length ? ab : ba));
	}
}
const crossDomain = edges.filter((edge) => isDomain(edge.from) && isDomain(edge.to));
const appImports = edges.filter((edge) => edge.to === 'server/app' && !['routes', 'hooks'].includes(edge.from));

console.log(`${parts.length} parts, ${edges.length} imports between them`);
console.log(`floors: ${floors}`);
console.log(`imports pointing back up: ${upward.length}`);
console.log(`imports from one domain into another: ${crossDomain.length}`);
console.log(`imports of app.ts outside routes and hooks: ${appImports.length}`);
if (verbose) {
	for (let floor = floors; floor >= 1; floor--) console.log(`  floor ${floor}: ${parts.filter((part) => floorOf(part) === floor).join(', ')}`);
	for (const [title, list] of [['back up', upward], ['domain to domain', crossDomain], ['app.ts', appImports]] as const) {
		for (const edge of list) console.log(`  ${title}: ${edge.file} → ${edge.target}`);
	}
}
