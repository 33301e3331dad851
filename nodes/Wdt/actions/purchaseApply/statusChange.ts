import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { purchaseApplyOutcomes } from '../../../shared/protocol';
import { batchOperationFields, runBatchOperation, type BatchOperation } from '../common';

/**
 * Cancel and Stop: numbers of purchase applies in batches, each outcome read from WDT's reply;
 * they differ in the WDT method and in which statuses WDT accepts.
 */
export function purchaseApplyStatusChange(
	operation: string,
	change: Pick<BatchOperation, 'method' | 'action' | 'done' | 'statusRule'>,
) {
	return {
		// Create and Get Many output the number as purchase_apply_no.
		description: batchOperationFields(
			{ resource: ['purchaseApply'], operation: [operation] },
			{ entity: 'purchase apply', example: 'POA2309130001', mappedField: 'purchase_apply_no' },
		),
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
			return await runBatchOperation.call(this, {
				...change,
				entity: { one: 'purchase apply', many: 'purchase applies' },
				mappedField: 'purchase_apply_no',
				outcomes: (sent, response) => purchaseApplyOutcomes(sent, response),
			});
		},
	};
}
