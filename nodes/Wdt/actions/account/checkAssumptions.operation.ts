import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	checkAssumptions,
	LOOK_BACK_DAYS,
	lookBackDays,
	MAX_PROBE_CALLS,
	type ProbeTransport,
} from '../../../shared/assumptions';
import { WDT_DEADLINES } from '../../../shared/protocol';
import { callWdt, toNodeError } from '../../../shared/transport';
import { operationFields } from '../shared.fields';

const properties: INodeProperties[] = [
	{
		displayName: `Only reads: it makes at most ${MAX_PROBE_CALLS} query calls, each with a deadline, and stops at WDT's first rate-limit reply. It runs once, whatever the number of input items.`,
		name: 'checkAssumptionsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Look Back (Days)',
		name: 'lookBackDays',
		type: 'number',
		typeOptions: { minValue: LOOK_BACK_DAYS.min, maxValue: LOOK_BACK_DAYS.max, numberPrecision: 0 },
		default: 7,
		description: `Where samples come from: records of the last this many days (${LOOK_BACK_DAYS.min} to ${LOOK_BACK_DAYS.max})`,
	},
];

/** Its entry in the Account resource's Operation field. */
export const option = {
	name: 'Check Assumptions',
	value: 'checkAssumptions',
	action: 'Check assumptions about this account',
	description: `Tell which reading of the ambiguous vendor pages your WDT follows. Only reads: at most ${MAX_PROBE_CALLS} query calls.`,
};

export const description = operationFields('account', 'checkAssumptions', properties);

/**
 * Probes the user's WDT with read-only calls and outputs one item per assumption the package
 * makes where the vendor pages are ambiguous (see nodes/shared/assumptions).
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	// One attempt per call, within the probe's deadline (or the package's read deadline if shorter).
	const transport: ProbeTransport = async (call, deadlineMs) => {
		const limit = Math.min(deadlineMs, WDT_DEADLINES.readMs);
		return await callWdt.call(this, call, {
			write: false,
			retries: 0,
			attemptTimeoutMs: limit,
			deadlineMs: limit,
		});
	};
	try {
		const results = await checkAssumptions(transport, {
			lookBackDays: lookBackDays(this.getNodeParameter('lookBackDays', 0, LOOK_BACK_DAYS.default)),
		});
		return results.map((result) => ({
			json: result as unknown as IDataObject,
			pairedItem: { item: 0 },
		}));
	} catch (error) {
		// Failures of WDT calls are findings ("could not tell"); this is anything else.
		if (!this.continueOnFail()) throw toNodeError(this.getNode(), error);
		return [{ json: { error: (error as Error).message }, pairedItem: { item: 0 } }];
	}
}
