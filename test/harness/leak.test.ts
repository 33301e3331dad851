/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createEngine } from './engine';
import { startFakeWdtServer } from './fixtures/fake-wdt-server';
import { HarnessProbe } from './fixtures/test-nodes';
import {
	formatLeakReport,
	LEAK_LOG_ENV,
	MIN_SECRET_LENGTH,
	parseLeakLog,
	recordError,
	recordItems,
	recordSecretValues,
	recordText,
	scanForLeaks,
	scanLeakLog,
	type LeakRecord,
} from './leak';

const secret = (kind: string, value: string): LeakRecord => ({ type: 'secret', kind, value });
const text = (kind: string, context: string, body: string): LeakRecord => ({ type: 'text', kind, context, text: body });

it('the globalSetup gave this worker the shared leak log', () => {
	expect(process.env[LEAK_LOG_ENV]).toMatch(/wdt-leak-.*leak-log\.jsonl$/);
});

describe('scanForLeaks', () => {
	it('finds a secret that appears as is, and names kind and place', () => {
		const findings = scanForLeaks([
			secret('credential salt', 'salt-value-123'),
			text('error message', 'test A > runNode', 'request failed: ?salt=salt-value-123&x=1'),
			text('output item', 'test B > runNode', '{"ok":true}'),
		]);
		expect(findings).toEqual([
			{ secretKind: 'credential salt', textKind: 'error message', context: 'test A > runNode', form: 'as is' },
		]);
	});

	it('finds JSON-escaped and URL-encoded forms', () => {
		const quoted = 'se"cr\\et-42';
		const spaced = 'secret with spaces/+';
		const findings = scanForLeaks([
			secret('credential secret', quoted),
			secret('credential secret', spaced),
			text('error (serialized)', 'json', JSON.stringify({ message: `bad ${quoted}` })),
			text('error message', 'url', `GET /x?s=${encodeURIComponent(spaced)}`),
		]);
		expect(findings.map((finding) => [finding.context, finding.form])).toEqual([
			['json', 'JSON-escaped'],
			['url', 'URL-encoded'],
		]);
	});

	it(`ignores values shorter than ${MIN_SECRET_LENGTH} characters`, () => {
		const findings = scanForLeaks([secret('credential salt', 'ab'), text('output item', 'x', 'abcabc')]);
		expect(findings).toEqual([]);
	});

	it('reports each (secret kind, text kind, place) once', () => {
		const findings = scanForLeaks([
			secret('sign', '0123456789abcdef'),
			secret('sign', '0123456789abcdef'),
			text('output item', 'same place', '0123456789abcdef 0123456789abcdef'),
			text('output item', 'same place', 'again 0123456789abcdef'),
		]);
		expect(findings).toHaveLength(1);
	});

	it('finds nothing in clean texts', () => {
		expect(scanForLeaks([secret('sign', 'fedcba9876543210'), text('output item', 'x', '{"status":0}')])).toEqual([]);
	});
});

describe('formatLeakReport', () => {
	it('names what leaked and where, never the value', () => {
		const value = 'very-secret-salt-777';
		const report = formatLeakReport(
			scanForLeaks([secret('credential salt', value), text('error stack', 'test/x.test.ts > "fails" > runNode', `at ${value}`)]),
		);
		expect(report).toContain('credential salt');
		expect(report).toContain('error stack');
		expect(report).toContain('test/x.test.ts > "fails" > runNode');
		expect(report).not.toContain(value);
	});
});

describe('parseLeakLog', () => {
	it('keeps a line that is not JSON as a raw text, so it is still searched', () => {
		const records = parseLeakLog(
			[
				JSON.stringify(secret('sign', 'abcdef0123456789')),
				'{"type":"text","kind":"output item","context":"cut off","text":"abcdef0123456789',
				'',
			].join('\n'),
		);
		expect(records).toHaveLength(2);
		expect(scanForLeaks(records)).toEqual([
			{ secretKind: 'sign', textKind: 'raw line', context: 'leak log line 2', form: 'as is' },
		]);
	});
});

describe('the leak log file', () => {
	let dir: string;
	let logPath: string;
	let previous: string | undefined;

	// Use a private log, so that the deliberate leaks below do not fail the whole run.
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'wdt-leak-test-'));
		logPath = join(dir, 'log.jsonl');
		writeFileSync(logPath, '');
		previous = process.env[LEAK_LOG_ENV];
		process.env[LEAK_LOG_ENV] = logPath;
	});

	afterEach(() => {
		if (previous === undefined) delete process.env[LEAK_LOG_ENV];
		else process.env[LEAK_LOG_ENV] = previous;
		rmSync(dir, { recursive: true, force: true });
	});

	it('collects secrets, errors and items, with the current test title as context', () => {
		recordSecretValues(['s3cr3t-value-1', 'x'], 'credential secret');
		recordItems('runNode node "WDT"', [[{ json: { fine: true } }, { json: { oops: 's3cr3t-value-1' } }]]);
		recordError('runNode node "WDT" error', Object.assign(new Error('clean message'), { description: 'clean' }));
		recordText('log message', 'n8n log (warn)', 'nothing here');

		const records = parseLeakLog(readFileSync(logPath, 'utf8'));
		expect(records.filter((record) => record.type === 'secret')).toHaveLength(1); // 'x' is too short
		const findings = scanLeakLog(logPath);
		expect(findings).toHaveLength(1);
		expect(findings[0].textKind).toBe('output item');
		expect(findings[0].context).toContain('collects secrets, errors and items');
		expect(findings[0].context).toContain('output 0 item 1');
	});

	it('catches a secret that a node run puts into its output', async () => {
		const server = await startFakeWdtServer();
		try {
			// A WDT reply that echoes the salt back: the probe copies the reply into its output.
			server.reply((request) => ({ body: { status: 0, data: { echo: request.query.salt } } }));
			const engine = createEngine({ nodes: [HarnessProbe] });
			const { outputs } = await engine.runNode({
				type: 'harnessProbe',
				credentials: {
					wdtApi: {
						sid: 'leak-sid',
						key: 'leak-key',
						secret: 'leak-secret-31415926',
						salt: 'leak-salt-27182818',
						environment: 'custom',
						baseUrl: server.baseUrl,
					},
				},
			});
			expect(outputs[0]).toHaveLength(1);
		} finally {
			await server.close();
		}
		const findings = scanLeakLog(logPath);
		expect(findings).toEqual([
			expect.objectContaining({ secretKind: 'credential salt', textKind: 'output item' }),
		]);
		expect(findings[0].context).toContain('runWorkflow node "Node" run 0 output 0 item 0');
	});

	it('stays line-valid when several processes append at once', async () => {
		// What parallel vitest forks do: many appendFileSync calls on one O_APPEND file.
		const script = `
			const { appendFileSync } = require('node:fs');
			const text = 'x'.repeat(20000);
			for (let i = 0; i < 100; i++) {
				appendFileSync(process.argv[1], JSON.stringify({ type: 'text', kind: 'output item', context: process.pid + ':' + i, text }) + '\\n');
			}`;
		await Promise.all(
			Array.from({ length: 4 }, () =>
				new Promise<void>((resolve, reject) => {
					const child = spawn(process.execPath, ['-e', script, logPath], { stdio: 'ignore' });
					child.on('error', reject);
					child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited with ${code}`))));
				}),
			),
		);
		const lines = readFileSync(logPath, 'utf8').split('\n').filter(Boolean);
		expect(lines).toHaveLength(400);
		expect(parseLeakLog(lines.join('\n')).every((record) => record.kind === 'output item')).toBe(true);
	});
});
