import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { purchaseApplyOutcomes } from '../../../shared/protocol';
import { batchOptionsField, orderNumbersField, runBatchOperation } from '../common';

const show = { resource: ['purchaseApply'], operation: ['stop'] };

export const description: INodeProperties[] = [
	{
		// Create and Get Many output the number as purchase_apply_no.
		...orderNumbersField('purchase apply', 'POA2309130001', 'purchase_apply_no'),
		displayOptions: { show },
	},
	{ ...batchOptionsField(), displayOptions: { show } },
];

/** purchase.PurchaseApply.stopForApi: only applies in 部分引用 can stop being referenced. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runBatchOperation.call(this, {
		method: 'purchase.PurchaseApply.stopForApi',
		entity: { one: 'purchase apply', many: 'purchase applies' },
		action: 'stop',
		done: 'stopped',
		mappedField: 'purchase_apply_no',
		statusRule: 'WDT stops only purchase applies that are partly referenced by purchase orders',
		outcomes: (sent, response) => purchaseApplyOutcomes(sent, response),
	});
}
