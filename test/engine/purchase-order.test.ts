/**
 * Purchase Order (Get Many, Get, Create, Cancel) and Purchase Stock-In (Get Many) through n8n's
 * engine against the simulator's purchase.PurchaseOrder.* and wms.stockin.Purchase.queryWithDetail,
 * under each reading the simulator serves for them: replies.timeForm (times as text or
 * milliseconds), replies.repeatedOrderNo (a repeated purchase_no refused or accepted),
 * replies.uploadNumberIn (the new number in data.message, or also the envelope's message), and a
 * failed review (data.status 20).
 */
import type { IDataObject } from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import { toWdtTime } from '../../nodes/shared/protocol';
import {
	addPurchaseOrder,
	DEFAULT_REPLY_CHOICES,
	failReview,
	PURCHASE_ORDERS,
	PURCHASE_STOCKINS,
	receivePurchase,
} from '../simulator';
import { TIME_FORMS } from '../simulator/timeForms';
import { callsOf, jsonOf, pairsOf, readOk, useRig } from './rig';

const rig = useRig();
const CREATE = 'purchase.PurchaseOrder.createOrder';
const CANCEL = 'purchase.PurchaseOrder.cancelOrder';
const DAY = 24 * 3600_000;

beforeEach(() => {
	rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
	failReview(rig.sim, CREATE, undefined);
});

/** A purchase order of P001 for WH01 with two lines, created `daysAgo` days before now. */
function addOrder(daysAgo: number, extra: { purchaseNo?: string; status?: number } = {}) {
	return addPurchaseOrder(rig.sim, {
		providerNo: 'P001',
		warehouseNo: 'WH01',
		purchaserName: '采购小王',
		createdMs: rig.sim.clock.now() - daysAgo * DAY,
		lines: [
			{ specNo: 'TS-001-BLK-M', num: 10, price: 12.5 },
			{ specNo: 'MUG-350', num: 4, price: 8 },
		],
		...extra,
	});
}

const orderOf = (no: unknown) =>
	rig.sim.records(PURCHASE_ORDERS).find((order) => order.purchase_no === no);
const ordersNumbered = (no: string) =>
	rig.sim.records(PURCHASE_ORDERS).count((order) => order.purchase_no === no);
const createdNumbers = () =>
	rig.sim.requestsFor(CREATE).map((r) => ((r.args as IDataObject[])[0] ?? {}).purchase_no);

