import { lengthOf, PURCHASE_ORDER } from '../../../shared/records';
import { getByNumber } from '../getByNumber';

/** Its entry in the Purchase Order resource's Operation field. */
export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a purchase order',
	description:
		'Get a purchase order with its lines by its number (purchase.PurchaseOrder.queryWithDetail)',
};

/**
 * purchase.PurchaseOrder.queryWithDetail by purchase_no: "填写了采购单号的时候起止时间条件失效", so no
 * time range. fuzzy_query false is sent and only the exact number kept, whatever WDT's default.
 */
export const { description, execute } = getByNumber({
	resource: 'purchaseOrder',
	read: { record: PURCHASE_ORDER },
	by: [
		{
			value: 'purchaseNo',
			name: 'Purchase Order Number',
			description: "WDT's purchase order number (purchase_no)",
			wdtField: 'purchase_no',
			exact: (number) => ({
				params: { purchase_no: number, fuzzy_query: false },
				keep: (record) => String(record.purchase_no ?? '').toLowerCase() === number.toLowerCase(),
			}),
		},
	],
	parameters: { number: 'purchaseNo' },
	number: {
		displayName: 'Purchase Order Number',
		placeholder: 'e.g. CG202401010001 or {{ $json.purchase_no }}',
		description: `WDT's purchase order number, at most ${lengthOf(PURCHASE_ORDER, 'purchase_no')} characters. Nothing found: an error naming the number. WDT field: purchase_no.`,
	},
	options: false,
});
