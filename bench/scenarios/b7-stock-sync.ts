/* eslint-disable -- bench code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * B7 stock sync: one round of the loop for N platform goods waiting to sync, each node in
 * n8n-core's engine against the simulator (in this process, with the added latency): Stock Sync
 * → Get Pending (Return All) → Calculate (their items) → Report Result (success, their items).
 *
 * The documented minimum: the pending list in calls of 5,000 (the page's maximum count) plus
 * the empty reply that ends it, batchCalcStock for up to 5,000 goods per call (the page states
 * no limit; the list's count is used), and one syncSuccess per goods (the pages have no batch
 * report). Floor = that many calls × latency, sequential (a report is sent once, in order).
 */
import { addPlatformGoods, isSyncPending, startSimulator } from '../../test/simulator';
import { runWdtNode } from '../lib/engine';
import type { Row, ScenarioResult } from '../lib/report';
import { repeat, summarize } from '../lib/stats';

const M = (name: string) => `sales.StockSync.${name}`;
/** The pending list's largest count ("最大值5000"), which Calculate also takes per call. */
const PER_CALL = 5000;

export interface B7Options {
	goods: number;
	latencyMs: number;
	runs: number;
	warmup: number;
	log: (line: string) => void;
}

export async function runB7(options: B7Options): Promise<ScenarioResult> {
	const { goods, latencyMs, log } = options;
	const sim = await startSimulator({ seed: 'empty', latencyMs, maxRecordedRequests: goods + 100 });
	const ids = Array.from({ length: goods }, (_, n) => 100_000 + n);
	try {
		const arrange = () => {
			sim.resetData('empty');
			sim.clearRequests();
			for (const recId of ids)
				addPlatformGoods(
					sim,
					{
						rec_id: recId,
						shop_id: 900,
						goods_id: `G${recId}`,
						spec_id: `S${recId}`,
						match_code: `SKU-${recId % 500}`,
						stock_syn_warehouses: '1',
						stock_change_count: 1,
					},
					{ pending: true },
				);
		};
		const minimum = {
			list: Math.ceil(goods / PER_CALL) + 1,
			calc: Math.ceil(goods / PER_CALL),
			report: goods,
		};
		const minimumCalls = minimum.list + minimum.calc + minimum.report;

		const roundOnce = async () => {
			arrange();
			const baselineRss = process.memoryUsage.rss();
			let peakRss = baselineRss;
			let peakHeap = process.memoryUsage().heapUsed;
			const sampler = setInterval(() => {
				const usage = process.memoryUsage();
				peakRss = Math.max(peakRss, usage.rss);
				peakHeap = Math.max(peakHeap, usage.heapUsed);
			}, 10);
			let steps;
			try {
				const pending = await runWdtNode(sim.url, { resource: 'stockSync', operation: 'getPending', returnAll: true }, [{}]);
				if (pending.error) throw new Error(`B7 Get Pending failed: ${pending.error.message}`);
				const calc = await runWdtNode(
					sim.url,
					{ resource: 'stockSync', operation: 'calculate' },
					(pending.outputs[0] ?? []).map((item) => item.json),
				);
				if (calc.error) throw new Error(`B7 Calculate failed: ${calc.error.message}`);
				const report = await runWdtNode(
					sim.url,
					{ resource: 'stockSync', operation: 'reportResult', result: 'success' },
					(calc.outputs[0] ?? []).map((item) => item.json),
				);
				if (report.error) throw new Error(`B7 Report Result failed: ${report.error.message}`);
				steps = { pending, calc, report };
			} finally {
				clearInterval(sampler);
			}
			const reported = (steps.report.outputs[0] ?? []).filter((item) => item.json.success === true).length;
			if (reported !== goods) throw new Error(`B7: ${reported} of ${goods} goods reported`);
			const left = ids.filter((id) => isSyncPending(sim, id)).length;
			if (left) throw new Error(`B7: ${left} goods still wait after the round`);
			const count = (method: string) => sim.requests.filter((request) => request.method === M(method)).length;
			const bad = sim.requests.filter((request) => request.status !== 0);
			if (bad.length) throw new Error(`B7: ${bad[0].method} answered ${bad[0].status}`);
			return {
				ms: steps.pending.nodeMs + steps.calc.nodeMs + steps.report.nodeMs,
				reportMs: steps.report.nodeMs,
				calls: { list: count('getSelfWaitSyncIdListOpen'), calc: count('batchCalcStock'), report: count('syncSuccess') },
				total: sim.requests[sim.requests.length - 1]?.seq ?? 0,
				peakRssMb: peakRss / 2 ** 20,
				peakHeapMb: peakHeap / 2 ** 20,
			};
		};
		const runs = await repeat('B7 round', options, roundOnce, log);

		const calls = summarize(runs.map((run) => run.total));
		const floorMs = minimumCalls * latencyMs;
		const ratio = latencyMs > 0 ? summarize(runs.map((run) => run.ms / floorMs)) : summarize([Number.NaN]);
		const same = (pick: (run: (typeof runs)[number]) => number, want: number) => runs.every((run) => pick(run) === want);
		const rows: Row[] = [
			{
				id: 'B7.calls',
				scenario: 'B7',
				figure: `calls for one round of ${goods} SKUs (list + batch calc + one report per SKU)`,
				unit: 'calls',
				value: calls,
				goal: `= ${minimumCalls} (minimum: ${minimum.list} + ${minimum.calc} + ${minimum.report})`,
				met:
					same((run) => run.total, minimumCalls) &&
					same((run) => run.calls.list, minimum.list) &&
					same((run) => run.calls.calc, minimum.calc) &&
					same((run) => run.calls.report, minimum.report),
			},
			{ id: 'B7.floor.ms', scenario: 'B7', figure: 'sequential floor (minimum × latency)', unit: 'ms', value: summarize([floorMs]) },
			{ id: 'B7.wall', scenario: 'B7', figure: 'node time of the three nodes', unit: 'ms', value: summarize(runs.map((run) => run.ms)) },
			{ id: 'B7.report.wall', scenario: 'B7', figure: 'of which Report Result', unit: 'ms', value: summarize(runs.map((run) => run.reportMs)) },
			{ id: 'B7.floor.ratio', scenario: 'B7', figure: 'node time / floor', unit: 'x', value: ratio },
			{ id: 'B7.rss.peak', scenario: 'B7', figure: 'peak RSS during a round (bench process, simulator included)', unit: 'MB', value: summarize(runs.map((run) => run.peakRssMb)) },
			{ id: 'B7.heap.peak', scenario: 'B7', figure: 'peak V8 heap in use during a round', unit: 'MB', value: summarize(runs.map((run) => run.peakHeapMb)) },
		];
		return {
			scenario: 'B7',
			title: `B7: stock sync round for ${goods} SKUs (Get Pending → Calculate → Report Result), +${latencyMs} ms per reply`,
			rows,
			details: { goods, minimum, runs },
			notes: [
				`B7: the report pages (syncSuccess / syncFail) take one goods per call, so a round of ${goods} SKUs is at least ${minimum.report} report calls; the list and the calculation take ${minimum.list + minimum.calc}. Each report is sent once, in order.`,
			],
		};
	} finally {
		await sim.close();
	}
}
