/**
 * Refunds into WDT and the goods that come back:
 * - aftersales.refund.RawRefund.upload2 (原始退款单推送2): `[shop_no, order_list]`; each entry is
 *   one refunded line (refund_no + oid). Refunds are kept per shop and refund_no, as raw refunds
 *   the generic aftersales.refund.RawRefund.search serves: a refund_no uploaded again updates its
 *   refund (chg_count), a new one is created (new_count). A refused entry is listed in
 *   data.error_list as `{no: refund_no, error}` and the others still go in. The counts count
 *   refunds (`replies.refundPushCounts` 'refunds', default) or entries ('entries'): the page's
 *   example answers new_count 2, chg_count 1 to a single entry. "单次推送建议单量不超过100单" is
 *   advice: more are accepted.
 * - wms.stockin.Refund.queryWithDetail (退货入库单查询): both times required, at most 30 days;
 *   time_type 0 (default) selects by `modified`, 1 by the 入库时间, which the page does not map to
 *   a field: `replies.refundStockinTime` 'check_time' (default) or 'created_time'. need_summary
 *   adds summary_data (per warehouse, shop and SKU).
 * `receiveRefund` (test and demo helper) books a refund stock-in and moves the stock in.
 */
import { formatCst, parseCst } from './cst';
import {
	boolArg,
	methodSpec,
	nextId,
	numberArg,
	objectArg,
	thirtyDayWindow,
	specIdOf,
	text,
	typeMismatch,
	warehouseOf,
	type Fields,
} from './flows';
import { answerFromRecords, methodRecords } from './generic';
import { masterDataOf, type ShopRecord } from './masterData';
import { WdtError } from './methods';
import { moveStock, SRC_ORDER_TYPE } from './stockMoves';
import { goodsInfo, type SimulatorStore } from './store';

export const RAW_REFUNDS = 'aftersales.refund.RawRefund.search';
export const REFUND_STOCKINS = 'wms.stockin.Refund.queryWithDetail';

/** The upload page's required entry fields ("Y"), in its table's order. */
const REQUIRED = [
	'refund_no',
	'num',
	'tid',
	'oid',
	'type',
	'status',
	'refund_version',
	'refund_amount',
	'actual_refund_amount',
	'title',
	'buyer_nick',
	'is_aftersale',
	'reason',
] as const;
/** type: 0 取消订单 1 退款 2 退货 3 换货 4 退款不退货; status: 1 取消退款 … 5 退款成功. */
const TYPES = [0, 1, 2, 3, 4];
const STATUSES = [1, 2, 3, 4, 5];
const LENGTHS: Record<string, number> = {
	refund_no: 40,
	tid: 40,
	oid: 40,
	refund_version: 40,
	title: 255,
	logistics_name: 40,
	logistics_no: 40,
	buyer_nick: 100,
	reason: 255,
	remark: 255,
	spec_no: 40,
	spec_id: 40,
	goods_no: 40,
	goods_id: 40,
};

/** Why an entry is refused, or undefined. */
function refusal(entry: Fields): string | undefined {
	for (const field of REQUIRED) {
		const value = entry[field];
		// "若无传空字符串": title and reason may be empty, but must be sent.
		if (value === undefined || value === null) return `${field}不能为空`;
		if (value === '' && !['title', 'reason', 'buyer_nick'].includes(field))
			return `${field}不能为空`;
	}
	if (!TYPES.includes(Number(entry.type))) return '退款单类型不正确';
	if (!STATUSES.includes(Number(entry.status))) return '平台状态不正确';
	for (const [field, max] of Object.entries(LENGTHS))
		if (typeof entry[field] === 'string' && [...(entry[field] as string)].length > max)
			return `${field}超长`;
	if (!(Number(entry.num) > 0)) return '货品数量不正确';
	return undefined;
}

