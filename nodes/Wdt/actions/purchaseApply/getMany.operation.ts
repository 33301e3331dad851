import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	DAY_MS,
	PURCHASE_APPLY_STATUS_NAMES,
	toWdtTime,
	withIsoTimes,
	type TimeWindow,
} from '../../../shared/protocol';
import { catalogPaging, searchWindows } from '../../../shared/transport/search';
import { invalidInput, readDateParameter, runPerItem } from '../common';
import { readOptionsField, readParallelRequests } from '../readOptions';

const show = { resource: ['purchaseApply'], operation: ['getMany'] };

const SEARCH_METHOD = 'purchase.PurchaseApply.search';
/** purchase.PurchaseApply.search accepts at most 30 days between start_time and end_time. */
const SEARCH_MAX_WINDOW_MS = 30 * DAY_MS;
export const MAX_RANGE_DAYS = 366;

export const description: INodeProperties[] = [
	{
		displayName: 'Purchase Apply Number (采购申请单号)',
		name: 'purchaseApplyNo',
		type: 'string',
		default: '',
		displayOptions: { show },
		description:
			'Optional: return only this apply (WDT client V1.5.1.0 or later). WDT field: purchase_apply_no.',
	},
	{
		displayName: 'Modified After',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		displayOptions: { show },
		description:
			'Empty: 30 days before the end, or no time filter when a number is given. WDT field: start_time.',
	},
	{
		displayName: 'Modified Before',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		displayOptions: { show },
		description: `Empty: now. Ranges up to ${MAX_RANGE_DAYS} days are split into the 30-day windows WDT accepts. WDT field: end_time.`,
	},
	{
		displayName: 'Output',
		name: 'outputMode',
		type: 'options',
		default: 'applies',
		displayOptions: { show },
		options: [
			{
				name: 'One Item per Apply',
				value: 'applies',
				description: 'Each apply with its detail_list',
			},
			{
				name: 'One Item per Detail Line',
				value: 'lines',
				description:
					'Each detail line, with its apply fields prefixed apply_ (handy for spreadsheets)',
			},
		],
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show: { ...show, returnAll: [false] } },
		description: 'Max number of results to return',
	},
	{ ...readOptionsField(), displayOptions: { show } },
];

/** The CST time fields of a purchase apply, each output also as `<field>_iso`. */
const APPLY_TIME_FIELDS = ['expected_time', 'modified', 'created'];

type Query = {
	applyNo: string;
	/** Undefined: the number alone, without a time filter. */
	range?: TimeWindow;
};

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): Query {
	const read = (name: string, label: string) => readDateParameter(ctx, itemIndex, name, label);
	const applyNo = String(ctx.getNodeParameter('purchaseApplyNo', itemIndex, '') ?? '').trim();
	if (applyNo.length > 20)
		throw invalidInput(
			ctx,
			itemIndex,
			'Purchase Apply Number (purchaseApplyNo)',
			'is longer than 20 characters.',
		);
	const given = {
		start: read('startTime', 'Modified After (startTime)'),
		end: read('endTime', 'Modified Before (endTime)'),
	};
	if (applyNo && given.start === undefined && given.end === undefined) return { applyNo };
	const endMs = given.end ?? nowMs;
	const startMs = given.start ?? endMs - SEARCH_MAX_WINDOW_MS;
	if (endMs < startMs)
		throw invalidInput(
			ctx,
			itemIndex,
			'Modified Before (endTime)',
			'lies before Modified After (startTime).',
		);
	if (endMs - startMs > MAX_RANGE_DAYS * DAY_MS) {
		throw invalidInput(
			ctx,
			itemIndex,
			'Modified After (startTime)',
			`and Modified Before (endTime) are more than ${MAX_RANGE_DAYS} days apart.`,
		);
	}
	return { applyNo, range: { startMs, endMs } };
}

function toApplyItem(apply: IDataObject): IDataObject {
	return withIsoTimes(
		{
			...apply,
			status_name:
				PURCHASE_APPLY_STATUS_NAMES[Number(apply.status)] ?? `未知状态 ${String(apply.status)}`,
		},
		APPLY_TIME_FIELDS,
	);
}

function toLineItems(apply: IDataObject): IDataObject[] {
	const { detail_list: details, ...fields } = apply;
	const prefixed: IDataObject = {};
	for (const [name, value] of Object.entries(fields))
		prefixed[name.startsWith('apply_') ? name : `apply_${name}`] = value;
	return ((details as IDataObject[]) ?? []).map((line) => ({
		...prefixed,
		...line,
	}));
}

/** Every apply of one query on the read engine: 30-day windows, every page, deduplicated by number. */
async function readApplies(
	ctx: IExecuteFunctions,
	query: Query,
	limit: number,
	asLines: boolean,
	parallel: number,
): Promise<IDataObject[]> {
	const { records } = await searchWindows.call(ctx, {
		method: SEARCH_METHOD,
		args: (window) => {
			const params: IDataObject = {};
			if (window) {
				params.start_time = toWdtTime(window.startMs);
				params.end_time = toWdtTime(window.endMs);
			}
			if (query.applyNo) params.purchase_apply_no = query.applyNo;
			return [params];
		},
		listPath: ['order_list'],
		totalPath: ['total_count'],
		...catalogPaging(SEARCH_METHOD),
		range: query.range,
		maxWindowMs: SEARCH_MAX_WINDOW_MS,
		recordKey: (record) => String((record as IDataObject).purchase_apply_no),
		// Lines: the limit counts output items, which only the applies' lines tell.
		limit: asLines ? undefined : limit,
		parallel,
	});
	const applies = (records as IDataObject[]).map(toApplyItem);
	return (asLines ? applies.flatMap(toLineItems) : applies).slice(0, limit);
}

/** purchase.PurchaseApply.search: lets a workflow check what it created. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const nowMs = Date.now();
	return await runPerItem(
		this,
		(i) => readQuery(this, i, nowMs),
		async (query, i) => {
			const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
			const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
			const asLines = this.getNodeParameter('outputMode', i, 'applies') === 'lines';
			return await readApplies(this, query, limit, asLines, readParallelRequests(this, i));
		},
	);
}
