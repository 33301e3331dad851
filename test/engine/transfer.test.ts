/**
 * Transfer → Get Many, Create and Cancel (wms.stocktransfer.*) through n8n-core's engine against
 * the simulator, under each reading it serves for these pages: replies.uploadNumberIn (where the
 * new number is), replies.repeatedOrderNo (a re-sent outer_no), replies.transferStock (the stock
 * check at create) and a review that fails (data.status 20).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { RERUN_NOTE } from '../../nodes/Wdt/actions/transfer/create.operation';
import {
	addTransfer,
	DEFAULT_REPLY_CHOICES,
	failReview,
	moveStock,
	SRC_ORDER_TYPE,
	stockOf,
	TRANSFER_STATUS,
	TRANSFERS,
} from '../simulator';
import { jsonOf, pairsOf, useRig } from './rig';

const rig = useRig();
const CREATE = 'wms.stocktransfer.Edit.createOrder';
const CANCEL = 'wms.stocktransfer.Manage.cancelOrder';
const DAY = 24 * 3600_000;

/** Stock in a warehouse, good or (`defect`) defective. */
const stockUp = (warehouseNo: string, specNo: string, num: number, defect = false) =>
	moveStock(rig.sim, {
		warehouseNo,
		specNo,
		delta: num,
		srcOrderType: SRC_ORDER_TYPE.transfer,
		srcOrderNo: 'SEED',
		stockioNo: 'RK-SEED',
		defect,
		atMs: rig.sim.clock.now() - DAY,
	});

const create = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'transfer',
	operation: 'create',
	fromWarehouseNo: 'WH01',
	toWarehouseNo: 'WH02',
	outerNo: 'DB-1',
	lines: { line: [{ specNo: 'TS-001-BLK-M', num: 2 }] },
	...extra,
});
const fromRows = (extra: INodeParameters = {}): INodeParameters =>
	create({
		linesSource: 'inputItems',
		outerNo: '={{ $json.no }}',
		groupByColumn: 'no',
		specNoColumn: 'sku',
		numColumn: 'qty',
		...extra,
	});
const creates = () => rig.sim.requestsFor(CREATE);
const transferOf = (no: unknown) =>
	rig.sim.records(TRANSFERS).find((record) => record.transfer_no === no);

describe('Transfer → Get Many', () => {
	it('reads 30-day windows with the filters, names the codes and gives lines as items', async () => {
		stockUp('WH01', 'TS-001-BLK-M', 50);
		const now = rig.sim.clock.now();
		addTransfer(rig.sim, {
			fromWarehouseNo: 'WH01',
			toWarehouseNo: 'WH02',
			status: TRANSFER_STATUS.approved,
			createdMs: now - 2 * DAY,
			lines: [
				{ specNo: 'TS-001-BLK-M', num: 2 },
				{ specNo: 'MUG-350', num: 1 },
			],
		});
		addTransfer(rig.sim, {
			fromWarehouseNo: 'WH02',
			toWarehouseNo: 'WH01',
			status: TRANSFER_STATUS.editing,
			createdMs: now - 40 * DAY,
			lines: [{ specNo: 'CABLE-C', num: 1 }],
		});
		const all = await rig.run({
			resource: 'transfer',
			operation: 'getMany',
			returnAll: true,
			startTime: new Date(now - 60 * DAY).toISOString(),
			endTime: new Date(now).toISOString(),
		});
		expect(all.error).toBeUndefined();
		expect(jsonOf(all.outputs[0]).map((t) => t.from_warehouse_no)).toEqual(['WH02', 'WH01']);
		expect(rig.sim.requestsFor(TRANSFERS)).toHaveLength(2);
		expect(jsonOf(all.outputs[0])[1]).toMatchObject({
			status: 40,
			status_name: '已审核',
			stock_out_in_status_name: '待出库',
			mode_name: '单品调拨',
		});

		rig.sim.clearRequests();
		const filtered = await rig.run({
			resource: 'transfer',
			operation: 'getMany',
			returnAll: true,
			outputMode: 'lines',
			filters: {
				fromWarehouseNo: { __rl: true, mode: 'list', value: 'WH01' },
				statuses: ['40', '90'],
			},
		});
		expect(filtered.error).toBeUndefined();
		const [params] = rig.sim.requestsFor(TRANSFERS)[0].args as IDataObject[];
		expect(params).toMatchObject({ from_warehouse_no: 'WH01', status: '40,90' });
		const lines = jsonOf(filtered.outputs[0]);
		expect(lines.map((line) => line.spec_no)).toEqual(['TS-001-BLK-M', 'MUG-350']);
		expect(lines[0]).toMatchObject({ transfer_transfer_id: expect.any(Number) });
	});
});

