/**
 * Shared setup of the trigger's engine tests: the WDT simulator with a frozen clock, n8n's poll
 * engine (test/harness) and the host clock (`Date`) kept on the simulator's clock.
 *
 * The credential signs every request with the host's Date.now() and the simulator rejects
 * timestamps more than 120 s off its own clock, and the trigger's rate-limit pause is measured
 * on the host clock too. So while the simulated clock moves (1 minute per poll, 48 hours in a
 * few seconds), `Date` is faked (only `Date`: timers and the HTTP stack run for real) and set
 * to the simulated instant on every move.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, expect, vi } from 'vitest';

import { WdtTrigger } from '../../nodes/WdtTrigger/WdtTrigger.node';
import {
	createEngine,
	recordSecretValues,
	type Engine,
	type RunPollOptions,
	type RunPollResult,
} from '../harness';
import {
	DEFAULT_SELLER,
	formatCst,
	METHODS,
	type MethodSpec,
	startSimulator,
	type DrawnFault,
	type RecordedRequest,
	type SimulatorOptions,
	type WdtSimulator,
} from '../simulator';

export const SEARCH_CANCEL = 'wms.stockout.Sales.searchCancel';
export const CORE_NOW = 'system.Core.now';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** 2024-11-22 10:00:00 CST. */
export const T0 = Date.parse('2024-11-22T10:00:00+08:00');

/** `yyyy-MM-dd HH:mm:ss` (CST), the shape of every time in the trigger's static data. */
export const WDT_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export type PollOptions = Omit<RunPollOptions, 'nodeType' | 'mode'> & {
	mode?: 'trigger' | 'manual';
};

export interface PollOutcome extends RunPollResult {
	/** The requests this poll made, in order. */
	requests: RecordedRequest[];
	/** JSON of the emitted items (first output), [] when the poll returned null. */
	emitted: IDataObject[];
}

export interface TriggerRig {
	sim: WdtSimulator;
	engine: Engine;
	credentials: { wdtApi: IDataObject };
	/** Simulated now (unix ms). */
	now(): number;
	/** Moves the simulated clock and the host's Date to `ms`. */
	setTime(ms: number): void;
	advance(ms: number): void;
	/** One poll of the WDT Trigger through n8n's engine (default: a scheduled poll, trigger mode). */
	poll(options?: PollOptions): Promise<PollOutcome>;
	/** The id of the workflow the polls belong to (n8n keeps one per workflow); new per test. */
	workflowId: string;
	/** Makes system.Core.now answer `offsetMs` away from the simulator's clock until called again with 0. */
	skewCoreNow(offsetMs: number): void;
	close(): Promise<void>;
}

export interface TriggerRigOptions extends SimulatorOptions {
	/**
	 * Register every request's sign value for the secret-leak check (default true). The teardown
	 * scan compares every registered value with every recorded text, so thousands of polls make
	 * it take tens of seconds; long runs register the credential's secret and salt only.
	 */
	registerSigns?: boolean;
}

export async function startTriggerRig(options: TriggerRigOptions = {}): Promise<TriggerRig> {
	const { registerSigns = true, ...simulatorOptions } = options;
	const sim = await startSimulator({
		seed: 'empty',
		now: T0,
		freezeClock: true,
		latencyMs: 0,
		...simulatorOptions,
	});
	vi.useFakeTimers({ toFake: ['Date'], now: sim.clock.now() });
	const engine = createEngine({ nodes: [WdtTrigger], registerSecrets: registerSigns });
	const { sid, key, secret, salt } = DEFAULT_SELLER;
	if (!registerSigns) {
		recordSecretValues([secret], 'credential secret');
		recordSecretValues([salt], 'credential salt');
	}
	const credentials = {
		wdtApi: { sid, key, secret, salt, environment: 'custom', baseUrl: sim.url },
	};
	const setTime = (ms: number) => {
		sim.clock.set(ms);
		vi.setSystemTime(ms);
	};
	const coreNow = METHODS.get(CORE_NOW) as MethodSpec;
	const coreNowRun = coreNow.run;
	const rig: TriggerRig = {
		sim,
		engine,
		credentials,
		workflowId: 'trigger-workflow-0',
		skewCoreNow(offsetMs) {
			coreNow.run =
				offsetMs === 0
					? coreNowRun
					: (call) => coreNowRun({ ...call, nowMs: call.nowMs + offsetMs });
		},
		now: () => sim.clock.now(),
		setTime,
		advance: (ms) => setTime(sim.clock.now() + ms),
		async poll(pollOptions = {}) {
			const before = sim.requests.length;
			const result = await engine.runPoll({
				nodeType: 'wdtTrigger',
				mode: 'trigger',
				credentials,
				workflowId: this.workflowId,
				...pollOptions,
			});
			return { ...result, requests: sim.requests.slice(before), emitted: jsonOf(result.items) };
		},
		async close() {
			coreNow.run = coreNowRun;
			vi.useRealTimers();
			await sim.close();
		},
	};
	return rig;
}

