import { describe, expect, it } from 'vitest';
import { countWords, draftValues, parseLocalizedNumber, validateAnswers, type FormValue } from './answer-validation';
import { parseFieldInput, type CallField, type FieldInput } from './call-fields';
import { countryCodes, countryOptions, isCountryCode } from '$lib/server/shared/countries';

let nextId = 1;
function field(input: FieldInput): CallField {
	const parsed = parseFieldInput(input);
	if ('issues' in parsed) throw new Error(JSON.stringify(parsed.issues));
	const { field } = parsed;
	return { ...field, id: nextId++, callId: 1, position: nextId, label: JSON.parse(field.label), help: JSON.parse(field.help) };
}

const form = [
	field({ key: 'project_title', type: 'short_text', label: { en: 'Project title' }, required: true, options: { maxLength: 40 } }),
	field({ key: 'statement', type: 'long_text', label: { en: 'Artist statement' }, required: true, options: { maxWords: 5 } }),
	field({ key: 'email_alt', type: 'email', label: { en: 'Second e-mail' } }),
	field({ key: 'country', type: 'country', label: { en: 'Country' }, required: true }),
	field({
		key: 'medium',
		type: 'single_choice',
		label: { en: 'Medium' },
		required: true,
		options: { choices: [{ value: 'paint', label: { en: 'Paint' } }, { value: 'photo', label: { en: 'Photo' } }] }
	}),
	field({
		key: 'days',
		type: 'multiple_choice',
		label: { en: 'Days' },
		options: {
			choices: [
				{ value: 'sat', label: { en: 'Saturday' } },
				{ value: 'sun', label: { en: 'Sunday' } },
				{ value: 'mon', label: { en: 'Monday' } }
			],
			maxChoices: 2
		}
	}),
	field({ key: 'first_time', type: 'yes_no', label: { en: 'First time?' }, required: true }),
	field({ key: 'website', type: 'url', label: { en: 'Website' } }),
	field({ key: 'age', type: 'number', label: { en: 'Age' }, options: { min: 16, max: 120, integer: true } }),
	field({ key: 'budget', type: 'number', label: { en: 'Budget' } }),
	field({ key: 'available_from', type: 'date', label: { en: 'Available from' } }),
	field({
		key: 'portfolio',
		type: 'file',
		label: { en: 'Portfolio' },
		required: true,
		options: { allowedTypes: ['application/pdf', 'image/jpeg'], maxBytes: 1000, maxFiles: 2 }
	})
];

/** Per field but the file: a good answer as typed and as stored, and a wrong answer with its error code. */
const answerCases: Record<string, { typed: FormValue; stored: unknown; wrong: FormValue; error: string }> = {
	project_title: { typed: '  Walls that talk  ', stored: 'Walls that talk', wrong: 'x'.repeat(41), error: 'too_long' },
	statement: { typed: 'Paint on walls, together.', stored: 'Paint on walls, together.', wrong: 'one two three four five six', error: 'too_many_words' },
	email_alt: { typed: 'Ana@Example.org', stored: 'ana@example.org', wrong: 'ana@', error: 'email_invalid' },
	country: { typed: 'np', stored: 'NP', wrong: 'XK', error: 'country_unknown' },
	medium: { typed: 'paint', stored: 'paint', wrong: 'sculpture', error: 'choice_unknown' },
	days: { typed: ['sat', 'sun'], stored: ['sat', 'sun'], wrong: ['sat', 'sun', 'mon'], error: 'too_many_choices' },
	first_time: { typed: 'yes', stored: true, wrong: 'maybe', error: 'yes_no_invalid' },
	website: { typed: 'instagram.com/ana.paints', stored: 'https://instagram.com/ana.paints', wrong: 'javascript:alert(1)', error: 'url_invalid' },
	age: { typed: '34', stored: 34, wrong: '12', error: 'number_out_of_range' },
	budget: { typed: '1.500,50', stored: 1500.5, wrong: 'a lot', error: 'number_invalid' },
	available_from: { typed: '2027-05-01', stored: '2027-05-01', wrong: '2027-02-30', error: 'date_invalid' }
};

