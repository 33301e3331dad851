/**
 * The Goods Created or Updated event, run as n8n runs the poll (test/harness runPoll) against
 * the WDT simulator's goods.Goods.queryWithSpec (the generic catalog handler, test/simulator/
 * goods.ts) with a frozen clock: activation, every change an event by default (or one per goods),
 * a spec-only change under both readings of the page, Brand Name, Category Name and Include
 * Deleted, paging, specs on and off, type names and ISO times, "Fetch test event", bad options,
 * a rate limit.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { afterEach, describe, expect, it } from 'vitest';

import { addGoods, changeGoods, changeSpec, formatCst, GOODS_QUERY } from '../simulator';
import { HOUR, MINUTE, paramsOf, pollMinutes, stateAt, T0, useTriggerRig } from './support';
import {
	activate,
	pagingAndTestEventTests,
	rateLimitTest,
	type WindowedEventCase,
} from './windowedEvents';

const EVENT = 'goodsChanged';
const DAY = 24 * HOUR;
const rig = useTriggerRig();
afterEach(() => {
	rig.sim.replies.timeForm = 'text';
});

const goods = (options: INodeParameters = {}): INodeParameters => ({ event: EVENT, options });
const active = () => stateAt(EVENT, T0 - MINUTE);
const ids = (emitted: IDataObject[]) => emitted.map((json) => json.goods_id);

let nextId = 500;
const add = (modifiedMs: number, fields: IDataObject = {}) => {
	const id = nextId++;
	addGoods(rig.sim, id, modifiedMs, fields);
	return id;
};

const goodsCase: WindowedEventCase = {
	rig,
	name: 'Goods Created or Updated',
	parameters: goods(),
	method: GOODS_QUERY,
	add: (modifiedMs) => add(modifiedMs),
	id: (json) => json.goods_id,
};

describe.each(['n8n1', 'n8n2'] as const)('%s: Goods Created or Updated', (persistence) => {
	rateLimitTest(goodsCase, persistence);

	it('emits nothing from before the activation, then every new goods and every later change once', async () => {
		add(T0 - 2 * MINUTE);
		const existing = add(T0 - 3 * DAY);

		const activation = await activate(rig, persistence, goods());

		const created = add(T0 + 10_000);
		changeGoods(rig.sim, existing, { goods_name: 'Renamed' }, T0 + 20_000);
		const first = await pollMinutes(rig, persistence, activation.staticData, [1, 3], goods());
		expect(ids(first.emitted)).toEqual([created, existing]);
		expect(first.emitted[1]).toMatchObject({ goods_name: 'Renamed' });

		changeGoods(rig.sim, created, { remark: 'checked' }, T0 + 4 * MINUTE);
		const later = await pollMinutes(rig, persistence, first.staticData, [5, 10], goods());
		expect(later.emitted.map((json) => [json.goods_id, json.remark])).toEqual([
			[created, 'checked'],
		]);
		const params = [...first.polls, ...later.polls].flatMap((poll) => paramsOf(poll, GOODS_QUERY));
		for (const param of params) {
			expect(Object.keys(param).sort()).toEqual(['end_time', 'hide_deleted', 'start_time']);
			expect(param.hide_deleted).toBe(true);
		}
	});
});

describe.each(['keepsGoodsModified', 'movesGoodsModified'] as const)(
	'a spec-only change, when it %s',
	(reading) => {
		it('is an event, once, also for goods last changed before the activation, and with Include Specs off', async () => {
			const old = add(T0 - 3 * DAY);
			changeSpec(rig.sim, old, { retail_price: 99 }, T0 + 10_000, reading);
			const first = await pollMinutes(rig, 'n8n2', active(), [2, 6], goods());
			expect(ids(first.emitted)).toEqual([old]);
			const [item] = first.emitted;
			expect(item.modified).toBe(
				formatCst(reading === 'keepsGoodsModified' ? T0 - 3 * DAY : T0 + 10_000),
			);
			expect(item.spec_list).toEqual([
				expect.objectContaining({ retail_price: 99, spec_modified: formatCst(T0 + 10_000) }),
			]);
			expect(first.staticData.emitted).toEqual({ [old]: formatCst(T0 + 10_000) });

			changeSpec(rig.sim, old, { retail_price: 89 }, T0 + 7 * MINUTE, reading);
			const noSpecs = goods({ includeSpecs: false });
			const second = await pollMinutes(rig, 'n8n2', first.staticData, [8, 10], noSpecs);
			expect(ids(second.emitted)).toEqual([old]);
			expect(second.emitted[0]).not.toHaveProperty('spec_list');
		});
	},
);

describe('options', () => {
	it('Emit Again When Changed off: one event per goods', async () => {
		const id = add(T0 + 10_000);
		const once = goods({ emitAgainWhenChanged: false });
		const first = await pollMinutes(rig, 'n8n1', active(), [2, 2], once);
		changeGoods(rig.sim, id, { remark: 'x' }, T0 + 2 * MINUTE + 10_000);
		const later = await pollMinutes(rig, 'n8n1', first.staticData, [4, 6], once);
		expect(ids([...first.emitted, ...later.emitted])).toEqual([id]);
	});

	it('Brand Name and Category Name: passed as brand_name and class_name; only their goods are emitted', async () => {
		const match = add(T0 + 10_000, { brand_name: 'Acme', class_name: 'Shirts' });
		add(T0 + 11_000, { brand_name: 'Acme', class_name: 'Shoes' });
		add(T0 + 12_000, { brand_name: 'Other', class_name: 'Shirts' });
		const result = await pollMinutes(
			rig,
			'n8n1',
			active(),
			[2, 2],
			goods({ brandName: ' Acme ', className: 'Shirts' }),
		);
		expect(paramsOf(result.polls[0], GOODS_QUERY)[0]).toMatchObject({
			brand_name: 'Acme',
			class_name: 'Shirts',
		});
		expect(ids(result.emitted)).toEqual([match]);
	});

	it('Include Deleted: hidden by default (hide_deleted true), emitted when on (hide_deleted false)', async () => {
		const kept = add(T0 + 10_000);
		const deleted = add(T0 + 20_000, { deleted: 1 });
		const hidden = await pollMinutes(rig, 'n8n1', active(), [2, 2], goods());
		expect(ids(hidden.emitted)).toEqual([kept]);
		const shown = await pollMinutes(rig, 'n8n1', active(), [2, 2], goods({ includeDeleted: true }));
		expect(paramsOf(shown.polls[0], GOODS_QUERY)[0]).toMatchObject({ hide_deleted: false });
		expect(ids(shown.emitted)).toEqual([kept, deleted]);
	});

	it('adds the goods type name and ISO times (goods_modified sent in ms, as the page shows)', async () => {
		rig.sim.replies.timeForm = 'ms';
		const id = add(T0 + 10_000, { goods_type: 10, goods_created: formatCst(T0 - DAY) });
		const result = await pollMinutes(rig, 'n8n1', active(), [2, 2], goods());
		const [item] = result.emitted;
		expect(item).toMatchObject({
			goods_id: id,
			goods_type: 10,
			goods_type_name: '赠品',
			goods_modified: T0 + 10_000,
			goods_modified_iso: '2024-11-22T10:00:10+08:00',
			goods_created_iso: '2024-11-21T10:00:00+08:00',
			modified_iso: '2024-11-22T10:00:10+08:00',
		});
		const keys = Object.keys(item);
		expect(keys[keys.indexOf('goods_type') + 1]).toBe('goods_type_name');
	});

	it.each([
		[
			{ brandName: 'B'.repeat(65) },
			'Options → Brand Name is 65 characters long; WDT accepts at most 64.',
		],
		[
			{ className: 'C'.repeat(101) },
			'Options → Category Name is 101 characters long; WDT accepts at most 100.',
		],
	])('refuses %j before any call', async (options, message) => {
		const result = await rig.poll({ staticData: active(), parameters: goods(options) });
		expect(result.requests).toEqual([]);
		expect(result.error).toMatchObject({ message });
	});
});

pagingAndTestEventTests(goodsCase);
