import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { DAY_MS, toWdtTime, type TimeWindow } from '../../../shared/protocol';
import { catalogPaging, searchWindows } from '../../../shared/transport/search';
import { runPerItem } from '../common';
import { flattenLines, shapeRecord } from '../output';
import {
	outputModeField,
	readLimit,
	readOutputAsLines,
	readParallelRequests,
	readTextFilter,
	readTimeRange,
	readOptionsField,
	returnAllLimitFields,
	timeRangeFields,
} from '../shared.fields';

export const GOODS_METHOD = 'goods.Goods.queryWithSpec';

/** The page: start_time and end_time at most 30 days apart, over goods or spec modified times. */
const TIME_RANGE = {
	what: 'goods or spec modification',
	defaultSpanMs: 30 * DAY_MS,
	defaultSpanText: '30 days',
	windowText: '30-day',
	maxRangeDays: 366,
};

/**
 * Lines are the specs (SKUs). The goods fields get `spu_`, not `goods_`: goods records already
 * hold goods_modified and goods_created beside modified and created, which `goods_` would merge.
 */
export const OUTPUT = { record: 'Goods', lineList: 'spec_list', prefix: 'spu_' };

/** Filters shared with Get. */
export const includeDeletedFilter: INodeProperties = {
	displayName: 'Include Deleted',
	name: 'includeDeleted',
	type: 'boolean',
	default: false,
	description: 'Whether to return deleted goods and specs too. WDT field: hide_deleted.',
};

const properties: INodeProperties[] = [
	...timeRangeFields(TIME_RANGE),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Barcode',
				name: 'barcode',
				type: 'string',
				default: '',
				description: 'At most 50 characters. WDT field: barcode.',
			},
			{
				displayName: 'Brand Name',
				name: 'brandName',
				type: 'string',
				default: '',
				description: 'At most 64 characters. WDT field: brand_name.',
			},
			{
				displayName: 'Category Name',
				name: 'className',
				type: 'string',
				default: '',
				description: 'At most 100 characters. WDT field: class_name.',
			},
			includeDeletedFilter,
		],
	},
	outputModeField(OUTPUT),
	...returnAllLimitFields(),
	readOptionsField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['goods'], operation: ['getMany'] } },
	properties,
);

export interface GoodsQuery {
	params: IDataObject;
	/** Undefined: by number, without a time range (the page allows it). */
	range?: TimeWindow;
	limit: number;
	asLines: boolean;
	parallel: number;
}

/** hide_deleted: WDT's default is not stated on the page, so it is always sent. */
export function deletedParam(filters: IDataObject): IDataObject {
	return { hide_deleted: filters.includeDeleted !== true };
}

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): GoodsQuery {
	const filters = (ctx.getNodeParameter('filters', itemIndex, {}) ?? {}) as IDataObject;
	const text = (name: string, label: string, maxLength: number) =>
		readTextFilter(
			ctx,
			itemIndex,
			filters[name],
			`Filters → ${label} (filters.${name})`,
			maxLength,
		);
	const params: IDataObject = {};
	const add = (field: string, value: string | undefined) => {
		if (value !== undefined) params[field] = value;
	};
	add('brand_name', text('brandName', 'Brand Name', 64));
	add('class_name', text('className', 'Category Name', 100));
	add('barcode', text('barcode', 'Barcode', 50));
	return {
		params: { ...params, ...deletedParam(filters) },
		range: readTimeRange(ctx, itemIndex, nowMs, TIME_RANGE),
		limit: readLimit(ctx, itemIndex),
		asLines: readOutputAsLines(ctx, itemIndex),
		parallel: readParallelRequests(ctx, itemIndex),
	};
}

/** Every goods record of one query: 30-day windows, every page, deduplicated by goods_id. */
export async function readGoods(ctx: IExecuteFunctions, query: GoodsQuery): Promise<IDataObject[]> {
	const { records } = await searchWindows.call(ctx, {
		method: GOODS_METHOD,
		...catalogPaging(GOODS_METHOD),
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
		recordKey: (record) => String((record as IDataObject).goods_id),
		// Lines: the limit counts output items, which only the goods' specs tell.
		limit: query.asLines ? undefined : query.limit,
		parallel: query.parallel,
	});
	const goods = (records as IDataObject[]).map((record) =>
		shapeRecord(GOODS_METHOD, record, { lineLists: [OUTPUT.lineList] }),
	);
	const items = query.asLines
		? goods.flatMap((record) => flattenLines(record, OUTPUT.lineList, OUTPUT.prefix))
		: goods;
	return items.slice(0, query.limit);
}

/** goods.Goods.queryWithSpec over any range (split into 30-day windows), items paired. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const nowMs = Date.now();
	return await runPerItem(
		this,
		(i) => readQuery(this, i, nowMs),
		async (query) => await readGoods(this, query),
	);
}
