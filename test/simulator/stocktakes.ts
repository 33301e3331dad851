/**
 * Stocktakes (盘点单):
 * - wms.StockPd.queryStockPd: both times required ("开始时间，按照最后修改时间增量查询数据"), no
 *   stated limit; filters warehouse_no, pd_no, status (one code), employee_no (the maker,
 *   creator_no), spec_no / goods_no (stocktakes with such a line).
 * - wms.StockPd.queryStockPdDetail: the lines of `pd_no` (of every stocktake without it: the page
 *   makes pd_no optional and says no more). Its table puts them in data.pd_detail_list, its reply
 *   example makes data the list itself, with `total` beside data:
 *   `replies.stockPdDetailShape` 'list' (the example, default) or 'object' (the table).
 * `addStocktake` (test and demo helper) stores one with its lines; a completed one (status 40)
 * moves the stock by each line's new_num − old_num (src_order_type 4).
 */
import { formatCst } from './cst';
import {
	flowState,
	methodSpec,
	MISSING_WINDOW,
	nextId,
	objectArg,
	queryWindow,
	specIdOf,
	text,
	warehouseOf,
	type Fields,
} from './flows';
import { getCatalogMethod } from '../../nodes/shared/catalog';
import { readDocFixture } from './doc-examples';
import { answerFromRecords, methodRecords, MethodRecords } from './generic';
import { pagedData } from './methods';
import { moveStock, SRC_ORDER_TYPE, stockOf } from './stockMoves';
import { goodsInfo, type SimulatorStore } from './store';

export const STOCKTAKES = 'wms.StockPd.queryStockPd';
export const STOCKTAKE_LINES = 'wms.StockPd.queryStockPdDetail';

export interface StocktakeInput {
	pdNo?: string;
	warehouseNo: string;
	/** 10 已取消, 20 编辑中, 30 待盘点, 31 盘点中, 33 部分盘点, 35 待结算, 40 已完成. */
	status: number;
	mode?: number;
	creatorNo?: string;
	remark?: string;
	atMs: number;
	/** Counted quantities per SKU; old_num is the stock at `atMs`. */
	lines: Array<{ specNo: string; newNum: number; defect?: boolean }>;
}

/**
 * The stocktake lines: records of pd_detail_list's documented fields (the catalog's list path is
 * the reply example's, where data is the list, so the generic store would not find them).
 */
export function stocktakeLines(store: SimulatorStore): MethodRecords {
	const state = flowState(store);
	if (!state.stocktakeLines) {
		const tree = readDocFixture(STOCKTAKE_LINES)?.response.find(
			(field) => field.name === 'pd_detail_list',
		)?.children;
		if (!tree) throw new Error(`simulator: ${STOCKTAKE_LINES} has no documented lines`);
		const tables = Object.fromEntries(
			Object.entries(getCatalogMethod(STOCKTAKE_LINES)?.statusTables ?? {}).map(([path, table]) => [
				path.replace(/^pd_detail_list\./, ''),
				table,
			]),
		);
		state.stocktakeLines = new MethodRecords(STOCKTAKE_LINES, tree, tables);
	}
	return state.stocktakeLines;
}

export function addStocktake(store: SimulatorStore, input: StocktakeInput): Fields {
	const stocktakes = methodRecords(store, STOCKTAKES);
	const recId = nextId(store, 'stocktake', 9650);
	const pdNo =
		input.pdNo ??
		store.nextDocumentNo('PD', input.atMs, (no) => stocktakes.count((pd) => pd.pd_no === no) > 0);
	const at = formatCst(input.atMs);
	const record = stocktakes.add(
		{
			rec_id: recId,
			pd_no: pdNo,
			warehouse_no: input.warehouseNo,
			warehouse_id: warehouseOf(store, input.warehouseNo)?.warehouseId ?? 0,
			mode: input.mode ?? 0,
			status: input.status,
			creator_no: input.creatorNo ?? 'nff',
			operator_no: input.creatorNo ?? 'nff',
			remark: input.remark ?? '',
		},
		{ modifiedMs: input.atMs },
	);
	const lines = stocktakeLines(store);
	for (const line of input.lines) {
		const goods = goodsInfo(line.specNo);
		const oldNum = stockOf(store, input.warehouseNo, line.specNo, line.defect);
		lines.add(
			{
				rec_id: nextId(store, 'stocktakeLine', 37_597),
				pd_id: recId,
				spec_id: specIdOf(line.specNo),
				spec_no: line.specNo,
				spec_name: goods.specName,
				goods_name: goods.goodsName,
				goods_no: goods.goodsNo,
				brand_name: goods.brandName,
				old_num: oldNum,
				new_num: line.newNum,
				position_no: '其它未上架',
				defect: line.defect ? 1 : 0,
				created: at,
				modified: at,
			},
			{ modifiedMs: input.atMs },
		);
		if (input.status === 40 && line.newNum !== oldNum)
			moveStock(store, {
				warehouseNo: input.warehouseNo,
				specNo: line.specNo,
				delta: line.newNum - oldNum,
				srcOrderType: SRC_ORDER_TYPE.stocktake,
				srcOrderNo: pdNo,
				stockioNo: pdNo,
				defect: line.defect,
				atMs: input.atMs,
			});
	}
	return record;
}

const pdIdsWith = (store: SimulatorStore, match: (line: Fields) => boolean) =>
	new Set(
		stocktakeLines(store)
			.select(store, {}, undefined, Number.MAX_SAFE_INTEGER)
			.filter(match)
			.map((line) => line.pd_id),
	);

export const queryStocktakes = methodSpec(STOCKTAKES, { paged: true, argCount: 1 }, (call) => {
	const params = objectArg(call.args[0]);
	queryWindow(params, ['start_time', 'end_time'], { missingMessage: MISSING_WINDOW });
	const { store } = call;
	methodRecords(store, STOCKTAKES)
		.filter('employee_no', (record, value) => record.creator_no === value)
		.filter('spec_no', (record, value) =>
			pdIdsWith(store, (line) => line.spec_no === value).has(record.rec_id),
		)
		.filter('goods_no', (record, value) =>
			pdIdsWith(store, (line) => line.goods_no === value).has(record.rec_id),
		);
	return answerFromRecords(call, STOCKTAKES);
});

export const queryStocktakeLines = methodSpec(
	STOCKTAKE_LINES,
	{ paged: true, argCount: 1 },
	(call) => {
		const params = objectArg(call.args[0]);
		const pdNo = text(params.pd_no);
		const { store } = call;
		const pd = methodRecords(store, STOCKTAKES).find((record) => record.pd_no === pdNo);
		const rows = stocktakeLines(store)
			.select(store, {}, undefined, call.nowMs)
			.filter((line) => pdNo === '' || line.pd_id === pd?.rec_id);
		const { total_count: total, rows: page } = pagedData(call, 'rows', rows, (row) => row);
		const data = store.replies.stockPdDetailShape === 'object' ? { pd_detail_list: page } : page;
		return total === undefined ? { status: 0, data } : { status: 0, total, data };
	},
);

export const STOCKTAKE_METHODS = [queryStocktakes, queryStocktakeLines];
