import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	DAY_MS,
	pageThrough,
	PURCHASE_APPLY_STATUS_NAMES,
	splitIntoWindows,
	toWdtTime,
	WDT_MAX_PAGE_SIZE,
} from '../../../shared/protocol';
import { callWdt } from '../../../shared/transport';
import { invalidInput, readDateParameter, runPerItem } from '../common';

const show = { resource: ['purchaseApply'], operation: ['getMany'] };

const SEARCH_METHOD = 'purchase.PurchaseApply.search';
/** purchase.PurchaseApply.search accepts at most 30 days between start_time and end_time. */
const SEARCH_MAX_WINDOW_MS = 30 * DAY_MS;
export const MAX_RANGE_DAYS = 366;

export const description: INodeProperties[] = [
	{
		displayName: 'Purchase Apply Number',
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
		placeholder: 'Empty: 30 days before Modified Before',
		hint: 'Leave both times empty to get the last 30 days (or, with a number, that apply at any time)',
		displayOptions: { show },
		description:
			'Empty: 30 days before the end, or no time filter when a number is given. WDT field: start_time.',
	},
	{
		displayName: 'Modified Before',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		placeholder: 'Empty: now',
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
];

type Query = {
	applyNo: string;
	windows: Array<{ startMs: number; endMs: number } | undefined>;
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
	if (applyNo && given.start === undefined && given.end === undefined)
		return { applyNo, windows: [undefined] };
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
	return {
		applyNo,
		windows: splitIntoWindows(startMs, endMs, SEARCH_MAX_WINDOW_MS),
	};
}

function withStatusName(apply: IDataObject): IDataObject {
	return {
		...apply,
		status_name:
			PURCHASE_APPLY_STATUS_NAMES[Number(apply.status)] ?? `未知状态 ${String(apply.status)}`,
	};
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

/** Every apply of one query, window by window (each window paged), deduplicated by number. */
async function readApplies(
	ctx: IExecuteFunctions,
	query: Query,
	limit: number,
	asLines: boolean,
): Promise<IDataObject[]> {
	const seen = new Set<string>();
	const results: IDataObject[] = [];
	for (const window of query.windows) {
		const params: IDataObject = {};
		if (window) {
			params.start_time = toWdtTime(window.startMs);
			params.end_time = toWdtTime(window.endMs);
		}
		if (query.applyNo) params.purchase_apply_no = query.applyNo;
		const { records } = await pageThrough(
			async (pager) =>
				await callWdt.call(ctx, { method: SEARCH_METHOD, args: [params], pager }, { write: false }),
			{ pageSize: WDT_MAX_PAGE_SIZE, limit: asLines ? Infinity : limit - results.length },
		);
		for (const record of records as IDataObject[]) {
			const key = String(record.purchase_apply_no);
			if (seen.has(key)) continue;
			seen.add(key);
			const apply = withStatusName(record);
			results.push(...(asLines ? toLineItems(apply) : [apply]));
		}
		if (results.length >= limit) break;
	}
	return results.slice(0, limit);
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
			return await readApplies(this, query, limit, asLines);
		},
	);
}
