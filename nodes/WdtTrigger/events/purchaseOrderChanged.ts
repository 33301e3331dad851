/**
 * Purchase Order Created or Updated: purchase orders (采购单) created or changed in WDT, read from
 * purchase.PurchaseOrder.queryWithDetail by start_time/end_time (30-day windows; the page marks
 * the query incremental, 增量获取). Every change is an event by default (a new `modified`);
 * Emit Again When Changed off makes it one event per order. The page takes several statuses,
 * comma-separated, so Statuses is sent to WDT and checked here too.
 */
import type { IDataObject } from 'n8n-workflow';

import { labelsOf, PURCHASE_ORDER } from '../../shared/records';
import { rowChangeTime } from '../cursor';
import { includeLinesOption, readCodes, statusesOption } from './optionReaders';
import { eventWindowMs, readWithLines, statusIn, type QuerySettings } from './recordReads';
import type { TriggerEvent } from './types';

const STATUS_LABELS = labelsOf(PURCHASE_ORDER, 'status');

export const purchaseOrderChanged: TriggerEvent<IDataObject, QuerySettings> = {
	option: {
		name: 'Purchase Order Created or Updated',
		value: 'purchaseOrderChanged',
		description:
			'Each time a purchase order is created or changed in WDT (purchase.PurchaseOrder.queryWithDetail)',
	},
	options: [
		includeLinesOption('order', 'detail_list'),
		statusesOption(
			STATUS_LABELS,
			'Emit only orders whose status is one of these when they change. Empty (default): every status. WDT field: status.',
		),
	],
	maxWindowMs: eventWindowMs(PURCHASE_ORDER),
	emitEveryChangeByDefault: true,
	identity: {
		key: (row) => String(row.purchase_id),
		modified: (row) => rowChangeTime(row.modified, `purchase order ${String(row.purchase_no)}`),
	},
	settings(options) {
		const statuses = readCodes.call(this, options.statuses, {
			label: 'Statuses',
			labels: STATUS_LABELS,
			what: 'purchase order status',
		});
		return {
			statuses,
			includeLines: options.includeLines !== false,
			params: statuses.length ? { status: statuses.join(',') } : {},
		};
	},
	read: readWithLines(PURCHASE_ORDER),
	matches: statusIn('status'),
	testEventHint:
		'Create or change a purchase order in WDT (or clear Options → Statuses) and fetch again.',
};
