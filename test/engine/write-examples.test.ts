/**
 * The write examples in examples/, run by n8n's WorkflowExecute against the simulator over real
 * HTTP, set up as the sticky notes tell a user to: the shop picked, the shop's URL filled in.
 * n8n-nodes-base nodes get the stand-ins of test/harness/stand-ins.ts: Google Sheets reads and
 * updates a FakeSheet, and "my shop" is a local HTTP server that takes some uploads and refuses
 * others. Each example runs again to show what a re-run does.
 */
import type { IDataObject } from 'n8n-workflow';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { executionErrorOf, itemsOf } from '../harness';
import {
	exampleNode,
	FakeSheet,
	readExample,
	withStandIns,
	type Example,
} from '../harness/stand-ins';
import { addSelfOwnedShop, rawTradeKey } from '../simulator/selfPlatform';
import { useRig } from './rig';
import { type ShopAnswer, useShop } from './shopServer';

const PUSH = 'sales.RawTrade.pushSelf2';
const PENDING = 'sales.LogisticsSync.getSyncListExt';
const REPORT = 'sales.LogisticsSync.update';
const rig = useRig();

/** Runs the example with its stand-ins and the rig's credential; it must not fail. */
async function runExample(example: Example, sheet?: FakeSheet) {
	const { engine, workflow } = withStandIns(example, { nodes: [Wdt], sheet });
	const run = await engine.runWorkflow(workflow, { credentials: rig.credentials });
	expect(executionErrorOf(run)).toBeUndefined();
	return { run, json: (node: string) => itemsOf(run, node).map((item) => item.json) };
}

const stickyNote = (example: Example) =>
	String(
		example.nodes.find((node) => node.type === 'n8n-nodes-base.stickyNote')?.parameters.content,
	);

// ---------------------------------------------------------------------------------------------
// sheet-rows-to-orders.json
// ---------------------------------------------------------------------------------------------

