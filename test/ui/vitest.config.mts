import { defineConfig } from 'vitest/config';

// The browser test of the real n8n editor (`npm run test:ui`, see docs/development.md). Separate from
// the root config, which excludes test/ui: it needs the n8n install (cached, as for test/e2e), a
// Chromium, and starts n8n once per version.
export default defineConfig({
	test: {
		root: new URL('../..', import.meta.url).pathname,
		include: ['test/ui/**/*.test.ts'],
		fileParallelism: false,
		sequence: { concurrent: false, shuffle: false },
		pool: 'forks',
		// Starting one environment: pack + install the package, imports, `n8n start` (~1 min; a cold
		// n8n cache installs n8n first, 5–15 min).
		hookTimeout: 20 * 60_000,
		// A trigger step waits for polls (a minute apart on n8n 2.x).
		testTimeout: 5 * 60_000,
		retry: 0,
	},
});
