/* eslint-disable -- bench code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * B5 a week of sales orders: N orders modified unevenly over H hours (quiet nights, busy
 * evenings, one sale day with a peak hour over many pages), read with Sales Order → Get Many
 * (sales.TradeQuery.queryWithDetail, 60-minute windows), Return All, at Parallel Requests 1 and
 * 4. Calls are compared with the least any client could make with the page's window and page
 * limits, computed from the generated orders alone: Σ over the hour windows of
 * max(1, ⌈orders/page size⌉). Wall time is compared with the sequential floor (that minimum ×
 * latency). The simulator runs in its own process (bench/sim-child.ts), as WDT runs on another
 * machine: its CPU is not counted as the client's, and the memory figures are the client's. When
 * the goal at Parallel Requests 4 is missed (or with --diagnose), it is measured once more with
 * n8n's HTTP stack sharing one keep-alive agent (lib/keepalive-patch.ts, bench process only).
 */
import { getCatalogMethod } from '../../nodes/shared/catalog';
import { HOUR_MS, parseWdtTime, WDT_MAX_PAGE_SIZE } from '../../nodes/shared/protocol';
import { catalogPaging } from '../../nodes/shared/transport/search';
import { SALES_ORDER } from '../../nodes/shared/records';
import { seededRandom } from '../../test/simulator';
import { keepAliveExperiment } from '../lib/diagnose';
import { runWdtNode } from '../lib/engine';
import type { Row, ScenarioResult } from '../lib/report';
import type { LoggedCall, SimProcess } from '../lib/sim-process';
import { constant, noiseNote, repeat, summarize } from '../lib/stats';
import {
	countInWindow,
	lastToFirstPages,
	minimumPages,
	orderHourWeights,
	ordersByHour,
	readEngineMakespan,
	spreadByWeight,
	withMemoryPeak,
	type MemoryPeak,
} from '../lib/workload';

const ORDER_METHOD = SALES_ORDER.method;

export interface B5Options {
	orders: number;
	hours: number;
	latencyMs: number;
	runs: number;
	warmup: number;
	seed: number;
	log: (line: string) => void;
	/** Diagnose even when the goal is met. */
	diagnose: boolean;
	/** Runs of the diagnostic variant. */
	diagnosis: { runs: number; warmup: number };
}

/** Parallel Requests settings measured; the goal is on the last. */
const PARALLEL = [1, 4] as const;
const GOAL_PARALLEL = PARALLEL[PARALLEL.length - 1];
const PARALLEL_GOAL = 0.35;

interface OrderRun {
	parallel: number;
	/** n8n's executionTime of the node. */
	ms: number;
	harnessMs: number;
	/** CPU of the bench process (engine, node, harness) during the run. */
	cpuMs: number;
	calls: number;
	/** Calls whose window holds no order. */
	emptyWindowCalls: number;
	simulatorMs: number;
	memory: MemoryPeak;
}

/** The page size: the catalog's (the method page's) maximum when it states one, else WDT's 100. */
export function orderPageSize(): number {
	return Math.min(getCatalogMethod(ORDER_METHOD)?.maxPageSize ?? WDT_MAX_PAGE_SIZE, WDT_MAX_PAGE_SIZE);
}

/** Orders per logged call's window; throws on a call that is not a successful order query. */
function windowCounts(calls: LoggedCall[], modifiedMs: readonly number[]): number[] {
	return calls.map((call) => {
		if (call.method !== ORDER_METHOD || call.status !== '0')
			throw new Error(`B5: unexpected request ${call.method} → ${call.status}`);
		const startMs = call.start === undefined ? undefined : parseWdtTime(call.start);
		const endMs = call.end === undefined ? undefined : parseWdtTime(call.end);
		if (startMs === undefined || endMs === undefined) throw new Error('B5: an order query without a window');
		if (endMs - startMs > HOUR_MS) throw new Error(`B5: a window longer than 60 minutes: ${call.start} to ${call.end}`);
		return countInWindow(modifiedMs, startMs, endMs);
	});
}

