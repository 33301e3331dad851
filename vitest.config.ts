import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
	resolve: {
		alias: [
			// n8n-workflow ships an ESM and a CJS build. n8n-core (CJS) requires the CJS one, and n8n
			// loads community nodes with require() too, so tests must see that same copy: otherwise
			// its error classes exist twice and n8n-core's `instanceof` checks fail on our errors.
			{ find: /^n8n-workflow$/, replacement: require.resolve('n8n-workflow') },
		],
	},
	test: {
		include: ['test/**/*.test.{ts,mts}'],
		exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// The engine tests share one simulator per file; files still run in parallel.
		pool: 'forks',
		// Creates the shared secret-leak log (WDT_LEAK_LOG) and scans it when the run ends.
		globalSetup: ['test/global-setup.ts'],
	},
});
