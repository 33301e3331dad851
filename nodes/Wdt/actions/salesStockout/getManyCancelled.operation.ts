import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	DAY_MS,
	HOUR_MS,
	splitIntoWindows,
	stockoutEventKey,
	toWdtTime,
} from '../../../shared/protocol';
import {
	readStockoutWindow,
	SEARCH_CANCEL_MAX_WINDOW_MS,
} from '../../../shared/transport/stockouts';
import { invalidInput, readDateParameter, runPerItem } from '../common';

const show = { resource: ['salesStockout'], operation: ['getManyCancelled'] };

/** A longer range would mean hundreds of calls in one run; the trigger is the tool for history. */
export const MAX_RANGE_DAYS = 31;

export const description: INodeProperties[] = [
	{
		displayName: 'Modified After',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		placeholder: 'Empty: one hour before Modified Before',
		hint: 'Leave both times empty to get the last hour',
		displayOptions: { show },
		description:
			'Start of the range of cancellation (modification) times. Empty: one hour before the end. Any timezone; WDT is queried in China Standard Time. WDT field: start_time.',
	},
	{
		displayName: 'Modified Before',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		placeholder: 'Empty: now',
		displayOptions: { show },
		description: `End of the range. Empty: now. Any length up to ${MAX_RANGE_DAYS} days: the node splits it into the one-hour windows WDT accepts. WDT field: end_time.`,
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show: { ...show, returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

function readRange(
	ctx: IExecuteFunctions,
	itemIndex: number,
	nowMs: number,
): { startMs: number; endMs: number } {
	const endMs = readDateParameter(ctx, itemIndex, 'endTime', 'Modified Before (endTime)') ?? nowMs;
	const startMs =
		readDateParameter(ctx, itemIndex, 'startTime', 'Modified After (startTime)') ?? endMs - HOUR_MS;
	if (endMs < startMs) {
		throw invalidInput(
			ctx,
			itemIndex,
			'Modified Before (endTime)',
			'lies before Modified After (startTime).',
		);
	}
	if (endMs - startMs > MAX_RANGE_DAYS * DAY_MS) {
		throw invalidInput(
			ctx,
			itemIndex,
			'Modified After (startTime)',
			`and Modified Before (endTime) are more than ${MAX_RANGE_DAYS} days apart; split the range or use the WDT Trigger.`,
		);
	}
	return { startMs, endMs };
}

/** Every cancelled stockout of one range, window by window, stopping at the limit. */
async function readCancelledStockouts(
	ctx: IExecuteFunctions,
	range: { startMs: number; endMs: number },
	limit: number,
): Promise<IDataObject[]> {
	const seen = new Set<string>();
	const found: IDataObject[] = [];
	for (const window of splitIntoWindows(range.startMs, range.endMs, SEARCH_CANCEL_MAX_WINDOW_MS)) {
		// Records at the shared boundary second may come again; ask for that many more.
		const boundary = toWdtTime(window.startMs);
		const repeats = found.filter((stockout) => stockout.modified === boundary).length;
		const { stockouts } = await readStockoutWindow.call(ctx, window, {
			limit: limit - found.length + repeats,
		});
		for (const stockout of stockouts) {
			const key = stockoutEventKey(stockout);
			if (seen.has(key) || found.length >= limit) continue;
			seen.add(key);
			found.push(stockout as IDataObject);
		}
		if (found.length >= limit) break;
	}
	return found;
}
/** wms.stockout.Sales.searchCancel over any range: one-hour windows, every page, items paired. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const nowMs = Date.now();
	return await runPerItem(
		this,
		(i) => readRange(this, i, nowMs),
		async (range, i) => {
			const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
			const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
			return await readCancelledStockouts(this, range, limit);
		},
	);
}
