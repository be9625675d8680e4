/**
 * How Paraglide compiles the interface strings: one set of options for the Vite
 * plugin (vite.config.ts) and for `npm run check` (scripts/compile-messages.ts),
 * which type-checks before anything is built.
 * English at the root, the other languages under their prefix.
 * @type {import('@inlang/paraglide-js').CompilerOptions}
 */
export const paraglideOptions = {
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
};
