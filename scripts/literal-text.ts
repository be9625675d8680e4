import { parse } from 'svelte/compiler';

/*
 * Literal words in a Svelte component's markup: text nodes, and the attributes
 * people read (alt, title, placeholder, aria-label, label). The admin's test
 * (src/lib/admin/literal-text.test.ts) wants none: its words come from messages.
 * `npx tsx scripts/literal-text.ts FILE…` prints what each file still holds.
 */

const readAttributes = new Set(['alt', 'title', 'placeholder', 'aria-label', 'label', 'aria-description']);

const hasWords = (text: string) => /\p{L}{2,}/u.test(text.replace(/&[a-z]+;/g, ''));

/** The literal words in a component's markup, each with where it is. */
export function literalWords(source: string): string[] {
	const ast = parse(source, { modern: true });
	const found: string[] = [];
	const visit = (node: unknown): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach(visit);
		const n = node as { type?: string; data?: string; name?: string; value?: unknown; start?: number };
		if (n.type === 'Text' && typeof n.data === 'string' && hasWords(n.data)) found.push(n.data.trim().slice(0, 60));
		if (n.type === 'Attribute' && n.name && readAttributes.has(n.name) && Array.isArray(n.value)) {
			for (const part of n.value as { type: string; data?: string }[]) if (part.type === 'Text' && part.data && hasWords(part.data)) found.push(`${n.name}="${part.data.slice(0, 50)}"`);
		}
		for (const [key, value] of Object.entries(n)) {
			// Attribute values were looked at above; scripts and styles hold no markup.
			if (key === 'value' && n.type === 'Attribute') continue;
			if (key === 'instance' || key === 'module' || key === 'css') continue;
			visit(value);
		}
	};
	visit(ast.fragment);
	return found;
}


if (import.meta.url === `file://${process.argv[1]}`) {
	const { readFileSync } = await import('node:fs');
	for (const file of process.argv.slice(2)) {
		const words = literalWords(readFileSync(file, 'utf8'));
		if (words.length > 0) console.log(`${file}: ${words.length}\n  ${words.join('\n  ')}`);
	}
}
