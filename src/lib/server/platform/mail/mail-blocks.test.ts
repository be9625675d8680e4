import { describe, expect, it } from 'vitest';
import { composeMail } from './mail-blocks';

describe('a message composed from blocks', () => {
	const mail = composeMail('ne', 'दर्ता पुष्टि गर्नुहोस्', 'Micro Galleries, Kathmandu', [
		{ text: 'Hello <Asha>,\nwelcome.' },
		{ lines: ['Sat 6 Feb', { label: 'Map', href: 'https://example.org/map?a=1&b=2' }] },
		{ heading: 'Now' },
		{ button: 'Confirm', href: 'https://example.org/registrations/1.abc' },
		{ text: 'Staff wrote this', html: 'Staff wrote <span lang="en">this</span>' }
	]);

	it('spells out every address in the text part and ends with the footer', () => {
		expect(mail.text).toBe(
			['Hello <Asha>,\nwelcome.', 'Sat 6 Feb\nMap: https://example.org/map?a=1&b=2', 'Now', 'Confirm: https://example.org/registrations/1.abc', 'Staff wrote this', '--', 'Micro Galleries, Kathmandu'].join('\n\n')
		);
	});

	it('escapes text, keeps line breaks and links addresses in the HTML part', () => {
		expect(mail.html).toContain('<p>Hello &lt;Asha&gt;,<br>welcome.</p>');
		expect(mail.html).toContain('Map: <a href="https://example.org/map?a=1&amp;b=2"');
		expect(mail.html).toContain('Staff wrote <span lang="en">this</span>');
		expect(mail.html).toContain('<html lang="ne"');
	});

	it('puts the address under a button, in the reader’s language, for mail apps without buttons', () => {
		const buttons = mail.html.match(/href="https:\/\/example\.org\/registrations\/1\.abc"/g) ?? [];
		expect(buttons).toHaveLength(2);
		expect(mail.html).toContain('बटनले काम गरेन भने यो ठेगाना ब्राउजरमा टाँस्नुहोस्:');
	});
});
