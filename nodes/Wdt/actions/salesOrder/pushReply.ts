/** What sales.RawTrade.pushSelf2 answers, read as one outcome per order. */
import { type OrderOutcome, succeededOutcome, unknownOutcome } from '../../../shared/protocol';
import { readErrorListReply } from '../write';

/** What WDT did with a pushed order that it accepted, as far as its counts tell. */
export type PushResult = 'created' | 'updated' | 'created or updated';

/**
 * sales.RawTrade.pushSelf2 answers `data: {new_count, chg_count, error_list: [{no, error}]}`
 * ("错误信息为空，表示全部创建成功"). An order listed in error_list failed (`no` is matched to
 * the order's tid, or to one of its oids). An order not listed succeeded only when the list is
 * complete (a list whose every entry names an order that was sent) and WDT's counts confirm at
 * least as many created or updated as are left unlisted. The page does not say whether the
 * counts count orders or sub-orders (its example answers chg_count 2 to one order of two
 * lines), so more than the unlisted orders is accepted; fewer leaves them unknown.
 */
export function rawTradePushOutcomes(
	sent: ReadonlyArray<{ tid: string; oids: readonly string[] }>,
	data: unknown,
): { outcomes: OrderOutcome[]; result: PushResult | undefined } {
	const { failures, unclear, created, changed } = readErrorListReply(
		sent.map(({ tid, oids }) => ({ key: tid, aliases: oids })),
		data,
		{ one: 'order', many: 'orders' },
	);
	const result: PushResult | undefined = unclear
		? undefined
		: changed === 0
			? 'created'
			: created === 0
				? 'updated'
				: 'created or updated';
	const outcomes = sent.map(({ tid }): OrderOutcome => {
		const messages = failures.get(tid);
		if (messages)
			return {
				order_no: tid,
				success: false,
				outcome: 'failed',
				error: messages.join('; '),
				error_code: null,
			};
		return unclear ? unknownOutcome(tid, unclear) : succeededOutcome(tid);
	});
	return { outcomes, result };
}
