import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { toStockoutItem, withStockoutDetails, type StockoutItem } from '../../../shared/protocol';
import { searchWindows } from '../../../shared/transport/search';
import { readStockoutDetails } from '../../../shared/transport/stockoutDetails';
import { searchCancelQuery } from '../../../shared/transport/stockouts';
import { runPerItem } from '../perItem';
import {
	ONE_HOUR_WINDOWS,
	operationFields,
	readLimit,
	readOptions,
	readOptionsField,
	readParallelRequests,
	readTimeRange,
	returnAllLimitFields,
	timeRangeFields,
} from '../shared.fields';

const TIME_RANGE = { ...ONE_HOUR_WINDOWS, what: 'cancellation (modification)' };

const properties: INodeProperties[] = [
	...timeRangeFields(TIME_RANGE),
	...returnAllLimitFields(),
	readOptionsField([
		{
			displayName: 'Include Details',
			name: 'includeDetails',
			type: 'boolean',
			default: false,
			description:
				"Whether to add each stockout's order, shop, warehouse, receiver, logistics and lines from wms.stockout.Sales.queryWithDetail (cancelled stockouts modified within the same hour come in one call, others one call each). WDT does not return Taobao/Tmall, Pinduoduo and system-distribution orders there: such items get details_found false and a details_missing_reason.",
		},
	]),
];

/** Its entry in the Sales Stockout resource's Operation field. */
export const option = {
	name: 'Get Many Cancelled',
	value: 'getManyCancelled',
	action: 'Get many cancelled sales stockouts',
	description: 'List sales stockouts cancelled in a time range (wms.stockout.Sales.searchCancel)',
};

export const description = operationFields('salesStockout', 'getManyCancelled', properties);

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
		{ hints: stockouts },
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
		(i) => readTimeRange(this, i, nowMs, TIME_RANGE),
		async (range, i) => {
			return await readCancelledStockouts(this, range, readLimit(this, i), {
				parallel: readParallelRequests(this, i),
				includeDetails: readOptions(this, i).includeDetails === true,
			});
		},
	);
}
