import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Picture from '$lib/components/Picture.svelte';
import { picture as pictureOrNothing, variantUrl, wantsSaveData, type PictureData, type PictureMedia } from './picture';

const widths = [
	[320, 240],
	[640, 480],
	[960, 720],
	[1280, 960],
	[1920, 1440]
] as const;

const media: PictureMedia = {
	id: 42,
	publicKey: 'N5wS0vQx2kLb8hYt4mZr1A',
	status: 'ready',
	alt: { en: 'Children painting a mural', ne: 'भित्ते चित्र बनाउँदै बालबालिका' },
	color: '#a85808',
	variants: (['jpeg', 'webp', 'avif'] as const).flatMap((format) => widths.map(([width, height]) => ({ format, width, height })))
};

/** picture() of a ready photo, which always gives something. */
function picture(...args: Parameters<typeof pictureOrNothing>): PictureData {
	const result = pictureOrNothing(...args);
	if (!result) throw new Error('expected a picture');
	return result;
}

describe('picture()', () => {
	it('gives nothing for a photo still processing or failed, so no page points at files that do not exist', () => {
		expect(pictureOrNothing({ ...media, status: 'processing', variants: [] }, 'en')).toBeUndefined();
		expect(pictureOrNothing({ ...media, status: 'failed' }, 'en')).toBeUndefined();
		expect(render(Picture, { props: { image: undefined } }).body).not.toContain('<img');
	});

	it('gives AVIF and WebP sources and a JPEG fallback, each with every width', () => {
		const result = picture(media, 'en', { sizes: '(min-width: 60rem) 50vw, 100vw' });
		expect(result.sources).toEqual([
			{
				type: 'image/avif',
				srcset:
					'/media/N5wS0vQx2kLb8hYt4mZr1A/320.avif 320w, /media/N5wS0vQx2kLb8hYt4mZr1A/640.avif 640w, /media/N5wS0vQx2kLb8hYt4mZr1A/960.avif 960w, /media/N5wS0vQx2kLb8hYt4mZr1A/1280.avif 1280w, /media/N5wS0vQx2kLb8hYt4mZr1A/1920.avif 1920w',
				sizes: '(min-width: 60rem) 50vw, 100vw'
			},
			{
				type: 'image/webp',
				srcset:
					'/media/N5wS0vQx2kLb8hYt4mZr1A/320.webp 320w, /media/N5wS0vQx2kLb8hYt4mZr1A/640.webp 640w, /media/N5wS0vQx2kLb8hYt4mZr1A/960.webp 960w, /media/N5wS0vQx2kLb8hYt4mZr1A/1280.webp 1280w, /media/N5wS0vQx2kLb8hYt4mZr1A/1920.webp 1920w',
				sizes: '(min-width: 60rem) 50vw, 100vw'
			}
		]);
		expect(result.img).toEqual({
			src: '/media/N5wS0vQx2kLb8hYt4mZr1A/960.jpg',
			srcset: '/media/N5wS0vQx2kLb8hYt4mZr1A/320.jpg 320w, /media/N5wS0vQx2kLb8hYt4mZr1A/640.jpg 640w, /media/N5wS0vQx2kLb8hYt4mZr1A/960.jpg 960w, /media/N5wS0vQx2kLb8hYt4mZr1A/1280.jpg 1280w, /media/N5wS0vQx2kLb8hYt4mZr1A/1920.jpg 1920w',
			sizes: '(min-width: 60rem) 50vw, 100vw',
			width: 1920,
			height: 1440,
			alt: 'Children painting a mural',
			lang: undefined,
			loading: undefined,
			decoding: undefined
		});
		expect(result.color).toBe('#a85808');
	});

	it('loads lazily and decodes off the main thread below the fold', () => {
		const result = picture(media, 'en', { lazy: true });
		expect(result.img.loading).toBe('lazy');
		expect(result.img.decoding).toBe('async');
		expect(result.img.sizes).toBe('100vw');
	});

	it('offers only the smallest variant of each format when the request asks to save data', () => {
		const result = picture(media, 'en', { saveData: true });
		expect(result.sources.map((s) => s.srcset)).toEqual(['/media/N5wS0vQx2kLb8hYt4mZr1A/320.avif 320w', '/media/N5wS0vQx2kLb8hYt4mZr1A/320.webp 320w']);
		expect(result.img.src).toBe('/media/N5wS0vQx2kLb8hYt4mZr1A/320.jpg');
		expect(result.img.srcset).toBe('/media/N5wS0vQx2kLb8hYt4mZr1A/320.jpg 320w');
		// The layout does not change: the same aspect ratio and box.
		expect([result.img.width, result.img.height]).toEqual([1920, 1440]);
	});

	it('keeps every variant up to 480 wide with Save-Data, lighter formats first, and the smallest when none is that narrow', () => {
		const narrow: PictureMedia = {
			...media,
			variants: (['jpeg', 'webp', 'avif'] as const).flatMap((format) => [
				{ format, width: 320, height: 240 },
				{ format, width: 450, height: 338 },
				{ format, width: 1920, height: 1440 }
			])
		};
		const saving = picture(narrow, 'en', { saveData: true });
		expect(saving.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp']);
		expect(saving.sources[0]!.srcset).toBe('/media/N5wS0vQx2kLb8hYt4mZr1A/320.avif 320w, /media/N5wS0vQx2kLb8hYt4mZr1A/450.avif 450w');
		expect(saving.img.srcset).toBe('/media/N5wS0vQx2kLb8hYt4mZr1A/320.jpg 320w, /media/N5wS0vQx2kLb8hYt4mZr1A/450.jpg 450w');
		expect(saving.img.src).toBe('/media/N5wS0vQx2kLb8hYt4mZr1A/450.jpg');
		expect(picture(narrow, 'en').img.srcset).toContain('1920.jpg 1920w');

		const onlyWide: PictureMedia = {
			...media,
			variants: [
				{ format: 'jpeg', width: 1280, height: 960 },
				{ format: 'jpeg', width: 1920, height: 1440 }
			]
		};
		expect(picture(onlyWide, 'en', { saveData: true }).img.srcset).toBe('/media/N5wS0vQx2kLb8hYt4mZr1A/1280.jpg 1280w');
	});

	it('picks the alt text of the page language, and marks the English fallback with its lang', () => {
		expect(picture(media, 'ne').img).toMatchObject({ alt: 'भित्ते चित्र बनाउँदै बालबालिका', lang: undefined });
		expect(picture(media, 'es').img).toMatchObject({ alt: 'Children painting a mural', lang: 'en' });
		expect(picture({ ...media, alt: { en: 'A mural', id: '  ' } }, 'id').img).toMatchObject({ alt: 'A mural', lang: 'en' });
	});

	it('works for a photo narrower than the standard widths', () => {
		const small: PictureMedia = {
			id: 7,
			publicKey: 'c2hvcnQta2V5LXNtYWxsMA',
			status: 'ready',
			alt: { en: 'Small' },
			variants: (['avif', 'webp', 'jpeg'] as const).map((format) => ({ format, width: 200, height: 150 }))
		};
		const result = picture(small, 'en');
		expect(result.img).toMatchObject({ src: '/media/c2hvcnQta2V5LXNtYWxsMA/200.jpg', srcset: '/media/c2hvcnQta2V5LXNtYWxsMA/200.jpg 200w', width: 200, height: 150 });
		expect(result.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp']);
		expect(result.color).toBeNull();
	});

	it('falls back to the smallest JPEG when none is 960 wide or narrower', () => {
		const wide: PictureMedia = {
			...media,
			variants: [
				{ format: 'jpeg', width: 1280, height: 960 },
				{ format: 'jpeg', width: 1920, height: 1440 }
			]
		};
		expect(picture(wide, 'en').img.src).toBe('/media/N5wS0vQx2kLb8hYt4mZr1A/1280.jpg');
		expect(picture(wide, 'en').sources).toEqual([]);
	});
});

describe('variant URLs and Save-Data', () => {
	it('builds the URL the media route serves', () => {
		expect(variantUrl('Vb3_kX9-qLm2Zp7Rt1Yw0e', 'jpeg', 640)).toBe('/media/Vb3_kX9-qLm2Zp7Rt1Yw0e/640.jpg');
		expect(variantUrl('Vb3_kX9-qLm2Zp7Rt1Yw0e', 'avif', 320)).toBe('/media/Vb3_kX9-qLm2Zp7Rt1Yw0e/320.avif');
		expect(variantUrl('Vb3_kX9-qLm2Zp7Rt1Yw0e', 'webp', 1920)).toBe('/media/Vb3_kX9-qLm2Zp7Rt1Yw0e/1920.webp');
	});

	it('reads the Save-Data request header', () => {
		expect(wantsSaveData('on')).toBe(true);
		expect(wantsSaveData(' On ')).toBe(true);
		expect(wantsSaveData('off')).toBe(false);
		expect(wantsSaveData(null)).toBe(false);
		expect(wantsSaveData(undefined)).toBe(false);
	});
});

describe('<Picture>', () => {
	it('renders <picture> with sources and an <img> carrying every attribute, and no script', () => {
		const { body } = render(Picture, { props: { image: picture(media, 'es', { lazy: true, sizes: '50vw' }), class: 'photo' } });
		expect(body).toContain('<picture>');
		expect(body).toMatch(/<source type="image\/avif" srcset="\/media\/N5wS0vQx2kLb8hYt4mZr1A\/320\.avif 320w, [^"]*1920\.avif 1920w" sizes="50vw"\/?>/);
		expect(body).toMatch(/<source type="image\/webp" srcset="[^"]*"/);
		expect(body.indexOf('image/avif')).toBeLessThan(body.indexOf('image/webp'));
		const img = /<img [^>]*>/.exec(body)?.[0] ?? '';
		expect(img).toContain('src="/media/N5wS0vQx2kLb8hYt4mZr1A/960.jpg"');
		expect(img).toContain('srcset="/media/N5wS0vQx2kLb8hYt4mZr1A/320.jpg 320w,');
		expect(img).toContain('width="1920"');
		expect(img).toContain('height="1440"');
		expect(img).toContain('alt="Children painting a mural"');
		expect(img).toContain('lang="en"');
		expect(img).toContain('loading="lazy"');
		expect(img).toContain('decoding="async"');
		expect(img).toContain('class="photo"');
		expect(body).not.toContain('<script');
	});

	it('leaves out lang, loading and decoding when they do not apply', () => {
		const { body } = render(Picture, { props: { image: picture(media, 'ne') } });
		const img = /<img [^>]*>/.exec(body)?.[0] ?? '';
		expect(img).toContain('alt="भित्ते चित्र बनाउँदै बालबालिका"');
		expect(img).not.toMatch(/ (lang|loading|decoding|class)=/);
	});
});
