/**
 * The output of every write, in one shape and one message style: one item per document (or per
 * number of a list), paired with its items. Without Continue On Fail, any outcome other than
 * success fails the node with one message that says first what was done, then what failed, is
 * unknown or was not sent.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { countOf } from '../../../shared/protocol';
import { WHOLE_CALL_REFUSED } from './send';
import type { WriteOutcome, WriteWords } from './spec';

/** WDT's refusals for a document's status all name its status (状态). */
const refusedForStatus = (outcome: WriteOutcome) =>
	outcome.outcome === 'failed' && (outcome.error ?? '').includes('状态');

/** A failure's text for messages: WDT's own text in quotes, after our English. */
const shownError = (outcome: WriteOutcome) =>
	String(outcome.error).startsWith(WHOLE_CALL_REFUSED) ? outcome.error : `"${outcome.error}"`;

/** What a refusal may mean: the operation's own hint, or the status rule for a status refusal. */
function refusalHint(outcome: WriteOutcome, operation: WriteWords): string | undefined {
	if (outcome.outcome !== 'failed') return undefined;
	const own = operation.refusalHint?.(String(outcome.error));
	if (own) return own;
	return refusedForStatus(outcome)
		? `${operation.statusRule}; it may already have been ${operation.done}, for example by an earlier run`
		: undefined;
}

/** One number's fate in plain words, for the error output and messages. */
function explain(outcome: WriteOutcome, operation: WriteWords): string {
	if (outcome.success)
		return outcome.outcome === 'succeeded'
			? `${operation.done} by this run`
			: `${outcome.outcome} before this run`;
	if (outcome.outcome !== 'failed') return String(outcome.error);
	const shown = refusalHint(outcome, operation);
	const hint = shown ? ` (${shown})` : '';
	return `WDT refused to ${operation.action} it: ${shownError(outcome)}${hint}`;
}

function summarize(
	outcomes: WriteOutcome[],
	operation: WriteWords,
): { message: string; description: string } {
	const { action, done } = operation;
	const entity = { one: operation.one, many: operation.many };
	const of = (kind: WriteOutcome['outcome']) => outcomes.filter((entry) => entry.outcome === kind);
	const [succeeded, refused, unknown, notSent] = (
		['succeeded', 'failed', 'unknown', 'not sent'] as const
	).map(of);
	// Found done by a look-up before sending (e.g. 'already created'): done, not by this run.
	const found = outcomes.filter((entry) => entry.success && entry.outcome !== 'succeeded');
	const firstFew = (entries: WriteOutcome[], withError: boolean) =>
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
	if (found.length)
		parts.push(
			`${countOf(found.length, entity.one, entity.many)} ${found[0].outcome} before this run (${firstFew(found, false)})`,
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

	const all = (entries: WriteOutcome[]) => entries.map((entry) => entry.order_no).join(', ');
	const lines = [
		succeeded.length
			? `WDT confirmed that this run ${done} ${countOf(succeeded.length, entity.one, entity.many)}: ${all(succeeded)}. ${succeeded.length === 1 ? 'It stays' : 'They stay'} ${done}; nothing was undone.`
			: `WDT confirmed none as ${done} in this run.`,
	];
	if (found.length)
		lines.push(`Found ${found[0].outcome} before this run, so not sent again: ${all(found)}.`);
	if (refused.length)
		lines.push(
			`Refused by WDT: ${refused.map((entry) => `${entry.order_no} (${shownError(entry)})`).join(', ')}.`,
		);
	for (const hint of new Set(refused.map((entry) => operation.refusalHint?.(String(entry.error)))))
		if (hint) lines.push(`${hint.replace(/^./, (first) => first.toUpperCase())}.`);
	if (refused.some(refusedForStatus))
		lines.push(
			`${operation.statusRule}. A number refused for its status may already have been ${done}, for example by an earlier run of this workflow.`,
		);
	const reasons = new Map<string, string[]>();
	for (const entry of [...unknown, ...notSent])
		reasons.set(String(entry.error), [...(reasons.get(String(entry.error)) ?? []), entry.order_no]);
	for (const [reason, numbers] of reasons) lines.push(`${numbers.join(', ')}: ${reason}.`);
	lines.push(
		'To get every document as an item instead (the done ones on the success output, the others on the error output), set the node\'s Settings → On Error to "Continue (using error output)".',
	);
	return { message, description: lines.join(' ') };
}

/** One output item of a batched write: an outcome (with extra fields), or an input refused before sending. */
export type OutputEntry = { itemIndices: number[] } & (
	| { outcome: WriteOutcome; json?: IDataObject }
	/** `json`: what identifies the refused document (e.g. its numbers as typed), beside `error`. */
	| { invalid: NodeOperationError | NodeApiError; json?: IDataObject }
);

/**
 * The items of a batched write, each paired with the items it came from. Without Continue On
 * Fail, any outcome other than success fails the node with one message saying what succeeded,
 * failed, is unknown and was not sent (`all`: the distinct outcomes, default those of the entries).
 */
export function writeOutput(
	ctx: IExecuteFunctions,
	words: WriteWords,
	entries: OutputEntry[],
	all: WriteOutcome[] = entries.flatMap((entry) => ('outcome' in entry ? [entry.outcome] : [])),
): INodeExecutionData[] {
	const continueOnFail = ctx.continueOnFail();
	const toErrorOutput = ctx.getNode().onError === 'continueErrorOutput';
	const firstFailed = entries.find((entry) => 'outcome' in entry && !entry.outcome.success);
	if (firstFailed && !continueOnFail) {
		const { message, description } = summarize(all, words);
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
				json: { success: false, outcome: 'not sent', ...entry.json, error: entry.invalid.message },
				pairedItem,
			};
			if (toErrorOutput) item.error = entry.invalid;
			return item;
		}
		const { outcome } = entry;
		const { data, ...own } = outcome;
		const item: INodeExecutionData = { json: { ...own, ...data, ...entry.json }, pairedItem };
		// With an error output, an item carrying an error goes there. n8n (1.x and 2.x) then
		// keeps only its message, so the message names the number and says what happened;
		// Continue (using regular output) keeps every field of the outcome.
		if (!outcome.success && toErrorOutput)
			item.error = new NodeOperationError(
				ctx.getNode(),
				`${outcome.order_no}: ${explain(outcome, words)}`,
				{ itemIndex: entry.itemIndices[0] },
			);
		return item;
	});
}
