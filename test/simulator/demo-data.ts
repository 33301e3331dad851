/**
 * The 'demo' seed: something for every resource and every trigger event, relative to the
 * simulated now, so `npm start`, the CLI and ad-hoc tests have something to look at: every
 * Get Many returns items with its default time range, and every event's Fetch Test Event
 * (the last 24 hours) shows a sample. Deterministic for a given start time. Records of the
 * catalog-served methods carry documented fields only (test/unit/doc-fidelity.test.ts).
 */
import { formatCst } from './cst';
import { seededRandom } from './faults';
import { methodRecords } from './generic';
import { seedStockFlows } from './demo-flows';
import { addGoods } from './goods';
// methods.ts before masterData.ts: they import each other (see masterData.ts).
import { SELF_OWNED_PLATFORM_ID } from './methods';
import { masterDataOf, setMasterData } from './masterData';
import {
	GOODS,
	OTHER_OUT_STATUS,
	PROVIDER_NAMES,
	PURCHASE_APPLY_STATUS,
	STOCKOUT_STATUS,
	WAREHOUSE_NAMES,
	type SimulatorStore,
} from './store';

const RECEIVERS = [
	'张伟',
	'王芳',
	'李娜',
	'刘洋',
	'陈静',
	'杨磊',
	'赵敏',
	'黄强',
	'周杰',
	'吴婷',
	'徐明',
	'孙丽',
	'马超',
	'朱琳',
	'胡军',
	'郭燕',
	'何平',
	'林涛',
	'高翔',
	'罗霞',
];
const AREAS = [
	'浙江省 杭州市 西湖区',
	'广东省 深圳市 南山区',
	'上海 上海市 浦东新区',
	'北京 北京市 朝阳区',
	'江苏省 南京市 鼓楼区',
	'四川省 成都市 武侯区',
];
const SHOPS = ['TMALL01', 'JD01', 'PDD01', 'DY01'];
const CARRIERS = ['SF14', 'YT75', 'ZTO73', 'JDVA'];
const CANCEL_REMARKS = [
	'买家申请退款',
	'地址填写错误，取消重发',
	'缺货取消',
	'重复下单',
	'客户要求改期发货',
];
const OTHER_REMARKS = ['', '', '客户要求周末送货', '请用加固包装', '赠品随单'];
const WAREHOUSES = ['WH01', 'WH02', '上海仓'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The demo's shop of the self-owned platform (127): Sales Order → Push and Logistics Sync use it. */
export const DEMO_SELF_OWNED_SHOP = 'MALL01';
const ORDER_SHOPS = ['TMALL01', 'JD01', 'DY01', DEMO_SELF_OWNED_SHOP];
const SHOP_NAMES: Readonly<Record<string, string>> = {
	TMALL01: '天猫旗舰店',
	JD01: '京东自营店',
	DY01: '抖音小店',
	[DEMO_SELF_OWNED_SHOP]: '自有商城',
};
const SKUS = Object.keys(GOODS);
const PRICES: Readonly<Record<string, number>> = {
	'TS-001-BLK-M': 79,
	'TS-001-WHT-L': 79,
	'MUG-350': 39.9,
	'CABLE-C-1M': 19.9,
};
/** trade_status codes of the order page: 30 待客审, 55 已审核, 95 已发货, 110 已完成, 5 已取消. */
const ORDER_STATUSES = [30, 55, 95, 95, 110, 110, 5];
/** Refund status and type codes of the refund search page (20 待审核, 30 已同意, 90 已完成; 1 退款, 2 退货, 3 换货). */
const REFUND_STATUSES = [20, 20, 30, 90];
const REFUND_TYPES = [1, 2, 2, 3];
const REFUND_REASONS = ['七天无理由退货', '尺码不合适', '商品破损', '发错货'];

export const DEMO_ORDERS = 'sales.TradeQuery.queryWithDetail';
export const DEMO_REFUNDS = 'aftersales.refund.Refund.search';
export const DEMO_STOCK = 'wms.StockSpec.search2';
export const DEMO_PENDING_LOGISTICS = 'sales.LogisticsSync.getSyncListExt';

/** The numbers the `npm start` banner and the README suggest trying, each in a status that allows it. */
export interface DemoExamples {
	/** Purchase applies in editing (10) or awaiting confirmation (20): Cancel accepts them. */
	cancellableApplies: string[];
	/** A purchase apply partly referenced (25): Stop accepts it. */
	stoppableApply: string;
	/** Other-out orders in editing (1) or awaiting review (10): Cancel accepts them. */
	cancellableOtherOuts: string[];
	/** The platform order number (src_tid) of an order of the self-owned shop. */
	selfOwnedOrderTid: string;
}

export function demoExamples(store: SimulatorStore): DemoExamples {
	const applies = [...store.purchaseApplies.values()];
	const inStatus = (statuses: number[]) =>
		applies.filter((apply) => statuses.includes(apply.status)).map((a) => a.purchaseApplyNo);
	return {
		cancellableApplies: inStatus([
			PURCHASE_APPLY_STATUS.editing,
			PURCHASE_APPLY_STATUS.pendingConfirm,
		]).slice(0, 2),
		stoppableApply: inStatus([PURCHASE_APPLY_STATUS.partlyReferenced])[0],
		cancellableOtherOuts: [...store.otherOuts.values()]
			.filter((order) =>
				[OTHER_OUT_STATUS.editing, OTHER_OUT_STATUS.pending].includes(order.status as 1 | 10),
			)
			.map((order) => order.orderNo),
		selfOwnedOrderTid: String(
			methodRecords(store, DEMO_ORDERS).find((order) => order.shop_no === DEMO_SELF_OWNED_SHOP)
				?.src_tids,
		),
	};
}

export function seedDemoData(store: SimulatorStore): void {
	const now = store.clock.now();
	const random = seededRandom(20241122);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

	// Purchase applies: two in every status, created over the last few days.
	const applyStatuses = Object.values(PURCHASE_APPLY_STATUS);
	applyStatuses.forEach((status, index) => {
		for (let copy = 0; copy < 2; copy++) {
			const createdMs = now - (applyStatuses.length * 2 - (index * 2 + copy)) * 7 * HOUR;
			const referenced =
				status === PURCHASE_APPLY_STATUS.partlyReferenced
					? 4
					: status === PURCHASE_APPLY_STATUS.referenced
						? 10
						: 0;
			store.addPurchaseApply({
				status,
				applyName: '采购小王',
				warehouseNo: WAREHOUSES[(index + copy) % WAREHOUSES.length],
				remark: copy === 0 ? '月度补货' : '促销备货 加急',
				createdMs,
				modifiedMs: createdMs + 30 * MINUTE,
				expectedTimeMs: createdMs + 3 * DAY,
				details: [
					{ specNo: 'TS-001-BLK-M', num: 10, refNum: referenced, providerNo: 'GYS001' },
					{
						specNo: copy === 0 ? 'TS-001-WHT-L' : 'MUG-350',
						num: 20,
						providerNo: copy === 0 ? 'GYS001' : 'GYS002',
					},
				],
			});
		}
	});

	// Other-out orders: fixed numbers (like the doc's QC202409200002) so they are easy to type.
	Object.values(OTHER_OUT_STATUS).forEach((status, index) => {
		const createdMs = now - (8 - index) * DAY;
		store.addOtherOut({
			orderNo: `QC20240920${String(index + 1).padStart(4, '0')}`,
			status,
			warehouseNo: WAREHOUSES[index % WAREHOUSES.length],
			remark: pick(OTHER_REMARKS),
			createdMs,
			modifiedMs: createdMs + HOUR,
		});
	});

	// ~50 sales stockouts over the last 6 hours. Every fourth one was cancelled; as on the
	// searchCancel page, a cancellation's row shows the stockout's state now: most are still 5,
	// every third was restored and completed since (110, the status of the page's example).
	// The details (shop, receiver, logistics, …) are served only by Sales.queryWithDetail.
	const openStatuses = [
		STOCKOUT_STATUS.done,
		STOCKOUT_STATUS.toShip,
		STOCKOUT_STATUS.toPick,
		STOCKOUT_STATUS.picked,
		STOCKOUT_STATUS.toProcess,
	];
	for (let index = 0; index < 50; index++) {
		const modifiedMs = now - 6 * HOUR + Math.floor(((index + random()) / 50) * 6 * HOUR);
		const cancelled = index % 4 === 1;
		const restored = cancelled && index % 3 === 0;
		const carrier = pick(CARRIERS);
		store.addStockout({
			status: restored
				? STOCKOUT_STATUS.done
				: cancelled
					? STOCKOUT_STATUS.cancelled
					: pick(openStatuses),
			cancelled,
			modifiedMs,
			createdMs: modifiedMs - Math.floor(random() * 2 * HOUR),
			shopNo: pick(SHOPS),
			warehouseNo: pick(WAREHOUSES),
			logisticsNo: `${carrier}${String(Math.floor(random() * 1e10)).padStart(10, '0')}`,
			receiverName: pick(RECEIVERS),
			receiverArea: pick(AREAS),
			remark: cancelled ? pick(CANCEL_REMARKS) : pick(OTHER_REMARKS),
		});
	}

	seedSelfOwnedShop(store);
	seedProviders(store);
	seedOrders(store, now, pick);
	seedRefunds(store, now, pick);
	seedGoods(store, now);
	seedStock(store, now);
	seedPendingLogistics(store, now);
	seedStockFlows(store, now);
}

/** The self-owned shop beside the default shops (the only kind pushSelf2 accepts). */
function seedSelfOwnedShop(store: SimulatorStore): void {
	const shops = masterDataOf(store).shops.filter((shop) => shop.shopNo !== DEMO_SELF_OWNED_SHOP);
	setMasterData(store, {
		shops: [
			...shops,
			{
				shopId: 900,
				shopNo: DEMO_SELF_OWNED_SHOP,
				shopName: SHOP_NAMES[DEMO_SELF_OWNED_SHOP],
				platformId: SELF_OWNED_PLATFORM_ID,
				isDisabled: false,
				authState: 1,
				modifiedMs: store.clock.now() - 30 * DAY,
			},
		],
	});
}

/**
 * The suppliers the demo's purchase applies and orders name (GYS001 …) beside the default ones
 * (P001, P002), so the Supplier dropdown lists every supplier of the demo's documents. Ids as
 * purchaseOrders.ts's providerOf gives them to a supplier outside the master data.
 */
function seedProviders(store: SimulatorStore): void {
	const known = masterDataOf(store).providers;
	const demo = Object.entries(PROVIDER_NAMES)
		.filter(([providerNo]) => !known.some((provider) => provider.providerNo === providerNo))
		.map(([providerNo, providerName]) => ({
			providerId: 100 + Object.keys(PROVIDER_NAMES).indexOf(providerNo),
			providerNo,
			providerName,
			isDisabled: false,
			deleted: false,
			modifiedMs: store.clock.now() - 30 * DAY,
		}));
	setMasterData(store, { providers: [...known, ...demo] });
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * 36 sales orders modified over the last 6 hours (six an hour), one or two lines each, with the
 * status and platform-order-number rules of the order page (parameters without a same-named
 * field). Receiver details only for the self-owned shop, as the page says WDT returns them.
 */
function seedOrders(store: SimulatorStore, now: number, pick: <T>(list: readonly T[]) => T): void {
	const orders = methodRecords(store, DEMO_ORDERS)
		.filter('status', (record, value) =>
			String(value).split(',').includes(String(record.trade_status)),
		)
		.filter('src_tid', (record, value) =>
			String(value)
				.split(',')
				.some((tid) => String(record.src_tids).split(',').includes(tid.trim())),
		);
	for (let index = 0; index < 36; index++) {
		const tradeId = 2054101 + index;
		const modifiedMs = now - 6 * HOUR + index * 10 * MINUTE + 2 * MINUTE;
		const shopNo = ORDER_SHOPS[index % ORDER_SHOPS.length];
		const selfOwned = shopNo === DEMO_SELF_OWNED_SHOP;
		const tid = `${selfOwned ? 'M' : 'T'}${tradeId}88`;
		const skus = index % 3 === 0 ? [pick(SKUS), pick(SKUS)] : [pick(SKUS)];
		const lines = [...new Set(skus)].map((specNo, line) => {
			const goods = GOODS[specNo];
			const num = 1 + (index % 2);
			return {
				trade_id: tradeId,
				rec_id: tradeId * 10 + line,
				src_tid: tid,
				src_oid: `${tid}-${line + 1}`,
				num,
				price: PRICES[specNo],
				share_amount: round2(PRICES[specNo] * num),
				goods_no: goods.goodsNo,
				goods_name: goods.goodsName,
				spec_no: specNo,
				spec_name: goods.specName,
			};
		});
		const goodsAmount = round2(lines.reduce((sum, line) => sum + line.share_amount, 0));
		orders.add(
			{
				trade_id: tradeId,
				trade_no: `JY${tradeId}`,
				platform_id: selfOwned ? SELF_OWNED_PLATFORM_ID : 1,
				src_tids: tid,
				trade_status: ORDER_STATUSES[index % ORDER_STATUSES.length],
				pay_time: formatCst(modifiedMs - 20 * MINUTE),
				buyer_nick: selfOwned ? pick(RECEIVERS) : '',
				receiver_name: selfOwned ? pick(RECEIVERS) : '',
				receiver_area: pick(AREAS),
				goods_count: lines.reduce((sum, line) => sum + line.num, 0),
				goods_amount: goodsAmount,
				post_amount: 0,
				receivable: goodsAmount,
				shop_no: shopNo,
				shop_name: SHOP_NAMES[shopNo],
				warehouse_no: WAREHOUSES[index % WAREHOUSES.length],
				cs_remark: index % 5 === 0 ? pick(OTHER_REMARKS) : '',
				detail_list: lines,
			},
			{ modifiedMs },
		);
	}
}

/** 12 refunds, returns and exchanges, one every 20 hours back from now (two in the last day). */
function seedRefunds(store: SimulatorStore, now: number, pick: <T>(list: readonly T[]) => T): void {
	const refunds = methodRecords(store, DEMO_REFUNDS).filter('shop_nos', (record, value) =>
		String(value)
			.split(',')
			.map((shop) => shop.trim())
			.includes(String(record.shop_no)),
	);
	for (let index = 0; index < 12; index++) {
		const refundId = 8801 + index;
		const specNo = SKUS[index % SKUS.length];
		const goods = GOODS[specNo];
		const amount = PRICES[specNo];
		const tid = `T${2054001 + index}88`;
		refunds.add(
			{
				refund_id: refundId,
				refund_no: `TK${refundId}`,
				src_tids: tid,
				tid_list: tid,
				type: REFUND_TYPES[index % REFUND_TYPES.length],
				status: REFUND_STATUSES[index % REFUND_STATUSES.length],
				shop_no: ORDER_SHOPS[index % 3],
				refund_reason: pick(REFUND_REASONS),
				actual_refund_amount: amount,
				return_goods_count: 1,
				buyer_nick: '',
				detail_list: [
					{
						rec_id: refundId * 10,
						refund_id: refundId,
						tid,
						oid: `${tid}-1`,
						num: 1,
						refund_num: 1,
						price: amount,
						refund_amount: amount,
						goods_no: goods.goodsNo,
						goods_name: goods.goodsName,
						spec_no: specNo,
						spec_name: goods.specName,
					},
				],
			},
			{ modifiedMs: now - (12 - index) * 20 * HOUR + 7 * MINUTE },
		);
	}
}

/** The goods of GOODS with their SKUs; the cable changed 3 hours ago, the others days ago. */
function seedGoods(store: SimulatorStore, now: number): void {
	const byGoods = new Map<string, string[]>();
	for (const specNo of SKUS)
		byGoods.set(GOODS[specNo].goodsNo, [...(byGoods.get(GOODS[specNo].goodsNo) ?? []), specNo]);
	const ages = [5 * DAY, 2 * DAY, 3 * HOUR];
	[...byGoods.entries()].forEach(([goodsNo, specNos], index) => {
		const goodsId = 501 + index;
		const modifiedMs = now - ages[index % ages.length];
		const first = GOODS[specNos[0]];
		addGoods(store, goodsId, modifiedMs, {
			goods_no: goodsNo,
			goods_name: first.goodsName,
			goods_type: 1,
			// String, as the page's table types it (its example sends milliseconds).
			goods_modified: formatCst(modifiedMs),
			brand_name: first.brandName,
			class_name: index === 0 ? '服装' : '日用百货',
			unit_name: '件',
			spec_count: specNos.length,
			spec_list: specNos.map((specNo, line) => ({
				goods_id: goodsId,
				spec_id: goodsId * 10 + line,
				spec_no: specNo,
				spec_name: GOODS[specNo].specName,
				barcode: `69${String(goodsId * 10 + line).padStart(11, '0')}`,
				retail_price: PRICES[specNo],
				spec_modified: modifiedMs,
			})),
		});
	});
}

/** Stock of every SKU in every warehouse, changed over the last three days. */
function seedStock(store: SimulatorStore, now: number): void {
	const stock = methodRecords(store, DEMO_STOCK).filter('spec_nos', (record, value) =>
		(Array.isArray(value) ? value : String(value).split(','))
			.map((specNo) => String(specNo).trim())
			.includes(String(record.spec_no)),
	);
	let recId = 1;
	Object.keys(WAREHOUSE_NAMES).forEach((warehouseNo, warehouse) => {
		SKUS.forEach((specNo, sku) => {
			const goods = GOODS[specNo];
			const stockNum = ((warehouse + 1) * 37 + sku * 23) % 120;
			stock.add(
				{
					rec_id: recId,
					spec_no: specNo,
					spec_id: 5010 + sku,
					goods_no: goods.goodsNo,
					goods_name: goods.goodsName,
					spec_name: goods.specName,
					brand_name: goods.brandName,
					warehouse_no: warehouseNo,
					warehouse_id: warehouse + 1,
					warehouse_name: WAREHOUSE_NAMES[warehouseNo],
					stock_num: stockNum,
					available_send_stock: Math.max(0, stockNum - 3),
					order_num: 3,
				},
				{ modifiedMs: now - recId * 5 * HOUR },
			);
			recId++;
		});
	});
}

/** Tracking numbers of the self-owned shop waiting to be written back (one a split shipment). */
function seedPendingLogistics(store: SimulatorStore, now: number): void {
	const pending = methodRecords(store, DEMO_PENDING_LOGISTICS);
	for (let index = 0; index < 4; index++) {
		const tradeId = 2054104 + index * 4; // the self-owned shop's orders (seedOrders)
		const tid = `M${tradeId}88`;
		pending.add(
			{
				sync_id: 3001 + index,
				tid,
				logistics_no: `SF14${String(5_200_000_000 + index * 7919).padStart(10, '0')}`,
				logistics_code: 'SF',
				logistics_name: '顺丰速运',
				is_part_sync: index === 1 ? 1 : 0,
				oids: index === 1 ? `${tid}-1` : '',
				trade_id: tradeId,
				platform_id: SELF_OWNED_PLATFORM_ID,
				goods_count: 1,
			},
			{ modifiedMs: now - (index + 1) * 30 * MINUTE },
		);
	}
}
