/* eslint-disable -- bench code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * B2 cancelled stockouts over a long range: R cancelled stockouts spread unevenly over H hours
 * (night hours empty, evening peaks over several pages), read with Sales Stockout → Get Many
 * Cancelled, returnAll. Calls are compared with the least any client could make with WDT's
 * one-hour windows and 100-row pages: Σ over the node's windows of max(1, ⌈records/100⌉).
 */
import { HOUR_MS, splitIntoWindows, WDT_MAX_PAGE_SIZE } from '../../nodes/shared/protocol';
import { seededRandom, startSimulator } from '../../test/simulator';
import { bucketSummary, keepAliveExperiment, profileRun } from '../lib/diagnose';
import { runWdtNode } from '../lib/engine';
import { timeSimulator } from '../lib/sim-timing';
import { describeShares, inFiles, named } from '../lib/profile';
import type { Row, ScenarioResult } from '../lib/report';
import { cstHour, spreadByWeight, timeInHour } from '../lib/workload';
import { constant, noiseNote, repeat, summarize } from '../lib/stats';

const SEARCH_CANCEL = 'wms.stockout.Sales.searchCancel';

export interface B2Options {
	records: number;
	hours: number;
	latencyMs: number;
	runs: number;
	warmup: number;
	seed: number;
	diagnose: boolean;
	diagnosis: { runs: number; warmup: number };
	profilePath?: string;
	log: (line: string) => void;
}

/**
 * How many records each hour gets: nothing from 01:00 to 07:00 CST, a daytime base, peaks at
 * 10:00, 14:00 and 20:00–22:00 (the evening peaks run over several pages), random ±50 %.
 */
export function hourlyCounts(startMs: number, hours: number, total: number, random: () => number): number[] {
	const weights = Array.from({ length: hours }, (_, index) => {
		const hour = cstHour(startMs + index * HOUR_MS);
		let weight = 1;
		if (hour >= 1 && hour < 7) return 0;
		if (hour === 10 || hour === 14) weight = 3;
		if (hour >= 20 && hour < 22) weight = 8;
		return weight * (0.5 + random());
	});
	return spreadByWeight(weights, total);
}

