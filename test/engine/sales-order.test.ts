/**
 * Sales Order → Get Many / Get through n8n-core's engine against the simulator, which answers
 * sales.TradeQuery.queryWithDetail from the docs (test/simulator/generic.ts): exactly the
 * documented fields, the 60-minute window, the pager.
 */
import type { IDataObject } from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import { getCatalogMethod } from '../../nodes/shared/catalog';
import { SALES_ORDER } from '../../nodes/shared/records';
import { formatCst } from '../simulator';
import { jsonOf, pairsOf, useRig } from './rig';

const ORDERS = 'sales.TradeQuery.queryWithDetail';
const HISTORY = 'sales.TradeQuery.queryHistoryWithDetail';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 2024-07-01 10:00:00 CST */
const BASE = Date.parse('2024-07-01T10:00:00+08:00');

const rig = useRig();

/** The status rule (a parameter without a same-named record field; src_tid is the simulator's). */
function withFilterRules(method = ORDERS) {
	return rig.sim
		.records(method)
		.filter('status', (record, value) =>
			String(value).split(',').includes(String(record.trade_status)),
		);
}

let nextId = 1;
function addOrder(modifiedMs: number, fields: IDataObject = {}, method = ORDERS) {
	const id = nextId++;
	return withFilterRules(method).add(
		{
			trade_id: id,
			trade_no: `JY${String(id).padStart(6, '0')}`,
			trade_status: 95,
			shop_no: 'shop1',
			warehouse_no: 'wh1',
			src_tids: `TB${id}`,
			pay_time: formatCst(modifiedMs - HOUR),
			detail_list: [
				{ trade_id: id, rec_id: id * 10 + 1, src_tid: `TB${id}`, num: 1 },
				{ trade_id: id, rec_id: id * 10 + 2, src_tid: `TB${id}`, num: 2 },
			],
			...fields,
		},
		{ modifiedMs },
	);
}

const getMany = (extra: IDataObject = {}) => ({
	resource: 'salesOrder',
	operation: 'getMany',
	startTime: new Date(BASE).toISOString(),
	endTime: new Date(BASE + HOUR).toISOString(),
	returnAll: true,
	...extra,
});

const orderCalls = (method = ORDERS) =>
	rig.sim.requests.filter((request) => request.method === method);
const paramsOf = (request: { args: unknown }) => (request.args as IDataObject[])[0];

beforeEach(() => {
	nextId = 1;
});

