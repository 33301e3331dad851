import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { labelsOf, lengthOf, PURCHASE_ORDER } from '../../../shared/records';
import { outputOf, readOperation, readPaging, timeRangeOf, type ReadQuery } from '../readOperation';
import {
	codeFilterField,
	filtersField,
	getManyFields,
	operationFields,
	readFilters,
	readTextFilter,
	readTimeRange,
	statusFilterField,
	timeRangeFields,
} from '../shared.fields';

/** The catalog's 30-day start_time/end_time windows (the page marks the query incremental). */
const TIME_RANGE = timeRangeOf(PURCHASE_ORDER, 'modification');

/** The text filters: parameter, label, WDT field (its length is the page's). */
const TEXT_FILTERS = [
	['purchaseNo', 'Purchase Order Number', 'purchase_no'],
	['providerNo', 'Provider Number', 'provider_no'],
] as const;

/** Its entry in the Purchase Order resource's Operation field. */
export const option = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many purchase orders',
	description:
		'Get purchase orders created or changed in a time range, with their lines (purchase.PurchaseOrder.queryWithDetail)',
};

const properties: INodeProperties[] = [
	...timeRangeFields(TIME_RANGE),
	filtersField([
		...TEXT_FILTERS.map(
			([name, displayName, field]): INodeProperties => ({
				displayName,
				name,
				type: 'string',
				default: '',
				description: `At most ${lengthOf(PURCHASE_ORDER, field)} characters. WDT field: ${field}.`,
			}),
		),
		statusFilterField(
			{ displayName: 'Statuses', name: 'statuses', wdtField: 'status' },
			labelsOf(PURCHASE_ORDER, 'status'),
		),
		codeFilterField(
			{
				displayName: 'Stock-In Status',
				name: 'stockinStatus',
				description: 'WDT field: stockin_status',
			},
			labelsOf(PURCHASE_ORDER, 'stockin_status'),
		),
	]),
	...getManyFields({ output: outputOf(PURCHASE_ORDER) }),
];

export const description = operationFields('purchaseOrder', 'getMany', properties);

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): ReadQuery {
	const filters = readFilters(ctx, itemIndex);
	const params: IDataObject = {};
	for (const [name, label, field] of TEXT_FILTERS) {
		const value = readTextFilter(
			ctx,
			itemIndex,
			filters[name],
			`Filters → ${label} (filters.${name})`,
			lengthOf(PURCHASE_ORDER, field),
		);
		if (value !== undefined) params[field] = value;
	}
	const statuses = (filters.statuses as string[] | undefined) ?? [];
	if (statuses.length) params.status = statuses.join(',');
	if (filters.stockinStatus !== undefined && filters.stockinStatus !== '')
		params.stockin_status = Number(filters.stockinStatus);
	return {
		params,
		range: readTimeRange(ctx, itemIndex, nowMs, TIME_RANGE),
		...readPaging(ctx, itemIndex),
	};
}

/** purchase.PurchaseOrder.queryWithDetail over any range (split into 30-day windows), items paired. */
export const execute = readOperation(PURCHASE_ORDER, readQuery);
