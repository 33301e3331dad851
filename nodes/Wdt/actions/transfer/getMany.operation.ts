import type { INodeProperties } from 'n8n-workflow';

import { labelsOf, lengthOf, TRANSFER } from '../../../shared/records';
import {
	codesFilter,
	filteredQuery,
	locatorFilter,
	textFilter,
	textFilterField,
} from '../filterReaders';
import { WAREHOUSE_FILTER, warehouseLocator } from '../locators';
import { getManyOption, outputOf, readOperation, timeRangeOf } from '../readOperation';
import {
	filtersField,
	getManyFields,
	operationFields,
	statusFilterField,
	timeRangeFields,
} from '../shared.fields';

/** The catalog's 30-day start_time/end_time windows, on the transfers' last modification. */
const TIME_RANGE = timeRangeOf(TRANSFER, 'modification');

/** The two warehouse dropdowns: parameter, label, WDT field. */
const WAREHOUSES = [
	[
		'fromWarehouseNo',
		'From Warehouse',
		'from_warehouse_no',
		'Only transfers out of this warehouse.',
	],
	['toWarehouseNo', 'To Warehouse', 'to_warehouse_no', 'Only transfers into this warehouse.'],
] as const;

/** Its entry in the Transfer resource's Operation field. */
export const option = getManyOption(
	'Get many transfers',
	'Get transfers between warehouses changed in a time range, with their lines (wms.stocktransfer.Manage.queryWithDetail)',
);

const properties: INodeProperties[] = [
	...timeRangeFields(TIME_RANGE),
	filtersField([
		...WAREHOUSES.map(([name, displayName, wdtField, description]) =>
			warehouseLocator({ name, displayName, wdtField, description }),
		),
		textFilterField(TRANSFER, 'transferNo', 'Transfer Number', 'transfer_no'),
		statusFilterField(
			{ displayName: 'Statuses', name: 'statuses', wdtField: 'status' },
			labelsOf(TRANSFER, 'status'),
		),
	]),
	...getManyFields({ output: outputOf(TRANSFER) }),
];

export const description = operationFields('transfer', 'getMany', properties);

const readQuery = filteredQuery(TIME_RANGE, [
	...WAREHOUSES.map(([name, displayName, wdtField]) =>
		locatorFilter(
			{ ...WAREHOUSE_FILTER, name, displayName, wdtField, maxLength: lengthOf(TRANSFER, wdtField) },
			'filters',
		),
	),
	textFilter(TRANSFER, 'transferNo', 'Filters → Transfer Number', 'transfer_no'),
	codesFilter('statuses', 'status'),
]);

/** wms.stocktransfer.Manage.queryWithDetail over any range (split into 30-day windows), items paired. */
export const execute = readOperation(TRANSFER, readQuery);
