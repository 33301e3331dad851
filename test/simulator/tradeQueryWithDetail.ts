/**
 * sales.TradeQuery.queryWithDetail (订单查询), from its page in the vendor docs: by modified-time
 * window of at most 60 minutes (start_time/end_time, needed unless trade_no, src_tid or
 * logistics_no is given), filters `src_tid` (as `replies.srcTidMatch` says, srcTidMatch.ts), `status` (codes separated by a comma, either width), `shop_no`
 * and `warehouse_no`, paged from page 0, records in `data.order`, the total in
 * `data.total_count`. Rows carry only documented fields the store holds (not trade_time).
 *
 * Orders added with `addTrade` (they change status and carry replication lag, for the
 * trigger) are answered here; while there are none, the generic catalog handler answers from
 * `records(method)` (generic.ts), as the Sales Order operations' tests fill it.
 *
 * methods.ts registers this method and this file uses its WdtError: load the simulator (or
 * methods.ts) before importing this file directly.
 */
import { formatCst, parseCst } from './cst';
import { genericMethodSpec } from './generic';
import { pagedData, WdtError, type MethodSpec } from './methods';
import { srcTidSelects } from './srcTidMatch';
import type { TradeRecord } from './store';

/** Longest time window of sales.TradeQuery.queryWithDetail. */
export const TRADE_QUERY_MAX_WINDOW_MS = 60 * 60 * 1000;

function tradeRow(record: TradeRecord): Record<string, unknown> {
	return {
		trade_id: record.tradeId,
		trade_no: record.tradeNo,
		src_tids: record.srcTids,
		shop_no: record.shopNo,
		warehouse_no: record.warehouseNo,
		trade_status: record.status,
		cs_remark: record.remark,
		modified: formatCst(record.modifiedMs),
		// Milliseconds as the page's example sends it (the table says String): replies.timeForm.
		created: record.createdMs,
		detail_list: [],
	};
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

const TRADE_QUERY_METHOD = 'sales.TradeQuery.queryWithDetail';

export const tradeQueryWithDetail: MethodSpec = {
	name: TRADE_QUERY_METHOD,
	paged: true,
	write: false,
	argCount: 1,
	run(call) {
		const { store, args, pager, nowMs } = call;
		if (store.trades.size === 0) return genericMethodSpec(TRADE_QUERY_METHOD)!.run(call);
		const params = args[0];
		if (typeof params !== 'object' || params === null || Array.isArray(params))
			throw new WdtError(1, 'argument type mismatch');
		const query = params as Record<string, unknown>;
		const byNumber = ['trade_no', 'src_tid', 'logistics_no'].some((field) => present(query[field]));
		let window: { startMs: number; endMs: number } | undefined;
		if (!byNumber || present(query.start_time) || present(query.end_time)) {
			const startMs = typeof query.start_time === 'string' ? parseCst(query.start_time) : undefined;
			const endMs = typeof query.end_time === 'string' ? parseCst(query.end_time) : undefined;
			if (startMs === undefined || endMs === undefined)
				throw new WdtError(100, '参数中必须包含起止时间');
			if (endMs < startMs) throw new WdtError(100, '开始时间不能大于结束时间');
			if (endMs - startMs > TRADE_QUERY_MAX_WINDOW_MS)
				throw new WdtError(100, '起止时间差最大60分钟');
			window = { startMs, endMs };
		}
		const statuses = present(query.status)
			? String(query.status)
					.split(/[,，]/)
					.map((code) => Number(code.trim()))
			: undefined;
		// In modified order (then trade_id), the window's orders only: no scan of all orders.
		const matches = store.tradesModifiedIn(window?.startMs, window?.endMs).filter((record) => {
			if (!store.isStockoutVisible(record, nowMs)) return false;
			if (present(query.trade_no) && record.tradeNo !== String(query.trade_no)) return false;
			if (present(query.src_tid) && !srcTidSelects(store.replies, record.srcTids.split(','), query))
				return false;
			if (present(query.shop_no) && record.shopNo !== String(query.shop_no)) return false;
			if (present(query.warehouse_no) && record.warehouseNo !== String(query.warehouse_no))
				return false;
			return !statuses || statuses.includes(record.status);
		});
		return { status: 0, data: pagedData({ store, pager }, 'order', matches, tradeRow) };
	},
};
