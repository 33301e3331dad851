import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	readLocatorFilter,
	SHOP_FILTER,
	shopLocator,
	WAREHOUSE_FILTER,
	warehouseLocator,
} from '../locators';
import { readPaging, readOperation, type RecordQuery, type RecordRead } from '../read';
import {
	filtersField,
	getManyFields,
	noticeField,
	ONE_HOUR_WINDOWS,
	operationFields,
	readFilters,
	readOptions,
	readTextFilter,
	readTimeRange,
	statusFilterField,
	timeRangeFields,
} from '../shared.fields';

export const ORDER_METHOD = 'sales.TradeQuery.queryWithDetail';
/**
 * Same parameters, reply and 60-minute window; its page says only that it returns the ERP's
 * historical (archived) orders and gives no age at which orders move there, so the node does not
 * guess: the user chooses it (Options → Read From).
 */
export const HISTORY_METHOD = 'sales.TradeQuery.queryHistoryWithDetail';

/** English labels of WDT's trade_status codes (the page's status table; names in output stay WDT's). */
export const ORDER_STATUS_LABELS: Readonly<Record<string, string>> = {
	'4': 'Offline Refund',
	'5': 'Cancelled',
	'6': 'To Convert to Pre-Order (Awaiting Review)',
	'7': 'To Convert to Completed',
	'10': 'Unpaid',
	'12': 'Awaiting Balance Payment',
	'15': 'Waiting for Unpaid',
	'16': 'Delayed Review',
	'19': 'Pre-Order Pre-Processing',
	'20': 'Pre-Review Processing',
	'21': 'Self-Circulation Awaiting Shipment',
	'23': 'Exception',
	'24': 'Exchange Pre-Order',
	'25': 'Pre-Order to Process',
	'27': 'Pre-Order to Allocate',
	'30': 'Awaiting Customer Service Review',
	'35': 'Awaiting Finance Review',
	'40': 'Under Review',
	'55': 'Reviewed',
	'95': 'Shipped',
	'96': 'Cost Confirmation',
	'101': 'Posted',
	'110': 'Completed',
};

export const PRIVACY_NOTICE =
	'WDT does not return Taobao/Tmall, Pinduoduo and system-distribution orders through its API, so you may see fewer orders than in the ERP. Private fields (buyer nick, receiver name, address, phone numbers, payment account, customer name) are returned only for self-owned and offline platforms.';

const TIME_RANGE = { ...ONE_HOUR_WINDOWS, what: 'modification' };

export const OUTPUT = { record: 'Order', lineList: 'detail_list', prefix: 'order_' };

/** One-hour windows, last page first, each order once by trade_id. */
export const ORDER_READ: RecordRead = {
	method: ORDER_METHOD,
	idField: 'trade_id',
	detectMoves: true,
	lines: OUTPUT,
};

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
	noticeField('salesOrderPrivacyNotice', PRIVACY_NOTICE),
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
			ORDER_STATUS_LABELS,
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
	...getManyFields({ output: OUTPUT, options: [readFromOption] }),
];

/** Its entry in the Sales Order resource's Operation field. */
export const option = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many sales orders',
	description: 'List orders modified in a time range (sales.TradeQuery.queryWithDetail)',
};

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
export function platformOrderQuery(numbers: string[]): Pick<RecordQuery, 'params' | 'keep'> {
	const wanted = new Set(numbers.map((number) => number.trim().toUpperCase()));
	return {
		params: { src_tid: numbers.join(','), accurate_query: 1 },
		keep: (order) => platformOrderNumbers(order).some((number) => wanted.has(number)),
	};
}

export function readMethod(ctx: IExecuteFunctions, itemIndex: number): string {
	return readOptions(ctx, itemIndex).readFrom === 'history' ? HISTORY_METHOD : ORDER_METHOD;
}

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): RecordQuery {
	const filters = readFilters(ctx, itemIndex);
	const text = (name: string, label: string, maxLength: number) =>
		readTextFilter(ctx, itemIndex, filters[name], `${label} (filters.${name})`, maxLength);
	const params: IDataObject = {};
	const add = (field: string, value: string | undefined) => {
		if (value !== undefined) params[field] = value;
	};
	let keep: RecordQuery['keep'];
	add('trade_no', text('tradeNo', 'Trade Number', 40));
	add('shop_no', readLocatorFilter(ctx, itemIndex, SHOP_FILTER, 'filters'));
	add('warehouse_no', readLocatorFilter(ctx, itemIndex, WAREHOUSE_FILTER, 'filters'));
	const srcTids = text('srcTid', 'Platform Order Numbers', 1000);
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
				40,
			);
		const exact = platformOrderQuery(numbers);
		Object.assign(params, exact.params);
		keep = exact.keep;
	}
	const statuses = (filters.status as string[] | undefined) ?? [];
	if (statuses.length) params.status = statuses.join(',');
	return {
		method: readMethod(ctx, itemIndex),
		params,
		range: readTimeRange(ctx, itemIndex, nowMs, TIME_RANGE),
		...(keep ? { keep } : {}),
		...readPaging(ctx, itemIndex),
	};
}

/** sales.TradeQuery.queryWithDetail (or its history) over any range, items paired. */
export const execute = readOperation(ORDER_READ, readQuery);
