/**
 * Sales Order → Push (sales.RawTrade.pushSelf2): the fields the node offers, with English names,
 * descriptions, the page's codes and what is sent when empty (types, lengths and required marks
 * come from the catalog through fieldTable), and the node's parameters built from them.
 */
import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { shopLocator, warehouseLocator } from '../locators';
import { noticeField } from '../shared.fields';
import {
	amountField,
	codeList,
	fieldTable,
	linesField,
	linesSourceField,
	timeField,
	writeField,
	type WriteField,
} from '../write';

export const PUSH_METHOD = 'sales.RawTrade.pushSelf2';

const field = writeField;
const time = timeField;
const amount = amountField;
const codes = codeList;

const TRADE_STATUS = codes({
	10: 'Unconfirmed',
	20: 'Awaiting Final Payment',
	30: 'Awaiting Shipment',
	40: 'Partly Shipped',
	50: 'Shipped',
	60: 'Signed For',
	70: 'Completed',
	80: 'Refunded',
	90: 'Closed',
});

/** Order fields every order needs and no default can give: mapped per order (or per group of rows). */
const ORDER_FIELDS: WriteField[] = [
	field(
		'tid',
		'Platform Order Number',
		"Your shop's order number. Pushing the same number to WDT again updates that order instead of creating a second one.",
	),
	time('trade_time', 'Order Time', 'When the order was placed'),
	field(
		'buyer_nick',
		'Buyer Nickname',
		'The customer name; WDT asks for a fixed value when there is none',
	),
	field('receiver_name', 'Receiver Name', 'Who receives the parcel'),
	field(
		'receiver_area',
		'Receiver Area',
		"Province, city and district separated by spaces, named as in WDT's address list (Chinese names)",
	),
	field(
		'receiver_address',
		'Receiver Address',
		'The street address, without province, city and district',
	),
	field('receiver_mobile', 'Receiver Mobile', 'The mobile number'),
	amount('post_amount', 'Shipping Fee', 'Postage'),
	amount('discount', 'Order Discount', 'The discount on the order'),
	amount('receivable', 'Receivable', 'The amount the customer owes for the order'),
];

/** Order fields with a default (the required ones) or left out when empty (the optional ones). */
const MORE_ORDER_FIELDS: WriteField[] = [
	field(
		'process_status',
		'Process Status',
		'Whether WDT submits it automatically follows its own settings',
		{
			codes: codes({
				10: 'Awaiting Submission',
				20: 'Submitted',
				30: 'Partly Shipped',
				40: 'Shipped',
				60: 'Completed',
				70: 'Cancelled',
			}),
			whenEmpty: 10,
		},
	),
	field('trade_status', 'Platform Status', 'The order status on your shop', {
		codes: TRADE_STATUS,
		whenEmpty: 30,
	}),
	field('refund_status', 'Refund Status', 'The refund status of the order', {
		codes: codes({
			0: 'No Refund',
			1: 'Refund Requested',
			2: 'Partly Refunded',
			3: 'Fully Refunded',
		}),
		whenEmpty: 0,
	}),
	field('pay_status', 'Payment Status', 'Whether the order is paid', {
		codes: codes({ 0: 'Unpaid', 1: 'Partly Paid', 2: 'Paid' }),
		whenEmpty: 2,
	}),
	field('pay_method', 'Payment Method', 'How the customer paid', {
		codes: codes({
			1: 'Online Transfer',
			2: 'Cash',
			3: 'Bank Transfer',
			4: 'Postal Remittance',
			5: 'Prepayment',
			6: 'Card',
			7: 'Alipay',
			8: 'WeChat Pay',
		}),
		whenEmpty: 1,
	}),
	field('delivery_term', 'Delivery Terms', 'When the goods ship', {
		codes: codes({ 1: 'Ship After Payment', 2: 'Cash on Delivery', 3: 'Instalments' }),
		whenEmpty: 1,
	}),
	time(
		'end_time',
		'End Time',
		'When the trade ended; empty: none (sent as null, as the page asks)',
		{ whenEmpty: null },
	),
	time('pay_time', 'Payment Time', 'When the customer paid'),
	field('buyer_message', 'Buyer Message', "The customer's note"),
	field('buyer_email', 'Buyer Email', "The customer's email"),
	field('receiver_zip', 'Receiver Postcode', 'The postcode'),
	field('receiver_telno', 'Receiver Phone', 'A landline number'),
	amount('other_amount', 'Other Fees', 'Other fees'),
	amount('platform_cost', 'Platform Cost', 'Platform fees'),
	amount('paid', 'Paid', 'The amount paid'),
	amount('received', 'Received', 'The amount already received from the platform'),
	amount('cod_amount', 'Cash on Delivery Amount', 'With cash on delivery, the amount to collect'),
	field('remark', 'Service Remark', "Customer service's note"),
	field('remark_flag', 'Remark Flag', 'The colour flag of the note', {
		codes: codes({ 0: 'None', 1: 'Red', 2: 'Yellow', 3: 'Green', 4: 'Blue', 5: 'Purple' }),
	}),
	field('invoice_type', 'Invoice Type', 'The invoice wanted', {
		codes: codes({
			0: 'None',
			1: 'Ordinary Invoice',
			2: 'VAT Ordinary Invoice',
			3: 'VAT Special Invoice',
		}),
	}),
	field('invoice_title', 'Invoice Title', 'The invoice title'),
	field('invoice_content', 'Invoice Content', 'The invoice details'),
	field('pay_id', 'Payment ID', "The platform's payment ID"),
	field('pay_account', 'Payment Account', "The customer's payment account"),
	field('to_deliver_time', 'Requested Delivery Date', 'When the customer wants the goods'),
	field('fenxiao_nick', 'Distributor Name', 'The distributor'),
];

