import { purchaseApplyStatusChange } from './statusChange';

/** Its entry in the Purchase Apply resource's Operation field. */
export const option = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel purchase applies',
	description:
		'Cancel applies that are being edited or awaiting confirmation (purchase.PurchaseApply.cancelForApi)',
};

/** purchase.PurchaseApply.cancelForApi: only applies in 编辑中 or 待确认 can be cancelled. */
export const { description, execute } = purchaseApplyStatusChange('cancel', {
	method: 'purchase.PurchaseApply.cancelForApi',
	action: 'cancel',
	done: 'cancelled',
	statusRule:
		'WDT cancels only purchase applies that are being edited or are waiting for confirmation',
});
