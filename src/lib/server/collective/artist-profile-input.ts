import { isLocale, locales, type Locale, type Localized } from '$lib/i18n/locales';
import { ValidationError } from '$lib/server/platform/errors';
import { isCountryCode } from '$lib/server/shared/countries';
import { languageCodeOf } from '$lib/server/shared/languages';
import { htmlToText } from '$lib/server/shared/rich-text';

/*
 * What a profile says, as the artist or staff typed it, checked and made plain:
 * a bio is paragraphs of plain text (any markup is taken out, never rendered),
 * links are http(s) only, tags are lower-case. Issues are codes by field; the
 * pages word them in the reader's language.
 */

export const linkKinds = ['website', 'social', 'portfolio'] as const;
export type LinkKind = (typeof linkKinds)[number];
export interface ArtistLink {
	kind: LinkKind;
	url: string;
}

export const profileLimits = { name: 120, pronouns: 40, city: 120, bio: 4000, tag: 40, tags: 12, links: 6, url: 500, email: 254, guardianName: 120 };

export interface ProfileInput {
	name: string;
	pronouns: string;
	city: string;
	country: string;
	/** Language codes or names as typed ("Nepali", "ne"). */
	languages: string[];
	bio: Partial<Record<Locale, string>>;
	mediums: string[];
	links: { kind: string; url: string }[];
	locale: string;
}

export interface CleanProfile {
	name: string;
	pronouns: string;
	city: string;
	country: string;
	languages: string[];
	bio: Localized;
	mediums: string[];
	links: ArtistLink[];
	locale: Locale;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailAddress(value: string): boolean {
	return value.length <= profileLimits.email && emailPattern.test(value);
}

/** Plain paragraphs: markup taken out of each, blank lines between them kept. */
export function plainParagraphs(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((paragraph) => htmlToText(paragraph).replace(/\n/g, ' ').trim())
		.filter((paragraph) => paragraph !== '')
		.join('\n\n');
}

/** An http(s) address, or undefined. */
export function webAddress(typed: string): string | undefined {
	const value = typed.trim();
	if (value === '' || value.length > profileLimits.url) return undefined;
	try {
		const url = new URL(value);
		return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') ? url.toString() : undefined;
	} catch {
		return undefined;
	}
}

/** Checks and cleans a profile; throws ValidationError with a code per field. */
export function cleanProfile(input: ProfileInput): CleanProfile {
	const issues: Record<string, string> = {};
	const name = input.name.trim();
	if (name === '') issues.name = 'required';
	else if (name.length > profileLimits.name) issues.name = 'too-long';
	const pronouns = input.pronouns.trim();
	if (pronouns.length > profileLimits.pronouns) issues.pronouns = 'too-long';
	const city = input.city.trim();
	if (city.length > profileLimits.city) issues.city = 'too-long';
	const country = input.country.trim().toUpperCase();
	if (country !== '' && !isCountryCode(country)) issues.country = 'unknown';
	const languages: string[] = [];
	for (const typed of input.languages.map((l) => l.trim()).filter(Boolean)) {
		const code = languageCodeOf(typed);
		if (!code) issues.languages = 'unknown';
		else if (!languages.includes(code)) languages.push(code);
	}
	const bio: Localized = { en: '' };
	for (const locale of locales) {
		const text = plainParagraphs(input.bio[locale] ?? '');
		if (text.length > profileLimits.bio) issues[`bio.${locale}`] = 'too-long';
		if (text !== '') bio[locale] = text;
	}
	// Another language's bio without an English one: English shows it as the fallback.
	if (bio.en === '') bio.en = locales.map((l) => bio[l] ?? '').find((t) => t !== '') ?? '';
	const mediums = [...new Set(input.mediums.flatMap((t) => t.split(',')).map((t) => t.trim().toLowerCase()).filter(Boolean))];
	if (mediums.length > profileLimits.tags) issues.mediums = 'too-many';
	else if (mediums.some((t) => t.length > profileLimits.tag)) issues.mediums = 'too-long';
	const links: ArtistLink[] = [];
	input.links.forEach((link, i) => {
		if (link.url.trim() === '') return;
		const url = webAddress(link.url);
		const kind = (linkKinds as readonly string[]).includes(link.kind) ? (link.kind as LinkKind) : 'website';
		if (!url) issues[`links.${i}`] = 'not-web';
		else links.push({ kind, url });
	});
	if (links.length > profileLimits.links) issues.links = 'too-many';
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);
	return { name, pronouns, city, country, languages, bio, mediums, links, locale: isLocale(input.locale) ? input.locale : 'en' };
}
