import { beforeEach, describe, expect, it } from 'vitest';

import { formatCst } from './cst';
import { DEFAULT_REPLY_CHOICES } from './store';
import { NOW, useRig } from './testkit';

const UPLOAD = 'purchase.PurchaseApply.upload';
const SEARCH = 'purchase.PurchaseApply.search';
const CANCEL = 'purchase.PurchaseApply.cancelForApi';
const STOP = 'purchase.PurchaseApply.stopForApi';
const OTHER_OUT_CANCEL = 'wms.stockother.Out.cancelOrder';
const HOUR = 3600_000;

const rig = useRig();
beforeEach(() => {
	rig.sim.resetData('empty');
	rig.sim.clearRequests();
	rig.sim.clock.set(NOW);
	rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
	rig.sim.windowEnds = 'both';
});

describe('system.Core.now (no doc page: each reading of its data)', () => {
	const wdtSeconds = Math.floor((NOW + 90_000) / 1000) - 1325347200;
	it.each([
		['object', { now: wdtSeconds }],
		['wdtSeconds', wdtSeconds],
		['unixMs', NOW + 90_000],
		['cst', '2024-11-22 10:01:30'],
	] as const)('coreNowData %s', async (choice, data) => {
		rig.sim.replies.coreNowData = choice;
		rig.sim.clock.advance(90_000);
		const { json } = await rig.client.call({ method: 'system.Core.now' });
		expect(json).toEqual({ status: 0, data });
	});
});