/** One column of `answerCases`, by field. */
function answersOf<K extends 'typed' | 'stored' | 'wrong' | 'error'>(column: K): Record<string, (typeof answerCases)[string][K]> {
	return Object.fromEntries(Object.entries(answerCases).map(([key, row]) => [key, row[column]]));
}
const pdf = { mediaType: 'application/pdf', bytes: 900 };

describe('validateAnswers', () => {
	it('accepts a good form and cleans its answers for storage', () => {
		const result = validateAnswers(form, { ...answersOf('typed'), unknown_field: 'dropped' }, 'es', { portfolio: [pdf] });
		expect(result.errors).toEqual({});
		expect(result.ok).toBe(true);
		expect(result.answers).toEqual(answersOf('stored'));
		expect(result.answers).not.toHaveProperty('unknown_field');
	});

	it('gives every field its own error code and keeps every value as typed', () => {
		const bad = answersOf('wrong');
		const result = validateAnswers(form, bad, 'en', { portfolio: [{ mediaType: 'image/png', bytes: 10 }] });
		expect(result.ok).toBe(false);
		expect(result.errors).toEqual({ ...answersOf('error'), portfolio: 'file_type_not_allowed' });
		// Nothing the person typed is lost.
		expect(result.values).toEqual(bad);
	});

	it('asks for required fields, and only those', () => {
		const result = validateAnswers(form, { project_title: '   ', days: [] }, 'en');
		expect(result.errors).toEqual({
			project_title: 'required',
			statement: 'required',
			country: 'required',
			medium: 'required',
			first_time: 'required',
			portfolio: 'required'
		});
	});

	it('checks files: how many, which types and how large', () => {
		const only = form.filter((f) => f.key === 'portfolio');
		expect(validateAnswers(only, {}, 'en', { portfolio: [pdf, pdf, pdf] }).errors).toEqual({ portfolio: 'too_many_files' });
		expect(validateAnswers(only, {}, 'en', { portfolio: [{ ...pdf, bytes: 1001 }] }).errors).toEqual({ portfolio: 'file_too_large' });
		expect(validateAnswers(only, {}, 'en', { portfolio: [pdf, { mediaType: 'image/jpeg', bytes: 1 }] }).ok).toBe(true);
	});

	it('refuses a choice that is not offered, even alone among good ones', () => {
		const days = form.filter((f) => f.key === 'days');
		expect(validateAnswers(days, { days: ['sat', 'someday'] }, 'en').errors).toEqual({ days: 'choice_unknown' });
		expect(validateAnswers(days, { days: 'sun' }, 'en').answers).toEqual({ days: ['sun'] });
	});

	it('reads numbers and dates the way each language writes them', () => {
		expect(parseLocalizedNumber('1,5', 'es')).toBe(1.5);
		expect(parseLocalizedNumber('1.5', 'es')).toBe(1.5);
		expect(parseLocalizedNumber('12.000', 'id')).toBe(12000);
		expect(parseLocalizedNumber('12,000', 'en')).toBe(12000);
		expect(parseLocalizedNumber('1.5', 'en')).toBe(1.5);
		expect(parseLocalizedNumber('-3', 'en')).toBe(-3);
		expect(parseLocalizedNumber('१२३', 'ne')).toBe(123);
		expect(parseLocalizedNumber('1,5', 'en')).toBeNull();
		expect(parseLocalizedNumber('1e9', 'en')).toBeNull();
		expect(parseLocalizedNumber('', 'en')).toBeNull();
		const date = form.filter((f) => f.key === 'available_from');
		expect(validateAnswers(date, { available_from: '२०२७-०५-०१' }, 'ne').answers).toEqual({ available_from: '2027-05-01' });
	});

	it('counts words in scripts with and without spaces', () => {
		expect(countWords('Paint on walls, together.', 'en')).toBe(4);
		expect(countWords('हामी सँगै भित्तामा चित्र बनाउँछौं', 'ne')).toBe(5);
		expect(countWords('Melukis dinding bersama warga', 'id')).toBe(4);
	});
});

