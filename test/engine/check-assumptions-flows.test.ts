/**
 * Account → Check Assumptions' probes of the issue-22 pages, through the harness against the
 * simulator: under each value of each reply option the probe reports that reading; without
 * records it says it could not tell, and why; every request is a read; the transfer status list,
 * which the simulator serves one way only, is refused through a crafted reply.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { MAX_PROBE_CALLS, TIME_FORM_NAMES, type TimeForm } from '../../nodes/shared/assumptions';
import {
	addInvoice,
	addPlatformGoods,
	addPurchaseOrder,
	addStocktake,
	addTransfer,
	DEFAULT_REPLY_CHOICES,
	methodRecords,
	moveStock,
	PURCHASE_STOCKINS,
	receivePurchase,
	receiveRefund,
	SRC_ORDER_TYPE,
	TRANSFER_STATUS,
} from '../simulator';
import {
	byAssumption,
	expectOnlyReads,
	type ReadingCase,
	runCheckAssumptions,
} from './assumptions';
import { useRig } from './rig';

const rig = useRig();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Replies = Record<string, string>;
const setReplies = (replies: Replies) => Object.assign(rig.sim.replies, replies);

/** Records every issue-22 probe samples: movements of two SKUs, a stock count, a refund stock-in
 * checked later than created, a failed invoice, a transfer, a purchase order and its stock-in. */
function seedFlows() {
	const now = rig.sim.clock.now();
	for (const [specNo, minutes] of [
		['SKU-A', 20],
		['SKU-B', 25],
	] as const)
		moveStock(rig.sim, {
			warehouseNo: 'WH001',
			specNo,
			delta: 5,
			srcOrderType: SRC_ORDER_TYPE.transfer,
			srcOrderNo: `SRC-${specNo}`,
			stockioNo: `RK-${specNo}`,
			atMs: now - minutes * MINUTE,
		});
	addStocktake(rig.sim, {
		warehouseNo: 'WH001',
		status: 40,
		atMs: now - DAY,
		lines: [{ specNo: 'SKU-A', newNum: 3 }],
	});
	const stockin = receiveRefund(rig.sim, {
		refundNo: 'TK-1',
		shopNo: 'MALL01',
		warehouseNo: 'WH001',
		lines: [{ specNo: 'SKU-A', num: 1 }],
		atMs: now - 2 * DAY,
	});
	// Created two days ago, checked (stocked in) a day later.
	stockin.check_time = new Date(now - DAY + 8 * HOUR).toISOString().slice(0, 19).replace('T', ' ');
	addInvoice(rig.sim, { invoice_order_no: 'FP-85', status: 85, invoice_amount: 4 }, now - DAY);
	addInvoice(rig.sim, { invoice_order_no: 'FP-45', status: 45, invoice_amount: 5 }, now - DAY);
	addTransfer(rig.sim, {
		fromWarehouseNo: 'WH001',
		toWarehouseNo: 'WH002',
		status: TRANSFER_STATUS.approved,
		createdMs: now - DAY,
		lines: [{ specNo: 'SKU-A', num: 1 }],
	});
	const order = addPurchaseOrder(rig.sim, {
		providerNo: 'P1',
		warehouseNo: 'WH001',
		createdMs: now - 2 * DAY,
		lines: [{ specNo: 'SKU-A', num: 2 }],
	});
	receivePurchase(rig.sim, String(order.purchase_no), { atMs: now - DAY });
}

const check = () => runCheckAssumptions(rig);

afterEach(() => {
	rig.sim.useDocExamples(false);
	rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
});

