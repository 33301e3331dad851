/**
 * Stock sync for self-owned platforms (sales.StockSync.*), the loop the vendor designed:
 * getSelfWaitSyncIdListOpen (what waits) → calcStock / batchCalcStock (the quantity to publish)
 * → syncSuccess / syncFail (report back), and cancelSync.
 *
 * A platform goods is one record of calcStock's documented fields (the generic store of
 * `sales.StockSync.calcStock`); beside it the simulator keeps whether it waits to sync and its
 * place in the pending list (`pendingSeq`, the page's position: "list中对应最后一条的
 * disable_syn_until"). A stock move of the SKU it is matched to (match_code = spec_no) raises
 * its stock_change_count and puts it back on the list with a new position.
 *
 * syn_stock = floor(stock of the warehouses in stock_syn_warehouses (ids) × stock_syn_percent
 * / 100) + stock_syn_plus, at most stock_syn_max when that is above 0, never below 0.
 *
 * Readings (store.ts ReplyChoices): `stockSyncCount` (count outside 10–5000), `stockSyncEmptyPosition`
 * (position when nothing waits), `stockSyncReportInfo` (the report's required info fields),
 * `stockSyncStaleReport` (a report with an older stock_change_count), `stockSyncFailure`
 * (what syncFail does to the list), `batchCalcErrors` (the success list of the page's
 * 异常响应示例 holds an empty `{}` per failure).
 */
import { formatCst } from './cst';
import {
	boolArg,
	flowState,
	isObject,
	methodSpec,
	numberArg,
	objectArg,
	typeMismatch,
	warehouseById,
	type Fields,
} from './flows';
import { methodRecords } from './generic';
import { masterDataOf } from './masterData';
import { WdtError, type MethodCall, type WdtReply } from './methods';
import { stockOf } from './stockMoves';
import type { SimulatorStore } from './store';

export const PLATFORM_GOODS = 'sales.StockSync.calcStock';
/** The page's limits of `count`: "一次的记录数最小值10, 最大值5000". */
export const SYNC_COUNT_MIN = 10;
export const SYNC_COUNT_MAX = 5000;

/** The info fields the report pages' tables mark required (the request examples send the first 12). */
export const SYNC_REPORT_EXAMPLE_FIELDS = [
	'stock_syn_min',
	'stock_syn_rule_id',
	'stock_syn_mask',
	'stock_syn_warehouses',
	'stock_syn_max',
	'stock_syn_percent',
	'is_auto_delisting',
	'stock_syn_plus',
	'is_auto_listing',
	'stock_syn_rule_no',
	'syn_stock',
	'stock_change_count',
];
export const SYNC_REPORT_TABLE_FIELDS = [
	...SYNC_REPORT_EXAMPLE_FIELDS,
	'stock_syn_other',
	'is_syn_success',
	'is_manual',
	'syn_result',
];

const platformGoods = (store: SimulatorStore) => methodRecords(store, PLATFORM_GOODS);
const byRecId = (recId: number) => (record: Fields) => record.rec_id === recId;

/** Puts a platform goods (back) at the end of the pending list. */
function queue(store: SimulatorStore, recId: number): void {
	const state = flowState(store);
	const sync = state.syncState.get(recId) ?? { syncEnabled: true };
	sync.pendingSeq = ++state.syncSeq;
	state.syncState.set(recId, sync);
}

/**
 * Adds a platform goods of the self-owned platform (calcStock's fields; `rec_id`, `shop_id`,
 * `goods_id`, `spec_id` and `match_code`, the SKU, at least); `pending` puts it on the list.
 * `syncEnabled: false` is a goods whose sync is off (calc refuses it without force_sync).
 */
export function addPlatformGoods(
	store: SimulatorStore,
	fields: Fields,
	options: { pending?: boolean; syncEnabled?: boolean; modifiedMs?: number } = {},
): Fields {
	const record = platformGoods(store).add(
		{
			platform_id: 127,
			match_target_type: 1,
			stock_syn_percent: 100,
			stock_syn_rule_id: -10000,
			status: 1,
			last_syn_num: -1,
			...fields,
		},
		{ modifiedMs: options.modifiedMs ?? store.clock.now() },
	);
	const recId = Number(record.rec_id);
	flowState(store).syncState.set(recId, { syncEnabled: options.syncEnabled ?? true });
	if (options.pending) queue(store, recId);
	return record;
}

