import { defineConfig } from 'vitest/config';

// The "require" entry of n8n-workflow's package.json exports.
const n8nWorkflowCjs = decodeURIComponent(
	new URL('./node_modules/n8n-workflow/dist/cjs/index.js', import.meta.url).pathname,
);

export default defineConfig({
	resolve: {
		alias: [
			// n8n-workflow ships an ESM and a CJS build. n8n-core (CJS) requires the CJS one, and n8n
			// loads community nodes with require() too, so tests must see that same copy: otherwise
			// its error classes exist twice and n8n-core's `instanceof` checks fail on our errors.
			{ find: /^n8n-workflow$/, replacement: n8nWorkflowCjs },
		],
	},
	test: {
		include: ['test/**/*.test.{ts,mts}'],
		exclude: ['test/e2e/**', 'test/ui/**', 'node_modules/**', 'dist/**'],
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// The engine tests share one simulator per file; files still run in parallel.
		pool: 'forks',
		// Creates the shared secret-leak log (WDT_LEAK_LOG) and scans it when the run ends.
		globalSetup: ['test/global-setup.ts'],
		// n8n's 250 ms regex timeout, widened against CPU starvation only (see the file).
		setupFiles: ['test/setup/safe-regex.ts'],
	},
});
