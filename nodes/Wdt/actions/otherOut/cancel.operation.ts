import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { orderNumbersFields, orderNumbersSpec, type OrderNumbersWrite, runWrite } from '../write';
import { otherOutOutcomes } from './cancelReply';

/** Its entry in the Other Out resource's Operation field. */
export const option = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel other-out business orders',
	description:
		'Cancel orders that are being edited, awaiting review or reviewed (wms.stockother.Out.cancelOrder)',
};

/** wms.stockother.Out.cancelOrder: 编辑中, 待审核 and 已审核 orders can be cancelled. */
const write: OrderNumbersWrite = {
	method: 'wms.stockother.Out.cancelOrder',
	words: {
		one: 'other-out order',
		many: 'other-out orders',
		action: 'cancel',
		done: 'cancelled',
		statusRule:
			'WDT cancels only other-out orders that are being edited, waiting for review or reviewed',
	},
	// WDT's other-out queries (wms.stockother.OutQuery.queryWithDetail) name it other_out_no.
	mappedField: 'other_out_no',
	example: 'QC202409200001',
	outcomes: (sent, response) => otherOutOutcomes(sent, response.data),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['otherOut'], operation: ['cancel'] } },
	orderNumbersFields(write),
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrite(this, orderNumbersSpec(write));
}
