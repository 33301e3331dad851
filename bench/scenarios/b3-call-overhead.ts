/**
 * B3 per-call overhead: N sequential system.Core.now calls with no added latency, through the
 * node (Custom → Call Any Method, N input items → N calls in one execution) and through a plain
 * keep-alive undici client with the same signer, against the same simulator (its own process).
 * When the node reaches less than half the raw rate, a CPU profile of one more node run and a
 * keep-alive experiment say where the time goes.
 */
import { DEFAULT_SELLER } from '../../test/simulator';
import { runWdtNode } from '../lib/engine';
import { bucketSummary, keepAliveExperiment, profileRun } from '../lib/diagnose';
import { countAgentBuilds } from '../lib/keepalive-patch';
import { describeShares, inFiles, named } from '../lib/profile';
import { RawClient } from '../lib/raw-client';
import type { Row, ScenarioResult } from '../lib/report';
import { noiseNote, ratioOf, repeat, summarize, type Summary } from '../lib/stats';
import type { SimProcess } from '../lib/sim-process';

const NOW_METHOD = 'system.Core.now';

export interface B3Options {
	calls: number;
	runs: number;
	warmup: number;
	/** Profile and diagnose even when the goal is met. */
	diagnose: boolean;
	/** Runs of each diagnostic variant. */
	diagnosis: { runs: number; warmup: number };
	/** Where to write the .cpuprofile of the diagnosis (undefined: not written). */
	profilePath?: string;
	log: (line: string) => void;
}

const percent = (share: number) => `${(share * 100).toFixed(0)} %`;

