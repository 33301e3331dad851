import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// The engine tests share one simulator per file; files still run in parallel.
		pool: 'forks',
	},
});
