import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { purchaseApplyOutcomes } from '../../../shared/protocol';
import { batchOptionsField, orderNumbersField, runBatchOperation } from '../common';

const show = { resource: ['purchaseApply'], operation: ['stop'] };

export const description: INodeProperties[] = [
	{
		...orderNumbersField('purchase apply (采购申请单号)', 'POA2309130001'),
		displayOptions: { show },
	},
	{ ...batchOptionsField(), displayOptions: { show } },
];

/** purchase.PurchaseApply.stopForApi: only applies in 部分引用 can stop being referenced. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runBatchOperation.call(this, {
		method: 'purchase.PurchaseApply.stopForApi',
		entity: 'purchase apply',
		done: 'stopped',
		outcomes: (sent, response) => purchaseApplyOutcomes(sent, response.data),
	});
}
