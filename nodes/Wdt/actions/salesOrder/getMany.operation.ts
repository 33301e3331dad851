import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { codesFilter, locatorFilter, readFilterParams, textFilter } from '../filterReaders';
import { SHOP_FILTER, shopLocator, WAREHOUSE_FILTER, warehouseLocator } from '../locators';
import {
	labelsOf,
	lengthOf,
	SALES_ORDER,
	SALES_ORDER_HISTORY_METHOD,
} from '../../../shared/records';
import {
	getManyOption,
	outputOf,
	readOperation,
	readPaging,
	type ReadQuery,
	timeRangeOf,
} from '../readOperation';
import {
	filtersField,
	getManyFields,
	noticeField,
	operationFields,
	readFilters,
	readOptions,
	readTextFilter,
	readTimeRange,
	statusFilterField,
	timeRangeFields,
} from '../shared.fields';

const TIME_RANGE = timeRangeOf(SALES_ORDER, 'modification');

/** The order history method: same parameters and reply (the record's page says so). */
const HISTORY_METHOD = SALES_ORDER_HISTORY_METHOD;
const ORDER_METHOD = SALES_ORDER.method;

/** Options → Read From, shared with Get. */
export const readFromOption: INodeProperties = {
	displayName: 'Read From',
	name: 'readFrom',
	type: 'options',
	default: 'current',
	options: [
		{
			name: 'Current Orders',
			value: 'current',
			description: `The ERP's current orders (${ORDER_METHOD})`,
		},
		{
			name: 'Order History',
			value: 'history',
			description: `Orders WDT has moved to its history (${HISTORY_METHOD}); use it when older orders are missing`,
		},
	],
};

const properties: INodeProperties[] = [
	noticeField('salesOrderPrivacyNotice', SALES_ORDER.privacyNotice!),
	...timeRangeFields(TIME_RANGE),
	filtersField([
		{
			displayName: 'Platform Order Numbers',
			name: 'srcTid',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1234567890123,1234567890124',
			description:
				"The shop platform's order number(s), comma-separated; only orders holding one of them exactly. WDT field: src_tid (sent with accurate_query).",
		},
		shopLocator({ description: 'One shop (WDT does not accept several here).' }),
		statusFilterField(
			{ displayName: 'Status', name: 'status', wdtField: 'status' },
			labelsOf(SALES_ORDER, 'trade_status'),
		),
		{
			displayName: 'Trade Number',
			name: 'tradeNo',
			type: 'string',
			default: '',
			description: "WDT's own order number. WDT field: trade_no.",
		},
		warehouseLocator({ description: 'Only orders of this warehouse.' }),
	]),
	...getManyFields({ output: outputOf(SALES_ORDER), options: [readFromOption] }),
];

/** Its entry in the Sales Order resource's Operation field. */
export const option = getManyOption(
	'Get many sales orders',
	'List orders modified in a time range (sales.TradeQuery.queryWithDetail)',
);

export const description = operationFields('salesOrder', 'getMany', properties);

/** The platform order numbers an order holds: its `src_tids` parts and its lines' `src_tid`. */
function platformOrderNumbers(order: IDataObject): string[] {
	const lines = Array.isArray(order.detail_list) ? (order.detail_list as IDataObject[]) : [];
	return [
		...String(order.src_tids ?? '').split(','),
		...lines.map((line) => String(line.src_tid ?? '')),
	]
		.map((number) => number.trim().toUpperCase())
		.filter(Boolean);
}

/**
 * An exact lookup by platform order number(s). The page's `accurate_query`
 * ("是否强制指定src_tid精准查询", default 0) asks for exact matches; without it WDT may match
 * loosely and return other orders. The flag is sent, and each record is checked too (its
 * `src_tids`, which WDT may cut when long, and its lines' `src_tid`; without regard to case, as
 * WDT compares numbers), so a server that ignores the flag still gives only the orders asked for.
 */
export function platformOrderQuery(numbers: string[]): Pick<ReadQuery, 'params' | 'keep'> {
	const wanted = new Set(numbers.map((number) => number.trim().toUpperCase()));
	return {
		params: { src_tid: numbers.join(','), accurate_query: 1 },
		keep: (order) => platformOrderNumbers(order).some((number) => wanted.has(number)),
	};
}

export function readMethod(ctx: IExecuteFunctions, itemIndex: number): string {
	return readOptions(ctx, itemIndex).readFrom === 'history' ? HISTORY_METHOD : ORDER_METHOD;
}

/** The filters sent as they are (Platform Order Numbers and Statuses are read in readQuery). */
const FILTERS = [
	textFilter(SALES_ORDER, 'tradeNo', 'Trade Number', 'trade_no'),
	locatorFilter(SHOP_FILTER, 'filters'),
	locatorFilter(WAREHOUSE_FILTER, 'filters'),
];

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): ReadQuery {
	const filters = readFilters(ctx, itemIndex);
	const params = readFilterParams(ctx, itemIndex, FILTERS);
	let keep: ReadQuery['keep'];
	const srcTids = readTextFilter(
		ctx,
		itemIndex,
		filters.srcTid,
		'Platform Order Numbers (filters.srcTid)',
		1000,
	);
	if (srcTids !== undefined) {
		const numbers = srcTids
			.split(/[,\uFF0C\s]+/)
			.map((number) => number.trim())
			.filter(Boolean);
		for (const number of numbers)
			readTextFilter(
				ctx,
				itemIndex,
				number,
				`Platform Order Numbers (filters.srcTid): "${number}"`,
				lengthOf(SALES_ORDER, 'src_tid'),
			);
		const exact = platformOrderQuery(numbers);
		Object.assign(params, exact.params);
		keep = exact.keep;
	}
	return {
		method: readMethod(ctx, itemIndex),
		params: readFilterParams(ctx, itemIndex, [codesFilter('status', 'status')], params),
		range: readTimeRange(ctx, itemIndex, nowMs, TIME_RANGE),
		...(keep ? { keep } : {}),
		...readPaging(ctx, itemIndex),
	};
}

/** sales.TradeQuery.queryWithDetail (or its history) over any range, items paired. */
export const execute = readOperation(SALES_ORDER, readQuery);
