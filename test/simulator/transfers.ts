/**
 * Transfers between warehouses:
 * - wms.stocktransfer.Edit.createOrder (调拨单新建): `[orderInfo, detailList, isCheck]` →
 *   `{status:0, data:{message: <transfer_no>, status: 0}}`; with `failReview`, data.status 20
 *   (审核失败), data.message the review's message and data.transfer_no the new number. Reviewed
 *   (isCheck) step transfers (modes 0, 1, 2) are 40 已审核; fast ones (5, 6, 7: 出+入) complete at
 *   once (90 调拨完成) and move the stock out and in; unreviewed ones are 20 编辑中. The query
 *   does not return outer_no. "若调拨数量小于可用库存数量会提示报错" says the opposite of what it
 *   must mean: `replies.transferStock` 'exceeds' (default: a line above the source warehouse's
 *   stock is refused) or 'unchecked' (created whatever the stock). A line's batch_no and
 *   expire_date count only in modes 2 and 7 ("才有效"); expire_date's form is
 *   `replies.transferExpireDate`; defect is the page's boolean; batch_no and remark are bounded by
 *   the query's columns (40, 255).
 * - wms.stocktransfer.Manage.cancelOrder (调拨单取消): "取消编辑中/待审核状态的调拨单" (20, 30 → 10),
 *   otherwise the page's `调拨单状态不正确`.
 * - wms.stocktransfer.Manage.queryWithDetail: both times required (the page's error example),
 *   at most 30 days, on `modified`.
 * `shipTransfer` / `receiveTransfer` (test and demo helpers) move a reviewed transfer on.
 */
