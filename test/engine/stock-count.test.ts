import type { IDataObject } from 'n8n-workflow';
import { afterEach, describe, expect, it } from 'vitest';

import { addStocktake, DEFAULT_REPLY_CHOICES, moveStock } from '../simulator';
import { itReportsRateLimitWithoutRetry, jsonOf, pairsOf, readOk, useReadRig } from './rig';

const METHOD = 'wms.StockPd.queryStockPd';
const LINES = 'wms.StockPd.queryStockPdDetail';
const { rig, getMany, calls } = useReadRig('stockCount', METHOD);
const HOUR = 3600_000;
const DAY = 24 * HOUR;

afterEach(() => {
	rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
});

function count(hoursAgo: number, status = 40, warehouseNo = 'WH01') {
	return addStocktake(rig.sim, {
		warehouseNo,
		status,
		mode: 2,
		atMs: rig.sim.clock.now() - hoursAgo * HOUR,
		lines: [
			{ specNo: 'MUG-350', newNum: 12 },
			{ specNo: 'CABLE-C-1M', newNum: 0 },
		],
	});
}

describe('Stock Count → Get Many (wms.StockPd.queryStockPd + queryStockPdDetail)', () => {
	it.each(['list', 'object'] as const)(
		'"send me the stock-count variances": each count with its lines, old/new/variance (lines as %s)',
		async (shape) => {
			rig.sim.replies.stockPdDetailShape = shape;
			for (const [specNo, delta] of [
				['MUG-350', 10],
				['CABLE-C-1M', 3],
			] as const)
				moveStock(rig.sim, {
					warehouseNo: 'WH01',
					specNo,
					delta,
					srcOrderType: 10,
					srcOrderNo: 'CG1',
					stockioNo: 'RK1',
					atMs: rig.sim.clock.now() - 6 * HOUR,
				});
			const pd = count(5);
			const [out] = await readOk(getMany());
			expect(out).toMatchObject({
				pd_no: pd.pd_no,
				status: 40,
				status_name: '已完成',
				mode_name: '明细盘点',
				modified_iso: expect.stringMatching(/\+08:00$/),
			});
			const lines = out.pd_detail_list as IDataObject[];
			expect(lines.map((line) => [line.spec_no, line.new_num, line.variance])).toEqual([
				['MUG-350', 12, 2],
				['CABLE-C-1M', 0, -3],
			]);
			expect(lines[0]).toMatchObject({ defect: 0, defect_name: '正品' });
			expect(rig.sim.requestsFor(LINES).map((r) => (r.args as IDataObject[])[0])).toEqual([
				{ pd_no: pd.pd_no },
			]);
		},
	);

	it('gives one item per line, the count fields prefixed pd_, Limit counting lines', async () => {
		const first = count(5);
		count(3);
		const { outputs } = await getMany({ outputMode: 'lines', returnAll: false, limit: 3 });
		const items = jsonOf(outputs[0]);
		expect(items).toHaveLength(3);
		expect(items[0]).toMatchObject({
			pd_no: first.pd_no,
			pd_rec_id: first.rec_id,
			pd_status: 40,
			spec_no: 'MUG-350',
			old_num: expect.any(Number),
			new_num: 12,
			variance: expect.any(Number),
		});
		expect(pairsOf(outputs[0])).toEqual([0, 0, 0]);
	});

	it('reads counts only (no line calls) with Include Lines off', async () => {
		count(5);
		const rows = await readOk(getMany({ includeLines: false }));
		expect(rows).toHaveLength(1);
		expect(rows[0]).not.toHaveProperty('pd_detail_list');
		expect(rig.sim.requestsFor(LINES)).toHaveLength(0);
	});

	it('reads the last 30 days by default and 60 days as two 30-day windows', async () => {
		count(24 * 10);
		count(24 * 45);
		expect((await readOk(getMany({ includeLines: false }))).map((r) => r.status)).toHaveLength(1);
		rig.sim.clearRequests();
		const now = rig.sim.clock.now();
		const rows = await readOk(
			getMany({
				includeLines: false,
				startTime: new Date(now - 60 * DAY).toISOString(),
				endTime: new Date(now).toISOString(),
			}),
		);
		expect(rows).toHaveLength(2);
		expect(calls()).toHaveLength(2);
	});

	it('sends warehouse, status and number filters', async () => {
		count(5, 40, 'WH01');
		const pd = count(4, 20, 'WH02');
		const rows = await readOk(
			getMany({
				includeLines: false,
				warehouseNo: { __rl: true, mode: 'list', value: 'WH02' },
				filters: { status: '20', pdNo: pd.pd_no, specNo: 'MUG-350' },
			}),
		);
		expect(rows.map((r) => r.pd_no)).toEqual([pd.pd_no]);
		expect(calls()[0].params).toMatchObject({
			warehouse_no: 'WH02',
			status: 20,
			pd_no: pd.pd_no,
			spec_no: 'MUG-350',
		});
	});

	it('refuses a stock count number longer than the page allows, before any call', async () => {
		const { error } = await getMany({ filters: { pdNo: 'P'.repeat(21) } });
		expect(String((error as Error)?.message)).toMatch(/Stock Count Number \(filters\.pdNo\)/);
		expect(calls()).toHaveLength(0);
	});

	itReportsRateLimitWithoutRetry(rig, METHOD, () => getMany());
});
