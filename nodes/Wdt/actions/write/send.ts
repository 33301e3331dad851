/**
 * Sending a write's batches: each call once, in order, never re-sent. A lost or unclear reply
 * makes its documents "unknown"; after a call that failed as a whole the node stops sending and
 * the rest are "not sent" (a one-document call that WDT refuses is that document's refusal, and
 * sending goes on).
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { orderNumberKey, unknownOutcome, WdtError } from '../../../shared/protocol';
import { callWdt, toNodeError } from '../../../shared/transport';
import type { WriteOutcome, WriteSpec } from './spec';

/** A write call whose reply was lost or says nothing clear: WDT may or may not have done it. */
export const replyWasLost = (error: WdtError) =>
	error.kind === 'network' || error.kind === 'badResponse';

/** How a failure of the whole call starts its `error`; WDT's own text is quoted inside it. */
export const WHOLE_CALL_REFUSED = 'WDT refused the whole call';

/** The outcomes of a batch whose call failed as a whole: unknown when the reply was lost. */
function failedCallOutcomes(
	error: WdtError,
	keys: readonly string[],
	done: string,
): WriteOutcome[] {
	return keys.map(
		(key): WriteOutcome =>
			replyWasLost(error)
				? unknownOutcome(
						key,
						`the reply was lost or unclear (${error.message}), so WDT may or may not have ${done} it`,
					)
				: {
						order_no: key,
						success: false,
						outcome: 'failed',
						error: `${WHOLE_CALL_REFUSED}: ${error.wdtMessage === undefined ? error.message : `"${error.wdtMessage}"`}. ${error.fix}`,
						error_code: error.status ?? null,
					},
	);
}

/** A document the node did not send, and why. */
const notSentOutcome = (key: string, why: string): WriteOutcome => ({
	order_no: key,
	success: false,
	outcome: 'not sent',
	error: `Not sent: ${why}`,
	error_code: null,
});
/** `stopped`: why the node stopped sending, e.g. 'an earlier call failed as a whole (…)'. */
const afterStop = (stopped: string) => `${stopped}, so the node stopped sending`;

/** A document and the key its outcome goes by (WriteSpec.key, or "item N" when it has none). */
export interface Keyed<Doc> {
	doc: Doc;
	key: string;
}

/** One call: its documents (distinct keys) and the group they share (WriteSpec.batch.by). */
export interface Batch<Doc> {
	docs: Array<Keyed<Doc>>;
	group: string;
}

/**
 * Sends the batches one after the other; returns every document's outcome by orderNumberKey of
 * its key. Documents that `lookUp` finds done are not sent. The parser's outcomes are taken in
 * the order of the documents sent; one it leaves out is "unknown".
 */
export async function sendBatches<Doc>(
	ctx: IExecuteFunctions,
	spec: WriteSpec<Doc>,
	batches: Array<Batch<Doc>>,
): Promise<Map<string, WriteOutcome>> {
	const outcomes = new Map<string, WriteOutcome>();
	const settle = (key: string, outcome: WriteOutcome) =>
		outcomes.set(orderNumberKey(key), { ...outcome, order_no: key });
	const unsettled = (docs: Array<Keyed<Doc>>) =>
		docs.map(({ key }) => key).filter((key) => !outcomes.has(orderNumberKey(key)));
	let stopped: string | undefined;
	for (const batch of batches) {
		if (stopped) {
			for (const { key } of batch.docs) settle(key, notSentOutcome(key, afterStop(stopped)));
			continue;
		}
		const toSend: Array<Keyed<Doc>> = [];
		for (const entry of batch.docs) {
			const found = spec.lookUp ? await lookUpFirst(ctx, spec, entry.doc) : undefined;
			if (found instanceof WdtError) {
				// Nothing of this batch was sent: the look-ups come before the call.
				stopped = `looking up ${entry.key} before sending it failed (${found.message})`;
				settle(entry.key, notSentOutcome(entry.key, stopped));
				break;
			}
			if (found) settle(entry.key, found);
			else toSend.push(entry);
		}
		if (stopped) {
			for (const key of unsettled(batch.docs)) settle(key, notSentOutcome(key, afterStop(stopped)));
			continue;
		}
		if (toSend.length === 0) continue;
		try {
			const docs = toSend.map(({ doc }) => doc);
			const response = await callWdt.call(
				ctx,
				{ method: spec.methodOf?.(batch.group) ?? spec.method, args: spec.args(docs, batch.group) },
				{ write: true },
			);
			const read = spec.outcomes(docs, response);
			toSend.forEach(({ key }, at) =>
				settle(
					key,
					read[at] ?? unknownOutcome(key, "WDT's reply, as read, gives no outcome for it"),
				),
			);
		} catch (error) {
			if (!(error instanceof WdtError)) throw toNodeError(ctx.getNode(), error);
			const keys = unsettled(batch.docs);
			failedCallOutcomes(error, keys, spec.words.done).forEach((outcome, at) =>
				settle(keys[at], outcome),
			);
			// A one-document call that WDT refuses is that document's refusal: the others go on.
			if (!(keys.length === 1 && error.kind === 'business'))
				stopped = `an earlier call failed as a whole (${replyWasLost(error) ? 'its reply was lost' : (error.wdtMessage ?? error.message)})`;
		}
	}
	return outcomes;
}

/** The look-up's outcome, or the WdtError that kept it from answering. */
async function lookUpFirst<Doc>(
	ctx: IExecuteFunctions,
	spec: WriteSpec<Doc>,
	doc: Doc,
): Promise<WriteOutcome | WdtError | undefined> {
	try {
		return await spec.lookUp?.(ctx, doc);
	} catch (error) {
		if (!(error instanceof WdtError)) throw toNodeError(ctx.getNode(), error);
		return error;
	}
}