describe('examples/sheet-rows-to-orders.json', () => {
	const HEADER = [
		'tid',
		'trade_time',
		'buyer_nick',
		'receiver_name',
		'receiver_area',
		'receiver_address',
		'receiver_mobile',
		'post_amount',
		'order_discount',
		'receivable',
		'oid',
		'goods_no',
		'spec_no',
		'goods_name',
		'num',
		'price',
		'push_status',
		'push_message',
	];
	const ORDER_COLUMNS = HEADER.slice(1, HEADER.indexOf('oid'));

	/** The order columns of an order's first row. */
	const orderOf = (buyer: string, receivable: number): IDataObject => ({
		trade_time: '2024-11-20 10:00:00',
		buyer_nick: buyer,
		receiver_name: '李雷',
		receiver_area: '广东省 深圳市 南山区',
		receiver_address: '科技园1号',
		receiver_mobile: '13800000000',
		post_amount: 10,
		order_discount: 5,
		receivable,
	});
	/** A sheet row: one line; the order columns only on the order's first row, as users fill them. */
	const row = (
		tid: string,
		oid: string,
		[goodsNo, specNo, goodsName]: [string, string, string],
		num: number | string,
		price: number | string,
		order: IDataObject = {},
	): IDataObject => ({
		tid,
		...Object.fromEntries(ORDER_COLUMNS.map((column) => [column, ''])),
		...order,
		oid,
		goods_no: goodsNo,
		spec_no: specNo,
		goods_name: goodsName,
		num,
		price,
		push_status: '',
		push_message: '',
	});
	const MUG: [string, string, string] = ['MUG', 'MUG-350', 'Mug 350 ml'];
	const SHIRT: [string, string, string] = ['TS-001', 'TS-001-BLK-M', 'T-shirt black M'];
	const CABLE: [string, string, string] = ['CABLE-C', 'CABLE-C-1M', 'USB-C cable 1 m'];

	const example = readExample('sheet-rows-to-orders.json');
	// Set up as the sticky note says: the self-owned shop picked in Push orders.
	exampleNode(example, 'Push orders').parameters.shopNo = {
		__rl: true,
		mode: 'list',
		value: 'MALL01',
	};

	const storedLines = (tid: string) =>
		rig.sim.rawTrades
			.get(rawTradeKey('MALL01', tid))
			?.lines.map((line) => [line.oid, line.spec_no, line.num, line.price]);

	beforeEach(() => {
		addSelfOwnedShop(rig.sim, 'MALL01');
		// An order pushed before, whose sub-order number a new row reuses by mistake.
		rig.sim.rawTrades.set(rawTradeKey('MALL01', 'OLD'), {
			shopNo: 'MALL01',
			tid: 'OLD',
			trade: { tid: 'OLD' },
			lines: [{ tid: 'OLD', oid: 'OLD-1' }],
			createdMs: rig.sim.clock.now(),
			modifiedMs: rig.sim.clock.now(),
			pushes: 1,
		});
	});

	it('the sticky note lists the sheet’s columns; results go to the row of each oid; failures to Not pushed', () => {
		expect(stickyNote(example)).toContain(HEADER.join(', '));
		expect(stickyNote(example)).toMatch(/Environment\* is \*Test\*/);
		const push = exampleNode(example, 'Push orders');
		expect(push.parameters).toMatchObject({ linesSource: 'inputItems' });
		expect(push.onError).toBe('continueRegularOutput');
		expect(push.credentials?.wdtApi.name).toBe('WDT API (test environment)');
		const write = exampleNode(example, 'Write result to row').parameters;
		expect(write).toMatchObject({ operation: 'update', columns: { matchingColumns: ['oid'] } });
	});

	it('pushes one order per tid with its rows as lines, writes each row’s outcome, and a re-run updates instead of duplicating', async () => {
		const sheet = new FakeSheet(HEADER, [
			row('T1', 'T1-1', MUG, 2, 25, orderOf('Li Lei', 114.8)),
			row('T2', 'T2-1', CABLE, 3, 9.9, orderOf('Han Meimei', 34.7)),
			row('T1', 'T1-2', SHIRT, 1, 59.8),
			row('T3', 'OLD-1', MUG, 1, 25, orderOf('Lin Tao', 30)),
			row('T4', 'T4-1', SHIRT, 1, 'abc', orderOf('Jim', 64.8)),
		]);

		const first = await runExample(example, sheet);
		// One call: the orders whose rows are valid; T4's row is refused before it.
		const calls = rig.sim.requestsFor(PUSH);
		expect(calls).toHaveLength(1);
		const [shopNo, trades] = calls[0].args as [string, IDataObject[]];
		expect(shopNo).toBe('MALL01');
		expect(trades.map((trade) => [trade.tid, trade.order_count])).toEqual([
			['T1', 2],
			['T2', 1],
			['T3', 1],
		]);
		// The order columns come from the first row of each order.
		expect(rig.sim.rawTrades.get(rawTradeKey('MALL01', 'T1'))?.trade).toMatchObject({
			buyer_nick: 'Li Lei',
			receiver_area: '广东省 深圳市 南山区',
			post_amount: 10,
			discount: 5,
			receivable: 114.8,
			trade_time: '2024-11-20 10:00:00',
		});
		expect(storedLines('T1')).toEqual([
			['T1-1', 'MUG-350', 2, 25],
			['T1-2', 'TS-001-BLK-M', 1, 59.8],
		]);
		expect(storedLines('T2')).toEqual([['T2-1', 'CABLE-C-1M', 3, 9.9]]);
		expect(rig.sim.rawTrades.has(rawTradeKey('MALL01', 'T3'))).toBe(false);
		expect(rig.sim.rawTrades.size).toBe(3);

		// Each row gets its order's outcome; the row refused before sending, "not sent" and why.
		expect(sheet.column('push_status')).toEqual([
			'succeeded',
			'succeeded',
			'succeeded',
			'failed',
			'not sent',
		]);
		expect(sheet.column('push_message').slice(0, 4)).toEqual([
			'created',
			'created',
			'created',
			'原始子单号重复:OLD-1',
		]);
		expect(sheet.column('push_message')[4]).toMatch(/^Item 5: Unit Price \(price\) /);
		const notPushed = first.json('Not pushed');
		expect(notPushed.map((item) => [item.tid, item.outcome])).toEqual([
			['T3', 'failed'],
			['T4', 'not sent'],
		]);
		expect(notPushed[1].error).toMatch(/^Item 5: Unit Price \(price\) /);

		// Run again unchanged: T1 and T2 are updated, not duplicated.
		rig.sim.clearRequests();
		await runExample(example, sheet);
		expect(rig.sim.requestsFor(PUSH)).toHaveLength(1);
		expect(rig.sim.rawTrades.size).toBe(3);
		expect(rig.sim.rawTrades.get(rawTradeKey('MALL01', 'T1'))?.pushes).toBe(2);
		expect(storedLines('T1')).toHaveLength(2);
		expect(sheet.column('push_message').slice(0, 3)).toEqual(['updated', 'updated', 'updated']);

		// The user fixes T3's sub-order number and T4's price; everything is pushed.
		sheet.rows[3].oid = 'T3-1';
		sheet.rows[4].price = 59.8;
		rig.sim.clearRequests();
		const third = await runExample(example, sheet);
		expect(rig.sim.rawTrades.size).toBe(5);
		expect(storedLines('T3')).toEqual([['T3-1', 'MUG-350', 1, 25]]);
		expect(storedLines('T4')).toEqual([['T4-1', 'TS-001-BLK-M', 1, 59.8]]);
		expect(sheet.column('push_status')).toEqual(Array(5).fill('succeeded'));
		// WDT counts new and changed orders per call, not per order.
		expect(sheet.column('push_message')).toEqual(Array(5).fill('created or updated'));
		expect(third.json('Not pushed')).toEqual([]);
	});
});

