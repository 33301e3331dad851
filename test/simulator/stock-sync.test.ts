/**
 * The stock-sync loop of self-owned platforms (stockSync.ts) over HTTP, under each reading:
 * pending list → calc → report, and cancel.
 */
import { beforeEach, describe, expect, it } from 'vitest';

// The simulator first: methods.ts registers the flow methods (they import each other).
import { NOW, useRig } from './testkit';

import { receivePurchase, addPurchaseOrder } from './purchaseOrders';
import { addPlatformGoods, isSyncPending, SYNC_REPORT_EXAMPLE_FIELDS } from './stockSync';
import { DEFAULT_REPLY_CHOICES } from './store';

const rig = useRig();
beforeEach(() => {
	rig.sim.resetData('empty');
	rig.sim.clock.set(NOW);
	rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
});

const call = (method: string, ...args: unknown[]) =>
	rig.client.call({ method: `sales.StockSync.${method}`, args }).then(({ json }) => json!);

/** Three platform goods of MUG-350 / CABLE-C-1M synced from WH01 (id 1). */
function arrange() {
	[
		[2447, 'MUG-350', true],
		[2448, 'CABLE-C-1M', true],
		[2449, 'CABLE-C-1M', false],
	].forEach(([recId, specNo, pending]) =>
		addPlatformGoods(
			rig.sim,
			{
				rec_id: recId,
				shop_id: 900,
				goods_id: `G${recId}`,
				spec_id: `S${recId}`,
				match_code: specNo,
				stock_syn_warehouses: '1',
				stock_change_count: 1,
			},
			{ pending: pending as boolean },
		),
	);
}

const info = (calc: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	...Object.fromEntries(SYNC_REPORT_EXAMPLE_FIELDS.map((field) => [field, calc[field]])),
	...extra,
});

/** Books 10 MUG-350 into WH01 through a received purchase order (a stock move). */
function receiveMugs(num = 10) {
	const order = addPurchaseOrder(rig.sim, {
		providerNo: 'P001',
		warehouseNo: 'WH01',
		createdMs: NOW,
		lines: [{ specNo: 'MUG-350', num }],
	});
	receivePurchase(rig.sim, String(order.purchase_no));
}

