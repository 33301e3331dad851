/**
 * The WDT methods the simulator knows, with the reply shapes of the vendor's API pages.
 * A handler gets the parsed positional arguments and either returns the reply object or throws
 * WdtError, which the server turns into `{status, message}`.
 */
import { formatCst, parseCst, parseCstDateOrDateTime, toWdtTimestamp } from './cst';
import {
	MAX_PAGE_SIZE,
	OTHER_OUT_STATUS,
	PROVIDER_NAMES,
	PURCHASE_APPLY_STATUS,
	WAREHOUSE_NAMES,
	goodsInfo,
	type PurchaseApplyRecord,
	type SimulatorStore,
	type StockoutRecord,
} from './store';
import type { SellerAccount } from './sellers';
import {
	masterDataOf,
	queryLogistics,
	queryPurchaseProvider,
	queryShop,
	queryWarehouse,
} from './masterData';
import { goodsBatchPush, goodsPush, otherOutPush } from './pushes';
import { stockoutQueryWithDetail } from './stockoutQueryWithDetail';
import { tradeQueryWithDetail } from './tradeQueryWithDetail';
import { methodRecords } from './generic';
import { INVOICE_METHODS } from './invoices';
import { PURCHASE_ORDER_METHODS } from './purchaseOrders';
import { REFUND_IN_METHODS } from './refundsIn';
import { queryChangeHistory } from './stockMoves';
import { STOCK_SYNC_METHODS } from './stockSync';
import { STOCKTAKE_METHODS } from './stocktakes';
import { TRANSFER_METHODS } from './transfers';

/** Largest page_size WDT accepts by default (`paging.maxPageSize` changes it). */
export { MAX_PAGE_SIZE };

/** Longest time window of wms.stockout.Sales.searchCancel. */
export const SEARCH_CANCEL_MAX_WINDOW_MS = 3600 * 1000;

/** Longest time window of purchase.PurchaseApply.search. */
export const PURCHASE_APPLY_SEARCH_MAX_WINDOW_MS = 30 * 24 * 3600 * 1000;

export type WdtReply = { status: number; message?: string } & Record<string, unknown>;

/** An application error answered as `{status, message}` with HTTP 200. */
export class WdtError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
		this.name = 'WdtError';
	}
}

export interface Pager {
	pageNo: number;
	pageSize: number;
	calcTotal: boolean;
}

export interface MethodCall {
	store: SimulatorStore;
	seller: SellerAccount;
	/** The parsed JSON array body. */
	args: unknown[];
	/** Present for paged methods (the server has checked page_no/page_size already). */
	pager?: Pager;
	/** Simulated unix ms when the method runs. */
	nowMs: number;
}

export interface MethodSpec {
	name: string;
	/** Needs page_no/page_size. */
	paged: boolean;
	/** Changes state (listed by `writeRequests()`; a truncated fault does not run it). */
	write: boolean;
	/** Number of positional arguments the body must hold ('any': not checked). */
	argCount: number | 'any';
	run(call: MethodCall): WdtReply;
}

// ---------------------------------------------------------------------------------------------
// Argument helpers (Java-side deserialization errors, as in the vendor error table)
// ---------------------------------------------------------------------------------------------

const typeMismatch = () => new WdtError(1, 'argument type mismatch');

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectArg(value: unknown): Record<string, unknown> {
	if (!isPlainObject(value)) throw typeMismatch();
	return value;
}

function stringListArg(value: unknown): string[] {
	if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string'))
		throw typeMismatch();
	return value as string[];
}

/** A String field: numbers and booleans are coerced as Jackson would; objects do not fit. */
function optionalString(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw typeMismatch();
}

function optionalBool(value: unknown): boolean | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 1 || value === '1') return true;
	if (value === 'false' || value === 0 || value === '0') return false;
	throw typeMismatch();
}

/** MySQL's answer when a value is longer than its varchar column (length in characters). */
function checkLength(value: string | undefined, column: string, max: number): void {
	if (value !== undefined && [...value].length > max) {
		throw new WdtError(100, `Data truncation: Data too long for column '${column}'`);
	}
}

/**
 * One page of `rows` (already filtered and sorted) as `{<listField>: rows, total_count?}`, following
 * `store.paging`: caps, an ignored page_no, when total_count is sent and a drifting total.
 * Every paged method builds its data with this, so each paging reading applies to all of them.
 */
