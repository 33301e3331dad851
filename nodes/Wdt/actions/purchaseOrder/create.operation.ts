import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { readUserDateTime, succeededOutcome, toWdtTime } from '../../../shared/protocol';
import { PURCHASE_ORDER } from '../../../shared/records';
import { catalogPaging, searchWindows } from '../../../shared/transport/search';
import { providerLocator, readLocatorCode, warehouseLocator } from '../locators';
import { invalidInput } from '../parameters';
import {
	atMost,
	checkedFields,
	documentedFields,
	groupByColumnField,
	linesSourceField,
	numberedCreate,
	numberWhenEmptyField,
	planByLinesSource,
	readLinesSource,
	runWrite,
	type SkuLines,
	skuLinesFields,
	skuLinesOfItem,
	skuLinesOfRows,
	type WriteSpec,
} from '../write';
import { createdPurchaseOrder } from './createReply';

const METHOD = 'purchase.PurchaseOrder.createOrder';
const QUERY = PURCHASE_ORDER.method;
const PARAMS = ['params'];
const orderLength = (field: string) => atMost(METHOD, PARAMS, field);

const LINES: SkuLines = {
	method: METHOD,
	path: ['params', 'purchase_details'],
	optional: {
		price: {
			label: 'Unit Price',
			value: 'price',
			column: 'priceColumn',
			columnLabel: 'Unit Price Column',
			what: 'the unit price',
		},
		remark: {
			label: 'Line Remark',
			value: 'remark',
			column: 'lineRemarkColumn',
			columnLabel: 'Line Remark Column',
			what: 'a remark for the line',
		},
	},
};

const show = { resource: ['purchaseOrder'], operation: ['create'] };
const ORDER = { one: 'purchase order', many: 'purchase orders' };

/** Optional order fields, named as WDT names them (createOrder's params). */
const ORDER_FIELDS: Array<[string, string, string]> = [
	['Purchase Apply Numbers', 'apply_nos', 'Purchase applies the order references, comma-separated'],
	['Receiving Address', 'receive_address', 'Where the supplier delivers'],
	['Contact', 'contact', 'The contact person for the delivery'],
	['Phone', 'telno', "The contact's phone number"],
	['Flag Name', 'flag_name', 'The name of a flag defined in WDT'],
	['Tracking Number', 'logistics_no', 'The tracking number of the delivery'],
	...[1, 2, 3, 4].map((n): [string, string, string] => [
		`Property ${n}`,
		`prop${n}`,
		`Custom property ${n} of the order`,
	]),
];
const PAY_TYPES = [
	{ name: 'Pay Now', value: 1 },
	{ name: 'Pay on Delivery', value: 2 },
	{ name: 'On Account', value: 3 },
];

/** Its entry in the Purchase Order resource's Operation field. */
export const option = {
	name: 'Create',
	value: 'create',
	action: 'Create purchase orders',
	description:
		'Create purchase orders with their lines, from lines or input rows (purchase.PurchaseOrder.createOrder)',
};

