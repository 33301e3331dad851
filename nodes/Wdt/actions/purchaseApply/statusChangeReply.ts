/** What purchase.PurchaseApply.cancelForApi / stopForApi answer, read as one outcome per number. */
import {
	countOf,
	describeValue,
	type OrderOutcome,
	orderNoOf,
	orderNumberKey,
	readCount,
	succeededOutcome,
	unknownOutcome,
} from '../../../shared/protocol';

/**
 * purchase.PurchaseApply.cancelForApi / stopForApi list only the failures in `data`, and
 * `total` is their count (the documented success reply is `{status:0, data:[]}`, without
 * `total`). A number not listed succeeded only when the list is complete: it is a list, each
 * entry names a number that was sent, and it agrees with `total` when WDT gives one. Otherwise
 * every number not listed has an unknown outcome.
 */
export function purchaseApplyOutcomes(
	sent: readonly string[],
	reply: { total?: unknown; data?: unknown },
): OrderOutcome[] {
	const sentKeys = new Set(sent.map(orderNumberKey));
	const failures = new Map<string, Record<string, unknown>>();
	const strangers: string[] = [];
	const list = reply.data;
	const total = readCount(reply.total);
	for (const entry of Array.isArray(list) ? list : []) {
		const orderNo = orderNoOf(entry);
		const key = orderNo === undefined ? undefined : orderNumberKey(orderNo);
		if (key === undefined || !sentKeys.has(key)) strangers.push(orderNo ?? JSON.stringify(entry));
		else if (!failures.has(key)) failures.set(key, entry as Record<string, unknown>);
	}

	let unclear: string | undefined;
	if (Number.isNaN(total)) unclear = `WDT's failure count (total) is ${describeValue(reply.total)}`;
	else if (Array.isArray(list)) {
		if (strangers.length)
			unclear = `WDT's reply lists failures for numbers that were not sent (${strangers.slice(0, 3).join(', ')})`;
		else if (total !== undefined && (total !== list.length || total !== failures.size))
			unclear = `WDT's reply counts ${countOf(total, 'failure', 'failures')} (total) but lists ${failures.size === list.length ? list.length : `${countOf(list.length, 'entry', 'entries')} for ${countOf(failures.size, 'number', 'numbers')}`}`;
	} else if (!(total === 0 && (list === undefined || list === null)))
		unclear =
			total === undefined
				? `WDT's reply has no failure list (data is ${describeValue(list)}) and no failure count (total)`
				: `WDT's reply counts ${countOf(total, 'failure', 'failures')} (total) but its failure list (data) is ${describeValue(list)}`;

	return sent.map((orderNo) => {
		const failure = failures.get(orderNumberKey(orderNo));
		if (!failure) return unclear ? unknownOutcome(orderNo, unclear) : succeededOutcome(orderNo);
		const outcome: OrderOutcome = {
			order_no: orderNo,
			success: false,
			outcome: 'failed',
			error:
				typeof failure.error === 'string' && failure.error !== ''
					? failure.error
					: 'WDT reported a failure without a message',
			error_code:
				typeof failure.error_code === 'number' || /^\d+$/.test(String(failure.error_code ?? ''))
					? Number(failure.error_code)
					: null,
		};
		if (typeof failure.order_id === 'number' || typeof failure.order_id === 'string')
			outcome.order_id = failure.order_id;
		if (orderNoOf(failure) !== orderNo) outcome.wdt_order_no = orderNoOf(failure);
		return outcome;
	});
}