/** Whether a platform goods waits to sync. */
export function isSyncPending(store: SimulatorStore, recId: number): boolean {
	return flowState(store).syncState.get(recId)?.pendingSeq !== undefined;
}

/** A stock move of `specNo` in `warehouseNo`: goods synced from it wait again (stockMoves.ts). */
export function markSpecChanged(store: SimulatorStore, specNo: string, warehouseNo: string): void {
	const goods = platformGoods(store);
	for (const record of goods.select(store, {}, undefined, Number.MAX_SAFE_INTEGER)) {
		if (record.match_code !== specNo || !fromWarehouses(store, record).includes(warehouseNo))
			continue;
		const recId = Number(record.rec_id);
		goods.modify(
			byRecId(recId),
			{ stock_change_count: Number(record.stock_change_count) + 1 },
			{ modifiedMs: store.clock.now() },
		);
		queue(store, recId);
	}
}

/** The warehouses (numbers) a platform goods syncs from: all of them when the list is empty. */
function fromWarehouses(store: SimulatorStore, record: Fields): string[] {
	const ids = String(record.stock_syn_warehouses ?? '')
		.split(',')
		.map((id) => Number(id.trim()))
		.filter((id) => id > 0);
	const list = ids.map((id) => warehouseById(store, id)?.warehouseNo).filter(Boolean);
	if (ids.length) return list as string[];
	return masterDataOf(store)
		.warehouses.filter((warehouse) => !warehouse.deleted)
		.map((warehouse) => warehouse.warehouseNo);
}

/** The calc reply for one platform goods, or the refusal message. */
function calculate(store: SimulatorStore, recId: number, force: boolean): Fields | string {
	const record = platformGoods(store).find(byRecId(recId));
	if (!record) return `平台货品不存在:${recId}`;
	const sync = flowState(store).syncState.get(recId);
	if (!force && (Number(record.status) === 0 || sync?.syncEnabled === false))
		// The calc page's 异常响应示例.
		return `货品id:${String(record.goods_id)}规格Id:${String(record.spec_id)} 已停用或者未开启同步`;
	const available = fromWarehouses(store, record).reduce(
		(sum, warehouseNo) => sum + stockOf(store, warehouseNo, String(record.match_code)),
		0,
	);
	let synStock =
		Math.floor((available * Number(record.stock_syn_percent)) / 100) +
		Number(record.stock_syn_plus ?? 0);
	const max = Number(record.stock_syn_max ?? 0);
	if (max > 0) synStock = Math.min(synStock, max);
	return { ...record, syn_stock: Math.max(0, synStock) };
}

const idArg = (value: unknown): number => {
	const id = numberArg(value);
	if (id === undefined || !Number.isInteger(id)) throw typeMismatch();
	return id;
};

export const getSelfWaitSyncIdListOpen = methodSpec(
	'sales.StockSync.getSelfWaitSyncIdListOpen',
	{ argCount: 2 },
	({ store, args }) => {
		let count = idArg(args[0]);
		const position = idArg(args[1]);
		if (count < SYNC_COUNT_MIN || count > SYNC_COUNT_MAX) {
			if (store.replies.stockSyncCount === 'refused')
				throw new WdtError(100, `count超出范围(${SYNC_COUNT_MIN}-${SYNC_COUNT_MAX})`);
			count = Math.min(SYNC_COUNT_MAX, Math.max(SYNC_COUNT_MIN, count));
		}
		const waiting = [...flowState(store).syncState.entries()]
			.filter(([, sync]) => sync.pendingSeq !== undefined && sync.pendingSeq > position)
			.sort(([, a], [, b]) => a.pendingSeq! - b.pendingSeq!)
			.slice(0, count);
		if (waiting.length === 0)
			return store.replies.stockSyncEmptyPosition === 'omitted'
				? { status: 0, data: { id_list: [] } }
				: { status: 0, data: { id_list: [], position } };
		return {
			status: 0,
			data: {
				id_list: waiting.map(([recId]) => recId),
				position: waiting[waiting.length - 1][1].pendingSeq,
			},
		};
	},
);

