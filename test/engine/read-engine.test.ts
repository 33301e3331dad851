/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * The read engine (nodes/shared/transport/search.ts) through n8n-core's engine: against local
 * fake servers that page wrongly in each way the docs leave room for, against the vendor docs'
 * own reply examples, and against the simulator (parallel windows, Include Details, times).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { getCatalogMethod } from '../../nodes/shared/catalog';

import { type FakeReply, type ReceivedRequest } from '../harness/fixtures/fake-wdt-server';
// The rig loads the simulator's method table before the method file below (they import each other).
import { jsonOf, pairsOf, useFakeWdt, useRig } from './rig';
import { hideStockoutDetailsOfShops } from '../simulator/stockoutQueryWithDetail';

const examples = JSON.parse(
	readFileSync(join(__dirname, 'fixtures', 'doc-reply-examples.json'), 'utf8'),
) as Record<string, { status: number; data: IDataObject }>;

const fake = useFakeWdt();

const credentials = () => ({
	wdtApi: {
		sid: 'engine-sid',
		key: 'engine-key',
		secret: 'engine-secret-5e6f7a8b',
		salt: 'engine-salt-9c0d1e2f',
		environment: 'custom',
		baseUrl: fake.server.baseUrl,
	},
});

const pagerOf = (request: ReceivedRequest) => ({
	pageNo: Number(request.query.page_no),
	pageSize: Number(request.query.page_size),
});

/** Call Any Method, Paged Query, Return All, against the fake server. */
const callPaged = async (method: string, extra: IDataObject = {}) =>
	await fake.engine.runNode({
		type: 'wdt',
		parameters: {
			resource: 'custom',
			operation: 'call',
			method: { __rl: true, mode: 'name', value: method },
			arguments: '[{}]',
			paged: true,
			returnAll: true,
			...extra,
		},
		input: [{}],
		credentials: credentials(),
	});

const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ rec_id: i + 1 }));
const recIds = (items: IDataObject[]) => items.map((item) => item.rec_id);

/** WDT's pager over `all`, with `page` free to misbehave. */
const pagedServer =
	(
		all: unknown[],
		page: (pager: { pageNo: number; pageSize: number }) => unknown[],
		total = all.length,
	) =>
	(request: ReceivedRequest): FakeReply => ({
		body: { status: 0, data: { total_count: total, order_list: page(pagerOf(request)) } },
	});
const honest = (all: unknown[]) => (pager: { pageNo: number; pageSize: number }) =>
	all.slice(pager.pageNo * pager.pageSize, (pager.pageNo + 1) * pager.pageSize);

