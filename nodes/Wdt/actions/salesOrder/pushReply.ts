/** What sales.RawTrade.pushSelf2 answers, read as one outcome per order. */
import {
	countOf,
	describeValue,
	type OrderOutcome,
	orderNumberKey,
	readCount,
	succeededOutcome,
	unknownOutcome,
} from '../../../shared/protocol';

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
	const body = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {};
	const {
		new_count: rawNew,
		chg_count: rawChanged,
		error_list: errorList,
	} = body as Record<string, unknown>;
	const byKey = new Map<string, string>();
	for (const order of sent) {
		byKey.set(orderNumberKey(order.tid), order.tid);
		for (const oid of order.oids)
			if (!byKey.has(orderNumberKey(oid))) byKey.set(orderNumberKey(oid), order.tid);
	}
	const failures = new Map<string, string[]>();
	const strangers: string[] = [];
	for (const entry of Array.isArray(errorList) ? errorList : []) {
		const no = (entry as { no?: unknown } | null)?.no;
		const tid =
			typeof no === 'string' || typeof no === 'number'
				? byKey.get(orderNumberKey(String(no)))
				: undefined;
		if (tid === undefined) {
			strangers.push(no === undefined ? JSON.stringify(entry) : String(no));
			continue;
		}
		const error = (entry as { error?: unknown }).error;
		const message =
			typeof error === 'string' && error !== ''
				? error
				: 'WDT reported a failure without a message';
		failures.set(tid, [...(failures.get(tid) ?? []), message]);
	}
	const created = readCount(rawNew);
	const changed = readCount(rawChanged);
	const unlisted = sent.length - failures.size;
	let unclear: string | undefined;
	if (!Array.isArray(errorList))
		unclear = `WDT's reply has no error list (data.error_list is ${describeValue(errorList)})`;
	else if (strangers.length)
		unclear = `WDT's error list names orders that were not sent (${strangers.slice(0, 3).join(', ')})`;
	else if (created === undefined || changed === undefined || Number.isNaN(created + changed))
		unclear = `WDT's counts are missing or not whole numbers (new_count is ${describeValue(rawNew)}, chg_count is ${describeValue(rawChanged)})`;
	else if (created + changed < unlisted)
		unclear = `WDT's reply leaves ${countOf(unlisted, 'order', 'orders')} out of its error list but counts only ${created + changed} created or updated (new_count ${created}, chg_count ${changed})`;

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
