import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { locales, type Locale } from '$lib/i18n/locales';
import { displayNames, listFormat } from '$lib/i18n/intl';
import { contentItems, type ContentItemType } from '$lib/server/content/content-items';
import { fieldWord } from './field-words';

/*
 * The content editor's field-level errors in the staff person's language. The
 * content domain (content-items.ts, exhibition-items.ts, custom-page-items.ts,
 * archive-items.ts, photo-alt-text.ts) says what is wrong in English, as tests
 * and other callers read it; this maps each of those sentences, with the
 * numbers, names and languages it carries, to its message. A sentence with no
 * message here is shown in English (issue-words.test.ts lists any such).
 */

/** English issue → its message, for the sentences that carry nothing of their own. */
export const issueMessages: Readonly<Record<string, () => string>> = {
	'Fill this in.': m.contenterr_fill_in,
	'Write it in English: every language falls back to it.': m.contenterr_english_needed,
	'Links must start with https:// or http://.': m.contenterr_link_start,
	'Write a whole number.': m.contenterr_whole_number,
	'Write a whole number, 0 or more.': m.contenterr_whole_number_zero_up,
	'Write a number, e.g. 27.67.': m.contenterr_number,
	'At most 20 languages.': m.contenterr_languages_max,
	'Choose a country from the list.': m.contenterr_choose_country,
	'Choose one from the list.': m.contenterr_choose_one,
	'Choose a photo from the list.': m.contenterr_choose_photo,
	'Write a valid e-mail address.': m.contenterr_email,
	'Write the date as year-month-day, e.g. 2018-11-23.': m.contenterr_date_required,
	'Write the date as year-month-day, e.g. 2018-12-07, or leave it empty.': m.contenterr_date_optional,
	'A tag has at most 40 characters.': m.contenterr_tag_too_long,
	'At most 20 tags.': m.contenterr_tags_max,
	'Write an address: the English title has no letters to make one from.': m.contenterr_slug_no_letters,
	'The last day cannot be before the first.': m.contenterr_last_before_first,
	'Give both coordinates, or neither.': m.contenterr_both_coordinates,
	'Choose the country, or tick “online”.': m.contenterr_country_or_online,
	'Name the place or its town.': m.contenterr_place_or_town,
	'These numbers are too large to add up.': m.contenterr_numbers_too_large,
	'Another question has this short name.': m.contenterr_question_key_taken,
	'It cannot close before it opens.': m.contenterr_close_before_open,
	'Another section has this short name.': m.contenterr_section_key_taken,
	'Write the number of a work from Works.': m.contenterr_work_number,
	'No section has this short name.': m.contenterr_no_such_section,
	'Another exhibition already has this address: change it a little, e.g. add the year.': m.contenterr_exhibition_slug_taken,
	'This address is one of the site’s own pages: choose another, e.g. add a word.': m.contenterr_page_slug_reserved,
	'Another page already has this address: change it a little.': m.contenterr_page_slug_taken,
	'Another one already has this short name.': m.contenterr_key_taken,
	'Another one already has this address: change it a little, e.g. add the year.': m.contenterr_slug_taken,
	'This kind has been deleted: choose another.': m.contenterr_kind_deleted,
	'This program has been deleted: choose another.': m.contenterr_program_deleted,
	'This photo is no longer in Media: choose another one.': m.contenterr_photo_gone
};

/** The languages an English issue names ("Nepali and Spanish", "Nepali, Spanish"), as codes, in the site's order. */
function languagesNamed(english: string): Locale[] {
	const names = displayNames('en', { type: 'language' });
	return locales.filter((locale) => new RegExp(`(^|[ ,])${names.of(locale) ?? locale}($|[ ,])`).test(english));
}

/** Languages by their names in the staff person's language, as a list ("नेपाली र स्पेनी"). */
function languageList(codes: readonly Locale[]): string {
	const names = displayNames(getLocale(), { type: 'language' });
	return listFormat(getLocale(), { type: 'conjunction' }).format(codes.map((code) => names.of(code) ?? code));
}

