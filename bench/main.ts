/* eslint-disable -- bench code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * The benchmark (started by bench/run.ts): B1–B7 against the WDT simulator on loopback, one
 * table on stdout, the same figures in a JSON file. Progress goes to stderr. It never fails on
 * timing; it exits non-zero only when a scenario could not be measured (e.g. the node errored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { renderTable, type Row, type ScenarioResult } from './lib/report';
import { SimProcess } from './lib/sim-process';
import { runB1 } from './scenarios/b1-batch-cancel';
import { runB2 } from './scenarios/b2-cancelled-stockouts';
import { runB3 } from './scenarios/b3-call-overhead';
import { runB4 } from './scenarios/b4-trigger-poll';
import { runB5 } from './scenarios/b5-sales-orders';
import { runB6 } from './scenarios/b6-order-trigger';
import { runB7 } from './scenarios/b7-stock-sync';

const HELP = `npm run bench -- [flags]      (or: npx vite-node bench/run.ts [flags])

  --quick              everything small (seconds in total); every row is still printed
  --latency <ms>       latency the simulator adds to every reply (default 20)
  --out <path>         JSON results file (default bench/results.json); alias --json
  --runs <n>           measured runs per figure (default 5; quick 3), after --warmup <n> (default 1)
  --anchor-runs <n>    full-size runs of the B1 anchor (default 1; quick: as --runs; 0 skips it)
  --items <n>          B1 input items (default 10000; quick 20)
  --batch-size <n>     B1 batch size option (default 100, the node's default; quick 5)
  --only <list>        run only some scenarios, e.g. --only B1,B3
  --diagnose           run the diagnosis (variants + CPU profile) even where the goals are met
  --save-profiles <dir>  write the diagnosis CPU profiles (.cpuprofile) there
  --help`;

interface Options {
	quick: boolean;
	latencyMs: number;
	out: string;
	runs: number;
	warmup: number;
	anchorRuns: number;
	items: number;
	batchSize: number;
	only: Set<string>;
	diagnose: boolean;
	saveProfiles?: string;
}

function parseArgs(argv: string[]): Options {
	const flags = new Map<string, string | true>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}" (see --help)`);
		const [name, inline] = arg.slice(2).split('=', 2);
		if (['quick', 'diagnose', 'help'].includes(name)) flags.set(name, true);
		else {
			const value = inline ?? argv[++i];
			if (value === undefined) throw new Error(`--${name} needs a value`);
			flags.set(name, value);
		}
	}
	if (flags.has('help')) {
		console.log(HELP);
		process.exit(0);
	}
	const known = ['quick', 'latency', 'out', 'json', 'runs', 'warmup', 'anchor-runs', 'items', 'batch-size', 'only', 'diagnose', 'save-profiles'];
	for (const name of flags.keys()) if (!known.includes(name)) throw new Error(`unknown flag --${name} (see --help)`);
	const number = (name: string, fallback: number, min = 0) => {
		const raw = flags.get(name);
		if (raw === undefined) return fallback;
		const value = Number(raw);
		if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number ≥ ${min}, got "${String(raw)}"`);
		return value;
	};
	const quick = flags.has('quick');
	const runs = Math.round(number('runs', quick ? 3 : 5, 1));
	return {
		quick,
		latencyMs: number('latency', 20),
		out: resolve(String(flags.get('out') ?? flags.get('json') ?? resolve(__dirname, 'results.json'))),
		runs,
		warmup: Math.round(number('warmup', 1)),
		anchorRuns: Math.round(number('anchor-runs', quick ? runs : 1, 0)),
		items: Math.round(number('items', quick ? 20 : 10_000, 1)),
		batchSize: Math.round(number('batch-size', quick ? 5 : 100, 1)),
		only: new Set(
			String(flags.get('only') ?? 'B1,B2,B3,B4,B5,B6,B7')
				.split(',')
				.map((name) => name.trim().toUpperCase()),
		),
		diagnose: flags.has('diagnose'),
		...(flags.has('save-profiles') ? { saveProfiles: resolve(String(flags.get('save-profiles'))) } : {}),
	};
}

function machine() {
	const cpus = os.cpus();
	return {
		cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
		cpus: cpus.length,
		node: process.version,
		platform: `${os.platform()} ${os.release()} ${os.arch()}`,
		totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
	};
}

const t0 = performance.now();
const log = (line: string) =>
	process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);

const options = parseArgs(process.argv.slice(2));
const sizes = options.quick
	? { b2Records: 300, b2Hours: 6, b3Calls: 100, b4GapHours: 3, anchorWarmupCalls: 5, b5Orders: 400, b5Hours: 24, b6Orders: 150, b6GapHours: 3, b7Goods: 60 }
	: { b2Records: 20_000, b2Hours: 168, b3Calls: 2000, b4GapHours: 12, anchorWarmupCalls: 200, b5Orders: 20_000, b5Hours: 168, b6Orders: 3000, b6GapHours: 24, b7Goods: 5000 };
const host = machine();
const startedAt = new Date();
const results: ScenarioResult[] = [];
const failures: Array<{ scenario: string; error: string }> = [];
const common = { runs: options.runs, warmup: options.warmup, log };
/** Diagnostic variants run once in --quick (they only need to exist there), else like the figures. */
const diagnosis = {
	diagnose: options.diagnose,
	diagnosis: options.quick ? { runs: 1, warmup: 0 } : { runs: options.runs, warmup: options.warmup },
};
const profilePath = (name: string) => (options.saveProfiles ? join(options.saveProfiles, `${name}.cpuprofile`) : undefined);
if (options.saveProfiles) mkdirSync(options.saveProfiles, { recursive: true });