export function pagedData<T>(
	call: Pick<MethodCall, 'store' | 'pager'>,
	listField: string,
	rows: readonly T[],
	toRow: (row: T) => Record<string, unknown>,
): Record<string, unknown> {
	const { pager, store } = call;
	if (!pager) return { [listField]: rows.map(toRow) };
	const paging = store.paging;
	const served = Math.min(
		pager.pageSize,
		paging.maxPageSize, // reached only when oversizedPageSize is 'cap'; the server rejects otherwise
		paging.pageCap ?? Infinity,
	);
	const pageNo = paging.ignorePageNo ? 0 : pager.pageNo;
	const start = pageNo * (paging.cappedPageOffset === 'served' ? served : pager.pageSize);
	const page = rows.slice(start, start + served).map(toRow);
	const sendTotal =
		paging.totalCount === 'always' || (paging.totalCount === 'calcTotal' && pager.calcTotal);
	if (!sendTotal) return { [listField]: page };
	return { total_count: rows.length + pager.pageNo * paging.totalCountDrift, [listField]: page };
}

const decimal4 = (value: number) => value.toFixed(4);

/** Sorts at whole seconds, the resolution of the `modified` strings WDT returns. */
const wholeSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

// ---------------------------------------------------------------------------------------------
// system.Core.now
// ---------------------------------------------------------------------------------------------

const coreNow: MethodSpec = {
	name: 'system.Core.now',
	paged: false,
	write: false,
	argCount: 0,
	run({ store, nowMs }) {
		const choice = store.replies.coreNowData;
		const data =
			choice === 'wdtSeconds'
				? toWdtTimestamp(nowMs)
				: choice === 'unixMs'
					? nowMs
					: choice === 'cst'
						? formatCst(nowMs)
						: { now: toWdtTimestamp(nowMs) };
		return { status: 0, data };
	},
};

// ---------------------------------------------------------------------------------------------
// purchase.PurchaseApply.*
// ---------------------------------------------------------------------------------------------

const sameNumber = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Checks an upload's params the way WDT refuses them (WdtError 100) and stores the apply. */
function createPurchaseApply(
	{ store, seller, nowMs }: MethodCall,
	params: Record<string, unknown>,
	rawLines: unknown[],
): PurchaseApplyRecord {
	const warehouseNo = optionalString(params.warehouse_no) ?? '';
	const remark = optionalString(params.remark) ?? '';
	const requestedNo = optionalString(params.purchase_apply_no) ?? '';
	const expectedTime = optionalString(params.expected_time) ?? '';
	const isSubmit = optionalBool(params.is_submit) ?? true;
	const lines = rawLines.map((raw) => {
		const line = objectArg(raw);
		const specNo = optionalString(line.spec_no) ?? '';
		if (specNo === '') throw new WdtError(100, '商家编码不能为空');
		const num =
			typeof line.num === 'string' && line.num.trim() !== '' ? Number(line.num) : line.num;
		if (typeof num !== 'number' || !Number.isInteger(num) || num <= 0)
			throw new WdtError(100, '数量不合法');
		return {
			specNo,
			num,
			providerNo: optionalString(line.provider_no) ?? '',
			remark: optionalString(line.remark) ?? '',
		};
	});

	// WDT compares numbers ignoring case (as the package does: orderNumberKey).
	const repeatedNo =
		requestedNo !== '' &&
		[...store.purchaseApplies.values()].some((record) =>
			sameNumber(record.purchaseApplyNo, requestedNo),
		);
	if (repeatedNo && store.replies.purchaseApplyRepeatedNo === 'refused') {
		throw new WdtError(100, '采购申请单号已存在');
	}
	checkLength(requestedNo, 'purchase_apply_no', 20);
	checkLength(warehouseNo, 'warehouse_no', 40);
	checkLength(remark, 'remark', 255);
	for (const line of lines) {
		checkLength(line.specNo, 'spec_no', 40);
		checkLength(line.providerNo, 'provider_no', 40);
		checkLength(line.remark, 'remark', 255);
	}
	if (warehouseNo !== '' && seller.warehouses && !seller.warehouses.includes(warehouseNo)) {
		throw new WdtError(100, '仓库不存在');
	}
	let expectedTimeMs: number | undefined;
	if (expectedTime !== '') {
		expectedTimeMs = parseCstDateOrDateTime(expectedTime);
		if (expectedTimeMs === undefined) throw new WdtError(100, '日期格式不合法');
	}

	const notSubmittedStatus = store.purchaseApplyConfirmFlow
		? PURCHASE_APPLY_STATUS.pendingConfirm
		: PURCHASE_APPLY_STATUS.editing;
	return store.addPurchaseApply({
		purchaseApplyNo: requestedNo !== '' ? requestedNo : undefined,
		repeatedNo,
		status: isSubmit ? PURCHASE_APPLY_STATUS.pendingReference : notSubmittedStatus,
		applyName: seller.key,
		warehouseNo,
		remark,
		expectedTimeMs,
		createdMs: nowMs,
		details: lines,
	});
}

