import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	DAY_MS,
	HOUR_MS,
	parseUserDateTime,
	splitIntoWindows,
	stockoutEventKey,
	toWdtTime,
} from '../../../shared/protocol';
import {
	readStockoutWindow,
	SEARCH_CANCEL_MAX_WINDOW_MS,
} from '../../../shared/transport/stockouts';
import { toNodeError } from '../../../shared/transport';
import { invalidInput } from '../common';

const show = { resource: ['salesStockout'], operation: ['getManyCancelled'] };

/** A longer range would mean hundreds of calls in one run; the trigger is the tool for history. */
export const MAX_RANGE_DAYS = 31;

export const description: INodeProperties[] = [
	{
		displayName: 'Modified After',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		displayOptions: { show },
		description:
			'Start of the range of cancellation (modification) times. Empty: one hour before the end. Any timezone; WDT is queried in China Standard Time. WDT field: start_time.',
	},
	{
		displayName: 'Modified Before',
		name: 'endTime',
		type: 'dateTime',
		default: '',
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
	const timezone = ctx.getTimezone();
	const read = (name: string, label: string): number | undefined => {
		const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
		if (value === '' || value === null || value === undefined) return undefined;
		const ms = parseUserDateTime(value, timezone);
		if (ms === undefined)
			throw invalidInput(ctx, itemIndex, label, `is not a date: "${String(value)}".`);
		return ms;
	};
	const endMs = read('endTime', 'Modified Before (endTime)') ?? nowMs;
	const startMs = read('startTime', 'Modified After (startTime)') ?? endMs - HOUR_MS;
	if (endMs < startMs)
		throw invalidInput(
			ctx,
			itemIndex,
			'Modified Before (endTime)',
			'lies before Modified After (startTime).',
		);
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

/** wms.stockout.Sales.searchCancel over any range: one-hour windows, every page, items paired. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const nowMs = Date.now();
	const ranges: Array<{ startMs: number; endMs: number } | NodeApiError | NodeOperationError> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			ranges.push(readRange(this, i, nowMs));
		} catch (error) {
			const problem = toNodeError(this.getNode(), error, { itemIndex: i });
			if (!this.continueOnFail()) throw problem;
			ranges.push(problem);
		}
	}

	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const range = ranges[i];
		if (range instanceof NodeOperationError || range instanceof NodeApiError) {
			output.push({
				json: { error: range.message },
				error: range,
				pairedItem: { item: i },
			});
			continue;
		}
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
		try {
			const seen = new Set<string>();
			const found: IDataObject[] = [];
			for (const window of splitIntoWindows(
				range.startMs,
				range.endMs,
				SEARCH_CANCEL_MAX_WINDOW_MS,
			)) {
				// Records at the shared boundary second may come again; ask for that many more.
				const boundary = toWdtTime(window.startMs);
				const repeats = found.filter((stockout) => stockout.modified === boundary).length;
				const { stockouts } = await readStockoutWindow.call(this, window, {
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
			for (const stockout of found) output.push({ json: stockout, pairedItem: { item: i } });
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, { itemIndex: i });
			if (!this.continueOnFail()) throw nodeError;
			output.push({
				json: { error: nodeError.message },
				error: nodeError,
				pairedItem: { item: i },
			});
		}
	}
	return output;
}