describe('Call Any Method → Paged Query, Return All against misbehaving pagers', () => {
	it('a server that silently caps page_size at 50 still yields all 730 rows', async () => {
		const all = rows(730);
		fake.server.reply(
			pagedServer(all, ({ pageNo, pageSize }) =>
				all.slice(pageNo * Math.min(pageSize, 50), (pageNo + 1) * Math.min(pageSize, 50)),
			),
		);
		const { outputs, error } = await callPaged('wms.x.Capped.search');
		expect(error).toBeUndefined();
		expect(recIds(jsonOf(outputs[0]))).toEqual(recIds(all));
		expect(fake.server.requests.length).toBeLessThanOrEqual(16);
	});

	it('a short page before total_count does not end the read', async () => {
		const all = rows(250);
		// The second request (page 1) comes back with 20 of 100 rows; later requests are honest.
		fake.server.reply(
			pagedServer(all, (pager) =>
				fake.server.requests.length === 2 ? all.slice(100, 120) : honest(all)(pager),
			),
		);
		const { outputs, error } = await callPaged('wms.x.Short.search');
		expect(error).toBeUndefined();
		expect(recIds(jsonOf(outputs[0]))).toEqual(recIds(all));
	});

	it('a total that lies high ends with every row that exists; one that lies low does not truncate', async () => {
		const all = rows(150);
		fake.server.reply(pagedServer(all, honest(all), 730));
		const high = await callPaged('wms.x.High.search');
		expect(high.error).toBeUndefined();
		expect(recIds(jsonOf(high.outputs[0]))).toEqual(recIds(all));
		expect(fake.server.requests.length).toBeLessThanOrEqual(8);

		fake.server.requests.length = 0;
		const more = rows(250);
		fake.server.reply(pagedServer(more, honest(more), 10));
		const low = await callPaged('wms.x.Low.search');
		expect(low.error).toBeUndefined();
		expect(recIds(jsonOf(low.outputs[0]))).toEqual(recIds(more));
	});

	it('a server ignoring page_no ends in a clear error naming the method after two requests', async () => {
		const all = rows(730);
		fake.server.reply(pagedServer(all, () => all.slice(0, 100)));
		const { error } = await callPaged('wms.x.Loop.search');
		expect(error?.message).toMatch(
			/WDT wms\.x\.Loop\.search: page_no 1 returned the same 100 rows as an earlier page: the server seems to ignore page_no/,
		);
		expect(fake.server.requests).toHaveLength(2);
	});

	it('a reply without a recognizable list is an error naming the method and the keys, not an empty success', async () => {
		fake.server.reply(() => ({
			body: { status: 0, data: { total_count: 3, rows_a: [1], rows_b: [2] } },
		}));
		const { outputs, error } = await callPaged('wms.x.Odd.search');
		expect(outputs[0] ?? []).toHaveLength(0);
		expect(error?.message).toMatch(
			/WDT wms\.x\.Odd\.search: several lists \(rows_a, rows_b\).*keys total_count, rows_a, rows_b/,
		);
	});

	it('no duplicates when the total changes between pages (deduplicated by the whole record)', async () => {
		let all = rows(251);
		fake.server.reply((request) => {
			const { pageNo, pageSize } = pagerOf(request);
			if (fake.server.requests.length === 2) all = all.slice(100); // 100 rows leave between pages
			return {
				body: {
					status: 0,
					data: {
						total_count: all.length,
						order_list: all.slice(pageNo * pageSize, (pageNo + 1) * pageSize),
					},
				},
			};
		});
		const { outputs, error } = await callPaged('wms.x.Moving.search');
		expect(error).toBeUndefined();
		const ids = recIds(jsonOf(outputs[0]));
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(ids)).toEqual(new Set(recIds(rows(251))));
	});

	it('a rate limit after collected pages says how far the read got and to wait 5–10 minutes', async () => {
		const all = rows(300);
		fake.server.reply((request) =>
			pagerOf(request).pageNo >= 2
				? { body: { status: 100, message: '超过每分钟最大调用频率限制，请稍后重试' } }
				: pagedServer(all, honest(all))(request),
		);
		const { error } = await callPaged('wms.x.Limited.search');
		expect(error?.message).toMatch(
			/超过每分钟最大调用频率限制.*Read so far: no window of 1 was read completely; window 1 \(no time range\) failed after 2 page\(s\); 200 record\(s\) were collected and are not output/,
		);
		expect(String(error?.description)).toMatch(/5[-–]10 minutes/);
		// Neither the engine nor callWdt retries a rate limit: page 2 was asked for once.
		expect(fake.server.requests.filter((r) => r.query.page_no === '2')).toHaveLength(1);
	}, 30_000);
});

