/**
 * Invoices (发票):
 * - finance.invoice.InvoiceOrder.search: an invoice number, or both times ("发票编号不填写的情况下
 *   必须填写开始时间和结束时间"), at most 30 days, on the last update (`modified` of the store).
 *   Without mode 1 "默认仅返回线下待开票的数据": `replies.invoiceDefaultMode` 'offlinePending'
 *   (status 45 only, default) or 'offlineOpen' (45 and 85 线下开票失败, the two an update accepts).
 *   `status` applies with mode 1 only ("仅mode=1 时生效").
 * - finance.invoice.InvoiceOrder.updateInvoice: `[[{invoice_order_no, invoice_no, …}]]` →
 *   `{status:0, error_info:{<invoice_order_no>: <message>}}`, `{}` when all went in. Only
 *   invoices in 45 线下待开票 or 85 线下开票失败 take an update ("状态为线下待开票或线下开票失败的
 *   发票单据支持回传"); `status` 60 开票成功 or 85. The table marks invoice_code, status and
 *   file_url required, the request example sends only invoice_order_no and invoice_no:
 *   `replies.invoiceUpdateFields` 'table' (default: a missing one is refused in error_info) or
 *   'example' (only those two needed; the status stays when none is sent).
 */
import { formatCst, parseCst } from './cst';
import {
	isObject,
	methodSpec,
	numberArg,
	objectArg,
	thirtyDayWindow,
	text,
	typeMismatch,
	type Fields,
} from './flows';
import { answerFromRecords, methodRecords } from './generic';
import { WdtError } from './methods';
import type { SimulatorStore } from './store';

export const INVOICES = 'finance.invoice.InvoiceOrder.search';

export const INVOICE_STATUS = {
	offlinePending: 45,
	issued: 60,
	offlineFailed: 85,
} as const;

const UPDATABLE: readonly number[] = [INVOICE_STATUS.offlinePending, INVOICE_STATUS.offlineFailed];

/** Stores an invoice (the search page's fields), last updated at `modifiedMs`. */
export function addInvoice(store: SimulatorStore, fields: Fields, modifiedMs: number): Fields {
	return methodRecords(store, INVOICES).add(
		{ invoice_type: 1, created: formatCst(modifiedMs), ...fields },
		{ modifiedMs },
	);
}

export const searchInvoices = methodSpec(INVOICES, { paged: true, argCount: 1 }, (call) => {
	const params = objectArg(call.args[0]);
	const invoiceNo = text(params.invoice_order_no);
	const window = thirtyDayWindow(params, { optional: invoiceNo !== '' });
	const byCondition = numberArg(params.mode) === 1;
	const defaultStatuses: readonly number[] =
		call.store.replies.invoiceDefaultMode === 'offlineOpen'
			? UPDATABLE
			: [INVOICE_STATUS.offlinePending];
	const query: Fields = { ...params };
	// "仅mode=1 时生效": without mode 1 the status is the offline invoices waiting to be issued.
	if (!byCondition) query.status = defaultStatuses.join(',');
	if (!window) {
		delete query.start_time;
		delete query.end_time;
	}
	return answerFromRecords(call, INVOICES, { query, entry: { maxWindowMs: undefined } });
});

export const updateInvoices = methodSpec(
	'finance.invoice.InvoiceOrder.updateInvoice',
	{ write: true, argCount: 1 },
	({ store, args, nowMs }) => {
		if (!Array.isArray(args[0])) throw typeMismatch();
		const invoices = methodRecords(store, INVOICES);
		const errors: Record<string, string> = {};
		const required =
			store.replies.invoiceUpdateFields === 'table'
				? ['invoice_order_no', 'invoice_no', 'invoice_code', 'status']
				: ['invoice_order_no', 'invoice_no'];
		for (const raw of args[0]) {
			if (!isObject(raw)) throw typeMismatch();
			const number = text(raw.invoice_order_no);
			const missing = required.find((field) => text(raw[field]) === '');
			if (missing) {
				errors[number] = `${missing}不能为空`;
				continue;
			}
			const isInvoice = (record: Fields) => record.invoice_order_no === number;
			const invoice = invoices.find(isInvoice);
			if (!invoice) {
				errors[number] = '发票不存在!'; // the page's 异常响应示例
				continue;
			}
			const status = numberArg(raw.status);
			if (status !== undefined && status !== 60 && status !== 85) {
				errors[number] = '发票状态不正确';
				continue;
			}
			// file_url: required, except with status 85 ("当status传85时，file_url可以不传").
			if (
				store.replies.invoiceUpdateFields === 'table' &&
				status === 60 &&
				text(raw.file_url) === ''
			) {
				errors[number] = 'file_url不能为空';
				continue;
			}
			if (!UPDATABLE.includes(Number(invoice.status))) {
				errors[number] = '发票状态不是线下待开票或线下开票失败';
				continue;
			}
			const invoiceTime = text(raw.invoice_time);
			if (invoiceTime !== '' && parseCst(invoiceTime) === undefined)
				throw new WdtError(100, '日期格式不合法');
			const patch: Fields = { invoice_no: text(raw.invoice_no) };
			for (const field of ['invoice_code', 'file_url', 'error_info'])
				if (raw[field] !== undefined) patch[field] = text(raw[field]);
			if (status !== undefined) patch.status = status;
			if (numberArg(raw.invoice_outer_amount) !== undefined)
				patch.invoice_outer_amount = numberArg(raw.invoice_outer_amount);
			if (status === 60) patch.invoice_time = invoiceTime || formatCst(nowMs);
			invoices.modify(isInvoice, patch, { modifiedMs: nowMs });
		}
		return { status: 0, error_info: errors };
	},
);

export const INVOICE_METHODS = [searchInvoices, updateInvoices];
