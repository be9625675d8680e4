import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './paraglide.options.js';
import { worldOutlinePlugin } from './src/lib/server/shared/world-outline.plugin.ts';

export default defineConfig({
	plugins: [
		paraglideVitePlugin(paraglideOptions),
		// The world map's land outline, drawn from Natural Earth at build time: `virtual:world-outline`.
		worldOutlinePlugin(),
		sveltekit()
	],
	ssr: {
		// node:sqlite is built into Node 24 (older lists of built-ins miss it). better-auth
		// also ships Svelte bindings, which would get it bundled; bundled, its imports of
		// @noble/* would resolve to the copies pdfkit needs rather than its own.
		external: ['node:sqlite', 'better-auth']
	},
	test: {
		include: ['src/**/*.test.ts', 'tests/http/**/*.test.ts'],
		globalSetup: ['tests/support/build.global-setup.ts'],
		environment: 'node',
		testTimeout: 20000,
		hookTimeout: 120000,
		fileParallelism: false
	}
});
