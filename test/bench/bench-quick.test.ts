/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * `npm run bench -- --quick` end to end: every row of the table is printed and the JSON file has
 * the figures. Timings are never asserted (the benchmark reports them, it does not judge them).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'wdt-bench-'));
const out = join(dir, 'results.json');

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});

/** The rows every run prints (diagnostic rows come on top of these when a goal is missed). */
const ROWS = [
	'B1.node.calls',
	'B1.node.wall',
	'B1.anchor.calls',
	'B1.anchor.wall',
	'B1.speedup',
	'B1.floor.ms',
	'B1.floor.ratio',
	'B2.calls',
	'B2.wall',
	'B2.floor.ms',
	'B2.floor.ratio',
	'B2.rss.peak',
	'B2.rss.growth',
	'B3.raw.rate',
	'B3.node.rate',
	'B3.ratio',
	'B4.idle.calls',
	'B4.idle.cpu',
	'B4.idle.wall',
	'B4.catchup.calls',
	'B4.catchup.perHour',
	'B4.catchup.cpu',
	'B4.catchup.wall',
	'B5.calls',
	'B5.calls.lastToFirst',
	'B5.calls.empty',
	'B5.floor.ms',
	'B5.p1.wall',
	'B5.p1.cpu',
	'B5.p1.ratio',
	'B5.p4.wall',
	'B5.p4.cpu',
	'B5.p4.ratio',
	'B5.p4.latencyOnly.ratio',
	'B5.rss.peak',
	'B5.heap.peak',
	'B6.idle.calls',
	'B6.idle.cpu',
	'B6.idle.wall',
	'B6.catchup.calls',
	'B6.catchup.calls.lastToFirst',
	'B6.catchup.calls.outage',
	'B6.catchup.items',
	'B6.catchup.wall',
	'B6.catchup.rss.peak',
	'B6.catchup.heap.peak',
	'B7.calls',
	'B7.floor.ms',
	'B7.wall',
	'B7.report.wall',
	'B7.floor.ratio',
	'B7.rss.peak',
	'B7.heap.peak',
];

interface JsonRow {
	id: string;
	median: number;
	min: number;
	max: number;
	goal?: string;
	met?: boolean;
}

interface Finished {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** vite-node directly: what `npm run bench` runs after the build (which `npm test` has done). */
function runQuickBench(): Promise<Finished> {
	const env = { ...process.env };
	// The bench's own runs need not feed this test run's secret-leak log.
	delete env.WDT_LEAK_LOG;
	const child = spawn(
		process.execPath,
		[resolve(root, 'node_modules/vite-node/vite-node.mjs'), 'bench/run.ts', '--quick', '--out', out],
		{ cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	return new Promise((done, fail) => {
		child.on('error', fail);
		child.on('close', (status) => done({ status, stdout, stderr }));
	});
}

describe('npm run bench -- --quick', () => {
	let run: Finished;

	beforeAll(async () => {
		run = await runQuickBench();
	}, 240_000);

	it('finishes and exits 0', () => {
		expect(run.status, run.stderr.slice(-3000)).toBe(0);
	});

	it('prints the machine and one table with every row', () => {
		const stdout = run.stdout;
		expect(stdout).toMatch(/^machine: .+ × \d+ CPUs, Node v\d+/m);
		const header = stdout.split('\n').findIndex((line) => /^row\s+figure\s+median\s+min\s+max\s+goal\s+met$/.test(line));
		expect(header).toBeGreaterThanOrEqual(0);
		for (const id of ROWS) {
			expect(stdout, `row ${id}`).toMatch(new RegExp(`^${id.replace(/\./g, '\\.')}\\s+\\S`, 'm'));
		}
		expect(stdout).toMatch(/^- goals missed: /m);
		expect(stdout).toContain(`- results: ${out}`);
	});

	it('writes the same figures to the JSON file', () => {
		const json = JSON.parse(readFileSync(out, 'utf8')) as {
			machine: { cpuModel: string; cpus: number; node: string };
			options: { quick: boolean; latencyMs: number };
			rows: JsonRow[];
			failures: unknown[];
		};
		expect(json.machine.cpus).toBeGreaterThan(0);
		expect(json.machine.node).toBe(process.version);
		expect(json.options).toMatchObject({ quick: true, latencyMs: 20 });
		expect(json.failures).toEqual([]);
		const byId = new Map(json.rows.map((row) => [row.id, row]));
		for (const id of ROWS) {
			const row = byId.get(id);
			expect(row, `JSON row ${id}`).toBeDefined();
			for (const key of ['median', 'min', 'max'] as const) {
				expect(Number.isFinite(row?.[key]), `${id}.${key} is a number`).toBe(true);
			}
		}
		// The anchor made one call per item (20 in --quick): the bench measured what it says.
		expect(byId.get('B1.anchor.calls')?.median).toBe(20);
		// Rows with a goal say whether it is met (the value itself is not judged here).
		for (const id of ['B1.node.calls', 'B1.speedup', 'B1.floor.ratio', 'B2.calls', 'B2.floor.ratio', 'B3.ratio', 'B4.idle.calls', 'B4.catchup.calls', 'B5.calls', 'B5.p4.ratio', 'B6.idle.calls', 'B6.catchup.calls', 'B6.catchup.items', 'B7.calls']) {
			expect(typeof byId.get(id)?.met, `${id}.met`).toBe('boolean');
		}
		// B5 and B6 check their own output (every order out once, every changed order emitted
		// once) and count calls from the simulator's log: the figures are what they say.
		expect(byId.get('B6.catchup.items')).toMatchObject({ median: 150, met: true });
		expect(byId.get('B6.idle.calls')?.met).toBe(true);
		// Orders: exactly the minimum computed from the generated orders (every window of the week
		// closed before the read, so no page 0 is read twice); the trigger's catch-up likewise.
		const orderCalls = byId.get('B5.calls');
		expect(orderCalls?.min).toBe(Number(/= (\d+)/.exec(orderCalls?.goal ?? '')?.[1]));
		expect(orderCalls?.met).toBe(true);
		expect(byId.get('B6.catchup.calls')?.met).toBe(true);
		// A stock-sync round of 60 SKUs: 2 list calls, 1 batch calc, 60 reports, the minimum.
		expect(byId.get('B7.calls')).toMatchObject({ median: 63, met: true });
		// Every row the table printed is in the JSON, in the same order.
		const printed = run.stdout
			.split('\n')
			.map((line) => /^(B[1-7]\.\S+)\s/.exec(line)?.[1])
			.filter((id): id is string => id !== undefined);
		expect(json.rows.map((row) => row.id)).toEqual(printed);
	});
});
