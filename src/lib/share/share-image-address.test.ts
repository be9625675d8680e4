import { describe, expect, it } from 'vitest';
import { pagePathOfShareImage, shareImageKey, shareImageKeyPattern, shareImagePath } from './share-image-address';

describe('share picture addresses', () => {
	const about = { title: 'About us', locale: 'en', siteName: 'Micro Galleries' };

	it('name the content: the same for the same title, language and site, another for any change', () => {
		const key = shareImageKey(about);
		expect(key).toMatch(shareImageKeyPattern);
		expect(shareImageKey({ ...about })).toBe(key);
		const others = [
			shareImageKey({ ...about, title: 'About' }),
			shareImageKey({ ...about, locale: 'ne' }),
			shareImageKey({ ...about, siteName: 'Micro' }),
			shareImageKey({ ...about, title: 'हाम्रो बारेमा' })
		];
		expect(new Set([key, ...others]).size).toBe(5);
	});

	it('name the page, and lead back to it', () => {
		for (const [page, path] of [
			['/', '/share/0123456789abcdef/index.png'],
			['/ne', '/share/0123456789abcdef/ne.png'],
			['/ne/about', '/share/0123456789abcdef/ne/about.png'],
			['/calls/painted-walls', '/share/0123456789abcdef/calls/painted-walls.png']
		] as const) {
			expect(shareImagePath('0123456789abcdef', page)).toBe(path);
			expect(pagePathOfShareImage(path.replace('/share/0123456789abcdef/', ''))).toBe(page);
		}
	});

	it('lead to no page from anything else', () => {
		for (const rest of ['about', 'about.jpg', '../admin.png', 'a//b.png', '/about.png', 'about/.png', 'manifesto.pdf.png', '.png']) {
			expect(pagePathOfShareImage(rest), rest).toBeUndefined();
		}
	});
});
