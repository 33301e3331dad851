/**
 * Refund Stock-In Received: refund stock-ins (退货入库单) that reached Completed (80, 已完成: the
 * returned goods are in stock), read from wms.stockin.Refund.queryWithDetail by modified time
 * (time_type 0, the page's default; its 入库时间 maps to no reply field for sure, see
 * docs/wdt-ambiguities.md) with status 80 sent to WDT and checked here. A stock-in is one event:
 * later changes of a completed stock-in (e.g. its settlement) are not another one.
 */
import type { IDataObject } from 'n8n-workflow';

import { lengthOf, REFUND_STOCKIN, REFUND_STOCKIN_COMPLETED } from '../../shared/records';
import { rowChangeTime } from '../cursor';
import {
	includeLinesOption,
	readLocatorOption,
	readShopList,
	shopsOption,
	warehouseOption,
} from './optionReaders';
import { eventWindowMs, readWithLines, type QuerySettings } from './recordReads';
import type { TriggerEvent } from './types';

/** time_type 0: the window selects by modified. */
const BY_MODIFIED = 0;

export const refundStockinReceived: TriggerEvent<IDataObject, QuerySettings> = {
	option: {
		name: 'Refund Stock-In Received',
		value: 'refundStockinReceived',
		description:
			'Once for every refund stock-in that reaches Completed (80): returned goods received into a warehouse (wms.stockin.Refund.queryWithDetail)',
	},
	options: [
		includeLinesOption('stock-in', REFUND_STOCKIN.lines!.list),
		shopsOption('stock-ins'),
		warehouseOption('stock-ins'),
	],
	maxWindowMs: eventWindowMs(REFUND_STOCKIN),
	identity: {
		key: (row) => String(row.stockin_id),
		modified: (row) => rowChangeTime(row.modified, `refund stock-in ${String(row.order_no)}`),
	},
	settings(options) {
		const params: IDataObject = {
			time_type: BY_MODIFIED,
			status: String(REFUND_STOCKIN_COMPLETED),
		};
		const shopNos = readShopList.call(this, options.shopNos, {
			label: 'Shops',
			maxLength: lengthOf(REFUND_STOCKIN, 'shop_nos'),
		});
		if (shopNos) params.shop_nos = shopNos;
		const warehouseNo = readLocatorOption.call(this, options.warehouseNo, {
			label: 'Warehouse',
			maxLength: lengthOf(REFUND_STOCKIN, 'warehouse_no'),
		});
		if (warehouseNo) params.warehouse_no = warehouseNo;
		return {
			statuses: [REFUND_STOCKIN_COMPLETED],
			includeLines: options.includeLines !== false,
			params,
		};
	},
	read: readWithLines(REFUND_STOCKIN),
	// WDT filters by status already; a row in another status has not been received, whatever the reply says.
	matches: (row, settings) => settings.statuses.includes(Number(row.status)),
	testEventHint:
		'Complete a refund stock-in in WDT (or check Options → Shops and Warehouse) and fetch again.',
};
