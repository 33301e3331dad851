/** Doc-example mode: answers with the doc page's own reply example (catalog fixtures). */
import { beforeEach, describe, expect, it } from 'vitest';

import { DEFAULT_SELLER } from './sellers';
import { TestClient } from './client';
import { docExamplesFrom, readDocFixture } from './doc-examples';
import { NOW, startRig, useRig } from './testkit';

const SEARCH_CANCEL = 'wms.stockout.Sales.searchCancel';
const window = [{ start_time: '2022-10-17 13:30:00', end_time: '2022-10-17 14:30:00' }];
const pager = { pageNo: 0, pageSize: 100, calcTotal: true };

const rig = useRig();
beforeEach(() => {
	rig.sim.useDocExamples(false);
	rig.sim.resetData('empty');
	rig.sim.faults.clear();
});

describe('doc-example mode', () => {
	it.each([
		['wms.stockout.Sales.searchCancel', window, pager],
		['purchase.PurchaseApply.upload', [{ detail_list: [{ spec_no: 'zzzz', num: 12 }] }], undefined],
		['purchase.PurchaseApply.cancelForApi', [['POA2309130001', 'POA2309040001']], undefined],
		['purchase.PurchaseApply.stopForApi', [['POA2309130001', 'POA2309040001']], undefined],
		['wms.stockother.Out.cancelOrder', [['QR3796', 'QR3795', 'QR3797']], undefined],
		[
			'wms.stockother.Out.push',
			[{ warehouse_no: '1002' }, [{ spec_no: 'PC_2018', num: 1 }]],
			undefined,
		],
		['goods.Goods.push', [{ goods_no: 'G1', goods_name: 'n' }, [{ spec_no: 'G1-1' }]], undefined],
		[
			'goods.Goods.batchPush',
			[[{ goods_no: 'G1', goods_name: 'n', spec_list: [{ spec_no: 'G1-1' }] }]],
			undefined,
		],
	])('%s answers with its page’s reply example', async (method, args, callPager) => {
		const example = readDocFixture(method)?.replyExample;
		expect(example).toMatchObject({ status: 0 });
		rig.sim.useDocExamples({ methods: [method] });
		const { json } = await rig.client.call({ method, args, pager: callPager });
		expect(json).toEqual(example);
		expect(rig.sim.stockouts.size + rig.sim.purchaseApplies.size + rig.sim.otherOuts.size).toBe(0);
		expect(rig.sim.records('goods.Goods.queryWithSpec').size).toBe(0);
	});

	it('wraps an example that shows only the data part (purchase.PurchaseApply.search)', async () => {
		const example = readDocFixture('purchase.PurchaseApply.search')?.replyExample;
		expect(example).not.toHaveProperty('status');
		rig.sim.useDocExamples({ methods: 'all' });
		const { json } = await rig.client.call({
			method: 'purchase.PurchaseApply.search',
			args: [{}],
			pager,
		});
		expect(json).toEqual({ status: 0, data: example });
	});

	it('answers documented methods without a hand-written handler with the page example', async () => {
		const method = 'wms.stockin.Refund.queryHisWithDetail';
		const example = readDocFixture(method)?.replyExample as { data: Record<string, unknown> };
		expect(example.data).toHaveProperty('order');
		const { json: before } = await rig.client.call({ method, args: [{}], pager });
		// Without doc-example mode the generic fallback answers: the documented shape, no records.
		expect(before).toMatchObject({ status: 0, data: { order: [] } });
		rig.sim.useDocExamples({ methods: 'all' });
		const { json } = await rig.client.call({ method, args: [{}], pager });
		expect(json).toEqual(example);
	});

	it("later pages: 'empty' (default) empties every list under data; 'repeat' sends the example again", async () => {
		const example = readDocFixture(SEARCH_CANCEL)?.replyExample;
		rig.sim.useDocExamples({ methods: [SEARCH_CANCEL] });
		const second = await rig.client.call({
			method: SEARCH_CANCEL,
			args: window,
			pager: { ...pager, pageNo: 1 },
		});
		expect(second.json).toEqual({ status: 0, data: { total_count: 2, order_list: [] } });
		expect(rig.sim.requests.at(-1)).toMatchObject({ pageNo: 1, pageSize: 100 });

		rig.sim.useDocExamples({ methods: [SEARCH_CANCEL], laterPages: 'repeat' });
		const repeated = await rig.client.call({
			method: SEARCH_CANCEL,
			args: window,
			pager: { ...pager, pageNo: 1 },
		});
		expect(repeated.json).toEqual(example);
	});

	it("kind 'error': the page's 异常响应示例, e.g. cancelForApi's partial failure and searchCancel's refusal", async () => {
		const cancel = 'purchase.PurchaseApply.cancelForApi';
		rig.sim.useDocExamples({ methods: [cancel, SEARCH_CANCEL], kind: 'error' });
		const failed = await rig.client.call({
			method: cancel,
			args: [['POA2309130001', 'POA2309040001']],
		});
		expect(failed.json).toEqual(readDocFixture(cancel)?.errorReplyExamples?.[0]);
		expect(failed.json).toMatchObject({
			status: 0,
			total: 2,
			data: [{ order_id: 764 }, { order_id: 767 }],
		});
		const refused = await rig.client.call({ method: SEARCH_CANCEL, args: window, pager });
		expect(refused.json).toEqual({ status: 100, message: '起止时间差最大1小时' });
	});

	it('takes examples from any source, e.g. a shape written in a test', async () => {
		const shape = { status: 0, data: { order_list: [{ stockout_id: 1, status: 5 }] } };
		rig.sim.useDocExamples({
			methods: [SEARCH_CANCEL],
			source: docExamplesFrom({ [SEARCH_CANCEL]: shape }),
		});
		expect((await rig.client.call({ method: SEARCH_CANCEL, args: window, pager })).json).toEqual(
			shape,
		);
		// A method the source has no example for is served as usual.
		expect((await rig.client.call({ method: 'system.Core.now' })).json?.status).toBe(0);
	});

	it('keeps the request checks and faults, and switches off again', async () => {
		rig.sim.useDocExamples({ methods: 'all' });
		const stranger = new TestClient(rig.sim.url, { ...DEFAULT_SELLER, secret: 'wrong' }, () => NOW);
		try {
			const { json } = await stranger.call({ method: SEARCH_CANCEL, args: window, pager });
			expect(json).toEqual({ status: 1, message: '验证失败' });
		} finally {
			await stranger.close();
		}
		rig.sim.faults.next('rateLimit', 1, SEARCH_CANCEL);
		expect((await rig.client.call({ method: SEARCH_CANCEL, args: window, pager })).json).toEqual({
			status: 100,
			message: '超过每分钟最大调用频率限制，请稍后重试',
		});

		rig.sim.useDocExamples(false);
		expect((await rig.client.call({ method: SEARCH_CANCEL, args: window, pager })).json).toEqual({
			status: 0,
			data: { total_count: 0, order_list: [] },
		});
	});

	it('can be switched on at start', async () => {
		const other = await startRig({ docExamples: { methods: [SEARCH_CANCEL] } });
		try {
			const { json } = await other.client.call({ method: SEARCH_CANCEL, args: window, pager });
			expect(json).toEqual(readDocFixture(SEARCH_CANCEL)?.replyExample);
		} finally {
			await other.close();
		}
	});
});
