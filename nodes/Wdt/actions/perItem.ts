/**
 * The per-item runner of reads: each item is checked, then run, on its own; with Continue On Fail
 * a bad or failed item becomes an error item paired with it while the others go on.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { toNodeError } from '../../shared/transport';

/**
 * Read-style operations, one query per item: every item is checked by `prepare` before the
 * first call, then `run` fetches its records, each output item paired with its input item.
 * With Continue On Fail, a bad or failed item becomes an error item and the others go on.
 */
export async function runPerItem<Prepared>(
	ctx: IExecuteFunctions,
	prepare: (itemIndex: number) => Prepared,
	run: (prepared: Prepared, itemIndex: number) => Promise<IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const prepared: Array<{ ok: Prepared } | { error: NodeApiError | NodeOperationError }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			prepared.push({ ok: prepare(i) });
		} catch (error) {
			const problem = toNodeError(ctx.getNode(), error, { itemIndex: i });
			if (!ctx.continueOnFail()) throw problem;
			prepared.push({ error: problem });
		}
	}
	const output: INodeExecutionData[] = [];
	const errorItem = (error: NodeApiError | NodeOperationError, item: number) =>
		output.push({ json: { error: error.message }, error, pairedItem: { item } });
	for (let i = 0; i < items.length; i++) {
		const entry = prepared[i];
		if ('error' in entry) {
			errorItem(entry.error, i);
			continue;
		}
		try {
			for (const json of await run(entry.ok, i)) output.push({ json, pairedItem: { item: i } });
		} catch (error) {
			const problem = toNodeError(ctx.getNode(), error, { itemIndex: i });
			if (!ctx.continueOnFail()) throw problem;
			errorItem(problem, i);
		}
	}
	return output;
}