describe('Sales Order → Get Many', () => {
	it('returns each order once with status names, ISO times and nested lines, paired with its item', async () => {
		addOrder(BASE + 5 * MINUTE);
		addOrder(BASE + 10 * MINUTE, { trade_status: 110 });
		addOrder(BASE + 2 * HOUR); // outside the range
		const { outputs, error } = await rig.run(getMany(), [{}]);
		expect(error).toBeUndefined();
		const orders = jsonOf(outputs[0]);
		expect(orders.map((order) => order.trade_no)).toEqual(['JY000001', 'JY000002']);
		expect(orders[0]).toMatchObject({
			trade_status: 95,
			trade_status_name: '已发货',
			modified: '2024-07-01 10:05:00',
			modified_iso: '2024-07-01T10:05:00+08:00',
			pay_time_iso: '2024-07-01T09:05:00+08:00',
		});
		expect(orders[1].trade_status_name).toBe('已完成');
		expect(orders[0].detail_list).toHaveLength(2);
		expect((orders[0].detail_list as IDataObject[])[0]).toMatchObject({
			rec_id: 11,
			modified_iso: '2024-07-01T10:05:00+08:00',
		});
		expect(pairsOf(outputs[0])).toEqual([0, 0]);
		// One 60-minute window, CST strings.
		const calls = orderCalls();
		expect(calls.length).toBeGreaterThanOrEqual(1);
		expect(paramsOf(calls[0])).toMatchObject({
			start_time: '2024-07-01 10:00:00',
			end_time: '2024-07-01 11:00:00',
		});
	});

	it('an order on the second two windows share is output once, shaped, at Parallel Requests 1 and 4', async () => {
		addOrder(BASE + 30 * MINUTE);
		addOrder(BASE + HOUR); // 11:00:00 ends the first window and starts the second
		addOrder(BASE + 90 * MINUTE, { trade_status: 110 });
		for (const parallelRequests of [1, 4]) {
			rig.sim.clearRequests();
			const { outputs, error } = await rig.run(
				getMany({
					endTime: new Date(BASE + 2 * HOUR).toISOString(),
					options: { parallelRequests },
				}),
				[{}],
			);
			expect(error).toBeUndefined();
			// Both windows returned it; the output has it once, in WDT's order, with its ISO time.
			expect(orderCalls()).toHaveLength(2);
			const orders = jsonOf(outputs[0]);
			expect(orders.map((order) => order.trade_no)).toEqual(['JY000001', 'JY000002', 'JY000003']);
			expect(orders[1]).toMatchObject({
				modified_iso: '2024-07-01T11:00:00+08:00',
				trade_status_name: '已发货',
			});
			expect(orders[2].trade_status_name).toBe('已完成');
			expect((orders[1].detail_list as IDataObject[])[0].modified_iso).toBe(
				'2024-07-01T11:00:00+08:00',
			);
		}
	});

	it('every status code of the page has an English label in the Status filter', () => {
		const table = getCatalogMethod(ORDERS)!.statusTables!.trade_status;
		expect(Object.keys(SALES_ORDER.statusLabels.trade_status).sort()).toEqual(Object.keys(table).sort());
	});

	it.each([
		['UTC', '2024-07-01 17:30:00', '2024-07-01 19:30:00'],
		['America/New_York', '2024-07-01 21:30:00', '2024-07-01 23:30:00'],
	])(
		'splits a two-hour range given as wall time in %s into two one-hour CST windows',
		async (timezone, start, end) => {
			const { error } = await rig.run(
				getMany({ startTime: '2024-07-01T09:30:00', endTime: '2024-07-01T11:30:00' }),
				[{}],
				{ timezone },
			);
			expect(error).toBeUndefined();
			const windows = orderCalls().map((call) => [
				paramsOf(call).start_time,
				paramsOf(call).end_time,
			]);
			expect(windows).toHaveLength(2);
			expect(windows[0][0]).toBe(start);
			expect(windows[1][1]).toBe(end);
			expect(windows[0][1]).toBe(windows[1][0]);
		},
	);

	it('reads every page of a full hour (250 orders) without loss or duplicates', async () => {
		for (let i = 0; i < 250; i++) addOrder(BASE + i * 10_000);
		const { outputs, error } = await rig.run(getMany());
		expect(error).toBeUndefined();
		const ids = jsonOf(outputs[0]).map((order) => order.trade_id);
		expect(new Set(ids).size).toBe(250);
		expect(ids).toHaveLength(250);
		// Pages 0, 2, 1 (last to first, as the page advises); a window that closed before the read
		// began and kept its total needs no second read of page 0.
		expect(orderCalls().map((call) => call.pageNo)).toEqual([0, 2, 1]);
	});

	it('Limit stops early; One Item per Line counts lines and prefixes order fields', async () => {
		for (let i = 0; i < 250; i++) addOrder(BASE + i * 10_000);
		const limited = await rig.run(getMany({ returnAll: false, limit: 5 }));
		expect(limited.error).toBeUndefined();
		expect(jsonOf(limited.outputs[0])).toHaveLength(5);

		const lines = await rig.run(getMany({ returnAll: false, limit: 3, outputMode: 'lines' }));
		expect(lines.error).toBeUndefined();
		const rows = jsonOf(lines.outputs[0]);
		expect(rows).toHaveLength(3);
		expect(rows[0]).toMatchObject({
			rec_id: expect.any(Number),
			order_trade_no: expect.any(String),
		});
		expect(rows[0]).not.toHaveProperty('detail_list');
		expect(rows[0]).not.toHaveProperty('order_detail_list');
		expect(rows[0].order_trade_status_name).toBe('已发货');
	});

	it('sends the filters as WDT fields and returns what they select', async () => {
		addOrder(BASE + MINUTE, { trade_status: 30, src_tids: 'A1' });
		addOrder(BASE + 2 * MINUTE, { trade_status: 95, src_tids: 'A2', shop_no: 'shop2' });
		addOrder(BASE + 3 * MINUTE, { trade_status: 110, src_tids: 'A3' });
		const { outputs, error } = await rig.run(
			getMany({ filters: { status: ['95', '110'], srcTid: 'A2, A3', warehouseNo: 'wh1' } }),
		);
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((order) => order.src_tids)).toEqual(['A2', 'A3']);
		expect(paramsOf(orderCalls()[0])).toMatchObject({
			status: '95,110',
			src_tid: 'A2,A3',
			accurate_query: 1,
			warehouse_no: 'wh1',
		});
		// A plain string: how workflows saved before the shop dropdown hold it.
		const byShop = await rig.run(getMany({ filters: { shopNo: 'shop2' } }));
		expect(jsonOf(byShop.outputs[0]).map((order) => order.src_tids)).toEqual(['A2']);
		const fromList = await rig.run(
			getMany({ filters: { shopNo: { __rl: true, mode: 'list', value: 'shop2' } } }),
		);
		expect(jsonOf(fromList.outputs[0]).map((order) => order.src_tids)).toEqual(['A2']);
		expect(paramsOf(orderCalls().at(-1)!)).toMatchObject({ shop_no: 'shop2' });
	});

	it('Read From → Order History reads sales.TradeQuery.queryHistoryWithDetail', async () => {
		addOrder(BASE + MINUTE, {}, HISTORY);
		const { outputs, error } = await rig.run(getMany({ options: { readFrom: 'history' } }));
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0])).toHaveLength(1);
		expect(orderCalls(HISTORY).length).toBeGreaterThanOrEqual(1);
		expect(orderCalls(ORDERS)).toHaveLength(0);
	});

	/** An expression: `bad` for the second item, `good` for the first. */
	const onItem2 = (bad: unknown, good: unknown) =>
		`={{ $itemIndex === 1 ? ${JSON.stringify(bad)} : ${JSON.stringify(good)} }}`;
	const start = new Date(BASE).toISOString();

	it.each([
		[
			{ startTime: onItem2('2024-07-01T12:00:00Z', start) },
			/Item 2: Modified Before \(endTime\) lies before/,
		],
		[
			{ startTime: onItem2('2024-05-01T00:00:00Z', start) },
			/Item 2: Modified After \(startTime\) and Modified Before \(endTime\) are more than 31 days apart/,
		],
		[{ startTime: onItem2('not a date', start) }, /Item 2: Modified After \(startTime\)/],
		[
			{ filters: { tradeNo: onItem2('x'.repeat(41), '') } },
			/Item 2: Trade Number \(filters.tradeNo\) is longer than 40 characters/,
		],
		[
			{ filters: { shopNo: onItem2('s'.repeat(21), '') } },
			/Item 2: Shop \(filters.shopNo\) is longer than 20 characters/,
		],
		[
			{ filters: { srcTid: onItem2(`ok,${'t'.repeat(41)}`, '') } },
			/Item 2: Platform Order Numbers/,
		],
		[{ returnAll: false, limit: onItem2(0, 50) }, /Item 2: Limit \(limit\)/],
	])('refuses bad input in item 2 before any call (case %#)', async (bad, message) => {
		const { error } = await rig.run({ ...getMany(), ...bad }, [{}, {}]);
		expect(error?.message).toMatch(message);
		expect(rig.sim.requests).toHaveLength(0);
	});

	it('never retries a rate limit and says how far the read got', async () => {
		rig.sim.faults.next('rateLimit', 10, ORDERS);
		const { error } = await rig.run(getMany({ endTime: new Date(BASE + 3 * HOUR).toISOString() }));
		expect(error?.message).toMatch(/rate-limiting/);
		expect(orderCalls()).toHaveLength(1);
	});

	it('recovers from a dropped connection on a read (bounded retry)', async () => {
		addOrder(BASE + MINUTE);
		rig.sim.faults.next('html502', 1, ORDERS);
		const { outputs, error } = await rig.run(getMany());
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0])).toHaveLength(1);
		expect(orderCalls().length).toBeGreaterThanOrEqual(2);
	}, 30_000);

	it('with Continue On Fail, a failed item becomes an error item and the others go on', async () => {
		addOrder(BASE + MINUTE);
		const { outputs, error } = await rig.run(
			getMany({ filters: { tradeNo: `={{ $itemIndex === 0 ? "${'x'.repeat(41)}" : "" }}` } }),
			[{}, {}],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		const items = jsonOf(outputs[0]);
		expect(items[0].error).toMatch(/Item 1: Trade Number/);
		expect(items[1].trade_no).toBe('JY000001');
		expect(pairsOf(outputs[0])).toEqual([0, 1]);
	});
});