const READINGS: ReadingCase[] = [
	{
		option: 'stockSyncEmptyPosition',
		check: /sends back the position/,
		values: [
			['same', 'as assumed', /^the position sent comes back$/],
			['omitted', 'differs', /^no position when nothing waits$/],
		],
	},
	{
		option: 'stockSyncCount',
		check: /refuses a count outside/,
		values: [
			['refused', 'as assumed', /^a count below 10 is refused$/],
			['clamped', 'differs', /^a count below 10 is answered/],
		],
	},
	{
		option: 'batchCalcErrors',
		check: /^batchCalcStock/,
		values: [
			['listed', 'as assumed', /^failures in error_date only$/],
			['emptySuccess', 'differs', /empty \{\} in success_date/],
		],
	},
	{
		option: 'changeHistoryWindow',
		check: /more than 60 minutes/,
		values: [
			['bySku', 'as assumed', /^2 hours with a SKU code are answered$/],
			['hour', 'differs', /^60 minutes at most/],
		],
	},
	{
		option: 'changeHistorySpecNo',
		check: /take one SKU code/,
		values: [
			['one', 'as assumed', /^a comma list matches nothing/],
			['list', 'differs', /^a comma list selects each code$/],
		],
	},
	{
		option: 'stockPdDetailShape',
		check: /Stock count lines/,
		values: [
			['list', 'as assumed', /^data is the list of lines$/],
			['object', 'differs', /^data\.pd_detail_list holds the lines$/],
		],
	},
	{
		option: 'refundStockinTime',
		check: /time_type 1/,
		values: [
			['check_time', 'as assumed', /selects by check_time$/],
			['created_time', 'differs', /^time_type 1 does not select by check_time/],
		],
	},
	{
		option: 'invoiceDefaultMode',
		check: /invoice search without mode 1/,
		values: [
			['offlinePending', 'as assumed', /^without mode 1, only status 45$/],
			['offlineOpen', 'differs', /failed invoices \(85\) come back too$/],
		],
	},
];

