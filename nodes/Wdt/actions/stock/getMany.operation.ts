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

const properties: INodeProperties[] = [
	warehouseLocator({
		description:
			'Optional: only the stock of this warehouse. Without SKU Codes, WDT reads a warehouse only by time range: turn on Changed Since.',
	}),
	{
		displayName: 'SKU Codes',
		name: 'specNos',
		type: 'string',
		default: '',
		placeholder: 'e.g. TS-001-BLK-M, TS-001-WHT-L',
		description: `Optional: only these SKUs (merchant codes), comma-separated, at most ${MAX_SKU_CODES}, each at most ${SKU_CODE_LENGTH} characters. WDT field: spec_nos.`,
	},
	{
		displayName: 'Changed Since',
		name: 'changedSince',
		type: 'boolean',
		default: false,
		description:
			'Whether to return only stock that changed in a time range. Off: the current stock of the SKUs above (WDT takes no times only with SKU Codes; with neither a warehouse nor SKU Codes: stock changed in the last 30 days). A read by time range misses every stock record not modified within it, e.g. a SKU whose stock did not change in the range.',
	},
	...updateDisplayOptions({ show: { changedSince: [true] } }, timeRangeFields(TIME_RANGE)),
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
	const changedSince = ctx.getNodeParameter('changedSince', itemIndex, false) as boolean;
	const unfiltered = !warehouseNo && specNos.length === 0;
	// search2's times "传入商家编码时可传空值": empty only with SKU codes, so a warehouse alone
	// needs a time range, and one WDT may refuse is never sent.
	if (warehouseNo && specNos.length === 0 && !changedSince)
		throw invalidInput(
			ctx,
			itemIndex,
			'SKU Codes (spec_nos)',
			'is empty while a Warehouse is set and Changed Since is off; WDT reads without times only for given SKU codes. Enter SKU Codes, or turn on Changed Since and set the time range (a warehouse is then read by stock changed in that range).',
		);
	return {
		params,
		range:
			changedSince || unfiltered ? readTimeRange(ctx, itemIndex, nowMs, TIME_RANGE) : undefined,
		...readPaging(ctx, itemIndex),
	};
}

/** wms.StockSpec.search2: stock per SKU and warehouse, every page, by rec_id. */
export const execute = readOperation(STOCK, readQuery);
