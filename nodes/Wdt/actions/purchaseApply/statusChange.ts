import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { orderNumbersFields, orderNumbersSpec, runWrite, type WriteWords } from '../write';
import { purchaseApplyOutcomes } from './statusChangeReply';

/**
 * Cancel and Stop: numbers of purchase applies in batches, each outcome read from WDT's reply;
 * they differ in the WDT method and in which statuses WDT accepts.
 */
export function purchaseApplyStatusChange(
	operation: string,
	change: { method: string } & Pick<WriteWords, 'action' | 'done' | 'statusRule'>,
) {
	const { method, ...words } = change;
	const write = {
		method,
		words: { one: 'purchase apply', many: 'purchase applies', ...words },
		// Create and Get Many output the number as purchase_apply_no.
		mappedField: 'purchase_apply_no',
		example: 'POA2309130001',
		outcomes: purchaseApplyOutcomes,
	};
	return {
		description: updateDisplayOptions(
			{ show: { resource: ['purchaseApply'], operation: [operation] } },
			orderNumbersFields(write),
		),
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
			return await runWrite(this, orderNumbersSpec(write));
		},
	};
}
