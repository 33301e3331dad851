/* eslint-disable -- bench code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * `npm run bench` entry (`vite-node bench/run.ts [flags]`).
 *
 * A plain `vite-node` has no config, and without the n8n-workflow alias of bench/vite.config.ts
 * (the one vitest.config.ts has) n8n-workflow cannot be loaded from TypeScript sources. So this
 * file only starts the real benchmark, bench/main.ts, in a vite-node child with that config and
 * passes the flags, the output and the exit code through. Flags: see bench/README.md or --help.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');
const viteNode = resolve(root, 'node_modules/vite-node/vite-node.mjs');

const child = spawn(
	process.execPath,
	[
		'--expose-gc',
		viteNode,
		'--config',
		resolve(root, 'bench/vite.config.ts'),
		resolve(root, 'bench/main.ts'),
		...process.argv.slice(2),
	],
	{ cwd: root, stdio: 'inherit' },
);

const forward = (signal: NodeJS.Signals) => () => {
	child.kill(signal);
};
process.on('SIGINT', forward('SIGINT'));
process.on('SIGTERM', forward('SIGTERM'));

await new Promise<void>((done) => {
	child.on('exit', (code, signal) => {
		process.exitCode = code ?? (signal ? 1 : 0);
		done();
	});
});
process.exit(process.exitCode ?? 0);
