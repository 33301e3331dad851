import type { INodeProperties } from 'n8n-workflow';

import { labelsOf, lengthOf, PURCHASE_ORDER } from '../../../shared/records';
import { codeFilter, codesFilter, filteredQuery, locatorFilter } from '../filterReaders';
import { providerLocator, warehouseLocator, type LocatorRead } from '../locators';
import { getManyOption, outputOf, readOperation, timeRangeOf } from '../readOperation';
import {
	codeFilterField,
	filtersField,
	getManyFields,
	operationFields,
	statusFilterField,
	timeRangeFields,
} from '../shared.fields';

/** The catalog's 30-day start_time/end_time windows (modified time), each order once by purchase_id. */
const TIME_RANGE = timeRangeOf(PURCHASE_ORDER, 'modification');

const SUPPLIER_FILTER: LocatorRead = {
	name: 'providerNo',
	displayName: 'Supplier',
	wdtField: 'provider_no',
	maxLength: lengthOf(PURCHASE_ORDER, 'provider_no'),
};
const WAREHOUSE_FILTER: LocatorRead = {
	name: 'warehouseNo',
	displayName: 'Warehouse',
	wdtField: 'expect_warehouse_no',
	maxLength: lengthOf(PURCHASE_ORDER, 'expect_warehouse_no'),
};

const properties: INodeProperties[] = [
	...timeRangeFields(TIME_RANGE),
	filtersField([
		providerLocator({ description: 'Only orders from this supplier.' }),
		warehouseLocator({
			description: 'Only orders for this warehouse (the expected warehouse of the order).',
			wdtField: 'expect_warehouse_no',
		}),
		statusFilterField(
			{ displayName: 'Statuses', name: 'statuses', wdtField: 'status' },
			labelsOf(PURCHASE_ORDER, 'status'),
		),
		codeFilterField(
			{
				displayName: 'Stock-In Status',
				name: 'stockinStatus',
				description:
					'Only orders in this stock-in status (WDT accepts one). WDT field: stockin_status.',
			},
			labelsOf(PURCHASE_ORDER, 'stockin_status'),
		),
	]),
	...getManyFields({ output: outputOf(PURCHASE_ORDER) }),
];

/** Its entry in the Purchase Order resource's Operation field. */
export const option = getManyOption(
	'Get many purchase orders',
	'List purchase orders modified in a time range, with their lines (purchase.PurchaseOrder.queryWithDetail)',
);

export const description = operationFields('purchaseOrder', 'getMany', properties);

const readQuery = filteredQuery(TIME_RANGE, [
	locatorFilter(SUPPLIER_FILTER, 'filters'),
	locatorFilter(WAREHOUSE_FILTER, 'filters'),
	// The page takes several statuses, comma-separated.
	codesFilter('statuses', 'status'),
	codeFilter('stockinStatus', 'stockin_status'),
]);

/** purchase.PurchaseOrder.queryWithDetail over any range (30-day windows), items paired. */
export const execute = readOperation(PURCHASE_ORDER, readQuery);
