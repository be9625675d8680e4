/*
 * One spelling of a place's name for comparing: what someone types on a keyboard
 * without accents finds the name as the people there write it.
 */

/** Letters that are not a base letter with an accent, so Unicode decomposition leaves them whole. */
const foldings: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ł: 'l',
	ı: 'i',
	ħ: 'h',
	ŧ: 't'
};
const plainWords = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;
const foldable = new RegExp(`[${Object.keys(foldings).join('')}]`, 'g');

/**
 * Lower case, without accents, apostrophes and punctuation, one space between
 * words: 'São Paulo' → 'sao paulo', 'Saint-Étienne' → 'saint etienne',
 * "N'Djamena" → 'ndjamena', 'Łódź' → 'lodz'.
 */
export function normalizePlaceName(text: string): string {
	// Most names are letters and single spaces only; decomposing them changes nothing and is most of the time the index takes to build.
	if (plainWords.test(text)) return text.toLowerCase();
	return text
		.toLowerCase()
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(foldable, (letter) => foldings[letter]!)
		.replace(/['’ʻʼ`´]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}