/** The fields of one line (sub-order). */
const LINE_FIELDS: WriteField[] = [
	field('oid', 'Sub-Order Number', "The line's own number, unique across your orders"),
	field('goods_no', 'Goods Number', 'The goods (SPU) number'),
	field('spec_no', 'SKU Code', 'The merchant code of the SKU'),
	field('goods_name', 'Goods Name', 'The goods name'),
	field('num', 'Quantity', 'More than 0, up to 4 decimal places', { positive: true }),
	// Never negative, like every price of every write (decimalBounds).
	field('price', 'Unit Price', 'The unit price'),
	field('goods_id', 'Platform Goods ID', "Your shop's goods ID; empty: the goods number is sent", {
		derived: true,
	}),
	field('spec_id', 'Platform SKU ID', "Your shop's SKU ID; empty: the SKU code is sent", {
		derived: true,
	}),
	field('spec_name', 'SKU Name', 'The SKU name'),
	amount('discount', 'Line Discount', "The platform's discount on the line; empty: 0", {
		whenEmpty: 0,
	}),
	amount('share_discount', 'Shared Discount', "The line's share of the order discount; empty: 0", {
		whenEmpty: 0,
	}),
	field('adjust_amount', 'Manual Adjustment', 'A discount adjusted by hand; empty: 0', {
		whenEmpty: 0,
	}),
	field(
		'total_amount',
		'Line Total',
		"Empty: unit price × quantity + manual adjustment − line discount (the page's example)",
		{ derived: true },
	),
	amount('refund_amount', 'Refund Amount', 'Refunded on the line; empty: 0', { whenEmpty: 0 }),
	field('status', 'Line Platform Status', "Empty: the order's platform status", {
		codes: TRADE_STATUS,
		derived: true,
	}),
	field('refund_status', 'Line Refund Status', 'Empty: no refund', {
		codes: codes({
			0: 'No Refund',
			1: 'Refund Cancelled',
			2: 'Refund Requested',
			3: 'Awaiting Return',
			4: 'Awaiting Receipt',
			5: 'Refunded',
			6: 'Closed Unpaid',
		}),
		whenEmpty: 0,
	}),
	field('order_type', 'Line Type', 'Empty: normal goods', {
		codes: codes({ 0: 'Normal Goods', 1: 'Virtual Goods', 2: 'Service' }),
	}),
	field('remark', 'Line Remark', 'A note on the line', { whenEmpty: '' }),
	field('json', 'Line JSON', 'Extra data as a JSON string', { whenEmpty: '' }),
	field('cid', 'Platform Category', "Your shop's category"),
	field('gift_type', 'Gift Type', 'Empty: not a gift', {
		codes: codes({
			0: 'Not a Gift',
			1: 'Automatic Gift',
			2: 'Manual Gift',
			4: 'Subscription Gift',
			8: 'Platform Gift',
			32: 'Tiered Gift',
			64: 'CRM Gift',
			65: 'Main Item',
		}),
	}),
];

/** The tables: each field checked as the page documents it at its place in the call. */
export const ORDER = fieldTable(PUSH_METHOD, ['rawTradeList'], ORDER_FIELDS);
export const MORE_ORDER = fieldTable(PUSH_METHOD, ['rawTradeList'], MORE_ORDER_FIELDS);
export const LINE = fieldTable(PUSH_METHOD, ['rawTradeOrderList'], LINE_FIELDS);
/** The shop and auto-flow warehouse dropdowns, checked as the page's fields. */
export const SHOP_NO = fieldTable(PUSH_METHOD, [], [field('shop_no', 'Shop', 'The shop')]);
export const WAREHOUSE_NO = fieldTable(
	PUSH_METHOD,
	['rawTradeList'],
	// The page: "仅自流转订单填写该仓库编号, 非自流转订单传入空字符串即可".
	[field('warehouse_no', 'Auto-Flow Warehouse', 'The warehouse', { whenEmpty: '' })],
);

const show = { resource: ['salesOrder'], operation: ['push'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
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
	...ORDER_FIELDS.map((one) => ORDER.property(one, `order_${one.wdt}`, true)),
	{
		displayName: 'More Order Fields',
		name: 'moreOrderFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		description:
			'With a group of rows, the rows of one order must agree on its shop and every order field (an empty value agrees with any); a row that differs is refused before anything is sent',
		options: MORE_ORDER_FIELDS.map((one) => MORE_ORDER.property(one, one.wdt, false)),
	},
	...LINE_FIELDS.map((one) => ({
		...LINE.property(one, `line_${one.wdt}`, true),
		displayOptions: { show: { linesSource: ['inputItems'] } },
	})),
	linesField(
		show,
		LINE_FIELDS.map((one) => LINE.property(one, one.wdt, false)),
	),
]);