export async function runB2(options: B2Options): Promise<ScenarioResult> {
	const { records, hours, latencyMs, log } = options;
	const random = seededRandom(options.seed);
	// The range ends at the last full hour before now, so every record is already visible.
	const endMs = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - HOUR_MS;
	const startMs = endMs - hours * HOUR_MS;
	const sim = await startSimulator({ seed: 'empty', latencyMs, maxRecordedRequests: 5000 });
	const simTimer = timeSimulator(sim);
	try {
		const counts = hourlyCounts(startMs, hours, records, random);
		counts.forEach((count, hour) => {
			for (let i = 0; i < count; i++) {
				sim.addStockout({ modifiedMs: timeInHour(startMs, hour, random), status: 'cancelled' });
			}
		});

		// The least any client can do, from the windows the node itself uses: WDT compares whole
		// seconds inclusively, so a record on a shared boundary second would count in both windows.
		const windows = splitIntoWindows(startMs, endMs, HOUR_MS);
		const modifiedSeconds = [...sim.stockouts.values()].map((stockout) => Math.floor(stockout.modifiedMs / 1000) * 1000);
		const perWindow = windows.map(
			(window) => modifiedSeconds.filter((ms) => ms >= window.startMs && ms <= window.endMs).length,
		);
		const minimumCalls = perWindow.reduce((sum, count) => sum + Math.max(1, Math.ceil(count / WDT_MAX_PAGE_SIZE)), 0);
		const emptyWindows = perWindow.filter((count) => count === 0).length;
		const maxPerWindow = Math.max(...perWindow);

		const parameters = {
			resource: 'salesStockout',
			operation: 'getManyCancelled',
			startTime: new Date(startMs).toISOString(),
			endTime: new Date(endMs).toISOString(),
			returnAll: true,
		};

		const nodeOnce = async () => {
			sim.clearRequests();
			simTimer.reset();
			const baselineRss = process.memoryUsage.rss();
			let peakRss = baselineRss;
			const sampler = setInterval(() => {
				peakRss = Math.max(peakRss, process.memoryUsage.rss());
			}, 10);
			let run;
			try {
				run = await runWdtNode(sim.url, parameters, [{}]);
			} finally {
				clearInterval(sampler);
			}
			peakRss = Math.max(peakRss, process.memoryUsage.rss());
			if (run.error) throw new Error(`B2 node failed: ${run.error.message}`);
			const out = run.outputs[0] ?? [];
			if (out.length !== records) throw new Error(`B2 node: ${out.length} stockouts out, expected ${records}`);
			const calls = sim.requests[sim.requests.length - 1]?.seq ?? 0;
			const other = sim.requests.filter((request) => request.method !== SEARCH_CANCEL || request.status !== 0);
			if (other.length) throw new Error(`B2: unexpected request ${other[0].method} → ${other[0].status}`);
			return {
				ms: run.nodeMs,
				harnessMs: run.harnessMs,
				simulatorMs: simTimer.ms(),
				calls,
				peakRssMb: peakRss / 2 ** 20,
				rssGrowthMb: (peakRss - baselineRss) / 2 ** 20,
			};
		};
		const runs = await repeat('B2 node', options, nodeOnce, log);

		const calls = summarize(runs.map((run) => run.calls));
		const wall = summarize(runs.map((run) => run.ms));
		const floorMs = minimumCalls * latencyMs;
		const vsFloor = latencyMs > 0 ? summarize(runs.map((run) => run.ms / floorMs)) : undefined;
		const rows: Row[] = [
			{
				id: 'B2.calls',
				scenario: 'B2',
				figure: `node: calls for ${records} stockouts / ${hours} h`,
				unit: 'calls',
				value: calls,
				goal: `= ${minimumCalls} (minimum)`,
				met: calls.min === minimumCalls && calls.max === minimumCalls,
			},
			{ id: 'B2.wall', scenario: 'B2', figure: 'node: wall time', unit: 'ms', value: wall },
			{ id: 'B2.floor.ms', scenario: 'B2', figure: 'latency floor (minimum × latency)', unit: 'ms', value: constant(floorMs) },
			{
				id: 'B2.floor.ratio',
				scenario: 'B2',
				figure: 'node time / floor',
				unit: 'x',
				value: vsFloor ?? constant(Number.NaN),
				goal: '≤ 1.3×',
				met: vsFloor ? vsFloor.median <= 1.3 : undefined,
			},
			{
				id: 'B2.sim.ms',
				scenario: 'B2',
				figure: "simulator's own time (searchCancel logic, reply write)",
				unit: 'ms',
				value: summarize(runs.map((run) => run.simulatorMs)),
			},
			{
				id: 'B2.floor.withSim.ratio',
				scenario: 'B2',
				figure: 'node time / (floor + simulator time)',
				unit: 'x',
				value: summarize(runs.map((run) => run.ms / (floorMs + run.simulatorMs))),
			},
			{ id: 'B2.rss.peak', scenario: 'B2', figure: 'peak RSS during the run (process)', unit: 'MB', value: summarize(runs.map((run) => run.peakRssMb)) },
			{ id: 'B2.rss.growth', scenario: 'B2', figure: 'RSS growth during the run', unit: 'MB', value: summarize(runs.map((run) => run.rssGrowthMb)) },
		];
		const notes = [
			`B2: ${windows.length} one-hour windows, ${emptyWindows} empty, up to ${maxPerWindow} records in one (${Math.ceil(maxPerWindow / WDT_MAX_PAGE_SIZE)} pages); no record on a boundary second. ` +
				'Peak RSS is the whole bench process (simulator with its records included), sampled every 10 ms.',
		];
		const details: Record<string, unknown> = {
			records,
			hours,
			latencyMs,
			range: { start: parameters.startTime, end: parameters.endTime },
			windows: windows.length,
			emptyWindows,
			maxPerWindow,
			perWindow,
			minimumCalls,
			floorMs,
			runs,
		};

		if (rows.some((row) => row.met === false) || options.diagnose) {
			const keepAlive = await keepAliveExperiment('B2 node', options.diagnosis, nodeOnce, log);
			const profiled = await profileRun(
				nodeOnce,
				[
					inFiles('simulator (same process: searchCancel over all records, reply JSON)', '/test/simulator/'),
					named("n8n's httpRequestWithAuthentication (its own slices)", 'httpRequestWithAuthentication'),
					named('reply decoding (decodeResponse: JSON.parse of the page)', 'decodeResponse'),
					named('node: toStockoutItem + dedup (readStockoutWindow, sync part)', 'readStockoutWindow'),
					inFiles('node: getManyCancelled operation (its sync slices, incl. what it calls)', 'getManyCancelled.operation'),
				],
				options.profilePath,
				log,
				'B2 node',
			);
			const agentMs = wall.median - keepAlive.ms.median;
			const simulatorMs = summarize(runs.map((run) => run.simulatorMs)).median;
			const perCall = (ms: number) => (ms / minimumCalls).toFixed(2);
			rows.push(
				{ id: 'B2.diag.keepalive.wall', scenario: 'B2', figure: 'diagnostic: node time with a keep-alive agent in n8n', unit: 'ms', value: keepAlive.ms },
				{
					id: 'B2.diag.keepalive.ratio',
					scenario: 'B2',
					figure: 'diagnostic: that / floor',
					unit: 'x',
					value: latencyMs > 0 ? summarize(keepAlive.runs.map((run) => run.ms / floorMs)) : constant(Number.NaN),
				},
			);
			notes.push(
				`B2 diagnosis, node time ${wall.median.toFixed(0)} ms (medians) = floor ${floorMs.toFixed(0)} ms + ${(wall.median - floorMs).toFixed(0)} ms ` +
					`(${perCall(wall.median - floorMs)} ms per call), of which: new agent/TCP connection per request ${agentMs.toFixed(0)} ms ` +
					`(${perCall(agentMs)} ms per call, ${((agentMs / wall.median) * 100).toFixed(0)} % of the node time${noiseNote(wall, keepAlive.ms)}); ` +
					`the simulator's own work ${simulatorMs.toFixed(0)} ms (${perCall(simulatorMs)} ms per call: searchCancel filters and sorts all ${records} stored stockouts on every call); ` +
					`the rest ${(wall.median - floorMs - agentMs - simulatorMs).toFixed(0)} ms (${perCall(wall.median - floorMs - agentMs - simulatorMs)} ms per call: round trips, n8n's request path, decoding, the node). ` +
					`Counting the simulator's own work as server time, the node is at ${(wall.median / (floorMs + simulatorMs)).toFixed(2)}× (floor + simulator).`,
				`B2 where the time of one more run under the CPU profiler went (${profiled.profiledMs.toFixed(0)} ms for ${minimumCalls} calls): ${bucketSummary(profiled)}.`,
				`B2 profile of one node run (${profiled.profiledMs.toFixed(0)} ms with the profiler on), CPU inside: ${describeShares(profiled.inside)}.`,
				`B2 profile, self time: ${describeShares(profiled.selfTime, 0.01)}.`,
			);
			details.diagnosis = { keepAlive: keepAlive.runs, agentMs, simulatorMs, profile: profiled };
		}
		return {
			scenario: 'B2',
			title: `B2 cancelled stockouts: ${records} over ${hours} h → Sales Stockout → Get Many Cancelled`,
			rows,
			notes,
			details,
		};
	} finally {
		await sim.close();
	}
}
