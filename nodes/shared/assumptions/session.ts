/**
 * The bounded, read-only call session of Check Assumptions: a hard budget of calls, a deadline
 * on each, only query/search methods, and a stop at WDT's first rate-limit or concurrency-limit
 * reply (or at a failure that every further call would share, such as a refused credential).
 * Pure: it reaches WDT only through the transport it is given (the node's or the CLI's).
 */
import { getCatalogMethod } from '../catalog';
import {
	isConcurrencyLimit,
	RATE_LIMIT_REST,
	WdtError,
	type WdtCall,
	type WdtResponse,
} from '../protocol';

/** Sends one signed call within `deadlineMs`; resolves with a status-0 reply, else throws a WdtError. */
export type ProbeTransport = (call: WdtCall, deadlineMs: number) => Promise<WdtResponse>;

/**
 * The hard bound on calls of one run: what the checks need when every sample finds what it looks
 * for (test/engine/check-assumptions-budget.test.ts counts it); an empty account takes about 20.
 */
export const MAX_PROBE_CALLS = 34;

/** The deadline of each call, all of its attempts included. */
export const PROBE_CALL_DEADLINE_MS = 20_000;

/** Failures every further call would share: the run stops at the first. */
const RUN_STOPPERS = new Set([
	'wrongKeyOrSecret',
	'wrongSidOrEnvironment',
	'clockSkew',
	'ipWhitelist',
	'versionMismatch',
	'dynamicPassword',
	'credentialFields',
	'notWdt',
	'unreachable',
]);

/** Thrown to end the run: every check not yet finished says `reason`. */
export class ProbeStopError extends Error {}

const stop = (reason: string) => new ProbeStopError(reason);

/** What one call gave: the reply, or the failure (a WdtError) when WDT refused it. */
export type ProbeReply = { ok: true; reply: WdtResponse } | { ok: false; error: WdtError };

/**
 * Reads whose names do not say so: batchCalcStock's page calls it a query ("库存同步计算查询");
 * Check Assumptions asks it only about goods id 0, which is no goods.
 */
const QUERIES_BY_PAGE = new Set(['system.Core.now', 'sales.StockSync.batchCalcStock']);

/** True for the methods Check Assumptions may call: reads only, never a write. */
export function isReadOnlyMethod(method: string): boolean {
	if (QUERIES_BY_PAGE.has(method)) return getCatalogMethod(method)?.write !== true;
	const action = method.split('.').pop() ?? '';
	return getCatalogMethod(method)?.write !== true && /^(search|query|get)/i.test(action);
}

/** Calls that got no usable reply (a deadline, a dropped connection) before the run gives up. */
export const MAX_UNANSWERED_CALLS = 2;

export class ProbeSession {
	calls = 0;
	unanswered = 0;
	/** Why the run stopped early, once it has. */
	stopped: string | undefined;
	/** The failure that stopped it, when WDT refused a call. */
	stoppedBy: WdtError | undefined;

	constructor(
		private readonly transport: ProbeTransport,
		readonly maxCalls = MAX_PROBE_CALLS,
		readonly deadlineMs = PROBE_CALL_DEADLINE_MS,
	) {}

	/** Sends one read. Throws ProbeStopError at the budget, a rate limit or a run-wide failure. */
	async call(call: WdtCall): Promise<ProbeReply> {
		if (!isReadOnlyMethod(call.method)) {
			throw new Error(`Check Assumptions only reads; ${call.method} is not a query method`);
		}
		if (this.stopped) throw stop(this.stopped);
		if (this.calls >= this.maxCalls) {
			this.stopped = `the run's budget of ${this.maxCalls} calls was spent`;
			throw stop(this.stopped);
		}
		this.calls++;
		try {
			return { ok: true, reply: await this.transport(call, this.deadlineMs) };
		} catch (error) {
			const failure =
				error instanceof WdtError
					? error
					: new WdtError(`WDT ${call.method}: ${(error as Error).message}`, {
							kind: 'network',
							fix: '',
							retryable: false,
						});
			if (failure.kind === 'rateLimit' || RUN_STOPPERS.has(failure.kind)) this.stoppedBy = failure;
			if (failure.kind === 'rateLimit') {
				this.stopped = `stopped at WDT's ${isConcurrencyLimit(failure) ? 'concurrency' : 'rate'} limit (WDT asks to let the API key rest ${RATE_LIMIT_REST})`;
				throw stop(this.stopped);
			}
			if (RUN_STOPPERS.has(failure.kind)) {
				this.stopped = `stopped: ${failure.message}`;
				throw stop(this.stopped);
			}
			if (failure.kind === 'network' || failure.kind === 'badResponse') {
				if (++this.unanswered >= MAX_UNANSWERED_CALLS) {
					this.stopped = `stopped after ${this.unanswered} calls without a usable reply (last: ${failure.message})`;
					throw stop(this.stopped);
				}
			}
			return { ok: false, error: failure };
		}
	}
}
