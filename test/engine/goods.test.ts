import type { IDataObject } from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import { toWdtTime } from '../../nodes/shared/protocol';
import { itReportsRateLimitWithoutRetry, jsonOf, pairsOf, readOk, useReadRig } from './rig';

const METHOD = 'goods.Goods.queryWithSpec';
const { rig, getMany, calls } = useReadRig('goods', METHOD);
const DAY = 24 * 3600_000;

/** A goods record with two specs, modified `daysAgo` days before the simulator's now. */
function addGoods(id: number, daysAgo: number, extra: IDataObject = {}) {
	const modifiedMs = rig.sim.clock.now() - daysAgo * DAY;
	rig.sim.records(METHOD).add(
		{
			goods_id: id,
			goods_no: `G${id}`,
			goods_name: `货品${id}`,
			goods_type: 1,
			spec_list: [
				{ spec_id: id * 10 + 1, goods_id: id, spec_no: `G${id}-A`, spec_name: 'A' },
				{ spec_id: id * 10 + 2, goods_id: id, spec_no: `G${id}-B`, spec_name: 'B' },
			],
			...extra,
		},
		{ modifiedMs },
	);
}

beforeEach(() => {
	rig.sim
		.records(METHOD)
		.filter('spec_no', (record, value) =>
			((record.spec_list as IDataObject[]) ?? []).some((spec) => spec.spec_no === value),
		);
});

describe('Goods → Get Many (goods.Goods.queryWithSpec)', () => {
	it('returns the last 30 days by default, specs nested, with type names and ISO times', async () => {
		addGoods(1, 2);
		addGoods(2, 40);
		const goods = await readOk(getMany());
		expect(goods.map((g) => g.goods_no)).toEqual(['G1']);
		expect(goods[0]).toMatchObject({
			goods_type: 1,
			goods_type_name: '销售货品',
			modified_iso: expect.stringMatching(/\+08:00$/),
		});
		expect((goods[0].spec_list as IDataObject[]).map((s) => s.spec_no)).toEqual(['G1-A', 'G1-B']);
		expect(calls()).toHaveLength(1);
		expect(calls()[0].params).toMatchObject({ hide_deleted: true });
	});

	it('splits a long range into 30-day windows, in the workflow timezone', async () => {
		for (let i = 1; i <= 5; i++) addGoods(i, i * 20);
		const now = rig.sim.clock.now();
		const { outputs, error } = await getMany(
			{
				startTime: new Date(now - 100 * DAY).toISOString(),
				endTime: new Date(now).toISOString(),
			},
			'America/New_York',
		);
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((g) => g.goods_no)).toEqual(['G5', 'G4', 'G3', 'G2', 'G1']);
		const windows = calls().map((call) => [call.params.start_time, call.params.end_time]);
		expect(windows).toHaveLength(4);
		expect(windows[0][0]).toBe(toWdtTime(now - 100 * DAY));
		expect(windows[3][1]).toBe(toWdtTime(now));
	});

	it('pages, stops at the Limit, and flattens specs into one item per line', async () => {
		for (let i = 1; i <= 130; i++) addGoods(i, 1);
		const limited = await getMany({ returnAll: false, limit: 105 });
		expect(jsonOf(limited.outputs[0])).toHaveLength(105);
		expect(calls().map((call) => call.pageNo)).toEqual(['0', '1']);
		const lines = await getMany({ returnAll: false, limit: 3, outputMode: 'lines' });
		expect(jsonOf(lines.outputs[0])).toEqual([
			expect.objectContaining({
				spu_goods_no: 'G1',
				spu_goods_id: 1,
				goods_id: 1,
				spec_no: 'G1-A',
			}),
			expect.objectContaining({ spu_goods_no: 'G1', spec_no: 'G1-B' }),
			expect.objectContaining({ spu_goods_no: 'G2', spec_no: 'G2-A' }),
		]);
	});

	it('sends the filters', async () => {
		addGoods(1, 1, { brand_name: '自有品牌' });
		addGoods(2, 1, { brand_name: '其他' });
		const { outputs } = await getMany({
			filters: { brandName: '自有品牌', includeDeleted: true },
		});
		expect(jsonOf(outputs[0]).map((g) => g.goods_no)).toEqual(['G1']);
		expect(calls()[0].params).toMatchObject({ brand_name: '自有品牌', hide_deleted: false });
	});

	it('refuses bad input before any call, naming item and field', async () => {
		const backwards = await getMany({
			startTime: '2024-03-02T00:00:00',
			endTime: '2024-03-01T00:00:00',
		});
		expect(backwards.error?.message).toBe(
			'Item 1: Modified Before (endTime) lies before Modified After (startTime).',
		);
		const tooLong = await getMany({ filters: { barcode: 'x'.repeat(51) } });
		expect(tooLong.error?.message).toBe(
			'Item 1: Filters → Barcode (filters.barcode) is longer than 50 characters.',
		);
		const tooFar = await getMany({
			startTime: '2020-01-01T00:00:00',
			endTime: '2024-01-01T00:00:00',
		});
		expect(tooFar.error?.message).toMatch(/more than 366 days apart/);
		expect(rig.sim.requests).toHaveLength(0);
	});

	itReportsRateLimitWithoutRetry(rig, METHOD, () => getMany());
});

describe('Goods → Get (goods.Goods.queryWithSpec by number)', () => {
	const get = (
		extra: IDataObject,
		input?: IDataObject[],
		options?: Parameters<typeof rig.run>[2],
	) => rig.run({ resource: 'goods', operation: 'get', ...extra }, input, options);

	it('finds goods by goods number or SKU code without a time range, one query per item', async () => {
		addGoods(1, 400);
		addGoods(2, 1);
		const { outputs, error } = await get(
			{ findBy: '={{ $json.by }}', number: '={{ $json.no }}' },
			[
				{ by: 'goodsNo', no: 'G1' },
				{ by: 'specNo', no: 'G2-B' },
				{ by: 'goodsNo', no: 'NONE' },
			],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((g) => g.goods_no ?? g.error)).toEqual([
			'G1',
			'G2',
			'No goods with goods number NONE was found',
		]);
		expect(pairsOf(outputs[0])).toEqual([0, 1, 2]);
		expect(calls().map((call) => call.params)).toEqual([
			{ goods_no: 'G1', hide_deleted: true },
			{ spec_no: 'G2-B', hide_deleted: true },
			{ goods_no: 'NONE', hide_deleted: true },
		]);
	});

	it('refuses an empty or too long number before any call', async () => {
		const empty = await get({ findBy: 'goodsNo', number: '={{ $json.no }}' }, [
			{ no: 'G1' },
			{ no: ' ' },
		]);
		expect(empty.error?.message).toBe('Item 2: Goods Number (number) is empty.');
		const long = await get({ findBy: 'specNo', number: 'S'.repeat(41) });
		expect(long.error?.message).toBe('Item 1: SKU Code (number) is longer than 40 characters.');
		expect(rig.sim.requests).toHaveLength(0);
	});
});
