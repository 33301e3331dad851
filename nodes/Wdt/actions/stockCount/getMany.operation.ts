import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { DAY_MS } from '../../../shared/protocol';
import { lineItems, readRecords, recordShaper, type ReadQuery } from '../../../shared/read';
import {
	labelsOf,
	STOCK_COUNT,
	STOCK_COUNT_LINE_LIST,
	STOCK_COUNT_LINES_METHOD,
} from '../../../shared/records';
import { catalogPaging, searchWindows } from '../../../shared/transport/search';
import { codeFilter, locatorFilter, readFilterParams, textFilter } from '../filterReaders';
import { WAREHOUSE_FILTER, warehouseLocator } from '../locators';
import { getManyOption, readOperation, readPaging, timeRangeOf } from '../readOperation';
import {
	codeFilterField,
	filtersField,
	operationFields,
	outputModeField,
	readTimeRange,
	returnAllLimitFields,
	readOptionsField,
	timeRangeFields,
} from '../shared.fields';

/**
 * The page states no window for start_time/end_time (modified): the node reads 30-day windows,
 * the longest the other stock pages accept, so no account refuses them.
 */
const WINDOW_MS = 30 * DAY_MS;
const TIME_RANGE = {
	...timeRangeOf(STOCK_COUNT, 'modification'),
	defaultSpanMs: WINDOW_MS,
	defaultSpanText: '30 days',
	windowText: '30-day',
};

const OUTPUT = {
	record: 'Stock Count',
	lineList: STOCK_COUNT_LINE_LIST,
	prefix: 'pd_',
};

/** The text filters: label, parameter, WDT field, which stock counts it keeps. */
const TEXT_FILTERS = [
	['Stock Count Number', 'pdNo', 'pd_no', 'with this number (PD…)'],
	['SKU Code', 'specNo', 'spec_no', 'that count this SKU (merchant code)'],
	['Goods Number', 'goodsNo', 'goods_no', 'that count this goods'],
	['Created By', 'employeeNo', 'employee_no', 'made by this employee (number)'],
] as const;

const properties: INodeProperties[] = [
	...timeRangeFields(TIME_RANGE),
	warehouseLocator({
		description: 'Optional: only stock counts of this warehouse. WDT field: warehouse_no.',
	}),
	filtersField([
		codeFilterField(
			{
				displayName: 'Status',
				name: 'status',
				description:
					'Only stock counts in this status (WDT accepts one); Completed (40) for final variances. WDT field: status.',
			},
			labelsOf(STOCK_COUNT, 'status'),
		),
		...TEXT_FILTERS.map(
			([displayName, name, wdtField, what]): INodeProperties => ({
				displayName,
				name,
				type: 'string',
				default: '',
				description: `Only stock counts ${what}. WDT field: ${wdtField}.`,
			}),
		),
	]),
	{
		displayName: 'Include Lines',
		name: 'includeLines',
		type: 'boolean',
		default: true,
		description: `Whether to add each stock count's lines (${STOCK_COUNT_LINE_LIST}: SKU, old_num = stock before the count, new_num = counted stock, and variance = new_num − old_num), one more WDT call per stock count (${STOCK_COUNT_LINES_METHOD})`,
	},
	updateDisplayOptions({ show: { includeLines: [true] } }, [outputModeField(OUTPUT)])[0],
	...returnAllLimitFields(),
	readOptionsField(),
];

/** Its entry in the Stock Count resource's Operation field. */
export const option = getManyOption(
	'Get many stock counts',
	'List stock counts (stocktakes) modified in a time range, with their lines and variances (wms.StockPd.queryStockPd)',
);

export const description = operationFields('stockCount', 'getMany', properties);

interface StockCountQuery extends ReadQuery {
	includeLines: boolean;
}

const FILTERS = [
	locatorFilter(WAREHOUSE_FILTER),
	codeFilter('status', 'status'),
	...TEXT_FILTERS.map(([label, name, wdtField]) => textFilter(STOCK_COUNT, name, label, wdtField)),
];

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): StockCountQuery {
	const params = readFilterParams(ctx, itemIndex, FILTERS);
	const includeLines = ctx.getNodeParameter('includeLines', itemIndex, true) as boolean;
	const paging = readPaging(ctx, itemIndex);
	return {
		params,
		range: readTimeRange(ctx, itemIndex, nowMs, TIME_RANGE),
		maxWindowMs: WINDOW_MS,
		includeLines,
		...paging,
		asLines: includeLines && paging.asLines,
	};
}

/** The lines' `_name`s and `_iso`s, from the lines page's tables (pd_detail_list.…). */
const shapeLines = recordShaper({
	method: STOCK_COUNT_LINES_METHOD,
	lines: { list: STOCK_COUNT_LINE_LIST, prefix: OUTPUT.prefix, itemName: OUTPUT.record },
});

/** new_num − old_num, to WDT's four decimals; undefined where either is not a number. */
export function variance(line: IDataObject): number | undefined {
	const oldNum = Number(line.old_num);
	const newNum = Number(line.new_num);
	if (line.old_num === '' || line.new_num === '' || !Number.isFinite(oldNum + newNum))
		return undefined;
	return Math.round((newNum - oldNum) * 10_000) / 10_000;
}

/**
 * Every line of one stock count: queryStockPdDetail by its pd_no (always sent: the page does not
 * say what none returns), every page. Its `data` is the list in the page's example and holds
 * `pd_detail_list` in its table: the pager looks for the one list in either.
 */
async function readLines(this: IExecuteFunctions, pdNo: string): Promise<IDataObject[]> {
	const { records } = await searchWindows.call(this, {
		method: STOCK_COUNT_LINES_METHOD,
		...catalogPaging(STOCK_COUNT_LINES_METHOD),
		listPath: undefined,
		args: () => [{ pd_no: pdNo }],
		recordKey: (line) => String((line as IDataObject).rec_id),
	});
	const shaped = shapeLines({ [STOCK_COUNT_LINE_LIST]: records as IDataObject[] });
	return (shaped[STOCK_COUNT_LINE_LIST] as IDataObject[]).map((line) => {
		const difference = variance(line);
		return difference === undefined || 'variance' in line
			? line
			: { ...line, variance: difference };
	});
}

async function readStockCounts(
	this: IExecuteFunctions,
	query: StockCountQuery,
): Promise<IDataObject[]> {
	const limit = query.limit ?? Infinity;
	const counts = await readRecords.call(this, STOCK_COUNT, {
		...query,
		asLines: false,
		// With One Item per Line the Limit counts lines: every stock count may be needed.
		limit: query.asLines ? undefined : limit,
	});
	if (!query.includeLines) return counts;
	const out: IDataObject[] = [];
	for (const count of counts) {
		if (out.length >= limit) break;
		const withLines = {
			...count,
			[STOCK_COUNT_LINE_LIST]: await readLines.call(this, String(count.pd_no)),
		};
		if (query.asLines) out.push(...lineItems(withLines, STOCK_COUNT_LINE_LIST, OUTPUT.prefix));
		else out.push(withLines);
	}
	return out.slice(0, limit);
}

/** wms.StockPd.queryStockPd in 30-day windows, each stock count's lines on request, items paired. */
export const execute = readOperation(readStockCounts, readQuery);
