/** What purchase.PurchaseOrder.createOrder answers, read as the outcome of one order. */
import type { IDataObject } from 'n8n-workflow';

import { describeKind, WdtError, type WdtResponse } from '../../../shared/protocol';
import { createReplyData, text } from '../write';

const METHOD = 'purchase.PurchaseOrder.createOrder';

/**
 * The create page: `data.status` 0 (操作全部成功) and `data.message` the new number (the table
 * documents the envelope's `message` the same way: the fallback); `data.status` 20 (审核失败): the
 * order was created but its review failed, and `data.message` is the review's error, never a
 * number: the order is the one sent under `requested` (the node always sends a number unless
 * the user lets WDT number it). Any other data.status is a refusal; a reply that says neither
 * leaves the outcome open (badResponse → unknown), never a created order.
 */
export function createdPurchaseOrder(
	response: WdtResponse,
	requested: string | undefined,
): IDataObject {
	const { status, message } = createReplyData(response.data);
	if (status === 20)
		return {
			purchase_no: requested || null,
			review_failed: true,
			wdt_message: message,
		};
	if (typeof status === 'number' && status !== 0)
		throw new WdtError(
			`WDT refused to create it (its reply has data.status ${status}): "${message || '(no message)'}"`,
			{ ...describeKind('business'), status, wdtMessage: message },
		);
	const number = status === 0 ? message || text(response.message) : '';
	if (number === '')
		throw new WdtError(
			`WDT ${METHOD} answered without saying whether the order was created (data is ${JSON.stringify(response.data ?? null).slice(0, 200)}; the documented reply has data.status and data.message)`,
			describeKind('badResponse'),
		);
	return { purchase_no: number };
}
