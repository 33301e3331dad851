import type { WdtRecord } from './types';

/**
 * A purchase order (采购单) of purchase.PurchaseOrder.queryWithDetail, with its lines. Its lines
 * hold the order's purchase_id too: One Item per Line keeps both (lineItems).
 */
export const PURCHASE_ORDER: WdtRecord = {
	name: 'Purchase Order',
	description: 'Purchase orders to suppliers',
	noun: 'purchase order',
	method: 'purchase.PurchaseOrder.queryWithDetail',
	idField: 'purchase_id',
	numberFields: ['purchase_no'],
	modifiedField: 'modified',
	lines: { list: 'detail_list', prefix: 'purchase_', itemName: 'Purchase Order' },
	statusLabels: {
		status: {
			'10': 'Cancelled',
			'20': 'Editing',
			'30': 'Awaiting Review',
			'35': 'Awaiting Finance Review',
			'40': 'Reviewed',
			'50': 'Partly Arrived',
			'60': 'Arrived',
			'70': 'Awaiting Settlement',
			'80': 'Partly Settled',
			'90': 'Completed',
		},
		stockin_status: {
			'0': 'Not Stocked In',
			'1': 'Partly Stocked In',
			'2': 'Stocked In',
			'3': 'Stock-In Stopped',
			'4': 'Over-Received',
			'5': 'Partly Over-Received',
		},
	},
};
