import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { CatalogParam } from '../../../shared/catalog';
import { chunk, orderNumberKey, readUserDateTime, toWdtTime } from '../../../shared/protocol';
import { textProblem } from '../../../shared/protocol/validate';
import { toNodeError } from '../../../shared/transport';
import { readLocatorCode, shopLocator, warehouseLocator } from '../locators';
import { invalidInput, parameterReaders } from '../parameters';
import { noticeField } from '../shared.fields';
import {
	definedLines,
	documentedFields,
	documentedValue,
	linesField,
	linesSourceField,
} from '../write';
import {
	type BatchEntry,
	batchOutput,
	planEach,
	planEachItem,
	sendWriteBatches,
} from '../write/legacy';
import { type PushResult, rawTradePushOutcomes } from './pushReply';

export const PUSH_METHOD = 'sales.RawTrade.pushSelf2';

/** The page: "单次推送建议单量不超过100单" (at most 100 orders per call is advised). */
export const ORDERS_PER_PUSH = 100;

type Kind = 'text' | 'int' | 'decimal' | 'time';

/** One WDT field of an order or a line, as the node shows and checks it. */
interface PushField {
	wdt: string;
	displayName: string;
	description: string;
	kind: Kind;
	/** The page's codes, with our English names. */
	codes?: Array<[number, string]>;
	/** Sent when the field is empty; without it an empty required field is refused. */
	whenEmpty?: unknown;
	/** Empty: filled from other fields (see completeLine), so never refused as empty. */
	derived?: boolean;
	/** Decimals: the least value (prices and fees are not negative), or more than 0. */
	min?: number;
	positive?: boolean;
}

const TRADE_STATUS: Array<[number, string]> = [
	[10, 'Unconfirmed'],
	[20, 'Awaiting Final Payment'],
	[30, 'Awaiting Shipment'],
	[40, 'Partly Shipped'],
	[50, 'Shipped'],
	[60, 'Signed For'],
	[70, 'Completed'],
	[80, 'Refunded'],
	[90, 'Closed'],
];

/** Order fields every order needs and no default can give: mapped per order (or per group of rows). */
const ORDER_FIELDS: PushField[] = [
	{
		wdt: 'tid',
		displayName: 'Platform Order Number',
		description:
			"Your shop's order number. Pushing the same number to WDT again updates that order instead of creating a second one.",
		kind: 'text',
	},
	{
		wdt: 'trade_time',
		displayName: 'Order Time',
		description: 'When the order was placed',
		kind: 'time',
	},
	{
		wdt: 'buyer_nick',
		displayName: 'Buyer Nickname',
		description: 'The customer name; WDT asks for a fixed value when there is none',
		kind: 'text',
	},
	{
		wdt: 'receiver_name',
		displayName: 'Receiver Name',
		description: 'Who receives the parcel',
		kind: 'text',
	},
	{
		wdt: 'receiver_area',
		displayName: 'Receiver Area',
		description:
			"Province, city and district separated by spaces, named as in WDT's address list (Chinese names)",
		kind: 'text',
	},
	{
		wdt: 'receiver_address',
		displayName: 'Receiver Address',
		description: 'The street address, without province, city and district',
		kind: 'text',
	},
	{
		wdt: 'receiver_mobile',
		displayName: 'Receiver Mobile',
		description: 'The mobile number',
		kind: 'text',
	},
	{
		wdt: 'post_amount',
		displayName: 'Shipping Fee',
		description: 'Postage',
		kind: 'decimal',
		min: 0,
	},
	{
		wdt: 'discount',
		displayName: 'Order Discount',
		description: 'The discount on the order',
		kind: 'decimal',
		min: 0,
	},
	{
		wdt: 'receivable',
		displayName: 'Receivable',
		description: 'The amount the customer owes for the order',
		kind: 'decimal',
		min: 0,
	},
];