/** What the photo issues call the item: "this story", in the staff person's words. */
function itemWord(type: ContentItemType | undefined): string {
	return type ? fieldWord(contentItems[type].label).toLocaleLowerCase(getLocale()) : '';
}

/** A match: the whole sentence, then what its pattern's groups found ('' past the last). */
type Groups = [string, string, string, string, string];

/** Sentences that carry a number, a name or languages: their pattern and message. */
const issuePatterns: ReadonlyArray<readonly [RegExp, (groups: Groups, type: ContentItemType | undefined) => string]> = [
	[/^At most (\d+) characters\.$/, ([, max]) => m.contenterr_too_long({ max })],
	[/^At most (\d+)\.$/, ([, max]) => m.contenterr_at_most({ max })],
	[/^Write a whole number from (-?\d+) to (-?\d+)\.$/, ([, min, max]) => m.contenterr_whole_number_range({ min, max })],
	[/^Write a number from (\S+) to (\S+)\.$/, ([, min, max]) => m.contenterr_number_range({ min, max })],
	[/^Use only letters a–z, digits and single dashes, e\.g\. “([^”]+)”\.$/, ([, example]) => m.contenterr_slug_letters({ example })],
	[
		/^“(.*)” is not a language this site knows\. Write its name in English, e\.g\. “Nepali”, or its code, e\.g\. “ne”\.$/s,
		([, typed]) => m.contenterr_language_unknown({ typed })
	],
	[
		/^“(.*)” is not a language of this site: choose among English, Nepali, Indonesian and Spanish\.$/s,
		([, typed]) => m.contenterr_exhibition_language({ typed, languages: languageList(locales) })
	],
	[/^There is no work number (\d+) in Works\.$/, ([, number]) => m.contenterr_no_such_work({ number })],
	[
		/^Work (\d+), “(.*)” \(number (\d+)\), has an image without alt text in (.+), a language this exhibition is published in\. Add it in Works, or publish without that language\.$/s,
		([, position, title, number, languages]) => m.contenterr_work_alt_missing({ position, title, number, languages: languageList(languagesNamed(languages)) })
	],
	[
		/^This photo has no alt text in (.+), a language this .+ is written in\. Add it to the photo in Media, then publish again\.$/,
		([, languages], type) => m.contenterr_photo_alt_one({ languages: languageList(languagesNamed(languages)), what: itemWord(type) })
	],
	[
		/^This photo has no alt text in (.+), languages this .+ is written in\. Add them to the photo in Media, then publish again\.$/,
		([, languages], type) => m.contenterr_photo_alt_many({ languages: languageList(languagesNamed(languages)), what: itemWord(type) })
	]
];

/** Whether an English issue has a message (exactly, or by its pattern). */
export function hasIssueMessage(english: string): boolean {
	return Object.hasOwn(issueMessages, english) || issuePatterns.some(([pattern]) => pattern.test(english));
}

/** An English issue of the content domain in the staff person's language, or as it is when it has no message. */
export function issueWord(english: string, type?: ContentItemType): string {
	// In English the domain's own sentence, word for word.
	if (getLocale() === 'en') return english;
	const exact = Object.hasOwn(issueMessages, english) ? issueMessages[english] : undefined;
	if (exact) return exact();
	for (const [pattern, message] of issuePatterns) {
		const match = pattern.exec(english);
		if (match) return message([0, 1, 2, 3, 4].map((i) => match[i] ?? '') as Groups, type);
	}
	return english;
}

/** A refusal's issues, by form field, in the staff person's language. */
export function translatedIssues<T extends Record<string, string>>(issues: T, type?: ContentItemType): T {
	return Object.fromEntries(Object.entries(issues).map(([field, english]) => [field, issueWord(english, type)])) as T;
}
