/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * vitest globalSetup: runs once in the main process, before any worker starts and after all
 * have finished.
 *
 * It creates the secret-leak log in a fresh temp dir and exports its path as WDT_LEAK_LOG, which
 * the worker processes (forks) inherit. Workers append texts and secrets to it (see
 * test/harness/leak.ts). At teardown the log is scanned; any registered secret, salt or sign
 * value found in any recorded text fails the run, with a report naming the kind of value and
 * the test and place it appeared in, never the value itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { formatLeakReport, LEAK_LOG_ENV, scanLeakLog } from './harness/leak';

export default function setup(): () => void {
	const dir = mkdtempSync(join(tmpdir(), 'wdt-leak-'));
	const logPath = join(dir, 'leak-log.jsonl');
	writeFileSync(logPath, '');
	const previous = process.env[LEAK_LOG_ENV];
	process.env[LEAK_LOG_ENV] = logPath;

	return () => {
		try {
			const findings = scanLeakLog(logPath);
			if (findings.length > 0) throw new Error(formatLeakReport(findings));
		} finally {
			if (previous === undefined) delete process.env[LEAK_LOG_ENV];
			else process.env[LEAK_LOG_ENV] = previous;
			if (process.env.WDT_KEEP_LEAK_LOG) console.log(`Secret-leak log kept at ${logPath}`);
			else rmSync(dir, { recursive: true, force: true });
		}
	};
}