const purchaseApplyUpload: MethodSpec = {
	name: 'purchase.PurchaseApply.upload',
	paged: false,
	write: true,
	argCount: 1,
	run(call) {
		const { store } = call;
		const params = objectArg(call.args[0]);
		const rawLines = params.detail_list;
		if (
			rawLines === undefined ||
			rawLines === null ||
			(Array.isArray(rawLines) && rawLines.length === 0)
		) {
			throw new WdtError(100, '请传入单品信息');
		}
		if (!Array.isArray(rawLines)) throw typeMismatch();
		let number: string;
		try {
			number = createPurchaseApply(call, params, rawLines).purchaseApplyNo;
		} catch (error) {
			const refusal =
				error instanceof WdtError ? error : new WdtError(99, `其他错误: ${String(error)}`);
			// A refusal comes as the reply's status or as data.status: see ReplyChoices.uploadRefusal.
			if (refusal.status === 100 && store.replies.uploadRefusal === 'data')
				return { status: 0, data: { status: 1, message: refusal.message } };
			throw refusal;
		}
		const data = { status: 0, message: number };
		return store.replies.uploadNumberIn === 'both'
			? { status: 0, message: number, data }
			: { status: 0, data };
	},
};

function purchaseApplyRow(record: PurchaseApplyRecord): Record<string, unknown> {
	const providerFields = (providerNo: string) =>
		// "为空时不返回": the provider fields are left out when there is no provider.
		providerNo === ''
			? {}
			: { provider_no: providerNo, provider_name: PROVIDER_NAMES[providerNo] ?? providerNo };
	return {
		purchase_apply_no: record.purchaseApplyNo,
		status: record.status,
		apply_name: record.applyName,
		warehouse_no: record.warehouseNo,
		warehouse_name: WAREHOUSE_NAMES[record.warehouseNo] ?? record.warehouseNo,
		...providerFields(record.providerNo),
		remark: record.remark,
		expected_time: record.expectedTimeMs === undefined ? '' : formatCst(record.expectedTimeMs),
		modified: formatCst(record.modifiedMs),
		created: formatCst(record.createdMs),
		detail_list: record.details.map((line) => {
			const goods = goodsInfo(line.specNo);
			return {
				purchase_apply_no: record.purchaseApplyNo,
				rec_id: line.recId,
				spec_no: line.specNo,
				goods_no: goods.goodsNo,
				goods_name: goods.goodsName,
				spec_name: goods.specName,
				num: decimal4(line.num),
				ref_num: decimal4(line.refNum),
				stockin_num: decimal4(line.stockinNum),
				...providerFields(line.providerNo),
				remark: line.remark,
				brand_name: goods.brandName,
			};
		}),
	};
}

