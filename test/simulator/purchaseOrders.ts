/**
 * Purchase orders and their receipts:
 * - purchase.PurchaseOrder.createOrder (采购单新建): `{status:0, data:{status, message}}`,
 *   data.message the new number (CG…), data.status 0, or 20 (审核失败) with the review's message
 *   when `failReview` says so (the order exists, unreviewed, and the reply does not name it).
 * - purchase.PurchaseOrder.cancelOrder (采购单取消): one number; "仅可以取消状态为编辑中状态下的
 *   采购单" (20 → 10); the page's message for an unknown number.
 * - purchase.PurchaseOrder.queryWithDetail: a number, or both times ("如果不填写采购单号则必须填写
 *   开始时间和结束时间；填写了采购单号的时候起止时间条件失效"), at most 30 days, on `modified`.
 * - wms.stockin.Purchase.queryWithDetail: both times required (the page's error example's
 *   message), at most 30 days, on the stock-in's `modified`.
 * `receivePurchase` (test and demo helper) books a purchase stock-in of a purchase order: the
 * order's received quantities and statuses move on and the stock moves (stockMoves.ts).
 */
import { formatCst, parseCstDateOrDateTime } from './cst';
import {
	boolArg,
	checkLength,
	flowState,
	isKnownSpec,
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
import { masterDataOf } from './masterData';
import { WdtError } from './methods';
import { moveStock, SRC_ORDER_TYPE } from './stockMoves';
import { goodsInfo, PROVIDER_NAMES, type SimulatorStore } from './store';

export const PURCHASE_ORDERS = 'purchase.PurchaseOrder.queryWithDetail';
export const PURCHASE_STOCKINS = 'wms.stockin.Purchase.queryWithDetail';
const CREATE = 'purchase.PurchaseOrder.createOrder';

/** Purchase order statuses (the query page's table). */
export const PURCHASE_ORDER_STATUS = {
	cancelled: 10,
	editing: 20,
	pendingReview: 30,
	approved: 40,
	partlyArrived: 50,
	arrived: 60,
} as const;

/** The purchase stock-in page's message for a missing window (its 异常响应示例). */
export const STOCKIN_MISSING_WINDOW =
	'start_time和end_time为空或不是有效的时间格式[0000-00-00 00:00:00] ';

const decimal = (value: number) => Number(value.toFixed(4));

/** A provider of the master data or of the demo's purchase applies. */
function providerOf(store: SimulatorStore, providerNo: string) {
	const provider = masterDataOf(store).providers.find(
		(entry) => entry.providerNo === providerNo && !entry.deleted,
	);
	if (provider) return { id: provider.providerId, name: provider.providerName };
	const name = PROVIDER_NAMES[providerNo];
	return name ? { id: 100 + Object.keys(PROVIDER_NAMES).indexOf(providerNo), name } : undefined;
}

export interface PurchaseOrderInput {
	purchaseNo?: string;
	providerNo: string;
	warehouseNo: string;
	purchaserName?: string;
	status?: number;
	remark?: string;
	createdMs: number;
	lines: Array<{ specNo: string; num: number; price?: number; remark?: string }>;
	/** Extra documented order fields (prop1, flag_name, …). */
	fields?: Fields;
}

/** Stores a purchase order (queryWithDetail's fields) and returns it. */
export function addPurchaseOrder(store: SimulatorStore, input: PurchaseOrderInput): Fields {
	const orders = methodRecords(store, PURCHASE_ORDERS);
	const purchaseId = nextId(store, 'purchaseOrder', 8490);
	const purchaseNo =
		input.purchaseNo ??
		store.nextDocumentNo(
			'CG',
			input.createdMs,
			(no) => orders.count((o) => o.purchase_no === no) > 0,
		);
	const provider = providerOf(store, input.providerNo);
	const warehouse = warehouseOf(store, input.warehouseNo);
	const status = input.status ?? PURCHASE_ORDER_STATUS.editing;
	const created = formatCst(input.createdMs);
	const lines = input.lines.map((line) => {
		const goods = goodsInfo(line.specNo);
		const price = line.price ?? 0;
		const row: Fields = {
			purchase_id: purchaseId,
			rec_id: nextId(store, 'purchaseOrderLine', 31_000),
			spec_id: specIdOf(line.specNo),
			spec_no: line.specNo,
			goods_no: goods.goodsNo,
			goods_name: goods.goodsName,
			spec_name: goods.specName,
			brand_name: goods.brandName,
			num: decimal(line.num),
			num2: decimal(line.num),
			lack_num: decimal(line.num),
			unit_ratio: 1,
			price: decimal(price),
			purchase_price: decimal(price),
			discount: 1,
			tax_price: decimal(price),
			dis_price: decimal(price),
			amount: decimal(price * line.num),
			tax_amount: decimal(price * line.num),
			remark: line.remark ?? '',
			created,
			modified: created,
		};
		return row;
	});
	const goodsFee = lines.reduce((sum, line) => sum + Number(line.amount), 0);
	const record = orders.add(
		{
			purchase_id: purchaseId,
			purchase_no: purchaseNo,
			provider_no: input.providerNo,
			provider_id: provider?.id ?? 0,
			provider_name: provider?.name ?? '',
			status,
			warehouse_no: input.warehouseNo,
			warehouse_id: warehouse?.warehouseId ?? 0,
			warehouse_name: warehouse?.name ?? input.warehouseNo,
			creator_name: input.purchaserName ?? '',
			purchaser_name: input.purchaserName ?? '',
			check_operator_name: status >= PURCHASE_ORDER_STATUS.approved ? '系统' : '',
			check_time: status >= PURCHASE_ORDER_STATUS.approved ? created : '',
			flag_name: '无',
			pay_type: 1,
			postfee_pay_type: 1,
			goods_fee: decimal(goodsFee),
			tax_fee: decimal(goodsFee),
			total_fee: decimal(goodsFee),
			goods_type_count: new Set(input.lines.map((line) => line.specNo)).size,
			goods_count: decimal(input.lines.reduce((sum, line) => sum + line.num, 0)),
			remark: input.remark ?? '',
			expect_arrive_time: '',
			...input.fields,
			detail_list: lines,
		},
		{ modifiedMs: input.createdMs },
	);
	return record;
}

/**
 * "自定义属性3/4（接口创建的采购单不返回该字段）": the lines of an order created through the API
 * leave prop3/prop4 out (the record store fills every documented field, so they are removed after
 * each change).
 */
function leaveOutApiLineProps(store: SimulatorStore, record: Fields): Fields {
	if (flowState(store).apiPurchaseOrders.has(String(record.purchase_no)))
		for (const line of record.detail_list as Fields[]) {
			delete line.prop3;
			delete line.prop4;
		}
	return record;
}

const byNo = (purchaseNo: string) => (record: Fields) => record.purchase_no === purchaseNo;

export const createPurchaseOrder = methodSpec(CREATE, { write: true, argCount: 1 }, (call) => {
	const { store, nowMs } = call;
	const params = objectArg(call.args[0]);
	const purchaseNo = text(params.purchase_no);
	const providerNo = text(params.provider_no);
	const receiveNos = text(params.receive_warehouse_nos);
	const expectNo = text(params.expect_warehouse_no);
	const purchaserName = text(params.purchaser_name);
	const isCheck = boolArg(params.is_check) ?? false;
	const remark = text(params.remark);
	checkLength(purchaseNo, 'purchase_no', 40);
	checkLength(remark, 'remark', 255);
	if (providerNo === '' || !providerOf(store, providerNo)) throw new WdtError(100, '供应商不存在');
	for (const warehouseNo of [expectNo, ...receiveNos.split(',').map((no) => no.trim())])
		if (warehouseNo === '' || !warehouseOf(store, warehouseNo))
			throw new WdtError(100, `仓库不存在:${warehouseNo}`);
	if (purchaserName === '') throw new WdtError(100, '采购员不能为空');
	const expectTime = text(params.expect_time);
	if (expectTime !== '' && parseCstDateOrDateTime(expectTime) === undefined)
		throw new WdtError(100, '日期格式不合法');
	const rawLines = params.purchase_details ?? [];
	if (!Array.isArray(rawLines)) throw typeMismatch();
	if (rawLines.length === 0) throw new WdtError(100, '请传入单品信息');
	const lines = rawLines.map((raw) => {
		const line = objectArg(raw);
		const specNo = text(line.spec_no);
		if (specNo === '') throw new WdtError(100, '商家编码不能为空');
		if (!isKnownSpec(specNo)) throw new WdtError(100, `单品不存在检查商家编码:${specNo}`);
		const num = numberArg(line.num);
		if (num === undefined || !Number.isInteger(num) || num <= 0)
			throw new WdtError(100, '数量不合法');
		return { specNo, num, price: numberArg(line.price), remark: text(line.remark) };
	});
	const orders = methodRecords(store, PURCHASE_ORDERS);
	if (purchaseNo !== '' && orders.count(byNo(purchaseNo)) > 0) {
		if (store.replies.repeatedOrderNo === 'refused') throw new WdtError(100, '采购单号已存在');
	}
	const reviewFailure = isCheck ? flowState(store).reviewFailures.get(CREATE) : undefined;
	const approved = isCheck && reviewFailure === undefined;
	const record = addPurchaseOrder(store, {
		purchaseNo: purchaseNo || undefined,
		providerNo,
		warehouseNo: expectNo,
		purchaserName,
		status: approved ? PURCHASE_ORDER_STATUS.approved : PURCHASE_ORDER_STATUS.editing,
		remark,
		createdMs: nowMs,
		lines,
		fields: {
			expect_arrive_time: expectTime,
			logistics_no: text(params.logistics_no),
			...Object.fromEntries(['prop1', 'prop2', 'prop3', 'prop4'].map((p) => [p, text(params[p])])),
			...(numberArg(params.pay_type) !== undefined ? { pay_type: numberArg(params.pay_type) } : {}),
			post_fee: numberArg(params.post_fee) ?? 0,
			other_fee: numberArg(params.other_fee) ?? 0,
		},
	});
	flowState(store).apiPurchaseOrders.add(String(record.purchase_no));
	leaveOutApiLineProps(store, record);
	if (reviewFailure !== undefined)
		return { status: 0, data: { status: 20, message: reviewFailure } };
	const data = { status: 0, message: String(record.purchase_no) };
	return store.replies.uploadNumberIn === 'both'
		? { status: 0, message: data.message, data }
		: { status: 0, data };
});

export const cancelPurchaseOrder = methodSpec(
	'purchase.PurchaseOrder.cancelOrder',
	{ write: true, argCount: 1 },
	({ store, args, nowMs }) => {
		const purchaseNo = text(args[0]);
		const orders = methodRecords(store, PURCHASE_ORDERS);
		const record = orders.find(byNo(purchaseNo));
		if (!record) throw new WdtError(100, `采购单号为 ${purchaseNo} 的单据不存在`);
		if (record.status !== PURCHASE_ORDER_STATUS.editing)
			throw new WdtError(100, `采购单号为 ${purchaseNo} 的单据状态不是编辑中`);
		leaveOutApiLineProps(
			store,
			orders.modify(
				byNo(purchaseNo),
				{ status: PURCHASE_ORDER_STATUS.cancelled },
				{ modifiedMs: nowMs },
			),
		);
		return { status: 0 };
	},
);

export const queryPurchaseOrders = methodSpec(
	PURCHASE_ORDERS,
	{ paged: true, argCount: 1 },
	(call) => {
		const params = objectArg(call.args[0]);
		const purchaseNo = text(params.purchase_no);
		const fuzzy = boolArg(params.fuzzy_query) ?? false;
		methodRecords(call.store, PURCHASE_ORDERS)
			.filter('purchase_no', (record, value) =>
				fuzzy ? String(record.purchase_no).includes(String(value)) : record.purchase_no === value,
			)
			.filter('expect_warehouse_no', (record, value) => record.warehouse_no === value);
		// With a number the window does not apply; without one it is required.
		const window = purchaseNo === '' ? thirtyDayWindow(params) : undefined;
		const query = { ...params };
		if (!window) {
			delete query.start_time;
			delete query.end_time;
		}
		return answerFromRecords(call, PURCHASE_ORDERS, { query, entry: { maxWindowMs: undefined } });
	},
);

export const queryPurchaseStockins = methodSpec(
	PURCHASE_STOCKINS,
	{ paged: true, argCount: 1 },
	(call) => {
		const params = objectArg(call.args[0]);
		thirtyDayWindow(params, { missingMessage: STOCKIN_MISSING_WINDOW });
		methodRecords(call.store, PURCHASE_STOCKINS).filter(
			'stockin_no',
			(record, value) => record.order_no === value,
		);
		return answerFromRecords(call, PURCHASE_STOCKINS, { entry: { maxWindowMs: undefined } });
	},
);

/**
 * Books a completed purchase stock-in (status 80) for a purchase order: `lines` (spec_no → num,
 * default every line's missing quantity). The order's stockin_num/lack_num/arrive counts and its
 * status (50 部分到货 / 60 已到货) and stockin_status (1 部分入库 / 2 已入库) follow; stock moves in.
 * Returns the stock-in record.
 */
export function receivePurchase(
	store: SimulatorStore,
	purchaseNo: string,
	options: { atMs?: number; lines?: Record<string, number> } = {},
): Fields {
	const atMs = options.atMs ?? store.clock.now();
	const orders = methodRecords(store, PURCHASE_ORDERS);
	const order = orders.find(byNo(purchaseNo));
	if (!order) throw new Error(`simulator: no purchase order ${purchaseNo}`);
	const orderLines = order.detail_list as Fields[];
	const received = orderLines
		.map((line) => ({
			line,
			num: options.lines ? (options.lines[String(line.spec_no)] ?? 0) : Number(line.lack_num),
		}))
		.filter((entry) => entry.num > 0);
	const stockins = methodRecords(store, PURCHASE_STOCKINS);
	const stockinId = nextId(store, 'purchaseStockin', 6200);
	const orderNo = store.nextDocumentNo(
		'RK',
		atMs,
		(no) => stockins.count((s) => s.order_no === no) > 0,
	);
	const stockin = stockins.add(
		{
			stockin_id: stockinId,
			order_no: orderNo,
			warehouse_no: order.warehouse_no,
			status: 80,
			created_time: formatCst(atMs),
			check_time: formatCst(atMs),
			purchase_id: order.purchase_id,
			purchase_no: purchaseNo,
			provider_no: order.provider_no,
			provider_name: order.provider_name,
			goods_count: decimal(received.reduce((sum, entry) => sum + entry.num, 0)),
			flag_name: '无',
			operator_name: '仓库小李',
			details_list: received.map(({ line, num }) => ({
				rec_id: nextId(store, 'purchaseStockinLine', 41_000),
				num: decimal(num),
				discount: 1,
				cost_price: line.price,
				src_price: line.price,
				total_cost: decimal(Number(line.price) * num),
				goods_name: line.goods_name,
				goods_no: line.goods_no,
				spec_no: line.spec_no,
				spec_name: line.spec_name,
				brand_name: line.brand_name,
				defect: false,
				unit_ratio: 1,
			})),
		},
		{ modifiedMs: atMs },
	);
	for (const { line, num } of received) {
		moveStock(store, {
			warehouseNo: String(order.warehouse_no),
			specNo: String(line.spec_no),
			delta: num,
			srcOrderType: SRC_ORDER_TYPE.purchaseIn,
			srcOrderNo: purchaseNo,
			stockioNo: orderNo,
			atMs,
		});
	}
	const lines = orderLines.map((line) => {
		const num = received.find((entry) => entry.line === line)?.num ?? 0;
		const stockinNum = Number(line.stockin_num) + num;
		return {
			...line,
			stockin_num: decimal(stockinNum),
			lack_num: decimal(Math.max(0, Number(line.num) - stockinNum)),
			modified: formatCst(atMs),
		};
	});
	const complete = lines.every((line) => line.lack_num === 0);
	const stockinCount = lines.reduce((sum, line) => sum + Number(line.stockin_num), 0);
	const changed = orders.modify(
		byNo(purchaseNo),
		{
			detail_list: lines,
			status: complete ? PURCHASE_ORDER_STATUS.arrived : PURCHASE_ORDER_STATUS.partlyArrived,
			stockin_status: complete ? 2 : 1,
			goods_arrive_count: decimal(stockinCount),
			goods_stockin_count: decimal(stockinCount),
		},
		{ modifiedMs: atMs },
	);
	leaveOutApiLineProps(store, changed);
	return stockin;
}

export const PURCHASE_ORDER_METHODS = [
	createPurchaseOrder,
	cancelPurchaseOrder,
	queryPurchaseOrders,
	queryPurchaseStockins,
];
