import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	DAY_MS,
	HOUR_MS,
	toStockoutItem,
	withStockoutDetails,
	type StockoutItem,
} from '../../../shared/protocol';
import { searchWindows } from '../../../shared/transport/search';
import { readStockoutDetails } from '../../../shared/transport/stockoutDetails';
import { searchCancelQuery } from '../../../shared/transport/stockouts';
import { invalidInput, readDateParameter, runPerItem } from '../common';
import { readOptions, readOptionsField, readParallelRequests } from '../readOptions';

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
	{
		...readOptionsField([
			{
				displayName: 'Include Details',
				name: 'includeDetails',
				type: 'boolean',
				default: false,
				description:
					"Whether to add each stockout's order, shop, warehouse, receiver, logistics and lines from wms.stockout.Sales.queryWithDetail (one extra call per stockout). WDT does not return Taobao/Tmall, Pinduoduo and system-distribution orders there: such items get details_found false and a details_missing_reason.",
			},
		]),
		displayOptions: { show },
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

/** Every cancelled stockout of one range on the read engine (one-hour windows), up to the limit. */
async function readCancelledStockouts(
	ctx: IExecuteFunctions,
	range: { startMs: number; endMs: number },
	limit: number,
	options: { parallel: number; includeDetails: boolean },
): Promise<IDataObject[]> {
	const { records } = await searchWindows.call(ctx, {
		...searchCancelQuery(range),
		limit,
		parallel: options.parallel,
	});
	const stockouts: StockoutItem[] = records.map((raw) =>
		toStockoutItem(raw as Record<string, unknown>),
	);
	if (!options.includeDetails) return stockouts as IDataObject[];
	const { details } = await readStockoutDetails.call(
		ctx,
		stockouts.map((stockout) => stockout.stockout_no),
	);
	return stockouts.map(
		(stockout) => withStockoutDetails(stockout, details.get(stockout.stockout_no)) as IDataObject,
	);
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
			return await readCancelledStockouts(this, range, limit, {
				parallel: readParallelRequests(this, i),
				includeDetails: readOptions(this, i).includeDetails === true,
			});
		},
	);
}
