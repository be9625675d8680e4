import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseLocale, locales } from './locales';

/*
 * Every catalogue Paraglide compiles (project.inlang/settings.json), in every
 * language: the same keys as English, none empty, and none the same as English
 * unless messages/same-as-english.json says so for that language. A message
 * copied and never translated shows as English in a Nepali admin; this is
 * where it is caught.
 */

const root = join(import.meta.dirname, '..', '..', '..');
const settings = JSON.parse(readFileSync(join(root, 'project.inlang', 'settings.json'), 'utf8'));
const patterns: string[] = [settings['plugin.inlang.messageFormat'].pathPattern].flat();
const sameOnPurpose: Record<string, string[]> = JSON.parse(readFileSync(join(root, 'messages', 'same-as-english.json'), 'utf8'));

type Message = string | { match: Record<string, string> }[];
const read = (pattern: string, locale: string): Record<string, Message> => {
	const { $schema: _, ...messages } = JSON.parse(readFileSync(join(root, pattern.replace('{locale}', locale)), 'utf8'));
	return messages;
};
/** Every text of a message: itself, or each form of a plural. */
const textsOf = (message: Message): string[] => (typeof message === 'string' ? [message] : message.flatMap((variant) => Object.values(variant.match)));

describe.each(patterns)('the catalogue %s', (pattern) => {
	const english = read(pattern, baseLocale);

	it.each(locales.filter((l) => l !== baseLocale))('has every message in %s, translated', (locale) => {
		const translated = read(pattern, locale);
		expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
		const empty = Object.keys(translated).filter((key) => textsOf(translated[key]!).some((text) => text.trim() === ''));
		expect(empty).toEqual([]);
		const allowed = new Set(sameOnPurpose[locale] ?? []);
		const untranslated = Object.keys(english).filter((key) => !allowed.has(key) && JSON.stringify(translated[key]) === JSON.stringify(english[key]));
		expect(untranslated).toEqual([]);
	});

	it('has no English message that is empty', () => {
		expect(Object.keys(english).filter((key) => textsOf(english[key]!).some((text) => text.trim() === ''))).toEqual([]);
	});
});

it('lists as the same on purpose only messages that are the same', () => {
	const all = (locale: string) => Object.assign({}, ...patterns.map((pattern) => read(pattern, locale))) as Record<string, Message>;
	const english = all(baseLocale);
	for (const [locale, keys] of Object.entries(sameOnPurpose).filter(([key]) => key !== '$comment')) {
		const translated = all(locale);
		expect(keys.filter((key) => JSON.stringify(translated[key]) !== JSON.stringify(english[key])), locale).toEqual([]);
	}
});
