/**
 * Purchase Apply Status Changed: purchase applies (采购申请单) whose status changed, read from
 * purchase.PurchaseApply.search (start_time/end_time, at most 30 days; the page calls the
 * search incremental and gives each apply its `modified` time, but no id beyond
 * purchase_apply_no). An apply is an event when its status differs from the one remembered for
 * it; a new `modified` with the same status (an edited remark, say) is not. The cursor remembers
 * each apply's status (RowIdentity.state), so a return to an earlier status is an event again.
 * An apply the trigger has not seen since its activation has no remembered status: the first
 * change seen of it is an event, even when that change kept its status.
 *
 * The page does not say whether start_time/end_time select by created or modified time. Read by
 * created time, a window holds the applies created in it, so only a change made before a poll
 * re-reads (OVERLAP_MS) the window of the apply's creation is seen; the description says so.
 */
import type { IDataObject } from 'n8n-workflow';

import { labelsOf, PURCHASE_APPLY } from '../../shared/records';
import { includeLinesOption, readCodes, statusesOption } from './optionReaders';
import { rowChangeTime } from '../cursor';
import type { TriggerEvent } from './types';
import { eventWindowMs, readWithLines, statusIn, type QuerySettings } from './recordReads';

const PURCHASE_APPLY_STATUS_LABELS = labelsOf(PURCHASE_APPLY, 'status');

export const purchaseApplyStatusChanged: TriggerEvent<IDataObject, QuerySettings> = {
	option: {
		name: 'Purchase Apply Status Changed',
		value: 'purchaseApplyStatusChanged',
		description:
			"Each time a purchase apply's status changes in WDT, including its creation (purchase.PurchaseApply.search). WDT's page does not say whether the search's times are created or modified times: if your WDT uses created times (Account → Check Assumptions tells), a change made more than a few minutes after an apply's creation is not seen.",
	},
	options: [
		includeLinesOption('apply', 'detail_list'),
		statusesOption(
			PURCHASE_APPLY_STATUS_LABELS,
			'Emit only changes to one of these statuses. Empty (default): every status change.',
		),
	],
	maxWindowMs: eventWindowMs(PURCHASE_APPLY),
	identity: {
		key: (row) => String(row.purchase_apply_no),
		modified: (row) =>
			rowChangeTime(row.modified, `purchase apply ${String(row.purchase_apply_no)}`),
		state: (row) => String(row.status),
	},
	settings(options) {
		return {
			statuses: readCodes.call(this, options.statuses, {
				label: 'Statuses',
				labels: PURCHASE_APPLY_STATUS_LABELS,
				what: 'purchase apply status',
			}),
			includeLines: options.includeLines !== false,
			params: {},
		};
	},
	read: readWithLines(PURCHASE_APPLY),
	matches: statusIn('status'),
	testEventHint:
		'Create an apply or change its status in WDT (or clear Options → Statuses) and fetch again.',
};
