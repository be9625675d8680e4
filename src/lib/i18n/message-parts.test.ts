import { describe, expect, it } from 'vitest';
import { aroundPlaceholder, withEmailAddresses } from './message-parts';

describe('aroundPlaceholder', () => {
	it('gives the text before and after the placeholder, wherever it stands', () => {
		expect(aroundPlaceholder((email) => `Write to us at ${email}.`)).toEqual(['Write to us at ', '.']);
		expect(aroundPlaceholder((email) => `${email} मा लेख्नुहोस्।`)).toEqual(['', ' मा लेख्नुहोस्।']);
	});
});

describe('withEmailAddresses', () => {
	it('finds the addresses in staff-written text, leaving the punctuation after them as text', () => {
		expect(withEmailAddresses('Write to gifts@example.org. Or call us.')).toEqual([
			{ text: 'Write to ', email: false },
			{ text: 'gifts@example.org', email: true },
			{ text: '. Or call us.', email: false }
		]);
		expect(withEmailAddresses('Bank transfer to account 123.')).toEqual([{ text: 'Bank transfer to account 123.', email: false }]);
	});
});
