import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orderNumberKey, parseWdtTime, toWdtTime, type TimeWindow } from '../../../shared/protocol';
import { PURCHASE_APPLY } from '../../../shared/records';
import {
	getManyOption,
	outputOf,
	readOperation,
	readPaging,
	type ReadQuery,
	type RecordRead,
	timeRangeOf,
} from '../readOperation';
import {
	getManyFields,
	operationFields,
	readTextFilter,
	readTimeRange,
	timeRangeFields,
} from '../shared.fields';

/** The catalog's 30-day start_time/end_time windows. */
const TIME_RANGE = timeRangeOf(PURCHASE_APPLY, 'modification', {
	hint: 'Leave both times empty to get the last 30 days (or, with a number, that apply at any time)',
});

/** 'applies': the value workflows saved before the shared Output field hold. */
const OUTPUT = { ...outputOf(PURCHASE_APPLY), recordsValue: 'applies' };

const properties: INodeProperties[] = [
	{
		displayName: 'Purchase Apply Number',
		name: 'purchaseApplyNo',
		type: 'string',
		default: '',
		description:
			'Optional: return only this apply (compared ignoring case). With both times empty, that apply at any time. WDT filters by it from client V1.5.1.0; an older WDT ignores the filter and returns every apply, of which the node keeps this one (slower: set times to read less). WDT field: purchase_apply_no.',
	},
	{
		displayName:
			"WDT's page does not say whether this search's times filter by created or modified time. The node returns only applies whose own modified time lies in the range, whichever WDT follows. If your WDT filters by created time (Account → Check Assumptions tells), an apply created before the range and modified within it is missed: start the range at its creation, or get it by number.",
		name: 'rangeNotice',
		type: 'notice',
		default: '',
	},
	...timeRangeFields(TIME_RANGE),
	...getManyFields({ output: OUTPUT }),
];

/** Its entry in the Purchase Apply resource's Operation field. */
export const option = getManyOption(
	'Get many purchase applies',
	'List applies and their detail lines (purchase.PurchaseApply.search)',
);

export const description = operationFields('purchaseApply', 'getMany', properties);

/**
 * The page does not say which time start_time/end_time select by (created or modified): an
 * apply is kept only when its own `modified` lies within the range as sent (whole seconds), so
 * a WDT filtering by created time returns no apply outside the range. A time the node cannot
 * read keeps the apply.
 */
export function modifiedWithin(apply: IDataObject, range: TimeWindow): boolean {
	const modifiedMs = parseWdtTime(String(apply.modified ?? ''));
	if (modifiedMs === undefined) return true;
	const startMs = parseWdtTime(toWdtTime(range.startMs)) ?? range.startMs;
	const endMs = parseWdtTime(toWdtTime(range.endMs)) ?? range.endMs;
	return modifiedMs >= startMs && modifiedMs <= endMs;
}

/** 30-day windows, every page, each apply once by number; an apply without lines gives no line. */
const APPLY_READ: RecordRead = {
	record: PURCHASE_APPLY,
	skipRecordsWithoutLines: true,
	keepInRange: modifiedWithin,
};

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): ReadQuery {
	const applyNo = readTextFilter(
		ctx,
		itemIndex,
		ctx.getNodeParameter('purchaseApplyNo', itemIndex, ''),
		'Purchase Apply Number (purchaseApplyNo)',
		20,
	);
	const params: IDataObject = applyNo ? { purchase_apply_no: applyNo } : {};
	const noTimes = ['startTime', 'endTime'].every((name) =>
		['', null, undefined].includes(ctx.getNodeParameter(name, itemIndex, '') as string),
	);
	return {
		params,
		// A WDT older than V1.5.1.0 ignores the filter and returns other applies: only that one is kept.
		...(applyNo
			? {
					keep: (apply: IDataObject) =>
						orderNumberKey(String(apply.purchase_apply_no ?? '')) === orderNumberKey(applyNo),
				}
			: {}),
		// A number alone: that apply at any time, without a time filter.
		range: applyNo && noTimes ? undefined : readTimeRange(ctx, itemIndex, nowMs, TIME_RANGE),
		...readPaging(ctx, itemIndex),
	};
}

/** purchase.PurchaseApply.search: lets a workflow check what it created. */
export const execute = readOperation(APPLY_READ, readQuery);
