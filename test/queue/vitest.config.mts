import { defineConfig } from 'vitest/config';

// n8n in queue mode (see test/queue/README.md): Redis, PostgreSQL, an n8n main and two workers,
// all started by the test on 127.0.0.1. Only through `npm run test:queue`, never `npm test`.
export default defineConfig({
	test: {
		root: new URL('../..', import.meta.url).pathname,
		// *.spec.ts, not *.test.ts: the root config (npm test) picks up every test/**/*.test.ts.
		include: ['test/queue/**/*.spec.ts'],
		fileParallelism: false,
		sequence: { concurrent: false, shuffle: false },
		pool: 'forks',
		// Setup may install Debian packages or n8n (cold cache: ~5 min each).
		hookTimeout: 25 * 60_000,
		// The trigger scenarios stream cancellations for minutes; each test bounds its own waits.
		testTimeout: 12 * 60_000,
		retry: 0,
	},
});
