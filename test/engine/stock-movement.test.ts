import type { IDataObject } from 'n8n-workflow';
import { afterEach, describe, expect, it } from 'vitest';

import { toWdtTime } from '../../nodes/shared/protocol';
import { DEFAULT_REPLY_CHOICES, moveStock, SRC_ORDER_TYPE } from '../simulator';
import { itReportsRateLimitWithoutRetry, jsonOf, pairsOf, readOk, useReadRig } from './rig';

const METHOD = 'wms.StockSpec.queryChangeHistory';
const { rig, getMany, calls } = useReadRig('stockMovement', METHOD);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

afterEach(() => {
	rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
});

let nextDoc = 0;
/** One movement `minutesAgo` before now: + in, − out. */
function move(specNo: string, delta: number, minutesAgo: number, extra: IDataObject = {}) {
	return moveStock(rig.sim, {
		warehouseNo: 'WH01',
		specNo,
		delta,
		srcOrderType: delta > 0 ? SRC_ORDER_TYPE.purchaseIn : 1,
		srcOrderNo: `SRC${++nextDoc}`,
		stockioNo: `IO${nextDoc}`,
		atMs: rig.sim.clock.now() - minutesAgo * MINUTE,
		...extra,
	});
}

const range = (hoursBack: number) => {
	const now = rig.sim.clock.now();
	return {
		startTime: new Date(now - hoursBack * HOUR).toISOString(),
		endTime: new Date(now).toISOString(),
	};
};