describe('purchase.PurchaseApply.upload', () => {
	it('creates the doc example and answers with a generated POA number', async () => {
		const { json } = await rig.client.call({
			method: UPLOAD,
			args: [
				{
					warehouse_no: '',
					expected_time: '2022-01-01',
					detail_list: [{ spec_no: 'zzzz', num: 12 }],
				},
			],
		});
		expect(json).toEqual({ status: 0, data: { status: 0, message: 'POA202411220001' } });
		const record = rig.sim.purchaseApplies.get('POA202411220001')!;
		expect(record).toMatchObject({
			status: 23,
			warehouseNo: '',
			applyName: 'wdt_test',
			createdMs: NOW,
			modifiedMs: NOW,
		});
		expect(record.details).toEqual([expect.objectContaining({ specNo: 'zzzz', num: 12 })]);
		expect(formatCst(record.expectedTimeMs!)).toBe('2022-01-01 00:00:00');

		const second = await rig.client.call({
			method: UPLOAD,
			args: [{ detail_list: [{ spec_no: 'zzzz', num: 1 }] }],
		});
		expect(second.json?.data.message).toBe('POA202411220002');
	});

	it('keeps a given number; is_submit=false gives 编辑中 (10), or 待确认 (20) with the confirm flow', async () => {
		const upload = (args: Record<string, unknown>) =>
			rig.client.call({
				method: UPLOAD,
				args: [{ detail_list: [{ spec_no: 'A', num: 1 }], ...args }],
			});
		expect((await upload({ purchase_apply_no: 'MY-1', is_submit: false })).json?.data.message).toBe(
			'MY-1',
		);
		expect(rig.sim.purchaseApplies.get('MY-1')?.status).toBe(10);
		expect((await upload({ purchase_apply_no: 'MY-2', is_submit: true })).json?.data.message).toBe(
			'MY-2',
		);
		expect(rig.sim.purchaseApplies.get('MY-2')?.status).toBe(23);
		rig.sim.purchaseApplyConfirmFlow = true;
		try {
			await upload({ purchase_apply_no: 'MY-3', is_submit: false });
			expect(rig.sim.purchaseApplies.get('MY-3')?.status).toBe(20);
		} finally {
			rig.sim.purchaseApplyConfirmFlow = false;
		}
	});

	it('derives the header provider only when every line has the same one', async () => {
		await rig.client.call({
			method: UPLOAD,
			args: [
				{
					purchase_apply_no: 'P1',
					detail_list: [
						{ spec_no: 'A', num: 1, provider_no: 'GYS001' },
						{ spec_no: 'B', num: 2, provider_no: 'GYS001' },
					],
				},
			],
		});
		await rig.client.call({
			method: UPLOAD,
			args: [
				{
					purchase_apply_no: 'P2',
					detail_list: [
						{ spec_no: 'A', num: 1, provider_no: 'GYS001' },
						{ spec_no: 'B', num: 2, provider_no: 'GYS002' },
					],
				},
			],
		});
		expect(rig.sim.purchaseApplies.get('P1')?.providerNo).toBe('GYS001');
		expect(rig.sim.purchaseApplies.get('P2')?.providerNo).toBe('');
	});

	it.each([
		['no detail_list', {}, '请传入单品信息'],
		['empty detail_list', { detail_list: [] }, '请传入单品信息'],
		[
			'spec_no over 40',
			{ detail_list: [{ spec_no: 'x'.repeat(41), num: 1 }] },
			"Data truncation: Data too long for column 'spec_no'",
		],
		[
			'remark over 255',
			{ remark: '备'.repeat(256), detail_list: [{ spec_no: 'A', num: 1 }] },
			"Data truncation: Data too long for column 'remark'",
		],
		[
			'line remark over 255',
			{ detail_list: [{ spec_no: 'A', num: 1, remark: 'r'.repeat(256) }] },
			"Data truncation: Data too long for column 'remark'",
		],
		[
			'purchase_apply_no over 20',
			{ purchase_apply_no: 'P'.repeat(21), detail_list: [{ spec_no: 'A', num: 1 }] },
			"Data truncation: Data too long for column 'purchase_apply_no'",
		],
		[
			'warehouse_no over 40',
			{ warehouse_no: 'W'.repeat(41), detail_list: [{ spec_no: 'A', num: 1 }] },
			"Data truncation: Data too long for column 'warehouse_no'",
		],
		[
			'unknown warehouse',
			{ warehouse_no: 'WH99', detail_list: [{ spec_no: 'A', num: 1 }] },
			'仓库不存在',
		],
		['bad num', { detail_list: [{ spec_no: 'A', num: 1.5 }] }, '数量不合法'],
		[
			'bad expected_time',
			{ expected_time: '2022/01/01', detail_list: [{ spec_no: 'A', num: 1 }] },
			'日期格式不合法',
		],
	])('rejects %s', async (_name, params, message) => {
		const { json } = await rig.client.call({ method: UPLOAD, args: [params] });
		expect(json).toEqual({ status: 100, message });
		expect(rig.sim.purchaseApplies.size).toBe(0);
	});

	it('accepts the boundary lengths and the seller’s warehouses, including Chinese ones', async () => {
		const { json } = await rig.client.call({
			method: UPLOAD,
			args: [
				{
					purchase_apply_no: 'P'.repeat(20),
					warehouse_no: '上海仓',
					remark: '备'.repeat(255),
					detail_list: [{ spec_no: 'x'.repeat(40), num: 1 }],
				},
			],
		});
		expect(json?.status).toBe(0);
	});

	it('rejects a number that is already used', async () => {
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'POA-DUP' });
		const { json } = await rig.client.call({
			method: UPLOAD,
			args: [{ purchase_apply_no: 'POA-DUP', detail_list: [{ spec_no: 'A', num: 1 }] }],
		});
		expect(json).toEqual({ status: 100, message: '采购申请单号已存在' });
	});

	it('answers argument type mismatch for a non-object argument', async () => {
		const { json } = await rig.client.call({ method: UPLOAD, args: [['x']] });
		expect(json).toEqual({ status: 1, message: 'argument type mismatch' });
	});

	it('uploadRefusal data: a refused apply comes as data.status 1 with the message in data.message', async () => {
		rig.sim.replies.uploadRefusal = 'data';
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'POA-DUP' });
		const refused = await rig.client.call({
			method: UPLOAD,
			args: [{ purchase_apply_no: 'POA-DUP', detail_list: [{ spec_no: 'A', num: 1 }] }],
		});
		expect(refused.json).toEqual({ status: 0, data: { status: 1, message: '采购申请单号已存在' } });
		const badNum = await rig.client.call({
			method: UPLOAD,
			args: [{ detail_list: [{ spec_no: 'A', num: 0 }] }],
		});
		expect(badNum.json).toEqual({ status: 0, data: { status: 1, message: '数量不合法' } });
		expect(rig.sim.purchaseApplies.size).toBe(1);
		// The page's own 异常响应示例 and Java-side argument errors keep their top-level status.
		const noLines = await rig.client.call({ method: UPLOAD, args: [{}] });
		expect(noLines.json).toEqual({ status: 100, message: '请传入单品信息' });
		const mismatch = await rig.client.call({ method: UPLOAD, args: [['x']] });
		expect(mismatch.json).toEqual({ status: 1, message: 'argument type mismatch' });
	});

	it('purchaseApplyRepeatedNo accepted: a used number creates a second apply, and the search finds both', async () => {
		rig.sim.replies.purchaseApplyRepeatedNo = 'accepted';
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'POA-DUP' });
		const { json } = await rig.client.call({
			method: UPLOAD,
			args: [{ purchase_apply_no: 'POA-DUP', detail_list: [{ spec_no: 'A', num: 1 }] }],
		});
		expect(json).toEqual({ status: 0, data: { status: 0, message: 'POA-DUP' } });
		const found = await rig.client.call({
			method: 'purchase.PurchaseApply.search',
			args: [{ purchase_apply_no: 'POA-DUP' }],
			pager: { pageNo: 0, pageSize: 10, calcTotal: true },
		});
		expect(
			(found.json?.data.order_list as Array<{ purchase_apply_no: string }>).map(
				(apply) => apply.purchase_apply_no,
			),
		).toEqual(['POA-DUP', 'POA-DUP']);
	});

	it('uploadNumberIn both: the new number also as the top-level message', async () => {
		rig.sim.replies.uploadNumberIn = 'both';
		const { json } = await rig.client.call({
			method: UPLOAD,
			args: [{ detail_list: [{ spec_no: 'A', num: 1 }] }],
		});
		expect(json).toEqual({
			status: 0,
			message: 'POA202411220001',
			data: { status: 0, message: 'POA202411220001' },
		});
	});
});

