/**
 * The simulator's data: purchase applies, other-out orders and sales stockouts, plus the
 * helpers tests use to arrange them. All times are unix ms on the simulated clock; replies
 * format them as CST strings.
 */
import type { TimeForm } from './timeForms';
import { SimClock } from './clock';
import { formatCstDay } from './cst';

// ---------------------------------------------------------------------------------------------
// Status codes (numbers as WDT sends them; names for readable tests)
// ---------------------------------------------------------------------------------------------

/** purchase.PurchaseApply statuses, from the search page. */
export const PURCHASE_APPLY_STATUS = {
	cancelled: 5, // 已取消
	editing: 10, // 编辑中
	pendingConfirm: 20, // 待确认
	pendingReference: 23, // 待引用
	partlyReferenced: 25, // 部分引用
	referenced: 30, // 已引用
} as const;
export type PurchaseApplyStatusName = keyof typeof PURCHASE_APPLY_STATUS;

/** Other-out business order (其他出库业务单) statuses, from wms.stockother.OutQuery.queryWithDetail. */
export const OTHER_OUT_STATUS = {
	editing: 1, // 编辑中
	pending: 10, // 待审核
	approved: 20, // 已审核
	pushedToWms: 40, // 已推送wms
	partlyOut: 60, // 部分出库
	awaitingSettlement: 65, // 待结算
	done: 70, // 已完成
	cancelled: 80, // 已取消
} as const;
export type OtherOutStatusName = keyof typeof OTHER_OUT_STATUS;

/** Sales stockout statuses, from wms.stockout.Sales.searchCancel. */
export const STOCKOUT_STATUS = {
	cancelled: 5, // 已取消
	toPutBack: 10, // 待放回
	outOfStock: 51, // 缺货
	wmsAccepted: 53, // wms已接单
	gettingWaybill: 54, // 获取电子面单
	toAllocate: 60, // 待分配
	queued: 61, // 排队中
	toReplenish: 63, // 待补货
	toProcess: 65, // 待处理
	toShip: 70, // 待发货
	hotItemLocked: 73, // 爆款锁定
	toPick: 75, // 待拣货
	picking: 77, // 拣货中
	picked: 79, // 已拣货
	delayedShipping: 90, // 延时发货
	done: 110, // 已完成
} as const;
export type StockoutStatusName = keyof typeof STOCKOUT_STATUS;

function statusCode<T extends Record<string, number>>(
	table: T,
	value: number | keyof T | undefined,
	fallback: number,
): number {
	if (value === undefined) return fallback;
	if (typeof value === 'number') return value;
	const code = table[value];
	if (code === undefined) throw new Error(`unknown status name: ${String(value)}`);
	return code;
}

// ---------------------------------------------------------------------------------------------
// Reference data used to fill in names (unknown codes fall back to the code itself)
// ---------------------------------------------------------------------------------------------

export const WAREHOUSE_NAMES: Readonly<Record<string, string>> = {
	WH01: '北京主仓',
	WH02: '广州分仓',
	上海仓: '上海仓',
};

export const PROVIDER_NAMES: Readonly<Record<string, string>> = {
	GYS001: '杭州织造有限公司',
	GYS002: '义乌小商品供应链',
	GYS003: '深圳电子配件厂',
};

export interface GoodsInfo {
	goodsNo: string;
	goodsName: string;
	specName: string;
	brandName: string;
}

export const GOODS: Readonly<Record<string, GoodsInfo>> = {
	'TS-001-BLK-M': {
		goodsNo: 'TS-001',
		goodsName: '纯棉圆领T恤',
		specName: '黑色 M',
		brandName: '自有品牌',
	},
	'TS-001-WHT-L': {
		goodsNo: 'TS-001',
		goodsName: '纯棉圆领T恤',
		specName: '白色 L',
		brandName: '自有品牌',
	},
	'MUG-350': { goodsNo: 'MUG', goodsName: '陶瓷马克杯', specName: '350ml', brandName: '无' },
	'CABLE-C-1M': {
		goodsNo: 'CABLE-C',
		goodsName: 'Type-C 数据线',
		specName: '1米',
		brandName: '闪电',
	},
};

export function goodsInfo(specNo: string): GoodsInfo {
	return GOODS[specNo] ?? { goodsNo: specNo, goodsName: specNo, specName: '', brandName: '无' };
}

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

export interface PurchaseApplyLine {
	recId: number;
	specNo: string;
	num: number;
	refNum: number;
	stockinNum: number;
	/** '' when the line has no provider. */
	providerNo: string;
	remark: string;
}

