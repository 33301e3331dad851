import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import {
	chunk,
	countOf,
	orderNumberKey,
	parseOrderNumbers,
	type OrderOutcome,
	unknownOutcome,
	WdtError,
	type WdtResponse,
} from '../../shared/protocol';
import { lengthProblem, unstorableCharacterProblem } from '../../shared/protocol/validate';
import { callWdt, toNodeError } from '../../shared/transport';
import { parameterReader } from './parameters';

export const DEFAULT_BATCH_SIZE = 100;
export const MAX_BATCH_SIZE = 500;
/** Order numbers are at most 40 characters on WDT's pages (e.g. other_out_no, 长度 40). */
const MAX_ORDER_NUMBER_LENGTH = 40;

/**
 * @param mappedField the field that upstream operations output for this number, suggested as
 * the expression to map
 */
export function orderNumbersField(
	entity: string,
	example: string,
	mappedField: string,
): INodeProperties {
	return {
		displayName: 'Order Numbers',
		name: 'orderNumbers',
		type: 'string',
		default: '',
		required: true,
		placeholder: `e.g. ${example} or {{ $json.${mappedField} }}`,
		description: `The ${entity} number(s) of this item: one number, a comma-separated list or an array (via an expression). Numbers from all items are deduplicated (ignoring upper and lower case, as WDT does) and sent in batches.`,
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

/** A batch operation's fields (the numbers and Options → Batch Size), shown for one operation. */
export function batchOperationFields(
	show: { resource: string[]; operation: string[] },
	numbers: { entity: string; example: string; mappedField: string },
): INodeProperties[] {
	return updateDisplayOptions({ show }, [
		orderNumbersField(numbers.entity, numbers.example, numbers.mappedField),
		batchOptionsField(),
	]);
}

/** Options → Batch Size (batchOptionsField), within 1 and MAX_BATCH_SIZE. */
export function readBatchSize(ctx: IExecuteFunctions): number {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const size = Math.floor(Number(options.batchSize ?? DEFAULT_BATCH_SIZE));
	return Math.min(MAX_BATCH_SIZE, Math.max(1, size));
}

export interface BatchOperation {
	method: string;
	/** What one number is, for messages, e.g. { one: 'purchase apply', many: 'purchase applies' }. */
	entity: { one: string; many: string };
	/** The verb and its past participle, for messages, e.g. 'cancel' / 'cancelled'. */
	action: string;
	done: string;
	/** The field upstream operations output for this number, e.g. purchase_apply_no. */
	mappedField: string;
	/** In plain words, which documents WDT accepts, e.g. "WDT cancels only …". */
	statusRule: string;
	outcomes: (sent: string[], response: WdtResponse) => OrderOutcome[];
}

/** How messages name the numbers and what was done to them. */
type BatchWording = Pick<BatchOperation, 'entity' | 'action' | 'done' | 'statusRule'>;

/** WDT's refusals for a document's status all name its status (状态). */
const refusedForStatus = (outcome: OrderOutcome) =>
	outcome.outcome === 'failed' && (outcome.error ?? '').includes('状态');

/** How a failure of the whole call starts its `error`; WDT's own text is quoted inside it. */
const WHOLE_CALL_REFUSED = 'WDT refused the whole call';

/** A failure's text for messages: WDT's own text in quotes, after our English. */
const shownError = (outcome: OrderOutcome) =>
	String(outcome.error).startsWith(WHOLE_CALL_REFUSED) ? outcome.error : `"${outcome.error}"`;

/** One number's fate in plain words, for the error output and messages. */
function explain(outcome: OrderOutcome, operation: BatchWording): string {
	if (outcome.outcome === 'succeeded') return `${operation.done} by this run`;
	if (outcome.outcome !== 'failed') return String(outcome.error);
	const hint = refusedForStatus(outcome)
		? ` (${operation.statusRule}; it may already have been ${operation.done}, for example by an earlier run)`
		: '';
	return `WDT refused to ${operation.action} it: ${shownError(outcome)}${hint}`;
}

function summarize(
	outcomes: OrderOutcome[],
	operation: BatchWording,
): { message: string; description: string } {
	const { entity, action, done } = operation;
	const of = (kind: OrderOutcome['outcome']) => outcomes.filter((entry) => entry.outcome === kind);
	const [succeeded, refused, unknown, notSent] = (
		['succeeded', 'failed', 'unknown', 'not sent'] as const
	).map(of);
	const firstFew = (entries: OrderOutcome[], withError: boolean) =>
		entries
			.slice(0, 5)
			.map((entry) => (withError ? `${entry.order_no} (${shownError(entry)})` : entry.order_no))
			.join(', ') + (entries.length > 5 ? ` and ${entries.length - 5} more` : '');
	// What was done comes first: without Continue On Fail the node outputs nothing, so the
	// message itself must show that these numbers are done and must not be sent again.
	const parts: string[] = [];
	if (succeeded.length)
		parts.push(
			`${done} ${succeeded.length} of ${countOf(outcomes.length, entity.one, entity.many)} (${firstFew(succeeded, false)})`,
		);
	if (refused.length === 1)
		parts.push(`WDT refused to ${action} ${entity.one} ${firstFew(refused, true)}`);
	else if (refused.length > 1)
		parts.push(
			`WDT refused to ${action} ${countOf(refused.length, entity.one, entity.many)}: ${firstFew(refused, true)}`,
		);
	if (unknown.length === 1)
		parts.push(
			`it is not known whether ${entity.one} ${unknown[0].order_no} was ${done} (check it in WDT before sending it again)`,
		);
	else if (unknown.length > 1)
		parts.push(
			`it is not known whether ${countOf(unknown.length, entity.one, entity.many)} were ${done}: ${firstFew(unknown, false)} (check them in WDT before sending them again)`,
		);
	if (notSent.length)
		parts.push(
			`${countOf(notSent.length, entity.one, entity.many)} ${notSent.length === 1 ? 'was' : 'were'} not sent: ${firstFew(notSent, false)}`,
		);
	const message = parts.join('; ').replace(/^./, (first) => first.toUpperCase());

	const all = (entries: OrderOutcome[]) => entries.map((entry) => entry.order_no).join(', ');
	const lines = [
		succeeded.length
			? `WDT confirmed that this run ${done} ${countOf(succeeded.length, entity.one, entity.many)}: ${all(succeeded)}. ${succeeded.length === 1 ? 'It stays' : 'They stay'} ${done}; nothing was undone.`
			: `WDT confirmed none as ${done} in this run.`,
	];
	if (refused.length)
		lines.push(
			`Refused by WDT: ${refused.map((entry) => `${entry.order_no} (${shownError(entry)})`).join(', ')}.`,
		);
	if (refused.some(refusedForStatus))
		lines.push(
			`${operation.statusRule}. A number refused for its status may already have been ${done}, for example by an earlier run of this workflow.`,
		);
	const reasons = new Map<string, string[]>();
	for (const entry of [...unknown, ...notSent])
		reasons.set(String(entry.error), [...(reasons.get(String(entry.error)) ?? []), entry.order_no]);
	for (const [reason, numbers] of reasons) lines.push(`${numbers.join(', ')}: ${reason}.`);
	lines.push(
		'To get every number as an item instead (the done ones on the success output, the others on the error output), set the node\'s Settings → On Error to "Continue (using error output)".',
	);
	return { message, description: lines.join(' ') };
}

/** The numbers of one item, or what is wrong with them. */
function readItemNumbers(
	value: unknown,
	operation: BatchOperation,
): { numbers: string[] } | { problem: string } {
	const parsed = parseOrderNumbers(value);
	if ('problem' in parsed) return { problem: `: ${parsed.problem}.` };
	if (parsed.numbers.length === 0)
		return {
			problem: ` is empty. Map the field that holds the ${operation.entity.one} number, e.g. {{ $json.${operation.mappedField} }}.`,
		};
	for (const number of parsed.numbers) {
		const problem =
			unstorableCharacterProblem(number) ?? lengthProblem(number, MAX_ORDER_NUMBER_LENGTH);
		if (problem) return { problem: `: "${[...number].slice(0, 50).join('')}" ${problem}.` };
	}
	const byKey = new Map<string, string>();
	for (const number of parsed.numbers)
		if (!byKey.has(orderNumberKey(number))) byKey.set(orderNumberKey(number), number);
	return { numbers: [...byKey.values()] };
}

/** A write call whose reply was lost or says nothing clear: WDT may or may not have done it. */
export const replyWasLost = (error: WdtError) =>
	error.kind === 'network' || error.kind === 'badResponse';

/**
 * The outcomes of a batch whose call failed as a whole: unknown when the reply was lost (WDT may
 * have done it), failed when WDT refused the call; and why the node stops sending.
 */
function failedCallOutcomes(
	error: WdtError,
	batch: readonly string[],
	operation: Pick<BatchOperation, 'done'>,
): { outcomes: OrderOutcome[]; stopped: string } {
	const lost = replyWasLost(error);
	const outcomes = batch.map(
		(orderNo): OrderOutcome =>
			lost
				? unknownOutcome(
						orderNo,
						`the reply was lost (${error.message}), so WDT may or may not have ${operation.done} it`,
					)
				: {
						order_no: orderNo,
						success: false,
						outcome: 'failed',
						error: `${WHOLE_CALL_REFUSED}: ${error.wdtMessage === undefined ? error.message : `"${error.wdtMessage}"`}. ${error.fix}`,
						error_code: error.status ?? null,
					},
	);
	return { outcomes, stopped: lost ? 'its reply was lost' : (error.wdtMessage ?? error.message) };
}

/** A number the node did not send because an earlier batch failed as a whole. */
const notSentOutcome = (orderNo: string, stopped: string): OrderOutcome => ({
	order_no: orderNo,
	success: false,
	outcome: 'not sent',
	error: `Not sent: an earlier batch failed as a whole (${stopped}), so the node stopped sending`,
	error_code: null,
});

/**
 * Cancel/stop style operations: numbers from all items are validated, deduplicated the way
 * WDT compares them, sent in batches, and every number comes back as one item paired with the
 * item it came from. A batch is never re-sent; numbers whose fate WDT's reply leaves open are
 * reported with outcome "unknown", never as a success.
 */
export async function runBatchOperation(
	this: IExecuteFunctions,
	operation: BatchOperation,
): Promise<INodeExecutionData[]> {
	const readNumbers = parameterReader(this, this.getInputData(), 'orderNumbers');
	const planned = planEachItem(this, (i) => {
		const read = readItemNumbers(readNumbers(i), operation);
		if ('problem' in read)
			throw new NodeOperationError(
				this.getNode(),
				`Item ${i + 1}: Order Numbers (orderNumbers)${read.problem}`,
				{ itemIndex: i },
			);
		return read.numbers;
	});

	const toSend = new Map<string, string>();
	for (const number of planned.flatMap((entry) => ('plan' in entry ? entry.plan : [])))
		if (!toSend.has(orderNumberKey(number))) toSend.set(orderNumberKey(number), number);
	const batchSize = readBatchSize(this);
	/** By orderNumberKey: every spelling of a number shares the outcome of the one sent. */
	const outcomes = await sendWriteBatches(
		this,
		operation,
		chunk([...toSend.values()], batchSize).map((batch) => ({ keys: batch, args: [batch] })),
		operation.outcomes,
	);

	/** The outcome of one number as this item spelled it. */
	const outcomeOf = (orderNo: string): OrderOutcome => {
		const outcome = outcomes.get(orderNumberKey(orderNo)) as OrderOutcome;
		if (outcome.order_no === orderNo) return outcome;
		const spelled: OrderOutcome = { ...outcome, order_no: orderNo };
		if (spelled.wdt_order_no === undefined) spelled.wdt_order_no = outcome.order_no;
		return spelled;
	};
	const entries = planned.flatMap(({ itemIndices, ...entry }): BatchEntry[] =>
		'error' in entry
			? [{ itemIndices, invalid: entry.error }]
			: entry.plan.map((orderNo) => ({ itemIndices, outcome: outcomeOf(orderNo) })),
	);
	return batchOutput(this, operation, entries, [...outcomes.values()]);
}

/** One call of a batched write: the numbers it carries (for outcomes) and its arguments. */
export interface WriteBatch {
	keys: string[];
	args: unknown[];
	/** Default: the operation's method (e.g. goods.Goods.push for one goods alone). */
	method?: string;
}

/**
 * Sends the batches one after the other and returns every number's outcome, keyed by
 * orderNumberKey. A batch is never re-sent: a lost reply makes its numbers "unknown". After a
 * call that failed as a whole, nothing more is sent and the rest are "not sent".
 */
export async function sendWriteBatches(
	ctx: IExecuteFunctions,
	operation: Pick<BatchOperation, 'method' | 'done'>,
	batches: WriteBatch[],
	outcomesOf: (sent: string[], response: WdtResponse) => OrderOutcome[],
): Promise<Map<string, OrderOutcome>> {
	const outcomes = new Map<string, OrderOutcome>();
	let stopped: string | undefined;
	for (const { keys: batch, args, method = operation.method } of batches) {
		if (stopped) {
			for (const orderNo of batch)
				outcomes.set(orderNumberKey(orderNo), notSentOutcome(orderNo, stopped));
			continue;
		}
		try {
			const response = await callWdt.call(ctx, { method, args }, { write: true });
			for (const outcome of outcomesOf(batch, response))
				outcomes.set(orderNumberKey(outcome.order_no), outcome);
		} catch (error) {
			if (!(error instanceof WdtError)) throw toNodeError(ctx.getNode(), error);
			const failed = failedCallOutcomes(error, batch, operation);
			for (const outcome of failed.outcomes)
				outcomes.set(orderNumberKey(outcome.order_no), outcome);
			stopped = failed.stopped;
		}
	}
	return outcomes;
}

/** One output item of a batched write: an outcome (with extra fields), or an input refused before sending. */
export type BatchEntry = { itemIndices: number[] } & (
	| { outcome: OrderOutcome; json?: IDataObject }
	/** `json`: what identifies the refused document (e.g. its numbers as typed), beside `error`. */
	| { invalid: NodeOperationError | NodeApiError; json?: IDataObject }
);

/**
 * The items of a batched write, each paired with the items it came from. Without Continue On
 * Fail, any outcome other than success fails the node with one message saying what succeeded,
 * failed, is unknown and was not sent (`all`: the distinct outcomes, default those of the entries).
 */
export function batchOutput(
	ctx: IExecuteFunctions,
	operation: BatchWording,
	entries: BatchEntry[],
	all: OrderOutcome[] = entries.flatMap((entry) => ('outcome' in entry ? [entry.outcome] : [])),
): INodeExecutionData[] {
	const continueOnFail = ctx.continueOnFail();
	const toErrorOutput = ctx.getNode().onError === 'continueErrorOutput';
	const firstFailed = entries.find((entry) => 'outcome' in entry && !entry.outcome.success);
	if (firstFailed && !continueOnFail) {
		const { message, description } = summarize(all, operation);
		throw new NodeOperationError(ctx.getNode(), message, {
			description,
			itemIndex: firstFailed.itemIndices[0],
		});
	}
	return entries.map((entry): INodeExecutionData => {
		const pairedItem =
			entry.itemIndices.length === 1
				? { item: entry.itemIndices[0] }
				: entry.itemIndices.map((item) => ({ item }));
		if ('invalid' in entry) {
			// As for outcomes below: n8n replaces the json of an item carrying an error by the
			// message alone, so only an item bound for the error output carries one.
			const item: INodeExecutionData = {
				json: { ...entry.json, error: entry.invalid.message },
				pairedItem,
			};
			if (toErrorOutput) item.error = entry.invalid;
			return item;
		}
		const { outcome } = entry;
		const item: INodeExecutionData = { json: { ...outcome, ...entry.json }, pairedItem };
		// With an error output, an item carrying an error goes there. n8n (1.x and 2.x) then
		// keeps only its message, so the message names the number and says what happened;
		// Continue (using regular output) keeps every field of the outcome.
		if (!outcome.success && toErrorOutput)
			item.error = new NodeOperationError(
				ctx.getNode(),
				`${outcome.order_no}: ${explain(outcome, operation)}`,
				{ itemIndex: entry.itemIndices[0] },
			);
		return item;
	});
}

/**
 * Plans one document per group of items, each checked on its own: a bad group throws (naming
 * its first item), or with Continue On Fail becomes an error entry while the others go on.
 */
export function planEach<Plan>(
	ctx: IExecuteFunctions,
	groups: number[][],
	plan: (itemIndices: number[]) => Plan,
): Array<
	| { itemIndices: number[]; plan: Plan }
	| { itemIndices: number[]; error: NodeApiError | NodeOperationError }
> {
	return groups.map((itemIndices) => {
		try {
			return { itemIndices, plan: plan(itemIndices) };
		} catch (error) {
			const problem = toNodeError(ctx.getNode(), error, { itemIndex: itemIndices[0] });
			if (!ctx.continueOnFail()) throw problem;
			return { itemIndices, error: problem };
		}
	});
}

/** planEach with every input item its own document. */
export function planEachItem<Plan>(ctx: IExecuteFunctions, plan: (itemIndex: number) => Plan) {
	return planEach(
		ctx,
		ctx.getInputData().map((_, i) => [i]),
		([i]) => plan(i),
	);
}
