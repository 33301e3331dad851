import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { purchaseApplyOutcomes } from '../../../shared/protocol';
import { batchOptionsField, orderNumbersField, runBatchOperation } from '../common';

const show = { resource: ['purchaseApply'], operation: ['cancel'] };

export const description: INodeProperties[] = [
	{
		// Create and Get Many output the number as purchase_apply_no.
		...orderNumbersField('purchase apply', 'POA2309130001', 'purchase_apply_no'),
		displayOptions: { show },
	},
	{ ...batchOptionsField(), displayOptions: { show } },
];

/** purchase.PurchaseApply.cancelForApi: only applies in 编辑中 or 待确认 can be cancelled. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runBatchOperation.call(this, {
		method: 'purchase.PurchaseApply.cancelForApi',
		entity: { one: 'purchase apply', many: 'purchase applies' },
		action: 'cancel',
		done: 'cancelled',
		mappedField: 'purchase_apply_no',
		statusRule:
			'WDT cancels only purchase applies that are being edited or are waiting for confirmation',
		outcomes: (sent, response) => purchaseApplyOutcomes(sent, response),
	});
}