describe('Stock Movement → Get Many (wms.StockSpec.queryChangeHistory)', () => {
	it('reads the last hour by default: which SKU moved, which way, why, stock before and after', async () => {
		move('MUG-350', 5, 20);
		move('MUG-350', -2, 10);
		move('CABLE-C-1M', 3, 90);
		const rows = await readOk(getMany());
		expect(rows.map((row) => [row.spec_no, row.direction, row.num])).toEqual([
			['MUG-350', 'in', 5],
			['MUG-350', 'out', 2],
		]);
		expect(rows[0]).toMatchObject({
			src_order_type: 10,
			src_order_type_name: '采购入库',
			type: 1,
			stock_num_new: Number(rows[0].stock_num_old) + 5,
			created_iso: expect.stringMatching(/\+08:00$/),
			defect: false,
		});
		expect(calls()).toHaveLength(1);
		const [params] = calls().map((call) => call.params);
		expect(params).not.toHaveProperty('spec_no');
		expect(params.defect).toBe(false);
	});

	it.each([
		['text', 'bySku'],
		['ms', 'bySku'],
		['ms', 'hour'],
	] as const)(
		'"what moved today": one-hour windows without SKU codes, each movement once (times as %s, window %s)',
		async (timeForm, window) => {
			rig.sim.replies.timeForm = timeForm;
			rig.sim.replies.changeHistoryWindow = window;
			for (let i = 0; i < 10; i++) move(`SKU-${i % 3}`, i % 2 ? -1 : 2, 30 + i * 55);
			// Two lines of one SKU in one document: two movements.
			move('SKU-0', 1, 5, { stockioNo: 'IO-TWICE', srcOrderNo: 'PO-1' });
			move('SKU-0', 1, 5, { stockioNo: 'IO-TWICE', srcOrderNo: 'PO-1' });
			const today = range(10);
			const rows = await readOk(getMany(today));
			expect(rows).toHaveLength(12);
			expect(new Set(rows.map((row) => JSON.stringify(row))).size).toBe(12);
			expect(rows.every((row) => typeof row.created_iso === 'string')).toBe(true);
			const windows = calls().map((call) => [call.params.start_date, call.params.end_date]);
			expect(windows).toHaveLength(10);
			expect(windows[0][0]).toBe(toWdtTime(Date.parse(today.startTime)));
		},
	);

	it.each(['one', 'list'] as const)(
		'with SKU codes: one code per call, 30-day windows (spec_no reading %s)',
		async (specNoReading) => {
			rig.sim.replies.changeHistorySpecNo = specNoReading;
			move('MUG-350', 4, 10 * 24 * 60);
			move('MUG-350', -1, 60);
			move('CABLE-C-1M', 2, 3 * 24 * 60);
			move('OTHER', 2, 60);
			const rows = await readOk(
				getMany({ ...range(20 * 24), specNos: 'MUG-350, CABLE-C-1M, MUG-350' }),
			);
			expect(rows.map((row) => row.spec_no).sort()).toEqual(['CABLE-C-1M', 'MUG-350', 'MUG-350']);
			expect(calls().map((call) => call.params.spec_no)).toEqual(['MUG-350', 'CABLE-C-1M']);
		},
	);

	it('where WDT takes one hour even with a SKU code (reading "hour"): hour windows, nothing lost', async () => {
		rig.sim.replies.changeHistoryWindow = 'hour';
		move('MUG-350', 4, 150);
		move('MUG-350', -1, 20);
		move('CABLE-C-1M', 2, 100);
		const rows = await readOk(getMany({ ...range(3), specNos: 'MUG-350,CABLE-C-1M' }));
		expect(rows.map((row) => [row.spec_no, row.num])).toEqual([
			['MUG-350', 4],
			['MUG-350', 1],
			['CABLE-C-1M', 2],
		]);
		const sent = rig.sim.requestsFor(METHOD);
		// 1 refused 3-hour call, then 3 hour windows for each SKU.
		expect(sent).toHaveLength(7);
	});

	it('says so when hour windows for every SKU would take too many calls (reading "hour")', async () => {
		rig.sim.replies.changeHistoryWindow = 'hour';
		move('MUG-350', 4, 60);
		const { error } = await getMany({ ...range(20 * 24), specNos: 'MUG-350,CABLE-C-1M' });
		expect(String((error as Error)?.message)).toMatch(
			/one hour per call even with a SKU code.*960 calls/,
		);
		expect(rig.sim.requestsFor(METHOD)).toHaveLength(1);
	});

	it('sends warehouse, direction and defective stock', async () => {
		move('MUG-350', 4, 10);
		move('MUG-350', -1, 5);
		move('MUG-350', 1, 5, { defect: true });
		move('MUG-350', 3, 5, { warehouseNo: 'WH02' });
		const out = await readOk(
			getMany({ warehouseNo: { __rl: true, mode: 'list', value: 'WH01' }, filters: { type: '2' } }),
		);
		expect(out.map((row) => [row.warehouse_no, row.direction])).toEqual([['WH01', 'out']]);
		expect(calls()[0].params).toMatchObject({ warehouse_no: 'WH01', type: 2, defect: false });
		const defective = await readOk(getMany({ filters: { defect: true } }));
		expect(defective.map((row) => row.defect)).toEqual([true]);
	});

	it('stops at the Limit across SKUs and pairs each item with its input', async () => {
		for (let i = 0; i < 5; i++) move('MUG-350', 1, 10 + i);
		move('CABLE-C-1M', 1, 10);
		const { outputs } = await getMany({
			returnAll: false,
			limit: 3,
			specNos: 'MUG-350,CABLE-C-1M',
		});
		expect(jsonOf(outputs[0])).toHaveLength(3);
		expect(pairsOf(outputs[0])).toEqual([0, 0, 0]);
		expect(calls().map((call) => call.params.spec_no)).toEqual(['MUG-350']);
	});

	it('refuses a SKU code longer than the page allows before any call, naming item and field', async () => {
		const { error } = await getMany({ specNos: 'X'.repeat(41) });
		expect(String((error as Error)?.message)).toMatch(/SKU Codes \(spec_no\).*longer than 40/);
		expect(calls()).toHaveLength(0);
	});

	itReportsRateLimitWithoutRetry(rig, METHOD, () => getMany());
});
