/**
 * The sales orders' index by modified time (store.tradesModifiedIn), which
 * sales.TradeQuery.queryWithDetail answers windows from: the same orders in the same order as a
 * scan of all orders, for every window-end reading, and still after orders change.
 */
import { beforeEach, describe, expect, it } from 'vitest';

import { formatCst } from './cst';
import { seededRandom } from './faults';
import type { TradeRecord, WindowEnds } from './store';
import { NOW, useRig } from './testkit';

const ORDERS = 'sales.TradeQuery.queryWithDetail';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const rig = useRig();
beforeEach(() => {
	rig.sim.resetData('empty');
	rig.sim.windowEnds = 'both';
	rig.sim.visibilityLagMs = 0;
});

/** What the index must equal: every order tested with inWindow, sorted by modified, trade_id. */
function scanned(startMs?: number, endMs?: number): number[] {
	return [...rig.sim.trades.values()]
		.filter((record) => rig.sim.inWindow(record.modifiedMs, startMs, endMs))
		.sort((a, b) => a.modifiedMs - b.modifiedMs || a.tradeId - b.tradeId)
		.map((record) => record.tradeId);
}

const indexed = (startMs?: number, endMs?: number) =>
	rig.sim.tradesModifiedIn(startMs, endMs).map((record) => record.tradeId);

/** Orders over the two hours before NOW, many on whole seconds and sharing seconds. */
function addOrders(count: number, random: () => number): Array<Readonly<TradeRecord>> {
	return Array.from({ length: count }, () => {
		const second = NOW - 2 * HOUR + Math.floor(random() * 2 * 3600) * 1000;
		const extraMs = random() < 0.5 ? 0 : Math.floor(random() * 1000);
		return rig.sim.addTrade({ modifiedMs: second + extraMs, status: random() < 0.5 ? 30 : 55 });
	});
}

describe('sales orders by modified time', () => {
	it.each(['both', 'start', 'end'] as WindowEnds[])(
		'windowEnds %s: every window holds the orders a full scan finds, in the same order',
		(ends) => {
			rig.sim.windowEnds = ends;
			const random = seededRandom(7);
			const orders = addOrders(500, random);
			const seconds = orders.map((order) => Math.floor(order.modifiedMs / 1000) * 1000);
			for (let i = 0; i < 200; i++) {
				// Ends on an order's own second (inclusive or not), or anywhere.
				const pick = () =>
					random() < 0.5
						? seconds[Math.floor(random() * seconds.length)]
						: NOW - 3 * HOUR + Math.floor(random() * 4 * HOUR);
				const [a, b] = [pick(), pick()].sort((x, y) => x - y);
				expect(indexed(a, b)).toEqual(scanned(a, b));
				expect(indexed(a, undefined)).toEqual(scanned(a, undefined));
				expect(indexed(undefined, b)).toEqual(scanned(undefined, b));
			}
			expect(indexed()).toEqual(scanned());
			expect(indexed(NOW, NOW - HOUR)).toEqual([]);
		},
	);

	it('follows added, changed, deleted and cleared orders', () => {
		const random = seededRandom(8);
		const orders = addOrders(50, random);
		const window = [NOW - HOUR, NOW - HOUR / 2] as const;
		expect(indexed(...window)).toEqual(scanned(...window));

		const check = () => expect(indexed(...window)).toEqual(scanned(...window));
		rig.sim.modifyTrade(orders[0].tradeId, { modifiedMs: NOW - 40 * MINUTE });
		expect(indexed(...window)).toContain(orders[0].tradeId);
		check();
		// Records are frozen, so no change can bypass the index unseen.
		expect(() => {
			(orders[1] as TradeRecord).modifiedMs = NOW - 35 * MINUTE;
		}).toThrow(TypeError);
		rig.sim.modifyTrade(orders[1].tradeId, { modifiedMs: NOW - 35 * MINUTE });
		expect(indexed(...window)).toContain(orders[1].tradeId);
		check();
		rig.sim.modifyTrade(orders[1].tradeId, { modifiedMs: NOW });
		expect(indexed(...window)).not.toContain(orders[1].tradeId);
		check();
		rig.sim.addTrade({ modifiedMs: NOW - 50 * MINUTE });
		check();
		rig.sim.trades.delete(orders[0].tradeId);
		expect(indexed(...window)).not.toContain(orders[0].tradeId);
		check();

		rig.sim.trades.clear();
		expect(indexed()).toEqual([]);
		const again = rig.sim.addTrade({ modifiedMs: NOW - 45 * MINUTE });
		expect(indexed(...window)).toEqual([again.tradeId]);
		rig.sim.resetData('empty');
		expect(indexed()).toEqual([]);
	});

	it(`${ORDERS} answers a window from it: filters, replication lag, total and pages`, async () => {
		const random = seededRandom(9);
		const orders = addOrders(300, random);
		const lagged = orders[0];
		rig.sim.modifyTrade(lagged.tradeId, { modifiedMs: NOW - 10 * MINUTE, visibleAfterMs: HOUR });
		const [startMs, endMs] = [NOW - HOUR, NOW];
		const expected = [...rig.sim.trades.values()]
			.filter(
				(record) =>
					record.status === 55 &&
					rig.sim.isStockoutVisible(record, NOW) &&
					rig.sim.inWindow(record.modifiedMs, startMs, endMs),
			)
			.sort((a, b) => a.modifiedMs - b.modifiedMs || a.tradeId - b.tradeId)
			.map((record) => record.tradeId);
		expect(expected.length).toBeGreaterThan(20);
		const ids: number[] = [];
		for (let pageNo = 0; pageNo * 20 < expected.length; pageNo++) {
			const { json } = await rig.client.call({
				method: ORDERS,
				args: [{ start_time: formatCst(startMs), end_time: formatCst(endMs), status: '55' }],
				pager: { pageNo, pageSize: 20, calcTotal: true },
			});
			expect(json?.status).toBe(0);
			expect(json?.data.total_count).toBe(expected.length);
			ids.push(...(json?.data.order as Array<{ trade_id: number }>).map((row) => row.trade_id));
		}
		expect(ids).toEqual(expected);
		expect(ids).not.toContain(lagged.tradeId);
	});
});