const purchaseApplySearch: MethodSpec = {
	name: 'purchase.PurchaseApply.search',
	paged: true,
	write: false,
	argCount: 1,
	run(call) {
		const { store } = call;
		const params = objectArg(call.args[0]);
		const parseBound = (value: unknown): number | undefined => {
			const text = optionalString(value) ?? '';
			if (text === '') return undefined;
			const ms = parseCst(text);
			if (ms === undefined) throw new WdtError(100, '日期格式不合法');
			return ms;
		};
		const startMs = parseBound(params.start_time);
		const endMs = parseBound(params.end_time);
		// A WDT older than V1.5.1.0 does not know the filter: see ReplyChoices.purchaseApplyNoFilter.
		const applyNo =
			store.replies.purchaseApplyNoFilter === 'ignored'
				? ''
				: (optionalString(params.purchase_apply_no) ?? '');
		if (startMs !== undefined && endMs !== undefined) {
			if (endMs < startMs) throw new WdtError(100, '开始时间不能大于结束时间');
			if (endMs - startMs > PURCHASE_APPLY_SEARCH_MAX_WINDOW_MS) {
				throw new WdtError(100, '您的查询时间过宽,查询时间不能大于30天');
			}
		}
		const matches = [...store.purchaseApplies.values()]
			.filter(
				(record) =>
					(applyNo === '' || sameNumber(record.purchaseApplyNo, applyNo)) &&
					store.isStockoutVisible(record, call.nowMs) &&
					store.inWindow(
						store.replies.purchaseApplyRange === 'created' ? record.createdMs : record.modifiedMs,
						startMs,
						endMs,
					),
			)
			.sort(
				(a, b) =>
					wholeSecond(a.modifiedMs) - wholeSecond(b.modifiedMs) ||
					(a.purchaseApplyNo < b.purchaseApplyNo
						? -1
						: a.purchaseApplyNo > b.purchaseApplyNo
							? 1
							: 0),
			);
		return {
			status: 0,
			data: pagedData(call, 'order_list', matches, purchaseApplyRow),
		};
	},
};

interface BatchFailure {
	order_id: number;
	order_no: string;
	error: string;
	error_code: number;
}

/** cancelForApi / stopForApi: one status transition per number, failures listed. */
function purchaseApplyTransition(options: {
	name: string;
	from: readonly number[];
	to: number;
	wrongStatusError: string;
}): MethodSpec {
	return {
		name: options.name,
		paged: false,
		write: true,
		argCount: 1,
		run({ store, args, nowMs }) {
			const numbers = stringListArg(args[0]);
			const failures: BatchFailure[] = [];
			for (const orderNo of numbers) {
				const record = store.purchaseApplies.get(orderNo);
				if (!record) {
					failures.push({
						order_id: 0,
						order_no: orderNo,
						error: '采购申请单不存在',
						error_code: 0,
					});
				} else if (!options.from.includes(record.status)) {
					failures.push({
						order_id: record.applyId,
						order_no: orderNo,
						error: options.wrongStatusError,
						error_code: 0,
					});
				} else {
					record.status = options.to;
					record.modifiedMs = nowMs;
				}
			}
			return failures.length === 0 && store.replies.batchTotalWhenNoFailure === 'omit'
				? { status: 0, data: failures }
				: { status: 0, total: failures.length, data: failures };
		},
	};
}

const purchaseApplyCancel = purchaseApplyTransition({
	name: 'purchase.PurchaseApply.cancelForApi',
	from: [PURCHASE_APPLY_STATUS.editing, PURCHASE_APPLY_STATUS.pendingConfirm],
	to: PURCHASE_APPLY_STATUS.cancelled,
	wrongStatusError: '采购申请单状态不是编辑中或待确认',
});

const purchaseApplyStop = purchaseApplyTransition({
	name: 'purchase.PurchaseApply.stopForApi',
	from: [PURCHASE_APPLY_STATUS.partlyReferenced],
	to: PURCHASE_APPLY_STATUS.referenced,
	wrongStatusError: '采购申请单状态不是部分引用',
});

// ---------------------------------------------------------------------------------------------
// wms.stockother.Out.cancelOrder
// ---------------------------------------------------------------------------------------------

const CANCELLABLE_OTHER_OUT: readonly number[] = [
	OTHER_OUT_STATUS.editing,
	OTHER_OUT_STATUS.pending,
	OTHER_OUT_STATUS.approved,
];

const otherOutCancel: MethodSpec = {
	name: 'wms.stockother.Out.cancelOrder',
	paged: false,
	write: true,
	argCount: 1,
	run({ store, args, nowMs }) {
		const numbers = stringListArg(args[0]);
		const successData: string[] = [];
		const errorData: Array<{ order_no: string; err_msg: string }> = [];
		for (const orderNo of numbers) {
			const record = store.otherOuts.get(orderNo);
			if (!record) {
				errorData.push({ order_no: orderNo, err_msg: '单据不存在' });
			} else if (!CANCELLABLE_OTHER_OUT.includes(record.status)) {
				errorData.push({
					order_no: orderNo,
					err_msg: '单据状态不是编辑中、待审核、已审核，不允许取消',
				});
			} else {
				record.status = OTHER_OUT_STATUS.cancelled;
				record.modifiedMs = nowMs;
				successData.push(orderNo);
			}
		}
		return { status: 0, data: { success_data: successData, error_data: errorData } };
	},
};

