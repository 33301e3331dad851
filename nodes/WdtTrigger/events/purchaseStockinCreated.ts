/**
 * Purchase Stock-in Created: purchase stock-ins (采购入库单, the goods a purchase order actually
 * brought in) read from wms.stockin.Purchase.queryWithDetail by start_time/end_time (both
 * required; the modified time, 30-day windows). Each stock-in is one event (key stockin_id),
 * however often it changes later. With Statuses (sent to WDT, comma-separated, and checked here),
 * a stock-in is emitted once, when first seen in a chosen status: Completed (80) gives each
 * receipt once it is booked.
 */
import type { IDataObject } from 'n8n-workflow';

import { labelsOf, PURCHASE_STOCKIN } from '../../shared/records';
import { rowChangeTime } from '../cursor';
import { includeLinesOption, readCodes, statusesOption } from './optionReaders';
import { eventWindowMs, readWithLines, statusIn, type QuerySettings } from './recordReads';
import type { TriggerEvent } from './types';

const STATUS_LABELS = labelsOf(PURCHASE_STOCKIN, 'status');

export const purchaseStockinCreated: TriggerEvent<IDataObject, QuerySettings> = {
	option: {
		name: 'Purchase Stock-In Created',
		value: 'purchaseStockinCreated',
		description:
			'Each new stock-in of goods received against a purchase order, once (wms.stockin.Purchase.queryWithDetail)',
	},
	options: [
		includeLinesOption('stock-in', 'details_list'),
		statusesOption(
			STATUS_LABELS,
			'Emit a stock-in only once it is in one of these statuses, e.g. Completed (80) for booked receipts. Empty (default): every new stock-in. WDT field: status.',
		),
	],
	maxWindowMs: eventWindowMs(PURCHASE_STOCKIN),
	identity: {
		key: (row) => String(row.stockin_id),
		modified: (row) => rowChangeTime(row.modified, `purchase stock-in ${String(row.order_no)}`),
	},
	settings(options) {
		const statuses = readCodes.call(this, options.statuses, {
			label: 'Statuses',
			labels: STATUS_LABELS,
			what: 'purchase stock-in status',
		});
		return {
			statuses,
			includeLines: options.includeLines !== false,
			params: statuses.length ? { status: statuses.join(',') } : {},
		};
	},
	read: readWithLines(PURCHASE_STOCKIN),
	matches: statusIn('status'),
	testEventHint:
		'Receive goods against a purchase order in WDT (or clear Options → Statuses) and fetch again.',
};