describe("Call Any Method on the doc pages' reply shapes", () => {
	const serve = (method: string) => fake.server.reply(() => ({ body: examples[method] }));

	it('wms.stockin.Refund.queryWithDetail: only the records of data.order by default; summary_data entries after them, marked, on request', async () => {
		serve('wms.stockin.Refund.queryWithDetail');
		const data = examples['wms.stockin.Refund.queryWithDetail'].data as {
			order: IDataObject[];
			summary_data: IDataObject[];
		};
		expect(data.summary_data.length).toBeGreaterThan(0);
		const recordsOnly = await callPaged('wms.stockin.Refund.queryWithDetail');
		expect(recordsOnly.error).toBeUndefined();
		expect(jsonOf(recordsOnly.outputs[0])).toEqual(data.order);
		expect(fake.server.requests).toHaveLength(1);

		const { outputs, error } = await callPaged('wms.stockin.Refund.queryWithDetail', {
			includeOtherLists: true,
		});
		expect(error).toBeUndefined();
		const items = jsonOf(outputs[0]);
		expect(items.slice(0, data.order.length)).toEqual(data.order);
		expect(items.slice(data.order.length)).toEqual(
			data.summary_data.map((entry) => ({ wdt_list: 'summary_data', ...entry })),
		);
		expect(pairsOf(outputs[0]).every((pair) => pair === 0)).toBe(true);
	});

	it('one page (Return All off) keeps to the records too unless the other lists are asked for', async () => {
		serve('wms.stockin.Refund.queryWithDetail');
		const data = examples['wms.stockin.Refund.queryWithDetail'].data as {
			order: IDataObject[];
			summary_data: IDataObject[];
		};
		const page = await callPaged('wms.stockin.Refund.queryWithDetail', { returnAll: false });
		expect(jsonOf(page.outputs[0])).toEqual(data.order);
		const withLists = await callPaged('wms.stockin.Refund.queryWithDetail', {
			returnAll: false,
			includeOtherLists: true,
		});
		expect(jsonOf(withLists.outputs[0])).toEqual([
			...data.order,
			...data.summary_data.map((entry) => ({ wdt_list: 'summary_data', ...entry })),
		]);
	});

	it('wms.stockout.SalesPick.pickListOverviewForApi: the list inside the data.data object', async () => {
		serve('wms.stockout.SalesPick.pickListOverviewForApi');
		const { outputs, error } = await callPaged('wms.stockout.SalesPick.pickListOverviewForApi');
		expect(error).toBeUndefined();
		const inner = (
			examples['wms.stockout.SalesPick.pickListOverviewForApi'].data.data as {
				pick_goods_data_list: IDataObject[];
			}
		).pick_goods_data_list;
		expect(jsonOf(outputs[0])).toEqual(inner);
	});

	it('sales.StockSync.batchCalcStock: two lists: success_date records, then (on request) error_date entries marked; Paged Query off, the whole reply', async () => {
		serve('sales.StockSync.batchCalcStock');
		const data = examples['sales.StockSync.batchCalcStock'].data as {
			success_date: IDataObject[];
			error_date: IDataObject[];
		};
		const paged = await callPaged('sales.StockSync.batchCalcStock', { includeOtherLists: true });
		expect(paged.error).toBeUndefined();
		expect(jsonOf(paged.outputs[0])).toEqual([
			...data.success_date,
			...data.error_date.map((entry) => ({ wdt_list: 'error_date', ...entry })),
		]);
		const whole = await callPaged('sales.StockSync.batchCalcStock', { paged: false });
		expect(whole.error).toBeUndefined();
		expect(jsonOf(whole.outputs[0])).toEqual([{ status: 0, data }]);
		// The example's error_date is empty; a failure (its documented rec_id, err_msg) is kept.
		fake.server.reply(() => ({
			body: {
				status: 0,
				data: { ...data, error_date: [{ rec_id: 2447, err_msg: '平台货品不存在' }] },
			},
		}));
		const failed = await callPaged('sales.StockSync.batchCalcStock', { includeOtherLists: true });
		expect(jsonOf(failed.outputs[0]).slice(-1)).toEqual([
			{ wdt_list: 'error_date', rec_id: 2447, err_msg: '平台货品不存在' },
		]);
		// Records only by default: the failure entry is not mixed into them.
		const recordsOnly = await callPaged('sales.StockSync.batchCalcStock');
		expect(jsonOf(recordsOnly.outputs[0])).toEqual(data.success_date);
	});

	it('a method outside the catalog with two unknown lists: Paged Query names them and suggests turning it off', async () => {
		fake.server.reply(() => ({
			body: { status: 0, data: { success_list: [{ a: 1 }], fail_list: [] } },
		}));
		const { error } = await callPaged('custom.Unknown.batch');
		expect(error?.message).toMatch(
			/WDT custom\.Unknown\.batch: several lists \(success_list, fail_list\) and no known record list/,
		);
		expect(String(error?.description)).toMatch(/turn Paged Query off/);
	});
});