describe('Transfer → Create', () => {
	it.each(['data', 'both'] as const)(
		'creates one transfer per call, grouped rows by their number (uploadNumberIn %s)',
		async (reading) => {
			rig.sim.replies = { ...DEFAULT_REPLY_CHOICES, uploadNumberIn: reading };
			stockUp('WH01', 'TS-001-BLK-M', 10);
			stockUp('WH01', 'MUG-350', 10);
			const rows = [
				{ no: 'DB-A', sku: 'TS-001-BLK-M', qty: 2 },
				{ no: 'DB-B', sku: 'MUG-350', qty: '3' },
				{ no: 'DB-A', sku: 'MUG-350', qty: 1 },
			];
			const { outputs, error } = await rig.run(fromRows({ mode: 5, isCheck: true }), rows);
			expect(error).toBeUndefined();
			expect(creates()).toHaveLength(2);
			const [orderInfo, details, isCheck] = creates()[0].args as [
				IDataObject,
				IDataObject[],
				boolean,
			];
			expect(orderInfo).toEqual({
				outer_no: 'DB-A',
				from_warehouse_no: 'WH01',
				to_warehouse_no: 'WH02',
				mode: 5,
			});
			expect(details).toEqual([
				{ spec_no: 'TS-001-BLK-M', num: 2 },
				{ spec_no: 'MUG-350', num: 1 },
			]);
			expect(isCheck).toBe(true);
			const items = jsonOf(outputs[0]);
			expect(pairsOf(outputs[0])).toEqual([[0, 2], 1]);
			expect(items[0]).toMatchObject({
				outcome: 'succeeded',
				outer_no: 'DB-A',
				transfer_no: expect.stringMatching(/^TF/),
				on_rerun: RERUN_NOTE,
			});
			// A reviewed fast (out + in) transfer completes: the stock moved.
			expect(transferOf(items[0].transfer_no)?.status).toBe(TRANSFER_STATUS.done);
			expect(stockOf(rig.sim, 'WH02', 'MUG-350')).toBe(4);
		},
	);

	it('refuses bad input before the first call, naming item and field', async () => {
		stockUp('WH01', 'TS-001-BLK-M', 10);
		const same = await rig.run(create({ toWarehouseNo: '={{ $json.to }}' }), [
			{ to: 'WH02' },
			{ to: 'WH01' },
		]);
		expect(same.error?.message).toMatch(/^Item 2: To Warehouse \(to_warehouse_no\)/);
		const long = await rig.run(create({ outerNo: 'X'.repeat(21) }));
		expect(long.error?.message).toMatch(/Item 1: Outer Number \(outer_no\)/);
		const repeated = await rig.run(create({ outerNo: 'DB-9' }), [{}, {}]);
		expect(repeated.error?.message).toMatch(
			/Outer Number \(outer_no\) "DB-9" is also used by item 1/,
		);
		expect(creates()).toHaveLength(0);
	});

	it('a review that fails: created, named by data.transfer_no, never the message as a number', async () => {
		stockUp('WH01', 'TS-001-BLK-M', 10);
		failReview(rig.sim, CREATE, '审核失败:库存不足');
		const { outputs, error } = await rig.run(create({ isCheck: true }));
		expect(error).toBeUndefined();
		const [item] = jsonOf(outputs[0]);
		expect(item).toMatchObject({
			success: true,
			outcome: 'succeeded',
			review_failed: true,
			wdt_message: '审核失败:库存不足',
			transfer_no: expect.stringMatching(/^TF/),
		});
		expect(transferOf(item.transfer_no)?.status).toBe(TRANSFER_STATUS.editing);
		failReview(rig.sim, CREATE, undefined);
	});

	it.each(['exceeds', 'unchecked'] as const)(
		'a line above the stock (transferStock %s): refused per transfer with WDT text, or created',
		async (reading) => {
			rig.sim.replies = { ...DEFAULT_REPLY_CHOICES, transferStock: reading };
			stockUp('WH01', 'TS-001-BLK-M', 1);
			const { outputs } = await rig.run(
				create({
					outerNo: '={{ $json.no }}',
					lines: { line: [{ specNo: '={{ $json.sku }}', num: 5 }] },
				}),
				[
					{ no: 'DB-1', sku: 'TS-001-BLK-M' },
					{ no: 'DB-2', sku: 'NO-SUCH-SKU' },
				],
				{ continueOnFail: true },
			);
			const items = jsonOf(outputs[0]);
			expect(creates()).toHaveLength(2); // a one-transfer refusal does not stop the others
			expect(items[1]).toMatchObject({
				outcome: 'failed',
				error: expect.stringMatching(/单品不存在/),
			});
			if (reading === 'exceeds')
				expect(items[0]).toMatchObject({
					outcome: 'failed',
					error: expect.stringMatching(/库存不足/),
				});
			else expect(items[0]).toMatchObject({ outcome: 'succeeded' });
		},
	);

	it.each(['refused', 'accepted'] as const)(
		'a re-run with the same outer_no (repeatedOrderNo %s) does what the output said',
		async (reading) => {
			rig.sim.replies = { ...DEFAULT_REPLY_CHOICES, repeatedOrderNo: reading };
			stockUp('WH01', 'TS-001-BLK-M', 10);
			const first = await rig.run(create(), [{}], { continueOnFail: true });
			expect(jsonOf(first.outputs[0])[0]).toMatchObject({
				outcome: 'succeeded',
				on_rerun: RERUN_NOTE,
			});
			const again = await rig.run(create(), [{}], { continueOnFail: true });
			const [item] = jsonOf(again.outputs[0]);
			expect(creates()).toHaveLength(2);
			if (reading === 'refused')
				expect(item).toMatchObject({
					outcome: 'failed',
					error: expect.stringMatching(/外部单号重复/),
				});
			else {
				expect(item).toMatchObject({ outcome: 'succeeded' });
				expect(rig.sim.records(TRANSFERS).count(() => true)).toBe(2);
			}
		},
	);

	it('a lost reply is unknown, sent once, and the rest are not sent', async () => {
		stockUp('WH01', 'TS-001-BLK-M', 10);
		rig.sim.faults.next('dropAfterWrite', 1, CREATE);
		const { outputs } = await rig.run(
			create({ outerNo: '={{ $json.no }}' }),
			[{ no: 'L1' }, { no: 'L2' }],
			{
				continueOnFail: true,
			},
		);
		expect(creates()).toHaveLength(1);
		expect(jsonOf(outputs[0]).map((item) => item.outcome)).toEqual(['unknown', 'not sent']);
	});
});

