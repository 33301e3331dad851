/**
 * TEMPORARY: the old batch API (sendWriteBatches, batchOutput, planEach with `plan`) on top of
 * the engine, for salesOrder/push and goods/createOrUpdate only until helper `push` moves them
 * onto runWrite. Delete this file then; nothing else may import it.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OrderOutcome, WdtResponse } from '../../../shared/protocol';
import { planEach as planDocuments } from './documents';
import { writeOutput, type OutputEntry } from './report';
import { sendBatches } from './send';
import type { WriteSpec } from './spec';

export interface BatchOperation {
	method: string;
	entity: { one: string; many: string };
	action: string;
	done: string;
	mappedField: string;
	statusRule: string;
	outcomes: (sent: string[], response: WdtResponse) => OrderOutcome[];
}

export interface WriteBatch {
	keys: string[];
	args: unknown[];
}

export type BatchEntry = OutputEntry;

type Wording = Pick<BatchOperation, 'entity' | 'action' | 'done' | 'statusRule'>;
const wordsOf = (operation: Wording) => ({ ...operation.entity, ...operation });

export async function sendWriteBatches(
	ctx: IExecuteFunctions,
	operation: Pick<BatchOperation, 'method' | 'done'>,
	batches: WriteBatch[],
	outcomesOf: (sent: string[], response: WdtResponse) => OrderOutcome[],
): Promise<Map<string, OrderOutcome>> {
	const spec: WriteSpec<{ key: string; batch: number }> = {
		method: operation.method,
		words: { one: '', many: '', action: '', done: operation.done, statusRule: '' },
		plan: () => [],
		key: (doc) => doc.key,
		sameKey: 'merge',
		batch: { limit: Number.MAX_SAFE_INTEGER },
		args: (docs) => batches[docs[0].batch].args,
		outcomes: (docs, response) => {
			const read = outcomesOf(
				docs.map((doc) => doc.key),
				response,
			);
			const byKey = new Map(read.map((outcome) => [outcome.order_no.toLowerCase(), outcome]));
			return docs.map((doc) => byKey.get(doc.key.toLowerCase()) as OrderOutcome);
		},
	};
	return await sendBatches(
		ctx,
		spec,
		batches.map(({ keys }, batch) => ({
			group: String(batch),
			docs: keys.map((key) => ({ key, doc: { key, batch } })),
		})),
	);
}

export function batchOutput(
	ctx: IExecuteFunctions,
	operation: Wording,
	entries: BatchEntry[],
	all?: OrderOutcome[],
): INodeExecutionData[] {
	return writeOutput(ctx, wordsOf(operation), entries, all);
}

export function planEach<Plan>(
	ctx: IExecuteFunctions,
	groups: number[][],
	plan: (itemIndices: number[]) => Plan,
) {
	return planDocuments(ctx, groups, plan).map((entry) =>
		'doc' in entry ? { itemIndices: entry.itemIndices, plan: entry.doc } : entry,
	);
}

export function planEachItem<Plan>(ctx: IExecuteFunctions, plan: (itemIndex: number) => Plan) {
	return planEach(
		ctx,
		ctx.getInputData().map((_, i) => [i]),
		([i]) => plan(i),
	);
}
