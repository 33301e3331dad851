/** Sales Order → Push (sales.RawTrade.pushSelf2) through n8n-core's engine against the simulator. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import { PUSHED_ORDER_DEFAULTS } from '../fixtures/pushed-order-defaults';
import { DEFAULT_SELLER, docExamplesFrom, readDocFixture } from '../simulator';
import { addSelfOwnedShop, rawTradeKey } from '../simulator/selfPlatform';
import { jsonOf, pairsOf, useRig } from './rig';

const METHOD = 'sales.RawTrade.pushSelf2';
const rig = useRig();
beforeEach(() => {
	addSelfOwnedShop(rig.sim, 'MALL01');
	addSelfOwnedShop(rig.sim, 'MALL02');
});

const push = (extra: IDataObject = {}) => ({
	resource: 'salesOrder',
	operation: 'push',
	shopNo: { __rl: true, mode: 'list', value: 'MALL01' },
	...extra,
});

/** One spreadsheet row: one line of an order, columns named as WDT's fields. */
const row = (tid: string, oid: string, extra: IDataObject = {}): IDataObject => ({
	tid,
	trade_time: '2024-11-20 10:00:00',
	buyer_nick: 'buyer',
	receiver_name: '张三',
	receiver_area: '北京 北京市 朝阳区',
	receiver_address: '春天街道1号楼101',
	receiver_mobile: '13888888888',
	post_amount: 2,
	discount: 0,
	receivable: 17.6,
	oid,
	goods_no: 'G1',
	spec_no: 'S1',
	goods_name: '杯子',
	num: 3,
	price: 2.5,
	...extra,
});

const calls = () => rig.sim.requestsFor(METHOD);
const sentArgs = (call = 0) => calls()[call].args as [string, IDataObject[], IDataObject[]];

