import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/*
 * The layers of src/lib/server, and what each may import (docs/architecture.md):
 *   routes, hooks  ->  app.ts, maintenance.ts, demo/  ->  domains  ->  shared/  ->  platform/  ->  db/
 * Imports point down only; a domain does not import another domain, nor app.ts;
 * nothing in src imports the tests' helpers. Every folder of src/lib/server that is
 * not one of the fixed layers is a domain, so a new domain is held to this at once.
 */
const layers = ['db', 'platform', 'shared', 'demo'];
const domains = readdirSync(new URL('./src/lib/server', import.meta.url), { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && !layers.includes(entry.name))
	.map((entry) => entry.name);

const server = (names) => `^\\$lib/server/(?:${names.join('|')})(?:/|$)`;
const composition = '^\\$lib/server/(?:app|maintenance)$';
const testHelpers = { regex: '(?:^|/)tests/', message: 'Test helpers (tests/) are for tests only.' };

/**
 * no-restricted-imports for the files of one layer: the layers above it (by name),
 * app.ts and maintenance.ts, and the tests' helpers. A later entry for the same file
 * replaces an earlier one, so the narrower layers come after src/lib as a whole.
 */
function mayNotImport(files, forbidden, message, { extra = [], composed = false, ignores = [] } = {}) {
	const patterns = [...forbidden.map((regex) => ({ regex, message })), testHelpers, ...extra];
	if (!composed) patterns.push({ regex: composition, message: 'Only routes, hooks and scripts use app.ts; take what you need as a parameter.' });
	return { files, ignores: ['**/*.test.ts', ...ignores], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', 'node_modules/', 'data/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Migrations take Kysely<any> on purpose: they must not depend on the app's current types.
			'@typescript-eslint/no-explicit-any': 'off',
			// Links are built by localizedPath(), which adds the language prefix; the app has no base path.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		// Building an Intl formatter is slow and holds native memory: take a shared one.
		files: ['**/*.ts', '**/*.svelte'],
		ignores: ['**/*.test.ts', 'tests/**', 'src/lib/i18n/intl.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: "NewExpression[callee.type='MemberExpression'][callee.object.name='Intl']",
					message: 'Take a shared formatter from $lib/i18n/intl (dateTimeFormat, numberFormat, …) instead of building one.'
				},
				{
					selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/][arguments.length>0]",
					message: 'toLocale*String(locale, options) builds a formatter on every call: use formatDate/formatTime/formatDateTime or numberFormat from $lib/i18n/intl.'
				},
				{
					selector: "CallExpression[callee.property.name='localeCompare'][arguments.length>1]",
					message: 'localeCompare(other, locale, options) builds a collator on every call: use collator() from $lib/i18n/intl.'
				}
			]
		}
	},
	mayNotImport(['src/lib/**'], [], '', { ignores: ['src/lib/server/app.ts', 'src/lib/server/maintenance.ts'] }),
	mayNotImport(['src/lib/server/app.ts', 'src/lib/server/maintenance.ts', 'src/routes/**', 'src/hooks*.ts'], [], '', { composed: true }),
	mayNotImport(['src/lib/server/db/**'], [server(['platform', 'shared', 'demo', ...domains])], 'db/ is the lowest layer: it knows no platform, shared module or domain.'),
	mayNotImport(['src/lib/server/platform/**'], [server(['shared', 'demo', ...domains])], 'platform/ knows no domain and no shared module: pass what it needs in.'),
	mayNotImport(['src/lib/server/shared/**'], [server(['demo', ...domains])], 'shared/ serves every domain and imports none.'),
	...domains.map((domain) =>
		mayNotImport(
			[`src/lib/server/${domain}/**`],
			[server(['demo', ...domains.filter((other) => other !== domain)])],
			`A domain does not import another domain: move what both need to shared/ or platform/, or let app.ts or a route bring them together.`,
			{ extra: [{ regex: '^\\.\\./', message: 'Leave a domain folder through $lib/server/…, so the layers can be checked.' }] }
		)
	)
);
