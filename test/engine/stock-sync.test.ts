/**
 * Stock Sync → Get Pending, Calculate, Report Result and Cancel through n8n-core's engine against
 * the simulator, under each reading it serves for sales.StockSync.*.
 */
import type { IDataObject } from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import {
	addPlatformGoods,
	DEFAULT_REPLY_CHOICES,
	isSyncPending,
	moveStock,
	SRC_ORDER_TYPE,
	SYNC_REPORT_TABLE_FIELDS,
	type ReplyChoices,
} from '../simulator';
import { jsonOf, pairsOf, useRig } from './rig';

const M = (name: string) => `sales.StockSync.${name}`;
const rig = useRig();
beforeEach(() => {
	rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
});

const op = (operation: string, extra: IDataObject = {}) => ({
	resource: 'stockSync',
	operation,
	...extra,
});

/** Platform goods 1001.. of MUG-350 synced from WH01 (id 1), each pending unless told. */
function addGoods(count: number, options: { syncEnabled?: (n: number) => boolean } = {}) {
	for (let n = 1; n <= count; n++)
		addPlatformGoods(
			rig.sim,
			{
				rec_id: 1000 + n,
				shop_id: 900,
				goods_id: `G${n}`,
				spec_id: `S${n}`,
				match_code: 'MUG-350',
				stock_syn_warehouses: '1',
				stock_change_count: 1,
			},
			{ pending: true, syncEnabled: options.syncEnabled?.(n) ?? true },
		);
}

function putStock(num: number) {
	moveStock(rig.sim, {
		warehouseNo: 'WH01',
		specNo: 'MUG-350',
		delta: num,
		srcOrderType: SRC_ORDER_TYPE.purchaseIn,
		srcOrderNo: 'CG1',
		stockioNo: 'RK1',
		atMs: Date.now(),
	});
}

const ids = (items: IDataObject[]) => items.map((item) => item.rec_id);

describe('Stock Sync → Get Pending', () => {
	it.each([
		['same', 'refused'],
		['omitted', 'clamped'],
	] as const)(
		'pages by position until an empty list (empty position: %s, count outside 10–5000: %s)',
		async (stockSyncEmptyPosition, stockSyncCount) => {
			rig.sim.replies = { ...rig.sim.replies, stockSyncEmptyPosition, stockSyncCount };
			addGoods(12);
			const { outputs, error } = await rig.run(op('getPending', { returnAll: true }));
			expect(error).toBeUndefined();
			expect(ids(jsonOf(outputs[0]))).toEqual(Array.from({ length: 12 }, (_, n) => 1001 + n));
			const calls = rig.sim.requestsFor(M('getSelfWaitSyncIdListOpen'));
			// 5000 asked, 12 came, then the empty list from their position.
			expect(calls.map((call) => (call.args as unknown[])[0])).toEqual([5000, 5000]);
			expect((calls[0].args as unknown[])[1]).toBe(0);
			expect((calls[1].args as unknown[])[1]).toBeGreaterThan(0);
		},
	);

	it('asks for the limit (at least 10) and stops there', async () => {
		addGoods(30);
		const { outputs } = await rig.run(op('getPending', { returnAll: false, limit: 3 }));
		expect(ids(jsonOf(outputs[0]))).toEqual([1001, 1002, 1003]);
		const calls = rig.sim.requestsFor(M('getSelfWaitSyncIdListOpen'));
		expect(calls.map((call) => call.args)).toEqual([[10, 0]]);
	});

	it('gives nothing when nothing waits, in one call', async () => {
		const { outputs, error } = await rig.run(op('getPending', { returnAll: true }));
		expect(error).toBeUndefined();
		expect(outputs[0] ?? []).toHaveLength(0);
		expect(rig.sim.requestsFor(M('getSelfWaitSyncIdListOpen'))).toHaveLength(1);
	});
});

