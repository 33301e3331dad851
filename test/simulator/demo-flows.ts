/**
 * The 'demo' seed's stock flows (part of seedDemoData, after the stock): every issue-22 read has
 * records in `npm start`'s account, most within the last day and each kind of stock movement
 * within the last hour (queryChangeHistory's window without SKU codes).
 * - stock sync: a platform goods of the self-owned shop per SKU; the ones whose stock moved wait.
 * - purchase orders in editing, reviewed, partly and fully received, cancelled; their receipts.
 * - refund stock-ins of the self-owned and the Tmall shop; transfers in editing, awaiting
 *   review, reviewed and done; a completed and an open stocktake; invoices waiting to be
 *   issued offline (45), failed offline (85), issued (60) and cancelled (5).
 */
import { formatCst } from './cst';
import { addPlatformGoods, isSyncPending } from './stockSync';
import { type Fields } from './flows';
import { methodRecords } from './generic';
import {
	addPurchaseOrder,
	PURCHASE_ORDER_STATUS,
	PURCHASE_ORDERS,
	receivePurchase,
} from './purchaseOrders';
import { putRawRefund, receiveRefund } from './refundsIn';
import { masterDataOf } from './masterData';
import { addStocktake } from './stocktakes';
import { addInvoice, INVOICES } from './invoices';
import {
	addTransfer,
	receiveTransfer,
	shipTransfer,
	TRANSFER_STATUS,
	TRANSFERS,
} from './transfers';
import { GOODS, type SimulatorStore } from './store';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The self-owned shop of the demo (demo-data.ts's DEMO_SELF_OWNED_SHOP, id 900). */
const SELF_OWNED_SHOP = { no: 'MALL01', id: 900 };

export function seedStockFlows(store: SimulatorStore, now: number): void {
	seedPlatformGoods(store, now);
	seedPurchases(store, now);
	seedTransfers(store, now);
	seedStocktakes(store, now);
	seedRefundStockins(store, now);
	seedRawRefunds(store, now);
	seedInvoices(store, now);
}

/** One platform goods per SKU, synced from WH01 and WH02 (ids 1, 2); the first waits already. */
function seedPlatformGoods(store: SimulatorStore, now: number): void {
	Object.entries(GOODS).forEach(([specNo, goods], index) => {
		addPlatformGoods(
			store,
			{
				rec_id: 2447 + index,
				shop_id: SELF_OWNED_SHOP.id,
				goods_id: `M-${goods.goodsNo}`,
				spec_id: `M-${specNo}`,
				outer_id: goods.goodsNo,
				spec_outer_id: specNo,
				match_code: specNo,
				match_target_id: 5010 + index,
				stock_syn_warehouses: '1,2',
				stock_change_count: 1,
				last_syn_num: 20,
				last_syn_time: formatCst(now - 2 * DAY),
			},
			{ pending: index === 0, modifiedMs: now - 2 * DAY },
		);
	});
}

function seedPurchases(store: SimulatorStore, now: number): void {
	const order = (
		createdMs: number,
		status: number,
		providerNo: string,
		warehouseNo: string,
		lines: Array<{ specNo: string; num: number; price: number }>,
	) =>
		addPurchaseOrder(store, {
			providerNo,
			warehouseNo,
			purchaserName: '采购小王',
			status,
			remark: status === PURCHASE_ORDER_STATUS.editing ? '月度补货' : '',
			createdMs,
			lines,
		});
	order(now - 4 * DAY, PURCHASE_ORDER_STATUS.editing, 'P001', 'WH01', [
		{ specNo: 'TS-001-BLK-M', num: 50, price: 32 },
		{ specNo: 'TS-001-WHT-L', num: 30, price: 32 },
	]);
	order(now - 5 * HOUR, PURCHASE_ORDER_STATUS.editing, 'P002', 'WH02', [
		{ specNo: 'MUG-350', num: 100, price: 12.5 },
	]);
	order(now - 3 * DAY, PURCHASE_ORDER_STATUS.approved, 'P001', 'WH01', [
		{ specNo: 'CABLE-C-1M', num: 200, price: 4.2 },
	]);
	const partly = order(now - 2 * DAY, PURCHASE_ORDER_STATUS.approved, 'P002', 'WH01', [
		{ specNo: 'MUG-350', num: 60, price: 12.5 },
		{ specNo: 'CABLE-C-1M', num: 40, price: 4.2 },
	]);
	const full = order(now - 2 * DAY, PURCHASE_ORDER_STATUS.approved, 'GYS001', 'WH02', [
		{ specNo: 'TS-001-BLK-M', num: 20, price: 31 },
	]);
	order(now - 6 * DAY, PURCHASE_ORDER_STATUS.cancelled, 'P001', 'WH02', [
		{ specNo: 'TS-001-WHT-L', num: 10, price: 32 },
	]);
	receivePurchase(store, String(partly.purchase_no), {
		atMs: now - 3 * HOUR,
		lines: { 'MUG-350': 40 },
	});
	receivePurchase(store, String(full.purchase_no), { atMs: now - 40 * MINUTE });
}

function seedTransfers(store: SimulatorStore, now: number): void {
	const transfer = (createdMs: number, status: number, specNo: string, num: number) =>
		addTransfer(store, {
			fromWarehouseNo: 'WH01',
			toWarehouseNo: 'WH02',
			mode: 0,
			status,
			remark: '补充广州分仓',
			createdMs,
			lines: [{ specNo, num }],
		});
	transfer(now - 26 * HOUR, TRANSFER_STATUS.editing, 'TS-001-WHT-L', 5);
	transfer(now - 20 * HOUR, TRANSFER_STATUS.pendingReview, 'MUG-350', 8);
	transfer(now - 6 * HOUR, TRANSFER_STATUS.approved, 'CABLE-C-1M', 10);
	const done = transfer(now - 4 * HOUR, TRANSFER_STATUS.approved, 'TS-001-BLK-M', 6);
	shipTransfer(store, String(done.transfer_no), now - 2 * HOUR);
	receiveTransfer(store, String(done.transfer_no), now - 30 * MINUTE);
}

function seedStocktakes(store: SimulatorStore, now: number): void {
	addStocktake(store, {
		warehouseNo: 'WH01',
		status: 40,
		mode: 2,
		remark: '月末盘点',
		atMs: now - 50 * MINUTE,
		lines: [
			{ specNo: 'TS-001-BLK-M', newNum: 30 },
			{ specNo: 'CABLE-C-1M', newNum: 70 },
		],
	});
	addStocktake(store, {
		warehouseNo: 'WH02',
		status: 20,
		atMs: now - 5 * HOUR,
		lines: [{ specNo: 'MUG-350', newNum: 12 }],
	});
}

function seedRefundStockins(store: SimulatorStore, now: number): void {
	receiveRefund(store, {
		refundNo: 'MALL-RF-1001',
		shopNo: SELF_OWNED_SHOP.no,
		warehouseNo: 'WH01',
		atMs: now - 20 * MINUTE,
		lines: [{ specNo: 'MUG-350', num: 1, tid: 'M205410488', refundAmount: 39.9 }],
	});
	receiveRefund(store, {
		refundNo: 'TK8802',
		shopNo: 'TMALL01',
		warehouseNo: 'WH02',
		atMs: now - 7 * HOUR,
		lines: [{ specNo: 'TS-001-WHT-L', num: 1, tid: 'T205400288', refundAmount: 79 }],
	});
	receiveRefund(store, {
		refundNo: 'TK8805',
		shopNo: 'TMALL01',
		warehouseNo: 'WH01',
		atMs: now - 2 * HOUR,
		status: 30,
		lines: [{ specNo: 'CABLE-C-1M', num: 2, tid: 'T205400588', refundAmount: 39.8 }],
	});
}

/** Refunds of the self-owned shop as upload2 leaves them (aftersales.refund.RawRefund.search). */
function seedRawRefunds(store: SimulatorStore, now: number): void {
	const shop = masterDataOf(store).shops.find((entry) => entry.shopNo === SELF_OWNED_SHOP.no);
	if (!shop) return;
	[
		['MALL-RF-1001', 'M205410488', 'MUG-350', 39.9, 5],
		['MALL-RF-1002', 'M205410888', 'TS-001-BLK-M', 79, 2],
	].forEach(([refundNo, tid, specNo, amount, status], index) =>
		putRawRefund(
			store,
			shop,
			{
				refund_no: refundNo,
				num: 1,
				tid,
				oid: `${String(tid)}-1`,
				type: 2,
				status,
				refund_version: '1',
				refund_amount: amount,
				actual_refund_amount: amount,
				title: GOODS[specNo as string].goodsName,
				buyer_nick: 'mall_buyer',
				is_aftersale: 1,
				reason: '尺码不合适',
				spec_no: specNo,
				refund_time: formatCst(now - (index + 1) * 5 * HOUR),
			},
			now - (index + 1) * 4 * HOUR,
		),
	);
}

function seedInvoices(store: SimulatorStore, now: number): void {
	const statuses = [45, 45, 85, 60, 5];
	statuses.forEach((status, index) => {
		const amount = [79, 118.9, 39.9, 158, 19.9][index];
		const modifiedMs = now - (index + 1) * 8 * HOUR;
		const tradeNo = `JY${String(2054001 + index)}`;
		const record: Fields = {
			invoice_order_no: store.nextDocumentNo('FP', modifiedMs, () => false),
			status,
			invoice_type: 1,
			business_type: index === 1 ? 1 : 0,
			invoice_amount: amount,
			goods_amount: amount,
			shop_no: SELF_OWNED_SHOP.no,
			shop_name: '自有商城',
			trade_no: tradeNo,
			payer_name: index === 1 ? '杭州某某科技有限公司' : '个人',
			payer_register_no: index === 1 ? '91330100MA2XXXXX1K' : '',
			payee_name: '示例商贸有限公司',
			invoice_no: status === 60 ? '24332000000012345678' : '',
			invoice_time: status === 60 ? formatCst(now - 20 * HOUR) : '',
			error_info: status === 85 ? '税控盘离线' : '',
			created: formatCst(now - (index + 1) * 9 * HOUR),
			detail_list: [
				{
					item_name: '纯棉圆领T恤',
					item_no: 'TS-001',
					row_type: '0',
					unit_name: '件',
					num: 1,
					tax_rate: 0.13,
					price: amount,
					sum_price: amount,
					trade_no: tradeNo,
				},
			],
		};
		addInvoice(store, record, modifiedMs);
	});
}

/** Numbers of the demo's stock flows to try the writes with, each in a status that accepts it. */
export interface DemoFlowExamples {
	/** Purchase orders in editing (20): Cancel accepts them. */
	cancellablePurchaseOrders: string[];
	/** Transfers in editing or awaiting review (20, 30): Cancel accepts them. */
	cancellableTransfers: string[];
	/** Platform goods (rec_id) waiting to sync. */
	pendingSyncIds: number[];
	/** Invoices waiting to be issued offline (45) or failed offline (85): Update accepts them. */
	invoicesToIssue: string[];
}

export function demoFlowExamples(store: SimulatorStore): DemoFlowExamples {
	const numbers = (method: string, statuses: number[], field: string) =>
		methodRecords(store, method)
			.select(store, { status: statuses.join(',') }, undefined, Number.MAX_SAFE_INTEGER)
			.map((record) => String(record[field]));
	return {
		cancellablePurchaseOrders: numbers(PURCHASE_ORDERS, [20], 'purchase_no'),
		cancellableTransfers: numbers(TRANSFERS, [20, 30], 'transfer_no'),
		pendingSyncIds: Object.keys(GOODS)
			.map((_, index) => 2447 + index)
			.filter((recId) => isSyncPending(store, recId)),
		invoicesToIssue: numbers(INVOICES, [45, 85], 'invoice_order_no'),
	};
}