import { formatCst } from './cst';
import {
	boolArg,
	checkLength,
	flowState,
	isKnownSpec,
	isObject,
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
import { WdtError } from './methods';
import { moveStock, SRC_ORDER_TYPE, stockOf } from './stockMoves';
import { goodsInfo, type SimulatorStore } from './store';

export const TRANSFERS = 'wms.stocktransfer.Manage.queryWithDetail';
const CREATE = 'wms.stocktransfer.Edit.createOrder';

export const TRANSFER_STATUS = {
	cancelled: 10,
	editing: 20,
	pendingReview: 30,
	approved: 40,
	transferring: 50,
	done: 90,
} as const;

/** The create page's modes: 0, 1, 2 step by step, 5, 6, 7 fast (出+入). */
const STEP_MODES = [0, 1, 2];
const FAST_MODES = [5, 6, 7];

/** The modes that take a line's batch_no and expire_date ("mode=2或者7，才有效"). */
const DETAILED_MODES = [2, 7];

/**
 * A line's expire_date as WDT keeps it (replies.transferExpireDate): 'dateTime' takes
 * yyyy-MM-dd HH:mm:ss; 'date' takes a day, with or without a time, and keeps the day. Anything
 * else is MySQL's refusal.
 */
function expireDateOf(store: SimulatorStore, given: string): string {
	if (given === '') return '';
	const dateTime = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(given);
	const date = /^\d{4}-\d{2}-\d{2}$/.test(given);
	if (store.replies.transferExpireDate === 'dateTime' && dateTime) return given;
	if (store.replies.transferExpireDate === 'date' && (date || dateTime)) return given.slice(0, 10);
	throw new WdtError(100, `Incorrect datetime value: '${given}' for column 'expire_date'`);
}

const byNo = (transferNo: string) => (record: Fields) => record.transfer_no === transferNo;

export interface TransferInput {
	transferNo?: string;
	fromWarehouseNo: string;
	toWarehouseNo: string;
	mode?: number;
	status?: number;
	remark?: string;
	createdMs: number;
	lines: Array<{
		specNo: string;
		num: number;
		remark?: string;
		defect?: boolean;
		batchNo?: string;
		expireDate?: string;
	}>;
	fields?: Fields;
}

/** Stores a transfer (the query's fields) and returns it. */
export function addTransfer(store: SimulatorStore, input: TransferInput): Fields {
	const transfers = methodRecords(store, TRANSFERS);
	const transferId = nextId(store, 'transfer', 4379);
	const transferNo =
		input.transferNo ??
		store.nextDocumentNo('TF', input.createdMs, (no) => transfers.count(byNo(no)) > 0);
	const from = warehouseOf(store, input.fromWarehouseNo);
	const to = warehouseOf(store, input.toWarehouseNo);
	const status = input.status ?? TRANSFER_STATUS.editing;
	const at = formatCst(input.createdMs);
	return transfers.add(
		{
			transfer_id: transferId,
			transfer_no: transferNo,
			mode: input.mode ?? 0,
			status,
			stock_out_in_status: 10,
			goods_count: input.lines.reduce((sum, line) => sum + line.num, 0),
			goods_type_count: new Set(input.lines.map((line) => line.specNo)).size,
			check_time: status >= TRANSFER_STATUS.approved ? at : '',
			remark: input.remark ?? '',
			from_warehouse_no: input.fromWarehouseNo,
			from_warehouse_id: from?.warehouseId ?? 0,
			to_warehouse_no: input.toWarehouseNo,
			to_warehouse_id: to?.warehouseId ?? 0,
			creator_name: '仓库小李',
			flag_name: '无',
			created_date: at,
			modified_date: at,
			...input.fields,
			details_list: input.lines.map((line) => {
				const goods = goodsInfo(line.specNo);
				return {
					transfer_id: transferId,
					rec_id: nextId(store, 'transferLine', 8778),
					stock_num: stockOf(store, input.fromWarehouseNo, line.specNo),
					num: line.num,
					remark: line.remark ?? '',
					goods_no: goods.goodsNo,
					spec_no: line.specNo,
					spec_name: goods.specName,
					spec_id: specIdOf(line.specNo),
					defect: line.defect ?? false,
					batch_no: line.batchNo ?? '',
					expire_date: line.expireDate ?? '',
					created: at,
					modified: at,
				};
			}),
		},
		{ modifiedMs: input.createdMs },
	);
}

/** Moves the goods of a reviewed transfer out of its source (status 50 调拨中, 40 全部出库未入库). */
export function shipTransfer(store: SimulatorStore, transferNo: string, atMs = store.clock.now()) {
	return moveTransfer(store, transferNo, 'out', atMs);
}

/** Moves them into the target (status 90 调拨完成, 60 已完成). */
export function receiveTransfer(
	store: SimulatorStore,
	transferNo: string,
	atMs = store.clock.now(),
) {
	return moveTransfer(store, transferNo, 'in', atMs);
}

function moveTransfer(
	store: SimulatorStore,
	transferNo: string,
	step: 'out' | 'in',
	atMs: number,
): Fields {
	const transfers = methodRecords(store, TRANSFERS);
	const transfer = transfers.find(byNo(transferNo));
	if (!transfer) throw new Error(`simulator: no transfer ${transferNo}`);
	const lines = transfer.details_list as Fields[];
	for (const line of lines)
		moveStock(store, {
			warehouseNo: String(step === 'out' ? transfer.from_warehouse_no : transfer.to_warehouse_no),
			specNo: String(line.spec_no),
			delta: step === 'out' ? -Number(line.num) : Number(line.num),
			srcOrderType: SRC_ORDER_TYPE.transfer,
			srcOrderNo: transferNo,
			stockioNo: store.nextDocumentNo(step === 'out' ? 'CK' : 'RK', atMs, () => false),
			defect: Boolean(line.defect),
			atMs,
		});
	const at = formatCst(atMs);
	return transfers.modify(
		byNo(transferNo),
		{
			status: step === 'out' ? TRANSFER_STATUS.transferring : TRANSFER_STATUS.done,
			stock_out_in_status: step === 'out' ? 40 : 60,
			goods_out_count: transfer.goods_count,
			goods_in_count: step === 'in' ? transfer.goods_count : 0,
			modified_date: at,
			details_list: lines.map((line) => ({
				...line,
				out_num: line.num,
				in_num: step === 'in' ? line.num : 0,
				modified: at,
			})),
		},
		{ modifiedMs: atMs },
	);
}

export const createTransfer = methodSpec(
	CREATE,
	{ write: true, argCount: 3 },
	({ store, args, nowMs }) => {
		const [orderArg, linesArg, checkArg] = args;
		if (!isObject(orderArg) || !Array.isArray(linesArg)) throw typeMismatch();
		const order = orderArg;
		const isCheck = boolArg(checkArg) ?? false;
		const outerNo = text(order.outer_no);
		const fromNo = text(order.from_warehouse_no);
		const toNo = text(order.to_warehouse_no);
		checkLength(outerNo, 'outer_no', 20);
		checkLength(text(order.remark), 'remark', 255);
		if (outerNo === '') throw new WdtError(100, '外部单号不能为空');
		for (const warehouseNo of [fromNo, toNo])
			if (warehouseNo === '' || !warehouseOf(store, warehouseNo))
				throw new WdtError(100, `仓库不存在:${warehouseNo}`);
		if (fromNo === toNo) throw new WdtError(100, '调出仓库和调入仓库不能相同');
		const mode = numberArg(order.mode);
		if (mode === undefined || ![...STEP_MODES, ...FAST_MODES].includes(mode))
			throw new WdtError(100, '调拨类型不正确');
		if (linesArg.length === 0) throw new WdtError(100, '调拨单明细不能为空');
		const lines = linesArg.map((raw) => {
			const line = objectArg(raw);
			const specNo = text(line.spec_no);
			// The page's 异常响应示例.
			if (specNo === '' || !isKnownSpec(specNo)) throw new WdtError(100, '单品不存在检查商家编码');
			const num = numberArg(line.num);
			if (num === undefined || num <= 0) throw new WdtError(100, `调拨数量不正确:${specNo}`);
			// 是否残次品 bool: "残次品：true 正品：false".
			if (line.defect !== undefined && typeof line.defect !== 'boolean') throw typeMismatch();
			const defect = line.defect === true;
			if (store.replies.transferStock === 'exceeds' && num > stockOf(store, fromNo, specNo, defect))
				throw new WdtError(100, `库存不足:${specNo}`);
			// No lengths on this page: the columns the transfer query documents (details_list).
			const remark = text(line.remark);
			checkLength(remark, 'remark', 255);
			// "批次号 / 有效期 …，mode=2或者7，才有效": other modes ignore them.
			const detailed = DETAILED_MODES.includes(mode);
			const batchNo = text(line.batch_no);
			checkLength(batchNo, 'batch_no', 40);
			const expireDate = expireDateOf(store, text(line.expire_date));
			return {
				specNo,
				num,
				remark,
				defect,
				...(detailed ? { batchNo, expireDate } : {}),
			};
		});
		const outerNos = flowState(store).outerNos;
		if (outerNos.has(`${CREATE}\u0000${outerNo}`) && store.replies.repeatedOrderNo === 'refused')
			throw new WdtError(100, '外部单号重复!');
		const reviewFailure = isCheck ? flowState(store).reviewFailures.get(CREATE) : undefined;
		const reviewed = isCheck && reviewFailure === undefined;
		const transfer = addTransfer(store, {
			fromWarehouseNo: fromNo,
			toWarehouseNo: toNo,
			mode,
			status: reviewed ? TRANSFER_STATUS.approved : TRANSFER_STATUS.editing,
			remark: text(order.remark),
			createdMs: nowMs,
			lines,
			fields: { contact: text(order.contact), telno: text(order.telno) },
		});
		outerNos.add(`${CREATE}\u0000${outerNo}`);
		const transferNo = String(transfer.transfer_no);
		if (reviewed && FAST_MODES.includes(mode)) {
			shipTransfer(store, transferNo, nowMs);
			receiveTransfer(store, transferNo, nowMs);
		}
		if (reviewFailure !== undefined)
			return { status: 0, data: { message: reviewFailure, transfer_no: transferNo, status: 20 } };
		const data = { message: transferNo, status: 0 };
		return store.replies.uploadNumberIn === 'both'
			? { status: 0, message: transferNo, data }
			: { status: 0, data };
	},
);

export const cancelTransfer = methodSpec(
	'wms.stocktransfer.Manage.cancelOrder',
	{ write: true, argCount: 1 },
	({ store, args, nowMs }) => {
		const transferNo = text(args[0]);
		const transfers = methodRecords(store, TRANSFERS);
		const transfer = transfers.find(byNo(transferNo));
		if (!transfer) throw new WdtError(100, `调拨单不存在:${transferNo}`);
		if (
			transfer.status !== TRANSFER_STATUS.editing &&
			transfer.status !== TRANSFER_STATUS.pendingReview
		)
			throw new WdtError(100, '调拨单状态不正确');
		transfers.modify(
			byNo(transferNo),
			{ status: TRANSFER_STATUS.cancelled, modified_date: formatCst(nowMs) },
			{ modifiedMs: nowMs },
		);
		return { status: 0 };
	},
);

export const queryTransfers = methodSpec(TRANSFERS, { paged: true, argCount: 1 }, (call) => {
	const params = objectArg(call.args[0]);
	thirtyDayWindow(params);
	const fuzzy = boolArg(params.fuzzy_query) ?? false;
	methodRecords(call.store, TRANSFERS).filter('transfer_no', (record, value) =>
		fuzzy ? String(record.transfer_no).includes(String(value)) : record.transfer_no === value,
	);
	return answerFromRecords(call, TRANSFERS, { entry: { maxWindowMs: undefined } });
});

export const TRANSFER_METHODS = [createTransfer, cancelTransfer, queryTransfers];
