import type { INodeProperties } from 'n8n-workflow';

import { labelsOf, lengthOf, PURCHASE_STOCKIN } from '../../../shared/records';
import { codesFilter, filteredQuery, locatorFilter, textFilter } from '../filterReaders';
import { WAREHOUSE_FILTER, warehouseLocator } from '../locators';
import { getManyOption, outputOf, readOperation, timeRangeOf } from '../readOperation';
import {
	filtersField,
	getManyFields,
	operationFields,
	statusFilterField,
	timeRangeFields,
} from '../shared.fields';

/** Both times required, 30-day windows of start_time/end_time (the catalog's), each stock-in once. */
const TIME_RANGE = timeRangeOf(PURCHASE_STOCKIN, 'modification');

const properties: INodeProperties[] = [
	...timeRangeFields(TIME_RANGE),
	filtersField([
		{
			displayName: 'Purchase Order Number',
			name: 'purchaseNo',
			type: 'string',
			default: '',
			placeholder: 'e.g. CG202401010001 or {{ $json.purchase_no }}',
			description: `Only the stock-ins of this purchase order (reconcile receipts against an order), at most ${lengthOf(PURCHASE_STOCKIN, 'purchase_no')} characters. WDT still needs the time range. WDT field: purchase_no.`,
		},
		{
			displayName: 'Stock-In Number',
			name: 'stockinNo',
			type: 'string',
			default: '',
			placeholder: 'e.g. RK202401010001',
			description: `Only this stock-in, at most ${lengthOf(PURCHASE_STOCKIN, 'stockin_no')} characters. WDT field: stockin_no (the stock-in's order_no).`,
		},
		statusFilterField(
			{ displayName: 'Statuses', name: 'statuses', wdtField: 'status' },
			labelsOf(PURCHASE_STOCKIN, 'status'),
		),
		warehouseLocator({ description: 'Only stock-ins into this warehouse.' }),
	]),
	...getManyFields({ output: outputOf(PURCHASE_STOCKIN) }),
];

/** Its entry in the Purchase Stock-in resource's Operation field. */
export const option = getManyOption(
	'Get many purchase stock-ins',
	'List the goods received against purchase orders, modified in a time range (wms.stockin.Purchase.queryWithDetail)',
);

export const description = operationFields('purchaseStockin', 'getMany', properties);

const readQuery = filteredQuery(TIME_RANGE, [
	textFilter(PURCHASE_STOCKIN, 'purchaseNo', 'Purchase Order Number', 'purchase_no'),
	textFilter(PURCHASE_STOCKIN, 'stockinNo', 'Stock-In Number', 'stockin_no'),
	// The page takes several statuses, comma-separated.
	codesFilter('statuses', 'status'),
	locatorFilter(WAREHOUSE_FILTER, 'filters'),
]);

/** wms.stockin.Purchase.queryWithDetail over any range (30-day windows), items paired. */
export const execute = readOperation(PURCHASE_STOCKIN, readQuery);