/** Order fields with a default (the required ones) or left out when empty (the optional ones). */
const MORE_ORDER_FIELDS: PushField[] = [
	{
		wdt: 'process_status',
		displayName: 'Process Status',
		description: 'Whether WDT submits it automatically follows its own settings',
		kind: 'int',
		codes: [
			[10, 'Awaiting Submission'],
			[20, 'Submitted'],
			[30, 'Partly Shipped'],
			[40, 'Shipped'],
			[60, 'Completed'],
			[70, 'Cancelled'],
		],
		whenEmpty: 10,
	},
	{
		wdt: 'trade_status',
		displayName: 'Platform Status',
		description: 'The order status on your shop',
		kind: 'int',
		codes: TRADE_STATUS,
		whenEmpty: 30,
	},
	{
		wdt: 'refund_status',
		displayName: 'Refund Status',
		description: 'The refund status of the order',
		kind: 'int',
		codes: [
			[0, 'No Refund'],
			[1, 'Refund Requested'],
			[2, 'Partly Refunded'],
			[3, 'Fully Refunded'],
		],
		whenEmpty: 0,
	},
	{
		wdt: 'pay_status',
		displayName: 'Payment Status',
		description: 'Whether the order is paid',
		kind: 'int',
		codes: [
			[0, 'Unpaid'],
			[1, 'Partly Paid'],
			[2, 'Paid'],
		],
		whenEmpty: 2,
	},
	{
		wdt: 'pay_method',
		displayName: 'Payment Method',
		description: 'How the customer paid',
		kind: 'int',
		codes: [
			[1, 'Online Transfer'],
			[2, 'Cash'],
			[3, 'Bank Transfer'],
			[4, 'Postal Remittance'],
			[5, 'Prepayment'],
			[6, 'Card'],
			[7, 'Alipay'],
			[8, 'WeChat Pay'],
		],
		whenEmpty: 1,
	},
	{
		wdt: 'delivery_term',
		displayName: 'Delivery Terms',
		description: 'When the goods ship',
		kind: 'int',
		codes: [
			[1, 'Ship After Payment'],
			[2, 'Cash on Delivery'],
			[3, 'Instalments'],
		],
		whenEmpty: 1,
	},
	{
		wdt: 'end_time',
		displayName: 'End Time',
		description: 'When the trade ended; empty: none (sent as null, as the page asks)',
		kind: 'time',
		whenEmpty: null,
	},
	{
		wdt: 'pay_time',
		displayName: 'Payment Time',
		description: 'When the customer paid',
		kind: 'time',
	},
	{
		wdt: 'buyer_message',
		displayName: 'Buyer Message',
		description: "The customer's note",
		kind: 'text',
	},
	{
		wdt: 'buyer_email',
		displayName: 'Buyer Email',
		description: "The customer's email",
		kind: 'text',
	},
	{
		wdt: 'receiver_zip',
		displayName: 'Receiver Postcode',
		description: 'The postcode',
		kind: 'text',
	},
	{
		wdt: 'receiver_telno',
		displayName: 'Receiver Phone',
		description: 'A landline number',
		kind: 'text',
	},
	{
		wdt: 'other_amount',
		displayName: 'Other Fees',
		description: 'Other fees',
		kind: 'decimal',
		min: 0,
	},
	{
		wdt: 'platform_cost',
		displayName: 'Platform Cost',
		description: 'Platform fees',
		kind: 'decimal',
		min: 0,
	},
	{ wdt: 'paid', displayName: 'Paid', description: 'The amount paid', kind: 'decimal', min: 0 },
	{
		wdt: 'received',
		displayName: 'Received',
		description: 'The amount already received from the platform',
		kind: 'decimal',
		min: 0,
	},
	{
		wdt: 'cod_amount',
		displayName: 'Cash on Delivery Amount',
		description: 'With cash on delivery, the amount to collect',
		kind: 'decimal',
		min: 0,
	},
	{
		wdt: 'remark',
		displayName: 'Service Remark',
		description: "Customer service's note",
		kind: 'text',
	},
	{
		wdt: 'remark_flag',
		displayName: 'Remark Flag',
		description: 'The colour flag of the note',
		kind: 'int',
		codes: [
			[0, 'None'],
			[1, 'Red'],
			[2, 'Yellow'],
			[3, 'Green'],
			[4, 'Blue'],
			[5, 'Purple'],
		],
	},
	{
		wdt: 'invoice_type',
		displayName: 'Invoice Type',
		description: 'The invoice wanted',
		kind: 'int',
		codes: [
			[0, 'None'],
			[1, 'Ordinary Invoice'],
			[2, 'VAT Ordinary Invoice'],
			[3, 'VAT Special Invoice'],
		],
	},
	{
		wdt: 'invoice_title',
		displayName: 'Invoice Title',
		description: 'The invoice title',
		kind: 'text',
	},
	{
		wdt: 'invoice_content',
		displayName: 'Invoice Content',
		description: 'The invoice details',
		kind: 'text',
	},
	{
		wdt: 'pay_id',
		displayName: 'Payment ID',
		description: "The platform's payment ID",
		kind: 'text',
	},
	{
		wdt: 'pay_account',
		displayName: 'Payment Account',
		description: "The customer's payment account",
		kind: 'text',
	},
	{
		wdt: 'to_deliver_time',
		displayName: 'Requested Delivery Date',
		description: 'When the customer wants the goods',
		kind: 'text',
	},
	{
		wdt: 'fenxiao_nick',
		displayName: 'Distributor Name',
		description: 'The distributor',
		kind: 'text',
	},
];

