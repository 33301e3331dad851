/**
 * Check Assumptions: read-only probes that tell which reading of an ambiguous vendor page the
 * user's own WDT follows (docs/wdt-ambiguities.md). One result per assumption; pure apart from
 * the transport behind the session.
 */
import { DAY_MS } from '../protocol';
import { clockCheck, pageSizeCheck, timeFormChecks } from './generalChecks';
import {
	purchaseApplyNoFilterCheck,
	purchaseApplyRangeCheck,
	srcTidCheck,
	status90Check,
	stockoutStatusTypeCheck,
	warehouseOnlyStockCheck,
} from './readingChecks';
import {
	flowTimeFormChecks,
	invoiceDefaultModeCheck,
	purchaseOrderRangeCheck,
	purchaseStockinRangeCheck,
	refundStockinTimeCheck,
	transferStatusListCheck,
} from './orderFlowChecks';
import { type AssumptionResult, type Check, couldNotTell, type Run } from './sampling';
import { ProbeSession, ProbeStopError, type ProbeTransport } from './session';
import {
	batchCalcFailureCheck,
	movementSpecListCheck,
	movementWindowCheck,
	stockSyncCountCheck,
	stockSyncPositionCheck,
	stocktakeLinesCheck,
} from './stockFlowChecks';

export interface CheckOptions {
	/** Where samples come from: the last this many days (bounded by LOOK_BACK_DAYS). */
	lookBackDays?: number;
	/** This host's clock (tests). */
	nowMs?: () => number;
	/** The session's call budget (default MAX_PROBE_CALLS). */
	maxCalls?: number;
}

export const LOOK_BACK_DAYS = { default: 7, min: 1, max: 30 };

/** Every check, in output order. */
export const CHECKS: readonly Check[] = [
	clockCheck,
	pageSizeCheck,
	...timeFormChecks,
	srcTidCheck,
	stockoutStatusTypeCheck,
	warehouseOnlyStockCheck,
	purchaseApplyRangeCheck,
	status90Check,
	// The pages of issue 22's stock and order flows.
	...flowTimeFormChecks,
	stockSyncPositionCheck,
	stockSyncCountCheck,
	batchCalcFailureCheck,
	movementWindowCheck,
	movementSpecListCheck,
	stocktakeLinesCheck,
	refundStockinTimeCheck,
	invoiceDefaultModeCheck,
	transferStatusListCheck,
	purchaseOrderRangeCheck,
	purchaseStockinRangeCheck,
	// Found since: a WDT older than V1.5.1.0 ignores purchase_apply_no.
	purchaseApplyNoFilterCheck,
];

/** Clamps the look-back to its bounds (whole days). */
export function lookBackDays(value: unknown): number {
	const number = Math.round(Number(value));
	if (!Number.isFinite(number)) return LOOK_BACK_DAYS.default;
	return Math.min(LOOK_BACK_DAYS.max, Math.max(LOOK_BACK_DAYS.min, number));
}

/**
 * Runs every check through `transport`, read-only and bounded; returns one result per check.
 * After a stop (rate limit, budget, a refused credential) the remaining checks say why.
 */
export async function checkAssumptions(
	transport: ProbeTransport,
	options: CheckOptions = {},
): Promise<AssumptionResult[]> {
	const hostNowMs = options.nowMs ?? (() => Date.now());
	const run: Run = {
		session: new ProbeSession(transport, options.maxCalls),
		hostNowMs,
		nowMs: hostNowMs(),
		lookBackMs: lookBackDays(options.lookBackDays ?? LOOK_BACK_DAYS.default) * DAY_MS,
		samples: new Map(),
	};
	const results: AssumptionResult[] = [];
	for (const check of CHECKS) {
		results.push(
			await check.run(run).catch(async (error: unknown) =>
				error instanceof ProbeStopError
					? couldNotTell(check, `Could not tell: ${error.message}.`, {
							calls_made: run.session.calls,
						})
					: await Promise.reject(error),
			),
		);
	}
	return results;
}
