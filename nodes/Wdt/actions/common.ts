import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	chunk,
	parseOrderNumbers,
	parseUserDateTime,
	type OrderOutcome,
	WdtError,
	type WdtResponse,
} from '../../shared/protocol';
import { callWdt, toNodeError } from '../../shared/transport';

/** A configuration mistake in one item, named by item and field, raised before any call. */
export function invalidInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
) {
	return new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: ${field} ${problem}`, {
		itemIndex,
	});
}

export const DEFAULT_BATCH_SIZE = 100;
export const MAX_BATCH_SIZE = 500;

export function orderNumbersField(entity: string, example: string): INodeProperties {
	return {
		displayName: 'Order Numbers',
		name: 'orderNumbers',
		type: 'string',
		default: '',
		required: true,
		placeholder: `e.g. ${example} or {{ $json.order_no }}`,
		description: `The ${entity} number(s) of this item: one number, a comma-separated list or an array (via an expression). Numbers from all items are deduplicated and sent in batches.`,
	};
}

export function batchOptionsField(): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
				default: DEFAULT_BATCH_SIZE,
				description: `How many numbers to send per WDT call (default ${DEFAULT_BATCH_SIZE}, at most ${MAX_BATCH_SIZE}). Fewer, larger calls stay further below WDT's per-minute limits.`,
			},
		],
	};
}

interface BatchOperation {
	method: string;
	/** What one number is, for messages, e.g. "purchase apply". */
	entity: string;
	/** The past tense of the action, for messages, e.g. "cancelled". */
	done: string;
	outcomes: (sent: string[], response: WdtResponse) => OrderOutcome[];
}

const NOT_SENT = 'Not sent: an earlier batch failed as a whole, so the node stopped sending';

function summarize(
	outcomes: Array<OrderOutcome>,
	entity: string,
	done: string,
): { message: string; description: string } {
	const failed = outcomes.filter((outcome) => !outcome.success);
	const succeeded = outcomes.filter((outcome) => outcome.success);
	const list = (entries: OrderOutcome[], withError: boolean) =>
		entries
			.map((entry) => (withError ? `${entry.order_no} (${entry.error})` : entry.order_no))
			.join(', ');
	const firstFew = failed.slice(0, 5);
	const more =
		failed.length > firstFew.length ? ` and ${failed.length - firstFew.length} more` : '';
	return {
		message: `${failed.length} of ${outcomes.length} ${entity} number(s) were not ${done}: ${list(firstFew, true)}${more}`,
		description:
			`Failed: ${list(failed, true)}. ` +
			(succeeded.length
				? `Already ${done} (not undone): ${list(succeeded, false)}.`
				: `None was ${done}.`) +
			' Turn on "Continue (using error output)" in the node settings to route the failed numbers to a separate output.',
	};
}