/** The fields of one line (sub-order). */
const LINE_FIELDS: PushField[] = [
	{
		wdt: 'oid',
		displayName: 'Sub-Order Number',
		description: "The line's own number, unique across your orders",
		kind: 'text',
	},
	{
		wdt: 'goods_no',
		displayName: 'Goods Number',
		description: 'The goods (SPU) number',
		kind: 'text',
	},
	{
		wdt: 'spec_no',
		displayName: 'SKU Code',
		description: 'The merchant code of the SKU',
		kind: 'text',
	},
	{ wdt: 'goods_name', displayName: 'Goods Name', description: 'The goods name', kind: 'text' },
	{
		wdt: 'num',
		displayName: 'Quantity',
		description: 'More than 0, up to 4 decimal places',
		kind: 'decimal',
		positive: true,
	},
	{
		// Never negative, like every price of every write (decimalBounds).
		wdt: 'price',
		displayName: 'Unit Price',
		description: 'The unit price',
		kind: 'decimal',
	},
	{
		wdt: 'goods_id',
		derived: true,
		displayName: 'Platform Goods ID',
		description: "Your shop's goods ID; empty: the goods number is sent",
		kind: 'text',
	},
	{
		wdt: 'spec_id',
		derived: true,
		displayName: 'Platform SKU ID',
		description: "Your shop's SKU ID; empty: the SKU code is sent",
		kind: 'text',
	},
	{ wdt: 'spec_name', displayName: 'SKU Name', description: 'The SKU name', kind: 'text' },
	{
		wdt: 'discount',
		displayName: 'Line Discount',
		description: "The platform's discount on the line; empty: 0",
		kind: 'decimal',
		min: 0,
		whenEmpty: 0,
	},
	{
		wdt: 'share_discount',
		displayName: 'Shared Discount',
		description: "The line's share of the order discount; empty: 0",
		kind: 'decimal',
		min: 0,
		whenEmpty: 0,
	},
	{
		wdt: 'adjust_amount',
		displayName: 'Manual Adjustment',
		description: 'A discount adjusted by hand; empty: 0',
		kind: 'decimal',
		whenEmpty: 0,
	},
	{
		wdt: 'total_amount',
		derived: true,
		displayName: 'Line Total',
		description:
			"Empty: unit price × quantity + manual adjustment − line discount (the page's example)",
		kind: 'decimal',
	},
	{
		wdt: 'refund_amount',
		displayName: 'Refund Amount',
		description: 'Refunded on the line; empty: 0',
		kind: 'decimal',
		min: 0,
		whenEmpty: 0,
	},
	{
		wdt: 'status',
		derived: true,
		displayName: 'Line Platform Status',
		description: "Empty: the order's platform status",
		kind: 'int',
		codes: TRADE_STATUS,
	},
	{
		wdt: 'refund_status',
		displayName: 'Line Refund Status',
		description: 'Empty: no refund',
		kind: 'int',
		codes: [
			[0, 'No Refund'],
			[1, 'Refund Cancelled'],
			[2, 'Refund Requested'],
			[3, 'Awaiting Return'],
			[4, 'Awaiting Receipt'],
			[5, 'Refunded'],
			[6, 'Closed Unpaid'],
		],
		whenEmpty: 0,
	},
	{
		wdt: 'order_type',
		displayName: 'Line Type',
		description: 'Empty: normal goods',
		kind: 'int',
		codes: [
			[0, 'Normal Goods'],
			[1, 'Virtual Goods'],
			[2, 'Service'],
		],
	},
	{
		wdt: 'remark',
		displayName: 'Line Remark',
		description: 'A note on the line',
		kind: 'text',
		whenEmpty: '',
	},
	{
		wdt: 'json',
		displayName: 'Line JSON',
		description: 'Extra data as a JSON string',
		kind: 'text',
		whenEmpty: '',
	},
	{
		wdt: 'cid',
		displayName: 'Platform Category',
		description: "Your shop's category",
		kind: 'text',
	},
	{
		wdt: 'gift_type',
		displayName: 'Gift Type',
		description: 'Empty: not a gift',
		kind: 'int',
		codes: [
			[0, 'Not a Gift'],
			[1, 'Automatic Gift'],
			[2, 'Manual Gift'],
			[4, 'Subscription Gift'],
			[8, 'Platform Gift'],
			[32, 'Tiered Gift'],
			[64, 'CRM Gift'],
			[65, 'Main Item'],
		],
	},
];

