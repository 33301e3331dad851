/**
 * wms.stockout.Sales.queryWithDetail (销售出库单查询), from its page in the vendor docs: by
 * `stockout_no` (no time range needed) or by modified-time window of at most 60 minutes, paged
 * from page 0, records in `data.order`, the total in `data.total_count`. Rows carry only
 * documented fields, filled from the store's stockout records; fields the store does not hold
 * (lines, amounts, people) are left out rather than invented.
 *
 * The page says orders of Taobao, Pinduoduo and 系统供销 platforms are not returned. The store
 * does not know platforms, so a test names the shops whose stockouts this method hides with
 * `hideStockoutDetailsOfShops`.
 *
 * Records a test put in `records(method)` (generic.ts: every documented field, lines included)
 * are answered by the generic catalog handler instead, while the store holds no stockouts.
 *
 * methods.ts registers this method and this file uses its WdtError: load the simulator (or
 * methods.ts) before importing this file directly.
 */
import { formatCst, parseCst } from './cst';
import { genericMethodSpec, methodRecords } from './generic';
import { pagedData, WdtError, type MethodSpec } from './methods';
import {
	STOCKOUT_STATUS,
	WAREHOUSE_NAMES,
	type SimulatorStore,
	type StockoutRecord,
} from './store';

/** Longest time window of wms.stockout.Sales.queryWithDetail. */
export const QUERY_WITH_DETAIL_MAX_WINDOW_MS = 60 * 60 * 1000;

const hiddenShops = new WeakMap<SimulatorStore, Set<string>>();

/** Stockouts of these shops are not returned, as for Taobao, Pinduoduo and 系统供销 orders. */
export function hideStockoutDetailsOfShops(store: SimulatorStore, shopNos: string[]): void {
	hiddenShops.set(store, new Set(shopNos));
}

/**
 * consign_time, "订单未发货不返回该字段": a completed stockout's, and a Delayed Shipment (90) one's
 * only under the reading that it has shipped (`replies.status90`).
 */
function consignMsOf(store: SimulatorStore, record: StockoutRecord): number | undefined {
	if (record.status === STOCKOUT_STATUS.done) return record.consignMs;
	if (record.status === STOCKOUT_STATUS.delayedShipping && store.replies.status90 === 'shipped')
		return record.consignMs;
	return undefined;
}

/**
 * Whether a stockout is in the page's status_type group. 1 (the default, "已取消"): status 10 and
 * below ("小于该值的都是已取消的单子"); 2: 待分配 (60) ~ 延时发货 (90); 0: 延时发货 & 已完成 (a window
 * reads consign times, so one without consign_time is outside every window); 3: the `status` list (every status without one).
 */
function inStatusGroup(
	store: SimulatorStore,
	record: StockoutRecord,
	statusType: number | undefined,
	statuses: number[] | undefined,
): boolean {
	switch (statusType) {
		case undefined:
			return store.replies.stockoutNoStatusType === 'all' || record.status <= 10;
		case 1:
			return record.status <= 10;
		case 2:
			return record.status >= 60 && record.status <= 90;
		case 0:
			return (
				record.status === STOCKOUT_STATUS.delayedShipping || record.status === STOCKOUT_STATUS.done
			);
		default:
			return !statuses || statuses.includes(record.status);
	}
}

