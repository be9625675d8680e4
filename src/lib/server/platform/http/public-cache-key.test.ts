import { describe, expect, it } from 'vitest';
import { cacheLifetimeMs, publicCacheKey, type PublicCacheRules, type PublicRequest } from './public-cache-key';

const rules: PublicCacheRules = {
	neverCached: (path) => path.startsWith('/admin') || path.startsWith('/applications/'),
	personalCookie: /(?:^|;\s*)(?:__Secure-)?arts\./,
	queryParameters: (path) => (path === '/initiatives' ? ['country', 'year'] : [])
};

const request = (pathname: string, more: Partial<PublicRequest> = {}): PublicRequest => ({
	method: 'GET',
	pathname,
	search: '',
	cookie: null,
	saveData: null,
	...more
});
const key = (pathname: string, more: Partial<PublicRequest> = {}) => publicCacheKey(request(pathname, more), rules);

describe('publicCacheKey', () => {
	it('is the path for a plain GET or HEAD, and nothing for other methods or paths that are never cached', () => {
		expect(key('/about')).toBe('/about');
		expect(key('/about', { method: 'HEAD' })).toBe('/about');
		expect(key('/about', { method: 'POST' })).toBeUndefined();
		expect(key('/admin/content')).toBeUndefined();
		expect(key('/applications/abc')).toBeUndefined();
	});

	it('leaves out query parameters the page does not read, and keeps those it reads in one order', () => {
		expect(key('/', { search: '?utm_source=mail&x=1' })).toBe('/');
		expect(key('/initiatives', { search: '?year=2024&utm_source=mail&country=NP' })).toBe('/initiatives?country=NP&year=2024');
		expect(key('/initiatives', { search: '?country=NP&year=2024' })).toBe(key('/initiatives', { search: '?year=2024&country=NP' }));
		expect(key('/initiatives', { search: '?country=NP&country=ID' })).toBe('/initiatives?country=NP&country=ID');
		expect(key('/initiatives', { search: '?page=2' })).toBe('/initiatives');
		expect(key('/', { search: `?q=${'x'.repeat(600)}` })).toBeUndefined();
	});

	it('renders for a staff session cookie only; other cookies do not change a public page', () => {
		expect(key('/about', { cookie: 'theme=dark; lang=ne' })).toBe('/about');
		expect(key('/about', { cookie: 'arts.session_token=abc' })).toBeUndefined();
		expect(key('/about', { cookie: 'theme=dark; __Secure-arts.session_token=abc' })).toBeUndefined();
		expect(key('/about', { cookie: 'notarts.session=1' })).toBe('/about');
	});

	it('keeps pages asked for with Save-Data apart', () => {
		expect(key('/about', { saveData: 'on' })).toBe('/about|save-data');
		expect(key('/about', { saveData: 'off' })).toBe('/about');
	});
});

describe('cacheLifetimeMs', () => {
	it('keeps a public page until the site version moves, a time-dependent one a minute at most, and nothing private', () => {
		expect(cacheLifetimeMs('public, max-age=60, stale-while-revalidate=600')).toBe(Infinity);
		expect(cacheLifetimeMs('max-age=60')).toBe(60_000);
		expect(cacheLifetimeMs('max-age=20')).toBe(20_000);
		expect(cacheLifetimeMs('max-age=3600')).toBe(60_000);
		expect(cacheLifetimeMs('private, no-store')).toBeUndefined();
		expect(cacheLifetimeMs('no-cache')).toBeUndefined();
		expect(cacheLifetimeMs(null)).toBeUndefined();
	});
});
