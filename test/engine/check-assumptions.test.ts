/* eslint-disable -- test code, never shipped: the community-node lint rules are for node code. */
/**
 * Account → Check Assumptions through the harness (n8n-core's WorkflowExecute against the
 * simulator over HTTP): the simulator's own behaviour and options (clock, system.Core.now forms,
 * page caps, rate limit, an empty account), and each reading served by crafted replies in
 * doc-example mode where the simulator has no option for it yet. Every request the simulator
 * received is checked to be a read.
 */
import type { IDataObject } from 'n8n-workflow';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { Wdt } from '../../nodes/Wdt/Wdt.node';
import {
	CHECKS,
	checkAssumptions,
	lookBackDays,
	PROBE_CALL_DEADLINE_MS,
	ProbeSession,
	type AssumptionResult,
} from '../../nodes/shared/assumptions';
import { WDT_DEADLINES } from '../../nodes/shared/protocol';
import { createEngine } from '../harness';
import { safeStringify } from '../harness/leak';
import {
	DEFAULT_PAGING,
	DEFAULT_REPLY_CHOICES,
	DEFAULT_SELLER,
	docExamplesFrom,
	RATE_LIMIT_MESSAGE,
	readDocFixture,
	setMasterData,
} from '../simulator';
import { expectOnlyReads as expectReadsOnly } from './assumptions';
import { startHostileServer } from './hostile-server';
import { jsonOf, useRig, warehouseRecord, type Rig } from './rig';

const rig = useRig();
afterEach(() => {
	rig.sim.useDocExamples(false);
	rig.sim.clock.set(Date.now());
	rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
	rig.sim.paging = { ...DEFAULT_PAGING };
	rig.sim.rateLimitPerMinute = undefined;
});

const ASSUMPTION = {
	clock: 0,
	pageSize: 1,
	refundTimes: 2,
	goodsTimes: 3,
	stockTimes: 4,
	warehouseTimes: 5,
	srcTid: 6,
	stockoutStatusType: 7,
	warehouseOnly: 8,
	applyRange: 9,
	status90: 10,
} as const;

async function check(target: Rig = rig, lookBackDays = 7) {
	const result = await target.run({
		resource: 'account',
		operation: 'checkAssumptions',
		lookBackDays,
	});
	expect(result.error).toBeUndefined();
	const items = jsonOf(result.outputs[0]) as unknown as AssumptionResult[];
	expect(items).toHaveLength(CHECKS.length);
	for (const item of result.outputs[0] ?? []) expect(item.pairedItem).toEqual({ item: 0 });
	return items;
}

const expectOnlyReads = (target: Rig = rig) => expectReadsOnly(target);

function expectNoSecrets(items: unknown) {
	const text = safeStringify(items);
	for (const secret of [DEFAULT_SELLER.secret, DEFAULT_SELLER.salt, DEFAULT_SELLER.key])
		expect(text).not.toContain(secret);
	expect(text).not.toMatch(/\b[0-9a-f]{32}\b/);
}

/** A doc-example source answering each method with its replies in turn (the last one repeats). */
function replySequence(replies: Record<string, unknown[]>) {
	const queues = Object.fromEntries(Object.entries(replies).map(([m, list]) => [m, [...list]]));
	return {
		replyExample: (method: string) => {
			const queue = queues[method];
			return queue && queue.length > 1 ? queue.shift() : queue?.[0];
		},
	};
}

const example = (method: string) =>
	structuredClone(readDocFixture(method)?.replyExample) as { status: number; data: any };
const empty = (list: string) => ({ status: 0, data: { total_count: 0, [list]: [] } });

