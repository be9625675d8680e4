import { describe, expect, it } from 'vitest';
import { locales, type Localized } from '$lib/i18n/locales';
import { isCountryCode } from '$lib/server/shared/countries';
import { sanitizeRichText } from '$lib/server/shared/rich-text';
import { demoCalls } from './demo-content-calls';
import { demoInitiatives, demoKinds, demoPrograms, demoStories } from './demo-content-archive';
import { demoEventKinds } from './demo-content-events';
import type { DemoPhoto } from './demo-archive.types';

/*
 * The demo archive is seeded into every fresh install and shown in four
 * languages, so its texts must be complete, its HTML must survive the same
 * sanitizer staff edits go through, and its keys must point at things that exist.
 */

const archive = { demoKinds, demoPrograms, demoEventKinds, demoInitiatives, demoStories };

/** Every translatable text in the archive, found by shape (an object with an English string), with where it sits. */
function localizedTexts(value: unknown, path = ''): [string, Localized][] {
	if (Array.isArray(value)) return value.flatMap((item, index) => localizedTexts(item, `${path}[${index}]`));
	if (value === null || typeof value !== 'object') return [];
	if (typeof (value as { en?: unknown }).en === 'string') return [[path, value as Localized]];
	return Object.entries(value).flatMap(([key, item]) => localizedTexts(item, path ? `${path}.${key}` : key));
}

const bodies: [string, Localized][] = [
	...demoInitiatives.map((initiative): [string, Localized] => [initiative.slug, initiative.body]),
	...demoStories.map((story): [string, Localized] => [story.slug, story.body])
];

const photos: DemoPhoto[] = [...demoInitiatives.flatMap((initiative) => initiative.photos), ...demoStories.flatMap((story) => (story.photo ? [story.photo] : []))];

