/** What goods.Goods.batchPush answers, read as one outcome per goods. */
import {
	describeValue,
	type OrderOutcome,
	orderNumberKey,
	succeededOutcome,
	unknownOutcome,
} from '../../../shared/protocol';

/**
 * goods.Goods.batchPush lists only the goods that failed, as `{no, error}` entries: under
 * data.error_list in the page's reply examples, as `data` itself in its reply table; both are
 * read. A goods not listed succeeded only when the list is there and names only goods that were
 * sent; otherwise its outcome is unknown.
 */
export function goodsBatchPushOutcomes(sent: readonly string[], data: unknown): OrderOutcome[] {
	const list = Array.isArray(data) ? data : (data as { error_list?: unknown } | null)?.error_list;
	const sentKeys = new Set(sent.map(orderNumberKey));
	const failures = new Map<string, string>();
	const strangers: string[] = [];
	for (const entry of Array.isArray(list) ? list : []) {
		const { no, error } = (entry ?? {}) as { no?: unknown; error?: unknown };
		const key = typeof no === 'string' || typeof no === 'number' ? orderNumberKey(String(no)) : '';
		if (!sentKeys.has(key)) strangers.push(JSON.stringify(no ?? entry));
		else if (!failures.has(key))
			failures.set(key, typeof error === 'string' && error !== '' ? error : '');
	}
	const unclear = !Array.isArray(list)
		? `WDT's reply has no failure list (data is ${describeValue(data)}; the page shows data.error_list)`
		: strangers.length
			? `WDT's reply lists failures for goods that were not sent (${strangers.slice(0, 3).join(', ')})`
			: undefined;
	return sent.map((goodsNo) => {
		const failure = failures.get(orderNumberKey(goodsNo));
		if (failure === undefined)
			return unclear ? unknownOutcome(goodsNo, unclear) : succeededOutcome(goodsNo);
		return {
			order_no: goodsNo,
			success: false,
			outcome: 'failed',
			error: failure || 'WDT reported a failure without a message',
			error_code: null,
		};
	});
}