export interface PurchaseApplyRecord {
	/** Internal id, returned as `order_id` by cancelForApi/stopForApi. */
	applyId: number;
	purchaseApplyNo: string;
	/** See PURCHASE_APPLY_STATUS. */
	status: number;
	applyName: string;
	warehouseNo: string;
	/** '' when the lines have different providers (or none). */
	providerNo: string;
	remark: string;
	expectedTimeMs?: number;
	createdMs: number;
	modifiedMs: number;
	/** Replication lag, as for stockouts; undefined: the simulator's visibilityLagMs. */
	visibleAfterMs?: number;
	details: PurchaseApplyLine[];
}

export interface PurchaseApplyInput {
	purchaseApplyNo?: string;
	/** Add it even when its number is taken (an upload WDT accepted twice). */
	repeatedNo?: boolean;
	status?: number | PurchaseApplyStatusName;
	applyName?: string;
	warehouseNo?: string;
	/** Default: the lines' common provider, if they all have the same one. */
	providerNo?: string;
	remark?: string;
	expectedTimeMs?: number;
	createdMs?: number;
	modifiedMs?: number;
	visibleAfterMs?: number;
	details?: Array<Partial<Omit<PurchaseApplyLine, 'recId'>> & { specNo: string }>;
}

export interface OtherOutRecord {
	orderId: number;
	orderNo: string;
	/** See OTHER_OUT_STATUS. */
	status: number;
	warehouseNo: string;
	reason: string;
	remark: string;
	createdMs: number;
	modifiedMs: number;
}

export interface OtherOutInput {
	orderNo?: string;
	status?: number | OtherOutStatusName;
	warehouseNo?: string;
	reason?: string;
	remark?: string;
	createdMs?: number;
	modifiedMs?: number;
}

export interface StockoutRecord {
	stockoutId: number;
	stockoutNo: string;
	/** See STOCKOUT_STATUS. */
	status: number;
	createdMs: number;
	modifiedMs: number;
	/**
	 * Replication lag of this record: searchCancel shows it only once
	 * simulated now ≥ modifiedMs + visibleAfterMs. Undefined: the simulator's visibilityLagMs.
	 */
	visibleAfterMs?: number;
	/**
	 * searchCancel lists this stockout: it was cancelled at some point. Its `status` is its
	 * current state, which may have moved on (the doc's reply example shows 110, 已完成).
	 */
	cancelled: boolean;
	// Details searchCancel does not return; wms.stockout.Sales.queryWithDetail serves them.
	srcOrderNo: string;
	srcTid: string;
	shopNo: string;
	warehouseNo: string;
	logisticsNo: string;
	receiverName: string;
	receiverArea: string;
	remark: string;
	/**
	 * When it shipped (or was set to Delayed Shipment, 90): set when it first reaches 90 or 110.
	 * Served as consign_time for 110, and for 90 only under `replies.status90` 'shipped'.
	 */
	consignMs?: number;
}

/** A sales order (订单) as sales.TradeQuery.queryWithDetail returns it (tradeQueryWithDetail.ts). */
export interface TradeRecord {
	tradeId: number;
	tradeNo: string;
	/** trade_status on the page, e.g. 30 待客审, 55 已审核, 95 已发货, 110 已完成. */
	status: number;
	createdMs: number;
	modifiedMs: number;
	/** Replication lag, as for stockouts; undefined: the simulator's visibilityLagMs. */
	visibleAfterMs?: number;
	srcTids: string;
	shopNo: string;
	warehouseNo: string;
	remark: string;
}

export type TradeInput = Partial<TradeRecord>;

/**
 * The sales orders by trade_id. The records are frozen (modifyTrade replaces one), so every
 * change goes through set, delete or clear, which `version` counts for TradeIndex.
 */
export class TradeMap extends Map<number, Readonly<TradeRecord>> {
	version = 0;

	override set(tradeId: number, record: Readonly<TradeRecord>): this {
		this.version++;
		return super.set(tradeId, Object.freeze(record));
	}

	override delete(tradeId: number): boolean {
		this.version++;
		return super.delete(tradeId);
	}

	override clear(): void {
		this.version++;
		super.clear();
	}
}

/**
 * The sales orders sorted by modified time, then trade_id: a time window is a contiguous run of
 * it, found by binary search, so a window query costs the window's orders, not all orders.
 * Sorted again after the map changed.
 */
class TradeIndex {
	private version = -1;
	private sorted: ReadonlyArray<Readonly<TradeRecord>> = [];

	constructor(private readonly trades: TradeMap) {}

	/** The orders in modified order, up to date. */
	current(): ReadonlyArray<Readonly<TradeRecord>> {
		if (this.version !== this.trades.version) {
			this.sorted = [...this.trades.values()].sort(
				(a, b) => a.modifiedMs - b.modifiedMs || a.tradeId - b.tradeId,
			);
			this.version = this.trades.version;
		}
		return this.sorted;
	}
}

/** The first index of `sorted` where `test` holds, for a test that is false, then true. */
function firstWhere<T>(sorted: readonly T[], test: (value: T) => boolean): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (test(sorted[middle])) high = middle;
		else low = middle + 1;
	}
	return low;
}

