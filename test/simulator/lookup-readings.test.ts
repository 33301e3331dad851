/**
 * The lookup readings the simulator serves (README "Readings"): replies.srcTidMatch,
 * replies.stockoutNoStatusType, replies.status90, and queryWarehouse's both-times rule. Each
 * value must answer the probe Check Assumptions makes with a different reply.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { formatCst } from './cst';
import { NOW, useRig } from './testkit';

const ORDERS = 'sales.TradeQuery.queryWithDetail';
const STOCKOUTS = 'wms.stockout.Sales.queryWithDetail';
const page = { pageNo: 0, pageSize: 100, calcTotal: true };
const HOUR = 3_600_000;

const rig = useRig();
afterEach(() => {
	rig.sim.resetData('empty');
	rig.sim.replies.srcTidMatch = 'flag';
	rig.sim.replies.stockoutNoStatusType = 'cancelled';
	rig.sim.replies.status90 = 'notShipped';
});

type Row = Record<string, unknown>;
async function rows(method: string, params: Row): Promise<Row[]> {
	const { json } = await rig.client.call({ method, args: [params], pager: page });
	expect(json?.status).toBe(0);
	return (json?.data as { order: Row[] }).order;
}

describe('replies.srcTidMatch', () => {
	it.each([
		['flag', 0, ['P9', 'P99', 'XP9']],
		['flag', 1, ['P9']],
		['loose', 0, ['P9', 'P99', 'XP9']],
		['loose', 1, ['P9', 'P99', 'XP9']],
	] as const)('%s with accurate_query %i selects %j', async (reading, accurate, expected) => {
		rig.sim.replies.srcTidMatch = reading;
		for (const srcTids of ['P9', 'P99', 'XP9', 'Q1']) rig.sim.addTrade({ srcTids });
		const found = await rows(ORDERS, { src_tid: 'P9', accurate_query: accurate });
		expect(found.map((row) => row.src_tids)).toEqual(expected);
	});
});

describe('replies.stockoutNoStatusType', () => {
	it.each([
		['cancelled', [5]],
		['all', [110, 5]],
	] as const)(
		'%s: a completed stockout by number without status_type → statuses %j',
		async (reading, expected) => {
			rig.sim.replies.stockoutNoStatusType = reading;
			rig.sim.addStockout({ status: 'done', stockoutNo: 'CK-A', srcOrderNo: 'JY-A' });
			rig.sim.addStockout({ status: 'cancelled', stockoutNo: 'CK-B', srcOrderNo: 'JY-A' });
			const found = await rows(STOCKOUTS, { src_order_no: 'JY-A' });
			expect(found.map((row) => row.status)).toEqual(expected);
			// With status_type 3 and the statuses named, both readings give both.
			const named = await rows(STOCKOUTS, {
				src_order_no: 'JY-A',
				status_type: 3,
				status: '5,110',
			});
			expect(named.map((row) => row.status)).toEqual([110, 5]);
		},
	);
});

describe('replies.status90', () => {
	it.each(['notShipped', 'shipped'] as const)(
		'%s: consign_time on status 90, and status_type 0 by consign time',
		async (reading) => {
			rig.sim.replies.status90 = reading;
			rig.sim.addStockout({
				status: 'delayedShipping',
				stockoutNo: 'CK-90',
				modifiedMs: NOW - 60_000,
			});
			rig.sim.addStockout({ status: 'done', stockoutNo: 'CK-110', modifiedMs: NOW - 30_000 });
			const window = { start_time: formatCst(NOW - HOUR), end_time: formatCst(NOW) };
			const byStatus = await rows(STOCKOUTS, { ...window, status_type: 3, status: '90,110' });
			expect(byStatus.map((row) => [row.order_no, row.consign_time])).toEqual([
				['CK-90', reading === 'shipped' ? formatCst(NOW - 60_000) : undefined],
				['CK-110', formatCst(NOW - 30_000)],
			]);
			const byConsign = await rows(STOCKOUTS, { ...window, status_type: 0 });
			expect(byConsign.map((row) => row.order_no)).toEqual(
				reading === 'shipped' ? ['CK-90', 'CK-110'] : ['CK-110'],
			);
			const toShip = await rows(STOCKOUTS, { ...window, status_type: 2 });
			expect(toShip.map((row) => row.order_no)).toEqual(['CK-90']);
		},
	);
});

describe('setting.Warehouse.queryWarehouse', () => {
	it('refuses one time without the other with the page’s own message', async () => {
		for (const params of [{ start_time: formatCst(NOW - HOUR) }, { end_time: formatCst(NOW) }]) {
			const { json } = await rig.client.call({
				method: 'setting.Warehouse.queryWarehouse',
				args: [params],
				pager: page,
			});
			expect(json).toEqual({ status: 100, message: '参数中必须包含起止时间' });
		}
	});
});