/** The page's own types, lengths and required marks, by WDT field name. */
const ORDER_DOC = documentedFields(PUSH_METHOD, ['rawTradeList']);
const LINE_DOC = documentedFields(PUSH_METHOD, ['rawTradeOrderList']);

/** The field's description, its limits and its WDT name. */
function fieldDescription(field: PushField, length: string, empty: string): string {
	return `${field.description}.${length}${empty} WDT field: ${field.wdt}.`;
}

/** A node parameter for one field; `mapped`: its default reads the column of the same name. */
function fieldProperty(
	field: PushField,
	doc: Map<string, CatalogParam>,
	name: string,
	mapped: boolean,
): INodeProperties {
	const param = doc.get(field.wdt);
	const length =
		param?.length && field.kind === 'text' ? ` At most ${param.length} characters.` : '';
	const empty =
		field.whenEmpty !== undefined || field.derived
			? ''
			: param?.required
				? ' Required.'
				: ' Optional.';
	const property: INodeProperties = {
		displayName: field.displayName,
		name,
		type: field.kind === 'time' ? 'dateTime' : 'string',
		default: mapped ? `={{ $json.${field.wdt} }}` : '',
		description: fieldDescription(field, length, empty),
	};
	if (field.codes && !mapped) {
		property.type = 'options';
		property.options = field.codes.map(([code, label]) => ({
			name: `${label} (${code})`,
			value: code,
		}));
		property.default = (field.whenEmpty as number | undefined) ?? field.codes[0][0];
	}
	return property;
}

const show = { resource: ['salesOrder'], operation: ['push'] };