export type StockoutInput = Partial<Omit<StockoutRecord, 'status' | 'cancelled'>> & {
	/** Default 5 (cancelled): most tests want records that searchCancel returns. */
	status?: number | StockoutStatusName;
	/**
	 * Whether it was cancelled, so searchCancel lists it. Default: status is 5. Pass true with
	 * another status for a cancellation whose stockout moved on (e.g. restored and completed, 110).
	 */
	cancelled?: boolean;
};

export interface StoreOptions {
	/** Default lag before a modified stockout shows up in searchCancel (ms, default 0). */
	visibilityLagMs?: number;
	/** ERP setting 开启采购申请量确认流程: uploads with is_submit=false get 20 (待确认), not 10. */
	purchaseApplyConfirmFlow?: boolean;
	/**
	 * Which current statuses of the cancelled stockouts searchCancel returns. Default 'all': the
	 * page's reply example shows rows in status 110, so a row's status is the stockout's state
	 * now. [5] is the other reading: only stockouts still cancelled.
	 */
	searchCancelStatuses?: readonly number[] | 'all';
	/** Which ends of a query's time window are inclusive (default 'both'); see WindowEnds. */
	windowEnds?: WindowEnds;
	/** Paging behaviour the docs leave open (defaults: DEFAULT_PAGING). */
	paging?: Partial<PagingBehaviour>;
	/** Reply choices the docs leave open (defaults: DEFAULT_REPLY_CHOICES). */
	replies?: Partial<ReplyChoices>;
}

/**
 * Which ends of a `start_time`/`end_time` window match a record's `modified` (compared at whole
 * seconds). The pages say neither: 'both' start ≤ modified ≤ end; 'start' start ≤ modified < end;
 * 'end' start < modified ≤ end.
 */
export type WindowEnds = 'both' | 'start' | 'end';

/** How paged methods page. The docs leave each point open, so each reading can be tested. */
export interface PagingBehaviour {
	/** Largest page_size accepted (default MAX_PAGE_SIZE, 100). */
	maxPageSize: number;
	/**
	 * A page_size above maxPageSize: 'error' (status 100 `page_size超出范围(1-<max>)`, default) or
	 * 'cap' (accepted, silently served maxPageSize rows while total_count counts them all).
	 */
	oversizedPageSize: 'error' | 'cap';
	/** A silent cap: never more than this many rows on a page, whatever page_size says. */
	pageCap?: number;
	/**
	 * Where page N starts when a cap serves fewer rows than asked: 'served' (N × rows served:
	 * every row is reachable, default) or 'requested' (N × page_size: rows past the cap are never
	 * served).
	 */
	cappedPageOffset: 'served' | 'requested';
	/** A broken server: every page_no gets page 0 (default false). */
	ignorePageNo: boolean;
	/**
	 * When paged replies carry total_count: 'calcTotal' (only with calc_total=1, default),
	 * 'always', or 'never'.
	 */
	totalCount: 'calcTotal' | 'always' | 'never';
	/** A total that changes between pages: page N reports the true total + N × totalCountDrift. */
	totalCountDrift: number;
}

export const MAX_PAGE_SIZE = 100;

export const DEFAULT_PAGING: Readonly<PagingBehaviour> = {
	maxPageSize: MAX_PAGE_SIZE,
	oversizedPageSize: 'error',
	cappedPageOffset: 'served',
	ignorePageNo: false,
	totalCount: 'calcTotal',
	totalCountDrift: 0,
};