const timeOf = (value: unknown, fallbackMs: number) => {
	const given = typeof value === 'number' ? value : parseCst(text(value));
	return formatCst(given ?? fallbackMs);
};

/**
 * Stores one upload2 entry as (part of) a raw refund of the shop: a known refund_no is updated
 * (its line of that oid replaced), a new one created. Returns the refund as it was before.
 */
export function putRawRefund(
	store: SimulatorStore,
	shop: ShopRecord,
	entry: Fields,
	nowMs: number,
): Fields | undefined {
	const shopNo = shop.shopNo;
	const refundNo = text(entry.refund_no);
	const refunds = methodRecords(store, RAW_REFUNDS);
	const isRefund = (record: Fields) => record.shop_no === shopNo && record.refund_no === refundNo;
	const existing = refunds.find(isRefund);
	const goods = goodsInfo(text(entry.spec_no));
	const line: Fields = {
		oid: text(entry.oid),
		platform_id: shop.platformId,
		refund_no: refundNo,
		tid: text(entry.tid),
		status: Number(entry.status),
		goods_name: text(entry.title) || goods.goodsName,
		goods_no: text(entry.goods_no),
		goods_id: text(entry.goods_id),
		spec_name: goods.specName,
		spec_no: text(entry.spec_no),
		spec_id: text(entry.spec_id),
		num: Number(entry.num),
		total_amount: numberArg(entry.total_amount) ?? 0,
		remark: text(entry.remark),
		price: numberArg(entry.price) ?? 0,
		// The search page's line type: 0 该明细取自原始退款单明细.
		type: 0,
		refund_time: timeOf(entry.refund_time, nowMs),
		modified_date: formatCst(nowMs),
		created_date: formatCst(nowMs),
	};
	const otherLines = ((existing?.detail_list as Fields[] | undefined) ?? []).filter(
		(other) => other.oid !== line.oid,
	);
	const lines = [...otherLines, line];
	const refund: Fields = {
		refund_id: existing?.refund_id ?? nextId(store, 'rawRefund', 52_000),
		platform_id: shop.platformId,
		shop_no: shopNo,
		shop_name: shop.shopName,
		shop_id: shop.shopId,
		shop_platform_id: shop.platformId,
		refund_no: refundNo,
		tid: text(entry.tid),
		oid: text(entry.oid),
		// upload2's 0 取消订单 has no code in the search page's table (1 售前退款 … 4 退款不退货):
		// a cancelled order is a refund before shipping there.
		type: Number(entry.type) === 0 ? 1 : Number(entry.type),
		status: Number(entry.status),
		refund_version: text(entry.refund_version),
		refund_amount: Number(entry.refund_amount),
		actual_refund_amount: Number(entry.actual_refund_amount),
		title: text(entry.title),
		logistics_name: text(entry.logistics_name),
		logistics_no: text(entry.logistics_no),
		buyer_nick: text(entry.buyer_nick),
		refund_time: timeOf(entry.refund_time, nowMs),
		current_phase_timeout: text(entry.current_phase_timeout),
		is_aftersale: Number(entry.is_aftersale) === 1,
		reason: text(entry.reason),
		pay_account: text(entry.pay_account),
		pay_no: text(entry.pay_no),
		remark: text(entry.remark),
		num: lines.reduce((sum, each) => sum + Number(each.num), 0),
		price: numberArg(entry.price) ?? 0,
		total_amount: numberArg(entry.total_amount) ?? 0,
		goods_id: text(entry.goods_id),
		spec_id: text(entry.spec_id),
		goods_no: text(entry.goods_no),
		spec_no: text(entry.spec_no),
		modify_flag: numberArg(entry.modify_flag) ?? (existing ? 2 : 1),
		created: existing?.created ?? formatCst(nowMs),
		detail_list: lines,
	};
	refunds.put(isRefund, refund, { modifiedMs: nowMs });
	return existing;
}

