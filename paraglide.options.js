/**
 * How Paraglide compiles the interface strings: one set of options for the Vite
 * plugin (vite.config.ts) and for `npm run check` (scripts/compile-messages.ts),
 * which type-checks before anything is built.
 * English at the root, the other languages under their prefix; the admin apart.
 * @type {import('@inlang/paraglide-js').CompilerOptions}
 */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['url', 'baseLocale'],
	// The admin speaks each staff member's language whatever its address: the server
	// sets it per request, and in the browser it is the page's <html lang> (hooks.client.ts).
	routeStrategies: [{ match: '/admin/:path(.*)?', strategy: ['custom-staff', 'baseLocale'] }],
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
