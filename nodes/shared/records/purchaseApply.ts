import type { WdtRecord } from './types';

/**
 * A purchase apply (采购申请单) of purchase.PurchaseApply.search: no id beyond its number; the
 * page does not say whether its times select by created or modified time.
 */
export const PURCHASE_APPLY: WdtRecord = {
	name: 'Purchase Apply',
	description: 'Purchase applies (requisitions)',
	noun: 'purchase apply',
	method: 'purchase.PurchaseApply.search',
	idField: 'purchase_apply_no',
	numberFields: ['purchase_apply_no'],
	modifiedField: 'modified',
	lines: { list: 'detail_list', prefix: 'apply_', itemName: 'Apply' },
	statusLabels: {
		status: {
			'5': 'Cancelled',
			'10': 'Editing',
			'20': 'Awaiting Confirmation',
			'23': 'Awaiting Reference',
			'25': 'Partly Referenced',
			'30': 'Referenced',
		},
	},
};