describe('Sales Order → Push', () => {
	it('groups rows by tid into orders, fills the documented defaults, and pairs each order with its rows', async () => {
		const rows = [
			row('T1', 'T1-1'),
			row('T2', 'T2-1', { num: '1.5' }),
			row('T1', 'T1-2', { spec_no: 'S2', price: '4' }),
		];
		const { outputs, error } = await rig.run(push(), rows, { timezone: 'Asia/Shanghai' });
		expect(error).toBeUndefined();
		expect(pairsOf(outputs[0])).toEqual([[0, 2], 1]);
		const out = jsonOf(outputs[0]);
		expect(out.map((o) => [o.tid, o.outcome, o.push_result])).toEqual([
			['T1', 'succeeded', 'created'],
			['T2', 'succeeded', 'created'],
		]);
		expect(out[0]).toMatchObject({ shop_no: 'MALL01', oids: ['T1-1', 'T1-2'], success: true });
		expect(String(out[0].rerun)).toMatch(
			/again updates this order in WDT; it does not create a second one/,
		);

		expect(calls()).toHaveLength(1);
		const [shopNo, trades, lines] = sentArgs();
		expect(shopNo).toBe('MALL01');
		const lineColumns = ['oid', 'goods_no', 'spec_no', 'goods_name', 'num', 'price'];
		const orderColumns = Object.fromEntries(
			Object.entries(rows[0]).filter(([name]) => !lineColumns.includes(name)),
		);
		expect(trades[0]).toEqual({
			...orderColumns,
			...PUSHED_ORDER_DEFAULTS,
			order_count: 2,
			goods_count: 6,
		});
		expect(lines.map((line) => [line.tid, line.oid, line.total_amount])).toEqual([
			['T1', 'T1-1', 7.5],
			['T1', 'T1-2', 12],
			['T2', 'T2-1', 3.75],
		]);
		expect(lines[0]).toEqual({
			tid: 'T1',
			oid: 'T1-1',
			goods_no: 'G1',
			spec_no: 'S1',
			goods_name: '杯子',
			num: 3,
			price: 2.5,
			goods_id: 'G1',
			spec_id: 'S1',
			discount: 0,
			share_discount: 0,
			adjust_amount: 0,
			total_amount: 7.5,
			refund_amount: 0,
			status: 30,
			refund_status: 0,
			remark: '',
			json: '',
		});
		expect(rig.sim.rawTrades.get(rawTradeKey('MALL01', 'T1'))?.lines).toHaveLength(2);
	});

	it('takes lines from the node’s fields, one order per item', async () => {
		const { outputs, error } = await rig.run(
			push({
				linesSource: 'define',
				moreOrderFields: { trade_status: 10, remark: '加急' },
				lines: {
					line: [
						{
							oid: '={{ $json.tid }}-1',
							goods_no: 'G1',
							spec_no: 'S1',
							goods_name: 'Cup',
							num: 2,
							price: 3,
						},
						{
							oid: '={{ $json.tid }}-2',
							goods_no: 'G2',
							spec_no: 'S2',
							goods_name: 'Lid',
							num: 1,
							price: 1,
							discount: '0.5',
						},
					],
				},
			}),
			[row('D1', ''), row('D2', '')],
		);
		expect(error).toBeUndefined();
		expect(pairsOf(outputs[0])).toEqual([0, 1]);
		const [, trades, lines] = sentArgs();
		expect(
			trades.map((trade) => [trade.tid, trade.order_count, trade.trade_status, trade.remark]),
		).toEqual([
			['D1', 2, 10, '加急'],
			['D2', 2, 10, '加急'],
		]);
		expect(lines.map((line) => [line.oid, line.total_amount, line.status])).toEqual([
			['D1-1', 6, 10],
			['D1-2', 0.5, 10],
			['D2-1', 6, 10],
			['D2-2', 0.5, 10],
		]);
	});

	it('an auto-flow warehouse makes auto-flow orders routed there', async () => {
		await rig.run(push({ warehouseNo: { __rl: true, mode: 'list', value: 'WH01' } }), [
			row('W1', 'W1-1'),
		]);
		expect(sentArgs()[1][0]).toMatchObject({ is_auto_wms: true, warehouse_no: 'WH01' });
		const { error } = await rig.run(
			push({ warehouseNo: { __rl: true, mode: 'code', value: 'W'.repeat(41) } }),
			[row('W2', 'W2-1')],
		);
		expect(error?.message).toMatch(
			/^Item 1: Auto-Flow Warehouse \(warehouse_no\) is 41 characters long/,
		);
		expect(calls()).toHaveLength(1);
	});

	it('a re-run updates the same orders (matched by shop and tid) instead of creating them twice', async () => {
		const rows = [row('R1', 'R1-1'), row('R2', 'R2-1')];
		await rig.run(push(), rows);
		const again = await rig.run(push(), [
			row('R1', 'R1-1', { receiver_name: '李四' }),
			row('R2', 'R2-1'),
		]);
		expect(again.error).toBeUndefined();
		expect(jsonOf(again.outputs[0]).map((o) => [o.tid, o.push_result])).toEqual([
			['R1', 'updated'],
			['R2', 'updated'],
		]);
		expect(rig.sim.rawTrades.size).toBe(2);
		const stored = rig.sim.rawTrades.get(rawTradeKey('MALL01', 'R1'));
		expect(stored?.pushes).toBe(2);
		expect(stored?.trade.receiver_name).toBe('李四');
	});

	it.each([
		[100, [100]],
		[101, [100, 1]],
		[250, [100, 100, 50]],
	])(
		'%i orders go in the fewest calls of at most 100 (the page’s advice)',
		async (count, sizes) => {
			const rows = Array.from({ length: count }, (_, i) => row(`B${i}`, `B${i}-1`));
			const { outputs, error } = await rig.run(push(), rows);
			expect(error).toBeUndefined();
			expect(calls().map((call) => (call.args as unknown[][])[1].length)).toEqual(sizes);
			expect(outputs[0]).toHaveLength(count);
			expect(pairsOf(outputs[0])).toEqual(rows.map((_, i) => i));
			expect(rig.sim.rawTrades.size).toBe(count);
		},
	);

	it('sends each shop’s orders in their own calls', async () => {
		const { error } = await rig.run(
			push({ shopNo: { __rl: true, mode: 'code', value: '={{ $json.shop }}' } }),
			[
				row('S1', 'S1-1', { shop: 'MALL01' }),
				row('S2', 'S2-1', { shop: 'MALL02' }),
				row('S3', 'S3-1', { shop: 'MALL01' }),
			],
		);
		expect(error).toBeUndefined();
		expect(
			calls().map((call) => [
				(call.args as unknown[])[0],
				(call.args as IDataObject[][])[1].map((t) => t.tid),
			]),
		).toEqual([
			['MALL01', ['S1', 'S3']],
			['MALL02', ['S2']],
		]);
	});

	describe('rows of one tid are one order of one shop', () => {
		const byShopColumn = push({ shopNo: { __rl: true, mode: 'code', value: '={{ $json.shop }}' } });

		it.each<[string, IDataObject[], INodeParameters, RegExp]>([
			[
				'different shops',
				[row('T1', 'T1-1', { shop: 'MALL01' }), row('T1', 'T1-2', { shop: 'MALL02' })],
				byShopColumn,
				/^Item 2: Shop \(shop_no\) is "MALL02" here but "MALL01" in item 1, a row of the same order \(tid "T1"\)\. A platform order number is one order of one shop/,
			],
			[
				'different receivers',
				[row('T1', 'T1-1'), row('T2', 'T2-1'), row('T1', 'T1-2', { receiver_name: '李四' })],
				push(),
				/^Item 3: Receiver Name \(receiver_name\) is "李四" here but "张三" in item 1, a row of the same order \(tid "T1"\)/,
			],
			[
				'different order times',
				[row('T1', 'T1-1'), row('t1', 'T1-2', { trade_time: '2024-11-20 10:00:01' })],
				push(),
				/^Item 2: Order Time \(trade_time\) is "2024-11-20 10:00:01" here but "2024-11-20 10:00:00" in item 1/,
			],
			[
				'a postcode only a later row gives',
				[row('T1', 'T1-1'), row('T1', 'T1-2', { zip: '100000' })],
				push({ moreOrderFields: { receiver_zip: '={{ $json.zip }}' } }),
				/^Item 2: More Order Fields → Receiver Postcode \(receiver_zip\) is "100000" here but empty in item 1/,
			],
			[
				'different More Order Fields',
				[row('T1', 'T1-1', { flag: 1 }), row('T1', 'T1-2', { flag: 2 })],
				push({ moreOrderFields: { remark_flag: '={{ $json.flag }}' } }),
				/^Item 2: More Order Fields → Remark Flag \(remark_flag\) is "2" here but "1" in item 1/,
			],
		])(
			'refuses rows naming %s before any call, naming the item and the field',
			async (_what, rows, parameters, message) => {
				const { error } = await rig.run(parameters, rows, { timezone: 'Asia/Shanghai' });
				expect(error?.message).toMatch(message);
				expect(calls()).toHaveLength(0);
				expect(rig.sim.rawTrades.size).toBe(0);
			},
		);

		it('with Continue On Fail, the conflicting order is not sent and the others are', async () => {
			const { outputs, error } = await rig.run(
				byShopColumn,
				[
					row('T1', 'T1-1', { shop: 'MALL01' }),
					row('T2', 'T2-1', { shop: 'MALL01' }),
					row('T1', 'T1-2', { shop: 'MALL02' }),
				],
				{ continueOnFail: true },
			);
			expect(error).toBeUndefined();
			const out = jsonOf(outputs[0]);
			expect(out.map((o) => [o.tid, o.outcome])).toEqual([
				['T1', 'not sent'],
				['T2', 'succeeded'],
			]);
			expect(String(out[0].error)).toMatch(
				/^Item 3: Shop \(shop_no\) is "MALL02" here but "MALL01"/,
			);
			expect(out[0].oids).toEqual(['T1-1', 'T1-2']);
			expect(pairsOf(outputs[0])).toEqual([[0, 2], 1]);
			expect(calls().map((call) => (call.args as IDataObject[][])[1].map((t) => t.tid))).toEqual([
				['T2'],
			]);
			expect(rig.sim.rawTrades.get(rawTradeKey('MALL02', 'T1'))).toBeUndefined();
		});

		it('rows that repeat the order values, or leave them empty, make one order', async () => {
			const { outputs, error } = await rig.run(
				push(),
				[
					row('T1', 'T1-1'),
					row('T1', 'T1-2', { receiver_name: '', buyer_nick: ' ', post_amount: '2.0000' }),
					row('t1', 'T1-3'),
				],
				{ timezone: 'Asia/Shanghai' },
			);
			expect(error).toBeUndefined();
			expect(jsonOf(outputs[0]).map((o) => [o.tid, o.outcome, o.oids])).toEqual([
				['T1', 'succeeded', ['T1-1', 'T1-2', 'T1-3']],
			]);
			expect(sentArgs()[1][0]).toMatchObject({ receiver_name: '张三', post_amount: 2 });
		});
	});

	describe('partial failures', () => {
		const mixed = async (options: Parameters<typeof rig.run>[2] = {}) => {
			await rig.run(push(), [row('OLD', 'TAKEN')]);
			rig.sim.clearRequests();
			return await rig.run(
				push(),
				[row('P1', 'P1-1'), row('P2', 'TAKEN'), row('P3', 'P3-1')],
				options,
			);
		};

		it('fail the node with a message saying what was refused and what was pushed', async () => {
			const { error } = await mixed();
			expect(error?.message).toBe(
				'Pushed 2 of 3 orders (P1, P3); WDT refused to push order P2 ("原始子单号重复:TAKEN")',
			);
			expect(error?.description).toMatch(
				/WDT confirmed that this run pushed 2 orders: P1, P3\. They stay pushed/,
			);
			expect(calls()).toHaveLength(1);
		});

		it('with Continue On Fail, every order is an item with its own outcome', async () => {
			const { outputs, error } = await mixed({ continueOnFail: true });
			expect(error).toBeUndefined();
			expect(jsonOf(outputs[0]).map((o) => [o.tid, o.outcome, o.error])).toEqual([
				['P1', 'succeeded', null],
				['P2', 'failed', '原始子单号重复:TAKEN'],
				['P3', 'succeeded', null],
			]);
			expect(pairsOf(outputs[0])).toEqual([0, 1, 2]);
		});

		it('with an error output, the refused order goes there', async () => {
			const { outputs } = await mixed({ onError: 'continueErrorOutput' });
			expect(jsonOf(outputs[0]).map((o) => o.tid)).toEqual(['P1', 'P3']);
			expect(outputs[1]).toHaveLength(1);
			expect(pairsOf(outputs[1])).toEqual([1]);
			expect(JSON.stringify(outputs[1])).toMatch(
				/P2: WDT refused to push it: \\"原始子单号重复:TAKEN\\"/,
			);
		});

		it('counts of sub-orders (a reading of the page) still confirm the orders', async () => {
			rig.sim.replies = { ...rig.sim.replies, pushCounts: 'lines' };
			try {
				const { outputs } = await rig.run(
					push(),
					[row('L1', 'L1-1'), row('L1', 'L1-2'), row('L2', 'L2-1')],
					{
						continueOnFail: true,
					},
				);
				expect(jsonOf(outputs[0]).map((o) => [o.tid, o.outcome])).toEqual([
					['L1', 'succeeded'],
					['L2', 'succeeded'],
				]);
			} finally {
				rig.sim.replies = { ...rig.sim.replies, pushCounts: 'orders' };
			}
		});

		it('the page’s own replies: its normal example updates, its error example fails one order', async () => {
			const page = readDocFixture(METHOD);
			rig.sim.useDocExamples({ methods: [METHOD] });
			try {
				const ok = await rig.run(push(), [row('tid-aqyYHjEldp', 'tid-aqyYHjEldp-0')]);
				expect(jsonOf(ok.outputs[0])[0]).toMatchObject({
					outcome: 'succeeded',
					push_result: 'updated',
				});
				expect(page?.errorReplyExamples?.[0]).toMatchObject({
					data: { error_list: [{ no: 'ceshi20230109002' }] },
				});
				rig.sim.useDocExamples({ methods: [METHOD], kind: 'error' });
				const failed = await rig.run(
					push(),
					[row('ceshi20230109002', 'c-1'), row('ceshi20230109003', 'c-2')],
					{
						continueOnFail: true,
					},
				);
				expect(
					jsonOf(failed.outputs[0]).map((o) => [o.tid, o.outcome, o.error, o.push_result]),
				).toEqual([
					['ceshi20230109002', 'failed', 'XXXXXXXXX', undefined],
					['ceshi20230109003', 'succeeded', null, 'created'],
				]);
			} finally {
				rig.sim.useDocExamples(false);
			}
		});

		it.each([
			[
				'counts that confirm fewer orders than are unlisted',
				{ chg_count: 0, new_count: 1, error_list: [] },
				/counts only 1 created or updated/,
			],
			[
				'an error list naming an order that was not sent',
				{ chg_count: 0, new_count: 2, error_list: [{ no: 'ELSE', error: 'x' }] },
				/names orders that were not sent \(ELSE\)/,
			],
			['no error list', { chg_count: 0, new_count: 2 }, /no error list/],
		])('%s leaves the orders unknown, never pushed', async (_, data, reason) => {
			rig.sim.useDocExamples({
				methods: [METHOD],
				source: docExamplesFrom({ [METHOD]: { status: 0, data } }),
			});
			try {
				const { outputs } = await rig.run(push(), [row('U1', 'U1-1'), row('U2', 'U2-1')], {
					continueOnFail: true,
				});
				for (const out of jsonOf(outputs[0])) {
					expect(out.outcome).toBe('unknown');
					expect(String(out.error)).toMatch(reason);
					expect(out.push_result).toBeUndefined();
				}
			} finally {
				rig.sim.useDocExamples(false);
			}
		});
	});

	it('a lost reply leaves its orders unknown, is never re-sent, and stops the later batches', async () => {
		rig.sim.faults.next('dropAfterWrite', 1, METHOD);
		const rows = Array.from({ length: 101 }, (_, i) => row(`X${i}`, `X${i}-1`));
		const { error } = await rig.run(push(), rows);
		expect(error?.message).toMatch(/^It is not known whether 100 orders were pushed/);
		expect(error?.message).toMatch(/1 order was not sent: X100/);
		expect(calls()).toHaveLength(1);
		expect(rig.sim.rawTrades.size).toBe(100); // WDT did store them: hence "unknown", never "failed"

		rig.sim.faults.next('dropAfterWrite', 1, METHOD);
		const { outputs } = await rig.run(push(), [row('Y1', 'Y1-1')], { continueOnFail: true });
		expect(jsonOf(outputs[0])[0]).toMatchObject({ tid: 'Y1', outcome: 'unknown', success: false });
		expect(String(jsonOf(outputs[0])[0].error)).toMatch(/Unknown outcome: the reply was lost/);
	});

	it('WDT refusing a shop that is not self-owned fails the whole call once', async () => {
		const { error } = await rig.run(
			push({ shopNo: { __rl: true, mode: 'code', value: 'TMALL01' } }),
			[row('N1', 'N1-1')],
		);
		expect(error?.message).toMatch(/WDT refused the whole call: "店铺平台不是自有平台"/);
		expect(calls()).toHaveLength(1);
	});

	it('a shop WDT refuses fails its own call of one order; the next shop’s call is still sent', async () => {
		const { outputs, error } = await rig.run(
			push({ shopNo: { __rl: true, mode: 'code', value: '={{ $json.shop }}' } }),
			[row('N1', 'N1-1', { shop: 'TMALL01' }), row('N2', 'N2-1', { shop: 'MALL01' })],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((o) => [o.tid, o.outcome])).toEqual([
			['N1', 'failed'],
			['N2', 'succeeded'],
		]);
		expect(String(jsonOf(outputs[0])[0].error)).toMatch(/店铺平台不是自有平台/);
		expect(calls().map((call) => (call.args as unknown[])[0])).toEqual(['TMALL01', 'MALL01']);
		expect(rig.sim.rawTrades.get(rawTradeKey('MALL01', 'N2'))).toBeDefined();
	});

	describe('bad input is refused before the first call, naming item and field', () => {
		it.each<[string, IDataObject[], IDataObject, RegExp]>([
			['an empty tid', [row('', 'a')], {}, /^Item 1: Platform Order Number \(tid\) is empty\.$/],
			[
				'an emoji',
				[row('E1', 'E1-1', { receiver_name: 'Ann 😀' })],
				{},
				/^Item 1: Receiver Name \(receiver_name\) contains "😀"/,
			],
			[
				'a long area',
				[row('E1', 'E1-1', { receiver_area: '省'.repeat(41) })],
				{},
				/^Item 1: Receiver Area \(receiver_area\) is 41 characters long; WDT allows at most 40/,
			],
			[
				'a zero quantity',
				[row('E1', 'E1-1'), row('E1', 'E1-2', { num: 0 })],
				{},
				/^Item 2: Quantity \(num\) must be more than 0/,
			],
			[
				'five decimals',
				[row('E1', 'E1-1', { price: '1.23456' })],
				{},
				/^Item 1: Unit Price \(price\) has more than 4 decimal places/,
			],
			[
				// The same check as Product → Create or Update's prices (decimalBounds).
				'a negative price',
				[row('E1', 'E1-1', { price: '-1' })],
				{},
				/^Item 1: Unit Price \(price\) must be at least 0, got "-1"\.$/,
			],
			[
				'a negative fee',
				[row('E1', 'E1-1', { post_amount: -1 })],
				{},
				/^Item 1: Shipping Fee \(post_amount\) must be at least 0/,
			],
			[
				'a hex amount',
				[row('E1', 'E1-1', { receivable: '0x10' })],
				{},
				/^Item 1: Receivable \(receivable\) must be a plain decimal number/,
			],
			[
				'an impossible date',
				[row('E1', 'E1-1', { trade_time: '2024-02-31 10:00:00' })],
				{},
				/^Item 1: Order Time \(trade_time\) .*February 2024 has 29 days/,
			],
			[
				'an unknown code',
				[row('E1', 'E1-1')],
				{ moreOrderFields: { process_status: '={{ 15 }}' } },
				/^Item 1: More Order Fields → Process Status \(process_status\) must be one of 10, 20, 30, 40, 60, 70, got "15"/,
			],
			[
				'a missing goods name',
				[row('E1', 'E1-1', { goods_name: '' })],
				{},
				/^Item 1: Goods Name \(goods_name\) is empty\.$/,
			],
			[
				'an oid used twice',
				[row('E1', 'SAME'), row('E2', 'SAME')],
				{},
				/^Item 2: Sub-Order Number \(oid\) "SAME" is also used by item 1/,
			],
			[
				'an empty shop',
				[row('E1', 'E1-1')],
				{ shopNo: { __rl: true, mode: 'code', value: '={{ $json.none }}' } },
				/^Item 1: Shop \(shop_no\) is empty\.$/,
			],
		])('%s', async (_, rows, extra, message) => {
			const { error } = await rig.run(push(extra), rows);
			expect(error?.message).toMatch(message);
			expect(calls()).toHaveLength(0);
		});

		it('a tid given to two items with lines in the node', async () => {
			const { error } = await rig.run(
				push({
					linesSource: 'define',
					lines: {
						line: [
							{
								oid: '={{ $json.oid }}',
								goods_no: 'G',
								spec_no: 'S',
								goods_name: 'N',
								num: 1,
								price: 1,
							},
						],
					},
				}),
				[row('D', 'D-1'), row('d', 'D-2')],
			);
			expect(error?.message).toMatch(
				/^Item 2: Platform Order Number \(tid\) "d" is also used by item 1; each order needs its own number\.$/,
			);
			expect(calls()).toHaveLength(0);
		});

		it('with Continue On Fail, a bad order is an error item paired with its rows and the others are pushed', async () => {
			const { outputs, error } = await rig.run(
				push(),
				[row('G1', 'G1-1'), row('G2', 'G2-1', { num: 'x' }), row('G2', 'G2-2'), row('G3', 'G3-1')],
				{ continueOnFail: true },
			);
			expect(error).toBeUndefined();
			const out = jsonOf(outputs[0]);
			expect(out.map((o) => [o.tid, o.outcome])).toEqual([
				['G1', 'succeeded'],
				['G2', 'not sent'],
				['G3', 'succeeded'],
			]);
			// The refused order carries its numbers as typed, so a sheet can mark its rows.
			expect(out[1]).toEqual({
				success: false,
				tid: 'G2',
				oids: ['G2-1', 'G2-2'],
				outcome: 'not sent',
				error: expect.stringMatching(/^Item 2: Quantity \(num\)/),
			});
			expect(pairsOf(outputs[0])).toEqual([0, [1, 2], 3]);
			expect(sentArgs()[1].map((t) => t.tid)).toEqual(['G1', 'G3']);
		});

		it('with Continue On Fail, a row without a platform order number is refused with its oid', async () => {
			const { outputs, error } = await rig.run(push(), [row('H1', 'H1-1'), row(' ', 'H2-1')], {
				continueOnFail: true,
			});
			expect(error).toBeUndefined();
			const out = jsonOf(outputs[0]);
			expect(out).toContainEqual({
				success: false,
				oids: ['H2-1'],
				outcome: 'not sent',
				error: expect.stringMatching(/^Item 2: Platform Order Number \(tid\) is empty/),
			});
			expect(sentArgs()[1].map((t) => t.tid)).toEqual(['H1']);
		});
	});

	it('puts no secret in any output or error', async () => {
		const { outputs, error } = await rig.run(
			push({ shopNo: { __rl: true, mode: 'code', value: 'TMALL01' } }),
			[row('Z1', 'Z1-1')],
			{
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		const text = JSON.stringify(outputs);
		for (const secret of [DEFAULT_SELLER.secret, DEFAULT_SELLER.salt, DEFAULT_SELLER.key])
			expect(text).not.toContain(secret);
		expect(text).toMatch(/店铺平台不是自有平台/);
	});
});