describe('Stock Sync → Calculate', () => {
	it('calculates every input item’s goods in one batchCalcStock call, one item per goods', async () => {
		addGoods(3);
		putStock(7);
		const input = [{ rec_id: 1001 }, { rec_id: 1002 }, { rec_id: '1003' }, { rec_id: 1001 }];
		const { outputs, error } = await rig.run(op('calculate'), input);
		expect(error).toBeUndefined();
		const out = jsonOf(outputs[0]);
		expect(ids(out)).toEqual([1001, 1002, 1003, 1001]);
		expect(out[0]).toMatchObject({ syn_stock: 7, stock_change_count: 2, match_code: 'MUG-350' });
		expect(pairsOf(outputs[0])).toEqual([0, 1, 2, 3]);
		const calls = rig.sim.requestsFor(M('batchCalcStock'));
		expect(calls).toHaveLength(1);
		expect(calls[0].args).toEqual([
			[1001, 1002, 1003].map((id) => ({ api_goods_id: id, force_sync: false })),
		]);
	});

	it('splits by Batch Size', async () => {
		addGoods(5);
		const input = [1001, 1002, 1003, 1004, 1005].map((rec_id) => ({ rec_id }));
		await rig.run(op('calculate', { options: { batchSize: 2 } }), input);
		expect(rig.sim.requestsFor(M('batchCalcStock'))).toHaveLength(3);
	});

	it.each(['listed', 'emptySuccess'] as const)(
		'a goods in error_date gets its error, matched by rec_id (batchCalcErrors: %s)',
		async (batchCalcErrors) => {
			rig.sim.replies = { ...rig.sim.replies, batchCalcErrors };
			addGoods(3, { syncEnabled: (n) => n !== 2 });
			const input = [{ rec_id: 1001 }, { rec_id: 1002 }, { rec_id: 1003 }];
			const stopped = await rig.run(op('calculate'), input);
			expect(stopped.error?.message).toMatch(
				/Calculated 2 of 3 goods; not calculated: 1002 \(WDT could not calculate the stock to publish: "货品id:G2规格Id:S2 已停用或者未开启同步"\)/,
			);
			const { outputs } = await rig.run(op('calculate'), input, {
				onError: 'continueErrorOutput',
			});
			expect(ids(jsonOf(outputs[0]))).toEqual([1001, 1003]);
			expect(pairsOf(outputs[1])).toEqual([1]);
			expect(JSON.stringify(outputs[1])).toMatch(/1002.*已停用或者未开启同步/);
			const regular = await rig.run(op('calculate'), input, { continueOnFail: true });
			expect(jsonOf(regular.outputs[0])[1]).toEqual({
				rec_id: 1002,
				error: expect.stringContaining('已停用或者未开启同步'),
			});
			const forced = await rig.run(op('calculate', { options: { forceSync: true } }), input);
			expect(forced.error).toBeUndefined();
			expect(ids(jsonOf(forced.outputs[0]))).toEqual([1001, 1002, 1003]);
		},
	);

	it('refuses a bad id before any call, naming item and field', async () => {
		addGoods(1);
		const { error } = await rig.run(op('calculate'), [{ rec_id: 1001 }, { rec_id: 'abc' }]);
		expect(error?.message).toMatch(/item 2.*Platform Goods ID \(rec_id\)/i);
		expect(rig.sim.requestsFor(M('batchCalcStock'))).toHaveLength(0);
	});
});

