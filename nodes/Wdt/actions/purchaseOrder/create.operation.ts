import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { succeededOutcome } from '../../../shared/protocol';
import { PURCHASE_ORDER } from '../../../shared/records';
import { catalogPaging, searchWindows } from '../../../shared/transport/search';
import { providerLocator, readLocatorCode, warehouseLocator } from '../locators';
import {
	atMost,
	choiceProperty,
	type DocumentCreate,
	documentCreateFields,
	expectedArrivalProperty,
	flagProperty,
	lineRemark,
	remarkProperty,
	runDocumentCreate,
	type SkuLines,
	textProperty,
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
		remark: lineRemark(),
	},
};

/** Optional order fields, named as WDT names them (createOrder's params). */
const ORDER_FIELDS: Array<[string, string, string]> = [
	['Purchase Apply Numbers', 'apply_nos', 'Purchase applies the order references, comma-separated'],
	['Receiving Address', 'receive_address', 'Where the supplier delivers'],
	['Contact', 'contact', 'The contact person for the delivery'],
	['Phone', 'telno', "The contact's phone number"],
	['Flag Name', 'flag_name', 'The name of a flag defined in WDT'],
	['Tracking Number', 'logistics_no', 'The tracking number of the delivery'],
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
const CREATE: DocumentCreate = {
	method: METHOD,
	headPath: PARAMS,
	resource: 'purchaseOrder',
	entity: { one: 'purchase order', many: 'purchase orders' },
	words: {
		one: 'purchase order',
		many: 'purchase orders',
		statusRule:
			'WDT creates a purchase order only for a supplier, warehouses, a purchaser and SKUs it knows',
	},
	notice: {
		name: 'purchaseOrderCreateNotice',
		text: "Try the workflow with the credential's Test environment before Production: a purchase order created in WDT cannot be deleted, only cancelled while it is being edited.",
	},
	number: {
		field: 'purchase_no',
		parameter: 'purchaseNo',
		label: 'Purchase Order Number',
		description: `Your own number for the order, ${orderLength('purchase_no')}. Before sending a number the node looks it up in WDT (purchase.PurchaseOrder.queryWithDetail): an order that exists is not sent again but output with outcome 'already created', so a re-run cannot create it twice. When empty, see When the Number Is Empty. WDT field: purchase_no.`,
		wdtExample: 'CG202401010001',
		deriveSafety:
			"the node finds the orders created by the earlier run and outputs them as 'already created' instead of sending them again",
		repeated: {
			wdtText: /已存在/,
			hint: 'WDT already has an order with this number, for example from an earlier run of this execution',
		},
		find: async (ctx, number) => (await existingOrders(ctx, number))[0],
		found: ({ purchase_no, purchase_id, status, created, modified }) => ({
			purchase_no: String(purchase_no),
			purchase_id,
			status,
			created,
			modified,
		}),
	},
	fields: {
		beforeNumber: [
			providerLocator({
				description: `The supplier the goods are bought from (a number of ${orderLength('provider_no')}).`,
				required: true,
			}),
			warehouseLocator({
				description: `The warehouse the order is for (a number of ${orderLength('expect_warehouse_no')}).`,
				wdtField: 'expect_warehouse_no',
				required: true,
			}),
			textProperty(
				'Receiving Warehouses',
				'receiveWarehouseNos',
				`The warehouse numbers that may receive the goods, comma-separated (several need WDT's multi-warehouse receiving setting), ${orderLength('receive_warehouse_nos')}. Empty: the Warehouse above. WDT field: receive_warehouse_nos.`,
			),
			textProperty(
				'Purchaser Name',
				'purchaserName',
				`The nickname of a WDT employee with the purchaser role, ${orderLength('purchaser_name')}. WDT field: purchaser_name.`,
				true,
			),
		],
		afterNumber: [
			flagProperty(
				'Review',
				'isCheck',
				"Whether WDT reviews the order when creating it. Off: it stays in editing (and can be cancelled). A failed review still creates the order: its item has review_failed true and WDT's message. WDT field: is_check.",
			),
			expectedArrivalProperty('expectTime', 'expect_time'),
			remarkProperty('order', orderLength('remark')),
		],
	},
	additional: {
		texts: ORDER_FIELDS,
		customProperties: 4,
		options: [
			choiceProperty(
				'Payment Type',
				'pay_type',
				1,
				PAY_TYPES,
				'How the goods are paid. WDT field: pay_type.',
			),
			choiceProperty(
				'Shipping Fee Payment',
				'postfee_pay_type',
				1,
				[
					{ name: 'Pay Now', value: 1 },
					{ name: 'Pay on Delivery', value: 2 },
					{ name: 'Free Shipping', value: 3 },
				],
				'How the shipping fee is paid. WDT field: postfee_pay_type.',
			),
			...(
				[
					['Shipping Fee', 'post_fee'],
					['Other Fee', 'other_fee'],
				] as const
			).map(
				([displayName, name]): INodeProperties => ({
					displayName,
					name,
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 4 },
					default: 0,
					description: `WDT field: ${name}`,
				}),
			),
		],
	},
	lines: LINES,
	groupByExample: 'purchase_no',
	labels: {
		provider_no: 'Supplier',
		expect_warehouse_no: 'Warehouse',
		receive_warehouse_nos: 'Receiving Warehouses',
		purchaser_name: 'Purchaser Name',
		remark: 'Remark',
	},
	required: ['provider_no', 'expect_warehouse_no', 'purchaser_name'],
	values(ctx, itemIndex) {
		const parameter = (name: string) => ctx.getNodeParameter(name, itemIndex, '') as unknown;
		const warehouse = readLocatorCode(ctx, itemIndex, 'warehouseNo');
		return {
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
		};
	},
	times: { expectTime: 'expect_time' },
	flags: { isCheck: 'is_check' },
	sameHeadInGroup: 'order',
	args: ({ head, lines }) => [{ ...head, purchase_details: lines }],
	created({ head }, response) {
		const data = createdPurchaseOrder(response, head.purchase_no as string | undefined);
		return { ...succeededOutcome(String(data.purchase_no ?? '')), data };
	},
	output: { lines: 'purchase_details', requested: 'requested_purchase_no' },
};

export const description = documentCreateFields(CREATE);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runDocumentCreate(this, CREATE);
}
