import { defineConfig } from 'vitest/config';

// The end-to-end run against a real n8n (see test/e2e/README.md). Separate from the root
// config, which excludes test/e2e: these tests need the n8n install (~1.8 GB, cached) and
// spawn n8n processes, so they run only through `npm run test:e2e`.
export default defineConfig({
	test: {
		root: new URL('../..', import.meta.url).pathname,
		include: ['test/e2e/**/*.test.ts'],
		// One file at a time, tests in order: they share one n8n user folder and one simulator.
		fileParallelism: false,
		sequence: { concurrent: false, shuffle: false },
		pool: 'forks',
		// A cold cache installs n8n (~4–6 min) in the first beforeAll.
		hookTimeout: 10 * 60_000,
		// Each test runs one or more n8n CLI boots (4–8 s each) or waits for trigger polls.
		testTimeout: 4 * 60_000,
		// A failure here is a real problem; re-running would only hide it.
		retry: 0,
	},
});
