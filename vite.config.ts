import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['url', 'baseLocale'],
			trailingSlash: 'never',
			urlPatterns: [
				{
					pattern: '/:path(.*)?',
					localized: [
						['ne', '/ne/:path(.*)?'],
						['id', '/id/:path(.*)?'],
						['es', '/es/:path(.*)?'],
						['en', '/:path(.*)?']
					]
				}
			]
		}),
		sveltekit()
	],
	// Built into Node 24; older bundler lists of built-ins do not know it yet.
	ssr: { external: ['node:sqlite'] },
	test: {
		include: ['src/**/*.test.ts', 'tests/http/**/*.test.ts'],
		globalSetup: ['tests/support/build.global-setup.ts'],
		environment: 'node',
		testTimeout: 20000,
		hookTimeout: 120000,
		fileParallelism: false
	}
});