export const description: INodeProperties[] = [
	{
		displayName:
			"Try the workflow with the credential's Test environment before Production: a purchase order created in WDT cannot be deleted, only cancelled while it is being edited.",
		name: 'purchaseOrderCreateNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	linesSourceField(show, { ...ORDER, groupedBy: 'value in Group By Column' }, 'define'),
	{
		...providerLocator({
			description: `The supplier the goods are bought from (a number of ${orderLength('provider_no')}).`,
			required: true,
		}),
		displayOptions: { show },
	},
	{
		...warehouseLocator({
			description: `The warehouse the order is for (a number of ${orderLength('expect_warehouse_no')}).`,
			wdtField: 'expect_warehouse_no',
			required: true,
		}),
		displayOptions: { show },
	},
	{
		displayName: 'Receiving Warehouses',
		name: 'receiveWarehouseNos',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: `The warehouse numbers that may receive the goods, comma-separated (several need WDT's multi-warehouse receiving setting), ${orderLength('receive_warehouse_nos')}. Empty: the Warehouse above. WDT field: receive_warehouse_nos.`,
	},
	{
		displayName: 'Purchaser Name',
		name: 'purchaserName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
		description: `The nickname of a WDT employee with the purchaser role, ${orderLength('purchaser_name')}. WDT field: purchaser_name.`,
	},
	{
		displayName: 'Purchase Order Number',
		name: 'purchaseNo',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: `Your own number for the order, ${orderLength('purchase_no')}. Before sending a number the node looks it up in WDT (purchase.PurchaseOrder.queryWithDetail): an order that exists is not sent again but output with outcome 'already created', so a re-run cannot create it twice. When empty, see When the Number Is Empty. WDT field: purchase_no.`,
	},
	numberWhenEmptyField(
		show,
		ORDER,
		{ field: 'purchase_no', label: 'Purchase Order Number', wdtExample: 'CG202401010001' },
		"the node finds the orders created by the earlier run and outputs them as 'already created' instead of sending them again",
	),
	{
		displayName: 'Review',
		name: 'isCheck',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description:
			"Whether WDT reviews the order when creating it. Off: it stays in editing (and can be cancelled). A failed review still creates the order: its item has review_failed true and WDT's message. WDT field: is_check.",
	},
	{
		displayName: 'Expected Arrival',
		name: 'expectTime',
		type: 'dateTime',
		default: '',
		displayOptions: { show },
		description:
			"When the goods should arrive. Interpreted in the workflow's timezone and sent to WDT in China Standard Time. WDT field: expect_time.",
	},
	{
		displayName: 'Remark',
		name: 'remark',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: `A note on the order, ${orderLength('remark')}. WDT field: remark.`,
	},
	{
		displayName: 'Additional Fields',
		name: 'orderFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		displayOptions: { show },
		options: [
			<INodeProperties>{
				displayName: 'Payment Type',
				name: 'pay_type',
				type: 'options',
				default: 1,
				options: PAY_TYPES,
				description: 'How the goods are paid. WDT field: pay_type.',
			},
			<INodeProperties>{
				displayName: 'Shipping Fee Payment',
				name: 'postfee_pay_type',
				type: 'options',
				default: 1,
				options: [
					{ name: 'Pay Now', value: 1 },
					{ name: 'Pay on Delivery', value: 2 },
					{ name: 'Free Shipping', value: 3 },
				],
				description: 'How the shipping fee is paid. WDT field: postfee_pay_type.',
			},
			<INodeProperties>{
				displayName: 'Shipping Fee',
				name: 'post_fee',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 4 },
				default: 0,
				description: 'WDT field: post_fee',
			},
			<INodeProperties>{
				displayName: 'Other Fee',
				name: 'other_fee',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 4 },
				default: 0,
				description: 'WDT field: other_fee',
			},
			...ORDER_FIELDS.map(
				([displayName, name, what]): INodeProperties => ({
					displayName,
					name,
					type: 'string',
					default: '',
					description: `${what}. WDT field: ${name}.`,
				}),
			),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	...skuLinesFields(show, LINES),
	groupByColumnField(show, ORDER, 'purchase_no'),
];

/** The names the node shows for WDT's fields, for messages. */
const LABELS: Record<string, string> = {
	provider_no: 'Supplier',
	expect_warehouse_no: 'Warehouse',
	receive_warehouse_nos: 'Receiving Warehouses',
	purchaser_name: 'Purchaser Name',
	purchase_no: 'Purchase Order Number',
	remark: 'Remark',
	pay_type: 'Payment Type',
	postfee_pay_type: 'Shipping Fee Payment',
	post_fee: 'Shipping Fee',
	other_fee: 'Other Fee',
	...Object.fromEntries(ORDER_FIELDS.map(([label, name]) => [name, label])),
};

type PurchaseOrder = IDataObject & { purchase_no?: string; purchase_details: IDataObject[] };

/** The order's own fields at one item, checked against the create page. */
function readOrder(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const parameter = (name: string) => ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const warehouse = readLocatorCode(ctx, itemIndex, 'warehouseNo');
	const values: IDataObject = {
		provider_no: readLocatorCode(ctx, itemIndex, 'providerNo'),
		expect_warehouse_no: warehouse,
		receive_warehouse_nos:
			String(parameter('receiveWarehouseNos') ?? '')
				.split(',')
				.map((no) => no.trim())
				.filter(Boolean)
				.join(',') || warehouse,
		purchaser_name: parameter('purchaserName') as string,
		purchase_no: parameter('purchaseNo') as string,
		remark: parameter('remark') as string,
		...(ctx.getNodeParameter('orderFields', itemIndex, {}) as IDataObject),
	};
	const required = ['provider_no', 'expect_warehouse_no', 'purchaser_name'];
	const order = checkedFields(
		ctx,
		itemIndex,
		'',
		documentedFields(METHOD, PARAMS),
		values,
		required,
		LABELS,
	);
	const expected = parameter('expectTime');
	if (expected !== '' && expected !== null && expected !== undefined) {
		const read = readUserDateTime(expected, ctx.getTimezone());
		if ('problem' in read)
			throw invalidInput(ctx, itemIndex, 'Expected Arrival (expect_time)', `${read.problem}.`);
		order.expect_time = toWdtTime(read.ms);
	}
	order.is_check = ctx.getNodeParameter('isCheck', itemIndex, false) as boolean;
	return order;
}

/**
 * The order of a group of rows: read from its first row, and every other row must give the same
 * order fields (one supplier, one warehouse, …), or the row is refused, naming it and the field.
 */
function readGroupOrder(ctx: IExecuteFunctions, rows: number[]): IDataObject {
	const order = readOrder(ctx, rows[0]);
	for (const row of rows.slice(1)) {
		const other = readOrder(ctx, row);
		for (const field of new Set([...Object.keys(order), ...Object.keys(other)]))
			if (JSON.stringify(order[field]) !== JSON.stringify(other[field]))
				throw invalidInput(
					ctx,
					row,
					`${LABELS[field] ?? field} (${field})`,
					`is ${JSON.stringify(other[field] ?? '')} here but ${JSON.stringify(order[field] ?? '')} in item ${rows[0] + 1} of the same order (Group By Column); one order has one value.`,
				);
	}
	return order;
}

/**
 * The orders WDT already has under `number`: queryWithDetail by purchase_no (its page: the times
 * do not apply then), fuzzy_query false, exact matches only. A failed look-up throws, so the
 * order is not sent.
 */
async function existingOrders(ctx: IExecuteFunctions, number: string): Promise<IDataObject[]> {
	const { records } = await searchWindows.call(ctx, {
		...catalogPaging(QUERY),
		method: QUERY,
		args: () => [{ purchase_no: number, fuzzy_query: false }],
		recordKey: (record) => JSON.stringify(record),
	});
	return (records as IDataObject[]).filter(
		(record) => String(record.purchase_no ?? '').toLowerCase() === number.toLowerCase(),
	);
}

/**
 * purchase.PurchaseOrder.createOrder, one order per call. Every order is checked before the first
 * is sent; a numbered one is looked up first (the page does not say that WDT refuses a repeated
 * number), so a re-run reports it 'already created' instead of creating it twice. A create is
 * never re-sent: a lost reply is an unknown outcome.
 */
const spec: WriteSpec<PurchaseOrder> = {
	method: METHOD,
	words: {
		one: 'purchase order',
		many: 'purchase orders',
		action: 'create',
		done: 'created',
		statusRule:
			'WDT creates a purchase order only for a supplier, warehouses, a purchaser and SKUs it knows',
		refusalHint: (wdtText) =>
			/已存在/.test(wdtText)
				? 'WDT already has an order with this number, for example from an earlier run of this execution'
				: undefined,
	},
	plan: (ctx) =>
		planByLinesSource(ctx, readLinesSource(ctx, 'define'), {
			fromItem: (i) => ({
				...readOrder(ctx, i),
				purchase_details: skuLinesOfItem(ctx, i, LINES),
			}),
			fromRows: (rows) => ({
				...readGroupOrder(ctx, rows),
				purchase_details: skuLinesOfRows(ctx, rows, LINES),
			}),
		}),
	...numberedCreate<PurchaseOrder>({
		field: 'purchase_no',
		label: 'Purchase Order Number',
		find: async (ctx, number) => (await existingOrders(ctx, number))[0],
		found: ({ purchase_no, purchase_id, status, created, modified }) => ({
			purchase_no: String(purchase_no),
			purchase_id,
			status,
			created,
			modified,
		}),
	}),
	outcomes: ([order], response) => {
		const data = createdPurchaseOrder(response, order.purchase_no);
		return [{ ...succeededOutcome(String(data.purchase_no ?? '')), data }];
	},
	output(order, outcome) {
		const { purchase_no: requested, ...sent } = order;
		const json: IDataObject = outcome.outcome === 'succeeded' ? sent : {};
		if (requested !== undefined) json.requested_purchase_no = requested;
		return json;
	},
};

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrite(this, spec);
}
