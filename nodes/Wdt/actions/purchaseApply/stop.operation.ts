import { purchaseApplyStatusChange } from './statusChange';

/** Its entry in the Purchase Apply resource's Operation field. */
export const option = {
	name: 'Stop',
	value: 'stop',
	action: 'Stop referencing purchase applies',
	description:
		'Stop partly referenced applies from being referenced further (purchase.PurchaseApply.stopForApi)',
};

/** purchase.PurchaseApply.stopForApi: only applies in 部分引用 can stop being referenced. */
export const { description, execute } = purchaseApplyStatusChange('stop', {
	method: 'purchase.PurchaseApply.stopForApi',
	action: 'stop',
	done: 'stopped',
	statusRule: 'WDT stops only purchase applies that are partly referenced by purchase orders',
});