/** Reply shapes the docs leave open (a table and its example disagree, or there is no page). */
export interface ReplyChoices {
	/**
	 * cancelForApi/stopForApi when nothing failed: 'omit' leaves `total` out, as the pages' normal
	 * reply example `{"status":0,"data":[]}` does (default); 'zero' sends `total: 0`, as the
	 * reply table (total required) suggests.
	 */
	batchTotalWhenNoFailure: 'omit' | 'zero';
	/**
	 * Where upload reports a refused apply (bad line, unknown warehouse, taken number, too long):
	 * 'reply' as `{status:100, message}` (like the page's 异常响应示例, default) or 'data' as
	 * `{status:0, data:{status:1, message}}` (the page's data.status/data.message table).
	 * `请传入单品信息` (no lines) always comes as the page's example, status 100.
	 */
	uploadRefusal: 'reply' | 'data';
	/**
	 * A successful upload: 'data' sends the new number in data.message only, like the page's
	 * example (default); 'both' also sends it as the top-level message, as the reply table reads.
	 */
	uploadNumberIn: 'data' | 'both';
	/**
	 * system.Core.now has no doc page: its `data` as {now: <WDT seconds>} ('object', default),
	 * a bare number of WDT seconds ('wdtSeconds'), unix ms ('unixMs') or a CST string ('cst').
	 */
	coreNowData: 'object' | 'wdtSeconds' | 'unixMs' | 'cst';
	/**
	 * goods.Goods.batchPush's per-goods failures: 'errorList' as data.error_list, like the page's
	 * reply examples (default); 'data' as data itself, as the page's reply table reads
	 * (error_list | data | List).
	 */
	batchPushErrors: 'errorList' | 'data';
	/**
	 * sales.RawTrade.pushSelf2's new_count/chg_count: the page does not say what they count (its
	 * example answers chg_count 2 to one order of two lines). 'orders' (default) or 'lines'.
	 */
	pushCounts: 'orders' | 'lines';
	/**
	 * sales.LogisticsSync.update answers a list of messages without saying which record each is
	 * about. 'plain' (default): messages like the page's "同步结果状态为空!", naming no record;
	 * 'naming': each message starts with the record's sync_id.
	 */
	logisticsUpdateMessages: 'plain' | 'naming';
	/**
	 * The form of the time fields whose page's table says String while its reply example sends
	 * milliseconds (derived from every read page's example in timeForms.ts, applied to every
	 * served read): 'text' (CST `yyyy-MM-dd HH:mm:ss`, default), 'ms', 'seconds' (numbers),
	 * 'msText', 'secondsText' (numeric strings).
	 */
	timeForm: TimeForm;
	/**
	 * sales.TradeQuery.queryWithDetail/queryHistoryWithDetail by `src_tid` (srcTidMatch.ts):
	 * 'flag' (default): exact with accurate_query 1, otherwise a substring match on src_tids and
	 * the lines' src_tid; 'loose': always the substring match, ignoring accurate_query.
	 */
	srcTidMatch: 'flag' | 'loose';
	/**
	 * wms.stockout.Sales.queryWithDetail without `status_type` (marked required, "默认值为.已取消"):
	 * 'cancelled' (default): only cancelled stockouts (status 10 and below), by number too;
	 * 'all': no status filter.
	 */
	stockoutNoStatusType: 'cancelled' | 'all';
	/**
	 * Status 90 (延时发货) sits in both "待分配~延时发货" (status_type 2) and "延时发货&已完成"
	 * (status_type 0): 'notShipped' (default): a status-90 stockout has not shipped, so it carries
	 * no consign_time ("订单未发货不返回该字段") and no consign-time window finds it; 'shipped': it
	 * has shipped and carries consign_time.
	 */
	status90: 'notShipped' | 'shipped';
	/**
	 * wms.StockSpec.search2 with a warehouse_no and neither spec_nos nor times. The page says only
	 * that the times "传入商家编码时可传空值" (may be empty when SKU codes are given). 'refused'
	 * (default): status 100 `未传入商家编码时, 开始时间和结束时间不能为空`; 'allowed': answered
	 * with the warehouse's whole stock.
	 */
	stockWarehouseOnly: 'refused' | 'allowed';
	/**
	 * Which time purchase.PurchaseApply.search's start_time/end_time select by: the page says only
	 * 开始时间/结束时间. 'modified' (default) or 'created'.
	 */
	purchaseApplyRange: 'modified' | 'created';
	/**
	 * purchase.PurchaseApply.upload with a purchase_apply_no already used: the page does not say.
	 * 'refused' (default): status 100 `采购申请单号已存在`; 'accepted': a second apply with that
	 * number is created.
	 */
	purchaseApplyRepeatedNo: 'refused' | 'accepted';
	/**
	 * purchase.PurchaseApply.search's purchase_apply_no filter ("V1.5.1.0版本以上支持"): 'exact'
	 * (default: only that apply, its number compared ignoring case) or 'ignored' (a WDT older than
	 * V1.5.1.0: the filter is left out and every apply in the range comes back).
	 */
	purchaseApplyNoFilter: 'exact' | 'ignored';
	/**
	 * sales.StockSync.getSelfWaitSyncIdListOpen with `count` outside "最小值10, 最大值5000": the
	 * page does not say. 'refused' (default, status 100) or 'clamped' (served 10 or 5000).
	 */
	stockSyncCount: 'refused' | 'clamped';
	/**
	 * The pending list's `position` (not required) when nothing waits after the one passed:
	 * 'same' (default: the position passed comes back) or 'omitted' (left out).
	 */
	stockSyncEmptyPosition: 'same' | 'omitted';
	/**
	 * syncSuccess/syncFail's `info`: the tables mark 16 fields required, the request examples send
	 * 12 (without stock_syn_other, is_syn_success, is_manual, syn_result). 'example' (default:
	 * the 12 are needed) or 'table' (all 16; a missing one is status 100).
	 */
	stockSyncReportInfo: 'example' | 'table';
	/**
	 * A report whose info.stock_change_count is older than the goods' (stock changed after the
	 * calculation): 'keepsPending' (default: the goods waits on, to be calculated again) or
	 * 'clears' (any report takes it off the list).
	 */
	stockSyncStaleReport: 'keepsPending' | 'clears';
	/**
	 * What syncFail does to the pending list: 'retry' (default: the goods waits again, after the
	 * current position) or 'dropped' (off the list until its stock changes again).
	 */
	stockSyncFailure: 'retry' | 'dropped';
	/**
	 * batchCalcStock's failures: 'listed' (default: in error_date only) or 'emptySuccess' (also
	 * an empty `{}` in success_date, as the page's 异常响应示例 shows).
	 */
	batchCalcErrors: 'listed' | 'emptySuccess';
	/**
	 * purchase.PurchaseOrder.createOrder with a purchase_no, wms.stocktransfer.Edit.createOrder
	 * with an outer_no already used: the pages do not say. 'refused' (default: 采购单号已存在 /
	 * 外部单号重复!) or 'accepted' (a second order).
	 */
	repeatedOrderNo: 'refused' | 'accepted';
	/**
	 * wms.StockSpec.queryChangeHistory's window: 'bySku' (default: 60 minutes without spec_no,
	 * 30 days with it, as 1.5 says) or 'hour' (60 minutes whatever is passed).
	 */
	changeHistoryWindow: 'bySku' | 'hour';
	/**
	 * queryChangeHistory's spec_no (商家编码, String 40): 'one' (default: one code, matched
	 * exactly) or 'list' (a comma-separated list selects each code).
	 */
	changeHistorySpecNo: 'one' | 'list';
	/**
	 * aftersales.refund.RawRefund.upload2's new_count/chg_count: 'refunds' (default: refund
	 * numbers created/updated) or 'entries' (order_list entries).
	 */
	refundPushCounts: 'refunds' | 'entries';
	/**
	 * wms.stockin.Refund.queryWithDetail with time_type 1 (入库时间): 'check_time' (default) or
	 * 'created_time'.
	 */
	refundStockinTime: 'check_time' | 'created_time';
	/**
	 * wms.stocktransfer.Edit.createOrder's stock check ("若调拨数量小于可用库存数量会提示报错"):
	 * 'exceeds' (default: a line above the source stock is refused, 库存不足) or 'unchecked'.
	 */
	transferStock: 'exceeds' | 'unchecked';
	/**
	 * wms.stocktransfer.Edit.createOrder's expire_date (有效期, String, no format on the page):
	 * 'dateTime' (default: yyyy-MM-dd HH:mm:ss, the form WDT's pages state for expire_date, kept
	 * as sent) or 'date' (a day: yyyy-MM-dd, with or without a time, kept as the day).
	 */
	transferExpireDate: 'dateTime' | 'date';
	/**
	 * wms.StockPd.queryStockPdDetail's lines: 'list' (default: data is the list, the page's
	 * example) or 'object' (data.pd_detail_list, the page's table); `total` beside data either way.
	 */
	stockPdDetailShape: 'list' | 'object';
	/**
	 * finance.invoice.InvoiceOrder.search without mode 1 ("默认仅返回线下待开票的数据"):
	 * 'offlinePending' (default: status 45) or 'offlineOpen' (45 and 85 线下开票失败).
	 */
	invoiceDefaultMode: 'offlinePending' | 'offlineOpen';
	/**
	 * finance.invoice.InvoiceOrder.updateInvoice's required fields: 'table' (default:
	 * invoice_order_no, invoice_no, invoice_code, status, and file_url with status 60) or
	 * 'example' (invoice_order_no and invoice_no, as the request example sends).
	 */
	invoiceUpdateFields: 'table' | 'example';
}

