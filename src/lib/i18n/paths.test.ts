import { describe, expect, it } from 'vitest';
import { deLocalizeHref, localizeHref } from '$lib/paraglide/runtime';
import { delocalizedPath, localeOfPath, localizedPath } from './paths';
import { locales } from './locales';

const paths = ['/', '/about', '/calls/wall-art-2026/apply', '/newsletter/preferences/abc-123/data.json', '/manifesto.pdf', '/ne', '/ne/about', '/es/donate/thanks', '/id/', '/en/about', '/nepal', '/esplanade/x', '/calls?x=1'];

describe('addresses in every language', () => {
	it('give the same answers as Paraglide’s URL patterns', () => {
		for (const path of paths) {
			for (const locale of locales) {
				const theirs = localizeHref(path, { locale });
				expect(localizedPath(path, locale), `${path} in ${locale}`).toBe(theirs.length > 1 && theirs.endsWith('/') ? theirs.slice(0, -1) : theirs);
			}
			expect(delocalizedPath(path), path).toBe(deLocalizeHref(path));
		}
	});

	it('read the language from the first segment only', () => {
		expect(localeOfPath('/ne/about')).toBe('ne');
		expect(localeOfPath('/es')).toBe('es');
		expect(localeOfPath('/nepal')).toBe('en');
		expect(localeOfPath('/about/ne')).toBe('en');
		expect(localeOfPath('/')).toBe('en');
	});

	it('leave other sites and protocol-relative addresses alone', () => {
		expect(localizedPath('https://example.org/about', 'ne')).toBe('https://example.org/about');
		expect(localizedPath('//example.org/about', 'ne')).toBe('//example.org/about');
	});
});