export const uploadRawRefunds = methodSpec(
	'aftersales.refund.RawRefund.upload2',
	{ write: true, argCount: 2 },
	({ store, args, nowMs }) => {
		const shopNo = text(args[0]);
		if (!Array.isArray(args[1])) throw typeMismatch();
		// The vendor's error table (guide-qjbguide_cwmsm): a shop that does not exist or is disabled.
		const shop = masterDataOf(store).shops.find((entry) => entry.shopNo === shopNo);
		if (!shop || shop.isDisabled) throw new WdtError(100, '店铺编号不存在或已停用');
		const errorList: Fields[] = [];
		const created = new Set<string>();
		const changed = new Set<string>();
		let newEntries = 0;
		let changedEntries = 0;
		for (const raw of args[1]) {
			const entry = objectArg(raw);
			const refundNo = text(entry.refund_no);
			const problem = refusal(entry);
			if (problem) {
				errorList.push({ no: refundNo, error: problem });
				continue;
			}
			const existing = putRawRefund(store, shop, entry, nowMs);
			const key = `${shopNo}\u0000${refundNo}`;
			if (existing && !created.has(key)) {
				changed.add(key);
				changedEntries++;
			} else {
				created.add(key);
				newEntries++;
			}
		}
		const byEntries = store.replies.refundPushCounts === 'entries';
		return {
			status: 0,
			data: {
				chg_count: byEntries ? changedEntries : changed.size,
				new_count: byEntries ? newEntries : created.size,
				error_list: errorList,
			},
		};
	},
);

export interface RefundStockinInput {
	refundNo: string;
	shopNo: string;
	warehouseNo: string;
	lines: Array<{ specNo: string; num: number; tid?: string; oid?: string; refundAmount?: number }>;
	atMs: number;
	/** 80 已完成 (default) books stock; 20 编辑中 / 30 待审核 do not yet. */
	status?: number;
}

/** Books a refund stock-in (退货入库单); when completed, the stock moves in. Returns it. */
export function receiveRefund(store: SimulatorStore, input: RefundStockinInput): Fields {
	const stockins = methodRecords(store, REFUND_STOCKINS);
	const status = input.status ?? 80;
	const stockinId = nextId(store, 'refundStockin', 7300);
	const orderNo = store.nextDocumentNo(
		'TR',
		input.atMs,
		(no) => stockins.count((s) => s.order_no === no) > 0,
	);
	const shop = masterDataOf(store).shops.find((entry) => entry.shopNo === input.shopNo);
	const warehouse = warehouseOf(store, input.warehouseNo);
	const at = formatCst(input.atMs);
	const refundAmount = input.lines.reduce((sum, line) => sum + (line.refundAmount ?? 0), 0);
	const record = stockins.add(
		{
			order_no: orderNo,
			stockin_id: stockinId,
			status,
			process_status: status === 80 ? 90 : 20,
			warehouse_no: input.warehouseNo,
			warehouse_name: warehouse?.name ?? input.warehouseNo,
			warehouse_id: warehouse?.warehouseId ?? 0,
			created_time: at,
			created: at,
			check_time: status === 80 ? at : '',
			refund_no: input.refundNo,
			shop_no: input.shopNo,
			shop_name: shop?.shopName ?? input.shopNo,
			shop_id: shop?.shopId ?? 0,
			shop_platform_id: shop?.platformId ?? 0,
			type: 2,
			goods_count: input.lines.reduce((sum, line) => sum + line.num, 0),
			goods_type_count: new Set(input.lines.map((line) => line.specNo)).size,
			total_goods_stockin_num: status === 80 ? input.lines.reduce((sum, l) => sum + l.num, 0) : 0,
			refund_amount: refundAmount,
			actual_refund_amount: refundAmount,
			tid_list: [...new Set(input.lines.map((line) => line.tid ?? ''))].join(','),
			operator_name: '仓库小李',
			flag_name: '无',
			details_list: input.lines.map((line) => {
				const goods = goodsInfo(line.specNo);
				return {
					rec_id: nextId(store, 'refundStockinLine', 81_000),
					stockin_id: stockinId,
					num: line.num,
					expect_num: line.num,
					stockin_num: status === 80 ? line.num : 0,
					right_num: status === 80 ? line.num : 0,
					goods_name: goods.goodsName,
					goods_no: goods.goodsNo,
					spec_no: line.specNo,
					spec_id: specIdOf(line.specNo),
					spec_name: goods.specName,
					brand_name: goods.brandName,
					defect: false,
					refund_amount: line.refundAmount ?? 0,
					tid: line.tid ?? '',
					src_order_type: 12,
					created: at,
					modified: at,
				};
			}),
		},
		{ modifiedMs: input.atMs },
	);
	if (status === 80)
		for (const line of input.lines)
			moveStock(store, {
				warehouseNo: input.warehouseNo,
				specNo: line.specNo,
				delta: line.num,
				srcOrderType: SRC_ORDER_TYPE.refundIn,
				srcOrderNo: input.refundNo,
				stockioNo: orderNo,
				atMs: input.atMs,
			});
	return record;
}