function isDate(value: string): boolean {
	return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

function duplicates<T>(values: T[]): T[] {
	return values.filter((value, index) => values.indexOf(value) !== index);
}

describe('the demo archive', () => {
	it('has every text in all four languages', () => {
		const texts = localizedTexts(archive);
		expect(texts.length).toBeGreaterThan(100);
		for (const [path, text] of texts) {
			for (const locale of locales) expect(text[locale]?.trim(), `${path}.${locale}`).toBeTruthy();
		}
	});

	it('writes Nepali in Devanagari, with Latin letters only for names', () => {
		for (const [path, text] of localizedTexts(archive)) {
			const nepali = text.ne ?? '';
			const devanagari = nepali.match(/\p{Script=Devanagari}/gu)?.length ?? 0;
			const latin = nepali.replace(/<[^>]*>/g, '').match(/\p{Script=Latin}/gu)?.length ?? 0;
			expect(devanagari, path).toBeGreaterThan(latin);
		}
	});

	it('keeps plain texts plain and bodies to the HTML the sanitizer keeps as it is', () => {
		for (const [path, text] of localizedTexts(archive)) {
			if (/\.body$/.test(path)) continue;
			for (const locale of locales) expect(text[locale], `${path}.${locale}`).not.toMatch(/[<>]/);
		}
		for (const [slug, body] of bodies) {
			for (const locale of locales) {
				const html = body[locale] ?? '';
				expect(html, `${slug}.${locale}`).toMatch(/^<(p|h2)>/);
				expect(sanitizeRichText(html), `${slug}.${locale}`).toBe(html);
			}
		}
	});

	it('gives initiatives and stories unique, URL-safe slugs', () => {
		for (const slugs of [demoInitiatives.map((initiative) => initiative.slug), demoStories.map((story) => story.slug)]) {
			expect(duplicates(slugs)).toEqual([]);
			for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		}
	});

	it('dates everything on real days, with no initiative ending before it starts', () => {
		for (const initiative of demoInitiatives) {
			expect(isDate(initiative.startDate), initiative.slug).toBe(true);
			if (initiative.endDate === undefined) continue;
			expect(isDate(initiative.endDate), initiative.slug).toBe(true);
			expect(initiative.endDate >= initiative.startDate, initiative.slug).toBe(true);
		}
		for (const story of demoStories) {
			expect(isDate(story.publishedOn), story.slug).toBe(true);
			expect(story.publishedOn >= '2013-01-01' && story.publishedOn < '2026-12-01', story.slug).toBe(true);
		}
	});

	it('puts every place on the map, or marks it virtual with no coordinates and no country', () => {
		for (const initiative of demoInitiatives) {
			expect(initiative.places.length, initiative.slug).toBeGreaterThan(0);
			for (const place of initiative.places) {
				const where = `${initiative.slug}: ${place.name}`;
				if (place.virtual) {
					expect([place.latitude, place.longitude, place.country], where).toEqual([null, null, '']);
					continue;
				}
				expect(isCountryCode(place.country), where).toBe(true);
				expect(place.city, where).not.toBe('');
				expect(place.latitude, where).toBeGreaterThanOrEqual(-90);
				expect(place.latitude, where).toBeLessThanOrEqual(90);
				expect(place.longitude, where).toBeGreaterThanOrEqual(-180);
				expect(place.longitude, where).toBeLessThanOrEqual(180);
			}
		}
	});

	it('places the initiatives the organization is known for where they really are', () => {
		const near = (slug: string, city: string, latitude: number, longitude: number) => {
			const place = demoInitiatives.find((initiative) => initiative.slug === slug)?.places.find((candidate) => candidate.city === city);
			expect(place, `${slug} in ${city}`).toBeDefined();
			expect(Math.abs(place!.latitude! - latitude) + Math.abs(place!.longitude! - longitude), `${slug} in ${city}`).toBeLessThan(0.1);
		};
		near('patan-empower-2018', 'Lalitpur', 27.67, 85.32);
		near('nowra-laneways-2015', 'Nowra', -34.88, 150.6);
		near('langa-township-2016', 'Cape Town', -33.94, 18.53);
		near('denpasar-jakarta-2017', 'Denpasar', -8.65, 115.22);
		near('denpasar-jakarta-2017', 'Jakarta', -6.2, 106.85);
		near('graz-2019', 'Graz', 47.07, 15.44);
		near('guerrilla-gallery-kit-climate-2024', 'Singapore', 1.29, 103.85);
	});

	it('gives every photo its own key and seed', () => {
		expect(photos.length).toBeGreaterThan(demoInitiatives.length * 2 - 1);
		expect(duplicates(photos.map((photo) => photo.key))).toEqual([]);
		expect(duplicates(photos.map((photo) => photo.seed))).toEqual([]);
		for (const initiative of demoInitiatives) {
			expect(initiative.photos.length, initiative.slug).toBeGreaterThanOrEqual(2);
			expect(initiative.photos.length, initiative.slug).toBeLessThanOrEqual(4);
		}
	});

	it('links only to kinds, programs, calls and initiatives that exist', () => {
		expect(duplicates(demoKinds.map((kind) => kind.key))).toEqual([]);
		expect(duplicates(demoEventKinds.map((kind) => kind.key))).toEqual([]);
		for (const kind of demoEventKinds) expect(kind.key, kind.key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
		expect(duplicates(demoPrograms.map((program) => program.key))).toEqual([]);
		const kinds = new Set(demoKinds.map((kind) => kind.key));
		const programs = new Set(demoPrograms.map((program) => program.key));
		const calls = new Set(demoCalls.map((call) => call.slug));
		const initiatives = new Set(demoInitiatives.map((initiative) => initiative.slug));
		for (const initiative of demoInitiatives) {
			expect(kinds.has(initiative.kind), initiative.slug).toBe(true);
			if (initiative.program !== undefined) expect(programs.has(initiative.program), initiative.slug).toBe(true);
			for (const slug of initiative.callSlugs ?? []) expect(calls.has(slug), `${initiative.slug} → ${slug}`).toBe(true);
		}
		for (const story of demoStories) {
			expect(story.initiativeSlugs.length, story.slug).toBeGreaterThan(0);
			for (const slug of story.initiativeSlugs) expect(initiatives.has(slug), `${story.slug} → ${slug}`).toBe(true);
			for (const tag of story.tags) expect(tag, story.slug).toMatch(/^[a-z]+$/);
		}
	});

	it('counts fewer participants than the organization has reached in all its years', () => {
		const figures = demoInitiatives.flatMap((initiative) => initiative.figures);
		for (const figure of figures) {
			expect(Number.isInteger(figure.value) && figure.value > 0, figure.label.en).toBe(true);
			expect(figure.source.trim(), figure.label.en).not.toBe('');
		}
		const participants = figures.filter((figure) => figure.participants).reduce((sum, figure) => sum + figure.value, 0);
		expect(participants).toBeGreaterThan(0);
		expect(participants).toBeLessThan(2_200_000);
	});
});