describe('Sales Order → Get', () => {
	it('finds an order by trade number without a time range', async () => {
		addOrder(BASE - 400 * 24 * HOUR); // long ago: no window needed
		addOrder(BASE);
		const { outputs, error } = await rig.run({
			resource: 'salesOrder',
			operation: 'get',
			lookUpBy: 'tradeNo',
			number: 'JY000001',
		});
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((order) => order.trade_no)).toEqual(['JY000001']);
		const params = paramsOf(orderCalls()[0]);
		expect(params).toEqual({ trade_no: 'JY000001' });
	});

	it('finds every WDT order of a platform order number', async () => {
		addOrder(BASE, { src_tids: 'P9' });
		addOrder(BASE + MINUTE, { src_tids: 'P9' });
		addOrder(BASE + MINUTE, { src_tids: 'P8' });
		const { outputs, error } = await rig.run({
			resource: 'salesOrder',
			operation: 'get',
			lookUpBy: 'srcTid',
			number: 'P9',
		});
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((order) => order.trade_id)).toEqual([1, 2]);
		expect(paramsOf(orderCalls()[0])).toEqual({ src_tid: 'P9', accurate_query: 1 });
	});

	it('an order WDT does not return is an error naming the number and the privacy rule', async () => {
		const { error } = await rig.run({
			resource: 'salesOrder',
			operation: 'get',
			lookUpBy: 'tradeNo',
			number: 'JY404',
		});
		expect(error?.message).toMatch(/No sales order with trade number JY404 was found/);
		expect(error?.description).toMatch(/Taobao\/Tmall, Pinduoduo/);
	});

	it('an empty number is refused before any call', async () => {
		const { error } = await rig.run({ resource: 'salesOrder', operation: 'get', number: ' ' });
		expect(error?.message).toMatch(/Item 1: Trade Number \(number\) is empty/);
		expect(rig.sim.requests).toHaveLength(0);
	});
});
