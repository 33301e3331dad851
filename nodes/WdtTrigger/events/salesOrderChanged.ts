/**
 * New or Updated Sales Order: sales orders created or changed in WDT, read from
 * sales.TradeQuery.queryWithDetail by modified time (time_type 1, its default; 60-minute
 * windows). Every change is an event by default (a new `modified` of the order); Emit Again When
 * Changed off makes it one event per order.
 */
import type { IDataObject } from 'n8n-workflow';

import { labelsOf, lengthOf, SALES_ORDER } from '../../shared/records';
import {
	includeLinesOption,
	readCodes,
	readLocatorOption,
	shopOption,
	warehouseOption,
} from './optionReaders';
import { rowChangeTime } from '../cursor';
import type { TriggerEvent } from './types';
import { eventWindowMs, readWithLines, statusIn, type QuerySettings } from './recordReads';

export const TRADE_QUERY_METHOD = SALES_ORDER.method;

const ORDER_STATUS_LABELS = labelsOf(SALES_ORDER, 'trade_status');

export const salesOrderChanged: TriggerEvent<IDataObject, QuerySettings> = {
	option: {
		name: 'New or Updated Sales Order',
		value: 'salesOrderChanged',
		description:
			'Each time a sales order is created or changed in WDT (sales.TradeQuery.queryWithDetail, by modified time)',
	},
	options: [
		includeLinesOption('order', SALES_ORDER.lines!.list),
		shopOption('orders'),
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			default: [],
			// Numbers: the values workflows saved before hold.
			options: Object.entries(ORDER_STATUS_LABELS).map(([code, label]) => ({
				name: `${label} (${code})`,
				value: Number(code),
			})),
			description:
				'Emit only orders whose status is one of these when they change. Empty (default): every status.',
		},
		warehouseOption('orders'),
	],
	maxWindowMs: eventWindowMs(SALES_ORDER),
	emitEveryChangeByDefault: true,
	identity: {
		key: (row) => String(row.trade_id),
		modified: (row) => rowChangeTime(row.modified, `sales order ${String(row.trade_id)}`),
	},
	settings(options) {
		const statuses = readCodes.call(this, options.statuses, {
			label: 'Statuses',
			labels: ORDER_STATUS_LABELS,
			what: 'sales order status',
		});
		const params: IDataObject = {};
		if (statuses.length) params.status = statuses.join(',');
		for (const [name, field, label] of [
			['shopNo', 'shop_no', 'Shop'],
			['warehouseNo', 'warehouse_no', 'Warehouse'],
		] as const) {
			const code = readLocatorOption.call(this, options[name], {
				label,
				maxLength: lengthOf(SALES_ORDER, field),
			});
			if (code) params[field] = code;
		}
		return {
			statuses,
			includeLines: options.includeLines !== false,
			params,
		};
	},
	read: readWithLines(SALES_ORDER),
	matches: statusIn('trade_status'),
	testEventHint:
		'Create or change a sales order in WDT (or clear Options → Statuses) and fetch again.',
};
