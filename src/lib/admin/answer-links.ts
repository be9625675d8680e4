/**
 * An applicant's free text cut into plain parts and web links, so the review
 * pages can make the links clickable while every character stays text that
 * Svelte escapes (no {@html}). Only http and https addresses become links:
 * anything else (javascript:, data:, mailto:, a bare "www.") stays as typed.
 */
export type AnswerPart = { text: string; href?: undefined } | { text: string; href: string };

// Up to the next white space, quote or angle bracket.
const linkPattern = /\bhttps?:\/\/[^\s<>"]+/gi;

/** Without the punctuation that ends the sentence around it; a ")" stays when the address opened one ("…_(artist)"). */
function withoutTrailingPunctuation(candidate: string): string {
	let end = candidate.length;
	while (end > 0 && '.,;:!?\'’”)]'.includes(candidate[end - 1]!)) {
		const kept = candidate.slice(0, end);
		if (kept.endsWith(')') && (kept.match(/\(/g) ?? []).length >= (kept.match(/\)/g) ?? []).length) break;
		end--;
	}
	return candidate.slice(0, end);
}

export function answerParts(text: string): AnswerPart[] {
	const parts: AnswerPart[] = [];
	let last = 0;
	for (const match of text.matchAll(linkPattern)) {
		const candidate = withoutTrailingPunctuation(match[0]);
		const href = safeHref(candidate);
		if (!href) continue;
		if (match.index > last) parts.push({ text: text.slice(last, match.index) });
		parts.push({ text: candidate, href });
		last = match.index + candidate.length;
	}
	if (last < text.length) parts.push({ text: text.slice(last) });
	return parts;
}

/** The address as a link target, when it parses as http(s) with a host; undefined otherwise. */
function safeHref(candidate: string): string | undefined {
	try {
		const url = new URL(candidate);
		if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return undefined;
		return url.href;
	} catch {
		return undefined;
	}
}
