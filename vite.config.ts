import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['url', 'baseLocale'],
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
	test: {
		include: ['src/**/*.test.ts', 'tests/http/**/*.test.ts'],
		environment: 'node',
		testTimeout: 20000,
		hookTimeout: 120000,
		fileParallelism: false
	}
});
