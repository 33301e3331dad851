/** One simulator and one engine per test file, with the credential that reaches them. */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach } from 'vitest';

import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { WdtTrigger } from '../../nodes/WdtTrigger/WdtTrigger.node';
import { createEngine, recordSecretValues, type Engine } from '../harness';
import {
	DEFAULT_SELLER,
	startSimulator,
	type SimulatorOptions,
	type WdtSimulator,
} from '../simulator';

export interface Rig {
	sim: WdtSimulator;
	engine: Engine;
	credentials: { wdtApi: ICredentialDataDecryptedObject };
	/** Runs start → WDT node with these parameters over these input items. */
	run(
		parameters: INodeParameters,
		input?: IDataObject[],
		options?: {
			continueOnFail?: boolean;
			onError?: 'continueErrorOutput' | 'continueRegularOutput';
			timezone?: string;
		},
	): ReturnType<Engine['runNode']>;
	close(): Promise<void>;
}

export async function startRig(options: SimulatorOptions = {}): Promise<Rig> {
	const sim = await startSimulator({
		seed: 'empty',
		onSignSeen: (sign) => recordSecretValues([sign], 'sign'),
		...options,
	});
	const engine = createEngine({ nodes: [Wdt, WdtTrigger] });
	const credentials = {
		wdtApi: {
			sid: DEFAULT_SELLER.sid,
			key: DEFAULT_SELLER.key,
			secret: DEFAULT_SELLER.secret,
			salt: DEFAULT_SELLER.salt,
			environment: 'custom',
			baseUrl: sim.url,
		},
	};
	return {
		sim,
		engine,
		credentials,
		run: async (parameters, input = [{}], runOptions = {}) =>
			await engine.runNode({ type: 'wdt', parameters, input, credentials, ...runOptions }),
		close: async () => await sim.close(),
	};
}

/** The JSON of every item of one output. */
export const jsonOf = (items: Array<{ json: IDataObject }> | undefined) =>
	(items ?? []).map((item) => item.json);

/** The input item index each output item is paired with. */
export const pairsOf = (items: Array<{ pairedItem?: unknown }> | undefined) =>
	(items ?? []).map((item) => {
		const paired = item.pairedItem as { item: number } | Array<{ item: number }> | undefined;
		return Array.isArray(paired) ? paired.map((p) => p.item) : paired?.item;
	});

/**
 * One rig for a test file: started before the first test, closed after the last, and reset to
 * an empty simulator (no records, requests or pending faults) before each test.
 */
export function useRig(): Rig {
	const rig = {} as Rig;
	beforeAll(async () => {
		Object.assign(rig, await startRig());
	});
	afterAll(async () => await rig.close());
	beforeEach(() => {
		rig.sim.resetData('empty');
		rig.sim.clearRequests();
		rig.sim.faults.clear();
	});
	return rig;
}