describe('Parallel Requests', () => {
	/** searchCancel rows from the window in the request: one stockout per minute. */
	const searchCancelServer = (request: ReceivedRequest, delayMs = 20): Promise<FakeReply> => {
		const [params] = JSON.parse(request.body) as Array<{ start_time: string; end_time: string }>;
		const startMs = Date.parse(`${params.start_time.replace(' ', 'T')}+08:00`);
		const endMs = Date.parse(`${params.end_time.replace(' ', 'T')}+08:00`);
		const list: IDataObject[] = [];
		for (let t = startMs; t <= endMs; t += 600_000) {
			const id = Math.floor(t / 600_000) % 1_000_000;
			const cst = new Date(t + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
			list.push({ stockout_id: id, stockout_no: `CK${id}`, status: 5, modified: cst });
		}
		return new Promise((resolve) =>
			setTimeout(
				() =>
					resolve({ body: { status: 0, data: { total_count: list.length, order_list: list } } }),
				delayMs,
			),
		);
	};
	const getManyCancelled = async (parallelRequests: number) =>
		await fake.engine.runNode({
			type: 'wdt',
			parameters: {
				resource: 'salesStockout',
				operation: 'getManyCancelled',
				startTime: '2024-11-21T00:00:00+08:00',
				endTime: '2024-11-21T10:00:00+08:00',
				returnAll: true,
				options: { parallelRequests },
			},
			input: [{}],
			credentials: credentials(),
		});

	it('keeps the output order and the number of calls whatever the parallelism', async () => {
		fake.server.reply((request) => searchCancelServer(request));
		const sequential = await getManyCancelled(1);
		const calls = fake.server.requests.length;
		fake.server.requests.length = 0;
		const parallel = await getManyCancelled(4);
		expect(parallel.error).toBeUndefined();
		expect(calls).toBe(10);
		expect(fake.server.requests).toHaveLength(calls);
		expect(jsonOf(parallel.outputs[0])).toEqual(jsonOf(sequential.outputs[0]));
		expect(jsonOf(parallel.outputs[0])).toHaveLength(61);
	});

	it('a busy hour long past is paged in parallel: never more requests than asked, every order once, page 0 once', async () => {
		// 1,000 orders in one hour of 2024: ten pages of 100, sorted by modified.
		const orders = Array.from({ length: 1000 }, (_, i) => ({
			trade_id: i + 1,
			trade_no: `JY${i + 1}`,
			modified: `2024-11-21 09:${String(Math.floor(i / 20)).padStart(2, '0')}:${String((i % 20) * 3).padStart(2, '0')}`,
		}));
		let inFlight = 0;
		let peak = 0;
		fake.server.reply(async (request) => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			const pageNo = Number(request.query.page_no);
			const pageSize = Number(request.query.page_size);
			await new Promise((resolve) => setTimeout(resolve, 30));
			inFlight--;
			const order = orders.slice(pageNo * pageSize, (pageNo + 1) * pageSize);
			return { body: { status: 0, data: { total_count: orders.length, order } } };
		});
		const run = async (parallelRequests: number) =>
			await fake.engine.runNode({
				type: 'wdt',
				parameters: {
					resource: 'salesOrder',
					operation: 'getMany',
					startTime: '2024-11-21T09:00:00+08:00',
					endTime: '2024-11-21T10:00:00+08:00',
					returnAll: true,
					options: { parallelRequests },
				},
				input: [{}],
				credentials: credentials(),
			});
		const sequential = await run(1);
		expect(sequential.error).toBeUndefined();
		expect(peak).toBe(1);
		expect(fake.server.requests.map((request) => Number(request.query.page_no))).toEqual([
			0, 9, 8, 7, 6, 5, 4, 3, 2, 1,
		]);
		fake.server.requests.length = 0;
		peak = 0;
		const parallel = await run(4);
		expect(parallel.error).toBeUndefined();
		expect(peak).toBe(4);
		expect(fake.server.requests).toHaveLength(10);
		expect(fake.server.requests.filter((request) => request.query.page_no === '0')).toHaveLength(1);
		expect(jsonOf(parallel.outputs[0]).map((order) => order.trade_id)).toEqual(
			orders.map((order) => order.trade_id),
		);
	});

	it('a concurrency-limit reply stops a parallel read like a calls-per-minute limit: nothing is read again', async () => {
		let inFlight = 0;
		let refused = 0;
		let sentAfterRefusal = 0;
		fake.server.reply(async (request) => {
			if (refused > 0) sentAfterRefusal++;
			if (inFlight > 0) {
				refused++;
				return { body: { status: 100, message: '超过每分钟最大并发次数限制，请稍后重试' } };
			}
			inFlight++;
			try {
				return await searchCancelServer(request, 50);
			} finally {
				inFlight--;
			}
		});
		const sequential = await getManyCancelled(1);
		expect(sequential.error).toBeUndefined();
		expect(refused).toBe(0);
		fake.server.requests.length = 0;

		const parallel = await getManyCancelled(3);
		expect(refused).toBeGreaterThan(0);
		expect(parallel.error?.message).toMatch(/超过每分钟最大并发次数限制/);
		expect(`${parallel.error?.message} ${parallel.error?.description}`).toMatch(/5–10 minutes/);
		// Only the requests already on their way when the first refusal came; none re-read.
		expect(fake.server.requests.length).toBeLessThanOrEqual(3);
		expect(sentAfterRefusal).toBeLessThanOrEqual(2);
	});

	it('a calls-per-minute limit stops the read without hammering and says how far it got', async () => {
		let answered = 0;
		fake.server.reply(async (request) => {
			if (answered++ >= 2)
				return { body: { status: 100, message: '超过每分钟最大调用频率限制，请稍后重试' } };
			return await searchCancelServer(request, 50);
		});
		const { error } = await getManyCancelled(3);
		expect(error?.message).toMatch(/超过每分钟最大调用频率限制|rate-limited this API key/);
		expect(error?.message).toMatch(/Read so far: .*window/);
		expect(`${error?.message} ${error?.description}`).toMatch(/5–10 minutes/);
		expect(fake.server.requests.length).toBeLessThanOrEqual(5);
	});
});

