import { describe, expect, it } from 'vitest';

import { toWdtTime } from '../../nodes/shared/protocol';
import { jsonOf, pairsOf, useRig } from './rig';

const rig = useRig();

const HOUR = 3_600_000;
const windowsSent = (method = 'wms.stockout.Sales.searchCancel') =>
	rig.sim.requestsFor(method).map((r) => {
		const [params] = r.args as Array<{ start_time: string; end_time: string }>;
		return `${params.start_time}→${params.end_time}#${r.pageNo}`;
	});

describe('Other Out → Cancel', () => {
	it('maps success_data and error_data to one item per number, batched across items', async () => {
		rig.sim.addOtherOut({ orderNo: 'QC1', status: 'editing' });
		rig.sim.addOtherOut({ orderNo: 'QC2', status: 'approved' });
		rig.sim.addOtherOut({ orderNo: 'QC3', status: 'done' });
		const { outputs, error } = await rig.run(
			{ resource: 'otherOut', operation: 'cancel', orderNumbers: '={{ $json.no }}' },
			[{ no: 'QC1' }, { no: 'QC2' }, { no: 'QC3' }, { no: 'QC404' }],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((o) => [o.order_no, o.success, o.error])).toEqual([
			['QC1', true, null],
			['QC2', true, null],
			['QC3', false, '单据状态不是编辑中、待审核、已审核，不允许取消'],
			['QC404', false, '单据不存在'],
		]);
		expect(pairsOf(outputs[0])).toEqual([0, 1, 2, 3]);
		expect(rig.sim.requestsFor('wms.stockother.Out.cancelOrder').map((r) => r.args)).toEqual([
			[['QC1', 'QC2', 'QC3', 'QC404']],
		]);
		expect(rig.sim.otherOuts.get('QC1')?.status).toBe(80);
	});

	it('fails without Continue On Fail, naming failed and already cancelled numbers', async () => {
		rig.sim.addOtherOut({ orderNo: 'QC5', status: 'pending' });
		const { error } = await rig.run({
			resource: 'otherOut',
			operation: 'cancel',
			orderNumbers: 'QC5, QC6',
		});
		expect(error?.message).toBe(
			'Cancelled 1 of 2 other-out orders (QC5); WDT refused to cancel other-out order QC6 ("单据不存在")',
		);
		expect(error?.description).toMatch(
			/WDT confirmed that this run cancelled 1 other-out order: QC5\. It stays cancelled; nothing was undone\./,
		);
	});
});