function detailRow(store: SimulatorStore, record: StockoutRecord): Record<string, unknown> {
	const consignMs = consignMsOf(store, record);
	return {
		stockout_id: record.stockoutId,
		order_no: record.stockoutNo,
		src_order_no: record.srcOrderNo,
		trade_no: record.srcOrderNo,
		src_trade_no: record.srcTid,
		warehouse_no: record.warehouseNo,
		warehouse_name: WAREHOUSE_NAMES[record.warehouseNo] ?? record.warehouseNo,
		shop_no: record.shopNo,
		logistics_no: record.logisticsNo,
		receiver_name: record.receiverName,
		receiver_area: record.receiverArea,
		remark: record.remark,
		status: record.status,
		...(consignMs !== undefined ? { consign_time: formatCst(consignMs) } : {}),
		modified: formatCst(record.modifiedMs),
		created_date: formatCst(record.createdMs),
		// Milliseconds as the page's example sends it (the table says String): replies.timeForm.
		created: record.createdMs,
		logistics_list: record.logisticsNo
			? [{ stockout_id: record.stockoutId, logistics_no: record.logisticsNo }]
			: [],
		details_list: [],
	};
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

const STOCKOUT_QUERY_METHOD = 'wms.stockout.Sales.queryWithDetail';

export const stockoutQueryWithDetail: MethodSpec = {
	name: STOCKOUT_QUERY_METHOD,
	paged: true,
	write: false,
	argCount: 1,
	run(call) {
		const { store, args, pager, nowMs } = call;
		if (store.stockouts.size === 0 && methodRecords(store, STOCKOUT_QUERY_METHOD).size > 0)
			return genericMethodSpec(STOCKOUT_QUERY_METHOD)!.run(call);
		const params = args[0];
		if (typeof params !== 'object' || params === null || Array.isArray(params))
			throw new WdtError(1, 'argument type mismatch');
		const query = params as Record<string, unknown>;
		const byNumber = ['stockout_no', 'src_order_no', 'logistics_no'].find((field) =>
			present(query[field]),
		);
		let window: { startMs: number; endMs: number } | undefined;
		if (!byNumber || present(query.start_time) || present(query.end_time)) {
			const startMs = typeof query.start_time === 'string' ? parseCst(query.start_time) : undefined;
			const endMs = typeof query.end_time === 'string' ? parseCst(query.end_time) : undefined;
			if (startMs === undefined || endMs === undefined)
				throw new WdtError(100, '参数中必须包含起止时间');
			if (endMs < startMs) throw new WdtError(100, '开始时间不能大于结束时间');
			if (endMs - startMs > QUERY_WITH_DETAIL_MAX_WINDOW_MS)
				throw new WdtError(100, '起止时间差最大60分钟');
			window = { startMs, endMs };
		}
		const hidden = hiddenShops.get(store) ?? new Set<string>();
		const statuses = present(query.status)
			? String(query.status)
					.split(/[,，]/)
					.map((code) => Number(code.trim()))
			: undefined;
		const matches = [...store.stockouts.values()]
			.filter((record) => {
				if (hidden.has(record.shopNo) || !store.isStockoutVisible(record, nowMs)) return false;
				if (present(query.stockout_no) && record.stockoutNo !== String(query.stockout_no))
					return false;
				if (present(query.src_order_no) && record.srcOrderNo !== String(query.src_order_no))
					return false;
				if (present(query.logistics_no) && record.logisticsNo !== String(query.logistics_no))
					return false;
				if (present(query.warehouse_no) && record.warehouseNo !== String(query.warehouse_no))
					return false;
				if (present(query.shop_nos) && !String(query.shop_nos).split(',').includes(record.shopNo))
					return false;
				const statusType = present(query.status_type) ? Number(query.status_type) : undefined;
				if (!inStatusGroup(store, record, statusType, statuses)) return false;
				if (!window) return true;
				// status_type 0, and 3 without a status list, read the window as consign times.
				const byConsign = statusType === 0 || (statusType === 3 && !statuses);
				const windowMs = byConsign ? consignMsOf(store, record) : record.modifiedMs;
				if (windowMs === undefined) return false;
				return store.inWindow(windowMs, window.startMs, window.endMs);
			})
			.sort((a, b) => a.modifiedMs - b.modifiedMs || a.stockoutId - b.stockoutId);
		return {
			status: 0,
			data: pagedData({ store, pager }, 'order', matches, (record) => detailRow(store, record)),
		};
	},
};
