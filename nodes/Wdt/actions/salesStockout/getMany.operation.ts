import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { everyStockoutStatus } from '../../../shared/transport/stockoutDetails';
import { labelsOf, SALES_STOCKOUT } from '../../../shared/records';
import { filteredQuery, locatorFilter, type FilterRead } from '../filterReaders';
import { invalidInput } from '../parameters';
import { readLocatorFilter, shopLocator, WAREHOUSE_FILTER, warehouseLocator } from '../locators';
import { getManyOption, outputOf, readOperation, timeRangeOf } from '../readOperation';
import {
	filtersField,
	getManyFields,
	noticeField,
	operationFields,
	statusFilterField,
	timeRangeFields,
} from '../shared.fields';

const TIME_RANGE = timeRangeOf(SALES_STOCKOUT, 'modification');

/** Filters → Shops: one shop from the list, or several codes; 2000: the node's bound (no length on the page). */
const SHOP_NOS_FILTER = {
	name: 'shopNos',
	displayName: 'Shops',
	wdtField: 'shop_nos',
	maxLength: 2000,
};

const FILTERS: FilterRead[] = [
	{
		wdtField: 'shop_nos',
		read: (ctx, itemIndex) =>
			readLocatorFilter(ctx, itemIndex, SHOP_NOS_FILTER, 'filters')
				?.split(/[,\uFF0C\s]+/)
				.filter(Boolean)
				.join(','),
	},
	locatorFilter(WAREHOUSE_FILTER, 'filters'),
];

/** Status → WDT's status_type (and status): the page's four ways to select stockouts. */
const STATUS_TYPES: Record<string, { statusType: number; statuses?: 'all' | 'selected' }> = {
	all: { statusType: 3, statuses: 'all' },
	selected: { statusType: 3, statuses: 'selected' },
	cancelled: { statusType: 1 },
	toShip: { statusType: 2 },
	shipped: { statusType: 0 },
};

const properties: INodeProperties[] = [
	noticeField('salesStockoutPrivacyNotice', SALES_STOCKOUT.privacyNotice!),
	...timeRangeFields(TIME_RANGE),
	{
		displayName: 'Status',
		name: 'statusType',
		type: 'options',
		default: 'all',
		options: [
			{
				name: 'All Statuses',
				value: 'all',
				description: 'Every stockout modified in the range (status_type 3 with every status)',
			},
			{
				name: 'Cancelled',
				value: 'cancelled',
				description: 'Cancelled stockouts modified in the range (status_type 1)',
			},
			{
				name: 'Delayed Shipment or Completed (by Shipment Time)',
				value: 'shipped',
				description:
					'Stockouts shipped in the range: WDT then reads the range as shipment times (status_type 0). A Delayed Shipment (90) stockout has shipped only if it carries consign_time.',
			},
			{
				name: 'Selected Statuses',
				value: 'selected',
				description:
					'Stockouts in the statuses chosen below, modified in the range (status_type 3)',
			},
			{
				name: 'To Allocate … Delayed Shipment',
				value: 'toShip',
				description:
					'Confirmed stockouts not yet shipped, from To Allocate to Delayed Shipment (status_type 2)',
			},
		],
	},
	{
		...statusFilterField(
			{ displayName: 'Statuses', name: 'statuses', wdtField: 'status' },
			labelsOf(SALES_STOCKOUT, 'status'),
		),
		displayOptions: { show: { statusType: ['selected'] } },
	},
	filtersField([
		shopLocator({
			displayName: 'Shops',
			name: 'shopNos',
			description: 'Only stockouts of this shop; By Code takes several, comma-separated.',
			codeHint: 'One or more shop numbers (shop_nos), comma-separated, e.g. shop1,shop2',
		}),
		warehouseLocator({ description: 'Only stockouts of this warehouse.' }),
	]),
	...getManyFields({ output: outputOf(SALES_STOCKOUT) }),
];

/** Its entry in the Sales Stockout resource's Operation field. */
export const option = getManyOption(
	'Get many sales stockouts',
	'List stockouts modified in a time range, with their lines (wms.stockout.Sales.queryWithDetail)',
);

export const description = operationFields('salesStockout', 'getMany', properties);

/** The Status choice as WDT's status_type and status. */
function readStatusParams(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const choice = STATUS_TYPES[String(ctx.getNodeParameter('statusType', itemIndex, 'all'))];
	if (!choice)
		throw invalidInput(ctx, itemIndex, 'Status (statusType)', 'is not one of the listed choices.');
	const params: IDataObject = { status_type: choice.statusType };
	if (choice.statuses === 'all') params.status = everyStockoutStatus().status;
	if (choice.statuses === 'selected') {
		const statuses = (ctx.getNodeParameter('statuses', itemIndex, []) as string[]) ?? [];
		if (statuses.length === 0)
			throw invalidInput(
				ctx,
				itemIndex,
				'Statuses (statuses)',
				'is empty: choose at least one status.',
			);
		params.status = statuses.join(',');
	}
	return params;
}

const readQuery = filteredQuery(TIME_RANGE, FILTERS, readStatusParams);

/** wms.stockout.Sales.queryWithDetail over any range, items paired. */
export const execute = readOperation(SALES_STOCKOUT, readQuery);
