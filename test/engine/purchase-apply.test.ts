import { describe, expect, it } from 'vitest';

import { toWdtTime } from '../../nodes/shared/protocol';
import { jsonOf, pairsOf, useRig } from './rig';

const rig = useRig();

const create = (extra: Record<string, unknown> = {}) => ({
	resource: 'purchaseApply',
	operation: 'create',
	...extra,
});

describe('Purchase Apply → Create', () => {
	it('creates one apply per input item from lines defined in the node', async () => {
		const { outputs, error } = await rig.run(
			create({
				warehouseNo: '={{ $json.wh }}',
				remark: '加急 采购',
				isSubmit: true,
				lines: {
					line: [
						{ specNo: '={{ $json.sku }}', num: '={{ $json.qty }}', providerNo: '', remark: '' },
						{ specNo: 'TS-002', num: 3 },
					],
				},
			}),
			[
				{ wh: 'WH01', sku: 'TS-001', qty: 12 },
				{ wh: 'WH02', sku: 'TS-003', qty: 1 },
			],
		);
		expect(error).toBeUndefined();
		const created = jsonOf(outputs[0]);
		expect(created).toHaveLength(2);
		expect(pairsOf(outputs[0])).toEqual([0, 1]);
		for (const apply of created) {
			const stored = rig.sim.purchaseApplies.get(String(apply.purchase_apply_no));
			expect(stored?.status).toBe(23); // submitted: 待引用
			expect(stored?.remark).toBe('加急 采购');
		}
		expect(created[0]).toMatchObject({
			warehouse_no: 'WH01',
			is_submit: true,
			detail_list: [
				{ spec_no: 'TS-001', num: 12 },
				{ spec_no: 'TS-002', num: 3 },
			],
		});
		const uploads = rig.sim.requestsFor('purchase.PurchaseApply.upload');
		expect(uploads).toHaveLength(2);
		expect(uploads[1].args).toEqual([
			{
				purchase_apply_no: expect.stringMatching(/^N.+-[0-9A-Z]{3}-2$/), // derived: see apply-numbering.test.ts
				warehouse_no: 'WH02',
				remark: '加急 采购',
				is_submit: true,
				detail_list: [
					{ spec_no: 'TS-003', num: 1 },
					{ spec_no: 'TS-002', num: 3 },
				],
			},
		]);
	});

	it('groups spreadsheet rows into applies by a column', async () => {
		const rows = [
			{ key: 'A', sku: 'S1', qty: '5', supplier: 'P1' },
			{ key: 'B', sku: 'S2', qty: 1, supplier: '' },
			{ key: 'A', sku: 'S3', qty: 7, supplier: 'P1' },
		];
		const { outputs, error } = await rig.run(
			create({
				linesSource: 'inputItems',
				warehouseNo: 'WH01',
				specNoColumn: 'sku',
				numColumn: 'qty',
				providerNoColumn: 'supplier',
				groupByColumn: 'key',
				isSubmit: false,
			}),
			rows,
		);
		expect(error).toBeUndefined();
		expect(pairsOf(outputs[0])).toEqual([[0, 2], 1]);
		const [a, b] = jsonOf(outputs[0]);
		expect(a.detail_list).toEqual([
			{ spec_no: 'S1', num: 5, provider_no: 'P1' },
			{ spec_no: 'S3', num: 7, provider_no: 'P1' },
		]);
		expect(b.detail_list).toEqual([{ spec_no: 'S2', num: 1 }]);
		expect(rig.sim.purchaseApplies.get(String(a.purchase_apply_no))?.status).toBe(10); // not submitted: 编辑中
	});

	it('sends the expected arrival in China Standard Time whatever the workflow timezone', async () => {
		for (const timezone of ['UTC', 'America/New_York']) {
			rig.sim.clearRequests();
			await rig.run(
				create({
					expectedTime: '2024-07-01T09:00:00',
					lines: { line: [{ specNo: 'S1', num: 1 }] },
				}),
				[{}],
				{ timezone },
			);
			const sent = rig.sim.requestsFor('purchase.PurchaseApply.upload')[0].args as Array<
				Record<string, unknown>
			>;
			expect(sent[0].expected_time).toBe(
				timezone === 'UTC' ? '2024-07-01 17:00:00' : '2024-07-01 21:00:00',
			);
		}
	});

	it('reports a lost reply as an unknown outcome and never sends the create twice', async () => {
		rig.sim.faults.next('dropAfterWrite', 1, 'purchase.PurchaseApply.upload');
		const { error } = await rig.run(
			create({ purchaseApplyNo: 'MY-0001', lines: { line: [{ specNo: 'S1', num: 1 }] } }),
		);
		expect(error?.message).toMatch(/^It is not known whether purchase apply MY-0001 was created/);
		expect(error?.description).toMatch(/MY-0001: Unknown outcome: the reply was lost/);
		expect(rig.sim.requestsFor('purchase.PurchaseApply.upload')).toHaveLength(1);
		expect(rig.sim.purchaseApplies.has('MY-0001')).toBe(true);
	});

	it.each(['rateLimit', 'html502'] as const)(
		'reports a %s on a write without retrying it',
		async (fault) => {
			rig.sim.faults.next(fault, 1, 'purchase.PurchaseApply.upload');
			const { error } = await rig.run(create({ lines: { line: [{ specNo: 'S1', num: 1 }] } }));
			expect(error).toBeDefined();
			expect(rig.sim.requestsFor('purchase.PurchaseApply.upload')).toHaveLength(1);
			expect(rig.sim.purchaseApplies.size).toBe(0);
		},
	);

	it("says which apply WDT refused, with WDT's message and the fix", async () => {
		const { error } = await rig.run(
			create({
				purchaseApplyNo: 'BAD-1',
				warehouseNo: 'WH-X',
				lines: { line: [{ specNo: 'S1', num: 1 }] },
			}),
		);
		expect(error?.message).toMatch(
			/^WDT refused to create purchase apply BAD-1 \(WDT refused the whole call: "仓库不存在"\. .*check the values against WDT's message/,
		);
		expect(error?.description).toMatch(/WDT confirmed none as created in this run/);
	});

	it('with Continue On Fail, a failed apply becomes an error item and the others are created', async () => {
		const { outputs, error } = await rig.run(
			create({
				purchaseApplyNo: '={{ $json.no }}',
				warehouseNo: '={{ $json.wh }}',
				lines: { line: [{ specNo: 'S1', num: 1 }] },
			}),
			[
				{ no: 'NEW-1', wh: 'WH01' },
				{ no: 'BAD-2', wh: 'WH-X' },
				{ no: 'NEW-2', wh: 'WH01' },
			],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		const items = jsonOf(outputs[0]);
		expect(items.map((item) => item.purchase_apply_no ?? 'error')).toEqual([
			'NEW-1',
			'error',
			'NEW-2',
		]);
		expect(String(items[1].error)).toMatch(/仓库不存在/);
		expect(pairsOf(outputs[0])).toEqual([0, 1, 2]);
	});
});

describe('Purchase Apply → Cancel and Stop', () => {
	it('deduplicates numbers across items, batches them, and pairs one item per number', async () => {
		for (const no of ['A1', 'A2', 'A3', 'A4'])
			rig.sim.addPurchaseApply({ purchaseApplyNo: no, status: 'editing' });
		const { outputs, error } = await rig.run(
			{
				resource: 'purchaseApply',
				operation: 'cancel',
				orderNumbers: '={{ $json.nos }}',
				options: { batchSize: 3 },
			},
			[{ nos: 'A1, A2' }, { nos: ['A3', 'A1'] }, { nos: 'A4' }],
		);
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((o) => [o.order_no, o.success])).toEqual([
			['A1', true],
			['A2', true],
			['A3', true],
			['A1', true],
			['A4', true],
		]);
		expect(pairsOf(outputs[0])).toEqual([0, 0, 1, 1, 2]);
		const calls = rig.sim.requestsFor('purchase.PurchaseApply.cancelForApi').map((r) => r.args);
		expect(calls).toEqual([[['A1', 'A2', 'A3']], [['A4']]]);
		for (const no of ['A1', 'A2', 'A3', 'A4'])
			expect(rig.sim.purchaseApplies.get(no)?.status).toBe(5);
	});

	it('fails with a message naming which numbers failed and why, and which already succeeded', async () => {
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'OK1', status: 'editing' });
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'BAD1', status: 'referenced' });
		const { error } = await rig.run({
			resource: 'purchaseApply',
			operation: 'cancel',
			orderNumbers: 'OK1,BAD1,MISSING',
		});
		expect(error?.message).toBe(
			'Cancelled 1 of 3 purchase applies (OK1); WDT refused to cancel 2 purchase applies: BAD1 ("采购申请单状态不是编辑中或待确认"), MISSING ("采购申请单不存在")',
		);
		expect(error?.description).toMatch(
			/^WDT confirmed that this run cancelled 1 purchase apply: OK1\. It stays cancelled; nothing was undone\./,
		);
		expect(error?.description).toMatch(
			/may already have been cancelled, for example by an earlier run/,
		);
	});

	it('routes failed numbers to the error output with Continue (using error output)', async () => {
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'OK2', status: 'pendingConfirm' });
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'BAD2', status: 'cancelled' });
		const { outputs, error } = await rig.run(
			{ resource: 'purchaseApply', operation: 'cancel', orderNumbers: '={{ $json.no }}' },
			[{ no: 'OK2' }, { no: 'BAD2' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((o) => o.order_no)).toEqual(['OK2']);
		expect(jsonOf(outputs[1])).toEqual([
			{
				error:
					'BAD2: WDT refused to cancel it: "采购申请单状态不是编辑中或待确认" (WDT cancels only purchase applies that are being edited or are waiting for confirmation; it may already have been cancelled, for example by an earlier run)',
			},
		]);
		expect(pairsOf(outputs[1])).toEqual([1]);
	});

	it('stops partly referenced applies and reports the others', async () => {
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'P25', status: 'partlyReferenced' });
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'P23', status: 'pendingReference' });
		const { outputs, error } = await rig.run(
			{ resource: 'purchaseApply', operation: 'stop', orderNumbers: 'P25,P23' },
			[{}],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0])).toEqual([
			{ order_no: 'P25', success: true, outcome: 'succeeded', error: null, error_code: null },
			{
				order_no: 'P23',
				success: false,
				outcome: 'failed',
				error: '采购申请单状态不是部分引用',
				error_code: 0,
				order_id: rig.sim.purchaseApplies.get('P23')?.applyId,
			},
		]);
		expect(rig.sim.purchaseApplies.get('P25')?.status).toBe(30);
		expect(rig.sim.requestsFor('purchase.PurchaseApply.stopForApi')).toHaveLength(1);
	});

	it('a whole-batch failure stops sending and marks the rest not sent', async () => {
		for (const no of ['B1', 'B2', 'B3'])
			rig.sim.addPurchaseApply({ purchaseApplyNo: no, status: 'editing' });
		rig.sim.faults.next('rateLimit', 1, 'purchase.PurchaseApply.cancelForApi');
		const { outputs } = await rig.run(
			{
				resource: 'purchaseApply',
				operation: 'cancel',
				orderNumbers: 'B1,B2,B3',
				options: { batchSize: 1 },
			},
			[{}],
			{ continueOnFail: true },
		);
		const results = jsonOf(outputs[0]);
		expect(results.map((r) => r.success)).toEqual([false, false, false]);
		expect(String(results[0].error)).toMatch(/超过每分钟最大调用频率限制/);
		expect(String(results[1].error)).toMatch(/Not sent/);
		expect(rig.sim.requestsFor('purchase.PurchaseApply.cancelForApi')).toHaveLength(1);
	});

	it('a lost cancel reply is an unknown outcome, not a success', async () => {
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'L1', status: 'editing' });
		rig.sim.faults.next('drop', 1, 'purchase.PurchaseApply.cancelForApi');
		const { error } = await rig.run({
			resource: 'purchaseApply',
			operation: 'cancel',
			orderNumbers: 'L1',
		});
		expect(error?.message).toMatch(/^It is not known whether purchase apply L1 was cancelled/);
		expect(error?.description).toMatch(/L1: Unknown outcome: the reply was lost/);
		expect(rig.sim.requestsFor('purchase.PurchaseApply.cancelForApi')).toHaveLength(1);
	});
});