describe('Account → Check Assumptions against the simulator', () => {
	it('reads a demo account only, within the budget, one item per assumption, no secrets', async () => {
		rig.sim.resetData('demo');
		const items = await check();
		expectOnlyReads();
		expectNoSecrets(items);
		for (const item of items) {
			expect(['as assumed', 'differs', 'could not tell']).toContain(item.verdict);
			expect(item.assumption).toMatch(/^[\x20-\x7e–…]+$/);
			expect(item.why.length).toBeGreaterThan(10);
			expect(item.affects.length).toBeGreaterThan(0);
		}
		expect(items[ASSUMPTION.clock]).toMatchObject({ verdict: 'as assumed' });
		expect(items[ASSUMPTION.warehouseTimes]).toMatchObject({
			verdict: 'as assumed',
			reading_found: 'times as text yyyy-MM-dd HH:mm:ss',
		});
		// The demo data has an apply modified after it was created; the simulator filters by modified.
		expect(items[ASSUMPTION.applyRange]).toMatchObject({
			verdict: 'as assumed',
			reading_found: 'the range filters modified time',
		});
		// The simulator's default is the page's reading (no status_type: cancelled only), which the
		// package handles by always sending status_type.
		expect(items[ASSUMPTION.stockoutStatusType]).toMatchObject({
			verdict: 'differs',
			reading_found: 'without status_type only cancelled stockouts are found',
		});
	});

	it('with an empty account says for each check that it could not tell, and why', async () => {
		setMasterData(rig.sim, { warehouses: [] });
		const items = await check();
		expectOnlyReads();
		expect(items[ASSUMPTION.clock].verdict).toBe('as assumed');
		// The stock-sync pending list and batchCalcStock need no records (check-assumptions-flows).
		const needNoRecords = /stock-sync pending list|^batchCalcStock/;
		for (const item of items.slice(1).filter((item) => !needNoRecords.test(item.assumption))) {
			expect(item.verdict, item.assumption).toBe('could not tell');
			expect(item.reading_found).toBe('unknown');
			expect(item.why).toMatch(/^No |No sample/);
		}
		expect(items[ASSUMPTION.refundTimes].why).toBe(
			'No record to look at modified in the last 7 days.',
		);
	});

	it.each([
		[90, 'ahead of'],
		[-100, 'behind'],
	])('measures a clock offset of %i s as within the 120 s WDT accepts', async (seconds, words) => {
		rig.sim.clock.set(Date.now() + seconds * 1000);
		const [clock] = await check();
		expect(clock.verdict).toBe('as assumed');
		expect(clock.reading_found).toContain(words);
		expect(Math.abs((clock.details.offset_seconds as number) - seconds)).toBeLessThanOrEqual(2);
	});

	it('reports a clock more than 120 s off as differs, and stops: every other call would be refused', async () => {
		rig.sim.clock.set(Date.now() + 300_000);
		const items = await check();
		expect(items[0]).toMatchObject({
			verdict: 'differs',
			reading_found: "more than 120 s apart: WDT refused this host's timestamp",
		});
		expect(rig.sim.requests).toHaveLength(1);
		for (const item of items.slice(1)) {
			expect(item.verdict).toBe('could not tell');
			expect(item.why).toMatch(/^Could not tell: stopped: .*timestamp/);
		}
	});

	it.each(['object', 'wdtSeconds', 'unixMs', 'cst'] as const)(
		'reads system.Core.now answered as %s',
		async (form) => {
			rig.sim.replies.coreNowData = form;
			try {
				const [clock] = await check();
				expect(clock.verdict).toBe('as assumed');
				expect(Math.abs(clock.details.offset_seconds as number)).toBeLessThanOrEqual(2);
			} finally {
				rig.sim.replies.coreNowData = 'object';
			}
		},
	);

	describe('the page size actually served', () => {
		const warehouses = (count: number) =>
			setMasterData(rig.sim, {
				warehouses: Array.from({ length: count }, (_, i) =>
					warehouseRecord(i, Date.now() - i * 60_000),
				),
			});

		it('a silent cap of 10 rows a page: differs, saying the rows served', async () => {
			warehouses(30);
			rig.sim.paging.pageCap = 10;
			try {
				const items = await check();
				expect(items[ASSUMPTION.pageSize]).toMatchObject({
					verdict: 'differs',
					reading_found: 'at most 10 rows a page, although 100 were asked',
				});
				expect(items[ASSUMPTION.pageSize].details.samples).toContainEqual({
					method: 'setting.Warehouse.queryWarehouse',
					asked: 100,
					served: 10,
					total: 30,
				});
			} finally {
				delete rig.sim.paging.pageCap;
			}
		});

		it('full pages: as assumed, with the rows each sample was served', async () => {
			warehouses(150);
			const items = await check();
			expect(items[ASSUMPTION.pageSize]).toMatchObject({
				verdict: 'as assumed',
				reading_found: 'full pages of 100 rows',
			});
			expect(items[ASSUMPTION.pageSize].details.samples).toContainEqual({
				method: 'setting.Warehouse.queryWarehouse',
				asked: 100,
				served: 100,
				total: 150,
			});
		});

		it('pages of 100 refused (a smaller maximum): differs', async () => {
			warehouses(5);
			rig.sim.paging.maxPageSize = 50;
			try {
				const items = await check();
				expect(items[ASSUMPTION.pageSize]).toMatchObject({
					verdict: 'differs',
					reading_found: 'pages of 100 rows are refused',
				});
			} finally {
				rig.sim.paging.maxPageSize = 100;
			}
		});
	});

	it("stops at WDT's rate limit and says so for every check not yet done", async () => {
		rig.sim.resetData('demo');
		rig.sim.rateLimitPerMinute = 1;
		try {
			const items = await check();
			const limited = rig.sim.requests.findIndex(
				(request) => request.message === RATE_LIMIT_MESSAGE,
			);
			expect(rig.sim.requests[limited].method, 'the second call of a method').toBe(
				'sales.TradeQuery.queryWithDetail',
			);
			expect(rig.sim.requests, 'nothing is sent after the limit').toHaveLength(limited + 1);
			const stopped = items.filter((item) => /stopped at WDT's rate limit/.test(item.why));
			expect(stopped.length).toBeGreaterThan(0);
			expect(items.at(-1)!.verdict).toBe('could not tell');
			expect(items[ASSUMPTION.clock].verdict, 'what was learned is kept').toBe('as assumed');
		} finally {
			rig.sim.rateLimitPerMinute = undefined;
		}
	});

	it('stops at a concurrency-limit reply the same way', async () => {
		rig.sim.resetData('demo');
		rig.sim.useDocExamples({
			methods: ['aftersales.refund.Refund.search'],
			source: docExamplesFrom({
				'aftersales.refund.Refund.search': {
					status: 5,
					message: '超过每分钟最大并发次数限制，请稍后重试',
				},
			}),
		});
		const items = await check();
		const count = rig.sim.requests.length;
		expect(rig.sim.requests.at(-1)!.method).toBe('aftersales.refund.Refund.search');
		expect(count).toBe(2);
		for (const item of items.slice(1))
			expect(item.why).toMatch(/stopped at WDT's concurrency limit/);
	});
});

describe('each reading, served by crafted replies (doc-example mode)', () => {
	const serve = (replies: Record<string, unknown[]>) =>
		rig.sim.useDocExamples({ methods: Object.keys(replies), source: replySequence(replies) });

	it("the pages' own reply examples send millisecond times: refund, goods, stock and warehouse differ", async () => {
		rig.sim.useDocExamples({
			methods: [
				'aftersales.refund.Refund.search',
				'goods.Goods.queryWithSpec',
				'wms.StockSpec.search2',
				'setting.Warehouse.queryWarehouse',
			],
		});
		const items = await check();
		expectOnlyReads();
		for (const index of [
			ASSUMPTION.refundTimes,
			ASSUMPTION.goodsTimes,
			ASSUMPTION.stockTimes,
			ASSUMPTION.warehouseTimes,
		]) {
			expect(items[index].verdict, items[index].assumption).toBe('differs');
			expect(items[index].reading_found).toContain('milliseconds (a number)');
		}
		expect(items[ASSUMPTION.refundTimes].details.forms_by_field).toMatchObject({
			modified: { ms: 1 },
			modified_date: { text: 1 },
		});
		expect(items[ASSUMPTION.goodsTimes].details.forms_by_field).toMatchObject({
			goods_modified: { ms: 1 },
		});
	});

	it.each([
		['text', '2026-12-01 10:00:00', 'times as text yyyy-MM-dd HH:mm:ss', 'as assumed'],
		['seconds', 1764554400, 'times as seconds (a number)', 'differs'],
		['msText', '1764554400000', 'times as milliseconds as a numeric string', 'differs'],
		['secondsText', '1764554400', 'times as seconds as a numeric string', 'differs'],
	])('warehouse times as %s', async (_form, value, reading, verdict) => {
		const reply = example('setting.Warehouse.queryWarehouse');
		reply.data.details[0].modified = value;
		reply.data.details[0].created = value;
		serve({ 'setting.Warehouse.queryWarehouse': [reply] });
		const items = await check();
		expect(items[ASSUMPTION.warehouseTimes]).toMatchObject({ reading_found: reading, verdict });
	});

	describe('src_tid: exact or loose', () => {
		const TRADE = 'sales.TradeQuery.queryWithDetail';
		const found = () => example(TRADE);
		const none = () => empty('order');
		it.each([
			['exact', [found(), none(), found()], 'as assumed', /^exact with accurate_query=1/],
			['loose even with the flag', [found(), found(), found()], 'differs', /^loose: .*ignored/],
		])('%s', async (_reading, replies, verdict, reading) => {
			serve({ [TRADE]: replies });
			const items = await check();
			expect(items[ASSUMPTION.srcTid]).toMatchObject({ verdict });
			expect(items[ASSUMPTION.srcTid].reading_found).toMatch(reading);
			const sent = rig.sim.requestsFor(TRADE).map((request) => (request.args as IDataObject[])[0]);
			// The last hour's sample, then part of the number and the whole number, both with the flag.
			expect(sent.slice(1)).toEqual([
				{ src_tid: 'zd20230108', accurate_query: 1 },
				{ src_tid: 'zd2023010898998', accurate_query: 1 },
			]);
		});

		it('the whole number not found with the flag: could not tell, the lookup itself is doubtful', async () => {
			serve({ [TRADE]: [found(), none(), none()] });
			const items = await check();
			expect(items[ASSUMPTION.srcTid]).toMatchObject({ verdict: 'could not tell' });
			expect(items[ASSUMPTION.srcTid].why).toMatch(/not found by its own platform order number/);
		});
	});

	describe('stockout by number with and without status_type; consign_time on status 90', () => {
		const STOCKOUT = 'wms.stockout.Sales.queryWithDetail';
		const sample = (consignTime: string | undefined) => {
			const reply = example(STOCKOUT);
			const shipped = reply.data.order[0];
			const delayed = { ...structuredClone(shipped), order_no: 'CK202505096', status: 90 };
			if (consignTime === undefined) delete delayed.consign_time;
			else delayed.consign_time = consignTime;
			reply.data.order.push(delayed);
			reply.data.total_count = 2;
			return reply;
		};
		it.each([
			[
				'every status without status_type',
				true,
				'as assumed',
				'without status_type every status is searched',
			],
			[
				'cancelled only without status_type',
				false,
				'differs',
				'without status_type only cancelled stockouts are found',
			],
		])('%s', async (_reading, foundWithout, verdict, reading) => {
			serve({
				[STOCKOUT]: [
					sample(undefined),
					foundWithout ? example(STOCKOUT) : empty('order'),
					example(STOCKOUT),
				],
			});
			const items = await check();
			expect(items[ASSUMPTION.stockoutStatusType]).toMatchObject({
				verdict,
				reading_found: reading,
			});
			const sent = rig.sim
				.requestsFor(STOCKOUT)
				.map((request) => (request.args as IDataObject[])[0]);
			expect(sent.slice(1)).toEqual([
				{ stockout_no: 'CK202505095' },
				{ stockout_no: 'CK202505095', status_type: 3, status: '110' },
			]);
		});
		it.each([
			[
				'not shipped (no consign_time)',
				undefined,
				'as assumed',
				'status 90 has not shipped (no consign_time)',
			],
			[
				'shipped (consign_time)',
				'2025-05-09 11:04:07',
				'differs',
				'status 90 has shipped (consign_time filled in)',
			],
		])('status 90 %s', async (_reading, consignTime, verdict, reading) => {
			serve({ [STOCKOUT]: [sample(consignTime), example(STOCKOUT)] });
			const items = await check();
			expect(items[ASSUMPTION.status90]).toMatchObject({ verdict, reading_found: reading });
		});
	});

	it.each([
		['refused', { status: 100, message: '开始时间不能为空' }, 'as assumed', 'refused'],
		['allowed', null, 'differs', 'answered: a warehouse alone is accepted'],
	])('search2 with a warehouse only: %s', async (_reading, refusal, verdict, reading) => {
		const STOCK = 'wms.StockSpec.search2';
		rig.sim.resetData('demo');
		serve({ [STOCK]: [example(STOCK), refusal ?? example(STOCK)] });
		const items = await check();
		expect(items[ASSUMPTION.warehouseOnly]).toMatchObject({ verdict, reading_found: reading });
		const sent = rig.sim.requestsFor(STOCK).map((request) => (request.args as IDataObject[])[0]);
		expect(Object.keys(sent[1])).toEqual(['warehouse_no']);
	});

	it.each([
		['modified', true, 'as assumed', 'the range filters modified time'],
		['created', false, 'differs', /^the range does not filter modified time/],
	])('purchase apply search range: %s', async (_reading, aroundModified, verdict, reading) => {
		const APPLY = 'purchase.PurchaseApply.search';
		const apply = example(APPLY) as any;
		apply.order_list[0].modified = '2022-12-14 09:00:00';
		const none = { total_count: 0, order_list: [] };
		serve({ [APPLY]: [apply, aroundModified ? apply : none] });
		const items = await check();
		expect(items[ASSUMPTION.applyRange]).toMatchObject({ verdict });
		expect(items[ASSUMPTION.applyRange].reading_found).toMatch(reading);
		const sent = rig.sim.requestsFor(APPLY).map((request) => (request.args as IDataObject[])[0]);
		// One call: a 2-second window around the modified time, which holds the created time outside.
		expect(sent.slice(1)).toEqual([
			{ start_time: '2022-12-14 08:59:59', end_time: '2022-12-14 09:00:01' },
		]);
	});
});

describe('a server that echoes the sign', () => {
	const shipped = { ...WDT_DEADLINES };
	beforeAll(() => {
		WDT_DEADLINES.readMs = 2_000;
	});
	afterAll(() => Object.assign(WDT_DEADLINES, shipped));

	it('never outputs the secret, salt, key or sign, and stops after two calls without an answer', async () => {
		const server = await startHostileServer();
		try {
			server.behave((request, index) =>
				request.query.method === 'system.Core.now'
					? {
							kind: 'reply',
							body: { status: 0, data: { now: Math.floor(Date.now() / 1000) - 1325347200 } },
						}
					: index < 5
						? {
								kind: 'reply',
								body: {
									status: 100,
									message: `签名 ${request.query.sign} salt ${request.query.salt} ${request.target}`,
								},
							}
						: { kind: 'silent' },
			);
			const engine = createEngine({ nodes: [Wdt] });
			const result = await engine.runNode({
				type: 'wdt',
				parameters: { resource: 'account', operation: 'checkAssumptions' },
				input: [{}],
				credentials: {
					wdtApi: { ...DEFAULT_SELLER, environment: 'custom', baseUrl: server.url },
				},
			});
			expect(result.error).toBeUndefined();
			const items = jsonOf(result.outputs[0]);
			const text = safeStringify(items);
			for (const request of server.requests) {
				expect(text).not.toContain(request.query.sign);
				expect(text).not.toContain(request.query.salt);
			}
			expectNoSecrets(items);
			expect(text).toContain('[hidden]');
			expect(server.requests.length).toBeLessThanOrEqual(7);
			expect(items.at(-1)!.why).toMatch(/stopped after 2 calls without a usable reply/);
		} finally {
			await server.close();
		}
	}, 30_000);
});

describe('the call session (pure)', () => {
	const emptyReply = async () => ({ status: 0, data: { total_count: 0 } });

	it('has a hard budget: after it, every check not done says so, and no call is sent', async () => {
		const sent: string[] = [];
		const items = await checkAssumptions(
			async (call) => {
				sent.push(call.method);
				return call.method === 'system.Core.now'
					? { status: 0, data: { now: Math.floor(Date.now() / 1000) - 1325347200 } }
					: await emptyReply();
			},
			{ maxCalls: 4 },
		);
		expect(sent).toHaveLength(4);
		expect(items.at(-1)!.why).toBe("Could not tell: the run's budget of 4 calls was spent.");
		expect(items[0].verdict).toBe('as assumed');
	});

	it('refuses to send anything but a query method', async () => {
		const session = new ProbeSession(emptyReply);
		for (const method of [
			'purchase.PurchaseApply.upload',
			'purchase.PurchaseApply.cancelForApi',
			'wms.stockother.Out.push',
			'sales.RawTrade.pushSelf2',
		])
			await expect(session.call({ method, args: [] })).rejects.toThrow(/only reads/);
		expect(session.calls).toBe(0);
	});

	it('gives every call its deadline and clamps the look-back to 1–30 days', async () => {
		const deadlines: number[] = [];
		await checkAssumptions(
			async (_call, deadlineMs) => {
				deadlines.push(deadlineMs);
				return await emptyReply();
			},
			{ maxCalls: 2 },
		);
		expect(deadlines).toEqual([PROBE_CALL_DEADLINE_MS, PROBE_CALL_DEADLINE_MS]);
		expect([lookBackDays(0), lookBackDays(7), lookBackDays(365), lookBackDays('x')]).toEqual([
			1, 7, 30, 7,
		]);
	});
});