export const DEFAULT_REPLY_CHOICES: Readonly<ReplyChoices> = {
	batchTotalWhenNoFailure: 'omit',
	uploadRefusal: 'reply',
	uploadNumberIn: 'data',
	coreNowData: 'object',
	batchPushErrors: 'errorList',
	pushCounts: 'orders',
	logisticsUpdateMessages: 'plain',
	timeForm: 'text',
	srcTidMatch: 'flag',
	stockoutNoStatusType: 'cancelled',
	status90: 'notShipped',
	stockWarehouseOnly: 'refused',
	purchaseApplyRange: 'modified',
	purchaseApplyRepeatedNo: 'refused',
	purchaseApplyNoFilter: 'exact',
	stockSyncCount: 'refused',
	stockSyncEmptyPosition: 'same',
	stockSyncReportInfo: 'example',
	stockSyncStaleReport: 'keepsPending',
	stockSyncFailure: 'retry',
	batchCalcErrors: 'listed',
	repeatedOrderNo: 'refused',
	changeHistoryWindow: 'bySku',
	changeHistorySpecNo: 'one',
	refundPushCounts: 'refunds',
	refundStockinTime: 'check_time',
	transferStock: 'exceeds',
	transferExpireDate: 'dateTime',
	stockPdDetailShape: 'list',
	invoiceDefaultMode: 'offlinePending',
	invoiceUpdateFields: 'table',
};

