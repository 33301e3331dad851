import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { purchaseApplyOutcomes } from '../../../shared/protocol';
import { batchOptionsField, orderNumbersField, runBatchOperation } from '../common';

const show = { resource: ['purchaseApply'], operation: ['cancel'] };

export const description: INodeProperties[] = [
	{
		...orderNumbersField('purchase apply (采购申请单号)', 'POA2309130001'),
		displayOptions: { show },
	},
	{ ...batchOptionsField(), displayOptions: { show } },
];

/** purchase.PurchaseApply.cancelForApi: only applies in 编辑中 or 待确认 can be cancelled. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runBatchOperation.call(this, {
		method: 'purchase.PurchaseApply.cancelForApi',
		entity: 'purchase apply',
		done: 'cancelled',
		outcomes: (sent, response) => purchaseApplyOutcomes(sent, response.data),
	});
}
