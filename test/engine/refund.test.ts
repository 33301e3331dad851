import type { IDataObject } from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import { toWdtTime } from '../../nodes/shared/protocol';
import { itReportsRateLimitWithoutRetry, jsonOf, pairsOf, readOk, useReadRig } from './rig';

const METHOD = 'aftersales.refund.Refund.search';
const { rig, getMany, calls } = useReadRig('refund', METHOD);
const DAY = 24 * 3600_000;

/** A refund with two lines, modified `daysAgo` days before the simulator's now. */
function addRefund(id: number, daysAgo: number, extra: IDataObject = {}) {
	rig.sim.records(METHOD).add(
		{
			refund_id: id,
			refund_no: `TK${id}`,
			shop_no: 'SHOP1',
			status: 20,
			type: 2,
			detail_list: [{ spec_no: `S${id}-A` }, { spec_no: `S${id}-B` }],
			...extra,
		},
		{ modifiedMs: rig.sim.clock.now() - daysAgo * DAY },
	);
}

beforeEach(() => {
	rig.sim.records(METHOD).filter('shop_nos', (record, value) => record.shop_no === value);
});

describe('Refund → Get Many (aftersales.refund.Refund.search)', () => {
	it('returns the last 30 days by default, lines nested, with status names and ISO times', async () => {
		addRefund(1, 3);
		addRefund(2, 45);
		const refunds = await readOk(getMany());
		expect(refunds.map((r) => r.refund_no)).toEqual(['TK1']);
		expect(refunds[0]).toMatchObject({
			status: 20,
			status_name: '待审核',
			type_name: '退货',
			modified_iso: expect.stringMatching(/\+08:00$/),
		});
		expect((refunds[0].detail_list as IDataObject[]).map((l) => l.spec_no)).toEqual([
			'S1-A',
			'S1-B',
		]);
		expect(Object.keys(calls()[0].params).sort()).toEqual(['modified_from', 'modified_to']);
	});

	it('splits 70 days into 30-day windows of modified_from/modified_to, in the workflow timezone', async () => {
		for (let i = 1; i <= 3; i++) addRefund(i, i * 20);
		const now = rig.sim.clock.now();
		const { outputs, error } = await getMany(
			{ startTime: new Date(now - 70 * DAY).toISOString(), endTime: new Date(now).toISOString() },
			'Asia/Tokyo',
		);
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((r) => r.refund_no)).toEqual(['TK3', 'TK2', 'TK1']);
		const windows = calls().map((call) => [call.params.modified_from, call.params.modified_to]);
		expect(windows).toHaveLength(3);
		expect(windows[0][0]).toBe(toWdtTime(now - 70 * DAY));
		expect(windows[2][1]).toBe(toWdtTime(now));
	});

	it('sends shop, status and type filters', async () => {
		addRefund(1, 1);
		addRefund(2, 1, { shop_no: 'SHOP2', status: 90 });
		const { outputs } = await getMany({
			shopNo: { __rl: true, mode: 'list', value: 'SHOP2' },
			filters: { status: '90', type: '2' },
		});
		expect(jsonOf(outputs[0]).map((r) => r.refund_no)).toEqual(['TK2']);
		expect(calls()[0].params).toMatchObject({ shop_nos: 'SHOP2', status: 90, type: 2 });
	});

	it('pages, stops at the Limit, and gives one item per line on request', async () => {
		for (let i = 1; i <= 120; i++) addRefund(i, 1);
		const limited = await getMany({ returnAll: false, limit: 110 });
		expect(jsonOf(limited.outputs[0])).toHaveLength(110);
		expect(calls().map((call) => call.pageNo)).toEqual(['0', '1']);
		const lines = await getMany({ returnAll: false, limit: 3, outputMode: 'lines' });
		expect(jsonOf(lines.outputs[0])).toEqual([
			expect.objectContaining({ refund_no: 'TK1', refund_shop_no: 'SHOP1', spec_no: 'S1-A' }),
			expect.objectContaining({ refund_no: 'TK1', spec_no: 'S1-B' }),
			expect.objectContaining({ refund_no: 'TK2', spec_no: 'S2-A' }),
		]);
	});

	it('refuses bad input before any call, naming item and field', async () => {
		const backwards = await getMany({
			startTime: '2024-03-02T00:00:00',
			endTime: '2024-03-01T00:00:00',
		});
		expect(backwards.error?.message).toBe(
			'Item 1: Modified Before (endTime) lies before Modified After (startTime).',
		);
		const longShop = await getMany({ shopNo: { __rl: true, mode: 'code', value: 'S'.repeat(21) } });
		expect(longShop.error?.message).toBe('Item 1: Shop (shop_nos) is longer than 20 characters.');
		expect(rig.sim.requests).toHaveLength(0);
	});

	itReportsRateLimitWithoutRetry(rig, METHOD, () => getMany());
});

describe('Refund → Get (aftersales.refund.Refund.search by refund_no)', () => {
	it('finds refunds by number without a time range, one query per item', async () => {
		addRefund(1, 200);
		const { outputs, error } = await rig.run(
			{ resource: 'refund', operation: 'get', refundNo: '={{ $json.no }}' },
			[{ no: 'TK1' }, { no: 'NONE' }],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((r) => r.refund_no ?? r.error)).toEqual([
			'TK1',
			'No refund with refund number NONE was found',
		]);
		expect(pairsOf(outputs[0])).toEqual([0, 1]);
		expect(calls().map((call) => call.params)).toEqual([
			{ refund_no: 'TK1' },
			{ refund_no: 'NONE' },
		]);
	});

	it('a refund WDT does not return is an error naming the number and the privacy rule', async () => {
		const { error } = await rig.run({ resource: 'refund', operation: 'get', refundNo: 'TK404' });
		expect(error?.message).toBe('No refund with refund number TK404 was found');
		expect(error?.description).toMatch(/Taobao\/Tmall, Pinduoduo/);
	});

	it('refuses an empty number before any call', async () => {
		const { error } = await rig.run(
			{ resource: 'refund', operation: 'get', refundNo: '={{ $json.no }}' },
			[{ no: 'TK1' }, { no: '' }],
		);
		expect(error?.message).toBe('Item 2: Refund Number (refund_no) is empty.');
		expect(rig.sim.requests).toHaveLength(0);
	});
});
