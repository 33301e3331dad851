/**
 * Order numbers in, one outcome per number out. WDT's batch cancels answer status 0 even
 * when some numbers failed; these functions make every number's fate explicit.
 */

/**
 * What happened to one number. `succeeded` and `failed` only when WDT's reply says so
 * clearly; `unknown` when the reply leaves it open (a lost reply, a failure count that the
 * list does not explain, a shape other than the documented one); `not sent` when the node
 * stopped before sending it.
 */
export type OutcomeKind = 'succeeded' | 'failed' | 'unknown' | 'not sent';

export interface OrderOutcome {
	/** The number as it was sent. */
	order_no: string;
	/** True only when WDT clearly reported this number as done. */
	success: boolean;
	outcome: OutcomeKind;
	/** WDT's own text for a failure; our explanation for an unknown or unsent number. */
	error: string | null;
	error_code: number | null;
	/** WDT's id of the document, from its failure entry (cancelForApi/stopForApi). */
	order_id?: number | string;
	/** The number as WDT wrote it in its reply, when that differs from the one sent. */
	wdt_order_no?: string;
}

/**
 * Accepts what a user can put in a field or an expression: one number, a list separated by
 * commas (also 中文 ，、；), semicolons, spaces or new lines, or an array of those.
 * Returns the trimmed, non-empty numbers, or a description of what is wrong.
 */
export function parseOrderNumbers(value: unknown): { numbers: string[] } | { problem: string } {
	const numbers: string[] = [];
	const visit = (entry: unknown, path: string): string | undefined => {
		if (entry === null || entry === undefined) return undefined;
		if (typeof entry === 'number' && Number.isFinite(entry)) {
			numbers.push(String(entry));
			return undefined;
		}
		if (typeof entry === 'string') {
			for (const part of entry.split(/[,，、;；\s]+/)) if (part !== '') numbers.push(part);
			return undefined;
		}
		if (Array.isArray(entry)) {
			for (let i = 0; i < entry.length; i++) {
				const problem = visit(entry[i], `${path}[${i}]`);
				if (problem) return problem;
			}
			return undefined;
		}
		return `${path} is ${typeof entry === 'object' ? 'an object' : `a ${typeof entry}`}, not an order number`;
	};
	const problem = visit(value, 'the value');
	return problem ? { problem } : { numbers };
}

export function chunk<T>(values: readonly T[], size: number): T[][] {
	if (!(size >= 1)) throw new RangeError('The batch size must be at least 1');
	const chunks: T[][] = [];
	for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
	return chunks;
}

/**
 * The identity WDT gives an order number. WDT looks numbers up in MySQL with a
 * case-insensitive collation, so `poa1` and `POA1` are the same document; its comparison also
 * ignores trailing spaces. We never send spaces (the input is split on them), so surrounding
 * spaces in a reply are trimmed before comparing.
 */
export function orderNumberKey(orderNo: string): string {
	return orderNo.trim().toLowerCase();
}

/** "1 purchase apply", "3 purchase applies". */
export function countOf(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}

const succeeded = (orderNo: string): OrderOutcome => ({
	order_no: orderNo,
	success: true,
	outcome: 'succeeded',
	error: null,
	error_code: null,
});

export const unknownOutcome = (orderNo: string, reason: string): OrderOutcome => ({
	order_no: orderNo,
	success: false,
	outcome: 'unknown',
	error: `Unknown outcome: ${reason}. Check this number in WDT before sending it again`,
	error_code: null,
});

function orderNoOf(entry: unknown): string | undefined {
	const orderNo = (entry as { order_no?: unknown } | null)?.order_no;
	return typeof orderNo === 'string' || typeof orderNo === 'number' ? String(orderNo) : undefined;
}

function describeValue(value: unknown): string {
	if (value === undefined) return 'missing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return `a list of ${value.length}`;
	return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
}

/** WDT's `total`: a whole number ≥ 0 (also as digits), undefined when absent, NaN otherwise. */
function readCount(value: unknown): number | undefined {
	if (value === undefined || value === null) return undefined;
	const count = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
	return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : NaN;
}

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
		if (!failure) return unclear ? unknownOutcome(orderNo, unclear) : succeeded(orderNo);
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

/**
 * wms.stockother.Out.cancelOrder lists both `success_data` (numbers) and `error_data`
 * (`{order_no, err_msg}`). A number in exactly one of them has that outcome. A number in both
 * (the vendor's own reply example shows one) or in neither has an unknown outcome.
 */