export async function runB5(sim: SimProcess, options: B5Options): Promise<ScenarioResult> {
	const { orders: total, hours, latencyMs, log } = options;
	await sim.setLatency(latencyMs);
	const random = seededRandom(options.seed);
	// The range ends at the last full hour before now, so every order is already visible.
	const endMs = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - HOUR_MS;
	const startMs = endMs - hours * HOUR_MS;
	const saleDay = Math.floor(hours / 24 / 2);
	const counts = spreadByWeight(orderHourWeights(startMs, hours, random, saleDay), total);
	const orders = ordersByHour(startMs, counts, random);
	await sim.setTrades(orders);
	const modifiedMs = orders.map((order) => order.modifiedMs);

	// The least any client can do: each hour of the range is one window (WDT allows 60 minutes),
	// each window at least one call (an empty window answers with one), then full pages.
	const pageSize = orderPageSize();
	const perWindow = Array.from({ length: hours }, (_, hour) =>
		countInWindow(modifiedMs, startMs + hour * HOUR_MS, startMs + (hour + 1) * HOUR_MS),
	);
	const minimumCalls = perWindow.reduce((sum, count) => sum + minimumPages(count, pageSize), 0);
	const lastToFirstCalls = perWindow.reduce((sum, count) => sum + lastToFirstPages(count, pageSize), 0);
	const pagesLastToFirst = catalogPaging(ORDER_METHOD).order === 'lastToFirst';
	const emptyWindows = perWindow.filter((count) => count === 0).length;
	const multiPageWindows = perWindow.filter((count) => count > pageSize).length;
	const maxPerWindow = Math.max(...perWindow);
	const floorMs = minimumCalls * latencyMs;
	// The engine's own schedule at pure latency: windows in order, n at a time; in a window that
	// closed before the read (all of them here), page 0 first, then at Parallel Requests > 1 the
	// other pages together; all requests share n slots. What Parallel Requests n could reach with
	// no CPU cost. Closed windows need no second page-0 read (pageThrough's `closed`).
	const windowPages = perWindow.map((count) => minimumPages(count, pageSize));
	const latencyOnlyMs = (parallel: number) => readEngineMakespan(windowPages, parallel, latencyMs, parallel > 1);

	const readOnce = async (parallel: number): Promise<OrderRun> => {
		await sim.clearRequests();
		const cpuBefore = process.cpuUsage();
		const { result: run, memory } = await withMemoryPeak(
			async () =>
				await runWdtNode(
					sim.url,
					{
						resource: 'salesOrder',
						operation: 'getMany',
						startTime: new Date(startMs).toISOString(),
						endTime: new Date(endMs).toISOString(),
						returnAll: true,
						options: { parallelRequests: parallel },
					},
					[{}],
				),
		);
		const cpu = process.cpuUsage(cpuBefore);
		if (run.error) throw new Error(`B5 node failed: ${run.error.message}`);
		const out = run.outputs[0] ?? [];
		if (out.length !== total) throw new Error(`B5 node: ${out.length} orders out, expected ${total}`);
		const ids = new Set(out.map((item) => item.json.trade_id));
		if (ids.size !== total) throw new Error(`B5 node: ${ids.size} distinct orders out of ${total}`);
		const calls = await sim.log();
		const count = await sim.count();
		return {
			parallel,
			ms: run.nodeMs,
			harnessMs: run.harnessMs,
			cpuMs: (cpu.user + cpu.system) / 1000,
			calls: calls.length,
			emptyWindowCalls: windowCounts(calls, modifiedMs).filter((count) => count === 0).length,
			simulatorMs: count.simulatorMs,
			memory,
		};
	};

	const byParallel = new Map<number, OrderRun[]>();
	for (const parallel of PARALLEL) {
		byParallel.set(parallel, await repeat(`B5 node, Parallel Requests ${parallel}`, options, async () => await readOnce(parallel), log));
	}
	const all = [...byParallel.values()].flat();
	const calls = summarize(all.map((run) => run.calls));
	const rows: Row[] = [
		{
			id: 'B5.calls',
			scenario: 'B5',
			figure: `node: calls for ${total} orders / ${hours} h (Parallel Requests ${PARALLEL.join(' and ')})`,
			unit: 'calls',
			value: calls,
			goal: `= ${minimumCalls} (minimum)`,
			met: calls.min === minimumCalls && calls.max === minimumCalls,
		},
		{
			id: 'B5.calls.lastToFirst',
			scenario: 'B5',
			figure: 'calls if every multi-page window read page 0 again (open windows do)',
			unit: 'calls',
			value: constant(lastToFirstCalls),
		},
		{
			id: 'B5.calls.empty',
			scenario: 'B5',
			figure: `node: calls for empty windows (${emptyWindows} of ${hours})`,
			unit: 'calls',
			value: summarize(all.map((run) => run.emptyWindowCalls)),
		},
		{ id: 'B5.floor.ms', scenario: 'B5', figure: 'sequential floor (minimum × latency)', unit: 'ms', value: constant(floorMs) },
	];
	for (const parallel of PARALLEL) {
		const runs = byParallel.get(parallel)!;
		const wall = summarize(runs.map((run) => run.ms));
		const ratio = latencyMs > 0 ? summarize(runs.map((run) => run.ms / floorMs)) : constant(Number.NaN);
		const goal = parallel === GOAL_PARALLEL;
		rows.push(
			{ id: `B5.p${parallel}.wall`, scenario: 'B5', figure: `node: wall time, Parallel Requests ${parallel}`, unit: 'ms', value: wall },
			{
				id: `B5.p${parallel}.cpu`,
				scenario: 'B5',
				figure: `bench process CPU during the run, Parallel Requests ${parallel}`,
				unit: 'ms',
				value: summarize(runs.map((run) => run.cpuMs)),
			},
			{
				id: `B5.p${parallel}.ratio`,
				scenario: 'B5',
				figure: `Parallel Requests ${parallel}: node time / floor`,
				unit: 'x',
				value: ratio,
				...(goal ? { goal: `≤ ${PARALLEL_GOAL}×`, met: latencyMs > 0 ? ratio.median <= PARALLEL_GOAL : undefined } : {}),
			},
			{
				id: `B5.p${parallel}.latencyOnly.ratio`,
				scenario: 'B5',
				figure: `Parallel Requests ${parallel} at pure latency (the engine's schedule of the minimum calls, no CPU) / floor`,
				unit: 'x',
				value: constant(latencyMs > 0 ? latencyOnlyMs(parallel) / floorMs : Number.NaN),
			},
		);
	}
	rows.push(
		{
			id: 'B5.sim.ms',
			scenario: 'B5',
			figure: "simulator's own time, Parallel Requests 1 (its process)",
			unit: 'ms',
			value: summarize(byParallel.get(1)!.map((run) => run.simulatorMs)),
		},
		{ id: 'B5.rss.peak', scenario: 'B5', figure: 'peak RSS during a run (bench process)', unit: 'MB', value: summarize(all.map((run) => run.memory.rssMb)) },
		{ id: 'B5.rss.growth', scenario: 'B5', figure: 'RSS growth during a run', unit: 'MB', value: summarize(all.map((run) => run.memory.rssGrowthMb)) },
		{ id: 'B5.heap.peak', scenario: 'B5', figure: 'peak V8 heap in use during a run', unit: 'MB', value: summarize(all.map((run) => run.memory.heapMb)) },
		{ id: 'B5.heap.growth', scenario: 'B5', figure: 'heap growth during a run', unit: 'MB', value: summarize(all.map((run) => run.memory.heapGrowthMb)) },
	);

	const medianCalls = calls.median;
	const median = (parallel: number, pick: (run: OrderRun) => number) => summarize(byParallel.get(parallel)!.map(pick)).median;
	const [p1, p1Cpu, p1Sim] = [median(1, (run) => run.ms), median(1, (run) => run.cpuMs), median(1, (run) => run.simulatorMs)];
	const p4 = median(GOAL_PARALLEL, (run) => run.ms);
	const p4Cpu = median(GOAL_PARALLEL, (run) => run.cpuMs);
	const p4Sim = median(GOAL_PARALLEL, (run) => run.simulatorMs);
	const peakPages = minimumPages(maxPerWindow, pageSize);
	const notes = [
		`B5: ${hours} one-hour windows, ${emptyWindows} empty, ${multiPageWindows} over one page, up to ${maxPerWindow} orders in one (${minimumPages(maxPerWindow, pageSize)} pages of ${pageSize}; ` +
			`${getCatalogMethod(ORDER_METHOD)?.maxPageSize === undefined ? "the catalog states no maximum for this method, so WDT's general 100" : 'the catalog\'s maximum'}); no order on a boundary second. ` +
			`Minimum = Σ over the windows of max(1, ⌈orders / ${pageSize}⌉), from the generated orders alone.`,
		`B5 calls beyond the minimum: ${medianCalls - minimumCalls} (median). ` +
			(pagesLastToFirst
				? `The read pages last-to-first, as the method's page advises (从后往前翻页 avoids missed orders): page 0 for the total, then the last page back to page 1. ` +
					'A window still open reads page 0 again at the end (an order changed while it is paged slides the rows behind it towards page 0); ' +
					`a window that closed before the read began, whose pages all report page 0's total, does not: a change moves an order out of it, which the total shows. ` +
					`Reading page 0 again in every multi-page window would cost ${lastToFirstCalls}.`
				: 'The read pages forward.'),
		`B5 empty windows: ${emptyWindows} calls answer an empty hour (quiet nights). They are part of the minimum: the page allows at most 60 minutes per call and documents no cheaper way to learn that an hour is empty ` +
			'(a page_size of 1 is still a call), so no honest read can skip them.',
		`B5 floor: ${minimumCalls} × ${latencyMs} ms = ${floorMs.toFixed(0)} ms; with the node's own ${medianCalls} calls it would be ${(medianCalls * latencyMs).toFixed(0)} ms, ` +
			`and Parallel Requests ${GOAL_PARALLEL} at ${((medianCalls * latencyMs) / GOAL_PARALLEL).toFixed(0)} ms would be ${(1 / GOAL_PARALLEL).toFixed(2)}× that (measured ${p4.toFixed(0)} ms). ` +
			`Every window here closed before the read, so at Parallel Requests > 1 the engine requests a window's pages after page 0 together, in the same slots as the other windows: ` +
			`the sale's peak hour (${peakPages} calls) takes ${readEngineMakespan([peakPages], GOAL_PARALLEL, latencyMs, true).toFixed(0)} ms of latency at Parallel Requests ${GOAL_PARALLEL}, not ${(peakPages * latencyMs).toFixed(0)} ms. ` +
			`The pure-latency rows replay the engine's schedule (windows in order, page 0 first, requests served first come, first served) with every call taking exactly ${latencyMs} ms.`,
		`B5 where the time goes at Parallel Requests 1 (medians): ${medianCalls} calls × ${latencyMs} ms latency = ${(medianCalls * latencyMs).toFixed(0)} ms, ` +
			`bench-process CPU ${p1Cpu.toFixed(0)} ms (${(p1Cpu / medianCalls).toFixed(1)} ms per call: n8n's request path with a new connection per request, decoding, the node, the engine), ` +
			`simulator CPU ${p1Sim.toFixed(0)} ms (${(p1Sim / medianCalls).toFixed(1)} ms per call: request checks, the window's orders from its index by modified time, one page formatted and written), ` +
			`the rest ${(p1 - medianCalls * latencyMs - p1Cpu - p1Sim).toFixed(0)} ms (loopback round trips, and waiting for a CPU on a shared machine: see its load average). ` +
			`At Parallel Requests ${GOAL_PARALLEL} the latency overlaps (${latencyOnlyMs(GOAL_PARALLEL).toFixed(0)} ms at pure latency) but CPU and waiting do not: ${p4Cpu.toFixed(0)} ms of bench-process CPU ` +
			`and ${p4Sim.toFixed(0)} ms of simulator CPU (its own process) in ${p4.toFixed(0)} ms of wall time.`,
		'B5 memory: the simulator runs in its own process, so RSS and heap are the bench process: n8n engine, node, its output items; sampled every 10 ms.',
	];
	const details: Record<string, unknown> = {
		orders: total,
		hours,
		latencyMs,
		pageSize,
		saleDay,
		range: { start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() },
		perWindow,
		emptyWindows,
		multiPageWindows,
		maxPerWindow,
		minimumCalls,
		lastToFirstCalls,
		floorMs,
		runs: Object.fromEntries([...byParallel].map(([parallel, runs]) => [`parallel${parallel}`, runs])),
	};

	const goalMissed = rows.some((row) => row.id === `B5.p${GOAL_PARALLEL}.ratio` && row.met === false);
	if (goalMissed || options.diagnose) {
		const keepAlive = await keepAliveExperiment(
			`B5 node, Parallel Requests ${GOAL_PARALLEL}`,
			options.diagnosis,
			async () => await readOnce(GOAL_PARALLEL),
			log,
		);
		const keepAliveRatio = latencyMs > 0 ? summarize(keepAlive.runs.map((run) => run.ms / floorMs)) : constant(Number.NaN);
		rows.push(
			{
				id: 'B5.diag.keepalive.wall',
				scenario: 'B5',
				figure: `diagnostic: node time, Parallel Requests ${GOAL_PARALLEL}, one keep-alive agent in n8n`,
				unit: 'ms',
				value: keepAlive.ms,
			},
			{ id: 'B5.diag.keepalive.ratio', scenario: 'B5', figure: 'diagnostic: that / floor', unit: 'x', value: keepAliveRatio },
		);
		const connectionMs = p4 - keepAlive.ms.median;
		notes.push(
			`B5 diagnosis at Parallel Requests ${GOAL_PARALLEL} (medians): ${p4.toFixed(0)} ms as measured; ${keepAlive.ms.median.toFixed(0)} ms (${keepAliveRatio.median.toFixed(2)}× the floor) ` +
				`with n8n's HTTP stack patched to share one keep-alive agent (bench process only). n8n builds a new agent, and so opens a new TCP connection, for every request ` +
				`(@n8n/backend-network, see B3); that costs ${connectionMs.toFixed(0)} ms here (${((connectionMs / p4) * 100).toFixed(0)} % of the node time${noiseNote(summarize(byParallel.get(GOAL_PARALLEL)!.map((run) => run.ms)), keepAlive.ms)}). ` +
				'Community nodes must send through httpRequestWithAuthentication, so only n8n can change it.',
		);
		details.diagnosis = { keepAlive: keepAlive.runs };
	}
	return {
		scenario: 'B5',
		title: `B5 sales orders: ${total} over ${hours} h → Sales Order → Get Many, Parallel Requests ${PARALLEL.join(' and ')}`,
		rows,
		notes,
		details,
	};
}
