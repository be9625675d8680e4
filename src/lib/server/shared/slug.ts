/**
 * An address segment from a title: Latin letters without their accents, digits
 * and single dashes, at most `max` characters, cut at a dash where it can be.
 * Titles in other scripts give '' (the editor then types one): a transliteration
 * of Devanagari would be a guess.
 */
export function slugify(title: string, max = 80): string {
	const plain = title
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/ß/g, 'ss')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (plain.length <= max) return plain;
	const cut = plain.slice(0, max);
	const dash = cut.lastIndexOf('-');
	return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}