describe('purchase.PurchaseApply.search', () => {
	const pager = { pageNo: 0, pageSize: 10, calcTotal: true };

	it('returns the doc shape, sorted by modified then number', async () => {
		rig.sim.addPurchaseApply({
			purchaseApplyNo: 'POA202411220002',
			status: 'pendingConfirm',
			warehouseNo: 'WH01',
			providerNo: 'GYS001',
			remark: '月度补货',
			createdMs: NOW - 2 * HOUR,
			modifiedMs: NOW - HOUR,
			details: [{ specNo: 'TS-001-BLK-M', num: 1, providerNo: 'GYS001' }],
		});
		rig.sim.addPurchaseApply({
			purchaseApplyNo: 'POA202411220001',
			modifiedMs: NOW - HOUR,
			details: [{ specNo: 'zzzz', num: 3 }],
		});
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'POA202411210001', modifiedMs: NOW - 3 * HOUR });

		const { json } = await rig.client.call({
			method: SEARCH,
			args: [{ start_time: '2024-11-22 07:00:00', end_time: '2024-11-22 09:00:00' }],
			pager,
		});
		expect(json?.status).toBe(0);
		expect(json?.data.total_count).toBe(3);
		expect(
			json?.data.order_list.map((o: { purchase_apply_no: string }) => o.purchase_apply_no),
		).toEqual(['POA202411210001', 'POA202411220001', 'POA202411220002']);
		expect(json?.data.order_list[2]).toEqual({
			purchase_apply_no: 'POA202411220002',
			status: 20,
			apply_name: 'wdt_test',
			warehouse_no: 'WH01',
			warehouse_name: '北京主仓',
			provider_no: 'GYS001',
			provider_name: '杭州织造有限公司',
			remark: '月度补货',
			expected_time: '',
			modified: '2024-11-22 09:00:00',
			created: '2024-11-22 08:00:00',
			detail_list: [
				{
					purchase_apply_no: 'POA202411220002',
					rec_id: expect.any(Number),
					spec_no: 'TS-001-BLK-M',
					goods_no: 'TS-001',
					goods_name: '纯棉圆领T恤',
					spec_name: '黑色 M',
					num: '1.0000',
					ref_num: '0.0000',
					stockin_num: '0.0000',
					provider_no: 'GYS001',
					provider_name: '杭州织造有限公司',
					remark: '',
					brand_name: '自有品牌',
				},
			],
		});
		// No provider: the provider fields are left out ("为空时不返回").
		expect(json?.data.order_list[1]).not.toHaveProperty('provider_no');
		expect(json?.data.order_list[1].detail_list[0]).not.toHaveProperty('provider_no');
	});

	it('filters by number, pages, and leaves out total_count unless calc_total=1', async () => {
		for (let i = 1; i <= 5; i++) rig.sim.addPurchaseApply({ modifiedMs: NOW - i * 60_000 });
		const page1 = await rig.client.call({
			method: SEARCH,
			args: [{}],
			pager: { pageNo: 1, pageSize: 2 },
		});
		expect(page1.json?.data).not.toHaveProperty('total_count');
		expect(page1.json?.data.order_list).toHaveLength(2);
		const byNo = await rig.client.call({
			method: SEARCH,
			args: [{ purchase_apply_no: 'POA202411220003' }],
			pager,
		});
		expect(byNo.json?.data.total_count).toBe(1);
		expect(byNo.json?.data.order_list[0].purchase_apply_no).toBe('POA202411220003');
	});

	it.each([
		['both', ['AT-START', 'INSIDE', 'AT-END']],
		['start', ['AT-START', 'INSIDE']],
		['end', ['INSIDE', 'AT-END']],
	] as const)('windowEnds %s decides which window ends match', async (ends, expected) => {
		rig.sim.windowEnds = ends;
		const start = NOW - HOUR;
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'BEFORE', modifiedMs: start - 1000 });
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'AT-START', modifiedMs: start + 999 });
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'INSIDE', modifiedMs: start + 1000 });
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'AT-END', modifiedMs: NOW });
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'AFTER', modifiedMs: NOW + 1000 });
		const { json } = await rig.client.call({
			method: SEARCH,
			args: [{ start_time: formatCst(start), end_time: formatCst(NOW) }],
			pager,
		});
		const numbers = json?.data.order_list.map(
			(row: { purchase_apply_no: string }) => row.purchase_apply_no,
		);
		expect(numbers).toEqual(expected);
	});

	it('rejects a window over 30 days and malformed dates', async () => {
		const tooWide = await rig.client.call({
			method: SEARCH,
			args: [{ start_time: '2024-10-01 00:00:00', end_time: '2024-10-31 00:00:01' }],
			pager,
		});
		expect(tooWide.json).toEqual({ status: 100, message: '您的查询时间过宽,查询时间不能大于30天' });
		const thirtyDays = await rig.client.call({
			method: SEARCH,
			args: [{ start_time: '2024-10-01 00:00:00', end_time: '2024-10-31 00:00:00' }],
			pager,
		});
		expect(thirtyDays.json?.status).toBe(0);
		const bad = await rig.client.call({
			method: SEARCH,
			args: [{ start_time: '2024/10/01', end_time: '2024-10-02 00:00:00' }],
			pager,
		});
		expect(bad.json).toEqual({ status: 100, message: '日期格式不合法' });
	});
});

