/**
 * Lookups under every reading of their pages (issue 20, points 2, 3, 10, 12), through n8n-core's
 * engine against the simulator:
 * - Sales Order by platform order number: accurate_query sent, and only orders holding the number
 *   exactly, whether WDT honours the flag or matches loosely (`replies.srcTidMatch`);
 * - Sales Stockout by number: every status asked for explicitly, so a non-cancelled stockout is
 *   found whether WDT's missing status_type means cancelled or all (`replies.stockoutNoStatusType`);
 * - status 90: Get and Get Many return the records as WDT sends them, consign_time only when it
 *   shipped (`replies.status90`);
 * - Warehouse → Get Many with Modified After alone reads up to the time of the run.
 */
import type { IDataObject } from 'n8n-workflow';
import { afterEach, describe, expect, it } from 'vitest';

import { getCatalogMethod } from '../../nodes/shared/catalog';
import { formatCst, parseCst, setMasterData } from '../simulator';
import { callsOf, jsonOf, useRig, warehouseRecord } from './rig';

const ORDERS = 'sales.TradeQuery.queryWithDetail';
const HISTORY = 'sales.TradeQuery.queryHistoryWithDetail';
const STOCKOUTS = 'wms.stockout.Sales.queryWithDetail';
const WAREHOUSES = 'setting.Warehouse.queryWarehouse';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 2024-07-01 10:00:00 CST */
const BASE = Date.parse('2024-07-01T10:00:00+08:00');

const rig = useRig();
afterEach(() => {
	rig.sim.replies.srcTidMatch = 'flag';
	rig.sim.replies.stockoutNoStatusType = 'cancelled';
	rig.sim.replies.status90 = 'notShipped';
});

/** Every status code of the stockout page's table, as the node sends them. */
const EVERY_STATUS = Object.keys(getCatalogMethod(STOCKOUTS)!.statusTables!.status).join(',');

describe.each(['flag', 'loose'] as const)('platform order numbers, srcTidMatch %s', (reading) => {
	/**
	 * Orders whose platform numbers contain P9 without being it (P99, XP9) beside those holding it:
	 * alone, merged with another (src_tids "P9,Q1"), and on a line only (src_tids cut short).
	 */
	function addOrders(method = ORDERS) {
		const orders: Array<[number, string, string[]]> = [
			[1, 'P9', ['P9']],
			[2, 'P99', ['P99']],
			[3, 'XP9', ['XP9']],
			[4, 'P9,Q1', ['P9', 'Q1']],
			[5, 'Q2', ['Q2', 'P9']],
			[6, 'Q3', ['Q3']],
		];
		for (const [id, srcTids, lineTids] of orders)
			rig.sim.records(method).add(
				{
					trade_id: id,
					trade_no: `JY${id}`,
					src_tids: srcTids,
					detail_list: lineTids.map((tid, line) => ({
						trade_id: id,
						rec_id: id * 10 + line,
						src_tid: tid,
					})),
				},
				{ modifiedMs: BASE + id * MINUTE },
			);
	}

	it.each([
		['current orders', ORDERS, {}],
		['the order history', HISTORY, { readFrom: 'history' }],
	])(
		'Get by Platform Order Number in %s sends accurate_query and returns exactly the orders holding it',
		async (_where, method, options) => {
			rig.sim.replies.srcTidMatch = reading;
			addOrders(method);
			const { outputs, error } = await rig.run({
				resource: 'salesOrder',
				operation: 'get',
				lookUpBy: 'srcTid',
				number: 'P9',
				options,
			});
			expect(error).toBeUndefined();
			expect(jsonOf(outputs[0]).map((order) => order.trade_no)).toEqual(['JY1', 'JY4', 'JY5']);
			expect(callsOf(rig, method).map((call) => call.params)).toEqual([
				{ src_tid: 'P9', accurate_query: 1 },
			]);
		},
	);

	it('Get by a number only other orders contain finds nothing, and says so', async () => {
		rig.sim.replies.srcTidMatch = reading;
		addOrders();
		const { error } = await rig.run({
			resource: 'salesOrder',
			operation: 'get',
			lookUpBy: 'srcTid',
			number: 'P',
		});
		expect(error?.message).toBe('No sales order with platform order number P was found');
	});

	it('Get Many with Platform Order Numbers keeps exactly the orders holding one of them, Limit counting those', async () => {
		rig.sim.replies.srcTidMatch = reading;
		addOrders();
		const run = (extra: IDataObject) =>
			rig.run({
				resource: 'salesOrder',
				operation: 'getMany',
				startTime: new Date(BASE).toISOString(),
				endTime: new Date(BASE + HOUR).toISOString(),
				filters: { srcTid: 'P9, Q3' },
				...extra,
			});
		const all = await run({ returnAll: true });
		expect(all.error).toBeUndefined();
		expect(jsonOf(all.outputs[0]).map((order) => order.trade_no)).toEqual([
			'JY1',
			'JY4',
			'JY5',
			'JY6',
		]);
		expect(callsOf(rig, ORDERS)[0].params).toEqual({
			src_tid: 'P9,Q3',
			accurate_query: 1,
			start_time: '2024-07-01 10:00:00',
			end_time: '2024-07-01 11:00:00',
		});
		const limited = await run({ returnAll: false, limit: 2 });
		expect(jsonOf(limited.outputs[0]).map((order) => order.trade_no)).toEqual(['JY1', 'JY4']);
	});
});