describe('Purchase Order → Get Many (purchase.PurchaseOrder.queryWithDetail)', () => {
	const getMany = (extra: IDataObject = {}) =>
		rig.run({ resource: 'purchaseOrder', operation: 'getMany', returnAll: true, ...extra });

	it('returns the last 30 days by default, lines nested, with status names and ISO times', async () => {
		const recent = addOrder(3);
		addOrder(45);
		const orders = await readOk(getMany());
		expect(orders.map((o) => o.purchase_no)).toEqual([recent.purchase_no]);
		expect(orders[0]).toMatchObject({
			status: 20,
			status_name: '编辑中',
			provider_no: 'P001',
			modified_iso: expect.stringMatching(/\+08:00$/),
		});
		expect((orders[0].detail_list as IDataObject[]).map((l) => l.spec_no)).toEqual([
			'TS-001-BLK-M',
			'MUG-350',
		]);
		expect(Object.keys(callsOf(rig, PURCHASE_ORDERS)[0].params).sort()).toEqual([
			'end_time',
			'start_time',
		]);
	});

	it('splits 70 days into 30-day windows and sends supplier, warehouse, statuses (comma list) and stock-in status', async () => {
		addOrder(10, { status: 40 });
		addOrder(50, { status: 90 });
		addOrder(20, { status: 20 });
		const now = rig.sim.clock.now();
		const orders = await readOk(
			getMany({
				startTime: new Date(now - 70 * DAY).toISOString(),
				endTime: new Date(now).toISOString(),
				filters: {
					providerNo: { __rl: true, mode: 'list', value: 'P001' },
					warehouseNo: { __rl: true, mode: 'code', value: 'WH01' },
					statuses: ['40', '90'],
					stockinStatus: '0',
				},
			}),
		);
		expect(orders.map((o) => o.status).sort()).toEqual([40, 90]);
		const calls = callsOf(rig, PURCHASE_ORDERS);
		expect(calls).toHaveLength(3);
		expect(calls[0].params).toMatchObject({
			provider_no: 'P001',
			expect_warehouse_no: 'WH01',
			status: '40,90',
			stockin_status: 0,
			start_time: toWdtTime(now - 70 * DAY),
		});
		expect(calls[2].params.end_time).toBe(toWdtTime(now));
	});

	it('takes Statuses and Stock-In Status from expressions: a comma text, a code; refuses a label before any call', async () => {
		addOrder(10, { status: 40 });
		addOrder(20, { status: 90 });
		addOrder(30, { status: 20 });
		const byExpression = {
			resource: 'purchaseOrder',
			operation: 'getMany',
			returnAll: true,
			filters: { statuses: '={{ $json.statuses }}', stockinStatus: '={{ $json.stockin }}' },
		};
		const orders = await readOk(rig.run(byExpression, [{ statuses: '40, 90', stockin: '0' }]));
		expect(orders.map((o) => o.status).sort()).toEqual([40, 90]);
		expect(callsOf(rig, PURCHASE_ORDERS)[0].params).toMatchObject({
			status: '40,90',
			stockin_status: 0,
		});
		rig.sim.clearRequests();
		const { error } = await rig.run(byExpression, [{ statuses: '', stockin: 'received' }]);
		expect(error?.message).toBe(
			'Item 1: filters.stockinStatus (stockin_status) is "received"; choose one of its listed values or give its code (a whole number).',
		);
		expect(rig.sim.requests).toHaveLength(0);
	});

	it('gives one item per line with the order fields prefixed, and stops at the Limit', async () => {
		for (let i = 0; i < 3; i++) addOrder(1 + i);
		const lines = await readOk(getMany({ returnAll: false, limit: 3, outputMode: 'lines' }));
		expect(lines).toHaveLength(3);
		expect(lines[0]).toMatchObject({
			purchase_no: expect.any(String),
			purchase_provider_no: 'P001',
			spec_no: 'TS-001-BLK-M',
		});
	});

	it.each(TIME_FORMS)(
		'reads modified and created as WDT sends them (replies.timeForm %s)',
		async (timeForm) => {
			rig.sim.replies.timeForm = timeForm;
			const order = addOrder(2);
			const [read] = await readOk(getMany());
			expect(read.purchase_no).toBe(order.purchase_no);
			// The stored time (CST text) is the instant every form must give.
			const stored = String(orderOf(order.purchase_no)?.modified);
			expect(Date.parse(String(read.modified_iso))).toBe(
				Date.parse(`${stored.replace(' ', 'T')}+08:00`),
			);
			expect(read.created_iso).toBe(read.modified_iso);
		},
	);

	it('refuses bad input before any call, naming item and field', async () => {
		const longSupplier = await getMany({
			filters: { providerNo: { __rl: true, mode: 'code', value: 'P'.repeat(21) } },
		});
		expect(longSupplier.error?.message).toBe(
			'Item 1: Supplier (filters.providerNo) is longer than 20 characters.',
		);
		expect(rig.sim.requests).toHaveLength(0);
	});
});

