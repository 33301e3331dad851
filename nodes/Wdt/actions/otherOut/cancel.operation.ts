import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { otherOutOutcomes } from '../../../shared/protocol';
import { batchOperationFields, runBatchOperation } from '../common';

/** Its entry in the Other Out resource's Operation field. */
export const option = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel other-out business orders',
	description:
		'Cancel orders that are being edited, awaiting review or reviewed (wms.stockother.Out.cancelOrder)',
};

// WDT's other-out queries (wms.stockother.OutQuery.queryWithDetail) name it other_out_no.
export const description: INodeProperties[] = batchOperationFields(
	{ resource: ['otherOut'], operation: ['cancel'] },
	{ entity: 'other-out business order', example: 'QC202409200001', mappedField: 'other_out_no' },
);

/** wms.stockother.Out.cancelOrder: 编辑中, 待审核 and 已审核 orders can be cancelled. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runBatchOperation.call(this, {
		method: 'wms.stockother.Out.cancelOrder',
		entity: { one: 'other-out order', many: 'other-out orders' },
		action: 'cancel',
		done: 'cancelled',
		mappedField: 'other_out_no',
		statusRule:
			'WDT cancels only other-out orders that are being edited, waiting for review or reviewed',
		outcomes: (sent, response) => otherOutOutcomes(sent, response.data),
	});
}