// ---------------------------------------------------------------------------------------------
// wms.stockout.Sales.searchCancel
// ---------------------------------------------------------------------------------------------

/** The page's four fields and nothing else; details come from Sales.queryWithDetail. */
function cancelledStockoutRow(record: StockoutRecord): Record<string, unknown> {
	return {
		stockout_id: record.stockoutId,
		stockout_no: record.stockoutNo,
		status: record.status,
		modified: formatCst(record.modifiedMs),
	};
}

const searchCancel: MethodSpec = {
	name: 'wms.stockout.Sales.searchCancel',
	paged: true,
	write: false,
	argCount: 1,
	run(call) {
		const { store, nowMs } = call;
		const params = objectArg(call.args[0]);
		const present = (value: unknown) => value !== undefined && value !== null && value !== '';
		if (!present(params.start_time) || !present(params.end_time)) {
			throw new WdtError(100, '参数中必须包含起止时间');
		}
		const parse = (value: unknown): number => {
			const ms = typeof value === 'string' ? parseCst(value) : undefined;
			if (ms === undefined) throw new WdtError(100, `Unparseable date: ${String(value)}`);
			return ms;
		};
		const startMs = parse(params.start_time);
		const endMs = parse(params.end_time);
		if (endMs < startMs) throw new WdtError(100, '开始时间不能大于结束时间');
		if (endMs - startMs > SEARCH_CANCEL_MAX_WINDOW_MS)
			throw new WdtError(100, '起止时间差最大1小时');

		const statuses = store.searchCancelStatuses;
		const matches = [...store.stockouts.values()]
			.filter(
				(record) =>
					record.cancelled &&
					(statuses === 'all' || statuses.includes(record.status)) &&
					store.inWindow(record.modifiedMs, startMs, endMs) &&
					store.isStockoutVisible(record, nowMs),
			)
			.sort(
				(a, b) =>
					wholeSecond(a.modifiedMs) - wholeSecond(b.modifiedMs) || a.stockoutId - b.stockoutId,
			);
		return {
			status: 0,
			data: pagedData(call, 'order_list', matches, cancelledStockoutRow),
		};
	},
};

// ---------------------------------------------------------------------------------------------
// Self-owned platforms: sales.RawTrade.pushSelf2 and sales.LogisticsSync.update
// ---------------------------------------------------------------------------------------------

/*
 * Raw orders are stored by shop and tid, so a second push of a tid updates it. Reports on the
 * pending logistics list (served by the generic handler for sales.LogisticsSync.getSyncListExt):
 * a record reported as synced or failed leaves the list, "还需同步" keeps it. Replies carry only
 * the pages' fields: `{chg_count, new_count, error_list: [{no, error}]}` and a `data` list of
 * messages. Test helpers: selfPlatform.ts.
 */

/** platform_id 127: 其他（自有商城）, the platform code table's self-owned mall. */
export const SELF_OWNED_PLATFORM_ID = 127;

export const rawTradeKey = (shopNo: string, tid: string) => `${shopNo}\u0000${tid.toLowerCase()}`;

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : '';