describe('Transfer → Create: batch, expiry, defect and remark of a line', () => {
	const linesOf = (no: unknown) => transferOf(no)?.details_list as IDataObject[];

	it.each(['dateTime', 'date'] as const)(
		'lines entered in the node reach WDT, the expiry date as written (transferExpireDate %s)',
		async (reading) => {
			rig.sim.replies = { ...DEFAULT_REPLY_CHOICES, transferExpireDate: reading };
			stockUp('WH01', 'TS-001-BLK-M', 5, true);
			stockUp('WH01', 'MUG-350', 5);
			const { outputs, error } = await rig.run(
				create({
					mode: 2,
					lines: {
						line: [
							{
								specNo: 'TS-001-BLK-M',
								num: 2,
								batchNo: 'B-2027-06',
								expireDate: '2027-06-30T00:00:00',
								defect: true,
								remark: 'top shelf',
							},
							{ specNo: 'MUG-350', num: 1, defect: false, expireDate: '' },
						],
					},
				}),
				[{}],
				// Far from China: the expiry date must not move with the workflow's timezone.
				{ timezone: 'America/Los_Angeles' },
			);
			expect(error).toBeUndefined();
			const [, details] = creates()[0].args as [IDataObject, IDataObject[]];
			expect(details).toEqual([
				{
					spec_no: 'TS-001-BLK-M',
					num: 2,
					batch_no: 'B-2027-06',
					expire_date: '2027-06-30 00:00:00',
					defect: true,
					remark: 'top shelf',
				},
				{ spec_no: 'MUG-350', num: 1 },
			]);
			const [item] = jsonOf(outputs[0]);
			expect(item).toMatchObject({ outcome: 'succeeded', details_list: details });
			expect(linesOf(item.transfer_no)[0]).toMatchObject({
				batch_no: 'B-2027-06',
				expire_date: reading === 'date' ? '2027-06-30' : '2027-06-30 00:00:00',
				defect: true,
				remark: 'top shelf',
			});
			expect(linesOf(item.transfer_no)[1]).toMatchObject({ defect: false, batch_no: '' });
		},
	);

	it('rows as input: the columns named reach WDT; an offset is converted to China time', async () => {
		stockUp('WH01', 'TS-001-BLK-M', 5, true);
		stockUp('WH01', 'MUG-350', 5);
		const rows = [
			{
				no: 'DB-R',
				sku: 'TS-001-BLK-M',
				qty: 1,
				batch: 'B1',
				exp: '2027-01-31 12:30:00',
				bad: 'true',
				note: 'a',
			},
			{
				no: 'DB-R',
				sku: 'MUG-350',
				qty: 2,
				batch: '',
				exp: '2027-02-27T16:00:00Z',
				bad: 'false',
				note: '',
			},
		];
		const { error } = await rig.run(
			fromRows({
				mode: 7,
				batchNoColumn: 'batch',
				expireDateColumn: 'exp',
				defectColumn: 'bad',
				lineRemarkColumn: 'note',
			}),
			rows,
		);
		expect(error).toBeUndefined();
		expect(creates()).toHaveLength(1);
		expect((creates()[0].args as [IDataObject, IDataObject[]])[1]).toEqual([
			{
				spec_no: 'TS-001-BLK-M',
				num: 1,
				batch_no: 'B1',
				expire_date: '2027-01-31 12:30:00',
				defect: true,
				remark: 'a',
			},
			{ spec_no: 'MUG-350', num: 2, expire_date: '2027-02-28 00:00:00' },
		]);
	});

	it.each([
		[
			'a batch number longer than WDT stores',
			create({
				mode: 2,
				lines: { line: [{ specNo: 'TS-001-BLK-M', num: 1, batchNo: 'B'.repeat(41) }] },
			}),
			/^Item 1: Lines → line 1 → Batch Number \(batch_no\) .*40/,
		],
		[
			'an expiry date that is no date',
			create({
				mode: 2,
				lines: { line: [{ specNo: 'TS-001-BLK-M', num: 1, expireDate: 'soon' }] },
			}),
			/^Item 1: Lines → line 1 → Expiry Date \(expire_date\) is not a date/,
		],
		[
			'an expiry date that does not exist',
			create({
				mode: 7,
				lines: { line: [{ specNo: 'TS-001-BLK-M', num: 1, expireDate: '2027-02-30' }] },
			}),
			/^Item 1: Lines → line 1 → Expiry Date \(expire_date\) .*February 2027 has 28 days/,
		],
		[
			'a batch number in a mode that ignores it',
			create({ mode: 5, lines: { line: [{ specNo: 'TS-001-BLK-M', num: 1, batchNo: 'B1' }] } }),
			/^Item 1: Lines → line 1 → Batch Number \(batch_no\) is given, but Mode is 5 \(Single Item \(Out \+ In\)\)/,
		],
		[
			'a line remark longer than WDT stores',
			create({ lines: { line: [{ specNo: 'TS-001-BLK-M', num: 1, remark: 'r'.repeat(256) }] } }),
			/^Item 1: Lines → line 1 → Line Remark \(remark\) .*255/,
		],
	])('refuses %s before any call, naming item and field', async (_, parameters, message) => {
		const { error } = await rig.run(parameters);
		expect(error?.message).toMatch(message);
		expect(creates()).toHaveLength(0);
	});

	it('refuses a bad row before any call, naming its item and field', async () => {
		const rows = [
			{ no: 'DB-1', sku: 'TS-001-BLK-M', qty: 1, bad: 'false', exp: '2027-01-01' },
			{ no: 'DB-2', sku: 'TS-001-BLK-M', qty: 1, bad: 'maybe', exp: '2027-01-01' },
		];
		const defect = await rig.run(fromRows({ mode: 2, defectColumn: 'bad' }), rows);
		expect(defect.error?.message).toMatch(
			/^Item 2: Defective \(defect\) must be true or false, got "maybe"/,
		);
		const mode = await rig.run(fromRows({ mode: 1, expireDateColumn: 'exp' }), rows);
		expect(mode.error?.message).toMatch(
			/^Item 1: Expiry Date \(expire_date\) is given, but Mode is 1 \(Position\)/,
		);
		expect(creates()).toHaveLength(0);
	});
});

