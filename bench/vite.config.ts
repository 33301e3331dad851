/* eslint-disable -- bench code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * Vite config for the benchmark process (bench/run.ts starts `vite-node --config bench/vite.config.ts`).
 * Same alias as vitest.config.ts: n8n-core requires n8n-workflow's CJS build, so our node code
 * must get that same copy (one set of error classes); vite-node cannot load the ESM build at all.
 */
import { defineConfig } from 'vite';

const n8nWorkflowCjs = decodeURIComponent(
	new URL('../node_modules/n8n-workflow/dist/cjs/index.js', import.meta.url).pathname,
);

export default defineConfig({
	resolve: { alias: [{ find: /^n8n-workflow$/, replacement: n8nWorkflowCjs }] },
});