const properties: INodeProperties[] = [
	noticeField(
		'salesOrderPushNotice',
		"Try this in WDT's test environment first (credential → Environment → Test): WDT asks that pushed orders and what follows them be tested there before going live. Only shops of a self-owned platform accept pushed orders.",
	),
	shopLocator({
		required: true,
		description:
			'The self-owned shop (platform "other / own mall") the orders belong to; WDT refuses shops of other platforms.',
	}),
	warehouseLocator({
		displayName: 'Auto-Flow Warehouse',
		description:
			'Optional: makes the orders auto-flow orders (is_auto_wms true) that WDT routes to this warehouse. Empty: ordinary orders (is_auto_wms false, warehouse_no empty, as the page asks).',
	}),
	linesSourceField(
		show,
		{ one: 'order', many: 'orders', groupedBy: 'Platform Order Number' },
		'inputItems',
	),
	...ORDER_FIELDS.map((field) => fieldProperty(field, ORDER_DOC, `order_${field.wdt}`, true)),
	{
		displayName: 'More Order Fields',
		name: 'moreOrderFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		description:
			'With a group of rows, the rows of one order must agree on its shop and every order field (an empty value agrees with any); a row that differs is refused before anything is sent',
		options: MORE_ORDER_FIELDS.map((field) => fieldProperty(field, ORDER_DOC, field.wdt, false)),
	},
	...LINE_FIELDS.map((field) => ({
		...fieldProperty(field, LINE_DOC, `line_${field.wdt}`, true),
		displayOptions: { show: { linesSource: ['inputItems'] } },
	})),
	linesField(
		show,
		LINE_FIELDS.map((field) => fieldProperty(field, LINE_DOC, field.wdt, false)),
	),
];

/** Its entry in the Sales Order resource's Operation field. */
export const option = {
	name: 'Push',
	value: 'push',
	action: 'Push sales orders',
	description:
		'Create or update orders of a self-owned shop by platform order number (sales.RawTrade.pushSelf2)',
};

export const description = updateDisplayOptions({ show }, properties);

/** A top-level parameter at one item (parameterReaders). */
type Parameter = (name: string, itemIndex: number) => unknown;

type Order = IDataObject & { tid: string; oids: string[] };

interface PlannedOrder {
	itemIndices: number[];
	shopNo: string;
	order: IDataObject;
	lines: IDataObject[];
}

const isEmpty = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * One field's value as WDT takes it, or an error naming item and field: times and the page's
 * codes here, everything else as its documented type wants it (documentedValue).
 */
function checkedValue(
	ctx: IExecuteFunctions,
	itemIndex: number,
	where: string,
	field: PushField,
	doc: Map<string, CatalogParam>,
	raw: unknown,
): unknown {
	const label = `${where}${field.displayName} (${field.wdt})`;
	const param = doc.get(field.wdt) as CatalogParam;
	if (isEmpty(raw)) {
		if (field.whenEmpty !== undefined) return field.whenEmpty;
		if (param.required && !field.derived) throw invalidInput(ctx, itemIndex, label, 'is empty.');
		return undefined;
	}
	if (field.kind === 'time') {
		const read = readUserDateTime(raw, ctx.getTimezone());
		if ('problem' in read) throw invalidInput(ctx, itemIndex, label, `${read.problem}.`);
		return toWdtTime(read.ms);
	}
	const read = documentedValue(param, raw, field);
	if ('problem' in read) throw invalidInput(ctx, itemIndex, label, `${read.problem}.`);
	const codes = field.codes?.map(([value]) => value);
	if (codes && !codes.includes(read.value as number))
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			`must be one of ${codes.join(', ')}, got "${String(raw)}".`,
		);
	return read.value;
}

function readFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	where: string,
	fields: PushField[],
	doc: Map<string, CatalogParam>,
	valueOf: (field: PushField) => unknown,
): IDataObject {
	const out: IDataObject = {};
	for (const field of fields) {
		const value = checkedValue(ctx, itemIndex, where, field, doc, valueOf(field));
		if (value !== undefined) out[field.wdt] = value as IDataObject[string];
	}
	return out;
}

/** The page: "仅自流转订单填写该仓库编号, 非自流转订单传入空字符串即可". */
function autoFlow(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const warehouseNo = readLocatorCode(ctx, itemIndex, 'warehouseNo');
	const problem = textProblem(warehouseNo, 40);
	if (problem)
		throw invalidInput(ctx, itemIndex, 'Auto-Flow Warehouse (warehouse_no)', `${problem}.`);
	return { is_auto_wms: warehouseNo !== '', warehouse_no: warehouseNo };
}

