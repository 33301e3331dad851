import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLocatorFilter, SHOP_FILTER, shopLocator } from '../locators';
import { readPaging, readOperation, type RecordQuery, type RecordRead } from '../read';
import {
	codeFilterField,
	filtersField,
	getManyFields,
	noticeField,
	operationFields,
	readFilters,
	readTimeRange,
	THIRTY_DAY_WINDOWS,
	timeRangeFields,
} from '../shared.fields';

export const REFUND_METHOD = 'aftersales.refund.Refund.search';

/** The page: at most 30 days between modified_from and modified_to. */
const TIME_RANGE = {
	what: 'modification',
	...THIRTY_DAY_WINDOWS,
	wdtFields: ['modified_from', 'modified_to'] as [string, string],
};

/** English labels of the page's refund status codes (the output keeps WDT's status_name). */
export const REFUND_STATUS_LABELS: Readonly<Record<string, string>> = {
	'10': 'Cancelled',
	'20': 'Awaiting Review',
	'30': 'Reviewed',
	'40': 'Pushed',
	'80': 'Settled',
	'81': 'Awaiting Return Info',
	'85': 'Awaiting Posting',
	'86': 'Posted',
	'87': 'Cost Confirmation',
	'90': 'Completed',
};

export const REFUND_TYPE_LABELS: Readonly<Record<string, string>> = {
	'1': 'Refund Before Shipment',
	'2': 'Return',
	'3': 'Exchange',
	'4': 'Refund Without Return',
	'6': 'Price Protection Refund',
};

export const PRIVACY_NOTICE =
	'WDT does not return refunds of Taobao/Tmall, Pinduoduo and system-distribution platforms through this API, so you may see fewer refunds than in the ERP. Private fields (buyer and receiver details) are returned only for self-owned and offline platforms.';

export const OUTPUT = { record: 'Refund', lineList: 'detail_list', prefix: 'refund_' };

/** 30-day windows of modified_from/modified_to, every page, each refund once by refund_id. */
export const REFUND_READ: RecordRead = {
	method: REFUND_METHOD,
	idField: 'refund_id',
	detectMoves: true,
	lines: OUTPUT,
};

const properties: INodeProperties[] = [
	noticeField('refundPrivacyNotice', PRIVACY_NOTICE),
	...timeRangeFields(TIME_RANGE),
	shopLocator({ description: 'Optional: only refunds of this shop.' }),
	filtersField([
		codeFilterField(
			{
				displayName: 'Status',
				name: 'status',
				description: 'Only refunds in this status (WDT accepts one). WDT field: status.',
			},
			REFUND_STATUS_LABELS,
		),
		codeFilterField(
			{ displayName: 'Type', name: 'type', description: 'WDT field: type' },
			REFUND_TYPE_LABELS,
		),
	]),
	...getManyFields({ output: OUTPUT }),
];

/** Its entry in the Refund resource's Operation field. */
export const option = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many refunds',
	description:
		'List refunds and exchanges modified in a time range (aftersales.refund.Refund.search)',
};

export const description = operationFields('refund', 'getMany', properties);

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): RecordQuery {
	const params: IDataObject = {};
	const shopNo = readLocatorFilter(ctx, itemIndex, {
		...SHOP_FILTER,
		wdtField: 'shop_nos',
	});
	if (shopNo) params.shop_nos = shopNo;
	const filters = readFilters(ctx, itemIndex);
	if (filters.status) params.status = Number(filters.status);
	if (filters.type) params.type = Number(filters.type);
	return {
		params,
		range: readTimeRange(ctx, itemIndex, nowMs, TIME_RANGE),
		...readPaging(ctx, itemIndex),
	};
}

/** aftersales.refund.Refund.search over any range (split into 30-day windows), items paired. */
export const execute = readOperation(REFUND_READ, readQuery);
