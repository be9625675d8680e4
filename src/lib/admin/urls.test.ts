import { describe, expect, it } from 'vitest';
import { discoverRoutes } from '../../../tests/support/routes';
import { adminUrls, isAdminPath } from './urls';

/** Each route as a pattern over paths: groups `(staff)` take no segment, `[id]` takes one. */
const routePatterns = discoverRoutes().map(({ id }) => {
	const segments = id.split('/').filter((s) => s !== '' && !/^\(.*\)$/.test(s));
	const source = segments.map((s) => (/^\[\.\.\.[^\]]+\]$/.test(s) ? '.*' : s.replace(/\[[^\]]+\]/g, '[^/]+').replace(/\./g, '\\.'))).join('/');
	return { id, pattern: new RegExp(`^/${source}$`) };
});

/** Arguments for the builders that need particular ones; any other gets a number for each parameter. */
const samples: Record<string, unknown[][]> = {
	passwordLink: [
		['welcome', 'a-token'],
		['reset', 'a-token']
	],
	campaignPreview: [[7, 'ne']],
	applicationPhoto: [
		[7, 'thumbnail'],
		[7, 'preview']
	]
};

/** Every address the module builds, with where in it it comes from. */
function allUrls(node: unknown, name = 'adminUrls'): { name: string; url: string }[] {
	if (typeof node === 'string') return [{ name, url: node }];
	if (typeof node === 'function') {
		const key = name.split('.').at(-1)!;
		const argumentLists = samples[key] ?? [Array.from({ length: node.length }, () => 7)];
		return argumentLists.map((args) => ({ name: `${name}(${args.join(', ')})`, url: (node as (...a: unknown[]) => string)(...args) }));
	}
	return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => allUrls(value, `${name}.${key}`));
}

describe('adminUrls', () => {
	it('builds only addresses of admin routes that exist', () => {
		const urls = allUrls(adminUrls);
		expect(urls.length).toBeGreaterThan(40);
		const unknown = urls.filter(({ url }) => {
			const path = new URL(url, 'http://site.test').pathname;
			return !isAdminPath(path) || !routePatterns.some(({ pattern }) => pattern.test(path));
		});
		expect(unknown).toEqual([]);
	});

	it('sends someone to sign in and back to where they were going, with the reason when their session ended', () => {
		expect(adminUrls.loginThen('/admin/calls?page=2')).toBe('/admin/login?next=%2Fadmin%2Fcalls%3Fpage%3D2');
		expect(adminUrls.loginThen('/admin', { idle: true })).toBe('/admin/login?next=%2Fadmin&idle=1');
		expect(adminUrls.twoFactor('/admin/staff')).toBe('/admin/login/two-factor?next=%2Fadmin%2Fstaff');
	});
});

describe('isAdminPath', () => {
	it('is the admin itself and everything below it, nothing that merely starts with its name', () => {
		expect(['/admin', '/admin/', '/admin/calls/7'].map(isAdminPath)).toEqual([true, true, true]);
		expect(['/administrator', '/adminx/calls', '/ne/admin', '/', '/about'].map(isAdminPath)).toEqual([false, false, false, false, false]);
	});
});