describe('with records of every flow', () => {
	beforeEach(() => seedFlows());

	describe.each(READINGS)('replies.$option', ({ option, check: pattern, values }) => {
		it.each(values)(`${option} = %s: %s`, async (value, verdict, reading) => {
			setReplies({ [option]: value });
			const item = byAssumption(await check(), pattern);
			expect(item.verdict, item.why).toBe(verdict);
			expect(item.reading_found).toMatch(reading);
			expectOnlyReads(rig);
		});
	});

	it('the pending list is read past its end only, and batchCalcStock only about goods id 0', async () => {
		// A goods waiting to sync: the probes must not read it (nor lease it, were reads to lease).
		addPlatformGoods(
			rig.sim,
			{ rec_id: 1001, shop_id: 900, goods_id: 'G1', spec_id: 'S1', match_code: 'SKU-A' },
			{ pending: true },
		);
		const item = byAssumption(await check(), /sends back the position/);
		expect(item.details).toMatchObject({ ids_returned: 0, position_returned: 2_147_483_647 });
		const pending = rig.sim.requestsFor('sales.StockSync.getSelfWaitSyncIdListOpen');
		expect(pending.map((request) => (request.args as unknown[]).map(Number))).toEqual([
			[10, 2_147_483_647],
			[9, 2_147_483_647],
		]);
		const calc = rig.sim.requestsFor('sales.StockSync.batchCalcStock');
		expect(calc.map((request) => request.args)).toEqual([
			[[{ api_goods_id: 0, force_sync: false }]],
		]);
	});

	it.each(['text', 'ms', 'seconds', 'msText', 'secondsText'] as TimeForm[])(
		'timeForm = %s: purchase orders, purchase stock-ins and stock movements report it',
		async (form) => {
			setReplies({ timeForm: form });
			const items = await check();
			for (const pattern of [/^Purchase order \(/, /^Purchase stock-in \(/, /^Stock movement \(/]) {
				const item = byAssumption(items, pattern);
				expect(item.reading_found, `${item.assumption}: ${item.why}`).toContain(
					TIME_FORM_NAMES[form],
				);
				expect(item.verdict, item.assumption).toBe(form === 'text' ? 'as assumed' : 'differs');
			}
		},
	);

	it('a comma list of transfer statuses: answered by the simulator, refused by a crafted reply', async () => {
		let item = byAssumption(await check(), /comma list of statuses/);
		expect(item).toMatchObject({
			verdict: 'as assumed',
			reading_found: 'a comma list selects each status',
		});
		const transfers = 'wms.stocktransfer.Manage.queryWithDetail';
		const sample = rig.sim.requestsFor(transfers).length;
		expect(sample).toBe(2);
		// A WDT that takes one status only (String, 4): the list is refused.
		let calls = 0;
		rig.sim.useDocExamples({
			methods: [transfers],
			source: {
				replyExample: () =>
					calls++ === 0
						? {
								status: 0,
								data: { total_count: 1, order: [{ transfer_no: 'TF1', status: 40 }] },
							}
						: { status: 100, message: 'status长度超出限制' },
			},
		});
		item = byAssumption(await check(), /comma list of statuses/);
		expect(item).toMatchObject({
			verdict: 'differs',
			reading_found: 'a comma list of statuses is refused',
		});
	});
});

describe('which time the purchase order and stock-in ranges select by', () => {
	const ORDERS = 'purchase.PurchaseOrder.queryWithDetail';
	const STOCKINS = 'wms.stockin.Purchase.queryWithDetail';

	it('the simulator selects purchase orders by modified time: as assumed', async () => {
		seedFlows();
		const item = byAssumption(await check(), /^Purchase order search's time range/);
		expect(item).toMatchObject({
			verdict: 'as assumed',
			reading_found: 'the range filters modified time',
		});
		expect(item.details).toMatchObject({ found_in_window_around_modified: true });
		expect(item.details).not.toHaveProperty('found_in_window_around_created');
	});

	/** A WDT that selects by creation time: the sample, then nothing around the modified time. */
	const byCreation = (list: Record<string, unknown>) => {
		const page = (rows: unknown[]) => ({
			status: 0,
			data: { total_count: rows.length, order: rows },
		});
		const replies = [page([list]), page([])];
		return { replyExample: () => (replies.length > 1 ? replies.shift() : replies[0]) };
	};

	it.each([
		[ORDERS, /^Purchase order search's/, { purchase_no: 'CG1', created: '2026-12-01 10:00:00' }],
		[
			STOCKINS,
			/^Purchase stock-in search's/,
			{ order_no: 'RK1', created_time: '2026-12-01 10:00:00' },
		],
	])('%s selecting by created time (a crafted reply): differs', async (method, pattern, record) => {
		rig.sim.useDocExamples({
			methods: [method],
			source: byCreation({ ...record, modified: '2026-12-03 10:00:00' }),
		});
		const item = byAssumption(await check(), pattern);
		expect(item).toMatchObject({
			verdict: 'differs',
			reading_found: 'the range does not filter modified time (created time, by the other reading)',
		});
		expect(item.why).toMatch(/read the ones you follow by number/);
		expect(rig.sim.requestsFor(method)).toHaveLength(2);
	});
});

it('without records, each flow probe that needs one says it could not tell, and why', async () => {
	const items = await check();
	expectOnlyReads(rig);
	const expected: Array<[RegExp, RegExp]> = [
		[/^Purchase order \(/, /^No record to look at modified in the last 7 days\.$/],
		[/^Purchase stock-in \(/, /^No record to look at/],
		[/^Stock movement \(/, /^No record to look at/],
		[/more than 60 minutes/, /^No SKU code found/],
		[/take one SKU code/, /^No stock movement in the last hour\.$/],
		[/Stock count lines/, /^No stock count in the last 7 days\.$/],
		[/time_type 1/, /^No refund stock-in in the last 7 days/],
		[/invoice search without mode 1/, /^No invoice whose offline issue failed/],
		[/comma list of statuses/, /^No transfer in the last 7 days\.$/],
		[/^Purchase order search's/, /^No purchase order in the last 7 days was modified after/],
		[/^Purchase stock-in search's/, /^No purchase stock-in in the last 7 days was modified/],
	];
	for (const [pattern, why] of expected) {
		const item = byAssumption(items, pattern);
		expect(item.verdict, item.assumption).toBe('could not tell');
		expect(item.reading_found).toBe('unknown');
		expect(item.why, item.assumption).toMatch(why);
	}
	// The pending list and batchCalcStock need no records: they answer on an empty account too.
	for (const pattern of [/sends back the position/, /refuses a count outside/, /^batchCalcStock/])
		expect(byAssumption(items, pattern).verdict).toBe('as assumed');
});

it("a method the API key is not granted: could not tell, with WDT's reason", async () => {
	rig.sim.useDocExamples({
		methods: [
			'sales.StockSync.getSelfWaitSyncIdListOpen',
			'sales.StockSync.batchCalcStock',
			'finance.invoice.InvoiceOrder.search',
			'wms.StockPd.queryStockPd',
		],
		source: { replyExample: () => ({ status: 100, message: '无接口访问权限' }) },
	});
	seedFlows();
	const items = await check();
	for (const pattern of [
		/sends back the position/,
		/refuses a count outside/,
		/^batchCalcStock/,
		/invoice search without mode 1/,
		/Stock count lines/,
	]) {
		const item = byAssumption(items, pattern);
		expect(item.verdict, item.assumption).toBe('could not tell');
		expect(item.why).toContain('无接口访问权限');
	}
	// The count-9 read is not made when the allowed read is refused.
	expect(rig.sim.requestsFor('sales.StockSync.getSelfWaitSyncIdListOpen')).toHaveLength(1);
});

/** The issue-22 readings no read can tell apart (docs/wdt-ambiguities.md says why, per entry). */
const ONLY_A_WRITE_SHOWS: Record<string, string> = {
	stockSyncReportInfo: 'syncSuccess/syncFail are writes',
	stockSyncStaleReport: 'only a report shows it',
	stockSyncFailure: 'only syncFail shows it',
	repeatedOrderNo: 'only a second create shows it',
	refundPushCounts: 'the counts come only in upload2’s reply',
	transferStock: 'only a create shows it',
	invoiceUpdateFields: 'only an update shows it',
};

it('every issue-22 reply option is probed above or named as shown only by a write', () => {
	const probed = READINGS.map((reading) => reading.option);
	const issue22 = [...probed, ...Object.keys(ONLY_A_WRITE_SHOWS)];
	for (const option of issue22) expect(DEFAULT_REPLY_CHOICES, option).toHaveProperty(option);
	expect(new Set(issue22).size).toBe(issue22.length);
	expect(issue22.sort()).toEqual(
		[
			'batchCalcErrors',
			'changeHistorySpecNo',
			'changeHistoryWindow',
			'invoiceDefaultMode',
			'invoiceUpdateFields',
			'refundPushCounts',
			'refundStockinTime',
			'repeatedOrderNo',
			'stockPdDetailShape',
			'stockSyncCount',
			'stockSyncEmptyPosition',
			'stockSyncFailure',
			'stockSyncReportInfo',
			'stockSyncStaleReport',
			'transferStock',
		].sort(),
	);
});

it('the budget is what the checks need when every sample finds what it looks for, and no check is cut short', async () => {
	// Every check down its longest path: records of every kind, no status-90 stockout (two hours
	// sampled), and a purchase stock-in modified after it was created (its range is probed too).
	rig.sim.resetData('demo');
	seedFlows();
	const stockin = methodRecords(rig.sim, PURCHASE_STOCKINS);
	const now = rig.sim.clock.now();
	stockin.modify((record) => record.provider_no === 'P1', {}, { modifiedMs: now - HOUR });
	const items = await check();
	expectOnlyReads(rig);
	expect(rig.sim.requests).toHaveLength(MAX_PROBE_CALLS);
	expect(items.filter((item) => /budget/.test(item.why))).toEqual([]);
	expect(byAssumption(items, /^Purchase stock-in search's/).verdict).toBe('as assumed');
	expect(byAssumption(items, /status 90/).why).toMatch(/in the 2 hours sampled/);
});
