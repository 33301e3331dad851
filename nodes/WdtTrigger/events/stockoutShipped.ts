/**
 * Sales Stockout Shipped: sales stockouts that reached a shipped status, read from
 * wms.stockout.Sales.queryWithDetail by modified time (status_type 3: "by modified time and the
 * given statuses"). 110 (已完成, completed) has shipped. 90 (延时发货, delayed shipment) is
 * ambiguous on the page: status_type 0 ("延时发货&已完成") groups it with 110, status_type 2
 * ("待分配~延时发货") with the statuses before shipment. The page's consign_time settles each
 * record: "订单未发货不返回该字段" (not returned while not shipped). So a status-90 stockout is a
 * shipment only when it carries consign_time; one without it is emitted when it ships later
 * (it then changes, so a later window reads it again). A stockout is one event: once it was
 * emitted (at 90, say), reaching 110 later is not another one.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	BY_MODIFIED_AND_STATUS,
	lengthOf,
	SALES_STOCKOUT,
	STOCKOUT_COMPLETED as COMPLETED,
	STOCKOUT_DELAYED_SHIPMENT as DELAYED_SHIPMENT,
} from '../../shared/records';
import {
	includeLinesOption,
	readLocatorOption,
	readShopList,
	shopsOption,
	warehouseOption,
} from './optionReaders';
import { rowChangeTime } from '../cursor';
import type { TriggerEvent } from './types';
import { eventWindowMs, readWithLines, type QuerySettings } from './recordReads';

export const STOCKOUT_QUERY_METHOD = SALES_STOCKOUT.method;

/** Whether a row of a shipped status has shipped: 110 has; 90 only with a consign_time. */
export function hasShipped(row: IDataObject): boolean {
	if (Number(row.status) !== DELAYED_SHIPMENT) return true;
	const consignTime = row.consign_time;
	return consignTime !== undefined && consignTime !== null && String(consignTime).trim() !== '';
}

export const stockoutShipped: TriggerEvent<IDataObject, QuerySettings> = {
	option: {
		name: 'Sales Stockout Shipped',
		value: 'stockoutShipped',
		description:
			'Once for every sales stockout that reaches Completed (110) or, by default, Delayed Shipment (90) with a shipment time (wms.stockout.Sales.queryWithDetail)',
	},
	options: [
		{
			displayName: 'Include Delayed Shipment',
			name: 'includeDelayedShipment',
			type: 'boolean',
			default: true,
			description:
				"Whether a stockout in Delayed Shipment (90) that carries a shipment time (consign_time) counts as shipped. WDT's page lists Delayed Shipment both with Completed (110) and with the statuses before shipment, and sends consign_time only once a stockout has shipped, so one without it is never counted. On (default): a stockout is emitted when it first reaches Completed or Delayed Shipment with consign_time, and not again when a delayed shipment completes. Off: only when it reaches Completed.",
		},
		includeLinesOption('stockout', SALES_STOCKOUT.lines!.list),
		shopsOption('stockouts'),
		warehouseOption('stockouts'),
	],
	maxWindowMs: eventWindowMs(SALES_STOCKOUT),
	identity: {
		key: (row) => String(row.stockout_id),
		modified: (row) => rowChangeTime(row.modified, `stockout ${String(row.stockout_id)}`),
	},
	settings(options) {
		const statuses =
			options.includeDelayedShipment === false ? [COMPLETED] : [DELAYED_SHIPMENT, COMPLETED];
		const params: IDataObject = {
			status_type: BY_MODIFIED_AND_STATUS,
			status: statuses.join(','),
		};
		// The page gives shop_nos no length.
		const shopNos = readShopList.call(this, options.shopNos, { label: 'Shops' });
		if (shopNos) params.shop_nos = shopNos;
		const warehouseNo = readLocatorOption.call(this, options.warehouseNo, {
			label: 'Warehouse',
			maxLength: lengthOf(SALES_STOCKOUT, 'warehouse_no'),
		});
		if (warehouseNo) params.warehouse_no = warehouseNo;
		return {
			statuses,
			includeLines: options.includeLines !== false,
			params,
		};
	},
	read: readWithLines(SALES_STOCKOUT),
	// WDT filters by status already; a row in another status is not a shipment whatever the reply
	// says, nor a Delayed Shipment without consign_time (the page: not returned until shipped).
	matches: (row, settings) => settings.statuses.includes(Number(row.status)) && hasShipped(row),
	testEventHint: 'Ship a stockout in WDT (or check Options → Shops and Warehouse) and fetch again.',
};
