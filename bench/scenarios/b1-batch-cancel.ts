/**
 * B1 batch cancel: N input items, one purchase-apply number each (all 编辑中 in the simulator),
 * through Purchase Apply → Cancel in n8n-core's engine; anchor: the same N cancels sent one call
 * per number, sequentially, by a plain signed keep-alive client (what a per-item HTTP Request
 * node amounts to, minus n8n's per-request overhead, so the anchor is if anything too fast).
 *
 * When a goal is missed, the node time is taken apart by two variants of the same run:
 * - the same numbers in ONE item (one expression evaluation instead of N): the difference is
 *   what n8n's per-item expression evaluation of `orderNumbers` costs;
 * - that, with n8n's HTTP stack patched to reuse one keep-alive agent: the difference is what
 *   the new agent + TCP connection per request costs;
 * plus a CPU profile of one normal run.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSimulator, PURCHASE_APPLY_STATUS, DEFAULT_SELLER } from '../../test/simulator';
import { bucketSummary, keepAliveExperiment, profileRun, type ProfileReport } from '../lib/diagnose';
import { runWdtNode } from '../lib/engine';
import { timeSimulator } from '../lib/sim-timing';
import { describeShares, inFiles, named } from '../lib/profile';
import { RawClient } from '../lib/raw-client';
import type { Row, ScenarioResult } from '../lib/report';
import { collectGarbage, constant, noiseNote, ratioOf, repeat, summarize, type Summary } from '../lib/stats';

const CANCEL_METHOD = 'purchase.PurchaseApply.cancelForApi';
const DEFAULT_BATCH_SIZE = 100;

export interface B1Options {
	items: number;
	batchSize: number;
	latencyMs: number;
	runs: number;
	warmup: number;
	/** Full-size anchor runs (each is items × latency long); 0 skips the anchor. */
	anchorRuns: number;
	/** Unmeasured anchor calls before the first measured one. */
	anchorWarmupCalls: number;
	/** Diagnose even when the goals are met. */
	diagnose: boolean;
	/** Runs of each diagnostic variant. */
	diagnosis: { runs: number; warmup: number };
	profilePath?: string;
	log: (line: string) => void;
}

interface NodeMeasure {
	ms: number;
	harnessMs: number;
	calls: number;
	simulatorMs: number;
}

