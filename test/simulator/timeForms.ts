/**
 * The time fields whose page's table says String (or int) while its own reply example sends
 * another form (unix ms), and the form the simulator sends them in: `replies.timeForm`.
 * 'text' `yyyy-MM-dd HH:mm:ss` CST (default), 'ms' and 'seconds' as numbers, 'msText' and
 * 'secondsText' as numeric strings. Paths are relative to one record of the method's list.
 */
import { formatCst, parseCst } from './cst';

export type TimeForm = 'text' | 'ms' | 'seconds' | 'msText' | 'secondsText';

export const TIME_FORMS: readonly TimeForm[] = ['text', 'ms', 'seconds', 'msText', 'secondsText'];

/** Method → the record fields its page's reply example sends in a non-text form. */
export const TIME_FORM_FIELDS: Readonly<Record<string, readonly string[]>> = {
	'aftersales.refund.Refund.search': ['modified', 'created', 'detail_list.modified'],
	'goods.Goods.queryWithSpec': ['goods_modified', 'spec_list.spec_modified'],
	'wms.StockSpec.search2': ['modified', 'created'],
	'setting.Warehouse.queryWarehouse': ['modified'],
	'purchase.PurchaseOrder.queryWithDetail': ['modified', 'created'],
	'wms.StockSpec.queryChangeHistory': ['created'],
	'wms.stockin.Purchase.queryWithDetail': ['modified', 'created_time', 'check_time'],
};

/** A stored time (CST text, or ms as number or text) → unix ms; undefined when none. */
function instantOf(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value !== 'string') return undefined;
	if (/^\d{12,13}$/.test(value.trim())) return Number(value);
	return parseCst(value);
}

/** One instant in the chosen form. */
export function timeInForm(unixMs: number, form: TimeForm): string | number {
	const seconds = Math.floor(unixMs / 1000);
	switch (form) {
		case 'ms':
			return unixMs;
		case 'seconds':
			return seconds;
		case 'msText':
			return String(unixMs);
		case 'secondsText':
			return String(seconds);
		default:
			return formatCst(unixMs);
	}
}

function convert(record: Record<string, unknown>, path: string[], form: TimeForm): void {
	const [head, ...rest] = path;
	if (!(head in record)) return;
	const value = record[head];
	if (rest.length === 0) {
		const ms = instantOf(value);
		if (ms !== undefined) record[head] = timeInForm(ms, form);
		return;
	}
	if (Array.isArray(value))
		record[head] = value.map((entry) => {
			if (typeof entry !== 'object' || entry === null) return entry;
			const copy = { ...(entry as Record<string, unknown>) };
			convert(copy, rest, form);
			return copy;
		});
}

/** A copy of `record` with the method's contradicted time fields in `form`. */
export function withTimeForm<T extends Record<string, unknown>>(
	method: string,
	record: T,
	form: TimeForm,
): T {
	const paths = TIME_FORM_FIELDS[method];
	if (!paths) return record;
	const copy: Record<string, unknown> = { ...record };
	for (const path of paths) convert(copy, path.split('.'), form);
	return copy as T;
}