describe('Purchase Order → Get', () => {
	it('finds orders by exact number at any time (fuzzy_query false), one query per item; none found is an error item', async () => {
		const old = addOrder(200, { purchaseNo: 'CG-OLD-1' });
		addOrder(1, { purchaseNo: 'CG-OLD-10' });
		const { outputs, error } = await rig.run(
			{ resource: 'purchaseOrder', operation: 'get', purchaseNo: '={{ $json.no }}' },
			[{ no: 'CG-OLD-1' }, { no: 'NONE' }],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		const items = jsonOf(outputs[0]);
		expect(items.map((r) => r.purchase_no ?? r.error)).toEqual([
			old.purchase_no,
			'No purchase order with purchase order number NONE was found',
		]);
		expect(pairsOf(outputs[0])).toEqual([0, 1]);
		expect(callsOf(rig, PURCHASE_ORDERS).map((c) => c.params)).toEqual([
			{ purchase_no: 'CG-OLD-1', fuzzy_query: false },
			{ purchase_no: 'NONE', fuzzy_query: false },
		]);
	});
});

const create = (extra: IDataObject = {}) => ({
	resource: 'purchaseOrder',
	operation: 'create',
	providerNo: { __rl: true, mode: 'list', value: 'P001' },
	warehouseNo: { __rl: true, mode: 'list', value: 'WH01' },
	purchaserName: '采购小王',
	lines: { line: [{ specNo: 'TS-001-BLK-M', num: 10, price: '12.5' }] },
	...extra,
});

describe('Purchase Order → Create (purchase.PurchaseOrder.createOrder)', () => {
	it('creates one order per item, one call each, with a derived number; the order is in WDT with its lines', async () => {
		const { outputs, error } = await rig.run(
			create({
				remark: '补货',
				expectTime: '2024-12-01T09:00:00',
				lines: {
					line: [
						{ specNo: '={{ $json.sku }}', num: '={{ $json.qty }}', price: '', remark: '' },
						{ specNo: 'MUG-350', num: 3, remark: '易碎' },
					],
				},
			}),
			[
				{ sku: 'TS-001-BLK-M', qty: 12 },
				{ sku: 'CABLE-C-1M', qty: 1 },
			],
			{ timezone: 'UTC' },
		);
		expect(error).toBeUndefined();
		const items = jsonOf(outputs[0]);
		expect(pairsOf(outputs[0])).toEqual([0, 1]);
		const sent = createdNumbers();
		expect(sent).toHaveLength(2);
		expect(String(sent[0])).toMatch(/^N.+-[0-9A-Z]{3}-1$/);
		expect(items.map((i) => [i.outcome, i.purchase_no])).toEqual([
			['succeeded', sent[0]],
			['succeeded', sent[1]],
		]);
		expect(rig.sim.requestsFor(CREATE)[0].args).toEqual([
			{
				provider_no: 'P001',
				expect_warehouse_no: 'WH01',
				receive_warehouse_nos: 'WH01',
				purchaser_name: '采购小王',
				purchase_no: sent[0],
				remark: '补货',
				expect_time: '2024-12-01 17:00:00',
				is_check: false,
				purchase_details: [
					{ spec_no: 'TS-001-BLK-M', num: 12 },
					{ spec_no: 'MUG-350', num: 3, remark: '易碎' },
				],
			},
		]);
		const stored = orderOf(sent[1]);
		expect(stored).toMatchObject({ status: 20, provider_no: 'P001', remark: '补货' });
		expect((stored?.detail_list as IDataObject[]).map((l) => [l.spec_no, l.num])).toEqual([
			['CABLE-C-1M', 1],
			['MUG-350', 3],
		]);
	});

	it('groups spreadsheet rows into orders by a column; rows of one order must agree on its fields', async () => {
		const rows = [
			{ po: 'PO-A', supplier: 'P001', sku: 'TS-001-BLK-M', qty: '5', price: '10' },
			{ po: 'PO-B', supplier: 'P002', sku: 'MUG-350', qty: 1, price: 3 },
			{ po: 'PO-A', supplier: 'P001', sku: 'CABLE-C-1M', qty: 7, price: '' },
		];
		const rowsCreate = create({
			linesSource: 'inputItems',
			providerNo: { __rl: true, mode: 'code', value: '={{ $json.supplier }}' },
			purchaseNo: '={{ $json.po }}',
			specNoColumn: 'sku',
			numColumn: 'qty',
			priceColumn: 'price',
			groupByColumn: 'po',
		});
		const { outputs, error } = await rig.run(rowsCreate, rows);
		expect(error).toBeUndefined();
		expect(pairsOf(outputs[0])).toEqual([[0, 2], 1]);
		const [a, b] = jsonOf(outputs[0]);
		expect(a).toMatchObject({ purchase_no: 'PO-A', provider_no: 'P001' });
		expect(a.purchase_details).toEqual([
			{ spec_no: 'TS-001-BLK-M', num: 5, price: 10 },
			{ spec_no: 'CABLE-C-1M', num: 7 },
		]);
		expect(b).toMatchObject({ purchase_no: 'PO-B', provider_no: 'P002' });

		rig.sim.clearRequests();
		const mixed = await rig.run(rowsCreate, [
			{ po: 'PO-C', supplier: 'P001', sku: 'MUG-350', qty: 1, price: 1 },
			{ po: 'PO-C', supplier: 'P002', sku: 'MUG-350', qty: 1, price: 1 },
		]);
		expect(mixed.error?.message).toBe(
			'Item 2: Supplier (provider_no) is "P002" here but "P001" in item 1 of the same order (Group By Column); one order has one value.',
		);
		expect(rig.sim.requests).toHaveLength(0);
	});

	it('refuses bad input before the first call, naming item and field', async () => {
		const bad = (value: unknown, good: unknown) =>
			`={{ $json.bad ? ${JSON.stringify(value)} : ${JSON.stringify(good)} }}`;
		const cases: Array<[IDataObject, string]> = [
			[
				{ purchaserName: bad('', '采购小王') },
				'Item 2: Purchaser Name (purchaser_name) is empty; WDT requires it.',
			],
			[
				{ lines: { line: [{ specNo: 'MUG-350', num: bad(1.5, 1) }] } },
				'Item 2: Lines → line 1 → Quantity (num)',
			],
			[
				{ lines: { line: [{ specNo: 'MUG-350', num: 1, price: bad('cheap', '1') }] } },
				'Item 2: Lines → line 1 → Unit Price (price)',
			],
			[{ remark: bad('x'.repeat(256), '') }, 'Item 2: Remark (remark)'],
			[{ expectTime: bad('soon', '') }, 'Item 2: Expected Arrival (expect_time)'],
		];
		for (const [fields, message] of cases) {
			const { error } = await rig.run(create(fields), [{ bad: false }, { bad: true }]);
			expect(error?.message, message).toContain(message);
		}
		expect(rig.sim.requests).toHaveLength(0);
	});

	it('a review that fails (data.status 20) still created the order: success, review_failed and WDT message', async () => {
		failReview(rig.sim, CREATE, '库存不足审核失败');
		const { outputs, error } = await rig.run(create({ purchaseNo: 'PO-REVIEW', isCheck: true }));
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0])[0]).toMatchObject({
			success: true,
			outcome: 'succeeded',
			purchase_no: 'PO-REVIEW',
			review_failed: true,
			wdt_message: '库存不足审核失败',
		});
		expect(orderOf('PO-REVIEW')?.status).toBe(20);
	});

	it.each(['data', 'both'] as const)(
		'"Let WDT Number It" outputs the number WDT gave (replies.uploadNumberIn %s)',
		async (reading) => {
			rig.sim.replies.uploadNumberIn = reading;
			const { outputs, error } = await rig.run(create({ numberWhenEmpty: 'wdt', isCheck: true }));
			expect(error).toBeUndefined();
			expect(createdNumbers()).toEqual([undefined]);
			const [order] = jsonOf(outputs[0]);
			expect(String(order.purchase_no)).toMatch(/^CG/);
			expect(order.requested_purchase_no).toBeUndefined();
			expect(orderOf(order.purchase_no)?.status).toBe(40);
			expect(rig.sim.requestsFor(PURCHASE_ORDERS), 'nothing to look up').toHaveLength(0);
		},
	);

	it("says which order WDT refused, with WDT's message; with Continue On Fail the others are created", async () => {
		const { outputs, error } = await rig.run(
			create({
				purchaseNo: '={{ $json.no }}',
				providerNo: { __rl: true, mode: 'code', value: '={{ $json.supplier }}' },
			}),
			[
				{ no: 'PO-1', supplier: 'P001' },
				{ no: 'PO-2', supplier: 'NOPE' },
				{ no: 'PO-3', supplier: 'P002' },
			],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		const items = jsonOf(outputs[0]);
		expect(items.map((i) => [i.order_no, i.outcome])).toEqual([
			['PO-1', 'succeeded'],
			['PO-2', 'failed'],
			['PO-3', 'succeeded'],
		]);
		expect(String(items[1].error)).toMatch(/供应商不存在/);
		expect(pairsOf(outputs[0])).toEqual([0, 1, 2]);
	});

	it('reports a lost reply as an unknown outcome and never sends the create twice', async () => {
		rig.sim.faults.next('dropAfterWrite', 1, CREATE);
		const { error } = await rig.run(create({ purchaseNo: 'PO-LOST' }));
		expect(error?.message).toMatch(/^It is not known whether purchase order PO-LOST was created/);
		expect(rig.sim.requestsFor(CREATE)).toHaveLength(1);
		const again = await rig.run(create({ purchaseNo: 'PO-LOST' }));
		expect(again.error).toBeUndefined();
		expect(jsonOf(again.outputs[0])[0]).toMatchObject({
			outcome: 'already created',
			purchase_no: 'PO-LOST',
			status: 20,
		});
		expect(rig.sim.requestsFor(CREATE), 'sent once in all').toHaveLength(1);
	});
});