const rawTradePush: MethodSpec = {
	name: 'sales.RawTrade.pushSelf2',
	paged: false,
	write: true,
	argCount: 'any',
	run({ store, args, nowMs }) {
		const [shopArg, tradesArg, linesArg] = args;
		const shopNo = text(shopArg);
		if (!Array.isArray(tradesArg) || !Array.isArray(linesArg))
			throw new WdtError(1, 'argument type mismatch');
		// The vendor's error table (guide-qjbguide_cwmsm): these two refusals are about the shop.
		const shop = masterDataOf(store).shops.find((entry) => entry.shopNo === shopNo);
		if (!shop || shop.isDisabled) throw new WdtError(100, '店铺编号不存在或已停用');
		if (shop.platformId !== SELF_OWNED_PLATFORM_ID) throw new WdtError(100, '店铺平台不是自有平台');

		const lines = linesArg as Array<Record<string, unknown>>;
		const errorList: Array<{ no: string; error: string }> = [];
		let newCount = 0;
		let changedCount = 0;
		for (const raw of tradesArg as Array<Record<string, unknown>>) {
			const tid = text(raw?.tid);
			const own = lines.filter((line) => text(line?.tid).toLowerCase() === tid.toLowerCase());
			const key = rawTradeKey(shopNo, tid);
			const existing = store.rawTrades.get(key);
			// The page: oid must be unique under the seller; order_count is the number of lines.
			const takenOid = own
				.map((line) => text(line.oid))
				.find((oid) =>
					[...store.rawTrades.values()].some(
						(other) => other !== existing && other.lines.some((line) => text(line.oid) === oid),
					),
				);
			const problem =
				tid === ''
					? '原始单号不能为空'
					: [...tid].length > 40
						? '原始单号过长'
						: own.length === 0
							? '原始子单不能为空'
							: Number(raw.order_count) !== own.length
								? '子订单个数与原始子单数量不一致'
								: takenOid !== undefined
									? `原始子单号重复:${takenOid}`
									: undefined;
			if (problem) {
				errorList.push({ no: tid, error: problem });
				continue;
			}
			const counted = store.replies.pushCounts === 'lines' ? own.length : 1;
			if (existing) {
				Object.assign(existing, { trade: { ...raw }, lines: own.map((line) => ({ ...line })) });
				existing.modifiedMs = nowMs;
				existing.pushes++;
				changedCount += counted;
			} else {
				store.rawTrades.set(key, {
					shopNo,
					tid,
					trade: { ...raw },
					lines: own.map((line) => ({ ...line })),
					createdMs: nowMs,
					modifiedMs: nowMs,
					pushes: 1,
				});
				newCount += counted;
			}
		}
		return {
			status: 0,
			data: { chg_count: changedCount, new_count: newCount, error_list: errorList },
		};
	},
};

export const LOGISTICS_SYNC_LIST = 'sales.LogisticsSync.getSyncListExt';

/** The page's sync results: 0 同步成功, -100 还需同步, 2 同步失败. */
const SYNC_RESULTS = [0, -100, 2];

const logisticsSyncUpdate: MethodSpec = {
	name: 'sales.LogisticsSync.update',
	paged: false,
	write: true,
	argCount: 1,
	run({ store, args }) {
		const list = args[0];
		if (!Array.isArray(list)) throw new WdtError(1, 'argument type mismatch');
		const pending = methodRecords(store, LOGISTICS_SYNC_LIST);
		const messages: string[] = [];
		const fail = (syncId: string, message: string) =>
			messages.push(
				store.replies.logisticsUpdateMessages === 'naming' ? `${syncId}:${message}` : message,
			);
		for (const entry of list as Array<Record<string, unknown>>) {
			const syncId = text(entry?.sync_id);
			const status =
				entry?.status === undefined || entry.status === null || entry.status === ''
					? undefined
					: Number(entry.status);
			if (status === undefined) fail(syncId, '同步结果状态为空!');
			else if (!SYNC_RESULTS.includes(status)) fail(syncId, '同步结果状态不正确!');
			else {
				const isRecord = (record: Record<string, unknown>) => String(record.sync_id) === syncId;
				if (pending.count(isRecord) === 0) fail(syncId, '物流同步记录不存在!');
				else if (status !== -100) pending.remove(isRecord);
			}
		}
		return { status: 0, data: messages };
	},
};

/** Every method the simulator answers, by name. */
export const METHODS: ReadonlyMap<string, MethodSpec> = new Map(
	[
		coreNow,
		purchaseApplyUpload,
		purchaseApplySearch,
		purchaseApplyCancel,
		purchaseApplyStop,
		otherOutCancel,
		searchCancel,
		stockoutQueryWithDetail,
		tradeQueryWithDetail,
		queryShop,
		queryWarehouse,
		queryLogistics,
		queryPurchaseProvider,
		otherOutPush,
		goodsPush,
		goodsBatchPush,
		rawTradePush,
		logisticsSyncUpdate,
		...STOCK_SYNC_METHODS,
		...PURCHASE_ORDER_METHODS,
		queryChangeHistory,
		...REFUND_IN_METHODS,
		...TRANSFER_METHODS,
		...STOCKTAKE_METHODS,
		...INVOICE_METHODS,
	].map((spec) => [spec.name, spec]),
);

/** Methods that change state. */
export const WRITE_METHODS: readonly string[] = [...METHODS.values()]
	.filter((spec) => spec.write)
	.map((spec) => spec.name);
