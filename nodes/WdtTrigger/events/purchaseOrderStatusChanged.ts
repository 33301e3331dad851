/**
 * Purchase Order Status Changed: purchase orders (采购单) whose status changed in WDT, including
 * their creation, read from purchase.PurchaseOrder.queryWithDetail by start_time/end_time (the
 * modified time; 30-day windows). An order is an event when its status differs from the one
 * remembered for it (key purchase_id, state status): a new `modified` with the same status (an
 * edited remark, a partial receipt that keeps 50 部分到货) is not one, and a return to an
 * earlier status is one again. Statuses is checked here, not sent to WDT, so every order's
 * status is remembered whether it is chosen or not.
 */
import type { IDataObject } from 'n8n-workflow';

import { labelsOf, PURCHASE_ORDER } from '../../shared/records';
import { rowChangeTime } from '../cursor';
import { includeLinesOption, readCodes, statusesOption } from './optionReaders';
import { eventWindowMs, readWithLines, statusIn, type QuerySettings } from './recordReads';
import type { TriggerEvent } from './types';

const STATUS_LABELS = labelsOf(PURCHASE_ORDER, 'status');

export const purchaseOrderStatusChanged: TriggerEvent<IDataObject, QuerySettings> = {
	option: {
		name: 'Purchase Order Status Changed',
		value: 'purchaseOrderStatusChanged',
		description:
			"Each time a purchase order's status changes in WDT, including its creation (purchase.PurchaseOrder.queryWithDetail)",
	},
	options: [
		includeLinesOption('order', 'detail_list'),
		statusesOption(
			STATUS_LABELS,
			'Emit only changes to one of these statuses. Empty (default): every status change. WDT field: status.',
		),
	],
	maxWindowMs: eventWindowMs(PURCHASE_ORDER),
	identity: {
		key: (row) => String(row.purchase_id),
		modified: (row) => rowChangeTime(row.modified, `purchase order ${String(row.purchase_no)}`),
		state: (row) => String(row.status),
	},
	settings(options) {
		return {
			statuses: readCodes.call(this, options.statuses, {
				label: 'Statuses',
				labels: STATUS_LABELS,
				what: 'purchase order status',
			}),
			includeLines: options.includeLines !== false,
			params: {},
		};
	},
	read: readWithLines(PURCHASE_ORDER),
	matches: statusIn('status'),
	testEventHint:
		'Create a purchase order or change its status in WDT (or clear Options → Statuses) and fetch again.',
};
