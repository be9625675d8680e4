import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { fieldWordMessages } from './field-words';
import { hasIssueMessage, issueMessages, issueWord, translatedIssues } from './issue-words';

/** The content domain's files that say, in English, what is wrong with a field. */
const domainFiles = ['content-items.ts', 'exhibition-items.ts', 'custom-page-items.ts', 'archive-items.ts', 'photo-alt-text.ts'].map(
	(name) => `src/lib/server/content/${name}`
);

/**
 * Every sentence of those files (a quoted or template text that starts with a
 * capital or a quotation mark and ends with a full stop), placeholders filled
 * with "12", leaving out the field descriptions (field-words.ts has those).
 */
function domainSentences(): string[] {
	const sentences = new Set<string>();
	for (const file of domainFiles) {
		const source = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '');
		for (const [, quoted, template] of source.matchAll(/'((?:[^'\\\n]|\\.)*)'|`([^`]*)`/g)) {
			const text = (quoted ?? (template ?? '').replace(/\$\{[^}]*\}/g, '12')).replace(/\\'/g, "'");
			if (!/^[A-Z“\d]/.test(text) || !text.endsWith('.') || !text.includes(' ')) continue;
			if (Object.hasOwn(fieldWordMessages, text)) continue;
			sentences.add(text);
		}
	}
	return [...sentences];
}

const english = getLocale;
afterEach(() => overwriteGetLocale(english));

describe('the content editor’s errors in the staff person’s language', () => {
	it('has a message for every sentence the content domain says about a field', () => {
		const sentences = domainSentences();
		expect(sentences.length).toBeGreaterThan(40);
		expect(sentences.filter((text) => !hasIssueMessage(text))).toEqual([]);
	});

	it('has no message for a sentence the domain no longer says', () => {
		const sentences = new Set(domainSentences());
		expect(Object.keys(issueMessages).filter((text) => !sentences.has(text))).toEqual([]);
	});

	it('says each sentence in English as the domain does', () => {
		for (const [text, message] of Object.entries(issueMessages)) expect(message()).toBe(text);
		expect(m.contenterr_too_long({ max: '200' }, { locale: 'en' })).toBe('At most 200 characters.');
		expect(m.contenterr_whole_number_range({ min: '1', max: '20' }, { locale: 'en' })).toBe('Write a whole number from 1 to 20.');
		expect(issueWord('At most 200 characters.')).toBe('At most 200 characters.');
	});

	it('says them in Nepali, with their numbers, names and languages', () => {
		overwriteGetLocale(() => 'ne');
		expect(issueWord('Fill this in.')).toBe('यो भर्नुहोस्।');
		expect(issueWord('At most 200 characters.')).toBe('बढीमा 200 अक्षर।');
		expect(issueWord('Write a whole number from 1 to 20.')).toBe('1 देखि 20 सम्मको पूर्ण सङ्ख्या लेख्नुहोस्।');
		expect(issueWord('Use only letters a–z, digits and single dashes, e.g. “walls”.')).toContain('“walls”');
		expect(issueWord('This address is one of the site’s own pages: choose another, e.g. add a word.')).toBe(m.contenterr_page_slug_reserved({}, { locale: 'ne' }));
		const photo = issueWord('This photo has no alt text in Nepali and Spanish, languages this story is written in. Add them to the photo in Media, then publish again.', 'story');
		expect(photo).not.toContain('Nepali');
		expect(photo).toContain('कथा');
		expect(translatedIssues({ 'title.en': 'Write it in English: every language falls back to it.', other: 'Something new.' })).toEqual({
			'title.en': m.contenterr_english_needed({}, { locale: 'ne' }),
			other: 'Something new.'
		});
	});
});
