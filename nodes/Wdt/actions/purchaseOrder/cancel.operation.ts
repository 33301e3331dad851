import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { succeededOutcome } from '../../../shared/protocol';
import {
	orderNumbersField,
	orderNumbersSpec,
	type OrderNumbersWrite,
	runWrite,
	type WriteSpec,
} from '../write';

/** Its entry in the Purchase Order resource's Operation field. */
export const option = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel purchase orders',
	description: 'Cancel purchase orders that are being edited (purchase.PurchaseOrder.cancelOrder)',
};

/**
 * purchase.PurchaseOrder.cancelOrder takes one number (`[purchase_no]`) and answers `{status: 0}`
 * or a refusal (status 100, e.g. "采购单号为 X 的单据不存在"): one call per number, so each number
 * has its own outcome and a refusal of one does not stop the others (the engine goes on after a
 * one-document call WDT refused).
 */
const write: OrderNumbersWrite = {
	method: 'purchase.PurchaseOrder.cancelOrder',
	words: {
		one: 'purchase order',
		many: 'purchase orders',
		action: 'cancel',
		done: 'cancelled',
		statusRule: 'WDT cancels only purchase orders that are being edited (status 20)',
	},
	// Get, Get Many and Create output the number as purchase_no.
	mappedField: 'purchase_no',
	example: 'CG202401010001',
	outcomes: (sent) => sent.map((number) => succeededOutcome(number)),
};

const spec: WriteSpec<string> = {
	...orderNumbersSpec(write),
	batch: { limit: 1 },
	args: ([number]) => [number],
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['purchaseOrder'], operation: ['cancel'] } },
	[
		{
			...orderNumbersField(write.words.one, write.example, write.mappedField),
			description:
				'The purchase order number(s) of this item: one number, a comma-separated list or an array (via an expression). Numbers from all items are deduplicated (ignoring upper and lower case, as WDT does); WDT takes one number per call, so each has its own outcome.',
		},
	],
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrite(this, spec);
}
