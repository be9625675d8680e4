import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Svelte drops the white space at the start and end of a block's content, so
 * `artist_statement.{#if new} Leave empty…{/if}` renders "artist_statement.Leave
 * empty…": the space a sentence needs must stand outside the block.
 * This finds every text that runs into a block that way, in every component.
 */

const root = join(import.meta.dirname, '..');

function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return entry === 'paraglide' ? [] : svelteFiles(path);
		return entry.endsWith('.svelte') ? [path] : [];
	});
}

/** Markup only: scripts and styles are code, where `{#if` does not occur. */
function markupOf(source: string): string {
	return source.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, (block) => block.replace(/[^\n]/g, ' '));
}

/** A tag that opens a block: {#if …}. (An {:else} branch never shows beside the text before it.) */
const branchOpening = /\{#if\b[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g;

function runTogether(source: string): { line: number; text: string }[] {
	const markup = markupOf(source);
	const found: { line: number; text: string }[] = [];
	const report = (index: number) => {
		const line = markup.slice(0, index).split('\n').length;
		found.push({ line, text: source.split('\n')[line - 1]!.trim() });
	};
	for (const match of markup.matchAll(branchOpening)) {
		const before = markup[match.index - 1] ?? '\n';
		const after = markup[match.index + match[0].length] ?? '';
		// Text or a value right before the block, and a space (which Svelte drops) opening its content.
		if (/\s/.test(before) || before === '>' || !/[ \t\n]/.test(after)) continue;
		// A space that is followed only by the block's end, or by another tag, separates nothing.
		const rest = markup.slice(match.index + match[0].length).trimStart();
		if (rest.startsWith('{/if}') || rest.startsWith('{:else')) continue;
		report(match.index);
	}
	// And at the end: `{#if a}foo {/if}bar`.
	for (const match of markup.matchAll(/[ \t\n]+\{\/if\}(?=[^\s<{]|\{(?![/:#]))/g)) {
		const beforeSpace = markup[match.index - 1] ?? '';
		if (/[^\s>}]/.test(beforeSpace) || beforeSpace === '}') report(match.index);
	}
	return found;
}

describe('spaces around conditional text', () => {
	it('are caught by the check (its own examples)', () => {
		expect(runTogether('<p>like artist_statement.{#if a} Leave empty.{/if}</p>')).toHaveLength(1);
		expect(runTogether('<dt>{label}{#if contact} <span>(contact)</span>{/if}</dt>')).toHaveLength(1);
		expect(runTogether('<p>Saved.{#if moved}\n\t\tIt moved.{/if}</p>')).toHaveLength(1);
		expect(runTogether('<p>{#if a}one {/if}two</p>')).toHaveLength(1);
		expect(runTogether('<a>{#if label}<span>{label}</span>: {/if}{message}</a>')).toHaveLength(1);
		expect(runTogether("<p>Saved.{#if moved}{' '}It moved.{/if}</p>")).toEqual([]);
		expect(runTogether('<p>Saved. {#if moved}It moved.{/if}</p>')).toEqual([]);
		expect(runTogether('<p>\n\t{#if a}\n\t\t<b>x</b>\n\t{/if}\n</p>')).toEqual([]);
	});

	it('never run text together in any component', () => {
		const problems = svelteFiles(root).flatMap((file) =>
			runTogether(readFileSync(file, 'utf8')).map(({ line, text }) => `${relative(root, file)}:${line}: ${text}`)
		);
		expect(problems).toEqual([]);
	});
});