export async function runB1(options: B1Options): Promise<ScenarioResult> {
	const { items, batchSize, latencyMs, log } = options;
	const sim = await startSimulator({ seed: 'empty', latencyMs, maxRecordedRequests: 1000 });
	const client = new RawClient(sim.url, DEFAULT_SELLER);
	const simTimer = timeSimulator(sim);
	try {
		const applies = Array.from({ length: items }, () =>
			sim.addPurchaseApply({ status: 'editing', warehouseNo: 'WH01' }),
		);
		const numbers = applies.map((apply) => apply.purchaseApplyNo);
		const reset = () => {
			for (const apply of applies) apply.status = PURCHASE_APPLY_STATUS.editing;
			sim.clearRequests();
		};
		/** Requests since the last clearRequests (the log keeps only the newest 1000, seq counts all). */
		const callsSoFar = () => sim.requests[sim.requests.length - 1]?.seq ?? 0;
		const checkAllCancelled = (who: string) => {
			const left = applies.filter((apply) => apply.status !== PURCHASE_APPLY_STATUS.cancelled).length;
			if (left) throw new Error(`B1 ${who}: ${left} of ${items} applies were not cancelled`);
			const other = sim.requests.filter((request) => request.method !== CANCEL_METHOD || request.status !== 0);
			if (other.length) throw new Error(`B1 ${who}: unexpected request ${other[0].method} → ${other[0].status}`);
		};

		const batchOption = batchSize !== DEFAULT_BATCH_SIZE ? { options: { batchSize } } : {};
		/** The scenario: one number per item, mapped with an expression. */
		const perItem = {
			parameters: { resource: 'purchaseApply', operation: 'cancel', orderNumbers: '={{ $json.no }}', ...batchOption },
			input: numbers.map((no) => ({ no })),
		};
		/** Diagnostic variant: the same numbers in one item, so one expression evaluation. */
		const oneItem = {
			parameters: { resource: 'purchaseApply', operation: 'cancel', orderNumbers: '={{ $json.nos }}', ...batchOption },
			input: [{ nos: numbers }],
		};
		const nodeOnce = async (variant: { parameters: INodeParameters; input: IDataObject[] }): Promise<NodeMeasure> => {
			reset();
			simTimer.reset();
			const run = await runWdtNode(sim.url, variant.parameters, variant.input);
			if (run.error) throw new Error(`B1 node failed: ${run.error.message}`);
			const out = run.outputs[0] ?? [];
			const failed = out.filter((item) => item.json.success !== true).length;
			if (out.length !== items || failed) {
				throw new Error(`B1 node: ${out.length} items out (expected ${items}), ${failed} not successful`);
			}
			checkAllCancelled('node');
			return { ms: run.nodeMs, harnessMs: run.harnessMs, calls: callsSoFar(), simulatorMs: simTimer.ms() };
		};

		// --- the node ----------------------------------------------------------------------
		const nodeRuns = await repeat('B1 node', options, async () => await nodeOnce(perItem), log);

		// --- the anchor: one call per number, sequential ----------------------------------------
		reset();
		const warmupCalls = options.anchorRuns ? Math.min(options.anchorWarmupCalls, items) : 0;
		if (warmupCalls) log(`B1 anchor: warm-up (${warmupCalls} calls)`);
		for (const no of numbers.slice(0, warmupCalls)) {
			await client.ok({ method: CANCEL_METHOD, args: [[no]] });
		}
		const anchorRuns: Array<{ ms: number; calls: number }> = [];
		for (let run = 0; run < options.anchorRuns; run++) {
			reset();
			collectGarbage();
			log(
				`B1 anchor: run ${run + 1}/${options.anchorRuns} (${items} sequential calls, ≈ ${Math.round((items * (latencyMs + 3)) / 1000)} s)`,
			);
			const started = performance.now();
			for (const no of numbers) {
				const reply = await client.ok({ method: CANCEL_METHOD, args: [[no]] });
				if (Array.isArray(reply.data) && reply.data.length) throw new Error(`B1 anchor: ${no} failed`);
			}
			anchorRuns.push({ ms: performance.now() - started, calls: callsSoFar() });
			checkAllCancelled('anchor');
		}

		// --- figures -----------------------------------------------------------------------------
		const expectedCalls = Math.ceil(items / batchSize);
		const floorMs = expectedCalls * latencyMs;
		const nodeCalls = summarize(nodeRuns.map((run) => run.calls));
		const nodeMs = summarize(nodeRuns.map((run) => run.ms));
		const skipped = constant(Number.NaN);
		const anchorMs = anchorRuns.length ? summarize(anchorRuns.map((run) => run.ms)) : skipped;
		const anchorCalls = anchorRuns.length ? summarize(anchorRuns.map((run) => run.calls)) : skipped;
		const vsFloor = (runs: NodeMeasure[]): Summary =>
			latencyMs > 0 ? summarize(runs.map((run) => run.ms / floorMs)) : constant(Number.NaN);
		const speedUp = ratioOf(anchorMs, nodeMs);
		const floorRatio = vsFloor(nodeRuns);
		const anchorPerCallMs = anchorRuns.length ? anchorMs.median / items : Number.NaN;

		const anchorNote =
			options.anchorRuns === 0
				? 'anchor: skipped (--anchor-runs 0)'
				: options.anchorRuns === 1
					? `anchor: 1 run at full size (${items} calls) after ${warmupCalls} warm-up calls, not ${options.runs}: each run takes items × (latency + round trip)`
					: `anchor: ${options.anchorRuns} runs at full size after ${warmupCalls} warm-up calls`;
		const rows: Row[] = [
			{
				id: 'B1.node.calls',
				scenario: 'B1',
				figure: `node: calls for ${items} items`,
				unit: 'calls',
				value: nodeCalls,
				goal: `= ${expectedCalls} (⌈${items}/${batchSize}⌉)`,
				met: nodeCalls.max === expectedCalls && nodeCalls.min === expectedCalls,
			},
			{ id: 'B1.node.wall', scenario: 'B1', figure: 'node: wall time', unit: 'ms', value: nodeMs },
			{ id: 'B1.anchor.calls', scenario: 'B1', figure: 'anchor: calls (1 per item)', unit: 'calls', value: anchorCalls },
			{
				id: 'B1.anchor.wall',
				scenario: 'B1',
				figure: `anchor: wall time (${options.anchorRuns} full-size run${options.anchorRuns === 1 ? '' : 's'})`,
				unit: 'ms',
				value: anchorMs,
				note: anchorNote,
			},
			{
				id: 'B1.speedup',
				scenario: 'B1',
				figure: 'anchor time / node time',
				unit: 'x',
				value: speedUp,
				goal: '≥ 50×',
				met: anchorRuns.length ? speedUp.median >= 50 : undefined,
			},
			{ id: 'B1.floor.ms', scenario: 'B1', figure: 'latency floor (calls × latency)', unit: 'ms', value: constant(floorMs) },
			{
				id: 'B1.sim.ms',
				scenario: 'B1',
				figure: "simulator's own time for the node's calls",
				unit: 'ms',
				value: summarize(nodeRuns.map((run) => run.simulatorMs)),
			},
			{
				id: 'B1.floor.ratio',
				scenario: 'B1',
				figure: 'node time / floor',
				unit: 'x',
				value: floorRatio,
				goal: '≤ 1.3×',
				met: latencyMs > 0 ? floorRatio.median <= 1.3 : undefined,
			},
		];
		const notes = [
			`B1: node time is n8n's executionTime of the WDT node (what the editor shows); ${anchorNote}` +
				(anchorRuns.length ? ` (${anchorPerCallMs.toFixed(2)} ms per call).` : '.'),
		];
		const details: Record<string, unknown> = {
			items,
			batchSize,
			latencyMs,
			expectedCalls,
			floorMs,
			node: nodeRuns,
			anchor: { warmupCalls, runs: anchorRuns, perCallMs: anchorPerCallMs },
		};

		// --- diagnosis ------------------------------------------------------------------------------
		const missed = rows.some((row) => row.met === false);
		if (missed || options.diagnose) {
			const plan = options.diagnosis;
			const oneItemRuns = await repeat('B1 node, all numbers in one item (diagnostic)', plan, async () => await nodeOnce(oneItem), log);
			const oneItemMs = summarize(oneItemRuns.map((run) => run.ms));
			const keepAlive = await keepAliveExperiment('B1 node, all numbers in one item', plan, async () => await nodeOnce(oneItem), log);
			const profiled: ProfileReport = await profileRun(
				async () => await nodeOnce(perItem),
				[
					named("n8n expression evaluation (getNodeParameter → Expression.resolveSimpleParameterValue)", 'resolveSimpleParameterValue'),
					named('  of which WorkflowDataProxy.getDataProxy (luxon $now/$today per item)', 'getDataProxy'),
					named('  of which Expression.initializeGlobalContext', 'initializeGlobalContext'),
					named("n8n's httpRequestWithAuthentication (its own slices)", 'httpRequestWithAuthentication'),
					inFiles('simulator (same process)', '/test/simulator/'),
				],
				options.profilePath,
				log,
				'B1 node',
			);
			const expressionMs = nodeMs.median - oneItemMs.median;
			const agentMs = oneItemMs.median - keepAlive.ms.median;
			const restMs = keepAlive.ms.median - floorMs;
			const share = (ms: number) => `${((ms / nodeMs.median) * 100).toFixed(0)} %`;
			rows.push(
				{
					id: 'B1.diag.oneItem.wall',
					scenario: 'B1',
					figure: 'diagnostic: node time, all numbers in 1 item',
					unit: 'ms',
					value: oneItemMs,
				},
				{
					id: 'B1.diag.oneItem.ratio',
					scenario: 'B1',
					figure: 'diagnostic: that / floor',
					unit: 'x',
					value: vsFloor(oneItemRuns),
				},
				{
					id: 'B1.diag.keepalive.wall',
					scenario: 'B1',
					figure: 'diagnostic: 1 item + keep-alive agent in n8n',
					unit: 'ms',
					value: keepAlive.ms,
				},
				{
					id: 'B1.diag.keepalive.ratio',
					scenario: 'B1',
					figure: 'diagnostic: that / floor',
					unit: 'x',
					value: vsFloor(keepAlive.runs),
				},
			);
			notes.push(
				`B1 diagnosis, node time ${nodeMs.median.toFixed(0)} ms (medians) = floor ${floorMs.toFixed(0)} ms ` +
					`+ per-item expression evaluation ${expressionMs.toFixed(0)} ms (${share(expressionMs)}; ${((expressionMs / items) * 1000).toFixed(0)} µs per item${noiseNote(nodeMs, oneItemMs)}) ` +
					`+ new agent/TCP connection per request ${agentMs.toFixed(0)} ms (${share(agentMs)}; ${(agentMs / expectedCalls).toFixed(2)} ms per call${noiseNote(oneItemMs, keepAlive.ms)}) ` +
					`+ the rest ${restMs.toFixed(0)} ms (${share(restMs)}: round trips beyond the added latency, the simulator's own work ` +
					`${summarize(nodeRuns.map((run) => run.simulatorMs)).median.toFixed(0)} ms, n8n's and the node's work per call and per output item).`,
				`B1 with one expression evaluation instead of ${items}, the node would be at ${(oneItemMs.median / floorMs).toFixed(2)}× the floor` +
					(anchorRuns.length ? ` and ${(anchorMs.median / oneItemMs.median).toFixed(0)}× faster than the anchor.` : '.'),
				`B1 where the time of one more run under the CPU profiler went (${profiled.profiledMs.toFixed(0)} ms): ${bucketSummary(profiled)}.`,
				`B1 profile of one node run (${profiled.profiledMs.toFixed(0)} ms with the profiler on), CPU inside: ${describeShares(profiled.inside)}.`,
				`B1 profile, self time: ${describeShares(profiled.selfTime, 0.01)}.`,
			);
			details.diagnosis = { oneItem: oneItemRuns, keepAliveOneItem: keepAlive.runs, expressionMs, agentMs, restMs, profile: profiled };
		}
		return {
			scenario: 'B1',
			title: `B1 batch cancel: ${items} items → Purchase Apply → Cancel (batch size ${batchSize})`,
			rows,
			notes,
			details,
		};
	} finally {
		await sim.close();
		await client.close();
	}
}
