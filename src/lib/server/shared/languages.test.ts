import { describe, expect, it } from 'vitest';
import { languageAsTyped, languageCodeOf, languageName } from './languages';

describe('languages people speak', () => {
	it('takes a name in English or in a site language, or a code, as the language’s code', () => {
		expect(['Nepali', ' nepali ', 'नेपाली', 'ne', 'NE'].map(languageCodeOf)).toEqual(['ne', 'ne', 'ne', 'ne', 'ne']);
		expect(['Indonesian', 'Bahasa Indonesia', 'Indonesia', 'id', 'in'].map(languageCodeOf)).toEqual(['id', 'id', 'id', 'id', 'id']);
		expect(['Spanish', 'Español', 'espanol', 'castellano', 'inglés'].map(languageCodeOf)).toEqual(['es', 'es', 'es', 'es', 'en']);
		expect(['Newari', 'Newar', 'new', 'Maithili', 'Balinese', 'American Sign Language'].map(languageCodeOf)).toEqual(['new', 'new', 'new', 'mai', 'ban', 'ase']);
	});

	it('knows nothing of words that are not languages', () => {
		for (const typed of ['Klingonese', 'xx', 'zzz', '', 'English and Nepali', 'ne-NP-x-y-z-?']) expect(languageCodeOf(typed), typed).toBeUndefined();
	});

	it('names a language in the reader’s language, and shows it in the form so that it reads back', () => {
		expect(languageName('new', 'ne')).toBe('नेवारी');
		expect(languageName('en', 'es')).toBe('inglés');
		for (const code of ['ne', 'en', 'id', 'es', 'new', 'quc', 'nso']) expect(languageCodeOf(languageAsTyped(code)), code).toBe(code);
	});
});