describe.each(['refused', 'accepted'] as const)(
	'Purchase Order → Create re-run (WDT %s a repeated purchase_no)',
	(reading) => {
		beforeEach(() => {
			rig.sim.replies.repeatedOrderNo = reading;
		});

		it('looks the number up first and reports an existing order as already created, never sending it again', async () => {
			const first = await rig.run(create({ purchaseNo: 'PO-RERUN' }));
			expect(first.error).toBeUndefined();
			const again = await rig.run(create({ purchaseNo: 'PO-RERUN' }));
			expect(again.error).toBeUndefined();
			expect(jsonOf(again.outputs[0])).toEqual([
				expect.objectContaining({
					order_no: 'PO-RERUN',
					success: true,
					outcome: 'already created',
					purchase_no: 'PO-RERUN',
					purchase_id: expect.any(Number),
					requested_purchase_no: 'PO-RERUN',
				}),
			]);
			expect(createdNumbers()).toEqual(['PO-RERUN']);
			expect(ordersNumbered('PO-RERUN')).toBe(1);
			expect(callsOf(rig, PURCHASE_ORDERS).map((c) => c.params)).toEqual([
				{ purchase_no: 'PO-RERUN', fuzzy_query: false },
				{ purchase_no: 'PO-RERUN', fuzzy_query: false },
			]);
		});

		it('two items with one number are refused before any call', async () => {
			const { error } = await rig.run(create({ purchaseNo: 'PO-SAME' }), [{}, {}]);
			expect(error?.message).toBe(
				'Item 2: Purchase Order Number (purchase_no) "PO-SAME" is also used by item 1; each purchase order needs its own number.',
			);
			expect(rig.sim.requests).toHaveLength(0);
		});

		it('a failed look-up sends nothing', async () => {
			rig.sim.faults.next('rateLimit', 1, PURCHASE_ORDERS);
			const { error } = await rig.run(create({ purchaseNo: 'PO-X' }));
			expect(error).toBeDefined();
			expect(createdNumbers()).toEqual([]);
		});
	},
);