describe('Get Many Cancelled on the simulator', () => {
	const rig = useRig();
	const base = Date.parse('2024-11-21T00:00:00+08:00');

	it('Include Details merges queryWithDetail fields and marks the stockouts WDT returned none for, in few calls', async () => {
		rig.sim.addStockout({
			stockoutNo: 'CK1',
			modifiedMs: base + 60_000,
			shopNo: 'shop-own',
			logisticsNo: 'SF1',
		});
		rig.sim.addStockout({ stockoutNo: 'CK2', modifiedMs: base + 120_000, shopNo: 'shop-tb' });
		rig.sim.addStockout({ stockoutNo: 'CK3', modifiedMs: base + 180_000, shopNo: 'shop-own' });
		rig.sim.addStockout({ stockoutNo: 'CK4', modifiedMs: base + 240_000, shopNo: 'shop-own' });
		// searchCancel returns a stockout in its current state, here completed (110).
		rig.sim.addStockout({
			stockoutNo: 'CK5',
			modifiedMs: base + 300_000,
			shopNo: 'shop-own',
			status: 110,
			cancelled: true,
		});
		hideStockoutDetailsOfShops(rig.sim, ['shop-tb']);
		const { outputs, error } = await rig.run(
			{
				resource: 'salesStockout',
				operation: 'getManyCancelled',
				startTime: new Date(base).toISOString(),
				endTime: new Date(base + 3_600_000).toISOString(),
				returnAll: true,
				options: { includeDetails: true },
			},
			[{}],
		);
		hideStockoutDetailsOfShops(rig.sim, []);
		expect(error).toBeUndefined();
		const items = jsonOf(outputs[0]);
		expect(items.map((item) => [item.stockout_no, item.details_found])).toEqual([
			['CK1', true],
			['CK2', false],
			['CK3', true],
			['CK4', true],
			['CK5', true],
		]);
		const [found, missing] = items;
		expect(found).toMatchObject({
			stockout_no: 'CK1',
			status: 5,
			order_no: 'CK1',
			shop_no: 'shop-own',
			logistics_no: 'SF1',
			details_found: true,
			modified: '2024-11-21 00:01:00',
			modified_iso: '2024-11-21T00:01:00+08:00',
		});
		expect(found).toHaveProperty('details_list');
		expect(found).toHaveProperty('created_date_iso');
		expect(missing).toMatchObject({ stockout_no: 'CK2', details_found: false });
		expect(String(missing.details_missing_reason)).toMatch(
			/Taobao\/Tmall, Pinduoduo and WDT system-distribution/,
		);
		expect(missing).not.toHaveProperty('order_no');
		expect(items[4]).toMatchObject({ stockout_no: 'CK5', status: 110, order_no: 'CK5' });
		expect(pairsOf(outputs[0])).toEqual([0, 0, 0, 0, 0]);
		// The four cancelled ones of that hour in one window call; then by number, in every status,
		// the one WDT did not return in the window (hidden) and the completed one.
		const everyStatus = {
			status_type: 3,
			status: Object.keys(
				getCatalogMethod('wms.stockout.Sales.queryWithDetail')!.statusTables!.status,
			).join(','),
		};
		const detailCalls = rig.sim.requestsFor('wms.stockout.Sales.queryWithDetail');
		expect(detailCalls.map((r) => r.args)).toEqual([
			[
				{
					start_time: '2024-11-21 00:01:00',
					end_time: '2024-11-21 00:04:00',
					status_type: 3,
					status: '5',
				},
			],
			[{ stockout_no: 'CK2', ...everyStatus }],
			[{ stockout_no: 'CK5', ...everyStatus }],
		]);
	});

	it('output times carry the same +08:00 instant whatever the host and workflow timezone', async () => {
		rig.sim.addStockout({ stockoutNo: 'CK9', modifiedMs: Date.parse('2024-11-21T08:30:05+08:00') });
		const originalTz = process.env.TZ;
		const runIn = async (tz: string) => {
			process.env.TZ = tz;
			try {
				const { outputs, error } = await rig.run(
					{
						resource: 'salesStockout',
						operation: 'getManyCancelled',
						startTime: '2024-11-21T08:00:00+08:00',
						endTime: '2024-11-21T09:00:00+08:00',
						returnAll: true,
					},
					[{}],
					{ timezone: tz },
				);
				expect(error).toBeUndefined();
				return jsonOf(outputs[0]);
			} finally {
				if (originalTz === undefined) delete process.env.TZ;
				else process.env.TZ = originalTz;
			}
		};
		const ny = await runIn('America/New_York');
		const tokyo = await runIn('Asia/Tokyo');
		expect(ny).toEqual(tokyo);
		expect(ny[0]).toMatchObject({
			modified: '2024-11-21 08:30:05',
			modified_iso: '2024-11-21T08:30:05+08:00',
		});
		expect(Date.parse(ny[0].modified_iso as string)).toBe(Date.parse('2024-11-21T00:30:05Z'));
	});

	it("Purchase Apply → Get Many outputs modified_iso and created_iso beside WDT's strings", async () => {
		rig.sim.addPurchaseApply({
			modifiedMs: Date.now() - 60_000,
			details: [{ specNo: 'SPEC001', num: 2 }],
		});
		const { outputs, error } = await rig.run({
			resource: 'purchaseApply',
			operation: 'getMany',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		const [apply] = jsonOf(outputs[0]);
		expect(apply.modified_iso).toBe(`${String(apply.modified).replace(' ', 'T')}+08:00`);
		expect(apply.created_iso).toBe(`${String(apply.created).replace(' ', 'T')}+08:00`);
	});
});