async function attempt(scenario: string, run: () => Promise<ScenarioResult>) {
	if (!options.only.has(scenario)) return;
	log(`${scenario} …`);
	try {
		results.push(await run());
	} catch (error) {
		failures.push({ scenario, error: (error as Error).stack ?? String(error) });
		log(`${scenario} could not be measured: ${(error as Error).message}`);
	}
}

await attempt('B1', () =>
	runB1({
		...common,
		items: options.items,
		batchSize: options.batchSize,
		latencyMs: options.latencyMs,
		anchorRuns: options.anchorRuns,
		anchorWarmupCalls: sizes.anchorWarmupCalls,
		...diagnosis,
		profilePath: profilePath('b1-node'),
	}),
);
await attempt('B2', () =>
	runB2({
		...common,
		...diagnosis,
		records: sizes.b2Records,
		hours: sizes.b2Hours,
		latencyMs: options.latencyMs,
		seed: 20241122,
		profilePath: profilePath('b2-node'),
	}),
);
let sim: SimProcess | undefined;
if (['B3', 'B4', 'B5', 'B6'].some((scenario) => options.only.has(scenario))) {
	log('starting the simulator process for B3–B6');
	sim = await SimProcess.start(options.latencyMs);
}
try {
	if (sim) {
		const simulator = sim;
		await attempt('B3', () =>
			runB3(simulator, { ...common, ...diagnosis, calls: sizes.b3Calls, profilePath: profilePath('b3-node') }),
		);
		await attempt('B4', () => runB4(simulator, { ...common, latencyMs: options.latencyMs, gapHours: sizes.b4GapHours }));
		await attempt('B5', () =>
			runB5(simulator, { ...common, ...diagnosis, latencyMs: options.latencyMs, orders: sizes.b5Orders, hours: sizes.b5Hours, seed: 20241123 }),
		);
		await attempt('B6', () =>
			runB6(simulator, { ...common, latencyMs: options.latencyMs, orders: sizes.b6Orders, gapHours: sizes.b6GapHours, seed: 20241124 }),
		);
	}
} finally {
	await sim?.close();
}
// One full-size round is 5,000 × latency long (≈ 2 min at 20 ms): 2 runs after none unmeasured.
await attempt('B7', () =>
	runB7({
		log,
		runs: options.quick ? options.runs : Math.min(options.runs, 2),
		warmup: options.quick ? options.warmup : 0,
		goods: sizes.b7Goods,
		latencyMs: options.latencyMs,
	}),
);

// --- output ----------------------------------------------------------------------------------
const rows: Row[] = results.flatMap((result) => result.rows);
const out: string[] = [];
out.push(
	`WDT node benchmark${options.quick ? ' (--quick: small sizes)' : ''}: simulator on loopback, +${options.latencyMs} ms per reply`,
	`machine: ${host.cpuModel} × ${host.cpus} CPUs, Node ${host.node}, ${host.platform}`,
	`each figure: median of ${options.runs} runs after ${options.warmup} warm-up (min, max shown when they differ)`,
	...(options.quick
		? ['--quick: sizes too small for the goals to mean much (fixed costs dominate), diagnostics from 1 run each; use the full run to judge']
		: []),
	...results.map((result) => `  ${result.title}`),
	'',
	renderTable(rows),
	'',
	...results.flatMap((result) => result.notes.map((note) => `- ${note}`)),
);
for (const failure of failures) out.push(`- ${failure.scenario} COULD NOT BE MEASURED: ${failure.error.split('\n')[0]}`);
const missed = rows.filter((row) => row.met === false).map((row) => row.id);
out.push(`- goals missed: ${missed.length ? missed.join(', ') : 'none'} (the benchmark reports, it never fails on timing)`);
out.push(`- results: ${options.out}`);
console.log(out.join('\n'));

mkdirSync(dirname(options.out), { recursive: true });
writeFileSync(
	options.out,
	`${JSON.stringify(
		{
			startedAt: startedAt.toISOString(),
			finishedAt: new Date().toISOString(),
			machine: host,
			options: { ...options, only: [...options.only], sizes },
			rows: rows.map((row) => ({
				id: row.id,
				scenario: row.scenario,
				figure: row.figure,
				unit: row.unit,
				median: row.value.median,
				min: row.value.min,
				max: row.value.max,
				runs: row.value.runs,
				...(row.goal !== undefined ? { goal: row.goal } : {}),
				...(row.met !== undefined ? { met: row.met } : {}),
				...(row.note !== undefined ? { note: row.note } : {}),
			})),
			scenarios: Object.fromEntries(
				results.map((result) => [result.scenario, { title: result.title, notes: result.notes, ...result.details }]),
			),
			failures,
		},
		null,
		2,
	)}\n`,
);

process.exitCode = failures.length ? 1 : 0;
// Nothing should be left open; if something is, do not hang.
setTimeout(() => process.exit(process.exitCode ?? 0), 2000).unref();