export type Persistence = 'n8n1' | 'n8n2';

/** The first argument (the params object) of each request of `method` a poll made. */
export const paramsOf = (poll: Pick<PollOutcome, 'requests'>, method: string) =>
	poll.requests
		.filter((request) => request.method === method)
		.map((request) => (request.args as Record<string, unknown>[])[0]);

/** The static data of an active trigger on `event` whose cursor and activation are at `ms`. */
export const stateAt = (event: string, ms: number): IDataObject => ({
	event,
	cursor: formatCst(ms),
	since: formatCst(ms),
	emitted: {},
});

/**
 * Scheduled polls at T0 + from … T0 + to minutes, each on the static data the previous one
 * left; none may fail or leave static data of another shape.
 */
export async function pollMinutes(
	rig: TriggerRig,
	persistence: Persistence,
	staticData: IDataObject,
	[from, to]: [number, number],
	parameters: INodeParameters = {},
): Promise<{ polls: PollOutcome[]; staticData: IDataObject; emitted: IDataObject[] }> {
	const polls: PollOutcome[] = [];
	const event = typeof parameters.event === 'string' ? parameters.event : 'stockoutCancelled';
	for (let minute = from; minute <= to; minute++) {
		rig.setTime(T0 + minute * MINUTE);
		const result = await rig.poll({ persistence, staticData, parameters });
		expect(result.error, `poll at T0 + ${minute} min`).toBeUndefined();
		expect(staticDataProblems(result.staticData, event), `poll at T0 + ${minute} min`).toEqual([]);
		polls.push(result);
		staticData = result.staticData;
	}
	return { polls, staticData, emitted: polls.flatMap((poll) => poll.emitted) };
}

export function jsonOf(items: INodeExecutionData[][] | null): IDataObject[] {
	return items?.[0]?.map((item) => item.json) ?? [];
}

/** The identity of one cancellation event: `stockout_id@modified`. */
export const eventKey = (stockoutId: number | string, modifiedMs: number) =>
	`${stockoutId}@${formatCst(modifiedMs)}`;
export const keyOf = (json: IDataObject) => `${String(json.stockout_id)}@${String(json.modified)}`;

/**
 * A hook on every request that reached a method, called after the checks and before the fault
 * draw and the method run: the request is already in `sim.requests` with its page number. The
 * hook may change the store (the method then sees the change) or return a fault for this request.
 * The simulator has no request hook of its own; this wraps its fault injector's draw().
 */
export function onRequest(
	sim: WdtSimulator,
	hook: (request: RecordedRequest) => DrawnFault | undefined | void,
): () => void {
	const original = sim.faults.draw.bind(sim.faults);
	sim.faults.draw = (method: string) => {
		const request = sim.requests[sim.requests.length - 1];
		const fault = request && request.method === method ? hook(request) : undefined;
		return fault ?? original(method);
	};
	return () => {
		sim.faults.draw = original;
	};
}

/** Statistics of a list of numbers. */
export function stats(values: number[]): {
	min: number;
	median: number;
	max: number;
	mean: number;
	total: number;
} {
	const sorted = [...values].sort((a, b) => a - b);
	const total = sorted.reduce((sum, value) => sum + value, 0);
	const mid = Math.floor(sorted.length / 2);
	const median =
		sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return {
		min: sorted[0] ?? 0,
		median,
		max: sorted[sorted.length - 1] ?? 0,
		mean: sorted.length ? Math.round((total / sorted.length) * 100) / 100 : 0,
		total,
	};
}

