import { purchaseApplyStatusChange } from './statusChange';

/** purchase.PurchaseApply.stopForApi: only applies in 部分引用 can stop being referenced. */
export const { description, execute } = purchaseApplyStatusChange('stop', {
	method: 'purchase.PurchaseApply.stopForApi',
	action: 'stop',
	done: 'stopped',
	statusRule: 'WDT stops only purchase applies that are partly referenced by purchase orders',
});