describe('Purchase Apply → Get Many', () => {
	it('splits a 45-day range into 30-day windows and outputs applies or lines', async () => {
		const now = rig.sim.clock.now();
		rig.sim.addPurchaseApply({
			purchaseApplyNo: 'OLD',
			modifiedMs: now - 40 * 86_400_000,
			details: [
				{ specNo: 'S1', num: 2 },
				{ specNo: 'S2', num: 3 },
			],
		});
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'NEW', modifiedMs: now - 86_400_000 });
		const range = {
			startTime: new Date(now - 45 * 86_400_000).toISOString(),
			endTime: new Date(now).toISOString(),
		};
		const applies = await rig.run({
			resource: 'purchaseApply',
			operation: 'getMany',
			returnAll: true,
			...range,
		});
		expect(jsonOf(applies.outputs[0]).map((a) => [a.purchase_apply_no, a.status_name])).toEqual([
			['OLD', '待引用'],
			['NEW', '待引用'],
		]);
		expect(rig.sim.requestsFor('purchase.PurchaseApply.search')).toHaveLength(2);
		const lines = await rig.run({
			resource: 'purchaseApply',
			operation: 'getMany',
			returnAll: true,
			outputMode: 'lines',
			purchaseApplyNo: 'OLD',
		});
		expect(jsonOf(lines.outputs[0])).toMatchObject([
			{ apply_purchase_apply_no: 'OLD', spec_no: 'S1', num: '2.0000' },
			{ apply_purchase_apply_no: 'OLD', spec_no: 'S2', num: '3.0000' },
		]);
	});
});