describe('Stock Sync → Report Result', () => {
	const readings: Array<Partial<ReplyChoices>> = [
		{},
		{ stockSyncReportInfo: 'table', stockSyncFailure: 'dropped', stockSyncStaleReport: 'clears' },
	];
	it.each(readings)('reports one outcome per goods, success and failure (%o)', async (choices) => {
		rig.sim.replies = { ...rig.sim.replies, ...choices };
		addGoods(3);
		putStock(4);
		const calc = jsonOf(
			(
				await rig.run(
					op('calculate'),
					[1001, 1002, 1003].map((rec_id) => ({ rec_id })),
				)
			).outputs[0],
		);
		const input = calc.map((json, n) => ({ ...json, shopOk: n !== 1 }));
		const { outputs, error } = await rig.run(
			op('reportResult', {
				result: "={{ $json.shopOk ? 'success' : 'failure' }}",
				synResult: "={{ $json.shopOk ? '' : 'HTTP 500' }}",
			}),
			input,
		);
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0])).toEqual([
			expect.objectContaining({
				order_no: '1001',
				success: true,
				outcome: 'succeeded',
				rec_id: 1001,
				result: 'success',
				syn_stock: 4,
			}),
			expect.objectContaining({
				order_no: '1002',
				success: true,
				outcome: 'succeeded',
				rec_id: 1002,
				result: 'failure',
			}),
			expect.objectContaining({ order_no: '1003', success: true, rec_id: 1003, result: 'success' }),
		]);
		expect(pairsOf(outputs[0])).toEqual([0, 1, 2]);
		const success = rig.sim.requestsFor(M('syncSuccess'));
		const fail = rig.sim.requestsFor(M('syncFail'));
		expect(success.map((call) => (call.args as unknown[])[0])).toEqual([1001, 1003]);
		expect(fail.map((call) => (call.args as unknown[])[0])).toEqual([1002]);
		const info = (fail[0].args as unknown[])[1] as IDataObject;
		expect(Object.keys(info).sort()).toEqual([...SYNC_REPORT_TABLE_FIELDS].sort());
		expect(info).toMatchObject({
			is_syn_success: false,
			syn_result: 'HTTP 500',
			stock_change_count: 2,
			syn_stock: 4,
		});
		expect(isSyncPending(rig.sim, 1001)).toBe(false);
		expect(isSyncPending(rig.sim, 1002)).toBe(choices.stockSyncFailure !== 'dropped');
	});

	it('a report with the older stock_change_count after a newer stock move leaves the goods waiting', async () => {
		addGoods(1);
		const [calc] = jsonOf((await rig.run(op('calculate'), [{ rec_id: 1001 }])).outputs[0]);
		putStock(3);
		const { error } = await rig.run(op('reportResult'), [calc]);
		expect(error).toBeUndefined();
		expect(
			((rig.sim.requestsFor(M('syncSuccess'))[0].args as unknown[])[1] as IDataObject)
				.stock_change_count,
		).toBe(1);
		expect(isSyncPending(rig.sim, 1001)).toBe(true);
	});

	it('refuses before any call an item that is not a calculation, naming item and field', async () => {
		addGoods(1);
		const [calc] = jsonOf((await rig.run(op('calculate'), [{ rec_id: 1001 }])).outputs[0]);
		const { error } = await rig.run(op('reportResult'), [calc, { rec_id: 1002, syn_stock: 3 }]);
		expect(error?.message).toMatch(/item 2.*Calculation.*lacks/i);
		const errorItem = await rig.run(op('reportResult'), [{ rec_id: 1002, error: 'x' }]);
		expect(errorItem.error?.message).toMatch(/did not calculate/);
		expect(rig.sim.requestsFor(M('syncSuccess'))).toHaveLength(0);
		const twice = await rig.run(op('reportResult'), [calc, calc]);
		expect(twice.error?.message).toMatch(/also used by item 1; report each goods once per run/);
	});

	it('a refused report fails that goods only; a lost reply is unknown and stops the sending', async () => {
		addGoods(3);
		const calc = jsonOf(
			(
				await rig.run(
					op('calculate'),
					[1001, 1002, 1003].map((rec_id) => ({ rec_id })),
				)
			).outputs[0],
		);
		const refused = await rig.run(
			op('reportResult'),
			[calc[0], { ...calc[1], rec_id: 999 }, calc[2]],
			{
				continueOnFail: true,
			},
		);
		expect(jsonOf(refused.outputs[0]).map((o) => o.outcome)).toEqual([
			'succeeded',
			'failed',
			'succeeded',
		]);
		expect(jsonOf(refused.outputs[0])[1].error).toMatch(/平台货品不存在:999/);
		rig.sim.clearRequests();
		rig.sim.faults.next('dropAfterWrite', 1, M('syncSuccess'));
		const lost = await rig.run(op('reportResult'), calc, { continueOnFail: true });
		expect(jsonOf(lost.outputs[0]).map((o) => o.outcome)).toEqual([
			'unknown',
			'not sent',
			'not sent',
		]);
		expect(rig.sim.requestsFor(M('syncSuccess'))).toHaveLength(1);
	});
});

describe('Stock Sync → Cancel', () => {
	it('takes a pending goods off the list; a goods that does not wait is refused on its own', async () => {
		addGoods(2);
		const { outputs } = await rig.run(
			op('cancel'),
			[{ rec_id: 1001 }, { rec_id: 1500 }, { rec_id: 1002 }],
			{
				continueOnFail: true,
			},
		);
		expect(jsonOf(outputs[0]).map((o) => [o.rec_id, o.outcome])).toEqual([
			[1001, 'succeeded'],
			[1500, 'failed'],
			[1002, 'succeeded'],
		]);
		expect(rig.sim.requestsFor(M('cancelSync')).map((call) => call.args)).toEqual([
			[1001, -1],
			[1500, -1],
			[1002, -1],
		]);
		expect(isSyncPending(rig.sim, 1001)).toBe(false);
	});
});
