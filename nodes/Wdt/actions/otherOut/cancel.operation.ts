import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { otherOutOutcomes } from '../../../shared/protocol';
import { batchOptionsField, orderNumbersField, runBatchOperation } from '../common';

const show = { resource: ['otherOut'], operation: ['cancel'] };

export const description: INodeProperties[] = [
	{
		...orderNumbersField('other-out business order (业务单号)', 'QC202409200001'),
		displayOptions: { show },
	},
	{ ...batchOptionsField(), displayOptions: { show } },
];

/** wms.stockother.Out.cancelOrder: 编辑中, 待审核 and 已审核 orders can be cancelled. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runBatchOperation.call(this, {
		method: 'wms.stockother.Out.cancelOrder',
		entity: 'other-out order',
		done: 'cancelled',
		outcomes: (sent, response) => otherOutOutcomes(sent, response.data),
	});
}