/** A raw order pushed by sales.RawTrade.pushSelf2 (the fields as sent). */
export interface RawTradeRecord {
	shopNo: string;
	tid: string;
	trade: Record<string, unknown>;
	lines: Array<Record<string, unknown>>;
	createdMs: number;
	modifiedMs: number;
	/** How many pushes created or updated it. */
	pushes: number;
}

export class SimulatorStore {
	readonly clock: SimClock;
	/** Keyed by purchase_apply_no. */
	readonly purchaseApplies = new Map<string, PurchaseApplyRecord>();
	/** Keyed by order_no. */
	readonly otherOuts = new Map<string, OtherOutRecord>();
	/** Keyed by stockout_id. */
	readonly stockouts = new Map<number, StockoutRecord>();
	/** Keyed by rawTradeKey(shop_no, tid): a push of a known tid updates it. */
	readonly rawTrades = new Map<string, RawTradeRecord>();

	visibilityLagMs: number;
	purchaseApplyConfirmFlow: boolean;
	searchCancelStatuses: readonly number[] | 'all';
	windowEnds: WindowEnds;
	/** Mutable: tests switch readings between calls. */
	paging: PagingBehaviour;
	replies: ReplyChoices;

	private nextApplyId = 760;
	private nextApplyLineId = 370;
	private nextOtherOutId = 5100;
	private nextStockoutId = 1630001;
	private nextTradeId = 2054001;
	readonly trades = new TradeMap();
	private readonly tradeIndex = new TradeIndex(this.trades);
	private readonly lastSeqByDay = new Map<string, number>();
	private readonly stockoutNos = new Set<string>();

	constructor(clock: SimClock, options: StoreOptions = {}) {
		this.clock = clock;
		this.visibilityLagMs = options.visibilityLagMs ?? 0;
		this.purchaseApplyConfirmFlow = options.purchaseApplyConfirmFlow ?? false;
		this.searchCancelStatuses = options.searchCancelStatuses ?? 'all';
		this.windowEnds = options.windowEnds ?? 'both';
		this.paging = { ...DEFAULT_PAGING, ...options.paging };
		this.replies = { ...DEFAULT_REPLY_CHOICES, ...options.replies };
	}

	/** Empties all records. Document numbers restart at 0001; internal ids keep counting. */
	clearRecords(): void {
		this.lastSeqByDay.clear();
		this.purchaseApplies.clear();
		this.otherOuts.clear();
		this.stockouts.clear();
		this.stockoutNos.clear();
		this.trades.clear();
		this.rawTrades.clear();
	}

	/** `<prefix><yyyyMMdd><4-digit seq>`: the next sequence number of that day not yet taken. */
	nextDocumentNo(prefix: string, atMs: number, isTaken: (no: string) => boolean): string {
		const day = `${prefix}${formatCstDay(atMs)}`;
		// Counting on from the last issued number keeps bulk seeding linear.
		for (let seq = (this.lastSeqByDay.get(day) ?? 0) + 1; ; seq++) {
			const candidate = `${day}${String(seq).padStart(4, '0')}`;
			if (!isTaken(candidate)) {
				this.lastSeqByDay.set(day, seq);
				return candidate;
			}
		}
	}

	// --- purchase applies ----------------------------------------------------------------------

	addPurchaseApply(input: PurchaseApplyInput = {}): PurchaseApplyRecord {
		const now = this.clock.now();
		const createdMs = input.createdMs ?? input.modifiedMs ?? now;
		const purchaseApplyNo =
			input.purchaseApplyNo ??
			this.nextDocumentNo('POA', createdMs, (no) => this.purchaseApplies.has(no));
		const repeated = this.purchaseApplies.has(purchaseApplyNo);
		if (repeated && !input.repeatedNo) {
			throw new Error(`purchase apply ${purchaseApplyNo} already exists`);
		}
		const details: PurchaseApplyLine[] = (
			input.details ?? [{ specNo: 'TS-001-BLK-M', num: 10 }]
		).map((line) => ({
			recId: this.nextApplyLineId++,
			specNo: line.specNo,
			num: line.num ?? 1,
			refNum: line.refNum ?? 0,
			stockinNum: line.stockinNum ?? 0,
			providerNo: line.providerNo ?? '',
			remark: line.remark ?? '',
		}));
		const record: PurchaseApplyRecord = {
			applyId: this.nextApplyId++,
			purchaseApplyNo,
			status: statusCode(
				PURCHASE_APPLY_STATUS,
				input.status,
				PURCHASE_APPLY_STATUS.pendingReference,
			),
			applyName: input.applyName ?? 'wdt_test',
			warehouseNo: input.warehouseNo ?? '',
			providerNo: input.providerNo ?? commonProvider(details),
			remark: input.remark ?? '',
			expectedTimeMs: input.expectedTimeMs,
			createdMs,
			modifiedMs: input.modifiedMs ?? createdMs,
			visibleAfterMs: input.visibleAfterMs,
			details,
		};
		// A second apply of a number (replies.purchaseApplyRepeatedNo 'accepted') is kept beside the first.
		this.purchaseApplies.set(
			repeated ? `${purchaseApplyNo}#${record.applyId}` : purchaseApplyNo,
			record,
		);
		return record;
	}