/** summary_data: per warehouse, per shop, per SKU (num, total_refund_amount). */
function summaryOf(orders: Fields[]): Fields[] {
	const byWarehouse = new Map<string, Map<string, Map<string, { num: number; amount: number }>>>();
	for (const order of orders) {
		const shops = byWarehouse.get(String(order.warehouse_no)) ?? new Map();
		byWarehouse.set(String(order.warehouse_no), shops);
		const specs = shops.get(String(order.shop_no)) ?? new Map();
		shops.set(String(order.shop_no), specs);
		for (const line of order.details_list as Fields[]) {
			const spec = specs.get(String(line.spec_no)) ?? { num: 0, amount: 0 };
			spec.num += Number(line.num);
			spec.amount += Number(line.refund_amount);
			specs.set(String(line.spec_no), spec);
		}
	}
	return [...byWarehouse].map(([warehouseNo, shops]) => ({
		warehouse_no: warehouseNo,
		shop_data: [...shops].map(([shopNo, specs]) => ({
			shop_no: shopNo,
			spec_data: [...specs].map(([specNo, spec]) => ({
				spec_no: specNo,
				num: spec.num,
				total_refund_amount: spec.amount,
			})),
		})),
	}));
}

export const queryRefundStockins = methodSpec(
	REFUND_STOCKINS,
	{ paged: true, argCount: 1 },
	(call) => {
		const params = objectArg(call.args[0]);
		const window = thirtyDayWindow(params)!;
		const byStockinTime = numberArg(params.time_type) === 1;
		const stockinField =
			call.store.replies.refundStockinTime === 'created_time' ? 'created_time' : 'check_time';
		methodRecords(call.store, REFUND_STOCKINS)
			.filter('stockin_no', (record, value) => record.order_no === value)
			.filter('shop_nos', (record, value) =>
				String(value)
					.split(',')
					.map((no) => no.trim())
					.includes(String(record.shop_no)),
			)
			.filter('time_type', (record, value) => {
				if (Number(value) !== 1) return true;
				const at = parseCst(String(record[stockinField]));
				return at !== undefined && call.store.inWindow(at, window.startMs, window.endMs);
			});
		const query = { ...params };
		if (byStockinTime) {
			delete query.start_time;
			delete query.end_time;
		}
		const reply = answerFromRecords(call, REFUND_STOCKINS, {
			query,
			entry: { maxWindowMs: undefined },
		});
		// summary_data is a required field of the reply: empty unless need_summary asks for it.
		const data = reply.data as Fields;
		data.summary_data = boolArg(params.need_summary)
			? summaryOf((data.order as Fields[]) ?? [])
			: [];
		return reply;
	},
);

export const REFUND_IN_METHODS = [uploadRawRefunds, queryRefundStockins];