describe('Sales Stockout → Get Many Cancelled', () => {
	const base = Date.parse('2024-11-21T00:00:00+08:00');
	/** Return All over the hour from `base`. */
	const firstHour = {
		resource: 'salesStockout',
		operation: 'getManyCancelled',
		startTime: new Date(base).toISOString(),
		endTime: new Date(base + HOUR).toISOString(),
		returnAll: true,
	};

	it('splits 25 hours into one-hour CST windows, identical in any workflow timezone', async () => {
		const runIn = async (timezone: string, start: string, end: string) => {
			rig.sim.clearRequests();
			const { error } = await rig.run(
				{
					resource: 'salesStockout',
					operation: 'getManyCancelled',
					startTime: start,
					endTime: end,
					returnAll: true,
				},
				[{}],
				{ timezone },
			);
			expect(error).toBeUndefined();
			return windowsSent();
		};
		// The same instants written as each zone's wall time.
		const utc = await runIn('UTC', '2024-11-20T16:00:00', '2024-11-21T17:00:00');
		const ny = await runIn('America/New_York', '2024-11-20T11:00:00', '2024-11-21T12:00:00');
		expect(utc).toHaveLength(25);
		expect(ny).toEqual(utc);
		expect(utc[0]).toBe('2024-11-21 00:00:00→2024-11-21 01:00:00#0');
		expect(utc[24]).toBe('2024-11-22 00:00:00→2024-11-22 01:00:00#0');
	});

	it.each(['all', [5]] as const)(
		'names every stockout status, also those only the queryWithDetail page lists (searchCancelStatuses %j)',
		async (searchCancelStatuses) => {
			rig.sim.searchCancelStatuses = searchCancelStatuses === 'all' ? 'all' : [5];
			try {
				const statuses = [5, 50, 52, 58, 74, 110];
				statuses.forEach((status, i) =>
					rig.sim.addStockout({ status, cancelled: true, modifiedMs: base + (i + 1) * 60_000 }),
				);
				const { outputs, error } = await rig.run(firstHour);
				expect(error).toBeUndefined();
				const named = Object.fromEntries(
					jsonOf(outputs[0]).map((item) => [item.status, item.status_name]),
				);
				const expected: Record<number, string> = {
					5: '已取消',
					50: '待审核',
					52: '缺货待入库',
					58: '档口锁定',
					74: '预打包',
					110: '已完成',
				};
				const listed = searchCancelStatuses === 'all' ? statuses : [5];
				expect(named).toEqual(Object.fromEntries(listed.map((code) => [code, expected[code]])));
			} finally {
				rig.sim.searchCancelStatuses = 'all';
			}
		},
	);

	it('pages at 100 with the total, returns every stockout once with status_name, paired', async () => {
		for (let i = 0; i < 250; i++)
			rig.sim.addStockout({ modifiedMs: base + 10 * 60_000 + i * 1000 });
		rig.sim.addStockout({ modifiedMs: base + 90 * 60_000, receiverName: '张三' } as never);
		const { outputs, error } = await rig.run(
			{
				resource: 'salesStockout',
				operation: 'getManyCancelled',
				startTime: new Date(base).toISOString(),
				endTime: new Date(base + 2 * HOUR).toISOString(),
				returnAll: true,
			},
			[{ any: 1 }],
		);
		expect(error).toBeUndefined();
		const items = jsonOf(outputs[0]);
		expect(items).toHaveLength(251);
		expect(new Set(items.map((s) => s.stockout_id)).size).toBe(251);
		expect(items[0]).toMatchObject({ status: 5, status_name: '已取消' });
		expect(Object.keys(items[0]).slice(0, 5)).toEqual([
			'stockout_id',
			'stockout_no',
			'status',
			'status_name',
			'modified',
		]);
		expect(new Set(pairsOf(outputs[0]))).toEqual(new Set([0]));
		const requests = rig.sim.requestsFor('wms.stockout.Sales.searchCancel');
		expect(requests.map((r) => [r.pageNo, r.pageSize, r.calcTotal])).toEqual([
			[0, 100, true],
			[1, 100, true],
			[2, 100, true],
			[0, 100, true],
		]);
	});

	it('makes no further call once the limit is reached', async () => {
		for (let i = 0; i < 150; i++) rig.sim.addStockout({ modifiedMs: base + i * 1000 + 1000 });
		for (let i = 0; i < 10; i++) rig.sim.addStockout({ modifiedMs: base + 2 * HOUR + i * 1000 });
		const { outputs } = await rig.run({
			resource: 'salesStockout',
			operation: 'getManyCancelled',
			startTime: new Date(base).toISOString(),
			endTime: new Date(base + 5 * HOUR).toISOString(),
			returnAll: false,
			limit: 120,
		});
		expect(outputs[0]).toHaveLength(120);
		expect(windowsSent()).toHaveLength(2);
	});

	it('counts a record on a window boundary once', async () => {
		rig.sim.addStockout({ modifiedMs: base + HOUR });
		const { outputs } = await rig.run({
			resource: 'salesStockout',
			operation: 'getManyCancelled',
			startTime: new Date(base).toISOString(),
			endTime: new Date(base + 2 * HOUR).toISOString(),
			returnAll: true,
		});
		expect(outputs[0]).toHaveLength(1);
	});

	it.each(['html502', 'drop', 'truncated', 'empty'] as const)(
		'retries a read after %s and recovers',
		async (fault) => {
			rig.sim.addStockout({ modifiedMs: base + 60_000 });
			rig.sim.faults.next(fault, 1, 'wms.stockout.Sales.searchCancel');
			const { outputs, error } = await rig.run(firstHour);
			expect(error).toBeUndefined();
			expect(outputs[0]).toHaveLength(1);
			expect(rig.sim.requestsFor('wms.stockout.Sales.searchCancel')).toHaveLength(2);
		},
	);

	it('gives up after bounded retries of a transient fault', async () => {
		rig.sim.faults.next('html502', 10, 'wms.stockout.Sales.searchCancel');
		const { error } = await rig.run({
			resource: 'salesStockout',
			operation: 'getManyCancelled',
			startTime: new Date(base).toISOString(),
			endTime: new Date(base + HOUR).toISOString(),
		});
		expect(error?.message).toMatch(/HTTP 502 .*gave up after 4 attempts/);
		expect(rig.sim.requestsFor('wms.stockout.Sales.searchCancel')).toHaveLength(4);
	}, 30_000);

	it('never retries a rate limit, and says to wait 5–10 minutes', async () => {
		rig.sim.faults.next('rateLimit', 10, 'wms.stockout.Sales.searchCancel');
		const { error } = await rig.run({
			resource: 'salesStockout',
			operation: 'getManyCancelled',
			startTime: new Date(base).toISOString(),
			endTime: new Date(base + HOUR).toISOString(),
		});
		expect(error?.message).toMatch(
			/WDT is rate-limiting this API key \(status 100: "超过每分钟最大调用频率限制/,
		);
		expect(error?.description).toMatch(/Wait 5–10 minutes/);
		expect(rig.sim.requestsFor('wms.stockout.Sales.searchCancel')).toHaveLength(1);
	});
});

describe('Custom → Call Any Method', () => {
	const method = (value: string) => ({ __rl: true, mode: 'name', value });

	it('calls a method without pager and returns the envelope', async () => {
		const { outputs, error } = await rig.run({
			resource: 'custom',
			operation: 'call',
			method: method('system.Core.now'),
			arguments: '[]',
		});
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0])[0]).toMatchObject({ status: 0, data: { now: expect.any(Number) } });
	});

	it('walks every page of a paged query and returns one item per record', async () => {
		const base = rig.sim.clock.now() - 30 * 60_000;
		for (let i = 0; i < 130; i++) rig.sim.addStockout({ modifiedMs: base + i * 1000 });
		const { outputs, error } = await rig.run({
			resource: 'custom',
			operation: 'call',
			method: method('wms.stockout.Sales.searchCancel'),
			paged: true,
			returnAll: true,
			arguments: JSON.stringify([
				{ start_time: toWdtTime(base - 1000), end_time: toWdtTime(base + 200_000) },
			]),
		});
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(130);
		expect(rig.sim.requestsFor('wms.stockout.Sales.searchCancel')).toHaveLength(2);
	});

	it('lists the 188 methods, searchable by Chinese name', async () => {
		const { searchMethods } = await import('../../nodes/Wdt/methods/listSearch');
		const all = await searchMethods.call({} as never);
		expect(all.results).toHaveLength(188);
		const found = await searchMethods.call({} as never, '采购申请单');
		expect(found.results.map((r) => r.value)).toEqual(
			expect.arrayContaining([
				'purchase.PurchaseApply.upload',
				'purchase.PurchaseApply.cancelForApi',
			]),
		);
	});
});