	/** Changes an apply as the ERP does: `modified` becomes simulated now unless the patch sets it. */
	modifyPurchaseApply(
		purchaseApplyNo: string,
		patch: Pick<PurchaseApplyInput, 'status' | 'remark' | 'modifiedMs' | 'visibleAfterMs'>,
	): PurchaseApplyRecord {
		const record = this.purchaseApplies.get(purchaseApplyNo);
		if (!record) throw new Error(`purchase apply ${purchaseApplyNo} does not exist`);
		const { status, ...rest } = patch;
		Object.assign(record, rest);
		if (status !== undefined)
			record.status = statusCode(PURCHASE_APPLY_STATUS, status, record.status);
		if (patch.modifiedMs === undefined) record.modifiedMs = this.clock.now();
		return record;
	}

	// --- other-out orders ----------------------------------------------------------------------

	addOtherOut(input: OtherOutInput = {}): OtherOutRecord {
		const now = this.clock.now();
		const createdMs = input.createdMs ?? input.modifiedMs ?? now;
		const orderNo =
			input.orderNo ?? this.nextDocumentNo('QC', createdMs, (no) => this.otherOuts.has(no));
		if (this.otherOuts.has(orderNo)) throw new Error(`other-out order ${orderNo} already exists`);
		const record: OtherOutRecord = {
			orderId: this.nextOtherOutId++,
			orderNo,
			status: statusCode(OTHER_OUT_STATUS, input.status, OTHER_OUT_STATUS.pending),
			warehouseNo: input.warehouseNo ?? 'WH01',
			reason: input.reason ?? '样品领用',
			remark: input.remark ?? '',
			createdMs,
			modifiedMs: input.modifiedMs ?? createdMs,
		};
		this.otherOuts.set(orderNo, record);
		return record;
	}

	// --- sales stockouts -----------------------------------------------------------------------

	addStockout(input: StockoutInput = {}): StockoutRecord {
		const now = this.clock.now();
		const modifiedMs = input.modifiedMs ?? now;
		const stockoutId = input.stockoutId ?? this.nextStockoutId++;
		if (this.stockouts.has(stockoutId)) throw new Error(`stockout ${stockoutId} already exists`);
		if (stockoutId >= this.nextStockoutId) this.nextStockoutId = stockoutId + 1;
		const stockoutNo =
			input.stockoutNo ?? this.nextDocumentNo('CK', modifiedMs, (no) => this.stockoutNos.has(no));
		const status = statusCode(STOCKOUT_STATUS, input.status, STOCKOUT_STATUS.cancelled);
		const record: StockoutRecord = {
			stockoutId,
			stockoutNo,
			status,
			cancelled: input.cancelled ?? status === STOCKOUT_STATUS.cancelled,
			createdMs: input.createdMs ?? Math.min(modifiedMs, now),
			modifiedMs,
			visibleAfterMs: input.visibleAfterMs,
			srcOrderNo: input.srcOrderNo ?? `JY${stockoutNo.slice(2)}`,
			srcTid: input.srcTid ?? `T${stockoutId}8800`,
			shopNo: input.shopNo ?? 'TMALL01',
			warehouseNo: input.warehouseNo ?? 'WH01',
			logisticsNo: input.logisticsNo ?? `SF14${String(stockoutId).padStart(9, '0')}`,
			receiverName: input.receiverName ?? '张伟',
			receiverArea: input.receiverArea ?? '浙江省 杭州市 西湖区',
			remark: input.remark ?? '',
			consignMs: input.consignMs ?? (reachedShipment(status) ? modifiedMs : undefined),
		};
		this.stockouts.set(stockoutId, record);
		this.stockoutNos.add(stockoutNo);
		return record;
	}

	/** Cancels a stockout: status 5, listed by searchCancel, modified = atMs (default: now). */
	cancelStockout(stockoutId: number, atMs: number = this.clock.now()): StockoutRecord {
		return this.modifyStockout(stockoutId, { status: STOCKOUT_STATUS.cancelled, modifiedMs: atMs });
	}

