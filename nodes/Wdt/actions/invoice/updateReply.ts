/** What finance.invoice.InvoiceOrder.updateInvoice answers, read as one outcome per invoice. */
import {
	describeKind,
	describeValue,
	type OrderOutcome,
	orderNumberKey,
	succeededOutcome,
	WdtError,
	type WdtResponse,
} from '../../../shared/protocol';

/**
 * The page's reply is `{status: 0, error_info: {<invoice_order_no>: <message>}}` beside the
 * status, with no data (both its examples): a number in error_info failed with that message, a
 * number absent from it was updated. A reply without an error_info object says neither, so the
 * outcome of every invoice of the call is unknown.
 */
export function invoiceUpdateOutcomes(
	sent: readonly string[],
	response: WdtResponse,
): OrderOutcome[] {
	const errors = response.error_info;
	if (errors === null || typeof errors !== 'object' || Array.isArray(errors))
		throw new WdtError(
			`WDT finance.invoice.InvoiceOrder.updateInvoice answered without error_info (it is ${describeValue(errors)}), so it is not known which invoices were updated`,
			describeKind('badResponse'),
		);
	const failed = new Map<string, string>();
	for (const [number, message] of Object.entries(errors as Record<string, unknown>))
		failed.set(
			orderNumberKey(number),
			typeof message === 'string' ? message : JSON.stringify(message),
		);
	return sent.map((number) => {
		const message = failed.get(orderNumberKey(number));
		if (message === undefined) return succeededOutcome(number);
		return {
			order_no: number,
			success: false,
			outcome: 'failed',
			error: message || 'WDT reported a failure without a message',
			error_code: null,
		};
	});
}
