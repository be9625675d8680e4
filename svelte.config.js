import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * adapter-node, minus one warning that says nothing is wrong. It bundles the
 * server with rollup, keeping each of the app's server files as its own chunk, and
 * a file whose code is all tree-shaken away there (SvelteKit's env module, a
 * module whose one export only the browser uses) becomes "Generated an empty
 * chunk". Every other message of the bundler passes through.
 * @param {import('@sveltejs/kit').Adapter} base
 * @returns {import('@sveltejs/kit').Adapter}
 */
function withoutEmptyChunkWarnings(base) {
	return {
		...base,
		async adapt(builder) {
			const warn = console.warn;
			console.warn = (...args) => {
				if (args.length === 1 && typeof args[0] === 'string' && /^Generated an empty chunk: "[^"\n]+"\.?$/.test(args[0])) return;
				warn(...args);
			};
			try {
				await base.adapt(builder);
			} finally {
				console.warn = warn;
			}
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: withoutEmptyChunkWarnings(adapter({ out: 'build', precompress: true })),
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