/** Checks the trigger's static data is plain, readable JSON of the documented shape. */
export function staticDataProblems(data: IDataObject, event = 'stockoutCancelled'): string[] {
	const problems: string[] = [];
	const allowed = new Set([
		'event',
		'cursor',
		'since',
		'emitted',
		'states',
		'pausedUntil',
		'rateLimitStreak',
	]);
	for (const key of Object.keys(data))
		if (!allowed.has(key)) problems.push(`unexpected key ${key}`);
	if (JSON.stringify(JSON.parse(JSON.stringify(data))) !== JSON.stringify(data))
		problems.push('not plain JSON');
	for (const key of ['cursor', 'since', 'pausedUntil'] as const) {
		if (
			data[key] !== undefined &&
			!(typeof data[key] === 'string' && WDT_TIME.test(data[key] as string))
		) {
			problems.push(`${key} is not a WDT time: ${JSON.stringify(data[key])}`);
		}
	}
	if (
		data.rateLimitStreak !== undefined &&
		!(Number.isInteger(data.rateLimitStreak) && (data.rateLimitStreak as number) > 0)
	) {
		problems.push(`rateLimitStreak: ${JSON.stringify(data.rateLimitStreak)}`);
	}
	if (data.event !== event) problems.push(`event: ${JSON.stringify(data.event)}`);
	const emitted = data.emitted;
	if (!emitted || typeof emitted !== 'object' || Array.isArray(emitted)) {
		problems.push('emitted is not an object');
	} else {
		for (const [key, modified] of Object.entries(emitted)) {
			if (!/^\S+$/.test(key) || typeof modified !== 'string' || !WDT_TIME.test(modified)) {
				problems.push(`emitted entry ${JSON.stringify([key, modified])}`);
			}
		}
	}
	// Events with a state (Purchase Apply Status Changed): the state of each remembered key.
	const states = data.states;
	if (states !== undefined) {
		if (!states || typeof states !== 'object' || Array.isArray(states)) {
			problems.push('states is not an object');
		} else {
			for (const [key, state] of Object.entries(states)) {
				if (typeof state !== 'string' || !(key in ((emitted as object) ?? {})))
					problems.push(`states entry ${JSON.stringify([key, state])}`);
			}
		}
	}
	return problems;
}

/**
 * One trigger rig for a test file: started before the first test, closed after the last, and
 * before each test reset to an empty simulator (searchCancel: status 5 only) with its clock (and
 * the host's Date) at T0.
 */
export function useTriggerRig(options: TriggerRigOptions = {}): TriggerRig {
	const rig = {} as TriggerRig;
	beforeAll(async () => {
		Object.assign(rig, await startTriggerRig(options));
	});
	afterAll(async () => await rig.close());
	let workflows = 0;
	beforeEach(() => {
		rig.workflowId = `trigger-workflow-${++workflows}`;
		rig.skewCoreNow(0);
		rig.sim.resetData('empty');
		rig.sim.faults.clear();
		rig.sim.clearRequests();
		rig.sim.searchCancelStatuses = [5];
		rig.setTime(T0);
	});
	return rig;
}

/**
 * A rate-limit reply on `method` at the poll now: the poll returns null and pauses the trigger
 * (no call for the next 4 minutes, under either persistence), and the poll 5 minutes later
 * reads again. Returns that poll's items.
 */
export async function pollThroughRateLimit(
	rig: TriggerRig,
	persistence: Persistence,
	staticData: IDataObject,
	parameters: INodeParameters,
	method: string,
): Promise<IDataObject[]> {
	rig.sim.faults.next('rateLimit', 1, method);
	const limited = await rig.poll({ persistence, staticData, parameters });
	expect(limited.error).toBeUndefined();
	expect(limited.items).toBeNull();
	expect(limited.staticData).toMatchObject({ rateLimitStreak: 1 });
	expect(limited.warnings.join('\n')).toContain('WDT rate-limited this key');
	let state = limited.staticData;
	for (let minute = 1; minute <= 5; minute++) {
		rig.advance(MINUTE);
		const next = await rig.poll({ persistence, staticData: state, parameters });
		expect(next.error).toBeUndefined();
		if (minute < 5) expect(next.requests).toEqual([]);
		state = next.staticData;
		if (minute === 5) {
			expect(next.requests.length).toBeGreaterThan(0);
			expect(state).not.toHaveProperty('pausedUntil');
			return next.emitted;
		}
	}
	return [];
}
