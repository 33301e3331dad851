import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPaging, readOperation, type RecordQuery, type RecordRead } from '../read';
import {
	filtersField,
	getManyFields,
	operationFields,
	readFilters,
	readTextFilter,
	readTimeRange,
	THIRTY_DAY_WINDOWS,
	timeRangeFields,
} from '../shared.fields';

export const GOODS_METHOD = 'goods.Goods.queryWithSpec';

/** The page: start_time and end_time at most 30 days apart, over goods or spec modified times. */
const TIME_RANGE = {
	what: 'goods or spec modification',
	...THIRTY_DAY_WINDOWS,
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
	filtersField([
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
	]),
	...getManyFields({ output: OUTPUT }),
];

/** Its entry in the Product resource's Operation field. */
export const option = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many products',
	description: 'List goods with their specs modified in a time range (goods.Goods.queryWithSpec)',
};

export const description = operationFields('goods', 'getMany', properties);

/** 30-day windows, every page, each goods record once by goods_id. */
export const GOODS_READ: RecordRead = { method: GOODS_METHOD, idField: 'goods_id', lines: OUTPUT };

/** hide_deleted: WDT's default is not stated on the page, so it is always sent. */
export function deletedParam(filters: IDataObject): IDataObject {
	return { hide_deleted: filters.includeDeleted !== true };
}

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): RecordQuery {
	const filters = readFilters(ctx, itemIndex);
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
		...readPaging(ctx, itemIndex),
	};
}

/** goods.Goods.queryWithSpec over any range (split into 30-day windows), items paired. */
export const execute = readOperation(GOODS_READ, readQuery);
