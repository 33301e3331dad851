/** Other Out → Create (wms.stockother.Out.push) through n8n-core's engine against the simulator. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { docExamplesFrom, failOtherOutReview } from '../simulator';
import { jsonOf, pairsOf, useRig } from './rig';

const rig = useRig();
const METHOD = 'wms.stockother.Out.push';

const create = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'otherOut',
	operation: 'create',
	warehouseNo: 'WH01',
	lines: { line: [{ specNo: 'TS-001', num: 2 }] },
	...extra,
});
const fromRows = (extra: INodeParameters = {}): INodeParameters =>
	create({ linesSource: 'inputItems', specNoColumn: 'sku', numColumn: 'qty', ...extra });
const pushes = () => rig.sim.requestsFor(METHOD);
const sentArgs = (at: number) => pushes()[at].args as [IDataObject, IDataObject[]];

describe('Other Out → Create', () => {
	it('creates one order per item from lines in the node, with derived numbers', async () => {
		const { outputs, error } = await rig.run(
			create({
				warehouseNo: '={{ $json.wh }}',
				isCheck: true,
				reason: '样品出库',
				orderFields: { logistics_no: 'SF123', receiver_name: '张三' },
				lines: {
					line: [
						{ specNo: '={{ $json.sku }}', num: '={{ $json.qty }}', batchNo: 'B1' },
						{ specNo: 'MUG-350', num: 1, remark: '易碎' },
					],
				},
			}),
			[
				{ wh: 'WH01', sku: 'TS-001', qty: '3' },
				{ wh: 'WH02', sku: 'CABLE-C', qty: 5 },
			],
		);
		expect(error).toBeUndefined();
		const created = jsonOf(outputs[0]);
		expect(pairsOf(outputs[0])).toEqual([0, 1]);
		expect(pushes()).toHaveLength(2);
		const [order, details] = sentArgs(0);
		expect(order).toEqual({
			warehouse_no: 'WH01',
			outer_no: expect.stringMatching(/^N.+-[0-9A-Z]{3}-1$/),
			reason: '样品出库',
			logistics_no: 'SF123',
			receiver_name: '张三',
			is_check: true,
		});
		expect(details).toEqual([
			{ spec_no: 'TS-001', num: 3, batch_no: 'B1' },
			{ spec_no: 'MUG-350', num: 1, remark: '易碎' },
		]);
		expect(created[0]).toMatchObject({
			outcome: 'succeeded',
			other_out_no: order.outer_no,
			requested_other_out_no: order.outer_no,
			warehouse_no: 'WH01',
		});
		for (const item of created)
			expect(rig.sim.otherOuts.get(String(item.other_out_no))?.status).toBe(20); // 已审核
		expect(rig.sim.otherOuts.get(String(created[1].other_out_no))?.warehouseNo).toBe('WH02');
	});

	it('groups spreadsheet rows into orders by a column', async () => {
		const rows = [
			{ key: 'A', sku: 'TS-001', qty: 1, lot: 'L1', note: '' },
			{ key: 'B', sku: 'MUG-350', qty: '2', lot: '', note: 'x' },
			{ key: 'a', sku: 'CABLE-C', qty: 4, lot: 'L2', note: '' },
		];
		const { outputs, error } = await rig.run(
			fromRows({
				groupByColumn: 'key',
				batchNoColumn: 'lot',
				lineRemarkColumn: 'note',
				outerNo: '={{ "OUT-" + $json.key.toUpperCase() }}',
			}),
			rows,
		);
		expect(error).toBeUndefined();
		expect(pairsOf(outputs[0])).toEqual([[0, 2], 1]); // keys compared ignoring case, as WDT does
		expect(jsonOf(outputs[0]).map((o) => o.other_out_no)).toEqual(['OUT-A', 'OUT-B']);
		expect(sentArgs(0)[1]).toEqual([
			{ spec_no: 'TS-001', num: 1, batch_no: 'L1' },
			{ spec_no: 'CABLE-C', num: 4, batch_no: 'L2' },
		]);
		expect(sentArgs(1)[1]).toEqual([{ spec_no: 'MUG-350', num: 2, remark: 'x' }]);
		expect(rig.sim.otherOuts.get('OUT-A')?.status).toBe(10); // not reviewed: 待审核
	});

	it('lets WDT number the order when asked', async () => {
		const { outputs } = await rig.run(create({ numberWhenEmpty: 'wdt' }));
		expect(sentArgs(0)[0]).not.toHaveProperty('outer_no');
		const [created] = jsonOf(outputs[0]);
		expect(created.other_out_no).toMatch(/^QC\d{8}\d{4}$/);
		expect(created).not.toHaveProperty('requested_other_out_no');
	});

	it('a re-run with the same number is refused by WDT, so nothing is created twice', async () => {
		const first = await rig.run(create({ outerNo: 'MY-OUT-1' }));
		expect(first.error).toBeUndefined();
		const again = await rig.run(create({ outerNo: 'my-out-1' }));
		expect(again.error?.message).toMatch(
			/^WDT refused to create other-out order my-out-1 \(WDT refused the whole call: "外部单号重复!"/,
		);
		expect(again.error?.description).toMatch(
			/WDT already has an order with this number, for example from an earlier run of this execution\./,
		);
		expect(rig.sim.otherOuts.size).toBe(1);
		expect(pushes()).toHaveLength(2);
	});

	it('a re-run of the same execution re-sends its derived number, and WDT refuses it', async () => {
		const first = await rig.run(create());
		const derived = String(jsonOf(first.outputs[0])[0].other_out_no);
		expect(derived).toMatch(/^N.+-[0-9A-Z]{3}-1$/);
		// The harness gives every run a new execution id, so the re-sent number is given here.
		const { outputs } = await rig.run(create({ outerNo: derived }), [{}], {
			onError: 'continueErrorOutput',
		});
		expect(jsonOf(outputs[1])[0].error).toMatch(
			/: WDT refused to create it: .*外部单号重复!.*\(WDT already has an order with this number/,
		);
		expect(pairsOf(outputs[1])).toEqual([0]);
		expect(rig.sim.otherOuts.size).toBe(1);
	});

	it('data.status 20: created, but its review failed; reported with WDT’s message', async () => {
		failOtherOutReview(rig.sim, 'check_fail 审核成功, 推送WMS失败： 旺店通WMS返回：库存不足');
		try {
			const { outputs, error } = await rig.run(create({ outerNo: 'R20', isCheck: true }));
			expect(error).toBeUndefined();
			expect(jsonOf(outputs[0])[0]).toMatchObject({
				outcome: 'succeeded',
				other_out_no: 'R20',
				review_failed: true,
				wdt_message: expect.stringMatching(/^check_fail/),
			});
			expect(rig.sim.otherOuts.get('R20')?.status).toBe(10);
		} finally {
			failOtherOutReview(rig.sim, undefined);
		}
	});

	describe("the page's own reply examples", () => {
		it.each([
			['reply', { outcome: 'succeeded', other_out_no: 'QC202510100006' }],
			['error', { outcome: 'succeeded', other_out_no: 'XXXXXXXXXX', review_failed: true }],
		] as const)('%s example', async (kind, expected) => {
			rig.sim.useDocExamples({ methods: [METHOD], kind });
			try {
				const { outputs, error } = await rig.run(create({ outerNo: 'stockother_out02' }));
				expect(error).toBeUndefined();
				expect(jsonOf(outputs[0])[0]).toMatchObject(expected);
			} finally {
				rig.sim.useDocExamples(false);
			}
		});

		it('the refusal example ("外部单号重复!") is a failure, routed with Continue On Fail', async () => {
			rig.sim.useDocExamples({
				methods: [METHOD],
				source: docExamplesFrom({ [METHOD]: { status: 100, message: '外部单号重复!' } }),
			});
			try {
				const { outputs, error } = await rig.run(create({ outerNo: 'D1' }), [{}], {
					continueOnFail: true,
				});
				expect(error).toBeUndefined();
				const [failed] = jsonOf(outputs[0]);
				expect(failed).toEqual({
					order_no: 'D1',
					success: false,
					outcome: 'failed',
					error: expect.stringMatching(/^WDT refused the whole call: "外部单号重复!"/),
					error_code: 100,
					requested_other_out_no: 'D1',
				});
				expect(pairsOf(outputs[0])).toEqual([0]);
			} finally {
				rig.sim.useDocExamples(false);
			}
		});

		it('a reply that says neither created nor refused is an unknown outcome', async () => {
			rig.sim.useDocExamples({
				methods: [METHOD],
				source: docExamplesFrom({ [METHOD]: { status: 0, data: { status: 7 } } }),
			});
			try {
				const { error } = await rig.run(create({ outerNo: 'U7' }));
				expect(error?.message).toMatch(
					/^It is not known whether other-out order U7 was created \(check it in WDT before sending it again\)/,
				);
				expect(error?.description).toMatch(/U7: Unknown outcome: .*answered without saying/);
			} finally {
				rig.sim.useDocExamples(false);
			}
		});
	});

	it('a lost reply is an unknown outcome, never sent again, and stops the sending', async () => {
		rig.sim.faults.next('dropAfterWrite', 1, METHOD);
		const { outputs, error } = await rig.run(
			create({ outerNo: '={{ $json.no }}' }),
			[{ no: 'L1' }, { no: 'L2' }],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		// After a lost reply the node stops sending, as every write does: L2 is not sent.
		const [lost, notSent] = jsonOf(outputs[0]);
		expect(lost.error).toMatch(/^Unknown outcome: the reply was lost/);
		expect(lost).toMatchObject({
			order_no: 'L1',
			outcome: 'unknown',
			requested_other_out_no: 'L1',
		});
		expect(notSent).toMatchObject({ order_no: 'L2', outcome: 'not sent' });
		expect(pushes().map((r) => (r.args as IDataObject[])[0].outer_no)).toEqual(['L1']);
		expect(rig.sim.otherOuts.has('L1')).toBe(true); // WDT did create it
	});

	it('with an error output, a bad item goes there and the others are created', async () => {
		const { outputs, error } = await rig.run(
			create({ lines: { line: [{ specNo: '={{ $json.sku }}', num: 1 }] } }),
			[{ sku: 'TS-001' }, { sku: '' }, { sku: 'MUG-350' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(error).toBeUndefined();
		expect(pairsOf(outputs[0])).toEqual([0, 2]);
		expect(jsonOf(outputs[1])[0].error).toMatch(
			/^Item 2: Lines → line 1 → SKU Code \(spec_no\) is empty/,
		);
		expect(pairsOf(outputs[1])).toEqual([1]);
		expect(pushes()).toHaveLength(2);
	});

	const good = { sku: 'TS-001', qty: 1, key: 'K' };
	it.each<[string, INodeParameters, IDataObject[], RegExp]>([
		[
			'an empty warehouse from an expression',
			create({ warehouseNo: '={{ $json.wh }}' }),
			[{ wh: '' }],
			/^Item 1: Warehouse \(warehouse_no\) is empty/,
		],
		[
			'warehouse over 40',
			create({ warehouseNo: 'W'.repeat(41) }),
			[{}],
			/^Item 1: Warehouse \(warehouse_no\) is 41 characters long; WDT allows at most 40/,
		],
		[
			'number over 40',
			create({ outerNo: 'N'.repeat(41) }),
			[{}],
			/^Item 1: Other-Out Number \(outer_no\) is 41 characters long/,
		],
		[
			'emoji in the remark',
			create({ remark: 'ok 😀' }),
			[{}],
			/^Item 1: Remark \(remark\) contains "😀"/,
		],
		[
			'address over 256',
			create({ orderFields: { receiver_address: '路'.repeat(257) } }),
			[{}],
			/^Item 1: Receiver Address \(receiver_address\) is 257 characters long; WDT allows at most 256/,
		],
		['no lines', create({ lines: {} }), [{}], /^Item 1: Lines are empty/],
		[
			'quantity 0 in the second item',
			create({ lines: { line: [{ specNo: 'S', num: '={{ $json.qty }}' }] } }),
			[{ qty: 1 }, { qty: 0 }],
			/^Item 2: Lines → line 1 → Quantity \(num\) must be at least 1/,
		],
		[
			'quantity 1.5 in a row',
			fromRows(),
			[good, { ...good, qty: '1.5' }],
			/^Item 2: Quantity \(num\) must be a positive whole number/,
		],
		[
			'quantity 0x10 in a row',
			fromRows(),
			[{ ...good, qty: '0x10' }],
			/^Item 1: Quantity \(num\) must be a positive whole number/,
		],
		[
			'SKU code over 40 in a row',
			fromRows(),
			[good, good, { ...good, sku: 'S'.repeat(41) }],
			/^Item 3: SKU Code \(spec_no\) is 41 characters long/,
		],
		[
			'a row without the SKU column',
			fromRows(),
			[good, { qty: 1 }],
			/^Item 2: SKU Code Column "sku" is not a field of this item \(fields: qty\)/,
		],
		[
			'a row with an empty group key',
			fromRows({ groupByColumn: 'key' }),
			[good, { ...good, key: '' }],
			/^Item 2: Group By Column "key" is empty in this row/,
		],
		[
			'two items with one number',
			create({ outerNo: '={{ $json.no }}' }),
			[{ no: 'X1' }, { no: 'x1' }],
			/^Item 2: Other-Out Number \(outer_no\) "x1" is also used by item 1/,
		],
	])(
		'refuses %s before any call, naming item and field',
		async (_what, parameters, input, message) => {
			const { error } = await rig.run(parameters, input);
			expect(error?.message).toMatch(message);
			expect(rig.sim.requests).toHaveLength(0);
		},
	);
});
