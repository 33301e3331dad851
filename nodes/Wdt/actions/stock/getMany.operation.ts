import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { DAY_MS, toWdtTime, type TimeWindow } from '../../../shared/protocol';
import { catalogPaging, searchWindows } from '../../../shared/transport/search';
import { invalidInput, runPerItem } from '../common';
import { readLocatorCode, warehouseLocator } from '../locators';
import { shapeRecord } from '../output';
import {
	readLimit,
	readOptionsField,
	readParallelRequests,
	readTimeRange,
	returnAllLimitFields,
	timeRangeFields,
} from '../shared.fields';

/**
 * wms.StockSpec.search2, not wms.StockSpec.search: the page of search says "接口已过时, 请使用
 * wms.StockSpec.search2" (obsolete, use search2). Both take the same 30-day start_time/end_time.
 */
export const STOCK_METHOD = 'wms.StockSpec.search2';

const TIME_RANGE = {
	what: 'stock change',
	defaultSpanMs: 30 * DAY_MS,
	defaultSpanText: '30 days',
	windowText: '30-day',
	maxRangeDays: 366,
};

/** SKU codes of one query; the page gives no count limit, so the node keeps requests modest. */
export const MAX_SKU_CODES = 100;

const properties: INodeProperties[] = [
	warehouseLocator({ description: 'Optional: only the stock of this warehouse.' }),
	{
		displayName: 'SKU Codes',
		name: 'specNos',
		type: 'string',
		default: '',
		placeholder: 'e.g. TS-001-BLK-M, TS-001-WHT-L',
		description: `Optional: only these SKUs (merchant codes), comma-separated, at most ${MAX_SKU_CODES}, each at most 40 characters. WDT field: spec_nos.`,
	},
	{
		displayName: 'Changed Since',
		name: 'changedSince',
		type: 'boolean',
		default: false,
		description:
			'Whether to return only stock that changed in a time range. Off: the current stock of the warehouse or SKUs above (with neither: stock changed in the last 30 days).',
	},
	...updateDisplayOptions({ show: { changedSince: [true] } }, timeRangeFields(TIME_RANGE)),
	...returnAllLimitFields(),
	readOptionsField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['stock'], operation: ['getMany'] } },
	properties,
);

interface StockQuery {
	params: IDataObject;
	range?: TimeWindow;
	limit: number;
	parallel: number;
}

function readSkuCodes(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const label = 'SKU Codes (spec_nos)';
	const raw = ctx.getNodeParameter('specNos', itemIndex, '') as unknown;
	const codes = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/[,，\n]/))
		.map((code) => code.trim())
		.filter(Boolean);
	const unique = [...new Set(codes)];
	if (unique.length > MAX_SKU_CODES)
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			`holds ${unique.length} codes; at most ${MAX_SKU_CODES}.`,
		);
	const tooLong = unique.find((code) => [...code].length > 40);
	if (tooLong)
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			`holds "${tooLong}", which is longer than 40 characters.`,
		);
	return unique;
}

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): StockQuery {
	const params: IDataObject = {};
	const warehouseNo = readLocatorCode(ctx, itemIndex, 'warehouseNo');
	if ([...warehouseNo].length > 40)
		throw invalidInput(ctx, itemIndex, 'Warehouse (warehouse_no)', 'is longer than 40 characters.');
	if (warehouseNo) params.warehouse_no = warehouseNo;
	const specNos = readSkuCodes(ctx, itemIndex);
	if (specNos.length) params.spec_nos = specNos;
	const changedSince = ctx.getNodeParameter('changedSince', itemIndex, false) as boolean;
	const unfiltered = !warehouseNo && specNos.length === 0;
	return {
		params,
		range:
			changedSince || unfiltered ? readTimeRange(ctx, itemIndex, nowMs, TIME_RANGE) : undefined,
		limit: readLimit(ctx, itemIndex),
		parallel: readParallelRequests(ctx, itemIndex),
	};
}

/** wms.StockSpec.search2: stock per SKU and warehouse, every page, by rec_id. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const nowMs = Date.now();
	return await runPerItem(
		this,
		(i) => readQuery(this, i, nowMs),
		async (query) => {
			const { records } = await searchWindows.call(this, {
				method: STOCK_METHOD,
				...catalogPaging(STOCK_METHOD),
				args: (window) => [
					window
						? {
								...query.params,
								start_time: toWdtTime(window.startMs),
								end_time: toWdtTime(window.endMs),
							}
						: query.params,
				],
				range: query.range,
				recordKey: (record) => String((record as IDataObject).rec_id),
				limit: query.limit,
				parallel: query.parallel,
			});
			return (records as IDataObject[]).map((record) => shapeRecord(STOCK_METHOD, record, {}));
		},
	);
}