describe('Purchase Order → Cancel (purchase.PurchaseOrder.cancelOrder)', () => {
	const cancel = (numbers: string | string[], options: { continueOnFail?: boolean } = {}) =>
		rig.run(
			{ resource: 'purchaseOrder', operation: 'cancel', orderNumbers: '={{ $json.nos }}' },
			[{ nos: numbers }],
			options,
		);

	it('sends one call per distinct number; each number has its own outcome, a refusal does not stop the others', async () => {
		addOrder(1, { purchaseNo: 'CG-A' });
		addOrder(1, { purchaseNo: 'CG-B', status: 40 });
		addOrder(1, { purchaseNo: 'CG-C' });
		const { outputs, error } = await cancel('CG-A, CG-B, cg-a, CG-C, CG-NONE', {
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(rig.sim.requestsFor(CANCEL).map((r) => r.args)).toEqual([
			['CG-A'],
			['CG-B'],
			['CG-C'],
			['CG-NONE'],
		]);
		const items = jsonOf(outputs[0]);
		expect(items.map((i) => [i.order_no, i.outcome])).toEqual([
			['CG-A', 'succeeded'],
			['CG-B', 'failed'],
			['CG-C', 'succeeded'],
			['CG-NONE', 'failed'],
		]);
		expect(String(items[1].error)).toMatch(/状态不是编辑中/);
		expect(String(items[3].error)).toMatch(/采购单号为 CG-NONE 的单据不存在/);
		const status = (no: string) => orderOf(no)?.status;
		expect([status('CG-A'), status('CG-B'), status('CG-C')]).toEqual([10, 40, 10]);
	});

	it('without Continue On Fail: one message saying what was cancelled and what WDT refused', async () => {
		addOrder(1, { purchaseNo: 'CG-A' });
		const { error } = await cancel(['CG-A', 'CG-NONE']);
		expect(error?.message).toMatch(
			/^Cancelled 1 of 2 purchase orders \(CG-A\); WDT refused to cancel purchase order CG-NONE/,
		);
	});

	it('a lost reply is an unknown outcome, not a success, and stops the sending', async () => {
		addOrder(1, { purchaseNo: 'CG-A' });
		addOrder(1, { purchaseNo: 'CG-B' });
		rig.sim.faults.next('dropAfterWrite', 1, CANCEL);
		const { outputs, error } = await cancel('CG-A, CG-B', { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((i) => [i.order_no, i.outcome])).toEqual([
			['CG-A', 'unknown'],
			['CG-B', 'not sent'],
		]);
		expect(rig.sim.requestsFor(CANCEL)).toHaveLength(1);
	});
});

describe('Purchase Stock-In → Get Many (wms.stockin.Purchase.queryWithDetail)', () => {
	const getMany = (extra: IDataObject = {}) =>
		rig.run({ resource: 'purchaseStockin', operation: 'getMany', returnAll: true, ...extra });

	it('reconciles receipts against an order: the purchase-order filter, both times always sent, lines and names', async () => {
		const order = addOrder(5, { status: 40 });
		const other = addOrder(5, { status: 40 });
		const now = rig.sim.clock.now();
		receivePurchase(rig.sim, String(order.purchase_no), {
			atMs: now - 2 * DAY,
			lines: { 'TS-001-BLK-M': 6 },
		});
		receivePurchase(rig.sim, String(order.purchase_no), { atMs: now - DAY });
		receivePurchase(rig.sim, String(other.purchase_no), { atMs: now - DAY });
		const stockins = await readOk(getMany({ filters: { purchaseNo: String(order.purchase_no) } }));
		expect(stockins.map((s) => s.purchase_no)).toEqual([order.purchase_no, order.purchase_no]);
		expect(stockins[0]).toMatchObject({
			status: 80,
			status_name: '已完成',
			purchase_id: order.purchase_id,
			details_list: [expect.objectContaining({ spec_no: 'TS-001-BLK-M', num: 6 })],
		});
		// Received in all = ordered.
		const received = stockins
			.flatMap((s) => s.details_list as IDataObject[])
			.reduce((sum, line) => sum + Number(line.num), 0);
		expect(received).toBe(14);
		expect(callsOf(rig, PURCHASE_STOCKINS)[0].params).toEqual({
			purchase_no: order.purchase_no,
			start_time: toWdtTime(now - 30 * DAY),
			end_time: toWdtTime(now),
		});
		const lines = await readOk(
			getMany({ filters: { purchaseNo: String(order.purchase_no) }, outputMode: 'lines' }),
		);
		expect(lines.map((l) => [l.stockin_purchase_no, l.spec_no, l.num])).toEqual([
			[order.purchase_no, 'TS-001-BLK-M', 6],
			[order.purchase_no, 'TS-001-BLK-M', 4],
			[order.purchase_no, 'MUG-350', 4],
		]);
	});

	it('sends statuses, warehouse and stock-in number; refuses a too-long number before any call', async () => {
		await readOk(
			getMany({
				filters: {
					statuses: ['80', '30'],
					warehouseNo: { __rl: true, mode: 'list', value: 'WH01' },
					stockinNo: 'RK1',
				},
			}),
		);
		expect(callsOf(rig, PURCHASE_STOCKINS)[0].params).toMatchObject({
			status: '80,30',
			warehouse_no: 'WH01',
			stockin_no: 'RK1',
		});
		rig.sim.clearRequests();
		const { error } = await getMany({ filters: { purchaseNo: 'C'.repeat(21) } });
		expect(error?.message).toBe(
			'Item 1: Purchase Order Number (filters.purchaseNo) is longer than 20 characters.',
		);
		expect(rig.sim.requests).toHaveLength(0);
	});

	it.each(TIME_FORMS)(
		'reads its times as WDT sends them (replies.timeForm %s)',
		async (timeForm) => {
			rig.sim.replies.timeForm = timeForm;
			const order = addOrder(5, { status: 40 });
			const atMs = rig.sim.clock.now() - DAY;
			receivePurchase(rig.sim, String(order.purchase_no), { atMs });
			const [stockin] = await readOk(getMany());
			const second = Math.floor(atMs / 1000) * 1000;
			for (const field of ['modified_iso', 'created_time_iso', 'check_time_iso'])
				expect(Date.parse(String(stockin[field])), field).toBe(second);
		},
	);
});
