/** The n8n engine the scenarios run the node in (test/harness), and how a run is timed. */
import type { INodeExecutionData, INodeParameters, IDataObject } from 'n8n-workflow';

import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { WdtTrigger } from '../../nodes/WdtTrigger/WdtTrigger.node';
import { createEngine, type Engine } from '../../test/harness';
import { DEFAULT_SELLER } from '../../test/simulator';

export const NODE_NAME = 'WDT';

let engine: Engine | undefined;

/** One engine for the whole process; no secret registration (there is no leak log here). */
export function benchEngine(): Engine {
	engine ??= createEngine({ nodes: [Wdt, WdtTrigger], registerSecrets: false });
	return engine;
}

export function credentialsFor(endpoint: string) {
	return {
		wdtApi: {
			sid: DEFAULT_SELLER.sid,
			key: DEFAULT_SELLER.key,
			secret: DEFAULT_SELLER.secret,
			salt: DEFAULT_SELLER.salt,
			environment: 'custom',
			baseUrl: endpoint,
		},
	};
}

export interface TimedNodeRun {
	/** n8n's own executionTime of the WDT node task (ms): what the editor shows for the node. */
	nodeMs: number;
	/** Wall time of the whole harness call (ms): workflow setup, start node, and the harness's
	 *  own bookkeeping after the run (it serializes every output item for its leak check). */
	harnessMs: number;
	outputs: INodeExecutionData[][];
	error?: { message?: string; description?: string | null };
}

/**
 * Runs the WDT node once on `input` in n8n-core's WorkflowExecute and times it. The figure the
 * benchmark uses is n8n's executionTime of the node; the harness's own overhead is kept apart.
 */
export async function runWdtNode(
	endpoint: string,
	parameters: INodeParameters,
	input: IDataObject[],
): Promise<TimedNodeRun> {
	const harness = benchEngine();
	const started = performance.now();
	const result = await harness.runNode({
		type: 'wdt',
		nodeName: NODE_NAME,
		parameters,
		input,
		credentials: credentialsFor(endpoint),
		timezone: 'Asia/Shanghai',
	});
	const harnessMs = performance.now() - started;
	// The harness keeps a deep copy of every signed request; drop them so runs stay alike.
	harness.credentialsHelper.authenticateCalls.length = 0;
	const task = result.run.data.resultData.runData[NODE_NAME]?.[0];
	if (!task) throw new Error(`the ${NODE_NAME} node did not run: ${result.error?.message ?? 'no run data'}`);
	return {
		nodeMs: task.executionTime,
		harnessMs,
		outputs: result.outputs,
		...(result.error ? { error: result.error } : {}),
	};
}
