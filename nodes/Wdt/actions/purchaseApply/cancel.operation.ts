import { purchaseApplyStatusChange } from './statusChange';

/** purchase.PurchaseApply.cancelForApi: only applies in 编辑中 or 待确认 can be cancelled. */
export const { description, execute } = purchaseApplyStatusChange('cancel', {
	method: 'purchase.PurchaseApply.cancelForApi',
	action: 'cancel',
	done: 'cancelled',
	statusRule:
		'WDT cancels only purchase applies that are being edited or are waiting for confirmation',
});