describe('Transfer → Cancel', () => {
	it('one call per number, one outcome each; a refused one does not stop the rest', async () => {
		const now = rig.sim.clock.now();
		const add = (status: number) =>
			String(
				addTransfer(rig.sim, {
					fromWarehouseNo: 'WH01',
					toWarehouseNo: 'WH02',
					status,
					createdMs: now - DAY,
					lines: [{ specNo: 'TS-001-BLK-M', num: 1 }],
				}).transfer_no,
			);
		const editing = add(TRANSFER_STATUS.editing);
		const reviewed = add(TRANSFER_STATUS.approved);
		const pending = add(TRANSFER_STATUS.pendingReview);
		const { outputs, error } = await rig.run(
			{ resource: 'transfer', operation: 'cancel', orderNumbers: '={{ $json.no }}' },
			[{ no: `${editing}, ${reviewed}` }, { no: pending }],
			{ onError: 'continueRegularOutput' },
		);
		expect(error).toBeUndefined();
		expect(rig.sim.requestsFor(CANCEL).map((request) => request.args)).toEqual([
			[editing],
			[reviewed],
			[pending],
		]);
		expect(jsonOf(outputs[0]).map((item) => [item.order_no, item.outcome])).toEqual([
			[editing, 'succeeded'],
			[reviewed, 'failed'],
			[pending, 'succeeded'],
		]);
		expect(jsonOf(outputs[0])[1].error).toMatch(/调拨单状态不正确/);
		expect(pairsOf(outputs[0])).toEqual([0, 0, 1]);
		expect(transferOf(editing)?.status).toBe(TRANSFER_STATUS.cancelled);
		expect(transferOf(reviewed)?.status).toBe(TRANSFER_STATUS.approved);
	});

	it('without Continue On Fail, one message that says first what was done', async () => {
		const now = rig.sim.clock.now();
		const editing = String(
			addTransfer(rig.sim, {
				fromWarehouseNo: 'WH01',
				toWarehouseNo: 'WH02',
				createdMs: now,
				lines: [{ specNo: 'TS-001-BLK-M', num: 1 }],
			}).transfer_no,
		);
		const { error } = await rig.run({
			resource: 'transfer',
			operation: 'cancel',
			orderNumbers: `${editing},TF-NONE`,
		});
		expect(error?.message).toMatch(
			new RegExp(
				`^Cancelled 1 of 2 transfers \\(${editing}\\); WDT refused to cancel transfer TF-NONE`,
			),
		);
	});
});