describe('sales.StockSync', () => {
	it('runs the loop: pending ids by position, calc, success takes an id off the list', async () => {
		arrange();
		const first = await call('getSelfWaitSyncIdListOpen', '500', '0');
		expect(first).toMatchObject({ status: 0, data: { id_list: [2447, 2448] } });
		const position = first.data.position;
		expect(typeof position).toBe('number');
		// Nothing after the last position; the same position comes back (default reading).
		expect(await call('getSelfWaitSyncIdListOpen', 500, position)).toEqual({
			status: 0,
			data: { id_list: [], position },
		});

		receiveMugs(10);
		const calc = await call('calcStock', 2447, false);
		expect(calc.status).toBe(0);
		expect(calc.data).toMatchObject({ rec_id: 2447, syn_stock: 10, stock_change_count: 2 });
		// The stock move put 2447 back on the list, after the position read before.
		expect((await call('getSelfWaitSyncIdListOpen', 500, position)).data.id_list).toEqual([2447]);

		expect(await call('syncSuccess', 2447, info(calc.data))).toEqual({ status: 0 });
		expect(isSyncPending(rig.sim, 2447)).toBe(false);
		const after = await call('getSelfWaitSyncIdListOpen', 500, 0);
		expect(after.data.id_list).toEqual([2448]);
		expect((await call('calcStock', 2447, false)).data).toMatchObject({
			last_syn_num: 10,
			last_syn_time: '2024-11-22 10:00:00',
		});
	});

	it('batchCalcStock: success_date and error_date; the empty {} of the page example per reading', async () => {
		arrange();
		const batch = [
			{ api_goods_id: 2447, force_sync: false },
			{ api_goods_id: 9999, force_sync: false },
		];
		const listed = await call('batchCalcStock', batch);
		expect(listed.data.success_date.map((row: { rec_id: number }) => row.rec_id)).toEqual([2447]);
		expect(listed.data.error_date).toEqual([{ rec_id: 9999, err_msg: '平台货品不存在:9999' }]);
		rig.sim.replies.batchCalcErrors = 'emptySuccess';
		const shown = await call('batchCalcStock', batch);
		expect(shown.data.success_date).toHaveLength(2);
		expect(shown.data.success_date[1]).toEqual({});
	});

	it('calc refuses a goods whose sync is off unless forced (the page message)', async () => {
		addPlatformGoods(
			rig.sim,
			{ rec_id: 7, goods_id: 'jitx002', spec_id: 'jitx002', match_code: 'MUG-350' },
			{ syncEnabled: false },
		);
		expect(await call('calcStock', 7, false)).toEqual({
			status: 100,
			message: '货品id:jitx002规格Id:jitx002 已停用或者未开启同步',
		});
		expect((await call('calcStock', 7, true)).status).toBe(0);
	});

	it('a stale report (stock changed after the calc) keeps the goods waiting, or clears it', async () => {
		arrange();
		const calc = (await call('calcStock', 2447, false)).data;
		receiveMugs(3); // stock_change_count 1 → 2
		await call('syncSuccess', 2447, info(calc));
		expect(isSyncPending(rig.sim, 2447)).toBe(true);
		rig.sim.replies.stockSyncStaleReport = 'clears';
		await call('syncSuccess', 2447, info(calc));
		expect(isSyncPending(rig.sim, 2447)).toBe(false);
	});

	it('syncFail: retried after the position (default) or dropped', async () => {
		arrange();
		const { position } = (await call('getSelfWaitSyncIdListOpen', 500, 0)).data;
		const calc = (await call('calcStock', 2448, false)).data;
		expect(await call('syncFail', 2448, info(calc))).toEqual({ status: 0 });
		expect((await call('getSelfWaitSyncIdListOpen', 500, position)).data.id_list).toEqual([2448]);
		rig.sim.replies.stockSyncFailure = 'dropped';
		await call('syncFail', 2448, info(calc));
		expect(isSyncPending(rig.sim, 2448)).toBe(false);
	});

	it('report info: the 12 fields of the example, or all 16 of the table', async () => {
		arrange();
		const calc = (await call('calcStock', 2447, false)).data;
		rig.sim.replies.stockSyncReportInfo = 'table';
		expect(await call('syncSuccess', 2447, info(calc))).toEqual({
			status: 100,
			message: 'stock_syn_other不能为空',
		});
		const full = info(calc, {
			stock_syn_other: '',
			is_syn_success: true,
			is_manual: false,
			syn_result: 'ok',
		});
		expect(await call('syncSuccess', 2447, full)).toEqual({ status: 0 });
		expect(await call('syncSuccess', 1, full)).toEqual({
			status: 100,
			message: '平台货品不存在:1',
		});
	});

	it('cancelSync takes a waiting goods off the list; 取消失败 for one that does not wait', async () => {
		arrange();
		expect(await call('cancelSync', 2448, -1)).toEqual({ status: 0 });
		expect(isSyncPending(rig.sim, 2448)).toBe(false);
		expect(await call('cancelSync', 2448, -1)).toEqual({ status: 100, message: '取消失败' });
		expect(await call('cancelSync', 2449, -1)).toEqual({ status: 100, message: '取消失败' });
	});

	it('count outside 10–5000: refused (default) or clamped; position left out when empty per reading', async () => {
		arrange();
		expect(await call('getSelfWaitSyncIdListOpen', 5001, 0)).toEqual({
			status: 100,
			message: 'count超出范围(10-5000)',
		});
		expect((await call('getSelfWaitSyncIdListOpen', 9, 0)).status).toBe(100);
		rig.sim.replies.stockSyncCount = 'clamped';
		expect((await call('getSelfWaitSyncIdListOpen', 1, 0)).data.id_list).toEqual([2447, 2448]);
		rig.sim.replies.stockSyncEmptyPosition = 'omitted';
		expect(await call('getSelfWaitSyncIdListOpen', 10, 999_999_999)).toEqual({
			status: 0,
			data: { id_list: [] },
		});
	});

	it('pages the list by position: count ids at a time, each once', async () => {
		rig.sim.clearRequests();
		for (let index = 0; index < 25; index++)
			addPlatformGoods(
				rig.sim,
				{ rec_id: 100 + index, match_code: 'MUG-350', stock_change_count: 1 },
				{ pending: true },
			);
		const seen: number[] = [];
		let position = 0;
		for (let round = 0; round < 5; round++) {
			const { data } = await call('getSelfWaitSyncIdListOpen', 10, position);
			if (data.id_list.length === 0) break;
			seen.push(...data.id_list);
			position = data.position;
		}
		expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => 100 + index));
		expect(rig.sim.requestsFor('sales.StockSync.getSelfWaitSyncIdListOpen')).toHaveLength(4);
	});
});
