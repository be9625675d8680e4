import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { literalWords } from '../../../scripts/literal-text';
import { describe, expect, it } from 'vitest';

/*
 * The admin speaks each person's language, so its components hold no words of
 * their own: every text comes from a message (m.…()). This walks every admin
 * component's markup and lists the text nodes and the attributes people read
 * (alt, title, placeholder, aria-label, label) written as literal words.
 * Components not translated yet are listed below; the list only shrinks.
 */

const root = join(import.meta.dirname, '..', '..', '..');
const folders = ['src/routes/admin', 'src/lib/admin'];

/** Components still written in English: each one translated leaves this list. */
const notYetTranslated = new Set<string>(JSON.parse(readFileSync(join(import.meta.dirname, 'literal-text-pending.json'), 'utf8')));

function components(folder: string): string[] {
	return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.svelte'))
		.map((entry) => relative(root, join(entry.parentPath, entry.name)))
		.sort();
}

describe('literal words in admin components', () => {
	const all = folders.flatMap(components);

	it.each(all.filter((file) => !notYetTranslated.has(file)))('%s has none', (file) => {
		expect(literalWords(readFileSync(join(root, file), 'utf8'))).toEqual([]);
	});

	it('lists as not yet translated only components that exist and still hold words', () => {
		const stale = [...notYetTranslated].filter((file) => !all.includes(file) || literalWords(readFileSync(join(root, file), 'utf8')).length === 0);
		expect(stale).toEqual([]);
	});

	it('finds words where they are', () => {
		expect(literalWords('<p>Hello</p><img alt="A lane" src="x" /><p>{m.hello()}</p><input placeholder={m.x()} />')).toEqual(['Hello', 'alt="A lane"']);
	});
});
