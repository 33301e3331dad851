/**
 * The fields of sales.RawTrade.pushSelf2 the node offers: English names, descriptions, the page's
 * codes and what is sent when empty. Types, lengths and required marks come from the catalog.
 */

export type Kind = 'text' | 'int' | 'decimal' | 'time';

/** One WDT field of an order or a line, as the node shows and checks it. */
export interface PushField {
	wdt: string;
	displayName: string;
	description: string;
	kind: Kind;
	/** The page's codes, with our English names. */
	codes?: Record<number, string>;
	/** Sent when the field is empty; without it an empty required field is refused. */
	whenEmpty?: unknown;
	/** Empty: filled from other fields (see completeLine), so never refused as empty. */
	derived?: boolean;
	/** Decimals: the least value (prices and fees are not negative), or more than 0. */
	min?: number;
	positive?: boolean;
}

type More = Omit<PushField, 'wdt' | 'displayName' | 'description' | 'kind'>;
const of =
	(kind: Kind, defaults: More = {}) =>
	(wdt: string, displayName: string, description: string, more: More = {}): PushField => ({
		wdt,
		displayName,
		description,
		kind,
		...defaults,
		...more,
	});
const text = of('text');
const int = of('int');
const time = of('time');
const decimal = of('decimal');
/** Fees and amounts: never negative. */
const amount = of('decimal', { min: 0 });

const TRADE_STATUS = {
	10: 'Unconfirmed',
	20: 'Awaiting Final Payment',
	30: 'Awaiting Shipment',
	40: 'Partly Shipped',
	50: 'Shipped',
	60: 'Signed For',
	70: 'Completed',
	80: 'Refunded',
	90: 'Closed',
};

/** Order fields every order needs and no default can give: mapped per order (or per group of rows). */
export const ORDER_FIELDS: PushField[] = [
	text(
		'tid',
		'Platform Order Number',
		"Your shop's order number. Pushing the same number to WDT again updates that order instead of creating a second one.",
	),
	time('trade_time', 'Order Time', 'When the order was placed'),
	text(
		'buyer_nick',
		'Buyer Nickname',
		'The customer name; WDT asks for a fixed value when there is none',
	),
	text('receiver_name', 'Receiver Name', 'Who receives the parcel'),
	text(
		'receiver_area',
		'Receiver Area',
		"Province, city and district separated by spaces, named as in WDT's address list (Chinese names)",
	),
	text(
		'receiver_address',
		'Receiver Address',
		'The street address, without province, city and district',
	),
	text('receiver_mobile', 'Receiver Mobile', 'The mobile number'),
	amount('post_amount', 'Shipping Fee', 'Postage'),
	amount('discount', 'Order Discount', 'The discount on the order'),
	amount('receivable', 'Receivable', 'The amount the customer owes for the order'),
];

/** Order fields with a default (the required ones) or left out when empty (the optional ones). */
export const MORE_ORDER_FIELDS: PushField[] = [
	int(
		'process_status',
		'Process Status',
		'Whether WDT submits it automatically follows its own settings',
		{
			codes: {
				10: 'Awaiting Submission',
				20: 'Submitted',
				30: 'Partly Shipped',
				40: 'Shipped',
				60: 'Completed',
				70: 'Cancelled',
			},
			whenEmpty: 10,
		},
	),
	int('trade_status', 'Platform Status', 'The order status on your shop', {
		codes: TRADE_STATUS,
		whenEmpty: 30,
	}),
	int('refund_status', 'Refund Status', 'The refund status of the order', {
		codes: { 0: 'No Refund', 1: 'Refund Requested', 2: 'Partly Refunded', 3: 'Fully Refunded' },
		whenEmpty: 0,
	}),
	int('pay_status', 'Payment Status', 'Whether the order is paid', {
		codes: { 0: 'Unpaid', 1: 'Partly Paid', 2: 'Paid' },
		whenEmpty: 2,
	}),
	int('pay_method', 'Payment Method', 'How the customer paid', {
		codes: {
			1: 'Online Transfer',
			2: 'Cash',
			3: 'Bank Transfer',
			4: 'Postal Remittance',
			5: 'Prepayment',
			6: 'Card',
			7: 'Alipay',
			8: 'WeChat Pay',
		},
		whenEmpty: 1,
	}),
	int('delivery_term', 'Delivery Terms', 'When the goods ship', {
		codes: { 1: 'Ship After Payment', 2: 'Cash on Delivery', 3: 'Instalments' },
		whenEmpty: 1,
	}),
	time(
		'end_time',
		'End Time',
		'When the trade ended; empty: none (sent as null, as the page asks)',
		{ whenEmpty: null },
	),
	time('pay_time', 'Payment Time', 'When the customer paid'),
	text('buyer_message', 'Buyer Message', "The customer's note"),
	text('buyer_email', 'Buyer Email', "The customer's email"),
	text('receiver_zip', 'Receiver Postcode', 'The postcode'),
	text('receiver_telno', 'Receiver Phone', 'A landline number'),
	amount('other_amount', 'Other Fees', 'Other fees'),
	amount('platform_cost', 'Platform Cost', 'Platform fees'),
	amount('paid', 'Paid', 'The amount paid'),
	amount('received', 'Received', 'The amount already received from the platform'),
	amount('cod_amount', 'Cash on Delivery Amount', 'With cash on delivery, the amount to collect'),
	text('remark', 'Service Remark', "Customer service's note"),
	int('remark_flag', 'Remark Flag', 'The colour flag of the note', {
		codes: { 0: 'None', 1: 'Red', 2: 'Yellow', 3: 'Green', 4: 'Blue', 5: 'Purple' },
	}),
	int('invoice_type', 'Invoice Type', 'The invoice wanted', {
		codes: {
			0: 'None',
			1: 'Ordinary Invoice',
			2: 'VAT Ordinary Invoice',
			3: 'VAT Special Invoice',
		},
	}),
	text('invoice_title', 'Invoice Title', 'The invoice title'),
	text('invoice_content', 'Invoice Content', 'The invoice details'),
	text('pay_id', 'Payment ID', "The platform's payment ID"),
	text('pay_account', 'Payment Account', "The customer's payment account"),
	text('to_deliver_time', 'Requested Delivery Date', 'When the customer wants the goods'),
	text('fenxiao_nick', 'Distributor Name', 'The distributor'),
];

