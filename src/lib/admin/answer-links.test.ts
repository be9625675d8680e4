import { describe, expect, it } from 'vitest';
import { answerParts } from './answer-links';

describe('answerParts', () => {
	it('makes http and https addresses links, leaving the sentence’s punctuation outside', () => {
		expect(answerParts('See https://example.org/work. And http://a.example/x?y=1, too')).toEqual([
			{ text: 'See ' },
			{ text: 'https://example.org/work', href: 'https://example.org/work' },
			{ text: '. And ' },
			{ text: 'http://a.example/x?y=1', href: 'http://a.example/x?y=1' },
			{ text: ', too' }
		]);
	});

	it('keeps a closing bracket that belongs to the address, and drops one that closes the sentence’s', () => {
		expect(answerParts('(https://en.wikipedia.org/wiki/Mural_(art))')).toEqual([
			{ text: '(' },
			{ text: 'https://en.wikipedia.org/wiki/Mural_(art)', href: 'https://en.wikipedia.org/wiki/Mural_(art)' },
			{ text: ')' }
		]);
	});

	it('leaves every other scheme as text', () => {
		for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'mailto:ana@example.org', 'www.example.org', 'https://', 'xhttps://a.example']) {
			expect(answerParts(text).every((part) => part.href === undefined || part.href.startsWith('http')), text).toBe(true);
		}
		expect(answerParts('javascript:alert(1)')).toEqual([{ text: 'javascript:alert(1)' }]);
		expect(answerParts('')).toEqual([]);
	});
});
