import { displayNames } from '$lib/i18n/intl';
import { locales } from '$lib/i18n/locales';

/*
 * Languages people speak (at an event, for one), kept as language codes (`ne`,
 * `en`, `new`), so each reader is told them in their own language through
 * Intl.DisplayNames. Staff type them as they think of them: a name in English or
 * in one of the site's languages ("Nepali", "नेपाली", "Español"), or a code.
 *
 * The names known are those of every two-letter code Intl can name, and of a
 * few three-letter ones spoken where the organization works (Newari, Maithili,
 * Balinese…); any other language is taken by its code.
 */

const threeLetterCodes = ['new', 'mai', 'bho', 'sat', 'ban', 'min', 'ace', 'bug', 'mad', 'tet', 'quc', 'fil', 'yue', 'ase'];

/** Other names people use for a language, folded. */
const aliases: Record<string, string> = {
	bahasa: 'id',
	'bahasa indonesia': 'id',
	castellano: 'es',
	newar: 'new',
	'nepal bhasa': 'new',
	tagalog: 'fil',
	filipino: 'fil'
};

/** Lower case, single spaces, accents off Latin letters (Devanagari's vowel signs stay: they are letters there). */
function fold(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
		.normalize('NFC')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/** The language subtag of a tag as Intl writes it (`iw` becomes `he`), or undefined for what is not a tag. */
function canonicalCode(tag: string): string | undefined {
	try {
		return Intl.getCanonicalLocales(tag)[0]?.split('-')[0];
	} catch {
		return undefined;
	}
}

function knownName(code: string, locale: string): string | undefined {
	return displayNames(locale, { type: 'language', fallback: 'none' }).of(code);
}

let byName: Map<string, string> | undefined;

/** Folded names (English first, then the site's other languages) to codes; made once. */
function namesIndex(): Map<string, string> {
	if (byName) return byName;
	const codes = new Set<string>();
	for (let a = 97; a <= 122; a++) {
		for (let b = 97; b <= 122; b++) {
			const code = canonicalCode(String.fromCharCode(a, b));
			if (code && knownName(code, 'en')) codes.add(code);
		}
	}
	for (const code of threeLetterCodes) codes.add(code);
	const index = new Map<string, string>(Object.entries(aliases));
	for (const locale of locales) {
		for (const code of codes) {
			const name = knownName(code, locale);
			if (name && !index.has(fold(name))) index.set(fold(name), code);
		}
	}
	byName = index;
	return index;
}

/** The code of a language typed as a name or a code; undefined when it is neither. */
export function languageCodeOf(typed: string): string | undefined {
	const folded = fold(typed);
	const named = namesIndex().get(folded);
	if (named) return named;
	if (!/^[a-z]{2,3}$/.test(folded)) return undefined;
	const code = canonicalCode(folded);
	return code && knownName(code, 'en') ? code : undefined;
}

/** A language's name in `locale` (English, then the code, when Intl does not know it there). */
export function languageName(code: string, locale: string): string {
	return displayNames([locale, 'en'], { type: 'language', fallback: 'code' }).of(code) ?? code;
}

/** How a form shows a language so that it reads back the same: its English name, or its code when the name would not. */
export function languageAsTyped(code: string): string {
	const name = languageName(code, 'en');
	return languageCodeOf(name) === code ? name : code;
}
