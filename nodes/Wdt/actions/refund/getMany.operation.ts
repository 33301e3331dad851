import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { DAY_MS, toWdtTime, type TimeWindow } from '../../../shared/protocol';
import { catalogPaging, searchWindows } from '../../../shared/transport/search';
import { invalidInput, runPerItem } from '../common';
import { readLocatorCode, shopLocator } from '../locators';
import { flattenLines, shapeRecord } from '../output';
import {
	noticeField,
	outputModeField,
	readLimit,
	readOptionsField,
	readOutputAsLines,
	readParallelRequests,
	readTimeRange,
	returnAllLimitFields,
	timeRangeFields,
} from '../shared.fields';

export const REFUND_METHOD = 'aftersales.refund.Refund.search';

/** The page: at most 30 days between modified_from and modified_to. */
const TIME_RANGE = {
	what: 'modification',
	defaultSpanMs: 30 * DAY_MS,
	defaultSpanText: '30 days',
	windowText: '30-day',
	maxRangeDays: 366,
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

const codeOptions = (labels: Readonly<Record<string, string>>) => [
	{ name: 'Any', value: '' },
	...Object.entries(labels).map(([code, label]) => ({ name: `${label} (${code})`, value: code })),
];

const properties: INodeProperties[] = [
	noticeField('refundPrivacyNotice', PRIVACY_NOTICE),
	...timeRangeFields(TIME_RANGE),
	shopLocator({ description: 'Optional: only refunds of this shop.' }),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: '',
				options: codeOptions(REFUND_STATUS_LABELS),
				description: 'Only refunds in this status (WDT accepts one). WDT field: status.',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: '',
				options: codeOptions(REFUND_TYPE_LABELS),
				description: 'WDT field: type',
			},
		],
	},
	outputModeField(OUTPUT),
	...returnAllLimitFields(),
	readOptionsField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['refund'], operation: ['getMany'] } },
	properties,
);

export interface RefundQuery {
	params: IDataObject;
	/** Undefined: by number, without a time range (the page allows it). */
	range?: TimeWindow;
	limit: number;
	asLines: boolean;
	parallel: number;
}

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): RefundQuery {
	const params: IDataObject = {};
	const shopNo = readLocatorCode(ctx, itemIndex, 'shopNo');
	if ([...shopNo].length > 20)
		throw invalidInput(ctx, itemIndex, 'Shop (shop_nos)', 'is longer than 20 characters.');
	if (shopNo) params.shop_nos = shopNo;
	const filters = (ctx.getNodeParameter('filters', itemIndex, {}) ?? {}) as IDataObject;
	if (filters.status) params.status = Number(filters.status);
	if (filters.type) params.type = Number(filters.type);
	return {
		params,
		range: readTimeRange(ctx, itemIndex, nowMs, TIME_RANGE),
		limit: readLimit(ctx, itemIndex),
		asLines: readOutputAsLines(ctx, itemIndex),
		parallel: readParallelRequests(ctx, itemIndex),
	};
}

/** Every refund of one query: 30-day windows, every page, deduplicated by refund_id. */
export async function readRefunds(
	ctx: IExecuteFunctions,
	query: RefundQuery,
): Promise<IDataObject[]> {
	const { records } = await searchWindows.call(ctx, {
		method: REFUND_METHOD,
		...catalogPaging(REFUND_METHOD),
		args: (window) => [
			window
				? {
						...query.params,
						modified_from: toWdtTime(window.startMs),
						modified_to: toWdtTime(window.endMs),
					}
				: query.params,
		],
		range: query.range,
		recordKey: (record) => String((record as IDataObject).refund_id),
		moved: { idField: 'refund_id', modifiedField: 'modified' },
		// Lines: the limit counts output items, which only the refunds' lines tell.
		limit: query.asLines ? undefined : query.limit,
		parallel: query.parallel,
	});
	const refunds = (records as IDataObject[]).map((record) =>
		shapeRecord(REFUND_METHOD, record, { lineLists: [OUTPUT.lineList] }),
	);
	const items = query.asLines
		? refunds.flatMap((record) => flattenLines(record, OUTPUT.lineList, OUTPUT.prefix))
		: refunds;
	return items.slice(0, query.limit);
}

/** aftersales.refund.Refund.search over any range (split into 30-day windows), items paired. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const nowMs = Date.now();
	return await runPerItem(
		this,
		(i) => readQuery(this, i, nowMs),
		async (query) => await readRefunds(this, query),
	);
}