describe.each(['cancelled', 'all'] as const)(
	'stockouts by number, stockoutNoStatusType %s',
	(reading) => {
		it.each([
			['stockoutNo', 'stockout_no', 'CK-DONE'],
			['orderNo', 'src_order_no', 'JY-DONE'],
			['logisticsNo', 'logistics_no', 'SF-DONE'],
		])(
			'Get by %s finds a completed stockout in one call naming every status',
			async (lookUpBy, field, number) => {
				rig.sim.replies.stockoutNoStatusType = reading;
				const done = rig.sim.addStockout({
					modifiedMs: BASE - 300 * 24 * HOUR,
					status: 'done',
					stockoutNo: 'CK-DONE',
					srcOrderNo: 'JY-DONE',
					logisticsNo: 'SF-DONE',
				});
				rig.sim.addStockout({ modifiedMs: BASE, status: 'done' });
				const { outputs, error } = await rig.run({
					resource: 'salesStockout',
					operation: 'get',
					lookUpBy,
					number,
				});
				expect(error).toBeUndefined();
				expect(
					jsonOf(outputs[0]).map((stockout) => [stockout.stockout_id, stockout.status]),
				).toEqual([[done.stockoutId, 110]]);
				expect(callsOf(rig, STOCKOUTS).map((call) => call.params)).toEqual([
					{ [field]: number, status_type: 3, status: EVERY_STATUS },
				]);
			},
		);

		it('Get finds a cancelled stockout too', async () => {
			rig.sim.replies.stockoutNoStatusType = reading;
			const cancelled = rig.sim.addStockout({ modifiedMs: BASE, stockoutNo: 'CK-CANCELLED' });
			const { outputs, error } = await rig.run({
				resource: 'salesStockout',
				operation: 'get',
				number: 'CK-CANCELLED',
			});
			expect(error).toBeUndefined();
			expect(jsonOf(outputs[0]).map((stockout) => [stockout.stockout_id, stockout.status])).toEqual(
				[[cancelled.stockoutId, 5]],
			);
		});

		it('Get Many Cancelled → Include Details reads a cancellation that moved on (now 110) by number, in every status', async () => {
			rig.sim.replies.stockoutNoStatusType = reading;
			rig.sim.addStockout({
				stockoutNo: 'CK-MOVED',
				modifiedMs: BASE + MINUTE,
				status: 'done',
				cancelled: true,
				logisticsNo: 'SF-MOVED',
			});
			const { outputs, error } = await rig.run({
				resource: 'salesStockout',
				operation: 'getManyCancelled',
				startTime: new Date(BASE).toISOString(),
				endTime: new Date(BASE + HOUR).toISOString(),
				returnAll: true,
				options: { includeDetails: true },
			});
			expect(error).toBeUndefined();
			expect(jsonOf(outputs[0])).toMatchObject([
				{ stockout_no: 'CK-MOVED', status: 110, details_found: true, logistics_no: 'SF-MOVED' },
			]);
			expect(callsOf(rig, STOCKOUTS).map((call) => call.params)).toEqual([
				{ stockout_no: 'CK-MOVED', status_type: 3, status: EVERY_STATUS },
			]);
		});
	},
);