/** The fields of one line (sub-order). */
export const LINE_FIELDS: PushField[] = [
	text('oid', 'Sub-Order Number', "The line's own number, unique across your orders"),
	text('goods_no', 'Goods Number', 'The goods (SPU) number'),
	text('spec_no', 'SKU Code', 'The merchant code of the SKU'),
	text('goods_name', 'Goods Name', 'The goods name'),
	decimal('num', 'Quantity', 'More than 0, up to 4 decimal places', { positive: true }),
	// Never negative, like every price of every write (decimalBounds).
	decimal('price', 'Unit Price', 'The unit price'),
	text('goods_id', 'Platform Goods ID', "Your shop's goods ID; empty: the goods number is sent", {
		derived: true,
	}),
	text('spec_id', 'Platform SKU ID', "Your shop's SKU ID; empty: the SKU code is sent", {
		derived: true,
	}),
	text('spec_name', 'SKU Name', 'The SKU name'),
	amount('discount', 'Line Discount', "The platform's discount on the line; empty: 0", {
		whenEmpty: 0,
	}),
	amount('share_discount', 'Shared Discount', "The line's share of the order discount; empty: 0", {
		whenEmpty: 0,
	}),
	decimal('adjust_amount', 'Manual Adjustment', 'A discount adjusted by hand; empty: 0', {
		whenEmpty: 0,
	}),
	decimal(
		'total_amount',
		'Line Total',
		"Empty: unit price × quantity + manual adjustment − line discount (the page's example)",
		{ derived: true },
	),
	amount('refund_amount', 'Refund Amount', 'Refunded on the line; empty: 0', { whenEmpty: 0 }),
	int('status', 'Line Platform Status', "Empty: the order's platform status", {
		codes: TRADE_STATUS,
		derived: true,
	}),
	int('refund_status', 'Line Refund Status', 'Empty: no refund', {
		codes: {
			0: 'No Refund',
			1: 'Refund Cancelled',
			2: 'Refund Requested',
			3: 'Awaiting Return',
			4: 'Awaiting Receipt',
			5: 'Refunded',
			6: 'Closed Unpaid',
		},
		whenEmpty: 0,
	}),
	int('order_type', 'Line Type', 'Empty: normal goods', {
		codes: { 0: 'Normal Goods', 1: 'Virtual Goods', 2: 'Service' },
	}),
	text('remark', 'Line Remark', 'A note on the line', { whenEmpty: '' }),
	text('json', 'Line JSON', 'Extra data as a JSON string', { whenEmpty: '' }),
	text('cid', 'Platform Category', "Your shop's category"),
	int('gift_type', 'Gift Type', 'Empty: not a gift', {
		codes: {
			0: 'Not a Gift',
			1: 'Automatic Gift',
			2: 'Manual Gift',
			4: 'Subscription Gift',
			8: 'Platform Gift',
			32: 'Tiered Gift',
			64: 'CRM Gift',
			65: 'Main Item',
		},
	}),
];
