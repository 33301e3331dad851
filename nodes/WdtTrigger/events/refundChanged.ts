/**
 * Refund Created or Updated: refunds and exchanges (退换单) created or changed in WDT, read from
 * aftersales.refund.Refund.search by modified time (modified_from/modified_to, 30-day windows).
 * Every change is an event by default (a new `modified` of the refund); Emit Again When Changed
 * off makes it one event per refund. WDT takes one `status` per call, so several Statuses are
 * filtered here; one is also sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { labelsOf, lengthOf, REFUND } from '../../shared/records';
import {
	codeOptions,
	includeLinesOption,
	readCodes,
	readShopList,
	shopsOption,
	statusesOption,
} from './optionReaders';
import { rowChangeTime } from '../cursor';
import type { TriggerEvent } from './types';
import { eventWindowMs, readWithLines, statusIn, type QuerySettings } from './recordReads';

const REFUND_STATUS_LABELS = labelsOf(REFUND, 'status');
const REFUND_TYPE_LABELS = labelsOf(REFUND, 'type');

export const refundChanged: TriggerEvent<IDataObject, QuerySettings> = {
	option: {
		name: 'Refund Created or Updated',
		value: 'refundChanged',
		description:
			'Each time a refund or exchange is created or changed in WDT (aftersales.refund.Refund.search, by modified time). WDT does not return Taobao/Tmall, Pinduoduo and system-distribution refunds here.',
	},
	options: [
		includeLinesOption('refund', 'detail_list'),
		shopsOption('refunds', REFUND.privacyNotice),
		statusesOption(
			REFUND_STATUS_LABELS,
			'Emit only refunds whose status is one of these when they change. Empty (default): every status. WDT filters by one status, so with several the trigger reads every refund and keeps these.',
		),
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			default: '',
			options: [{ name: 'Any', value: '' }, ...codeOptions(REFUND_TYPE_LABELS)],
			description: 'Only refunds of this type. WDT field: type.',
		},
	],
	maxWindowMs: eventWindowMs(REFUND),
	emitEveryChangeByDefault: true,
	identity: {
		key: (row) => String(row[REFUND.idField]),
		modified: (row) => rowChangeTime(row.modified, `refund ${String(row[REFUND.idField])}`),
	},
	settings(options) {
		const statuses = readCodes.call(this, options.statuses, {
			label: 'Statuses',
			labels: REFUND_STATUS_LABELS,
			what: 'refund status',
		});
		const [type] = readCodes.call(this, options.type, {
			label: 'Type',
			labels: REFUND_TYPE_LABELS,
			what: 'refund type',
		});
		const params: IDataObject = {};
		if (statuses.length === 1) params.status = statuses[0];
		if (type !== undefined) params.type = type;
		const shopNos = readShopList.call(this, options.shopNos, {
			label: 'Shops',
			maxLength: lengthOf(REFUND, 'shop_nos'),
		});
		if (shopNos) params.shop_nos = shopNos;
		return {
			statuses,
			includeLines: options.includeLines !== false,
			params,
		};
	},
	read: readWithLines(REFUND),
	matches: statusIn('status'),
	testEventHint:
		'Create or change a refund in WDT (or clear Options → Statuses, Type and Shops) and fetch again. Taobao/Tmall, Pinduoduo and system-distribution refunds are not returned by WDT here.',
};