export async function runB3(sim: SimProcess, options: B3Options): Promise<ScenarioResult> {
	const { calls, log } = options;
	await sim.setLatency(0);
	const parameters = {
		resource: 'custom',
		operation: 'call',
		method: { __rl: true, mode: 'name', value: NOW_METHOD },
		arguments: '[]',
	};
	const input = Array.from({ length: calls }, () => ({}));

	const checkCount = async (who: string) => {
		const count = await sim.count();
		if (count.total !== calls || count.byMethod[NOW_METHOD] !== calls || count.statuses.join() !== '0') {
			throw new Error(`B3 ${who}: the simulator saw ${JSON.stringify(count)}, expected ${calls} × ${NOW_METHOD} → 0`);
		}
		return count.total;
	};
	const nodeOnce = async () => {
		await sim.clearRequests();
		const run = await runWdtNode(sim.url, parameters, input);
		if (run.error) throw new Error(`B3 node failed: ${run.error.message}`);
		const out = run.outputs[0] ?? [];
		if (out.length !== calls || out.some((item) => item.json.status !== 0)) {
			throw new Error(`B3 node: ${out.length} items out, expected ${calls} replies with status 0`);
		}
		await checkCount('node');
		return { ms: run.nodeMs, rate: calls / (run.nodeMs / 1000) };
	};

	// --- raw client ------------------------------------------------------------------------------
	const client = new RawClient(sim.url, DEFAULT_SELLER);
	let rawRuns: Array<{ ms: number; rate: number }>;
	try {
		rawRuns = await repeat('B3 raw client', options, async () => {
			await sim.clearRequests();
			const started = performance.now();
			for (let i = 0; i < calls; i++) await client.ok({ method: NOW_METHOD, args: [] });
			const ms = performance.now() - started;
			await checkCount('raw client');
			return { ms, rate: calls / (ms / 1000) };
		}, log);
	} finally {
		await client.close();
	}

	// --- the node ------------------------------------------------------------------------------
	const nodeRuns = await repeat('B3 node', options, nodeOnce, log);

	const rawRate = summarize(rawRuns.map((run) => run.rate));
	const nodeRate = summarize(nodeRuns.map((run) => run.rate));
	const ratio = ratioOf(nodeRate, rawRate);
	const perCall = (rate: Summary) => 1000 / rate.median;
	const rows: Row[] = [
		{ id: 'B3.raw.rate', scenario: 'B3', figure: `raw undici client: calls/s (${calls} sequential)`, unit: 'per-s', value: rawRate },
		{ id: 'B3.node.rate', scenario: 'B3', figure: `node: calls/s (${calls} items, 1 execution)`, unit: 'per-s', value: nodeRate },
		{
			id: 'B3.ratio',
			scenario: 'B3',
			figure: 'node rate / raw rate',
			unit: 'x',
			value: ratio,
			goal: '≥ 0.5×',
			met: ratio.median >= 0.5,
		},
	];
	const notes: string[] = [
		`B3: per call, raw client ${perCall(rawRate).toFixed(3)} ms, node ${perCall(nodeRate).toFixed(3)} ms (medians; simulator in its own process, no added latency).`,
	];
	const details: Record<string, unknown> = { calls, raw: rawRuns, node: nodeRuns };

	if (ratio.median < 0.5 || options.diagnose) {
		// 1. How many HTTP agents does n8n build for one execution?
		const counter = countAgentBuilds();
		try {
			await nodeOnce();
		} finally {
			counter.restore();
		}
		const agentsBuilt = counter.count();

		// 2. The same runs with one shared keep-alive agent in n8n's HTTP stack (diagnostic patch).
		const keepAlive = await keepAliveExperiment('B3 node', options.diagnosis, nodeOnce, log);
		const keepAliveRuns = keepAlive.runs;
		const keepAliveRate = summarize(keepAliveRuns.map((run) => run.rate));
		const agentShare = 1 - nodeRate.median / keepAliveRate.median;
		rows.push(
			{
				id: 'B3.diag.keepalive.rate',
				scenario: 'B3',
				figure: "diagnostic: node calls/s if n8n's stack kept one keep-alive agent",
				unit: 'per-s',
				value: keepAliveRate,
			},
			{
				id: 'B3.diag.keepalive.ratio',
				scenario: 'B3',
				figure: 'diagnostic: that rate / raw rate',
				unit: 'x',
				value: ratioOf(keepAliveRate, rawRate),
			},
		);

		// 3. A CPU profile of one more node run (not counted in the figures above).
		const profiled = await profileRun(
			nodeOnce,
			[
				named("n8n's httpRequestWithAuthentication", 'httpRequestWithAuthentication'),
				named('getCredentials (decrypt + defaults + expressions, on every call)', 'getCredentials'),
				named('credential authenticate → signHttpRequest', 'signHttpRequest'),
				named('@n8n/backend-network httpRequest (axios config, agents, reply)', 'httpRequest'),
				named('buildNodeAgents (new http.Agent pair per request)', 'buildNodeAgents'),
				named('getNodeParameter (method, arguments, paged, per item)', 'ExecuteContext.getNodeParameter', '_getNodeParameter'),
				inFiles('this package (its sync slices, incl. what it calls)', '/nodes/'),
			],
			options.profilePath,
			log,
			'B3 node',
		);

		notes.push(
			`B3 diagnosis: n8n's HTTP stack built ${agentsBuilt} new http.Agent pairs for ${calls} calls (@n8n/backend-network ` +
				'axios/utils setAxiosAgents → buildNodeAgents, once per request): every call opens a new TCP connection. ' +
				`With one shared keep-alive agent the node makes ${keepAliveRate.median.toFixed(0)} calls/s instead of ${nodeRate.median.toFixed(0)}: ` +
				`the per-request agent and connection cost ${percent(agentShare)} of the node's per-call time ` +
				`(${(perCall(nodeRate) - perCall(keepAliveRate)).toFixed(3)} of ${perCall(nodeRate).toFixed(3)} ms${noiseNote(nodeRate, keepAliveRate)}).`,
			`B3 where the time of one more run under the CPU profiler went (${profiled.profiledMs.toFixed(0)} ms for ${calls} calls): ${bucketSummary(profiled)}.`,
			`B3 profile (${profiled.profiledMs.toFixed(0)} ms with the profiler on), CPU inside (each async function with all its own slices, so entries overlap): ${describeShares(profiled.inside)}.`,
			`B3 profile, self time: ${describeShares(profiled.selfTime, 0.01)}.`,
		);
		if (options.profilePath) notes.push(`B3 CPU profile written to ${options.profilePath} (open in Chrome DevTools → Performance).`);
		details.diagnosis = { agentsBuilt, keepAlive: keepAliveRuns, agentShareOfNodeTime: agentShare, profile: profiled };
	}
	return {
		scenario: 'B3',
		title: `B3 per-call overhead: ${calls} × ${NOW_METHOD}, no added latency`,
		rows,
		notes,
		details,
	};
}