/** The order fields at one item: the mapped ones, then the added ones (defaults when not added). */
function readOrder(ctx: IExecuteFunctions, itemIndex: number, parameter: Parameter): IDataObject {
	const more = ctx.getNodeParameter('moreOrderFields', itemIndex, {}) as IDataObject;
	return {
		...readFields(ctx, itemIndex, '', ORDER_FIELDS, ORDER_DOC, (field) =>
			parameter(`order_${field.wdt}`, itemIndex),
		),
		...readFields(
			ctx,
			itemIndex,
			'More Order Fields → ',
			MORE_ORDER_FIELDS,
			ORDER_DOC,
			(field) => more[field.wdt],
		),
		...autoFlow(ctx, itemIndex),
	};
}

/** Four decimal places, as WDT stores Decimal(19,4). */
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

function completeLine(line: IDataObject, order: IDataObject): IDataObject {
	const completed = { ...line };
	if (completed.goods_id === undefined) completed.goods_id = completed.goods_no;
	if (completed.spec_id === undefined) completed.spec_id = completed.spec_no;
	if (completed.status === undefined) completed.status = order.trade_status;
	if (completed.total_amount === undefined)
		completed.total_amount = round4(
			Number(line.price) * Number(line.num) + Number(line.adjust_amount) - Number(line.discount),
		);
	return completed;
}

/** How a value is shown in a message about differing rows. */
const shown = (value: unknown) => (isEmpty(value) ? 'empty' : `"${String(value)}"`);

/**
 * A tid is one order of one shop (the page: one shop_no per call; a tid is unique per seller),
 * so every row of a tid must name the same shop and the same order values: a row whose value
 * differs from the first row's is refused, naming it, instead of being dropped. A row that leaves
 * a value empty adds nothing, so it conflicts with nothing.
 */
function refuseConflicts(
	ctx: IExecuteFunctions,
	parameter: Parameter,
	itemIndices: number[],
	sent: { shopNo: string; order: IDataObject },
): void {
	const [first, ...others] = itemIndices;
	const conflict = (i: number, label: string, value: unknown, firstValue: unknown) =>
		invalidInput(
			ctx,
			i,
			label,
			`is ${shown(value)} here but ${shown(firstValue)} in item ${first + 1}, a row of the same order (tid "${String(sent.order.tid)}"). A platform order number is one order of one shop: give all its rows the same order values, or give different orders different numbers.`,
		);
	for (const i of others) {
		const shopNo = readLocatorCode(ctx, i, 'shopNo');
		if (shopNo !== '' && shopNo !== sent.shopNo)
			throw conflict(i, 'Shop (shop_no)', shopNo, sent.shopNo);
		const warehouseNo = readLocatorCode(ctx, i, 'warehouseNo');
		if (warehouseNo !== '' && warehouseNo !== sent.order.warehouse_no)
			throw conflict(i, 'Auto-Flow Warehouse (warehouse_no)', warehouseNo, sent.order.warehouse_no);
		const more = ctx.getNodeParameter('moreOrderFields', i, {}) as IDataObject;
		const values: Array<[PushField, string, unknown]> = [
			...ORDER_FIELDS.map((field): [PushField, string, unknown] => [
				field,
				'',
				parameter(`order_${field.wdt}`, i),
			]),
			...MORE_ORDER_FIELDS.map((field): [PushField, string, unknown] => [
				field,
				'More Order Fields → ',
				more[field.wdt],
			]),
		];
		for (const [field, where, raw] of values) {
			// The rows were grouped by tid, ignoring case as WDT does.
			if (field.wdt === 'tid' || isEmpty(raw)) continue;
			const value = checkedValue(ctx, i, where, field, ORDER_DOC, raw);
			const firstValue = sent.order[field.wdt];
			if (String(value) !== String(firstValue ?? ''))
				throw conflict(i, `${where}${field.displayName} (${field.wdt})`, value, firstValue);
		}
	}
}