describe.each([
	['modified', ['B-BOTH', 'A-OLD-CHANGED']],
	['created', ['B-BOTH']],
] as const)('Purchase Apply → Get Many when WDT ranges by %s time', (reading, expected) => {
	it('returns only applies modified in the range; under created, one created before it is missed', async () => {
		rig.sim.replies.purchaseApplyRange = reading;
		const now = rig.sim.clock.now();
		const day = 86_400_000;
		// Created before the range, modified within it: found only when WDT ranges by modified.
		rig.sim.addPurchaseApply({
			purchaseApplyNo: 'A-OLD-CHANGED',
			createdMs: now - 20 * day,
			modifiedMs: now - 2 * day,
		});
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'B-BOTH', createdMs: now - 3 * day });
		// Created within the range, modified after it: WDT ranging by created returns it, the node drops it.
		rig.sim.addPurchaseApply({
			purchaseApplyNo: 'C-CHANGED-AFTER',
			createdMs: now - 4 * day,
			modifiedMs: now - day / 2,
		});
		const { outputs, error } = await rig.run({
			resource: 'purchaseApply',
			operation: 'getMany',
			returnAll: true,
			startTime: new Date(now - 10 * day).toISOString(),
			endTime: new Date(now - day).toISOString(),
		});
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((a) => a.purchase_apply_no)).toEqual(expected);
		expect(rig.sim.requestsFor('purchase.PurchaseApply.search').map((q) => q.args)).toEqual([
			[{ start_time: toWdtTime(now - 10 * day), end_time: toWdtTime(now - day) }],
		]);
	});
});
