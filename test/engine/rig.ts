/** One simulator and one engine per test file, with the credential that reaches them. */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';

import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { WdtTrigger } from '../../nodes/WdtTrigger/WdtTrigger.node';
import { createEngine, recordSecretValues, type Engine } from '../harness';
import { startFakeWdtServer, type FakeWdtServer } from '../harness/fixtures/fake-wdt-server';
import {
	DEFAULT_SELLER,
	startSimulator,
	type SimulatorOptions,
	type WarehouseRecord,
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

/** The simulator's default seller as a WDT credential for a server at `baseUrl`. */
export function sellerCredentials(baseUrl: string) {
	const { sid, key, secret, salt } = DEFAULT_SELLER;
	const wdtApi: ICredentialDataDecryptedObject = { sid, key, secret, salt, baseUrl };
	return { wdtApi: { ...wdtApi, environment: 'custom' } };
}

export async function startRig(options: SimulatorOptions = {}): Promise<Rig> {
	const sim = await startSimulator({
		seed: 'empty',
		onSignSeen: (sign) => recordSecretValues([sign], 'sign'),
		...options,
	});
	const engine = createEngine({ nodes: [Wdt, WdtTrigger] });
	const credentials = sellerCredentials(sim.url);
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

/** The calls the simulator received for `method`: first argument and page number. */
export const callsOf = (rig: Rig, method: string) =>
	rig.sim.requestsFor(method).map((request) => ({
		params: (request.args as unknown[])[0] as IDataObject,
		pageNo: request.query.page_no,
	}));

/** A test file's rig for one read resource: its Get Many runner and the calls of its method. */
export function useReadRig(resource: string, method: string) {
	const rig = useRig();
	return { rig, getMany: readRunner(rig, resource), calls: () => callsOf(rig, method) };
}

/** Runs one read operation with Return All, `extra` parameters and an optional timezone. */
export const readRunner =
	(rig: Rig, resource: string, operation = 'getMany') =>
	(extra: IDataObject = {}, timezone?: string) =>
		rig.run(
			{ resource, operation, returnAll: true, ...extra },
			undefined,
			timezone ? { timezone } : {},
		);

/** A warehouse of the simulator's master data, number i (WH001…), modified at `modifiedMs`. */
export const warehouseRecord = (
	i: number,
	modifiedMs: number,
	extra: Partial<WarehouseRecord> = {},
): WarehouseRecord => ({
	warehouseId: i + 1,
	warehouseNo: `WH${String(i + 1).padStart(3, '0')}`,
	name: `仓库${i + 1}`,
	type: 1,
	subType: 0,
	isDisabled: false,
	deleted: false,
	modifiedMs,
	...extra,
});

/**
 * One local fake WDT server (test/harness/fixtures/fake-wdt-server) and one engine for a test
 * file, for reply shapes the simulator does not produce; requests cleared before each test.
 */
export function useFakeWdt(): { server: FakeWdtServer; engine: Engine } {
	const fake = {} as { server: FakeWdtServer; engine: Engine };
	beforeAll(async () => {
		fake.server = await startFakeWdtServer();
		fake.engine = createEngine({ nodes: [Wdt] });
	});
	afterAll(async () => await fake.server.close());
	beforeEach(() => {
		fake.server.requests.length = 0;
	});
	return fake;
}

/** The JSON of the first output of a run that must not fail. */
export async function readOk(
	run: Promise<{ outputs: Array<Array<{ json: IDataObject }>>; error?: unknown }>,
): Promise<IDataObject[]> {
	const { outputs, error } = await run;
	expect(error).toBeUndefined();
	return jsonOf(outputs[0]);
}

/** The test that a read meeting WDT's rate limit reports it and does not call again. */
export function itReportsRateLimitWithoutRetry(
	rig: Rig,
	method: string,
	read: () => ReturnType<Rig['run']>,
): void {
	it('reports a rate limit without retrying', async () => {
		rig.sim.faults.next('rateLimit', 1, method);
		const { error } = await read();
		expect(error?.message).toMatch(/rate|limit/i);
		expect(rig.sim.requestsFor(method)).toHaveLength(1);
	});
}