describe('purchase.PurchaseApply.cancelForApi / stopForApi', () => {
	it('cancels from 编辑中 and 待确认 only; lists failures like the doc example', async () => {
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'POA-EDIT', status: 'editing' });
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'POA-CONF', status: 20 });
		const referenced = rig.sim.addPurchaseApply({
			purchaseApplyNo: 'POA-REF',
			status: 'pendingReference',
		});
		rig.sim.clock.advance(5000);

		const { json } = await rig.client.call({
			method: CANCEL,
			args: [['POA-EDIT', 'POA-REF', 'POA-NONE', 'POA-CONF']],
		});
		expect(json).toEqual({
			status: 0,
			total: 2,
			data: [
				{
					order_id: referenced.applyId,
					order_no: 'POA-REF',
					error: '采购申请单状态不是编辑中或待确认',
					error_code: 0,
				},
				{ order_id: 0, order_no: 'POA-NONE', error: '采购申请单不存在', error_code: 0 },
			],
		});
		expect(rig.sim.purchaseApplies.get('POA-EDIT')).toMatchObject({
			status: 5,
			modifiedMs: NOW + 5000,
		});
		expect(rig.sim.purchaseApplies.get('POA-CONF')?.status).toBe(5);
		expect(rig.sim.purchaseApplies.get('POA-REF')).toMatchObject({ status: 23, modifiedMs: NOW });

		// Cancelling again fails: the status is now 已取消.
		const again = await rig.client.call({ method: CANCEL, args: [['POA-EDIT']] });
		expect(again.json?.data[0].error).toBe('采购申请单状态不是编辑中或待确认');
	});

	it.each([
		['omit', { status: 0, data: [] }], // the pages' 正常响应示例
		['zero', { status: 0, total: 0, data: [] }], // the reply table: total is required
	] as const)(
		'when everything succeeds, batchTotalWhenNoFailure %s answers %j',
		async (choice, reply) => {
			rig.sim.replies.batchTotalWhenNoFailure = choice;
			rig.sim.addPurchaseApply({ purchaseApplyNo: 'POA-A', status: 10 });
			rig.sim.addPurchaseApply({ purchaseApplyNo: 'POA-B', status: 25 });
			expect((await rig.client.call({ method: CANCEL, args: [['POA-A']] })).json).toEqual(reply);
			expect((await rig.client.call({ method: STOP, args: [['POA-B']] })).json).toEqual(reply);
		},
	);

	it('stops only 部分引用 (25), which becomes 已引用 (30)', async () => {
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'POA-PART', status: 'partlyReferenced' });
		const editing = rig.sim.addPurchaseApply({ purchaseApplyNo: 'POA-EDIT', status: 'editing' });
		const { json } = await rig.client.call({ method: STOP, args: [['POA-PART', 'POA-EDIT']] });
		expect(json).toEqual({
			status: 0,
			total: 1,
			data: [
				{
					order_id: editing.applyId,
					order_no: 'POA-EDIT',
					error: '采购申请单状态不是部分引用',
					error_code: 0,
				},
			],
		});
		expect(rig.sim.purchaseApplies.get('POA-PART')?.status).toBe(30);
		expect(rig.sim.purchaseApplies.get('POA-EDIT')?.status).toBe(10);
	});

	it('wants a list of strings', async () => {
		const { json } = await rig.client.call({ method: CANCEL, args: ['POA-A'] });
		expect(json).toEqual({ status: 1, message: 'argument type mismatch' });
	});
});

