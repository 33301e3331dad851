import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { formatCst } from './cst';
import { NOW, startRig, type Rig } from './testkit';

const METHOD = 'wms.stockout.Sales.searchCancel';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let rig: Rig;
beforeAll(async () => {
	rig = await startRig();
});
afterAll(async () => {
	await rig.close();
});
beforeEach(() => {
	rig.sim.resetData('empty');
	rig.sim.clock.set(NOW);
	rig.sim.visibilityLagMs = 0;
	rig.sim.searchCancelStatuses = 'all';
	rig.sim.windowEnds = 'both';
});

interface Row {
	stockout_id: number;
	stockout_no: string;
	status: number;
	modified: string;
}

async function search(
	start: number | string,
	end: number | string,
	pager = { pageNo: 0, pageSize: 100, calcTotal: true },
) {
	const text = (t: number | string) => (typeof t === 'number' ? formatCst(t) : t);
	return rig.client.call({
		method: METHOD,
		args: [{ start_time: text(start), end_time: text(end) }],
		pager,
	});
}

describe('wms.stockout.Sales.searchCancel', () => {
	it('answers the doc request with the doc shape', async () => {
		rig.sim.addStockout({
			stockoutId: 1630025,
			stockoutNo: 'CH202210175',
			modifiedMs: Date.parse('2022-10-17T14:03:36+08:00'),
		});
		const { json } = await search('2022-10-17 13:30:00', '2022-10-17 14:30:00');
		// Exactly the page's four fields: details come from wms.stockout.Sales.queryWithDetail.
		expect(json).toEqual({
			status: 0,
			data: {
				total_count: 1,
				order_list: [
					{
						stockout_id: 1630025,
						stockout_no: 'CH202210175',
						status: 5,
						modified: '2022-10-17 14:03:36',
					},
				],
			},
		});
	});

	it.each([
		['missing start', [{ end_time: '2024-11-22 10:00:00' }], '参数中必须包含起止时间'],
		['empty end', [{ start_time: '2024-11-22 09:00:00', end_time: '' }], '参数中必须包含起止时间'],
		[
			'slashes',
			[{ start_time: '2023/02/06 17:59:19', end_time: '2023-02-06 18:00:00' }],
			'Unparseable date: 2023/02/06 17:59:19',
		],
		[
			'over one hour',
			[{ start_time: '2024-11-22 09:00:00', end_time: '2024-11-22 10:00:01' }],
			'起止时间差最大1小时',
		],
		[
			'end before start',
			[{ start_time: '2024-11-22 10:00:00', end_time: '2024-11-22 09:59:59' }],
			'开始时间不能大于结束时间',
		],
	])('rejects %s', async (_name, args, message) => {
		const { json } = await rig.client.call({
			method: METHOD,
			args,
			pager: { pageNo: 0, pageSize: 10 },
		});
		expect(json).toEqual({ status: 100, message });
	});

	it('accepts exactly one hour', async () => {
		expect((await search('2024-11-22 09:00:00', '2024-11-22 10:00:00')).json?.status).toBe(0);
	});

	it.each([
		['both', ['atStart', 'atEnd']],
		['start', ['atStart']],
		['end', ['atEnd']],
	] as const)(
		'windowEnds %s: which ends of the window match, at whole seconds',
		async (ends, expected) => {
			rig.sim.windowEnds = ends;
			const start = NOW - HOUR;
			const added = {
				before: rig.sim.addStockout({ modifiedMs: start - 1000 }),
				atStart: rig.sim.addStockout({ modifiedMs: start }),
				atEnd: rig.sim.addStockout({ modifiedMs: NOW + 999 }), // formatted as the end second
				after: rig.sim.addStockout({ modifiedMs: NOW + 1000 }),
			};
			rig.sim.clock.set(NOW + 2000);
			const ids = (await search(start, NOW)).json?.data.order_list.map((r: Row) => r.stockout_id);
			expect(ids).toEqual(expected.map((name) => added[name].stockoutId));
		},
	);

	it('lists every cancellation with its current status (as the page example, 110), sorted by modified then id', async () => {
		const a = rig.sim.addStockout({ stockoutId: 900, modifiedMs: NOW - 10 * MINUTE });
		const b = rig.sim.addStockout({ stockoutId: 800, modifiedMs: NOW - 10 * MINUTE });
		const c = rig.sim.addStockout({ stockoutId: 700, modifiedMs: NOW - 20 * MINUTE });
		const completed = rig.sim.addStockout({
			stockoutId: 650,
			status: 'done',
			cancelled: true, // cancelled, then restored and completed
			modifiedMs: NOW - 5 * MINUTE,
		});
		const neverCancelled = rig.sim.addStockout({
			stockoutId: 600,
			status: 'toShip',
			modifiedMs: NOW - 5 * MINUTE,
		});
		const rows = async () => (await search(NOW - HOUR, NOW)).json?.data.order_list as Row[];
		expect((await rows()).map((r) => [r.stockout_id, r.status])).toEqual([
			[c.stockoutId, 5],
			[b.stockoutId, 5],
			[a.stockoutId, 5],
			[completed.stockoutId, 110],
		]);

		// A stockout moved to 5 by any change is a cancellation from then on, whatever comes next.
		rig.sim.modifyStockout(neverCancelled.stockoutId, { status: 'cancelled' });
		rig.sim.modifyStockout(neverCancelled.stockoutId, { status: 'done' });
		expect(rig.sim.stockouts.get(neverCancelled.stockoutId)?.cancelled).toBe(true);

		// The other reading: only stockouts still in status 5.
		rig.sim.searchCancelStatuses = [5];
		expect((await rows()).map((r) => r.stockout_id)).toEqual([
			c.stockoutId,
			b.stockoutId,
			a.stockoutId,
		]);
	});

	it('pages with page_no from 0; total_count only with calc_total=1', async () => {
		for (let i = 0; i < 25; i++) rig.sim.addStockout({ modifiedMs: NOW - HOUR + i * MINUTE });
		const seen: number[] = [];
		for (let pageNo = 0; pageNo < 3; pageNo++) {
			const { json } = await search(NOW - HOUR, NOW, { pageNo, pageSize: 10, calcTotal: true });
			expect(json?.data.total_count).toBe(25);
			seen.push(...json!.data.order_list.map((r: Row) => r.stockout_id));
		}
		expect(seen).toHaveLength(25);
		expect(new Set(seen).size).toBe(25);
		const beyond = await search(NOW - HOUR, NOW, { pageNo: 3, pageSize: 10, calcTotal: true });
		expect(beyond.json?.data).toEqual({ total_count: 25, order_list: [] });
		const noTotal = await search(NOW - HOUR, NOW, { pageNo: 0, pageSize: 10, calcTotal: false });
		expect(noTotal.json?.data).not.toHaveProperty('total_count');
		expect(noTotal.json?.data.order_list).toHaveLength(10);
	});

	it('shows a record only once simulated now ≥ modified + its lag', async () => {
		const lagging = rig.sim.addStockout({
			modifiedMs: NOW - 30 * MINUTE,
			visibleAfterMs: 45 * MINUTE,
		});
		const prompt = rig.sim.addStockout({ modifiedMs: NOW - 30 * MINUTE + 1000 });
		const ids = async () =>
			(await search(NOW - HOUR, NOW)).json?.data.order_list.map((r: Row) => r.stockout_id);

		expect(await ids()).toEqual([prompt.stockoutId]);
		rig.sim.clock.set(NOW + 15 * MINUTE - 1);
		expect(await ids()).toEqual([prompt.stockoutId]);
		rig.sim.clock.set(NOW + 15 * MINUTE);
		expect(await ids()).toEqual([lagging.stockoutId, prompt.stockoutId]);
	});

	it('applies the global visibilityLagMs, and re-applies it after cancelStockout', async () => {
		rig.sim.visibilityLagMs = 2 * MINUTE;
		const stockout = rig.sim.addStockout({ status: 'toShip', modifiedMs: NOW - HOUR });
		rig.sim.clock.advance(MINUTE);
		rig.sim.cancelStockout(stockout.stockoutId); // modified = NOW + 1 min
		const window = () => search(NOW, NOW + 10 * MINUTE);
		expect((await window()).json?.data.order_list).toEqual([]);
		rig.sim.clock.advance(2 * MINUTE);
		const rows = (await window()).json?.data.order_list as Row[];
		expect(rows).toEqual([
			expect.objectContaining({
				stockout_id: stockout.stockoutId,
				status: 5,
				modified: formatCst(NOW + MINUTE),
			}),
		]);
	});

	it('modifyStockout bumps modified unless given', async () => {
		const stockout = rig.sim.addStockout({ modifiedMs: NOW - HOUR });
		rig.sim.clock.advance(1000);
		expect(rig.sim.modifyStockout(stockout.stockoutId, { remark: '改地址' }).modifiedMs).toBe(
			NOW + 1000,
		);
		expect(rig.sim.modifyStockout(stockout.stockoutId, { modifiedMs: NOW - 5 }).modifiedMs).toBe(
			NOW - 5,
		);
		expect(() => rig.sim.modifyStockout(1, {})).toThrow(/does not exist/);
	});
});
