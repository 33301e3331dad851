/**
 * Stock and its movements: wms.StockSpec.queryChangeHistory (库存变化查询).
 *
 * Every stock change of the stock-flow methods (a purchase or refund received, a transfer out or
 * in, a stocktake completed) goes through `moveStock`: the warehouse's stock of the SKU changes,
 * a movement row is recorded for queryChangeHistory (created = the time of the change, the time
 * its window selects by: "开始时间(最后更新时间)"), the SKU's wms.StockSpec.search2 record (when
 * there is one) takes the new stock, and platform goods synced from that SKU wait to sync again.
 *
 * The page states the window twice: "start_date和end_date最大跨度为30天" (1.4) and, under 1.5,
 * 30 days with a SKU code and 60 minutes without one (its error example: 您的查询时间过宽,不传
 * 商家编码,查询时间不能大于1小时). `replies.changeHistoryWindow` serves 'bySku' (default) or
 * 'hour' (60 minutes whatever is passed). `spec_no` is one 商家编码: `replies.changeHistorySpecNo`
 * 'one' (exact, default) or 'list' (a comma-separated list selects each).
 */
import {
	flowState,
	methodSpec,
	MISSING_WINDOW,
	objectArg,
	queryWindow,
	text,
	THIRTY_DAYS_MS,
	TOO_WIDE_30_DAYS,
	boolArg,
	type Fields,
} from './flows';
import { answerFromRecords, methodRecords } from './generic';
import { markSpecChanged } from './stockSync';
import { WAREHOUSE_NAMES, type SimulatorStore } from './store';

export const CHANGE_HISTORY = 'wms.StockSpec.queryChangeHistory';
const STOCK = 'wms.StockSpec.search2';
const HOUR_MS = 3600 * 1000;

/** The page's 异常响应示例 for more than an hour without a SKU code. */
export const CHANGE_HISTORY_HOUR_MESSAGE = '您的查询时间过宽,不传商家编码,查询时间不能大于1小时';

/** src_order_type codes of the page used by the simulator's flows. */
export const SRC_ORDER_TYPE = {
	transfer: 2,
	stocktake: 4,
	purchaseIn: 10,
	refundIn: 12,
} as const;

const ledgerKey = (warehouseNo: string, specNo: string, defect: boolean) =>
	`${warehouseNo}\u0000${specNo}\u0000${defect ? 1 : 0}`;

/** The stock of a SKU in a warehouse (the search2 record's stock_num until a move changes it). */
export function stockOf(
	store: SimulatorStore,
	warehouseNo: string,
	specNo: string,
	defect = false,
): number {
	const ledger = flowState(store).ledger;
	const key = ledgerKey(warehouseNo, specNo, defect);
	if (!ledger.has(key)) {
		const record = defect
			? undefined
			: methodRecords(store, STOCK).find(
					(row) => row.warehouse_no === warehouseNo && row.spec_no === specNo,
				);
		ledger.set(key, Number(record?.stock_num ?? 0));
	}
	return ledger.get(key)!;
}

export interface StockMove {
	warehouseNo: string;
	specNo: string;
	/** Signed: + in, − out. */
	delta: number;
	srcOrderType: number;
	srcOrderNo: string;
	/** The stock-in/out document number. */
	stockioNo: string;
	atMs: number;
	operatorName?: string;
	remark?: string;
	defect?: boolean;
}

/** Changes stock and records the movement (see the file comment); returns the movement row. */
export function moveStock(store: SimulatorStore, move: StockMove): Fields {
	const defect = move.defect ?? false;
	const before = stockOf(store, move.warehouseNo, move.specNo, defect);
	const after = before + move.delta;
	flowState(store).ledger.set(ledgerKey(move.warehouseNo, move.specNo, defect), after);
	const row = methodRecords(store, CHANGE_HISTORY).add(
		{
			src_order_type: move.srcOrderType,
			type: move.delta >= 0 ? 1 : 2,
			warehouse_name: WAREHOUSE_NAMES[move.warehouseNo] ?? move.warehouseNo,
			warehouse_no: move.warehouseNo,
			spec_no: move.specNo,
			stock_num_old: before,
			num: Math.abs(move.delta),
			stock_num_new: after,
			stockio_no: move.stockioNo,
			src_order_no: move.srcOrderNo,
			operator_name: move.operatorName ?? '系统',
			remark: move.remark ?? '',
			defect,
		},
		{ modifiedMs: move.atMs },
	);
	if (!defect) {
		const stock = methodRecords(store, STOCK);
		const isRow = (record: Fields) =>
			record.warehouse_no === move.warehouseNo && record.spec_no === move.specNo;
		if (stock.count(isRow) === 1)
			stock.modify(isRow, { stock_num: after }, { modifiedMs: move.atMs });
		markSpecChanged(store, move.specNo, move.warehouseNo);
	}
	return row;
}

export const queryChangeHistory = methodSpec(
	CHANGE_HISTORY,
	{ paged: true, argCount: 1 },
	(call) => {
		const params = objectArg(call.args[0]);
		const specNo = text(params.spec_no);
		const byHour = specNo === '' || call.store.replies.changeHistoryWindow === 'hour';
		queryWindow(params, ['start_date', 'end_date'], {
			missingMessage: MISSING_WINDOW,
			maxMs: byHour ? HOUR_MS : THIRTY_DAYS_MS,
			tooWideMessage: byHour
				? specNo === ''
					? CHANGE_HISTORY_HOUR_MESSAGE
					: '您的查询时间过宽,查询时间不能大于1小时'
				: TOO_WIDE_30_DAYS,
		});
		const specNos =
			call.store.replies.changeHistorySpecNo === 'list'
				? specNo.split(/[,，]/).map((part) => part.trim())
				: [specNo];
		methodRecords(call.store, CHANGE_HISTORY).filter('spec_no', (record) =>
			specNos.includes(String(record.spec_no)),
		);
		// "默认false只返回正品库存变化": without `defect`, good stock only.
		const defect = boolArg(params.defect) ?? false;
		return answerFromRecords(call, CHANGE_HISTORY, {
			query: { ...params, defect },
			entry: { maxWindowMs: undefined },
		});
	},
);
