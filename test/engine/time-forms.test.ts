/**
 * Every read whose page sends some time fields in a non-text form (its table says String, its
 * reply example milliseconds: test/simulator/timeForms.ts derives them from the pages) under
 * each form the simulator can send them in (`replies.timeForm`): the field stays as WDT sent
 * it, `<field>_iso` is the same instant in +08:00, time ranges select the same records, in
 * WDT's modified order, each once.
 */
import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import * as RECORDS from '../../nodes/shared/records';
import type { WdtRecord } from '../../nodes/shared/records';
import {
	LOGISTICS_LIST,
	PROVIDER_LIST,
	SHOP_LIST,
	WAREHOUSE_LIST,
} from '../../nodes/shared/lists/wdtLists';
import { PENDING_METHOD as STOCK_SYNC_PENDING_METHOD } from '../../nodes/Wdt/actions/stockSync/stockSyncIds';

import {
	addGoods,
	addInvoice,
	addTransfer,
	DEFAULT_SELLER,
	formatCst,
	moveStock,
	receiveRefund,
	setMasterData,
	TRANSFER_STATUS,
} from '../simulator';
import { runListSearch } from '../harness/list-search';
import { TestClient } from '../simulator/client';
import { TIME_FORM_FIELDS, TIME_FORMS, timeInForm, type TimeForm } from '../simulator/timeForms';
import { jsonOf, readOk, readRunner, useReadRig, warehouseRecord } from './rig';

const REFUNDS = 'aftersales.refund.Refund.search';
const GOODS = 'goods.Goods.queryWithSpec';
const STOCK = 'wms.StockSpec.search2';
const DAY = 24 * 3600_000;
/** 2024-03-01 09:00:00 CST, whole seconds. */
const AT = Date.UTC(2024, 2, 1, 1, 0, 0);
const AT_ISO = '2024-03-01T09:00:00+08:00';
const ORDERS = 'sales.TradeQuery.queryWithDetail';
const ORDER_HISTORY = 'sales.TradeQuery.queryHistoryWithDetail';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The instant in +08:00 as the package's `_iso` fields write it. */
const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';

const { rig } = useReadRig('refund', REFUNDS);
const read = (resource: string, extra: IDataObject = {}) => readRunner(rig, resource)(extra);

