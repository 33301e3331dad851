/**
 * Sales Stockout Cancelled: every row of wms.stockout.Sales.searchCancel. The method returns
 * the cancelled stockouts with their CURRENT status (its reply example shows 110), so by
 * default every row is an event; the Statuses option narrows that.
 */
import type { IDataObject } from 'n8n-workflow';

import { withStockoutDetails, type StockoutItem } from '../../shared/protocol';
import { NO_RETRY } from '../../shared/read';
import { CANCELLED_STOCKOUT, labelsOf } from '../../shared/records';
import { readStockoutDetails } from '../../shared/transport/stockoutDetails';
import { readStockoutWindow } from '../../shared/transport/stockouts';
import { readCodes } from './optionReaders';
import { rowChangeTime } from '../cursor';
import { eventWindowMs } from './recordReads';
import type { TriggerEvent } from './types';

const STATUS_LABELS = labelsOf(CANCELLED_STOCKOUT, 'status');

interface Settings {
	/** Empty: every status. */
	statuses: Set<number>;
	includeDetails: boolean;
}

export const stockoutCancelled: TriggerEvent<StockoutItem & IDataObject, Settings> = {
	option: {
		name: 'Sales Stockout Cancelled',
		value: 'stockoutCancelled',
		description:
			'Once for every sales stockout WDT lists as cancelled (wms.stockout.Sales.searchCancel), with its current status',
	},
	options: [
		{
			displayName: 'Include Details',
			name: 'includeDetails',
			type: 'boolean',
			default: false,
			description:
				"Whether to add each stockout's order, shop, warehouse, receiver, logistics and lines from wms.stockout.Sales.queryWithDetail (one extra call per emitted stockout). WDT does not return Taobao/Tmall, Pinduoduo and system-distribution orders there: such items get details_found false and a details_missing_reason.",
		},
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			default: [],
			// Numbers: the values workflows saved before hold.
			options: Object.entries(STATUS_LABELS).map(([code, label]) => ({
				name: `${label} (${code})`,
				value: Number(code),
			})),
			description:
				'Emit only cancelled stockouts whose current status is one of these. Empty (default): all of them, whatever status WDT reports now (its own example shows 110, completed).',
		},
	],
	maxWindowMs: eventWindowMs(CANCELLED_STOCKOUT),
	identity: {
		key: (row) => String(row.stockout_id),
		modified: (row) => rowChangeTime(row.modified, `stockout ${String(row.stockout_id)}`),
	},
	settings(options) {
		const codes = readCodes.call(this, options.statuses, {
			label: 'Statuses',
			labels: STATUS_LABELS,
			what: 'sales stockout status',
		});
		const statuses = new Set(codes);
		return { statuses, includeDetails: options.includeDetails === true };
	},
	async read(window) {
		const { stockouts } = await readStockoutWindow.call(this, window, { policy: NO_RETRY });
		return stockouts as Array<StockoutItem & IDataObject>;
	},
	matches: (row, settings) => settings.statuses.size === 0 || settings.statuses.has(row.status),
	async toItems(rows, settings) {
		if (!settings.includeDetails) return rows;
		const { details } = await readStockoutDetails.call(
			this,
			rows.map((row) => row.stockout_no),
			{ policy: NO_RETRY },
		);
		return rows.map((row) => withStockoutDetails(row, details.get(row.stockout_no)) as IDataObject);
	},
	testEventHint: 'Cancel a stockout in WDT (or clear Options → Statuses) and fetch again.',
};