export function otherOutOutcomes(sent: readonly string[], data: unknown): OrderOutcome[] {
	const body = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {};
	const { success_data: successList, error_data: errorList } = body as {
		success_data?: unknown;
		error_data?: unknown;
	};
	const done = new Map<string, string>();
	for (const entry of Array.isArray(successList) ? successList : [])
		if (typeof entry === 'string' || typeof entry === 'number')
			done.set(orderNumberKey(String(entry)), String(entry));
	const failed = new Map<string, { orderNo: string; message: string }>();
	for (const entry of Array.isArray(errorList) ? errorList : []) {
		const orderNo = orderNoOf(entry);
		const message = (entry as { err_msg?: unknown }).err_msg;
		if (orderNo !== undefined && !failed.has(orderNumberKey(orderNo)))
			failed.set(orderNumberKey(orderNo), {
				orderNo,
				message: typeof message === 'string' && message !== '' ? message : '',
			});
	}
	const shape =
		Array.isArray(successList) && Array.isArray(errorList)
			? ''
			: ` (success_data is ${describeValue(successList)}, error_data is ${describeValue(errorList)})`;

	return sent.map((orderNo) => {
		const key = orderNumberKey(orderNo);
		const failure = failed.get(key);
		if (failure && done.has(key))
			return unknownOutcome(
				orderNo,
				`WDT's reply lists this number both as cancelled (success_data) and as failed (error_data: ${failure.message || 'no message'})`,
			);
		if (failure) {
			const outcome: OrderOutcome = {
				order_no: orderNo,
				success: false,
				outcome: 'failed',
				error: failure.message || 'WDT reported a failure without a message',
				error_code: null,
			};
			if (failure.orderNo !== orderNo) outcome.wdt_order_no = failure.orderNo;
			return outcome;
		}
		if (done.has(key)) {
			const outcome = succeeded(orderNo);
			if (done.get(key) !== orderNo) outcome.wdt_order_no = done.get(key);
			return outcome;
		}
		return unknownOutcome(
			orderNo,
			`WDT's reply lists this number neither as cancelled (success_data) nor as failed (error_data)${shape}`,
		);
	});
}

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
			return unclear ? unknownOutcome(goodsNo, unclear) : succeeded(goodsNo);
		return {
			order_no: goodsNo,
			success: false,
			outcome: 'failed',
			error: failure || 'WDT reported a failure without a message',
			error_code: null,
		};
	});
}

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
		return unclear ? unknownOutcome(tid, unclear) : succeeded(tid);
	});
	return { outcomes, result };
}

/**
 * sales.LogisticsSync.update answers `data: List<String>`, "如果全部成功则返回空List": the
 * messages name no record. An empty list: every record succeeded. One record sent and any
 * message: it failed. Several records: a message that names exactly one sent sync_id (as a whole
 * number in its text) fails that record; when every message names one, the others succeeded;
 * otherwise the records no message names have an unknown outcome.
 */
export function logisticsSyncUpdateOutcomes(
	sent: readonly string[],
	data: unknown,
): OrderOutcome[] {
	if (!Array.isArray(data) || !data.every((entry) => typeof entry === 'string'))
		return sent.map((syncId) =>
			unknownOutcome(
				syncId,
				`WDT's reply is not the documented list of messages (data is ${describeValue(data)})`,
			),
		);
	const messages = data as string[];
	const failed = (syncId: string, text: string): OrderOutcome => ({
		order_no: syncId,
		success: false,
		outcome: 'failed',
		error: text || 'WDT reported a failure without a message',
		error_code: null,
	});
	if (messages.length === 0) return sent.map(succeeded);
	if (sent.length === 1) return [failed(sent[0], messages.join('; '))];
	const sentIds = new Set(sent);
	const named = new Map<string, string[]>();
	let unexplained = 0;
	for (const message of messages) {
		const ids = [...new Set(message.match(/\d+/g) ?? [])].filter((id) => sentIds.has(id));
		if (ids.length !== 1) {
			unexplained++;
			continue;
		}
		named.set(ids[0], [...(named.get(ids[0]) ?? []), message]);
	}
	return sent.map((syncId) => {
		const own = named.get(syncId);
		if (own) return failed(syncId, own.join('; '));
		return unexplained
			? unknownOutcome(
					syncId,
					`WDT answered ${countOf(unexplained, 'message', 'messages')} naming no single record of this call (${messages
						.slice(0, 3)
						.map((message) => `"${message}"`)
						.join(', ')}), so any record of the call may have failed`,
				)
			: succeeded(syncId);
	});
}
