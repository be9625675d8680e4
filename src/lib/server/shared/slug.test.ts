import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
	it('keeps Latin letters and digits, drops accents and joins words with single dashes', () => {
		expect(slugify('Patan 2018: “Empower!”')).toBe('patan-2018-empower');
		expect(slugify('Proyección en São Paulo')).toBe('proyeccion-en-sao-paulo');
		expect(slugify('  Straße -- Graz  ')).toBe('strasse-graz');
	});

	it('gives nothing for a title with no Latin letters, so the editor writes one', () => {
		expect(slugify('पाटन कला महोत्सव')).toBe('');
		expect(slugify('!!!')).toBe('');
	});

	it('cuts a long title at a dash', () => {
		const slug = slugify('Guerrilla Gallery Kit climate edition wheat-pasted in five places around the world', 40);
		expect(slug.length).toBeLessThanOrEqual(40);
		expect(slug).toBe('guerrilla-gallery-kit-climate-edition');
	});
});
