/**
 * The stock-flow methods of issue 22 over HTTP, under each reading: purchase orders and their
 * receipts, stock movements, refunds in, transfers, stocktakes, invoices.
 */
import { beforeEach, describe, expect, it } from 'vitest';

// The simulator first: methods.ts registers the flow methods (they import each other).
import { NOW, useRig } from './testkit';
import { formatCst } from './cst';
import { failReview } from './flows';
import { addInvoice } from './invoices';
import { receivePurchase } from './purchaseOrders';
import { receiveRefund } from './refundsIn';
import { CHANGE_HISTORY_HOUR_MESSAGE, stockOf } from './stockMoves';
import { addStocktake } from './stocktakes';
import { receiveTransfer, shipTransfer } from './transfers';
import { DEFAULT_REPLY_CHOICES } from './store';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const page = { pageNo: 0, pageSize: 100, calcTotal: true };

const rig = useRig();
beforeEach(() => {
	rig.sim.resetData('empty');
	rig.sim.clock.set(NOW);
	rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reply JSON read freely in assertions
type Json = Record<string, any>;
const call = (method: string, args: unknown[], pager?: typeof page): Promise<Json> =>
	rig.client.call({ method, args, pager }).then(({ json }) => json as Json);
const days = (count: number) => ({
	start_time: formatCst(NOW - count * DAY),
	end_time: formatCst(NOW),
});

const ORDER = {
	provider_no: 'P001',
	receive_warehouse_nos: 'WH01',
	expect_warehouse_no: 'WH01',
	purchaser_name: 'lj',
	purchase_details: [
		{ spec_no: 'MUG-350', num: '5', price: 12 },
		{ spec_no: 'CABLE-C-1M', num: 3 },
	],
};

describe('purchase.PurchaseOrder and wms.stockin.Purchase', () => {
	const create = (params: Json) => call('purchase.PurchaseOrder.createOrder', [params]);
	const query = (params: Json) => call('purchase.PurchaseOrder.queryWithDetail', [params], page);

	it('a created order is found by number and window, with its lines; cancel moves it to 10', async () => {
		const created = await create(ORDER);
		expect(created).toEqual({ status: 0, data: { status: 0, message: 'CG202411220001' } });
		const byNo = await query({ purchase_no: 'CG202411220001' });
		expect(byNo.data.total_count).toBe(1);
		const [order] = byNo.data.order;
		expect(order).toMatchObject({
			purchase_no: 'CG202411220001',
			status: 20,
			stockin_status: 0,
			provider_no: 'P001',
			provider_name: '华东纺织供应商',
			warehouse_no: 'WH01',
			purchaser_name: 'lj',
			goods_count: 8,
			modified: '2024-11-22 10:00:00',
		});
		expect(order.detail_list.map((line: Json) => [line.spec_no, line.num, line.lack_num])).toEqual([
			['MUG-350', 5, 5],
			['CABLE-C-1M', 3, 3],
		]);
		// "自定义属性3/4（接口创建的采购单不返回该字段）"
		expect(order.detail_list[0]).not.toHaveProperty('prop3');
		expect((await query(days(1))).data.order).toHaveLength(1);

		rig.sim.clock.advance(MINUTE);
		expect(await call('purchase.PurchaseOrder.cancelOrder', ['CG202411220001'])).toEqual({
			status: 0,
		});
		expect((await query({ purchase_no: 'CG202411220001' })).data.order[0]).toMatchObject({
			status: 10,
			modified: '2024-11-22 10:01:00',
		});
		expect(await call('purchase.PurchaseOrder.cancelOrder', ['CG202411220001'])).toEqual({
			status: 100,
			message: '采购单号为 CG202411220001 的单据状态不是编辑中',
		});
		expect(await call('purchase.PurchaseOrder.cancelOrder', ['CG2020051501001'])).toEqual({
			status: 100,
			message: '采购单号为 CG2020051501001 的单据不存在',
		});
	});

	it('reviewed (is_check) orders are 40 and cannot be cancelled by cancelOrder; a failed review is data.status 20', async () => {
		const reviewed = await create({ ...ORDER, is_check: true });
		const [order] = (await query({ purchase_no: reviewed.data.message })).data.order;
		expect(order).toMatchObject({ status: 40, check_time: '2024-11-22 10:00:00' });
		expect((await call('purchase.PurchaseOrder.cancelOrder', [order.purchase_no])).status).toBe(
			100,
		);

		failReview(rig.sim, 'purchase.PurchaseOrder.createOrder', '审核失败:供应商货品未维护');
		expect(await create({ ...ORDER, is_check: true })).toEqual({
			status: 0,
			data: { status: 20, message: '审核失败:供应商货品未维护' },
		});
		// The order exists, unreviewed; the reply did not name it.
		const all = (await query(days(1))).data.order.map((each: Json) => each.status);
		expect(all.sort()).toEqual([20, 40]);
	});

	it('refusals: provider, warehouse, purchaser, SKU, quantity; a repeated number per reading', async () => {
		expect(await create({ ...ORDER, provider_no: 'LCJtest' })).toEqual({
			status: 100,
			message: '供应商不存在',
		});
		expect((await create({ ...ORDER, expect_warehouse_no: 'NOPE' })).message).toBe(
			'仓库不存在:NOPE',
		);
		expect((await create({ ...ORDER, purchaser_name: '' })).status).toBe(100);
		expect(
			(await create({ ...ORDER, purchase_details: [{ spec_no: 'hcf', num: 1 }] })).message,
		).toBe('单品不存在检查商家编码:hcf');
		expect(
			(await create({ ...ORDER, purchase_details: [{ spec_no: 'MUG-350', num: 0 }] })).message,
		).toBe('数量不合法');
		expect((await create({ ...ORDER, purchase_no: 'CG-X' })).status).toBe(0);
		expect(await create({ ...ORDER, purchase_no: 'CG-X' })).toEqual({
			status: 100,
			message: '采购单号已存在',
		});
		rig.sim.replies.repeatedOrderNo = 'accepted';
		expect((await create({ ...ORDER, purchase_no: 'CG-X' })).data.message).toBe('CG-X');
		expect(await query({ purchase_no: 'CG-X' })).toMatchObject({ data: { total_count: 2 } });
		expect(rig.sim.writeRequests().length).toBeGreaterThan(0);
	});

	it('the number in data.message, and also as the top-level message per uploadNumberIn', async () => {
		rig.sim.replies.uploadNumberIn = 'both';
		expect(await create(ORDER)).toEqual({
			status: 0,
			message: 'CG202411220001',
			data: { status: 0, message: 'CG202411220001' },
		});
	});

	it('the query: a number or both times (at most 30 days), times ignored with a number; ms per timeForm', async () => {
		await create(ORDER);
		expect(await query({})).toEqual({ status: 100, message: '参数中必须包含起止时间' });
		expect(await query(days(31))).toEqual({
			status: 100,
			message: '您的查询时间过宽,查询时间不能大于30天',
		});
		const old = { start_time: '2020-01-01 00:00:00', end_time: '2020-01-02 00:00:00' };
		expect((await query({ ...old, purchase_no: 'CG202411220001' })).data.order).toHaveLength(1);
		expect((await query({ ...days(1), status: '40,50' })).data.order).toHaveLength(0);
		expect((await query({ ...days(1), status: '20,40' })).data.order).toHaveLength(1);
		rig.sim.replies.timeForm = 'ms';
		const [order] = (await query(days(1))).data.order;
		expect(order.modified).toBe(NOW);
		expect(order.detail_list[0].modified).toBe('2024-11-22 10:00:00');
	});

	it('a receipt: the stock-in is listed, the order moves to 50/60 and the stock moves in', async () => {
		const { data } = await create({ ...ORDER, is_check: true });
		const before = stockOf(rig.sim, 'WH01', 'MUG-350');
		receivePurchase(rig.sim, data.message, { atMs: NOW + MINUTE, lines: { 'MUG-350': 2 } });
		rig.sim.clock.set(NOW + 2 * MINUTE);
		let [order] = (await query({ purchase_no: data.message })).data.order;
		expect(order).toMatchObject({ status: 50, stockin_status: 1, goods_stockin_count: 2 });
		expect(order.detail_list[0]).toMatchObject({ stockin_num: 2, lack_num: 3 });
		receivePurchase(rig.sim, data.message, { atMs: NOW + 2 * MINUTE });
		[order] = (await query({ purchase_no: data.message })).data.order;
		expect(order).toMatchObject({ status: 60, stockin_status: 2, goods_stockin_count: 8 });
		expect(stockOf(rig.sim, 'WH01', 'MUG-350')).toBe(before + 5);

		const stockins = await call(
			'wms.stockin.Purchase.queryWithDetail',
			[{ ...days(1), end_time: formatCst(NOW + HOUR), purchase_no: data.message }],
			page,
		);
		expect(stockins.data.total_count).toBe(2);
		expect(stockins.data.order[0]).toMatchObject({
			order_no: 'RK202411220001',
			status: 80,
			purchase_no: data.message,
			warehouse_no: 'WH01',
		});
		expect(stockins.data.order[0].details_list).toEqual([
			expect.objectContaining({ spec_no: 'MUG-350', num: 2 }),
		]);
		const byNo = await call(
			'wms.stockin.Purchase.queryWithDetail',
			[{ ...days(1), end_time: formatCst(NOW + HOUR), stockin_no: 'RK202411220002' }],
			page,
		);
		expect(byNo.data.order.map((each: Json) => each.order_no)).toEqual(['RK202411220002']);
		expect(await call('wms.stockin.Purchase.queryWithDetail', [{}], page)).toEqual({
			status: 100,
			message: 'start_time和end_time为空或不是有效的时间格式[0000-00-00 00:00:00] ',
		});
	});
});

describe('wms.StockSpec.queryChangeHistory', () => {
	const history = (params: Json) => call('wms.StockSpec.queryChangeHistory', [params], page);
	const hour = { start_date: formatCst(NOW - HOUR), end_date: formatCst(NOW) };
	const month = { start_date: formatCst(NOW - 29 * DAY), end_date: formatCst(NOW) };

	it('records each stock change with old/new stock, direction and source', async () => {
		receiveRefund(rig.sim, {
			refundNo: 'RF1',
			shopNo: 'TMALL01',
			warehouseNo: 'WH01',
			atMs: NOW - 30 * MINUTE,
			lines: [{ specNo: 'MUG-350', num: 2 }],
		});
		addStocktake(rig.sim, {
			warehouseNo: 'WH01',
			status: 40,
			atMs: NOW - 10 * MINUTE,
			lines: [{ specNo: 'MUG-350', newNum: 1 }],
		});
		const { data } = await history(hour);
		expect(data.total_count).toBe(2);
		expect(data.data).toEqual([
			expect.objectContaining({
				src_order_type: 12,
				type: 1,
				spec_no: 'MUG-350',
				warehouse_no: 'WH01',
				stock_num_old: 0,
				num: 2,
				stock_num_new: 2,
				src_order_no: 'RF1',
				defect: false,
				created: formatCst(NOW - 30 * MINUTE),
			}),
			expect.objectContaining({ src_order_type: 4, type: 2, num: 1, stock_num_new: 1 }),
		]);
		expect((await history({ ...hour, type: 1 })).data.data).toHaveLength(1);
		expect((await history({ ...hour, warehouse_no: 'WH02' })).data.data).toHaveLength(0);
	});

	it('60 minutes without a SKU code, 30 days with one (bySku); 60 minutes always (hour)', async () => {
		const twoHours = { ...hour, start_date: formatCst(NOW - 2 * HOUR) };
		expect(await history(twoHours)).toEqual({ status: 100, message: CHANGE_HISTORY_HOUR_MESSAGE });
		expect((await history({ ...month, spec_no: 'MUG-350' })).status).toBe(0);
		expect(
			(await history({ ...month, start_date: formatCst(NOW - 31 * DAY), spec_no: 'MUG-350' }))
				.message,
		).toBe('您的查询时间过宽,查询时间不能大于30天');
		rig.sim.replies.changeHistoryWindow = 'hour';
		expect((await history({ ...month, spec_no: 'MUG-350' })).status).toBe(100);
		expect((await history({ ...hour, spec_no: 'MUG-350' })).status).toBe(0);
		expect(await history({})).toEqual({ status: 100, message: '参数中必须包含起止时间' });
	});

	it('spec_no: one code (one) or a comma list (list); good stock only unless defect', async () => {
		for (const specNo of ['MUG-350', 'CABLE-C-1M'])
			receiveRefund(rig.sim, {
				refundNo: `RF-${specNo}`,
				shopNo: 'TMALL01',
				warehouseNo: 'WH01',
				atMs: NOW - DAY,
				lines: [{ specNo, num: 1 }],
			});
		const both = { ...month, spec_no: 'MUG-350,CABLE-C-1M' };
		expect((await history(both)).data.data).toHaveLength(0);
		rig.sim.replies.changeHistorySpecNo = 'list';
		expect((await history(both)).data.data).toHaveLength(2);
		expect((await history({ ...both, defect: true })).data.data).toHaveLength(0);
	});
});

describe('aftersales.refund.RawRefund.upload2 and wms.stockin.Refund.queryWithDetail', () => {
	const entry = (refundNo: string, oid: string, extra: Json = {}) => ({
		refund_no: refundNo,
		num: 1,
		tid: 'TID6NAFAmwYMM',
		oid,
		type: 2,
		status: 2,
		refund_version: '1',
		refund_amount: 1,
		actual_refund_amount: 1,
		title: 'test',
		logistics_name: '',
		logistics_no: '',
		buyer_nick: '123444',
		refund_time: '2020-05-22 09:07:18',
		is_aftersale: 0,
		reason: '',
		...extra,
	});
	const upload = (entries: unknown[], shop = 'TMALL01') =>
		call('aftersales.refund.RawRefund.upload2', [shop, entries]);
	const search = () =>
		call(
			'aftersales.refund.RawRefund.search',
			[{ start_time: formatCst(NOW - DAY), end_time: formatCst(NOW + HOUR) }],
			page,
		).then((json) => json.data.order);

	it('new refunds, then a re-run updates (chg_count); refused entries listed, the rest go in', async () => {
		expect(await upload([entry('lztest', 'O1'), entry('lztest', 'O2')])).toEqual({
			status: 0,
			data: { chg_count: 0, new_count: 1, error_list: [] },
		});
		rig.sim.clock.advance(MINUTE);
		expect(
			await upload([entry('lztest', 'O1', { status: 5 }), entry('other', 'O3', { type: 9 })]),
		).toEqual({
			status: 0,
			data: {
				chg_count: 1,
				new_count: 0,
				error_list: [{ no: 'other', error: '退款单类型不正确' }],
			},
		});
		const [refund] = await search();
		expect(refund).toMatchObject({ refund_no: 'lztest', shop_no: 'TMALL01', status: 5 });
		expect(refund.detail_list.map((line: Json) => line.oid).sort()).toEqual(['O1', 'O2']);
		expect((await upload([{ refund_no: 'x' }])).data.error_list).toEqual([
			{ no: 'x', error: 'num不能为空' },
		]);
		expect(await upload([entry('a', 'b')], 'NOPE')).toEqual({
			status: 100,
			message: '店铺编号不存在或已停用',
		});
	});

	it('counts refunds (refunds) or entries (entries)', async () => {
		rig.sim.replies.refundPushCounts = 'entries';
		expect((await upload([entry('R1', 'O1'), entry('R1', 'O2')])).data).toMatchObject({
			new_count: 2,
			chg_count: 0,
		});
		expect((await upload([entry('R1', 'O1')])).data).toMatchObject({ new_count: 0, chg_count: 1 });
	});

	it('refund stock-ins: window required, shop and status filters, time_type 1 per reading, summary', async () => {
		receiveRefund(rig.sim, {
			refundNo: 'RF1',
			shopNo: 'TMALL01',
			warehouseNo: 'WH01',
			atMs: NOW - 2 * HOUR,
			lines: [{ specNo: 'MUG-350', num: 2, refundAmount: 10 }],
		});
		receiveRefund(rig.sim, {
			refundNo: 'RF2',
			shopNo: 'JD01',
			warehouseNo: 'WH01',
			atMs: NOW - HOUR,
			status: 30,
			lines: [{ specNo: 'MUG-350', num: 1, refundAmount: 5 }],
		});
		const stockins = (params: Json) => call('wms.stockin.Refund.queryWithDetail', [params], page);
		expect(await stockins({})).toEqual({ status: 100, message: '参数中必须包含起止时间' });
		const all = await stockins({ ...days(1), need_summary: true });
		expect(all.data.order.map((order: Json) => [order.refund_no, order.status])).toEqual([
			['RF1', 80],
			['RF2', 30],
		]);
		expect(all.data.summary_data).toEqual([
			{
				warehouse_no: 'WH01',
				shop_data: [
					{
						shop_no: 'TMALL01',
						spec_data: [{ spec_no: 'MUG-350', num: 2, total_refund_amount: 10 }],
					},
					{ shop_no: 'JD01', spec_data: [{ spec_no: 'MUG-350', num: 1, total_refund_amount: 5 }] },
				],
			},
		]);
		expect((await stockins({ ...days(1), shop_nos: 'JD01' })).data.order).toHaveLength(1);
		expect((await stockins({ ...days(1), status: '80' })).data.order).toHaveLength(1);
		// time_type 1: by the stock-in time; RF2 has not been stocked in (no check_time).
		expect((await stockins({ ...days(1), time_type: 1 })).data.order).toHaveLength(1);
		rig.sim.replies.refundStockinTime = 'created_time';
		expect((await stockins({ ...days(1), time_type: 1 })).data.order).toHaveLength(2);
		expect(stockOf(rig.sim, 'WH01', 'MUG-350')).toBe(2);
	});
});

describe('wms.stocktransfer', () => {
	const order = (outerNo: string, mode = 0) => ({
		outer_no: outerNo,
		from_warehouse_no: 'WH01',
		to_warehouse_no: 'WH02',
		mode,
	});
	const lines = [{ num: 1, spec_no: 'MUG-350', remark: 'test1' }];
	const create = (info: Json, details: unknown[], isCheck: boolean) =>
		call('wms.stocktransfer.Edit.createOrder', [info, details, isCheck]);
	const query = (params: Json = {}) =>
		call('wms.stocktransfer.Manage.queryWithDetail', [{ ...days(1), ...params }], page);

	beforeEach(() => {
		receiveRefund(rig.sim, {
			refundNo: 'RF-STOCK',
			shopNo: 'TMALL01',
			warehouseNo: 'WH01',
			atMs: NOW - DAY / 2,
			lines: [{ specNo: 'MUG-350', num: 5 }],
		});
	});

	it('create → query → cancel; reviewed step transfers ship and arrive; fast ones complete at once', async () => {
		expect(await create(order('test1111'), lines, false)).toEqual({
			status: 0,
			data: { message: 'TF202411220001', status: 0 },
		});
		const [created] = (await query({ transfer_no: 'TF202411220001' })).data.order;
		expect(created).toMatchObject({
			status: 20,
			mode: 0,
			from_warehouse_no: 'WH01',
			to_warehouse_no: 'WH02',
		});
		expect(created.details_list).toEqual([
			expect.objectContaining({ spec_no: 'MUG-350', num: 1, remark: 'test1', stock_num: 5 }),
		]);
		expect(await call('wms.stocktransfer.Manage.cancelOrder', ['TF202411220001'])).toEqual({
			status: 0,
		});
		expect((await query({ transfer_no: 'TF202411220001' })).data.order[0].status).toBe(10);
		expect(await call('wms.stocktransfer.Manage.cancelOrder', ['TF202411220001'])).toEqual({
			status: 100,
			message: '调拨单状态不正确',
		});

		const step = await create(order('step', 0), lines, true);
		expect((await query({ transfer_no: step.data.message })).data.order[0].status).toBe(40);
		shipTransfer(rig.sim, step.data.message);
		receiveTransfer(rig.sim, step.data.message);
		expect((await query({ transfer_no: step.data.message })).data.order[0]).toMatchObject({
			status: 90,
			stock_out_in_status: 60,
		});
		const fast = await create(order('fast', 5), lines, true);
		expect((await query({ transfer_no: fast.data.message })).data.order[0].status).toBe(90);
		expect(stockOf(rig.sim, 'WH01', 'MUG-350')).toBe(3);
		expect(stockOf(rig.sim, 'WH02', 'MUG-350')).toBe(2);
		expect((await query({ status: '90', from_warehouse_no: 'WH01' })).data.order).toHaveLength(2);
	});

	it('refusals: SKU (the page message), mode, warehouses; stock per reading; repeated outer_no per reading', async () => {
		expect(await create(order('a'), [{ num: 1, spec_no: 'lz11' }], false)).toEqual({
			status: 100,
			message: '单品不存在检查商家编码',
		});
		expect((await create(order('a', 3), lines, false)).message).toBe('调拨类型不正确');
		expect((await create({ ...order('a'), to_warehouse_no: 'jziyy' }, lines, false)).message).toBe(
			'仓库不存在:jziyy',
		);
		const many = [{ num: 6, spec_no: 'MUG-350' }];
		expect(await create(order('a'), many, false)).toEqual({
			status: 100,
			message: '库存不足:MUG-350',
		});
		rig.sim.replies.transferStock = 'unchecked';
		expect((await create(order('a'), many, false)).status).toBe(0);
		expect(await create(order('a'), lines, false)).toEqual({
			status: 100,
			message: '外部单号重复!',
		});
		rig.sim.replies.repeatedOrderNo = 'accepted';
		expect((await create(order('a'), lines, false)).status).toBe(0);
	});

	it('a failed review: data.status 20, the message and transfer_no; the transfer waits in editing', async () => {
		failReview(rig.sim, 'wms.stocktransfer.Edit.createOrder', '审核失败:库存不足');
		expect(await create(order('r'), lines, true)).toEqual({
			status: 0,
			data: { message: '审核失败:库存不足', transfer_no: 'TF202411220001', status: 20 },
		});
		expect((await query({ transfer_no: 'TF202411220001' })).data.order[0].status).toBe(20);
		expect(await call('wms.stocktransfer.Manage.queryWithDetail', [{}], page)).toEqual({
			status: 100,
			message: '参数中必须包含起止时间',
		});
	});

	it('line fields as the page documents them: batch and expiry only in modes 2 and 7, defect a boolean', async () => {
		const line = { num: 1, spec_no: 'MUG-350', batch_no: 'B1', expire_date: '2027-06-30 00:00:00' };
		const linesOf = async (no: string) =>
			(await query({ transfer_no: no })).data.order[0].details_list[0] as Json;
		await create(order('d', 2), [{ ...line, remark: 'r' }], false);
		expect(await linesOf('TF202411220001')).toMatchObject({
			batch_no: 'B1',
			expire_date: '2027-06-30 00:00:00',
			defect: false,
			remark: 'r',
		});
		await create(order('s', 0), [line], false); // "mode=2或者7，才有效": ignored
		expect(await linesOf('TF202411220002')).toMatchObject({ batch_no: '', expire_date: '' });
		const refused = async (details: Json) =>
			(await create(order('x', 7), [details], false)).message;
		expect(await refused({ ...line, defect: 1 })).toBe('argument type mismatch');
		expect(await refused({ ...line, batch_no: 'B'.repeat(41) })).toMatch(/batch_no/);
		expect(await refused({ ...line, remark: 'r'.repeat(256) })).toMatch(/remark/);
		expect(await refused({ ...line, expire_date: '2027-06-30' })).toMatch(/expire_date/);
		rig.sim.replies.transferExpireDate = 'date';
		await create(order('e', 7), [{ ...line, expire_date: '2027-06-30' }], false);
		expect(await linesOf('TF202411220003')).toMatchObject({ expire_date: '2027-06-30' });
	});
});

describe('wms.StockPd', () => {
	it('stocktakes by window and filters, their lines by pd_no in either shape', async () => {
		const done = addStocktake(rig.sim, {
			warehouseNo: 'WH01',
			status: 40,
			atMs: NOW - HOUR,
			lines: [
				{ specNo: 'MUG-350', newNum: 2 },
				{ specNo: 'CABLE-C-1M', newNum: 0 },
			],
		});
		addStocktake(rig.sim, {
			warehouseNo: 'WH02',
			status: 20,
			atMs: NOW - 2 * HOUR,
			lines: [{ specNo: 'MUG-350', newNum: 1 }],
		});
		const list = (params: Json) => call('wms.StockPd.queryStockPd', [params], page);
		// The page's own request example writes unpadded dates.
		const all = await list({ start_time: '2024-11-1 00:00:00', end_time: formatCst(NOW) });
		expect(all.data.pd_list.map((pd: Json) => pd.status)).toEqual([20, 40]);
		expect((await list({ ...days(1), status: 40 })).data.pd_list).toHaveLength(1);
		expect((await list({ ...days(1), spec_no: 'CABLE-C-1M' })).data.pd_list[0].pd_no).toBe(
			done.pd_no,
		);
		expect((await list({ ...days(1), warehouse_no: 'WH02' })).data.pd_list).toHaveLength(1);
		expect(await list({})).toEqual({ status: 100, message: '参数中必须包含起止时间' });

		const detail = (params: Json) => call('wms.StockPd.queryStockPdDetail', [params], page);
		const lines = await detail({ pd_no: done.pd_no });
		expect(lines.total).toBe(2);
		expect(lines.data.map((line: Json) => [line.spec_no, line.old_num, line.new_num])).toEqual([
			['MUG-350', 0, 2],
			['CABLE-C-1M', 0, 0],
		]);
		expect((await detail({})).data).toHaveLength(3);
		rig.sim.replies.stockPdDetailShape = 'object';
		expect((await detail({ pd_no: done.pd_no })).data.pd_detail_list).toHaveLength(2);
		expect(stockOf(rig.sim, 'WH01', 'MUG-350')).toBe(2);
	});
});

describe('finance.invoice.InvoiceOrder', () => {
	beforeEach(() => {
		[45, 85, 60, 5].forEach((status, index) =>
			addInvoice(
				rig.sim,
				{ invoice_order_no: `FP-${status}`, status, shop_no: 'MALL01' },
				NOW - (index + 1) * HOUR,
			),
		);
	});
	const search = (params: Json) =>
		call('finance.invoice.InvoiceOrder.search', [params], page).then((json) => json);
	const statuses = (json: Json) => json.data.order.map((invoice: Json) => invoice.status);
	const update = (list: unknown[]) => call('finance.invoice.InvoiceOrder.updateInvoice', [list]);

	it('search: offline invoices waiting by default (per reading), any status with mode 1', async () => {
		expect(statuses(await search(days(2)))).toEqual([45]);
		rig.sim.replies.invoiceDefaultMode = 'offlineOpen';
		expect(statuses(await search(days(2))).sort()).toEqual([45, 85]);
		expect(statuses(await search({ ...days(2), mode: 1 })).sort()).toEqual([45, 5, 60, 85]);
		expect(statuses(await search({ ...days(2), mode: 1, status: 60 }))).toEqual([60]);
		expect(statuses(await search({ invoice_order_no: 'FP-85', mode: 1 }))).toEqual([85]);
		expect(await search({})).toEqual({ status: 100, message: '参数中必须包含起止时间' });
	});

	it('update: issued or failed offline, errors per number; required fields per reading', async () => {
		const issued = {
			invoice_order_no: 'FP-45',
			invoice_no: '24332000000012345678',
			invoice_code: '033002200111',
			status: 60,
			file_url: 'https://example.com/fp.pdf',
		};
		expect(await update([issued, { ...issued, invoice_order_no: 'FP201902130005' }])).toEqual({
			status: 0,
			error_info: { FP201902130005: '发票不存在!' },
		});
		rig.sim.clock.advance(MINUTE);
		const [invoice] = (await search({ invoice_order_no: 'FP-45', mode: 1 })).data.order;
		expect(invoice).toMatchObject({
			status: 60,
			invoice_no: '24332000000012345678',
			invoice_code: '033002200111',
			file_url: 'https://example.com/fp.pdf',
			invoice_time: '2024-11-22 10:00:00',
		});
		// Issued already: no more updates.
		expect((await update([issued])).error_info).toEqual({
			'FP-45': '发票状态不是线下待开票或线下开票失败',
		});
		const exampleOnly = { invoice_order_no: 'FP-85', invoice_no: 'pf0x00011111111' };
		expect((await update([exampleOnly])).error_info).toEqual({ 'FP-85': 'invoice_code不能为空' });
		expect((await update([{ ...exampleOnly, invoice_code: '1', status: 60 }])).error_info).toEqual({
			'FP-85': 'file_url不能为空',
		});
		rig.sim.replies.invoiceUpdateFields = 'example';
		expect(await update([exampleOnly])).toEqual({ status: 0, error_info: {} });
		const [failed] = (await search({ invoice_order_no: 'FP-85', mode: 1 })).data.order;
		expect(failed).toMatchObject({ status: 85, invoice_no: 'pf0x00011111111' });
	});
});

describe('faults apply to the flow methods as to the others', () => {
	it('a truncated or dropped write changes nothing; a slow one completes after the delay', async () => {
		rig.sim.faults.next('truncated', 1, 'purchase.PurchaseOrder.createOrder');
		const cut = await rig.client.call({
			method: 'purchase.PurchaseOrder.createOrder',
			args: [ORDER],
		});
		expect(cut.json).toBeUndefined();
		rig.sim.faults.next('drop', 1, 'purchase.PurchaseOrder.createOrder');
		await expect(
			rig.client.call({ method: 'purchase.PurchaseOrder.createOrder', args: [ORDER] }),
		).rejects.toThrow();
		const none = await call('purchase.PurchaseOrder.queryWithDetail', [days(1)], page);
		expect(none.data.order).toEqual([]);
		rig.sim.faults.next('slow', 1, 'purchase.PurchaseOrder.createOrder', { delayMs: 50 });
		expect((await call('purchase.PurchaseOrder.createOrder', [ORDER])).status).toBe(0);
		expect(
			(await call('purchase.PurchaseOrder.queryWithDetail', [days(1)], page)).data.order,
		).toHaveLength(1);
	});

	it('rate limits and 502s on the pending list', async () => {
		rig.sim.faults.next('rateLimit', 1, 'sales.StockSync.getSelfWaitSyncIdListOpen');
		rig.sim.faults.next('html502', 1, 'sales.StockSync.getSelfWaitSyncIdListOpen');
		const limited = await call('sales.StockSync.getSelfWaitSyncIdListOpen', [500, 0]);
		expect(limited.status).not.toBe(0);
		const html = await rig.client.call({
			method: 'sales.StockSync.getSelfWaitSyncIdListOpen',
			args: [500, 0],
		});
		expect(html.httpStatus).toBe(502);
		expect((await call('sales.StockSync.getSelfWaitSyncIdListOpen', [500, 0])).status).toBe(0);
	});
});

describe("the 'demo' seed (npm start) has records for every flow read", () => {
	it.each([
		['sales.StockSync.getSelfWaitSyncIdListOpen', [500, 0], 'id_list'],
		[
			'sales.StockSync.batchCalcStock',
			[[{ api_goods_id: 2447, force_sync: false }]],
			'success_date',
		],
		['purchase.PurchaseOrder.queryWithDetail', [days(1)], 'order'],
		['wms.stockin.Purchase.queryWithDetail', [days(1)], 'order'],
		[
			'wms.StockSpec.queryChangeHistory',
			[{ start_date: formatCst(NOW - HOUR), end_date: formatCst(NOW) }],
			'data',
		],
		['wms.stockin.Refund.queryWithDetail', [days(1)], 'order'],
		['wms.stocktransfer.Manage.queryWithDetail', [days(1)], 'order'],
		['wms.StockPd.queryStockPd', [days(1)], 'pd_list'],
		['wms.StockPd.queryStockPdDetail', [{}], ''],
		['finance.invoice.InvoiceOrder.search', [days(1)], 'order'],
		['aftersales.refund.RawRefund.search', [days(1)], 'order'],
	] as const)('%s', async (method, args, list) => {
		rig.sim.resetData('demo');
		const json = await call(method, [...args], page);
		expect(json.status, JSON.stringify(json)).toBe(0);
		const records = list === '' ? json.data : json.data[list];
		expect(records.length).toBeGreaterThan(0);
	});

	it('its numbers for trying the writes are in the statuses that accept them', async () => {
		rig.sim.resetData('demo');
		const orders = (await call('purchase.PurchaseOrder.queryWithDetail', [days(7)], page)).data
			.order;
		expect(orders.map((order: Json) => order.status).sort()).toEqual([10, 20, 20, 40, 50, 60]);
		const transfers = (await call('wms.stocktransfer.Manage.queryWithDetail', [days(2)], page)).data
			.order;
		expect(transfers.map((transfer: Json) => transfer.status).sort()).toEqual([20, 30, 40, 90]);
		const invoices = await call(
			'finance.invoice.InvoiceOrder.search',
			[{ ...days(3), mode: 1 }],
			page,
		);
		expect(invoices.data.order.map((invoice: Json) => invoice.status).sort()).toEqual([
			45, 45, 5, 60, 85,
		]);
	});
});

describe('the shared readings apply to the flow queries', () => {
	const history = (params: Json, pager = page) =>
		call('wms.StockSpec.queryChangeHistory', [params], pager);
	const hour = { start_date: formatCst(NOW - HOUR), end_date: formatCst(NOW) };
	beforeEach(() => {
		for (let index = 0; index < 5; index++)
			receiveRefund(rig.sim, {
				refundNo: `RF${index}`,
				shopNo: 'TMALL01',
				warehouseNo: 'WH01',
				atMs: NOW - (index + 1) * 10 * MINUTE,
				lines: [{ specNo: 'MUG-350', num: 1 }],
			});
	});

	it('paging: page_size, page_no and a silent page cap', async () => {
		const first = await history(hour, { pageNo: 0, pageSize: 2, calcTotal: true });
		expect(first.data.total_count).toBe(5);
		expect(first.data.data).toHaveLength(2);
		const last = await history(hour, { pageNo: 2, pageSize: 2, calcTotal: false });
		expect(last.data).not.toHaveProperty('total_count');
		expect(last.data.data).toHaveLength(1);
		rig.sim.paging.pageCap = 1;
		expect(
			(await history(hour, { pageNo: 0, pageSize: 2, calcTotal: true })).data.data,
		).toHaveLength(1);
		rig.sim.paging.pageCap = undefined;
	});

	it('windowEnds: a movement exactly at the window end is in it or not', async () => {
		const atEnd = { start_date: formatCst(NOW - HOUR), end_date: formatCst(NOW - 10 * MINUTE) };
		rig.sim.windowEnds = 'both';
		expect((await history(atEnd)).data.data).toHaveLength(5);
		rig.sim.windowEnds = 'start';
		expect((await history(atEnd)).data.data).toHaveLength(4);
		rig.sim.windowEnds = 'both';
	});

	it("doc-example mode answers a flow method with its page's reply example", async () => {
		rig.sim.useDocExamples({ methods: ['wms.StockSpec.queryChangeHistory'] });
		const reply = await history(hour);
		expect(reply.data.data[0]).toMatchObject({ spec_no: 'wangdiantong', created: 1724225774000 });
		rig.sim.useDocExamples(false);
	});
});