describe('draftValues', () => {
	it('keeps whatever was typed, valid or not, but not oversized text', () => {
		expect(draftValues(form, { project_title: 'Half done', email_alt: 'not yet', days: ['sat'] })).toEqual({
			values: { project_title: 'Half done', email_alt: 'not yet', days: ['sat'] },
			errors: {}
		});
		expect(draftValues(form, { project_title: 'x'.repeat(41) }).errors).toEqual({ project_title: 'too_long' });
	});
});

describe('field definitions', () => {
	it('need a key, an English label, choices for choice types and file types for files', () => {
		expect(parseFieldInput({ key: 'Bad Key', type: 'short_text', label: { en: 'x' } })).toEqual({ issues: { key: 'key_invalid' } });
		expect(parseFieldInput({ key: 'title', type: 'short_text', label: { es: 'Título' } })).toEqual({ issues: { 'label.en': 'required' } });
		expect(parseFieldInput({ key: 'medium', type: 'single_choice', label: { en: 'Medium' } })).toEqual({
			issues: { 'options.choices': 'choices_required' }
		});
		expect(
			parseFieldInput({
				key: 'medium',
				type: 'multiple_choice',
				label: { en: 'Medium' },
				options: { choices: [{ value: 'a', label: { en: 'A' } }, { value: 'a', label: { es: 'B' } }] }
			})
		).toEqual({ issues: { 'options.choices.1.value': 'choice_value_duplicate', 'options.choices.1.label.en': 'required' } });
		expect(parseFieldInput({ key: 'cv', type: 'file', label: { en: 'CV' } })).toEqual({ issues: { 'options.allowedTypes': 'file_types_required' } });
		expect(parseFieldInput({ key: 'cv', type: 'file', label: { en: 'CV' }, options: { allowedTypes: ['application/x-msdownload'] } })).toMatchObject({
			issues: { 'options.allowedTypes.0': 'file_type_unknown' }
		});
		expect(parseFieldInput({ key: 'n', type: 'number', label: { en: 'N' }, options: { min: 5, max: 1 } })).toEqual({
			issues: { 'options.max': 'range_invalid' }
		});
	});

	it('have sensible limits by default and a ceiling staff cannot lift', () => {
		const short = parseFieldInput({ key: 'title', type: 'short_text', label: { en: 'Title' } });
		expect(short).toMatchObject({ field: { options: { maxLength: 300 } } });
		const file = parseFieldInput({ key: 'cv', type: 'file', label: { en: 'CV' }, options: { allowedTypes: ['application/pdf'] } });
		expect(file).toMatchObject({ field: { options: { maxBytes: 10 * 1024 * 1024, maxFiles: 1 } } });
		expect(parseFieldInput({ key: 'title', type: 'short_text', label: { en: 'Title' }, options: { maxLength: 5000 } })).toEqual({
			issues: { 'options.maxLength': 'limit_invalid' }
		});
		expect(
			parseFieldInput({ key: 'cv', type: 'file', label: { en: 'CV' }, options: { allowedTypes: ['application/pdf'], maxBytes: 500 * 1024 * 1024 } })
		).toEqual({ issues: { 'options.maxBytes': 'limit_invalid' } });
		// Options a type does not use are dropped.
		expect(parseFieldInput({ key: 'ok', type: 'yes_no', label: { en: 'OK?' }, options: { maxLength: 10 } })).toMatchObject({ field: { options: {} } });
	});
});

describe('countries', () => {
	it('are the 249 assigned ISO 3166-1 codes, each with a name in every language', () => {
		expect(countryCodes).toHaveLength(249);
		expect(new Set(countryCodes).size).toBe(249);
		expect(isCountryCode('NP')).toBe(true);
		expect(isCountryCode('XK')).toBe(false);
		expect(isCountryCode('np')).toBe(false);
		for (const locale of ['en', 'ne', 'id', 'es']) {
			const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
			expect(countryCodes.filter((code) => !names.of(code))).toEqual([]);
		}
		expect(countryOptions('es').find((c) => c.code === 'DE')?.name).toBe('Alemania');
		expect(countryOptions('ne').find((c) => c.code === 'NP')?.name).toBe('नेपाल');
	});
});