// ---------------------------------------------------------------------------------------------
// pending-logistics-to-shop.json
// ---------------------------------------------------------------------------------------------

describe('examples/pending-logistics-to-shop.json', () => {
	const GET = 'Get pending tracking numbers';
	const shop = useShop();
	const example = readExample('pending-logistics-to-shop.json');

	/** A tracking number WDT has not yet synced to the shop, as the page lists its fields. */
	const pending = (syncId: number, tid: string, logisticsNo: string, oids = '') =>
		rig.sim.records(PENDING).add(
			{
				sync_id: syncId,
				tid,
				logistics_no: logisticsNo,
				logistics_code: 'SF',
				logistics_name: '顺丰速运',
				is_part_sync: oids ? 1 : 0,
				oids,
				trade_id: 9000 + syncId,
				platform_id: 127,
			},
			{ modifiedMs: Date.parse('2024-11-20T10:00:00+08:00') + syncId * 1000 },
		);
	const pendingIds = () =>
		rig.sim
			.records(PENDING)
			.select(rig.sim, {})
			.map((record) => record.sync_id);
	const uploads = () =>
		shop.requests
			.map(({ method, url, body }): IDataObject => ({ method, url, ...body }))
			.sort((a, b) => String(a.order_no).localeCompare(String(b.order_no)));
	const reports = () => rig.sim.requestsFor(REPORT).map((call) => (call.args as unknown[])[0]);

	beforeAll(() => {
		// Set up as the sticky note says: the shop's endpoint in Send to my shop.
		exampleNode(example, 'Send to my shop').parameters.url = `${shop.url}/api/shipments`;
	});

	it('the sticky note says what each answer of the shop reports, and to start in the test environment', () => {
		const note = stickyNote(example);
		expect(note).toMatch(/Environment\* is \*Test\*/);
		expect(note).toContain('{ order_no, tracking_number, carrier_code, carrier_name, line_ids }');
		const request = exampleNode(example, 'Send to my shop');
		expect(request.onError).toBe('continueRegularOutput');
		expect(request.parameters.options).toMatchObject({
			response: { response: { fullResponse: true, neverError: true } },
		});
		expect(exampleNode(example, GET).parameters).toMatchObject({ returnAll: true });
	});

	it('uploads each pending tracking number, reports synced, failed or sync again per sync_id, and never twice', async () => {
		pending(301, 'SHOP-1001', 'SF1001');
		pending(302, 'SHOP-1002', 'SF1002', 'SHOP-1002-1,SHOP-1002-3');
		pending(303, 'SHOP-1003', 'SF1003');
		pending(304, 'SHOP-1004', 'SF1004');
		pending(305, 'SHOP-1005', 'SF1005');
		const answers: Record<string, ShopAnswer> = {
			'SHOP-1001': { status: 201, body: { id: 'shipment-1' } },
			'SHOP-1003': { status: 404, body: { message: 'Order SHOP-1003 is cancelled' } },
			'SHOP-1004': { status: 503, body: { message: 'Try again later' } },
			'SHOP-1005': 'drop',
		};
		shop.answer = (body) => answers[String(body.order_no)] ?? { status: 200, body: { ok: true } };

		const first = await runExample(example);
		const upload = (orderNo: string, trackingNo: string, lineIds = '') => ({
			method: 'POST',
			url: '/api/shipments',
			order_no: orderNo,
			tracking_number: trackingNo,
			carrier_code: 'SF',
			carrier_name: '顺丰速运',
			line_ids: lineIds,
		});
		expect(uploads()).toEqual([
			upload('SHOP-1001', 'SF1001'),
			upload('SHOP-1002', 'SF1002', 'SHOP-1002-1,SHOP-1002-3'),
			upload('SHOP-1003', 'SF1003'),
			upload('SHOP-1004', 'SF1004'),
			upload('SHOP-1005', 'SF1005'),
		]);
		expect(reports()).toEqual([
			[
				{ sync_id: 301, status: 0, error_msg: '' },
				{ sync_id: 302, status: 0, error_msg: '' },
				{
					sync_id: 303,
					status: 2,
					error_msg: 'Shop answered HTTP 404: Order SHOP-1003 is cancelled',
				},
				{ sync_id: 304, status: -100, error_msg: 'Shop answered HTTP 503: Try again later' },
				{ sync_id: 305, status: -100, error_msg: 'No reply from the shop' },
			],
		]);
		expect(first.json('Report result to WDT').map((item) => [item.sync_id, item.outcome])).toEqual([
			[301, 'succeeded'],
			[302, 'succeeded'],
			[303, 'succeeded'],
			[304, 'succeeded'],
			[305, 'succeeded'],
		]);
		// Synced and failed records leave WDT's list; Sync Again keeps them.
		expect(pendingIds()).toEqual([304, 305]);

		// The next run sends and reports only those two; the shop takes them now.
		shop.requests.length = 0;
		shop.answer = () => ({ status: 200, body: { ok: true } });
		rig.sim.clearRequests();
		await runExample(example);
		expect(uploads().map((request) => request.order_no)).toEqual(['SHOP-1004', 'SHOP-1005']);
		expect(reports()).toEqual([
			[
				{ sync_id: 304, status: 0, error_msg: '' },
				{ sync_id: 305, status: 0, error_msg: '' },
			],
		]);
		expect(pendingIds()).toEqual([]);

		// Nothing pending: nothing is sent to the shop or reported again.
		shop.requests.length = 0;
		rig.sim.clearRequests();
		const third = await runExample(example);
		expect(rig.sim.requestsFor(PENDING)).toHaveLength(1);
		expect(third.json(GET)).toEqual([]);
		expect(shop.requests).toEqual([]);
		expect(reports()).toEqual([]);
	});
});
