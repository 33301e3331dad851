/**
 * Transfer Status Changed: transfers between warehouses (调拨单) whose status changed, read from
 * wms.stocktransfer.Manage.queryWithDetail by start_time/end_time (the last modification, at
 * most 30 days). One event per transfer and status (transfer_id + status): the cursor remembers
 * each transfer's status (RowIdentity.state), so a new `modified` with the same status (a line
 * stocked out, a remark) is not an event, and each status a transfer reaches is one.
 */
import type { IDataObject } from 'n8n-workflow';

import { labelsOf, TRANSFER } from '../../shared/records';
import { rowChangeTime } from '../cursor';
import { includeLinesOption, readCodes, statusesOption } from './optionReaders';
import { eventWindowMs, readWithLines, statusIn, type QuerySettings } from './recordReads';
import type { TriggerEvent } from './types';

const STATUS_LABELS = labelsOf(TRANSFER, 'status');

export const transferStatusChanged: TriggerEvent<IDataObject, QuerySettings> = {
	option: {
		name: 'Transfer Status Changed',
		value: 'transferStatusChanged',
		description:
			'Each time a transfer between warehouses reaches a new status in WDT, including its creation (wms.stocktransfer.Manage.queryWithDetail)',
	},
	options: [
		includeLinesOption('transfer', 'details_list'),
		statusesOption(
			STATUS_LABELS,
			'Emit only changes to one of these statuses. Empty (default): every status change. WDT field: status.',
		),
	],
	maxWindowMs: eventWindowMs(TRANSFER),
	identity: {
		key: (row) => String(row.transfer_id),
		modified: (row) => rowChangeTime(row.modified, `transfer ${String(row.transfer_no)}`),
		state: (row) => String(row.status),
	},
	settings(options) {
		const statuses = readCodes.call(this, options.statuses, {
			label: 'Statuses',
			labels: STATUS_LABELS,
			what: 'transfer status',
		});
		return {
			statuses,
			includeLines: options.includeLines !== false,
			params: statuses.length ? { status: statuses.join(',') } : {},
		};
	},
	read: readWithLines(TRANSFER),
	matches: statusIn('status'),
	testEventHint:
		'Create a transfer or change its status in WDT (or clear Options → Statuses) and fetch again.',
};
