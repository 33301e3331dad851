/** What aftersales.refund.RawRefund.upload2 answers, read as one outcome per refund. */
import {
	countOf,
	describeValue,
	type OrderOutcome,
	orderNumberKey,
	readCount,
	succeededOutcome,
	unknownOutcome,
} from '../../../shared/protocol';

/**
 * upload2 answers `data: {new_count, chg_count, error_list: [{no, error}]}`, `no` being the
 * refund_no of a refused entry. A refund listed in error_list failed; listed fewer times than it
 * has lines, the error says so: the page does not say whether the list has one entry per refused
 * line or per refused refund, and names no line, so whether the other lines went in is not known. A refund not listed succeeded only when the list is complete (every entry names a
 * refund that was sent) and the counts reach the unlisted refunds: the page does not say whether
 * they count refunds or entries (its example answers new_count 2, chg_count 1 to one entry), so
 * more is accepted and only fewer leaves the unlisted refunds unknown.
 */
export function rawRefundPushOutcomes(
	sent: ReadonlyArray<{ refundNo: string; lines: number }>,
	data: unknown,
): OrderOutcome[] {
	const body = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {};
	const {
		new_count: rawNew,
		chg_count: rawChanged,
		error_list: errorList,
	} = body as Record<string, unknown>;
	const byKey = new Map(sent.map(({ refundNo }) => [orderNumberKey(refundNo), refundNo]));
	const failures = new Map<string, string[]>();
	const strangers: string[] = [];
	for (const entry of Array.isArray(errorList) ? errorList : []) {
		const no = (entry as { no?: unknown } | null)?.no;
		const refundNo =
			typeof no === 'string' || typeof no === 'number'
				? byKey.get(orderNumberKey(String(no)))
				: undefined;
		if (refundNo === undefined) {
			strangers.push(no === undefined ? JSON.stringify(entry) : String(no));
			continue;
		}
		const error = (entry as { error?: unknown }).error;
		const message =
			typeof error === 'string' && error !== ''
				? error
				: 'WDT reported a failure without a message';
		failures.set(refundNo, [...(failures.get(refundNo) ?? []), message]);
	}
	const created = readCount(rawNew);
	const changed = readCount(rawChanged);
	const unlisted = sent.length - failures.size;
	let unclear: string | undefined;
	if (!Array.isArray(errorList))
		unclear = `WDT's reply has no error list (data.error_list is ${describeValue(errorList)})`;
	else if (strangers.length)
		unclear = `WDT's error list names refunds that were not sent (${strangers.slice(0, 3).join(', ')})`;
	else if (created === undefined || changed === undefined || Number.isNaN(created + changed))
		unclear = `WDT's counts are missing or not whole numbers (new_count is ${describeValue(rawNew)}, chg_count is ${describeValue(rawChanged)})`;
	else if (created + changed < unlisted)
		unclear = `WDT's reply leaves ${countOf(unlisted, 'refund', 'refunds')} out of its error list but counts only ${created + changed} created or updated (new_count ${created}, chg_count ${changed})`;

	return sent.map(({ refundNo, lines }): OrderOutcome => {
		const messages = failures.get(refundNo);
		if (!messages) return unclear ? unknownOutcome(refundNo, unclear) : succeededOutcome(refundNo);
		const refused = Math.min(messages.length, lines);
		const partly =
			refused < lines
				? ` (WDT's error list names this refund ${countOf(refused, 'time', 'times')} for its ${lines} lines and no line, so whether the other lines went in is not known)`
				: '';
		return {
			order_no: refundNo,
			success: false,
			outcome: 'failed',
			error: `${[...new Set(messages)].join('; ')}${partly}`,
			error_code: null,
		};
	});
}
