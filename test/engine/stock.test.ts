import type { IDataObject } from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import { toWdtTime } from '../../nodes/shared/protocol';
import { itReportsRateLimitWithoutRetry, jsonOf, useReadRig } from './rig';

const METHOD = 'wms.StockSpec.search2';
const { rig, getMany: getStock, calls } = useReadRig('stock', METHOD);
const DAY = 24 * 3600_000;

/** A stock record of one SKU in one warehouse, changed `daysAgo` days before now. */
function addStock(id: number, daysAgo: number, extra: IDataObject = {}) {
	rig.sim
		.records(METHOD)
		.add(
			{ rec_id: id, spec_no: `SKU${id}`, warehouse_no: 'WH01', stock_num: id * 10, ...extra },
			{ modifiedMs: rig.sim.clock.now() - daysAgo * DAY },
		);
}

beforeEach(() => {
	rig.sim
		.records(METHOD)
		.filter('spec_nos', (record, value) => (value as string[]).includes(String(record.spec_no)));
});

describe('Stock → Get Many (wms.StockSpec.search2)', () => {
	it('reads the current stock of a warehouse and SKUs without a time range', async () => {
		addStock(1, 200);
		addStock(2, 1);
		addStock(3, 1, { warehouse_no: 'WH02' });
		const { outputs, error } = await getStock({
			stockRead: 'currentOfSkus',
			warehouseNo: { __rl: true, mode: 'list', value: 'WH01' },
			specNos: 'SKU1, SKU2,SKU1',
		});
		expect(error).toBeUndefined();
		const rows = jsonOf(outputs[0]);
		expect(rows.map((r) => [r.spec_no, r.stock_num])).toEqual([
			['SKU1', 10],
			['SKU2', 20],
		]);
		expect(rows[0].modified_iso).toMatch(/\+08:00$/);
		expect(calls().map((call) => call.params)).toEqual([
			{ warehouse_no: 'WH01', spec_nos: ['SKU1', 'SKU2'] },
		]);
	});

	it('reads stock changed in a range, split into 30-day windows', async () => {
		for (let i = 1; i <= 3; i++) addStock(i, i * 25);
		const now = rig.sim.clock.now();
		const { outputs, error } = await getStock(
			{
				startTime: new Date(now - 80 * DAY).toISOString(),
				endTime: new Date(now).toISOString(),
			},
			'Europe/London',
		);
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((r) => r.spec_no)).toEqual(['SKU3', 'SKU2', 'SKU1']);
		const windows = calls().map((call) => [call.params.start_time, call.params.end_time]);
		expect(windows).toHaveLength(3);
		expect(windows[0][0]).toBe(toWdtTime(now - 80 * DAY));
		expect(windows[2][1]).toBe(toWdtTime(now));
	});

	it('by default reads stock changed in the last 30 days, every warehouse and SKU; pages and Limit', async () => {
		for (let i = 1; i <= 150; i++) addStock(i, 1);
		addStock(999, 40);
		const all = await getStock();
		expect(jsonOf(all.outputs[0])).toHaveLength(150);
		expect(calls().map((call) => call.pageNo)).toEqual(['0', '1']);
		rig.sim.clearRequests();
		const limited = await getStock({ returnAll: false, limit: 5 });
		expect(jsonOf(limited.outputs[0]).map((r) => r.rec_id)).toEqual([1, 2, 3, 4, 5]);
		expect(calls()).toHaveLength(1);
	});

	it('refuses bad input before any call, naming item and field', async () => {
		const many = await getStock({
			specNos: Array.from({ length: 101 }, (_, i) => `S${i}`).join(','),
		});
		expect(many.error?.message).toBe('Item 1: SKU Codes (spec_nos) holds 101 codes; at most 100.');
		const long = await getStock({ specNos: `OK,${'x'.repeat(41)}` });
		expect(long.error?.message).toMatch(
			/^Item 1: SKU Codes \(spec_nos\) holds "x+", which is longer than 40 characters\.$/,
		);
		expect(rig.sim.requests).toHaveLength(0);
	});

	describe.each(['refused', 'allowed'] as const)(
		'a warehouse without SKU codes (server: warehouse-only %s)',
		(reading) => {
			beforeEach(() => {
				rig.sim.replies.stockWarehouseOnly = reading;
			});

			it('Current Stock of Given SKUs with no SKU codes (an expression gave none) is refused before any call, saying what to set', async () => {
				addStock(1, 1);
				const { error } = await getStock({
					stockRead: 'currentOfSkus',
					warehouseNo: { __rl: true, mode: 'list', value: 'WH01' },
					specNos: '={{ "" }}',
				});
				expect(error?.message).toBe(
					'Item 1: SKU Codes (spec_nos) is empty; WDT reads current stock (without a time range) only for given SKU codes. Enter SKU Codes, or set Read to Stock Changed in a Time Range to read a whole warehouse by the stock changed in a range.',
				);
				expect(rig.sim.requests).toHaveLength(0);
			});

			it('Stock Changed in a Time Range sends the window and returns the stock changed in it', async () => {
				addStock(1, 1);
				addStock(2, 10);
				addStock(3, 1, { warehouse_no: 'WH02' });
				const now = rig.sim.clock.now();
				const { outputs, error } = await getStock({
					warehouseNo: { __rl: true, mode: 'list', value: 'WH01' },
					startTime: new Date(now - 5 * DAY).toISOString(),
					endTime: new Date(now).toISOString(),
				});
				expect(error).toBeUndefined();
				expect(jsonOf(outputs[0]).map((r) => r.spec_no)).toEqual(['SKU1']);
				expect(calls().map((call) => call.params)).toEqual([
					{
						warehouse_no: 'WH01',
						start_time: toWdtTime(now - 5 * DAY),
						end_time: toWdtTime(now),
					},
				]);
			});
		},
	);

	itReportsRateLimitWithoutRetry(rig, METHOD, () =>
		getStock({ stockRead: 'currentOfSkus', specNos: 'SKU1' }),
	);
});
