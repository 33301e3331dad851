import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readSkuCodes } from '../filterReaders';
import { invalidInput } from '../parameters';
import { readLocatorFilter, WAREHOUSE_FILTER, warehouseLocator } from '../locators';
import { lengthOf, STOCK } from '../../../shared/records';
import {
	getManyOption,
	readOperation,
	readPaging,
	type ReadQuery,
	timeRangeOf,
} from '../readOperation';
import { getManyFields, operationFields, readTimeRange, timeRangeFields } from '../shared.fields';

const TIME_RANGE = timeRangeOf(STOCK, 'stock change');

/** A SKU code's length on the page. */
const SKU_CODE_LENGTH = lengthOf(STOCK, 'spec_nos');

/** SKU codes of one query; the page gives no count limit, so the node keeps requests modest. */
export const MAX_SKU_CODES = 100;

/** What a read selects: WDT's search2 takes no times only for given SKU codes. */
const READ = { changed: 'changed', currentOfSkus: 'currentOfSkus' } as const;

const skuCodes = (required: boolean, description: string): INodeProperties => ({
	displayName: 'SKU Codes',
	name: 'specNos',
	type: 'string',
	required,
	default: '',
	placeholder: 'e.g. TS-001-BLK-M, TS-001-WHT-L',
	description: `${description} Comma-separated, at most ${MAX_SKU_CODES}, each at most ${SKU_CODE_LENGTH} characters. WDT field: spec_nos.`,
});

const properties: INodeProperties[] = [
	{
		displayName: 'Read',
		name: 'stockRead',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Stock Changed in a Time Range',
				value: 'changed',
				description:
					'Every stock record (SKU and warehouse) whose stock changed in the range. A SKU whose stock did not change in it is not returned.',
			},
			{
				name: 'Current Stock of Given SKUs',
				value: 'currentOfSkus',
				description: 'The current stock of the SKU codes you give, whenever it last changed',
			},
		],
		default: 'changed',
		description:
			'WDT reads stock without a time range only for given SKU codes, so a whole warehouse is read by the stock changed in a range',
	},
	warehouseLocator({ description: 'Optional: only the stock of this warehouse' }),
	...updateDisplayOptions({ show: { stockRead: [READ.currentOfSkus] } }, [
		skuCodes(true, 'The SKUs (merchant codes) whose current stock to read.'),
	]),
	...updateDisplayOptions({ show: { stockRead: [READ.changed] } }, [
		skuCodes(false, 'Optional: only these SKUs (merchant codes).'),
		...timeRangeFields(TIME_RANGE),
	]),
	...getManyFields(),
];

/** Its entry in the Stock resource's Operation field. */
export const option = getManyOption(
	'Get many stock records',
	'Stock per SKU and warehouse, current or changed in a time range (wms.StockSpec.search2)',
);

export const description = operationFields('stock', 'getMany', properties);

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): ReadQuery {
	const params: IDataObject = {};
	const warehouseNo = readLocatorFilter(ctx, itemIndex, WAREHOUSE_FILTER);
	if (warehouseNo) params.warehouse_no = warehouseNo;
	const specNos = readSkuCodes(ctx, itemIndex, {
		wdtField: 'spec_nos',
		maxLength: SKU_CODE_LENGTH,
		maxCodes: MAX_SKU_CODES,
	});
	if (specNos.length) params.spec_nos = specNos;
	const read = ctx.getNodeParameter('stockRead', itemIndex, READ.changed) as string;
	if (read !== READ.currentOfSkus)
		return {
			params,
			range: readTimeRange(ctx, itemIndex, nowMs, TIME_RANGE),
			...readPaging(ctx, itemIndex),
		};
	// search2's times "传入商家编码时可传空值": empty only with SKU codes, so a read without
	// times that WDT may refuse is never sent.
	if (specNos.length === 0)
		throw invalidInput(
			ctx,
			itemIndex,
			'SKU Codes (spec_nos)',
			'is empty; WDT reads current stock (without a time range) only for given SKU codes. Enter SKU Codes, or set Read to Stock Changed in a Time Range to read a whole warehouse by the stock changed in a range.',
		);
	return { params, range: undefined, ...readPaging(ctx, itemIndex) };
}

/** wms.StockSpec.search2: stock per SKU and warehouse, every page, by rec_id. */
export const execute = readOperation(STOCK, readQuery);