describe.each(TIME_FORMS)('timeForm %s', (form: TimeForm) => {
	const sent = (ms: number) => timeInForm(ms, form);

	it('Refund → Get Many and Get: modified and created as sent, their _iso the same instant', async () => {
		rig.sim.replies.timeForm = form;
		const now = Math.floor(rig.sim.clock.now() / 1000) * 1000;
		const recent = now - 2 * DAY;
		rig.sim
			.records(REFUNDS)
			.add(
				{ refund_id: 1, refund_no: 'TK1', shop_no: 'SHOP1', status: 20, type: 2, detail_list: [] },
				{ modifiedMs: recent },
			);
		rig.sim
			.records(REFUNDS)
			.add(
				{ refund_id: 2, refund_no: 'TK2', shop_no: 'SHOP1', status: 20, type: 2, detail_list: [] },
				{ modifiedMs: now - 40 * DAY },
			);
		const [refund, ...others] = await readOk(read('refund'));
		expect(others).toEqual([]);
		expect(refund).toMatchObject({
			refund_no: 'TK1',
			modified: sent(recent),
			created: sent(recent),
			modified_iso: new Date(recent + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00',
			created_iso: expect.stringMatching(/\+08:00$/),
		});
		const { outputs, error } = await rig.run(
			{ resource: 'refund', operation: 'get', refundNo: 'TK2' },
			[{}],
		);
		expect(error).toBeUndefined();
		const [found] = jsonOf(outputs[0]);
		expect(found).toMatchObject({ refund_no: 'TK2', modified: sent(now - 40 * DAY) });
		expect(Date.parse(String(found.modified_iso))).toBe(Math.floor((now - 40 * DAY) / 1000) * 1000);
	});

	it('Product → Get Many: goods_modified and spec_modified get _iso', async () => {
		rig.sim.replies.timeForm = form;
		rig.sim.records(GOODS).add(
			{
				goods_id: 1,
				goods_no: 'G1',
				goods_name: 'G1',
				goods_type: 1,
				goods_modified: AT,
				spec_list: [{ spec_id: 11, goods_id: 1, spec_no: 'G1-A', spec_modified: AT }],
			},
			{ modifiedMs: rig.sim.clock.now() - DAY },
		);
		const [goods] = await readOk(read('goods'));
		expect(goods).toMatchObject({ goods_modified: sent(AT), goods_modified_iso: AT_ISO });
		expect((goods.spec_list as IDataObject[])[0]).toMatchObject({
			spec_modified: sent(AT),
			spec_modified_iso: AT_ISO,
		});
	});

	it('Stock → Get Many: a changed-since range selects by instant, modified as sent with _iso', async () => {
		rig.sim.replies.timeForm = form;
		const now = Math.floor(rig.sim.clock.now() / 1000) * 1000;
		for (const [id, daysAgo] of [
			[1, 2],
			[2, 50],
		])
			rig.sim
				.records(STOCK)
				.add(
					{ rec_id: id, spec_no: `SKU${id}`, warehouse_no: 'WH01', stock_num: 1 },
					{ modifiedMs: now - daysAgo * DAY },
				);
		const rows = await readOk(
			read('stock', {
				changedSince: true,
				startTime: new Date(now - 10 * DAY).toISOString(),
				endTime: new Date(now).toISOString(),
			}),
		);
		expect(rows.map((row) => row.spec_no)).toEqual(['SKU1']);
		expect(rows[0].modified).toEqual(sent(now - 2 * DAY));
		expect(Date.parse(String(rows[0].modified_iso))).toBe(
			Math.floor((now - 2 * DAY) / 1000) * 1000,
		);
	});

	it('Warehouse → Get Many: modified as sent, modified_iso the same instant', async () => {
		rig.sim.replies.timeForm = form;
		setMasterData(rig.sim, { warehouses: [warehouseRecord(0, AT)] });
		const [warehouse] = await readOk(read('warehouse'));
		expect(warehouse).toMatchObject({
			warehouse_no: 'WH001',
			modified: sent(AT),
			modified_iso: AT_ISO,
			created: '2024-03-01 09:00:00',
			created_iso: AT_ISO,
		});
	});
});

describe.each(TIME_FORMS)('timeForm %s: the reads whose pages send other times in ms', (form) => {
	const sent = (ms: number) => timeInForm(ms, form);
	/** An order modified at AT + minutes, created, placed and shipped before it, with one line. */
	function addOrder(id: number, minutes: number, method = ORDERS) {
		const modifiedMs = AT + minutes * MINUTE;
		rig.sim.records(method).add(
			{
				trade_id: id,
				trade_no: `JY${id}`,
				trade_status: 95,
				src_tids: `TB${id}`,
				shop_no: 'SHOP1',
				created: modifiedMs - 3 * MINUTE,
				trade_time: modifiedMs - 4 * MINUTE,
				consign_time: modifiedMs - MINUTE,
				detail_list: [
					{
						trade_id: id,
						rec_id: id * 10,
						src_tid: `TB${id}`,
						num: 1,
						created: modifiedMs - 3 * MINUTE,
						modified: modifiedMs - 2 * MINUTE,
					},
				],
			},
			{ modifiedMs },
		);
		return modifiedMs;
	}
	function expectOrder(order: IDataObject, modifiedMs: number) {
		expect(order).toMatchObject({
			modified: formatCst(modifiedMs),
			modified_iso: iso(modifiedMs),
			created: sent(modifiedMs - 3 * MINUTE),
			created_iso: iso(modifiedMs - 3 * MINUTE),
			trade_time: sent(modifiedMs - 4 * MINUTE),
			trade_time_iso: iso(modifiedMs - 4 * MINUTE),
			consign_time: sent(modifiedMs - MINUTE),
			consign_time_iso: iso(modifiedMs - MINUTE),
		});
		expect((order.detail_list as IDataObject[])[0]).toMatchObject({
			created: sent(modifiedMs - 3 * MINUTE),
			created_iso: iso(modifiedMs - 3 * MINUTE),
			modified: sent(modifiedMs - 2 * MINUTE),
			modified_iso: iso(modifiedMs - 2 * MINUTE),
		});
	}
	const hour = {
		startTime: new Date(AT).toISOString(),
		endTime: new Date(AT + HOUR).toISOString(),
	};

	it('Sales Order → Get Many (current and history) and Get: ms times as sent with their _iso, in modified order', async () => {
		rig.sim.replies.timeForm = form;
		const second = addOrder(1, 30);
		const first = addOrder(2, 10);
		addOrder(3, 90); // outside the hour
		const orders = await readOk(read('salesOrder', hour));
		expect(orders.map((order) => order.trade_id)).toEqual([2, 1]);
		expectOrder(orders[0], first);
		expectOrder(orders[1], second);

		const { outputs, error } = await rig.run({
			resource: 'salesOrder',
			operation: 'get',
			lookUpBy: 'tradeNo',
			number: 'JY1',
		});
		expect(error).toBeUndefined();
		const [found, ...others] = jsonOf(outputs[0]);
		expect(others).toEqual([]);
		expectOrder(found, second);

		const archived = addOrder(4, 20, ORDER_HISTORY);
		const history = await readOk(read('salesOrder', { ...hour, options: { readFrom: 'history' } }));
		expect(history.map((order) => order.trade_id)).toEqual([4]);
		expectOrder(history[0], archived);
	});

	it('Sales Stockout → Get Many, Get and Get Many Cancelled with Include Details: created as sent with created_iso', async () => {
		rig.sim.replies.timeForm = form;
		const done = rig.sim.addStockout({
			stockoutNo: 'CK-DONE',
			status: 'done',
			modifiedMs: AT + 20 * MINUTE,
			createdMs: AT + 5 * MINUTE,
		});
		const cancelled = rig.sim.addStockout({
			stockoutNo: 'CK-GONE',
			modifiedMs: AT + 10 * MINUTE,
			createdMs: AT + MINUTE,
		});
		const stockouts = await readOk(read('salesStockout', hour));
		expect(stockouts.map((stockout) => stockout.stockout_id)).toEqual([
			cancelled.stockoutId,
			done.stockoutId,
		]);
		expect(stockouts[1]).toMatchObject({
			created: sent(AT + 5 * MINUTE),
			created_iso: iso(AT + 5 * MINUTE),
			modified_iso: iso(AT + 20 * MINUTE),
			consign_time_iso: iso(AT + 20 * MINUTE),
		});

		const got = await rig.run({ resource: 'salesStockout', operation: 'get', number: 'CK-DONE' });
		expect(got.error).toBeUndefined();
		expect(jsonOf(got.outputs[0])).toMatchObject([
			{ order_no: 'CK-DONE', created: sent(AT + 5 * MINUTE), created_iso: iso(AT + 5 * MINUTE) },
		]);

		const withDetails = await readOk(
			rig.run({
				resource: 'salesStockout',
				operation: 'getManyCancelled',
				returnAll: true,
				...hour,
				options: { includeDetails: true },
			}),
		);
		expect(withDetails).toMatchObject([
			{
				stockout_no: 'CK-GONE',
				details_found: true,
				created: sent(AT + MINUTE),
				created_iso: iso(AT + MINUTE),
			},
		]);
	});

	it('Product → Get: goods_modified and spec_modified as sent with their _iso', async () => {
		rig.sim.replies.timeForm = form;
		addGoods(rig.sim, 5, AT);
		const { outputs, error } = await rig.run({
			resource: 'goods',
			operation: 'get',
			findBy: 'goodsNo',
			number: 'G5',
		});
		expect(error).toBeUndefined();
		const [goods, ...others] = jsonOf(outputs[0]);
		expect(others).toEqual([]);
		expect(goods).toMatchObject({ goods_modified: sent(AT), goods_modified_iso: AT_ISO });
		expect((goods.spec_list as IDataObject[])[0]).toMatchObject({
			spec_modified: sent(AT),
			spec_modified_iso: AT_ISO,
		});
	});

	it('Transfer → Get Many: modified and created as sent, the range selects by instant', async () => {
		rig.sim.replies.timeForm = form;
		const now = Math.floor(rig.sim.clock.now() / 1000) * 1000;
		const lines = [{ specNo: 'SKU1', num: 1 }];
		const base = { fromWarehouseNo: 'WH01', toWarehouseNo: 'WH02', lines };
		addTransfer(rig.sim, { ...base, status: TRANSFER_STATUS.approved, createdMs: now - 2 * DAY });
		addTransfer(rig.sim, { ...base, status: TRANSFER_STATUS.editing, createdMs: now - 40 * DAY });
		const transfers = await readOk(
			read('transfer', {
				startTime: new Date(now - 10 * DAY).toISOString(),
				endTime: new Date(now).toISOString(),
			}),
		);
		expect(transfers.map((transfer) => transfer.status)).toEqual([40]);
		expect(transfers[0]).toMatchObject({
			modified: sent(now - 2 * DAY),
			modified_iso: iso(now - 2 * DAY),
			created: sent(now - 2 * DAY),
			created_iso: iso(now - 2 * DAY),
		});
	});

	it('Refund Stock-In → Get Many: check_time and created_time as sent with their _iso', async () => {
		rig.sim.replies.timeForm = form;
		const atMs = Math.floor(rig.sim.clock.now() / 1000) * 1000 - DAY;
		receiveRefund(rig.sim, {
			refundNo: 'RF1',
			shopNo: 'MALL01',
			warehouseNo: 'WH001',
			lines: [{ specNo: 'SKU-A', num: 1, tid: 'T-RF1', refundAmount: 5 }],
			atMs,
		});
		const [stockin, ...others] = await readOk(read('refundStockin'));
		expect(others).toEqual([]);
		expect(stockin).toMatchObject({
			refund_no: 'RF1',
			check_time: sent(atMs),
			check_time_iso: iso(atMs),
			created_time: sent(atMs),
			created_time_iso: iso(atMs),
		});
	});

	it('Invoice → Get Many: created as sent with created_iso, the range selects by instant', async () => {
		rig.sim.replies.timeForm = form;
		const now = Math.floor(rig.sim.clock.now() / 1000) * 1000;
		const add = (no: string, daysAgo: number) =>
			addInvoice(
				rig.sim,
				{ invoice_order_no: no, status: 45, detail_list: [] },
				now - daysAgo * DAY,
			);
		add('FP2', 2);
		add('FP1', 5);
		add('FP-OLD', 50);
		const invoices = await readOk(
			read('invoice', {
				startTime: new Date(now - 10 * DAY).toISOString(),
				endTime: new Date(now).toISOString(),
			}),
		);
		expect(invoices.map((invoice) => invoice.invoice_order_no)).toEqual(['FP1', 'FP2']);
		expect(invoices[0]).toMatchObject({
			created: sent(now - 5 * DAY),
			created_iso: iso(now - 5 * DAY),
		});
	});

	it('Stock Movement → Get Many: each movement once, in created order, created as sent with created_iso', async () => {
		rig.sim.replies.timeForm = form;
		const now = Math.floor(rig.sim.clock.now() / 1000) * 1000;
		const move = (stockioNo: string, minutesAgo: number) =>
			moveStock(rig.sim, {
				warehouseNo: 'WH01',
				specNo: 'MUG-350',
				delta: 1,
				srcOrderType: 10,
				srcOrderNo: `CG-${stockioNo}`,
				stockioNo,
				atMs: now - minutesAgo * MINUTE,
			});
		move('IO-2', 10);
		move('IO-1', 30);
		move('IO-OLD', 90); // outside the hour
		const rows = await readOk(
			read('stockMovement', {
				startTime: new Date(now - HOUR).toISOString(),
				endTime: new Date(now).toISOString(),
			}),
		);
		expect(rows.map((row) => row.stockio_no)).toEqual(['IO-1', 'IO-2']);
		expect(rows[0]).toMatchObject({
			created: sent(now - 30 * MINUTE),
			created_iso: iso(now - 30 * MINUTE),
		});
	});

	it('Purchase Apply → Create: the supplier dropdown lists the same suppliers (their created, modified and last_purchase_time as sent)', async () => {
		rig.sim.replies.timeForm = form;
		setMasterData(rig.sim, {
			providers: [1, 2].map((i) => ({
				providerId: i,
				providerNo: `P00${i}`,
				providerName: `供应商${i}`,
				isDisabled: false,
				deleted: false,
				modifiedMs: AT,
			})),
		});
		const list = await runListSearch(rig.engine, {
			type: 'wdt',
			method: 'searchProviders',
			credentials: rig.credentials,
			workflowId: `time-forms-${form}`,
		});
		expect(list.results).toEqual([
			{ name: '供应商1 (P001)', value: 'P001' },
			{ name: '供应商2 (P002)', value: 'P002' },
		]);
		const client = new TestClient(rig.sim.url, DEFAULT_SELLER, () => rig.sim.clock.now());
		const { json } = await client.call({
			method: 'setting.PurchaseProvider.queryDetail',
			args: [{ provider_no: 'P001' }],
			pager: { pageNo: 0, pageSize: 10 },
		});
		const [provider] = (json?.data as { details: IDataObject[] }).details;
		expect(provider.modified).toEqual(sent(AT));
	});
});

/**
 * Where each read of the package whose page sends some times as numbers (TIME_FORM_FIELDS,
 * derived from the pages) runs under every form: a read added to the package, or a page that
 * starts sending numbers, fails here until it is tested and listed.
 */
const TESTED_UNDER_EVERY_FORM: Readonly<Record<string, string>> = {
	'aftersales.refund.Refund.search':
		'Refund → Get Many, Get (here); Refund Created or Updated (trigger/time-forms)',
	'goods.Goods.queryWithSpec':
		'Product → Get Many, Get (here); Goods Created or Updated (trigger/time-forms)',
	'wms.StockSpec.search2': 'Stock → Get Many (here)',
	'setting.Warehouse.queryWarehouse': 'Warehouse → Get Many (here)',
	'setting.PurchaseProvider.queryDetail': 'the supplier dropdown (here)',
	'sales.TradeQuery.queryWithDetail':
		'Sales Order → Get Many, Get (here); New or Updated Sales Order (trigger/time-forms)',
	'sales.TradeQuery.queryHistoryWithDetail': 'Sales Order → Get Many, Read From history (here)',
	'wms.stockout.Sales.queryWithDetail':
		'Sales Stockout → Get Many, Get, Get Many Cancelled with details (here); Shipped, Cancelled with details (trigger/time-forms)',
	'wms.stocktransfer.Manage.queryWithDetail':
		'Transfer → Get Many (here); Transfer Status Changed (trigger/time-forms)',
	'wms.stockin.Refund.queryWithDetail':
		'Refund Stock-In → Get Many (here); Refund Stock-In Received (trigger/time-forms)',
	'finance.invoice.InvoiceOrder.search': 'Invoice → Get Many (here)',
	'wms.StockSpec.queryChangeHistory':
		'Stock Movement → Get Many (here); Stock Moved (trigger/time-forms)',
	'purchase.PurchaseOrder.queryWithDetail':
		'engine/purchase-order.test.ts; trigger/purchaseOrder.test.ts',
	'wms.stockin.Purchase.queryWithDetail':
		'engine/purchase-order.test.ts; trigger/purchaseStockin.test.ts',
};

it('every read of the package whose page sends times as numbers runs under every form', () => {
	const records = (Object.values(RECORDS) as unknown[]).filter(
		(value): value is WdtRecord =>
			typeof value === 'object' &&
			value !== null &&
			typeof (value as { method?: unknown }).method === 'string',
	);
	const reads = new Set([
		...records.map((record) => record.method),
		...[SHOP_LIST, WAREHOUSE_LIST, LOGISTICS_LIST, PROVIDER_LIST].map((list) => list.method),
		RECORDS.SALES_ORDER_HISTORY_METHOD,
		RECORDS.STOCK_COUNT_LINES_METHOD,
		STOCK_SYNC_PENDING_METHOD,
	]);
	expect(reads.size).toBeGreaterThan(20);
	const affected = [...reads].filter((method) => TIME_FORM_FIELDS[method]).sort();
	expect(affected).toEqual(Object.keys(TESTED_UNDER_EVERY_FORM).sort());
	// The derivation keeps what the hand-written list had, and finds the orders' and stockouts'.
	expect(TIME_FORM_FIELDS).toMatchObject({
		'aftersales.refund.Refund.search': ['created', 'detail_list.modified', 'modified'],
		'goods.Goods.queryWithSpec': ['goods_modified', 'spec_list.spec_modified'],
		'wms.StockSpec.search2': ['created', 'modified'],
		'setting.Warehouse.queryWarehouse': ['modified'],
		'purchase.PurchaseOrder.queryWithDetail': ['created', 'modified'],
		'wms.StockSpec.queryChangeHistory': ['created'],
		'wms.stockin.Purchase.queryWithDetail': ['check_time', 'created_time', 'modified'],
		'sales.TradeQuery.queryWithDetail': [
			'consign_time',
			'created',
			'detail_list.created',
			'detail_list.modified',
			'trade_time',
		],
		'wms.stockout.Sales.queryWithDetail': ['created', 'pay_time', 'stock_check_time', 'trade_time'],
	});
	// Text in the page's example stays text: the orders' modified and pay_time, the stockouts' consign_time.
	expect(TIME_FORM_FIELDS['sales.TradeQuery.queryWithDetail']).not.toContain('modified');
	expect(TIME_FORM_FIELDS['wms.stockout.Sales.queryWithDetail']).not.toContain('consign_time');
});