function plan(
	ctx: IExecuteFunctions,
	parameter: Parameter,
	itemIndices: number[],
	lines: Array<() => IDataObject>,
): PlannedOrder {
	const first = itemIndices[0];
	const shopNo = readLocatorCode(ctx, first, 'shopNo');
	const shopProblem = shopNo ? textProblem(shopNo, 40) : 'is empty';
	if (shopProblem) throw invalidInput(ctx, first, 'Shop (shop_no)', `${shopProblem}.`);
	const order = readOrder(ctx, first, parameter);
	refuseConflicts(ctx, parameter, itemIndices, { shopNo, order });
	const completed = lines.map((read) => completeLine({ ...read(), tid: order.tid }, order));
	return { itemIndices, shopNo, order, lines: completed };
}

type Planned = PlannedOrder | { itemIndices: number[]; error: Error; json: IDataObject };

/**
 * An order refused before sending, as its rows give it: tid and oids as typed, so that a sheet
 * can mark the rows (the error names item and field), and outcome "not sent".
 */
function refusedOrder(parameter: Parameter, itemIndices: number[], fromRows: boolean): IDataObject {
	const typed = (name: string, i: number) => {
		try {
			const value = parameter(name, i);
			return isEmpty(value) ? undefined : String(value).trim();
		} catch {
			return undefined; // the value is what was refused: its item's error says why
		}
	};
	const json: IDataObject = { outcome: 'not sent' };
	const tid = typed('order_tid', itemIndices[0]);
	if (tid !== undefined) json.tid = tid;
	if (fromRows) json.oids = itemIndices.flatMap((i) => typed('line_oid', i) ?? []);
	return json;
}

function planOrders(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	continueOnFail: boolean,
): Planned[] {
	const parameter = parameterReaders(ctx, items);
	const fromRows = ctx.getNodeParameter('linesSource', 0, 'inputItems') !== 'define';
	const planned = (entries: ReturnType<typeof planEach<PlannedOrder>>): Planned[] =>
		entries.map((entry) =>
			'plan' in entry
				? entry.plan
				: { ...entry, json: refusedOrder(parameter, entry.itemIndices, fromRows) },
		);
	const readLine = (i: number, where: string, valueOf: (field: PushField) => unknown) => () =>
		readFields(ctx, i, where, LINE_FIELDS, LINE_DOC, valueOf);
	if (!fromRows)
		return planned(
			planEachItem(ctx, (i) =>
				plan(
					ctx,
					parameter,
					[i],
					definedLines(ctx, i, (entry, where) => readLine(i, where, (field) => entry[field.wdt])),
				),
			),
		);
	const emptyTids: Planned[] = [];
	const groups = new Map<string, number[]>();
	for (let i = 0; i < items.length; i++) {
		const tid = parameter('order_tid', i);
		if (isEmpty(tid)) {
			const error = invalidInput(ctx, i, 'Platform Order Number (tid)', 'is empty.');
			if (!continueOnFail) throw error;
			emptyTids.push({ itemIndices: [i], error, json: refusedOrder(parameter, [i], true) });
			continue;
		}
		const key = orderNumberKey(String(tid));
		groups.set(key, [...(groups.get(key) ?? []), i]);
	}
	return [
		...emptyTids,
		...planned(
			planEach(ctx, [...groups.values()], (itemIndices) =>
				plan(
					ctx,
					parameter,
					itemIndices,
					itemIndices.map((i) => readLine(i, '', (field) => parameter(`line_${field.wdt}`, i))),
				),
			),
		),
	];
}

