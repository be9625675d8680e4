import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// Hashes, not nonces: a page's HTML stays identical between requests, so its
		// ETag holds and a cached copy can be served as it is.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'base-uri': ['none'],
				'object-src': ['none'],
				'frame-ancestors': ['none']
			}
		},
		// The same check runs in hooks.server.ts, which lets the one-click unsubscribe
		// address (RFC 8058: mail providers POST to it without an Origin) through.
		csrf: { trustedOrigins: ['*'] },
		inlineStyleThreshold: 0,
		paths: { relative: false },
		alias: { $messages: 'src/lib/paraglide/messages.js' },
		// The scripts (start, benchmarks, admin) are type-checked with the app.
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push('../scripts/**/*.ts');
			}
		}
	}
};

export default config;
