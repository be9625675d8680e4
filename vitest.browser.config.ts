import { defineConfig } from 'vitest/config';

// Browser journeys in real Chromium (playwright-core driving Debian's chromium,
// or the one named by CHROMIUM_PATH), against the built app.
export default defineConfig({
	test: {
		include: ['tests/browser/**/*.test.ts'],
		globalSetup: ['tests/support/build.global-setup.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		fileParallelism: false
	}
});