/** Numbers WDT must see once per push: tid per order, oid across every line. */
function refuseRepeats(ctx: IExecuteFunctions, orders: PlannedOrder[]): void {
	const tids = new Map<string, number>();
	const oids = new Map<string, number>();
	for (const { order, lines, itemIndices } of orders) {
		const tid = String(order.tid);
		const earlier = tids.get(orderNumberKey(tid));
		if (earlier !== undefined)
			throw invalidInput(
				ctx,
				itemIndices[0],
				'Platform Order Number (tid)',
				`"${tid}" is also the number of item ${earlier + 1}'s order; each order needs its own number.`,
			);
		tids.set(orderNumberKey(tid), itemIndices[0]);
		lines.forEach((line, at) => {
			const oid = String(line.oid);
			const item = itemIndices[Math.min(at, itemIndices.length - 1)];
			const seen = oids.get(orderNumberKey(oid));
			if (seen !== undefined)
				throw invalidInput(
					ctx,
					item,
					'Sub-Order Number (oid)',
					`"${oid}" is also used by item ${seen + 1}; WDT needs every sub-order number once.`,
				);
			oids.set(orderNumberKey(oid), item);
		});
	}
}

/**
 * sales.RawTrade.pushSelf2: orders are validated, then sent per shop, 100 per call (the page's
 * advice), never re-sent. WDT creates an order it does not know and updates one it has (by shop
 * and tid), so running the workflow again updates rather than duplicates.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const planned = planOrders(this, items, continueOnFail);
	const orders = planned.filter((entry): entry is PlannedOrder => 'order' in entry);
	refuseRepeats(this, orders);

	const batches: Array<{ shopNo: string; orders: PlannedOrder[] }> = [];
	const byShop = new Map<string, PlannedOrder[]>();
	for (const order of orders)
		byShop.set(order.shopNo, [...(byShop.get(order.shopNo) ?? []), order]);
	for (const [shopNo, shopOrders] of byShop)
		for (const batch of chunk(shopOrders, ORDERS_PER_PUSH)) batches.push({ shopNo, orders: batch });

	const sentOrders = new Map<string, Order>();
	const results = new Map<string, PushResult | undefined>();
	for (const { order, lines } of orders)
		sentOrders.set(orderNumberKey(String(order.tid)), {
			tid: String(order.tid),
			oids: lines.map((line) => String(line.oid)),
		});
	const outcomes = await sendWriteBatches(
		this,
		{ method: PUSH_METHOD, done: 'created or updated' },
		batches.map(({ shopNo, orders: batch }) => ({
			keys: batch.map(({ order }) => String(order.tid)),
			args: [
				shopNo,
				batch.map(({ order, lines }) => ({
					...order,
					order_count: lines.length,
					goods_count: round4(lines.reduce((sum, line) => sum + Number(line.num), 0)),
				})),
				batch.flatMap(({ lines }) => lines),
			],
		})),
		(tids, response) => {
			const sent = tids.map((tid) => sentOrders.get(orderNumberKey(tid)) as Order);
			const { outcomes: batchOutcomes, result } = rawTradePushOutcomes(sent, response.data);
			for (const tid of tids) results.set(orderNumberKey(tid), result);
			return batchOutcomes;
		},
	);

	const entries: BatchEntry[] = planned.map((entry) => {
		if ('error' in entry)
			return {
				itemIndices: entry.itemIndices,
				invalid: toNodeError(this.getNode(), entry.error, { itemIndex: entry.itemIndices[0] }),
				json: entry.json,
			};
		const tid = String(entry.order.tid);
		const outcome = outcomes.get(orderNumberKey(tid))!;
		const json: IDataObject = {
			shop_no: entry.shopNo,
			tid,
			oids: entry.lines.map((line) => String(line.oid)),
		};
		if (outcome.success) json.push_result = results.get(orderNumberKey(tid)) ?? null;
		json.rerun = `Pushing order ${tid} to shop ${entry.shopNo} again updates this order in WDT; it does not create a second one.`;
		return { itemIndices: entry.itemIndices, outcome, json };
	});
	return batchOutput(
		this,
		{
			entity: { one: 'order', many: 'orders' },
			action: 'push',
			done: 'pushed',
			statusRule: 'WDT accepts orders only for self-owned shops',
		},
		entries,
	);
}