export const calcStock = methodSpec(
	'sales.StockSync.calcStock',
	{ argCount: 2 },
	({ store, args }) => {
		const result = calculate(store, idArg(args[0]), boolArg(args[1]) ?? false);
		if (typeof result === 'string') throw new WdtError(100, result);
		return { status: 0, data: result };
	},
);

export const batchCalcStock = methodSpec(
	'sales.StockSync.batchCalcStock',
	{ argCount: 1 },
	({ store, args }) => {
		if (!Array.isArray(args[0])) throw typeMismatch();
		const success: Fields[] = [];
		const errors: Fields[] = [];
		for (const entry of args[0]) {
			const params = objectArg(entry);
			const recId = idArg(params.api_goods_id);
			const result = calculate(store, recId, boolArg(params.force_sync) ?? false);
			if (typeof result === 'string') {
				errors.push({ rec_id: recId, err_msg: result });
				if (store.replies.batchCalcErrors === 'emptySuccess') success.push({});
			} else success.push(result);
		}
		return { status: 0, data: { success_date: success, error_date: errors } };
	},
);

/** syncSuccess / syncFail: `info` checked per `replies.stockSyncReportInfo`. */
function report(outcome: 'success' | 'fail') {
	return ({ store, args, nowMs }: MethodCall): WdtReply => {
		const recId = idArg(args[0]);
		if (!isObject(args[1])) throw typeMismatch();
		const info = args[1];
		const required =
			store.replies.stockSyncReportInfo === 'table'
				? SYNC_REPORT_TABLE_FIELDS
				: SYNC_REPORT_EXAMPLE_FIELDS;
		const missing = required.find((field) => info[field] === undefined || info[field] === null);
		if (missing) throw new WdtError(100, `${missing}不能为空`);
		const goods = platformGoods(store);
		const record = goods.find(byRecId(recId));
		if (!record) throw new WdtError(100, `平台货品不存在:${recId}`);
		const sync = flowState(store).syncState.get(recId) ?? { syncEnabled: true };
		const current = Number(record.stock_change_count);
		const stale =
			Number(info.stock_change_count) < current &&
			store.replies.stockSyncStaleReport === 'keepsPending';
		if (outcome === 'success') {
			goods.modify(
				byRecId(recId),
				{ last_syn_num: Number(info.syn_stock), last_syn_time: formatCst(nowMs) },
				{ modifiedMs: nowMs },
			);
			// Stock changed since the calculation: the goods waits on (with its newer position).
			if (!stale) sync.pendingSeq = undefined;
		} else if (!stale) {
			if (store.replies.stockSyncFailure === 'retry') sync.pendingSeq = ++flowState(store).syncSeq;
			else sync.pendingSeq = undefined;
		}
		flowState(store).syncState.set(recId, sync);
		return { status: 0 };
	};
}

export const syncSuccess = methodSpec(
	'sales.StockSync.syncSuccess',
	{ write: true, argCount: 2 },
	report('success'),
);
export const syncFail = methodSpec(
	'sales.StockSync.syncFail',
	{ write: true, argCount: 2 },
	report('fail'),
);

export const cancelSync = methodSpec(
	'sales.StockSync.cancelSync',
	{ write: true, argCount: 2 },
	({ store, args }) => {
		const recId = idArg(args[0]);
		idArg(args[1]);
		const sync = flowState(store).syncState.get(recId);
		// The page's 异常响应示例; it does not say when, so: nothing of that id waits.
		if (!sync || sync.pendingSeq === undefined) throw new WdtError(100, '取消失败');
		sync.pendingSeq = undefined;
		return { status: 0 };
	},
);

export const STOCK_SYNC_METHODS = [
	getSelfWaitSyncIdListOpen,
	calcStock,
	batchCalcStock,
	syncSuccess,
	syncFail,
	cancelSync,
];
