/**
 * Refund → Push (aftersales.refund.RawRefund.upload2): the fields of one refunded line (an entry
 * of order_list), with English names, descriptions, the page's codes and what is sent when empty
 * (types, lengths and required marks come from the catalog through fieldTable).
 */
import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { shopLocator } from '../locators';
import { noticeField } from '../shared.fields';
import { amountField, codeList, fieldTable, writeField, type WriteField } from '../write';

export const REFUND_PUSH_METHOD = 'aftersales.refund.RawRefund.upload2';

const field = writeField;
const amount = amountField;
const codes = codeList;

/** The fields every refunded line needs (the page's required ones), mapped from each row. */
const ENTRY_FIELDS: WriteField[] = [
	field(
		'refund_no',
		'Refund Number',
		"Your shop's refund number. Rows with the same number are one refund; pushing it again updates that refund instead of creating a second one",
	),
	field('tid', 'Platform Order Number', 'The order the refunded line belongs to'),
	field('oid', 'Sub-Order Number', 'The refunded line (sub-order) of that order'),
	field('num', 'Quantity', 'The refunded quantity, more than 0, up to 4 decimal places', {
		positive: true,
	}),
	field('type', 'Refund Type', 'What kind of refund (an exchange creates no refund in WDT)', {
		codes: codes({
			0: 'Order Cancelled',
			1: 'Refund Before Shipment',
			2: 'Return',
			3: 'Exchange',
			4: 'Refund Without Return',
		}),
	}),
	field('status', 'Refund Status', 'The refund status on your shop', {
		codes: codes({
			1: 'Refund Cancelled',
			2: 'Refund Requested',
			3: 'Awaiting Return',
			4: 'Awaiting Receipt',
			5: 'Refunded',
		}),
	}),
	amount('refund_amount', 'Refund Amount', 'The amount the customer asks back'),
	amount('actual_refund_amount', 'Actual Refund Amount', 'The amount actually refunded'),
	field('buyer_nick', 'Buyer Nickname', 'The customer name'),
	field('is_aftersale', 'After-Sale', 'Whether the refund is after the sale (1) or not (0)', {
		codes: codes({ 0: 'No', 1: 'Yes' }),
	}),
	// The page: "若无传空字符串" (none: send an empty string) for title and reason.
	field('title', 'Goods Title', 'The goods title; empty: sent as an empty string', {
		whenEmpty: '',
	}),
	field('reason', 'Reason', 'Why the customer asks for a refund; empty: sent as an empty string', {
		whenEmpty: '',
	}),
	// The page: "默认传1".
	field('refund_version', 'Refund Version', "The refund's version on your shop; empty: 1", {
		whenEmpty: '1',
	}),
];

/** Optional fields of a line, left out when empty. */
const MORE_ENTRY_FIELDS: WriteField[] = [
	field('spec_no', 'SKU Code', 'The merchant code of the SKU'),
	field('goods_no', 'Goods Number', 'The goods (SPU) number'),
	field('spec_id', 'Platform SKU ID', "Your shop's SKU ID"),
	field('goods_id', 'Platform Goods ID', "Your shop's goods ID"),
	amount('price', 'Unit Price', 'The unit price'),
	amount('total_amount', 'Line Total', 'The total of the refunded line'),
	field('logistics_name', 'Return Carrier', 'The carrier of the returned parcel'),
	field('logistics_no', 'Return Tracking Number', 'The tracking number of the returned parcel'),
	field('refund_time', 'Refund Time', 'When the refund was requested', { time: true }),
	field('current_phase_timeout', 'Phase Timeout', 'When the current step of the refund times out', {
		time: true,
	}),
	field('pay_account', 'Payment Account', "The customer's payment account"),
	field('pay_no', 'Payment Number', 'The payment number'),
	field('remark', 'Remark', 'A note on the refund'),
	field(
		'modify_flag',
		'Modify Flag',
		"WDT's change flags: 1 new, 2 status changed, 4 amount changed (add them for several)",
	),
];

export const ENTRY = fieldTable(REFUND_PUSH_METHOD, ['order_list'], ENTRY_FIELDS);
export const MORE_ENTRY = fieldTable(REFUND_PUSH_METHOD, ['order_list'], MORE_ENTRY_FIELDS);
export const SHOP_NO = fieldTable(REFUND_PUSH_METHOD, [], [field('shop_no', 'Shop', 'The shop')]);

const show = { resource: ['refund'], operation: ['push'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	noticeField(
		'refundPushNotice',
		"Each input item is one refunded line (e.g. a sheet row); rows with the same Refund Number make one refund. Try this in WDT's test environment first (credential → Environment → Test). Only shops of a self-owned platform accept pushed refunds.",
	),
	shopLocator({
		required: true,
		description:
			'The self-owned shop (platform "other / own mall") the refunds belong to; WDT refuses shops of other platforms. All rows of one refund must name the same shop.',
	}),
	...ENTRY_FIELDS.map((one) => ENTRY.property(one, `refund_${one.wdt}`, true)),
	{
		displayName: 'More Fields',
		name: 'moreFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		description: 'Optional fields of each refunded line, read per row',
		options: MORE_ENTRY_FIELDS.map((one) => MORE_ENTRY.property(one, one.wdt, false)),
	},
]);
