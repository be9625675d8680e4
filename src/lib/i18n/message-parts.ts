/*
 * A message with a link inside it ("Write to us at {email}."): the text before
 * and after the placeholder, wherever the language puts it, so the page can
 * write the link itself between them.
 */
const marker = '\u0000';

export function aroundPlaceholder(render: (placeholder: string) => string): [before: string, after: string] {
	const [before = '', after = ''] = render(marker).split(marker);
	return [before, after];
}

/** Text split into plain runs and e-mail addresses, so each address can become a mailto: link. */
export function withEmailAddresses(text: string): { text: string; email: boolean }[] {
	return text
		.split(/([^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,})(?=$|[\s.,;:!?)])/i)
		.map((part, index) => ({ text: part, email: index % 2 === 1 }))
		.filter((part) => part.text !== '');
}