/** `={{ $json.field }}` or `={{ $json["field"] }}`: the mapping users make most. */
const PLAIN_FIELD_EXPRESSION =
	/^=\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(["'])([^"'\\]+)\2\s*\])\s*\}\}$/;

/**
 * Reads Order Numbers per item. n8n's expression engine costs a few hundred µs per item (it
 * builds the whole data proxy each time), which for 10,000 items outweighs the WDT calls. A
 * plain field mapping is read straight from the item instead, after checking on the first and
 * last item that this gives exactly what n8n's evaluation gives; anything else goes through n8n.
 */
function orderNumbersReader(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
): (i: number) => unknown {
	const viaN8n = (i: number) => ctx.getNodeParameter('orderNumbers', i, '');
	const raw = ctx.getNode().parameters.orderNumbers;
	const match = typeof raw === 'string' ? PLAIN_FIELD_EXPRESSION.exec(raw) : null;
	if (!match || items.length < 2) return viaN8n;
	const field = match[1] ?? match[3];
	const direct = (i: number) => items[i].json[field];
	const same = (i: number) => JSON.stringify(direct(i) ?? '') === JSON.stringify(viaN8n(i) ?? '');
	return same(0) && same(items.length - 1) ? direct : viaN8n;
}

/**
 * Cancel/stop style operations: numbers from all items are validated, deduplicated, sent in
 * batches, and every number comes back as one item paired with the item it came from.
 */
export async function runBatchOperation(
	this: IExecuteFunctions,
	operation: BatchOperation,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const toErrorOutput = this.getNode().onError === 'continueErrorOutput';
	const perItem: Array<string[] | undefined> = [];
	const output: INodeExecutionData[] = [];
	const invalid = new Map<number, NodeOperationError>();

	const readNumbers = orderNumbersReader(this, items);
	for (let i = 0; i < items.length; i++) {
		const parsed = parseOrderNumbers(readNumbers(i));
		let error: NodeOperationError | undefined;
		if ('problem' in parsed)
			error = invalidInput(this, i, 'Order Numbers (orderNumbers):', `${parsed.problem}.`);
		else if (parsed.numbers.length === 0)
			error = invalidInput(
				this,
				i,
				'Order Numbers (orderNumbers)',
				`is empty. Map the field that holds the ${operation.entity} number, e.g. {{ $json.order_no }}.`,
			);
		else {
			const tooLong = parsed.numbers.find((number) => number.length > 40);
			if (tooLong)
				error = invalidInput(
					this,
					i,
					'Order Numbers (orderNumbers):',
					`"${tooLong.slice(0, 50)}…" is longer than the 40 characters a WDT number can have.`,
				);
		}
		if (error) {
			if (!continueOnFail) throw error;
			invalid.set(i, error);
			continue;
		}
		perItem[i] = [...new Set((parsed as { numbers: string[] }).numbers)];
	}

	const unique = [...new Set(perItem.flatMap((numbers) => numbers ?? []))];
	const batchSize = Math.min(
		MAX_BATCH_SIZE,
		Math.max(
			1,
			Math.floor(
				Number(
					(this.getNodeParameter('options', 0, {}) as IDataObject).batchSize ?? DEFAULT_BATCH_SIZE,
				),
			),
		),
	);
	const outcomes = new Map<string, OrderOutcome>();
	let stopped: string | undefined;
	for (const batch of chunk(unique, batchSize)) {
		if (stopped) {
			for (const orderNo of batch)
				outcomes.set(orderNo, {
					order_no: orderNo,
					success: false,
					error: NOT_SENT,
					error_code: null,
				});
			continue;
		}
		try {
			const response = await callWdt.call(
				this,
				{ method: operation.method, args: [batch] },
				{ write: true },
			);
			for (const outcome of operation.outcomes(batch, response))
				outcomes.set(outcome.order_no, outcome);
		} catch (error) {
			if (!(error instanceof WdtError)) throw toNodeError(this.getNode(), error);
			const unknownOutcome = error.kind === 'network' || error.kind === 'badResponse';
			const reason = unknownOutcome
				? `Unknown outcome: the reply was lost (${error.message}); check these numbers in WDT before sending them again`
				: `${error.wdtMessage ?? error.message} — ${error.fix}`;
			for (const orderNo of batch)
				outcomes.set(orderNo, {
					order_no: orderNo,
					success: false,
					error: reason,
					error_code: error.status ?? null,
				});
			stopped = reason;
		}
	}

	const failedSomewhere = [...outcomes.values()].some((outcome) => !outcome.success);
	if (failedSomewhere && !continueOnFail) {
		const { message, description } = summarize(
			[...outcomes.values()],
			operation.entity,
			operation.done,
		);
		const firstFailedItem = perItem.findIndex((numbers) =>
			numbers?.some((number) => !outcomes.get(number)?.success),
		);
		throw new NodeOperationError(this.getNode(), message, {
			description,
			itemIndex: Math.max(0, firstFailedItem),
		});
	}

	for (let i = 0; i < items.length; i++) {
		const error = invalid.get(i);
		if (error) {
			output.push({
				json: { error: error.message },
				error,
				pairedItem: { item: i },
			});
			continue;
		}
		for (const orderNo of perItem[i] ?? []) {
			const outcome = outcomes.get(orderNo) as OrderOutcome;
			const item: INodeExecutionData = {
				json: { ...outcome } as IDataObject,
				pairedItem: { item: i },
			};
			// With an error output, an item carrying an error goes there (n8n keeps only its message).
			if (!outcome.success && toErrorOutput) {
				item.error = new NodeOperationError(this.getNode(), `${orderNo}: ${outcome.error}`, {
					itemIndex: i,
				});
			}
			output.push(item);
		}
	}
	return output;
}

/** Reads an optional date parameter of one item as unix ms (workflow timezone for wall times). */
export function readDateParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): number | undefined {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === '' || value === null || value === undefined) return undefined;
	const ms = parseUserDateTime(value, ctx.getTimezone());
	if (ms === undefined)
		throw invalidInput(ctx, itemIndex, label, `is not a date: "${String(value)}".`);
	return ms;
}

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
