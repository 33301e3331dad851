import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { describeKind, succeededOutcome, WdtError } from '../../../shared/protocol';
import { orderNumbersField, orderNumbersSpec, type OrderNumbersWrite, runWrite } from '../write';

/** Its entry in the Transfer resource's Operation field. */
export const option = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel transfers',
	description:
		'Cancel transfers that are being edited or awaiting review, one call per number (wms.stocktransfer.Manage.cancelOrder)',
};

/**
 * wms.stocktransfer.Manage.cancelOrder takes one transfer_no per call and answers `{status: 0}`;
 * a refusal (e.g. 调拨单状态不正确) is the envelope's status, which the engine reads as that
 * number failed before it goes on with the next.
 */
const write: OrderNumbersWrite = {
	method: 'wms.stocktransfer.Manage.cancelOrder',
	words: {
		one: 'transfer',
		many: 'transfers',
		action: 'cancel',
		done: 'cancelled',
		statusRule: 'WDT cancels only transfers that are being edited or awaiting review',
	},
	mappedField: 'transfer_no',
	example: 'TF202407240001',
	outcomes: ([transferNo], response) => {
		if (response.status === 0) return [succeededOutcome(transferNo)];
		throw new WdtError(
			`WDT wms.stocktransfer.Manage.cancelOrder answered status ${String(response.status)} without saying whether transfer ${transferNo} was cancelled`,
			describeKind('badResponse'),
		);
	},
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['transfer'], operation: ['cancel'] } },
	[orderNumbersField(write.words.one, write.example, write.mappedField)],
);

/** Each number once, one call each (the page's one argument is a single transfer_no). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrite(this, {
		...orderNumbersSpec(write),
		batch: { limit: 1 },
		args: ([transferNo]) => [transferNo],
	});
}