describe.each(['notShipped', 'shipped'] as const)('status 90, status90 %s', (reading) => {
	/** A delayed shipment (90) and a completed stockout (110), both modified at BASE + 5 min. */
	function addShipments() {
		const delayed = rig.sim.addStockout({
			modifiedMs: BASE + 5 * MINUTE,
			status: 'delayedShipping',
			stockoutNo: 'CK-DELAYED',
		});
		const done = rig.sim.addStockout({
			modifiedMs: BASE + 5 * MINUTE,
			status: 'done',
			stockoutNo: 'CK-DONE',
		});
		return { delayed, done };
	}
	const consign = formatCst(BASE + 5 * MINUTE);
	const getMany = (statusType: string) =>
		rig.run({
			resource: 'salesStockout',
			operation: 'getMany',
			startTime: new Date(BASE).toISOString(),
			endTime: new Date(BASE + HOUR).toISOString(),
			returnAll: true,
			statusType,
		});

	it('Get returns a delayed shipment as WDT sends it: consign_time only when it has shipped', async () => {
		rig.sim.replies.status90 = reading;
		addShipments();
		const { outputs, error } = await rig.run({
			resource: 'salesStockout',
			operation: 'get',
			number: 'CK-DELAYED',
		});
		expect(error).toBeUndefined();
		const [stockout] = jsonOf(outputs[0]);
		expect(stockout).toMatchObject({ order_no: 'CK-DELAYED', status: 90, status_name: '延时发货' });
		if (reading === 'shipped') expect(stockout.consign_time).toBe(consign);
		else expect(stockout).not.toHaveProperty('consign_time');
	});

	it('Get Many All Statuses and To Allocate … Delayed Shipment list it by modified time under either reading', async () => {
		rig.sim.replies.status90 = reading;
		const { delayed, done } = addShipments();
		const all = await getMany('all');
		expect(jsonOf(all.outputs[0]).map((s) => s.stockout_id)).toEqual([
			delayed.stockoutId,
			done.stockoutId,
		]);
		const toShip = await getMany('toShip');
		expect(jsonOf(toShip.outputs[0]).map((s) => s.stockout_id)).toEqual([delayed.stockoutId]);
	});

	it('Get Many Delayed Shipment or Completed (by shipment time) lists a delayed shipment only when it carries consign_time', async () => {
		rig.sim.replies.status90 = reading;
		const { delayed, done } = addShipments();
		const { outputs, error } = await getMany('shipped');
		expect(error).toBeUndefined();
		const stockouts = jsonOf(outputs[0]);
		expect(stockouts.map((s) => s.stockout_id)).toEqual(
			reading === 'shipped' ? [delayed.stockoutId, done.stockoutId] : [done.stockoutId],
		);
		for (const stockout of stockouts) expect(stockout.consign_time).toBe(consign);
		expect(callsOf(rig, STOCKOUTS)[0].params).toMatchObject({ status_type: 0 });
	});
});

describe('Warehouse → Get Many with Modified After alone', () => {
	it('reads the warehouses modified since then, up to the time of the run', async () => {
		const now = Date.now();
		setMasterData(rig.sim, {
			warehouses: [
				warehouseRecord(0, now - 3 * HOUR),
				warehouseRecord(1, now - HOUR),
				warehouseRecord(2, now - MINUTE),
			],
		});
		const before = Date.now();
		const { outputs, error } = await rig.run({
			resource: 'warehouse',
			operation: 'getMany',
			returnAll: true,
			filters: { startTime: new Date(now - 2 * HOUR).toISOString() },
		});
		const after = Date.now();
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((w) => w.warehouse_no)).toEqual(['WH002', 'WH003']);
		const [call] = callsOf(rig, WAREHOUSES);
		expect(call.params).toEqual({
			start_time: formatCst(now - 2 * HOUR),
			end_time: expect.any(String),
			hide_delete: 1,
		});
		const endMs = parseCst(String(call.params.end_time))!;
		expect(endMs).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
		expect(endMs).toBeLessThanOrEqual(after);
	});

	it('Modified Before alone is refused before any call, saying to set Modified After (WDT takes both or none)', async () => {
		const { error } = await rig.run({
			resource: 'warehouse',
			operation: 'getMany',
			returnAll: true,
			filters: { endTime: new Date(BASE).toISOString() },
		});
		expect(error?.message).toMatch(
			/^Item 1: Filters → Modified After \(startTime\) is empty: WDT needs both times/,
		);
		expect(rig.sim.requests).toHaveLength(0);
	});
});
