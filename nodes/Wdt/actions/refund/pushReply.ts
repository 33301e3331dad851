/** What aftersales.refund.RawRefund.upload2 answers, read as one outcome per refund. */
import {
	countOf,
	type OrderOutcome,
	succeededOutcome,
	unknownOutcome,
} from '../../../shared/protocol';
import { readErrorListReply } from '../write';

/**
 * upload2 answers `data: {new_count, chg_count, error_list: [{no, error}]}`, `no` being the
 * refund_no of a refused entry (readErrorListReply). A refund listed in error_list failed; listed
 * fewer times than it has lines, the error says so: the page does not say whether the list has one
 * entry per refused line or per refused refund, and names no line, so whether the other lines
 * went in is not known. Whether the counts count refunds or entries is open too (its example
 * answers new_count 2, chg_count 1 to one entry).
 */
export function rawRefundPushOutcomes(
	sent: ReadonlyArray<{ refundNo: string; lines: number }>,
	data: unknown,
): OrderOutcome[] {
	const { failures, unclear } = readErrorListReply(
		sent.map(({ refundNo }) => ({ key: refundNo })),
		data,
		{ one: 'refund', many: 'refunds' },
	);
	return sent.map(({ refundNo, lines }): OrderOutcome => {
		const messages = failures.get(refundNo);
		if (!messages) return unclear ? unknownOutcome(refundNo, unclear) : succeededOutcome(refundNo);
		const listed = Math.min(messages.length, lines);
		const partly =
			listed < lines
				? ` (WDT's error list names this refund ${countOf(listed, 'time', 'times')} for its ${lines} lines and no line, so whether the other lines went in is not known)`
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
