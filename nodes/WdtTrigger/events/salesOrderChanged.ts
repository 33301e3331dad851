/**
 * New or Updated Sales Order: sales orders created or changed in WDT, read from
 * sales.TradeQuery.queryWithDetail by modified time (time_type 1, its default; 60-minute
 * windows). Every change is an event by default (a new `modified` of the order); Emit Again When
 * Changed off makes it one event per order.
 */
import type { IDataObject } from 'n8n-workflow';

import { HOUR_MS } from '../../shared/protocol';
import { readCodes, readLocatorOption, shopOption, warehouseOption } from './optionReaders';
import { rowChangeTime } from '../cursor';
import type { TriggerEvent } from './types';
import { readWithLines, statusIn, type QuerySettings } from './windowReader';

export const TRADE_QUERY_METHOD = 'sales.TradeQuery.queryWithDetail';

/** English labels of the order statuses the page lists for its `status` filter. */
const ORDER_STATUS_LABELS: ReadonlyArray<[number, string]> = [
	[4, 'Refunded Offline'],
	[5, 'Cancelled'],
	[6, 'To Become Pre-Order (Awaiting Review)'],
	[7, 'To Become Completed'],
	[10, 'Unpaid'],
	[12, 'Awaiting Final Payment'],
	[15, 'Awaiting Unpaid'],
	[16, 'Delayed Review'],
	[19, 'Pre-Order Processing'],
	[20, 'Processing Before Review'],
	[21, 'Self-Routed, Awaiting Shipment'],
	[23, 'Exception'],
	[24, 'Exchange Pre-Order'],
	[25, 'Pre-Order Awaiting Processing'],
	[27, 'Pre-Order Awaiting Allocation'],
	[30, 'Awaiting Customer Service Review'],
	[35, 'Awaiting Finance Review'],
	[40, 'Under Review'],
	[55, 'Reviewed'],
	[95, 'Shipped'],
	[96, 'Cost Confirmation'],
	[101, 'Posted'],
	[110, 'Completed'],
];
/** The same labels by code, as readCodes checks them. */
const ORDER_STATUS_NAMES: Readonly<Record<string, string>> =
	Object.fromEntries(ORDER_STATUS_LABELS);
/** Length limits of the page's filters. */
const SHOP_NO_MAX_LENGTH = 20;
const WAREHOUSE_NO_MAX_LENGTH = 40;

export const salesOrderChanged: TriggerEvent<IDataObject, QuerySettings> = {
	option: {
		name: 'New or Updated Sales Order',
		value: 'salesOrderChanged',
		description:
			'Each time a sales order is created or changed in WDT (sales.TradeQuery.queryWithDetail, by modified time)',
	},
	options: [
		{
			displayName: 'Include Lines',
			name: 'includeLines',
			type: 'boolean',
			default: true,
			description:
				"Whether to keep each order's lines (detail_list) in the item. Off: the order fields only.",
		},
		shopOption('orders'),
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			default: [],
			options: ORDER_STATUS_LABELS.map(([code, label]) => ({
				name: `${label} (${code})`,
				value: code,
			})),
			description:
				'Emit only orders whose status is one of these when they change. Empty (default): every status.',
		},
		warehouseOption('orders'),
	],
	maxWindowMs: HOUR_MS,
	emitEveryChangeByDefault: true,
	identity: {
		key: (row) => String(row.trade_id),
		modified: (row) => rowChangeTime(row.modified, `sales order ${String(row.trade_id)}`),
	},
	settings(options) {
		const statuses = readCodes.call(this, options.statuses, {
			label: 'Statuses',
			labels: ORDER_STATUS_NAMES,
			what: 'sales order status',
		});
		const params: IDataObject = {};
		if (statuses.length) params.status = statuses.join(',');
		for (const [name, field, label, maxLength] of [
			['shopNo', 'shop_no', 'Shop', SHOP_NO_MAX_LENGTH],
			['warehouseNo', 'warehouse_no', 'Warehouse', WAREHOUSE_NO_MAX_LENGTH],
		] as const) {
			const code = readLocatorOption.call(this, options[name], { label, maxLength });
			if (code) params[field] = code;
		}
		return {
			statuses,
			includeLines: options.includeLines !== false,
			query: {
				method: TRADE_QUERY_METHOD,
				params,
				windowFields: ['start_time', 'end_time'],
				maxWindowMs: HOUR_MS,
				idField: 'trade_id',
				modifiedField: 'modified',
				statusFields: ['trade_status', 'refund_status', 'trade_type', 'delivery_term'],
				timeFields: [
					'pay_time',
					'modified',
					'check_time',
					'to_deliver_time',
					'delay_to_time',
					'estimate_consign_time',
					'pre_sync_time',
					'end_time',
					'settle_time',
				],
			},
		};
	},
	read: readWithLines('detail_list'),
	matches: statusIn('trade_status'),
	testEventHint:
		'Create or change a sales order in WDT (or clear Options → Statuses) and fetch again.',
};
