import type { INodeProperties } from 'n8n-workflow';

import { codeFilter, filteredQuery, locatorFilter } from '../filterReaders';
import { SHOP_FILTER, shopLocator } from '../locators';
import { labelsOf, REFUND } from '../../../shared/records';
import { getManyOption, outputOf, readOperation, timeRangeOf } from '../readOperation';
import {
	codeFilterField,
	filtersField,
	getManyFields,
	noticeField,
	operationFields,
	timeRangeFields,
} from '../shared.fields';

/** 30-day windows of modified_from/modified_to (the catalog's), each refund once by refund_id. */
const TIME_RANGE = timeRangeOf(REFUND, 'modification');

const properties: INodeProperties[] = [
	noticeField('refundPrivacyNotice', REFUND.privacyNotice!),
	...timeRangeFields(TIME_RANGE),
	shopLocator({ description: 'Optional: only refunds of this shop.' }),
	filtersField([
		codeFilterField(
			{
				displayName: 'Status',
				name: 'status',
				description: 'Only refunds in this status (WDT accepts one). WDT field: status.',
			},
			labelsOf(REFUND, 'status'),
		),
		codeFilterField(
			{ displayName: 'Type', name: 'type', description: 'WDT field: type' },
			labelsOf(REFUND, 'type'),
		),
	]),
	...getManyFields({ output: outputOf(REFUND) }),
];

/** Its entry in the Refund resource's Operation field. */
export const option = getManyOption(
	'Get many refunds',
	'List refunds and exchanges modified in a time range (aftersales.refund.Refund.search)',
);

export const description = operationFields('refund', 'getMany', properties);

const readQuery = filteredQuery(TIME_RANGE, [
	locatorFilter({ ...SHOP_FILTER, wdtField: 'shop_nos' }),
	codeFilter('status', 'status'),
	codeFilter('type', 'type'),
]);

/** aftersales.refund.Refund.search over any range (split into 30-day windows), items paired. */
export const execute = readOperation(REFUND, readQuery);
