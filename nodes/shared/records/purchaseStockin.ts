import type { WdtRecord } from './types';

/**
 * A purchase stock-in (采购入库单) of wms.stockin.Purchase.queryWithDetail: the goods a purchase
 * order actually brought in, with its lines (`details_list`). `order_no` is the stock-in's own
 * number; `purchase_no` names the purchase order it receives, so receipts reconcile against
 * orders by it. Both times are required (at most 30 days, on the stock-in's `modified`).
 */
export const PURCHASE_STOCKIN: WdtRecord = {
	name: 'Purchase Stock-In',
	description: 'Goods received against purchase orders',
	noun: 'purchase stock-in',
	method: 'wms.stockin.Purchase.queryWithDetail',
	idField: 'stockin_id',
	numberFields: ['order_no', 'purchase_no'],
	modifiedField: 'modified',
	lines: { list: 'details_list', prefix: 'stockin_', itemName: 'Stock-In' },
	statusLabels: {
		status: {
			'10': 'Cancelled',
			'20': 'Editing',
			'30': 'Awaiting Review',
			'37': 'Awaiting Quality Check',
			'40': 'Quality Checked',
			'80': 'Completed',
		},
	},
};
