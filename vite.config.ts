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
		// better-auth also ships Svelte bindings, which would get it bundled; bundled, its
		// imports of @noble/* would resolve to the copies pdfkit needs rather than its own.
		external: ['better-auth']
	},
	build: {
		// The build's report of which plugins took long is for someone tuning the build; on every
		// `npm start` it read like trouble. Real warnings and errors are still shown.
		rolldownOptions: { checks: { bundlerTimings: false } }
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
