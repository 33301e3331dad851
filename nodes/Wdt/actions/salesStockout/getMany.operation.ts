import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { everyStockoutStatus } from '../../../shared/transport/stockoutDetails';
import { STOCKOUT_STATUS_LABELS } from '../../../shared/protocol';
import { invalidInput } from '../parameters';
import { readLocatorFilter, shopLocator, WAREHOUSE_FILTER, warehouseLocator } from '../locators';
import { readPaging, readOperation, type RecordQuery, type RecordRead } from '../read';
import {
	filtersField,
	getManyFields,
	noticeField,
	ONE_HOUR_WINDOWS,
	operationFields,
	readTimeRange,
	statusFilterField,
	timeRangeFields,
} from '../shared.fields';

export const STOCKOUT_METHOD = 'wms.stockout.Sales.queryWithDetail';

export { STOCKOUT_STATUS_LABELS };

export const STOCKOUT_PRIVACY_NOTICE =
	'WDT does not return stockouts of Taobao/Tmall, Pinduoduo and system-distribution orders through its API, so you may see fewer than in the ERP. Private fields (receiver name, address, phone numbers, buyer nick) are returned only for self-owned and offline platforms.';

const TIME_RANGE = { ...ONE_HOUR_WINDOWS, what: 'modification' };

export const STOCKOUT_OUTPUT = {
	record: 'Stockout',
	lineList: 'details_list',
	prefix: 'stockout_',
};

/** One-hour windows, last page first, each stockout once by stockout_id. */
export const STOCKOUT_READ: RecordRead = {
	method: STOCKOUT_METHOD,
	idField: 'stockout_id',
	detectMoves: true,
	lines: STOCKOUT_OUTPUT,
};

/** Filters → Shops: one shop from the list, or several codes; 2000: the node's bound (no length on the page). */
const SHOP_NOS_FILTER = {
	name: 'shopNos',
	displayName: 'Shops',
	wdtField: 'shop_nos',
	maxLength: 2000,
};

/** Status → WDT's status_type (and status): the page's four ways to select stockouts. */
const STATUS_TYPES: Record<string, { statusType: number; statuses?: 'all' | 'selected' }> = {
	all: { statusType: 3, statuses: 'all' },
	selected: { statusType: 3, statuses: 'selected' },
	cancelled: { statusType: 1 },
	toShip: { statusType: 2 },
	shipped: { statusType: 0 },
};

const properties: INodeProperties[] = [
	noticeField('salesStockoutPrivacyNotice', STOCKOUT_PRIVACY_NOTICE),
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
			STOCKOUT_STATUS_LABELS,
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
	...getManyFields({ output: STOCKOUT_OUTPUT }),
];

/** Its entry in the Sales Stockout resource's Operation field. */
export const option = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many sales stockouts',
	description:
		'List stockouts modified in a time range, with their lines (wms.stockout.Sales.queryWithDetail)',
};

export const description = operationFields('salesStockout', 'getMany', properties);

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): RecordQuery {
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
	const shopNos = readLocatorFilter(ctx, itemIndex, SHOP_NOS_FILTER, 'filters');
	if (shopNos !== undefined)
		params.shop_nos = shopNos
			.split(/[,\uFF0C\s]+/)
			.filter(Boolean)
			.join(',');
	const warehouseNo = readLocatorFilter(ctx, itemIndex, WAREHOUSE_FILTER, 'filters');
	if (warehouseNo !== undefined) params.warehouse_no = warehouseNo;
	return {
		params,
		range: readTimeRange(ctx, itemIndex, nowMs, TIME_RANGE),
		...readPaging(ctx, itemIndex),
	};
}

/** wms.stockout.Sales.queryWithDetail over any range, items paired. */
export const execute = readOperation(STOCKOUT_READ, readQuery);
