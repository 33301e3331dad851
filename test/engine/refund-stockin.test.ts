/**
 * Refund Stock-In → Get Many (wms.stockin.Refund.queryWithDetail) through n8n-core's engine
 * against the simulator: filters, lines, One Item per Line, and time_type under both readings of
 * the page's 入库时间 (replies.refundStockinTime).
 */
import type { IDataObject } from 'n8n-workflow';
import { afterEach, describe, expect, it } from 'vitest';

import { REFUND_STOCKIN } from '../../nodes/shared/records';
import { DEFAULT_REPLY_CHOICES, receiveRefund } from '../simulator';
import { jsonOf, pairsOf, useReadRig } from './rig';

const METHOD = REFUND_STOCKIN.method;
const DAY = 24 * 3600_000;
const { rig, getMany, calls } = useReadRig('refundStockin', METHOD);
const now = () => rig.sim.clock.now();

function receive(
	refundNo: string,
	daysAgo: number,
	extra: { status?: number; shopNo?: string; warehouseNo?: string } = {},
) {
	return receiveRefund(rig.sim, {
		refundNo,
		shopNo: extra.shopNo ?? 'MALL01',
		warehouseNo: extra.warehouseNo ?? 'WH001',
		lines: [
			{ specNo: 'SKU-A', num: 2, tid: `T-${refundNo}`, refundAmount: 5 },
			{ specNo: 'SKU-B', num: 1, tid: `T-${refundNo}`, refundAmount: 3 },
		],
		atMs: now() - daysAgo * DAY,
		status: extra.status,
	});
}
const params = (call = 0) => calls()[call].params;

describe('Refund Stock-In → Get Many', () => {
	afterEach(() => {
		rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
	});

	it('returns the stock-ins modified in the range with their lines and the status names WDT gives', async () => {
		const done = receive('RF1', 1);
		receive('RF2', 2, { status: 20 });
		receive('OLD', 40);
		const { outputs, error } = await getMany({});
		expect(error).toBeUndefined();
		const out = jsonOf(outputs[0]);
		expect(out.map((o) => o.refund_no).sort()).toEqual(['RF1', 'RF2']);
		const first = out.find((o) => o.refund_no === 'RF1')!;
		expect(first).toMatchObject({
			stockin_id: done.stockin_id,
			status: 80,
			// WDT's own words for its codes (shapeRecord).
			status_name: '已完成',
			process_status_name: '已完成',
		});
		expect((first.details_list as IDataObject[]).map((l) => [l.spec_no, l.num])).toEqual([
			['SKU-A', 2],
			['SKU-B', 1],
		]);
		expect(params()).toMatchObject({ time_type: 0 });
		expect(params().start_time).toBeDefined();
	});

	it('sends the filters as the page names them; One Item per Line gives each line with its stock-in prefixed', async () => {
		receive('RF1', 1);
		receive('RF3', 1, { shopNo: 'MALL02' });
		const { outputs, error } = await getMany({
			warehouseNo: { __rl: true, mode: 'list', value: 'WH001' },
			shopNo: { __rl: true, mode: 'list', value: 'MALL01' },
			filters: { refundNo: 'RF1', statuses: ['80', '30'] },
			outputMode: 'lines',
		});
		expect(error).toBeUndefined();
		expect(params()).toMatchObject({
			warehouse_no: 'WH001',
			shop_nos: 'MALL01',
			refund_no: 'RF1',
			status: '80,30',
			time_type: 0,
		});
		const lines = jsonOf(outputs[0]);
		expect(lines.map((l) => [l.stockin_refund_no, l.spec_no])).toEqual([
			['RF1', 'SKU-A'],
			['RF1', 'SKU-B'],
		]);
		expect(pairsOf(outputs[0])).toEqual([0, 0]);
	});

	it('refuses a filter longer than the page allows before any call, naming the field', async () => {
		const { error } = await getMany({ filters: { stockinNo: 'X'.repeat(21) } });
		expect(error?.message).toMatch(/Stock-In Number \(filters\.stockinNo\).*20/);
		expect(calls()).toHaveLength(0);
	});

	it.each(['check_time', 'created_time'] as const)(
		'Time Range By Stock-in Time sends time_type 1 and returns what WDT selects (入库时间 = %s)',
		async (reading) => {
			rig.sim.replies = { ...DEFAULT_REPLY_CHOICES, refundStockinTime: reading };
			// Created 10 days ago, completed (check_time) 2 days ago, changed today.
			const record = receive('RF9', 10);
			rig.sim
				.records(METHOD)
				.modify(
					(r) => r.stockin_id === record.stockin_id,
					{
						check_time: new Date(now() - 2 * DAY + 8 * 3600_000)
							.toISOString()
							.slice(0, 19)
							.replace('T', ' '),
					},
					{ modifiedMs: now() - 1000 },
				);
			const range = {
				startTime: new Date(now() - 5 * DAY).toISOString(),
				endTime: new Date(now()).toISOString(),
			};
			const byStockin = await getMany({ ...range, filters: { timeType: 1 } });
			expect(params()).toMatchObject({ time_type: 1 });
			expect(jsonOf(byStockin.outputs[0]).map((o) => o.refund_no)).toEqual(
				reading === 'check_time' ? ['RF9'] : [],
			);
			// By modification time (the default, and the trigger's) both readings agree.
			const byModified = await getMany(range);
			expect(jsonOf(byModified.outputs[0]).map((o) => o.refund_no)).toEqual(['RF9']);
		},
	);
});
