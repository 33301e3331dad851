/**
 * Sales Stockout → Get Many / Get through n8n-core's engine against the simulator's
 * wms.stockout.Sales.queryWithDetail (test/simulator/stockoutQueryWithDetail.ts: the 60-minute
 * window, the pager, status_type/status, numbers without a time range).
 */
import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { getCatalogMethod } from '../../nodes/shared/catalog';
import { SALES_STOCKOUT } from '../../nodes/shared/records';
import { jsonOf, pairsOf, useRig } from './rig';

const STOCKOUTS = 'wms.stockout.Sales.queryWithDetail';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 2024-07-01 10:00:00 CST */
const BASE = Date.parse('2024-07-01T10:00:00+08:00');

const rig = useRig();

const getMany = (extra: IDataObject = {}) => ({
	resource: 'salesStockout',
	operation: 'getMany',
	startTime: new Date(BASE).toISOString(),
	endTime: new Date(BASE + HOUR).toISOString(),
	returnAll: true,
	...extra,
});
const calls = () => rig.sim.requests.filter((request) => request.method === STOCKOUTS);
const paramsOf = (request: { args: unknown }) => (request.args as IDataObject[])[0];

describe('Sales Stockout → Get Many', () => {
	it('returns every status by default, with status names and ISO times, paired with its item', async () => {
		rig.sim.addStockout({ modifiedMs: BASE + MINUTE, status: 'toShip' });
		rig.sim.addStockout({ modifiedMs: BASE + 2 * MINUTE, status: 'done' });
		rig.sim.addStockout({ modifiedMs: BASE + 3 * MINUTE, status: 'cancelled' });
		rig.sim.addStockout({ modifiedMs: BASE + 2 * HOUR, status: 'done' }); // outside
		const { outputs, error } = await rig.run(getMany(), [{}]);
		expect(error).toBeUndefined();
		const stockouts = jsonOf(outputs[0]);
		expect(stockouts.map((stockout) => stockout.status)).toEqual([70, 110, 5]);
		expect(stockouts.map((stockout) => stockout.status_name)).toEqual([
			'待发货',
			'已完成',
			'已取消',
		]);
		expect(stockouts[0]).toMatchObject({
			modified: '2024-07-01 10:01:00',
			modified_iso: '2024-07-01T10:01:00+08:00',
			details_list: [],
		});
		expect(pairsOf(outputs[0])).toEqual([0, 0, 0]);
		const params = paramsOf(calls()[0]);
		expect(params).toMatchObject({
			start_time: '2024-07-01 10:00:00',
			end_time: '2024-07-01 11:00:00',
			status_type: 3,
		});
		expect(String(params.status).split(',').sort()).toEqual(
			Object.keys(getCatalogMethod(STOCKOUTS)!.statusTables!.status).sort(),
		);
	});

	it('every status code of the page has an English label', () => {
		expect(Object.keys(SALES_STOCKOUT.statusLabels.status).sort()).toEqual(
			Object.keys(getCatalogMethod(STOCKOUTS)!.statusTables!.status).sort(),
		);
	});

	it('Selected Statuses, Cancelled, shop and warehouse filters select and are sent as WDT fields', async () => {
		rig.sim.addStockout({ modifiedMs: BASE + MINUTE, status: 'toShip', shopNo: 'S1' });
		rig.sim.addStockout({ modifiedMs: BASE + 2 * MINUTE, status: 'done', shopNo: 'S2' });
		rig.sim.addStockout({
			modifiedMs: BASE + 3 * MINUTE,
			status: 'done',
			shopNo: 'S3',
			warehouseNo: 'WH9',
		});
		rig.sim.addStockout({ modifiedMs: BASE + 4 * MINUTE, status: 'cancelled', shopNo: 'S1' });
		const selected = await rig.run(
			getMany({ statusType: 'selected', statuses: ['110'], filters: { shopNos: 'S2, S3' } }),
		);
		expect(jsonOf(selected.outputs[0]).map((stockout) => stockout.shop_no)).toEqual(['S2', 'S3']);
		expect(paramsOf(calls()[0])).toMatchObject({
			status_type: 3,
			status: '110',
			shop_nos: 'S2,S3',
		});

		rig.sim.clearRequests();
		const cancelled = await rig.run(getMany({ statusType: 'cancelled' }));
		expect(jsonOf(cancelled.outputs[0]).map((stockout) => stockout.status)).toEqual([5]);
		expect(paramsOf(calls()[0]).status_type).toBe(1);
		expect(paramsOf(calls()[0])).not.toHaveProperty('status');

		// Plain strings (above and here): how workflows saved before the dropdowns hold them.
		const byWarehouse = await rig.run(getMany({ filters: { warehouseNo: 'WH9' } }));
		expect(jsonOf(byWarehouse.outputs[0]).map((stockout) => stockout.shop_no)).toEqual(['S3']);
		const fromLists = await rig.run(
			getMany({
				filters: {
					warehouseNo: { __rl: true, mode: 'list', value: 'WH9' },
					shopNos: { __rl: true, mode: 'code', value: 'S3，S2' },
				},
			}),
		);
		expect(jsonOf(fromLists.outputs[0]).map((stockout) => stockout.shop_no)).toEqual(['S3']);
		expect(paramsOf(calls().at(-1)!)).toMatchObject({ warehouse_no: 'WH9', shop_nos: 'S3,S2' });
	});

	it.each([
		['toShip', 2],
		['shipped', 0],
	])('Status %s sends status_type %i without a status list', async (statusType, code) => {
		await rig.run(getMany({ statusType }));
		expect(paramsOf(calls()[0])).toMatchObject({ status_type: code });
		expect(paramsOf(calls()[0])).not.toHaveProperty('status');
	});

	it.each([
		['UTC', '2024-07-01 17:30:00', '2024-07-01 19:30:00'],
		['Asia/Tokyo', '2024-07-01 08:30:00', '2024-07-01 10:30:00'],
	])('splits wall-time ranges in %s into one-hour CST windows', async (timezone, start, end) => {
		const { error } = await rig.run(
			getMany({ startTime: '2024-07-01T09:30:00', endTime: '2024-07-01T11:30:00' }),
			[{}],
			{ timezone },
		);
		expect(error).toBeUndefined();
		const windows = calls().map((call) => [paramsOf(call).start_time, paramsOf(call).end_time]);
		expect(windows).toHaveLength(2);
		expect(windows[0][0]).toBe(start);
		expect(windows[1][1]).toBe(end);
	});

	it('pages through 230 stockouts in one hour; Limit stops early; lines output prefixes fields', async () => {
		for (let i = 0; i < 230; i++)
			rig.sim.addStockout({ modifiedMs: BASE + i * 10_000, status: 'done' });
		const all = await rig.run(getMany());
		expect(all.error).toBeUndefined();
		const ids = jsonOf(all.outputs[0]).map((stockout) => stockout.stockout_id);
		expect(ids).toHaveLength(230);
		expect(new Set(ids).size).toBe(230);
		expect(calls().length).toBeGreaterThanOrEqual(3);

		const limited = await rig.run(getMany({ returnAll: false, limit: 7 }));
		expect(jsonOf(limited.outputs[0])).toHaveLength(7);

		const lines = await rig.run(getMany({ returnAll: false, limit: 2, outputMode: 'lines' }));
		const rows = jsonOf(lines.outputs[0]);
		expect(rows).toHaveLength(2);
		// The simulator's stockouts have no lines: one item each, every field prefixed.
		expect(rows[0]).toMatchObject({
			stockout_order_no: expect.any(String),
			stockout_status_name: '已完成',
		});
		expect(rows[0]).not.toHaveProperty('stockout_details_list');
	});

	it.each([
		[{ statusType: 'selected', statuses: [] }, /Item 1: Statuses \(statuses\) is empty/],
		[{ filters: { warehouseNo: 'w'.repeat(41) } }, /Item 1: Warehouse \(filters.warehouseNo\)/],
		[{ startTime: '2024-07-02T00:00:00Z' }, /Item 1: Modified Before \(endTime\) lies before/],
	])('refuses bad input before any call (case %#)', async (bad, message) => {
		const { error } = await rig.run(getMany(bad));
		expect(error?.message).toMatch(message);
		expect(rig.sim.requests).toHaveLength(0);
	});

	it('never retries a rate limit', async () => {
		rig.sim.faults.next('rateLimit', 10, STOCKOUTS);
		const { error } = await rig.run(getMany());
		expect(error?.message).toMatch(/rate-limiting/);
		expect(calls()).toHaveLength(1);
	});

	it('recovers from an HTTP 502 on a read', async () => {
		rig.sim.addStockout({ modifiedMs: BASE + MINUTE, status: 'done' });
		rig.sim.faults.next('html502', 1, STOCKOUTS);
		const { outputs, error } = await rig.run(getMany());
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0])).toHaveLength(1);
	}, 30_000);
});

describe('Sales Stockout → Get', () => {
	// Found by each number in every status, under each reading of a missing status_type:
	// test/engine/lookups.test.ts.
	it('a stockout WDT does not return is an error naming the number', async () => {
		const { error } = await rig.run({
			resource: 'salesStockout',
			operation: 'get',
			lookUpBy: 'logisticsNo',
			number: 'SF404',
		});
		expect(error?.message).toMatch(/No sales stockout with logistics number SF404 was found/);
	});

	it('a stockout number longer than 20 characters is refused before any call', async () => {
		const { error } = await rig.run({
			resource: 'salesStockout',
			operation: 'get',
			number: 'C'.repeat(21),
		});
		expect(error?.message).toMatch(/Item 1: Stockout Number \(number\) is longer than 20/);
		expect(rig.sim.requests).toHaveLength(0);
	});
});
