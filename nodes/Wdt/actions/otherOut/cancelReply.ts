/** What wms.stockother.Out.cancelOrder answers, read as one outcome per number. */
import {
	describeValue,
	type OrderOutcome,
	orderNoOf,
	orderNumberKey,
	succeededOutcome,
	unknownOutcome,
} from '../../../shared/protocol';

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
			const outcome = succeededOutcome(orderNo);
			if (done.get(key) !== orderNo) outcome.wdt_order_no = done.get(key);
			return outcome;
		}
		return unknownOutcome(
			orderNo,
			`WDT's reply lists this number neither as cancelled (success_data) nor as failed (error_data)${shape}`,
		);
	});
}