	/**
	 * Changes a stockout. Like the ERP, any change bumps `modified` to simulated now unless the
	 * patch sets modifiedMs itself. Setting status 5 cancels it (searchCancel lists it from then on,
	 * whatever its status later becomes).
	 */
	modifyStockout(stockoutId: number, patch: Omit<StockoutInput, 'stockoutId'>): StockoutRecord {
		const record = this.stockouts.get(stockoutId);
		if (!record) throw new Error(`stockout ${stockoutId} does not exist`);
		const { status, cancelled, ...rest } = patch;
		Object.assign(record, rest);
		if (status !== undefined) record.status = statusCode(STOCKOUT_STATUS, status, record.status);
		record.cancelled =
			cancelled ?? (record.cancelled || record.status === STOCKOUT_STATUS.cancelled);
		if (patch.modifiedMs === undefined) record.modifiedMs = this.clock.now();
		if (record.consignMs === undefined && reachedShipment(record.status))
			record.consignMs = record.modifiedMs;
		return record;
	}

	// --- sales orders --------------------------------------------------------------------------

	addTrade(input: TradeInput = {}): Readonly<TradeRecord> {
		const now = this.clock.now();
		const modifiedMs = input.modifiedMs ?? now;
		const tradeId = input.tradeId ?? this.nextTradeId++;
		if (this.trades.has(tradeId)) throw new Error(`trade ${tradeId} already exists`);
		if (tradeId >= this.nextTradeId) this.nextTradeId = tradeId + 1;
		const record: TradeRecord = {
			tradeId,
			tradeNo: input.tradeNo ?? `JY${String(tradeId).padStart(12, '0')}`,
			status: input.status ?? 30,
			createdMs: input.createdMs ?? Math.min(modifiedMs, now),
			modifiedMs,
			visibleAfterMs: input.visibleAfterMs,
			srcTids: input.srcTids ?? `T${tradeId}7700`,
			shopNo: input.shopNo ?? 'SHOP01',
			warehouseNo: input.warehouseNo ?? 'WH01',
			remark: input.remark ?? '',
		};
		this.trades.set(tradeId, record);
		return record;
	}

	/**
	 * Changes a sales order (the stored record is replaced: records are frozen); `modified`
	 * becomes simulated now unless the patch sets it.
	 */
	modifyTrade(tradeId: number, patch: Omit<TradeInput, 'tradeId'>): Readonly<TradeRecord> {
		const record = this.trades.get(tradeId);
		if (!record) throw new Error(`trade ${tradeId} does not exist`);
		const changed: TradeRecord = {
			...record,
			...patch,
			tradeId,
			modifiedMs: patch.modifiedMs ?? this.clock.now(),
		};
		this.trades.set(tradeId, changed);
		return changed;
	}

	/**
	 * The sales orders modified in the window (per `windowEnds`, like inWindow; an end left
	 * undefined is open), sorted by modified time, then trade_id.
	 */
	tradesModifiedIn(startMs?: number, endMs?: number): Array<Readonly<TradeRecord>> {
		const sorted = this.tradeIndex.current();
		const first =
			startMs === undefined
				? 0
				: firstWhere(sorted, (record) => this.inWindow(record.modifiedMs, startMs, undefined));
		const end =
			endMs === undefined
				? sorted.length
				: firstWhere(sorted, (record) => !this.inWindow(record.modifiedMs, undefined, endMs));
		return sorted.slice(first, Math.max(first, end));
	}

	/** Whether a record modified at modifiedMs lies in the window, per `windowEnds`. */
	inWindow(modifiedMs: number, startMs: number | undefined, endMs: number | undefined): boolean {
		const modified = Math.floor(modifiedMs / 1000) * 1000; // the resolution WDT's strings have
		const afterStart =
			startMs === undefined ||
			(this.windowEnds === 'end' ? modified > startMs : modified >= startMs);
		const beforeEnd =
			endMs === undefined || (this.windowEnds === 'start' ? modified < endMs : modified <= endMs);
		return afterStart && beforeEnd;
	}

	/** Whether searchCancel can see this record yet (replication lag model). */
	isStockoutVisible(
		record: Pick<StockoutRecord, 'modifiedMs' | 'visibleAfterMs'>,
		nowMs: number = this.clock.now(),
	): boolean {
		return nowMs >= record.modifiedMs + (record.visibleAfterMs ?? this.visibilityLagMs);
	}
}

/** Delayed Shipment (90) or Completed (110): the stockout has (or, for 90, may have) shipped. */
function reachedShipment(status: number): boolean {
	return status === STOCKOUT_STATUS.delayedShipping || status === STOCKOUT_STATUS.done;
}

function commonProvider(lines: readonly PurchaseApplyLine[]): string {
	const first = lines[0]?.providerNo ?? '';
	return first !== '' && lines.every((line) => line.providerNo === first) ? first : '';
}