describe('wms.stockother.Out.cancelOrder', () => {
	it('cancels 编辑中/待审核/已审核 and reports the rest, in the doc shape', async () => {
		rig.sim.addOtherOut({ orderNo: 'QC202409200001', status: 'editing' });
		rig.sim.addOtherOut({ orderNo: 'QC202409200002', status: 'pending' });
		rig.sim.addOtherOut({ orderNo: 'QC202409200003', status: 'approved' });
		rig.sim.addOtherOut({ orderNo: 'QC202409200004', status: 'done' });
		rig.sim.addOtherOut({ orderNo: 'QC202409200005', status: 80 });

		const { json } = await rig.client.call({
			method: OTHER_OUT_CANCEL,
			args: [
				[
					'QC202409200001',
					'QC202409200002',
					'QC202409200003',
					'QC202409200004',
					'QC202409200005',
					'QR3796',
				],
			],
		});
		const wrongStatus = '单据状态不是编辑中、待审核、已审核，不允许取消';
		expect(json).toEqual({
			status: 0,
			data: {
				success_data: ['QC202409200001', 'QC202409200002', 'QC202409200003'],
				error_data: [
					{ order_no: 'QC202409200004', err_msg: wrongStatus },
					{ order_no: 'QC202409200005', err_msg: wrongStatus },
					{ order_no: 'QR3796', err_msg: '单据不存在' },
				],
			},
		});
		expect(rig.sim.otherOuts.get('QC202409200001')?.status).toBe(80);
		expect(rig.sim.otherOuts.get('QC202409200004')?.status).toBe(70);
	});

	it('counts as a write request', async () => {
		rig.sim.addOtherOut({ orderNo: 'QC1' });
		await rig.client.call({ method: OTHER_OUT_CANCEL, args: [['QC1']] });
		await rig.client.call({ method: 'system.Core.now' });
		expect(rig.sim.writeRequests().map((r) => r.method)).toEqual([OTHER_OUT_CANCEL]);
	});
});

describe('demo seed', () => {
	it('has records in every status', async () => {
		rig.sim.resetData('demo');
		const applyStatuses = new Set([...rig.sim.purchaseApplies.values()].map((r) => r.status));
		expect([...applyStatuses].sort((a, b) => a - b)).toEqual([5, 10, 20, 23, 25, 30]);
		const outStatuses = new Set([...rig.sim.otherOuts.values()].map((r) => r.status));
		expect(outStatuses.size).toBe(8);
		expect([...rig.sim.otherOuts.keys()].every((no) => no.startsWith('QC2024'))).toBe(true);
		const stockouts = [...rig.sim.stockouts.values()];
		expect(stockouts).toHaveLength(50);
		expect(stockouts.every((s) => /^CK\d{12}$/.test(s.stockoutNo))).toBe(true);
		expect(stockouts.every((s) => s.modifiedMs >= NOW - 6 * HOUR && s.modifiedMs <= NOW)).toBe(
			true,
		);
		const cancelled = stockouts.filter((s) => s.cancelled);
		expect(cancelled.filter((s) => s.status === 5).length).toBeGreaterThan(5);
		// Cancellations whose stockout was restored and completed since, as in the doc's example.
		expect(cancelled.filter((s) => s.status === 110).length).toBeGreaterThan(1);
		expect(stockouts.filter((s) => !s.cancelled).every((s) => s.status !== 5)).toBe(true);
		expect(stockouts[0].receiverName).toMatch(/^[\u4e00-\u9fa5]+$/);
	});
});
