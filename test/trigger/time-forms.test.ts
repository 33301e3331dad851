/**
 * Refund Created or Updated and Goods Created or Updated under each form the simulator can send
 * the times their pages contradict themselves on (`replies.timeForm`: the table says String,
 * the reply example sends milliseconds): each record once across polls, a change emitted again,
 * `_iso` beside each time; a change time that is no time stops the poll, naming the record.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { afterEach, describe, expect, it } from 'vitest';

import { addGoods, changeGoods, changeSpec } from '../simulator';
import { TIME_FORMS, timeInForm } from '../simulator/timeForms';
import { MINUTE, pollMinutes, stateAt, T0, useTriggerRig } from './support';

const REFUNDS = 'aftersales.refund.Refund.search';
const rig = useTriggerRig();
const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';

afterEach(() => {
	rig.sim.replies.timeForm = 'text';
});

let nextId = 7000;
function addRefund(modifiedMs: number): number {
	const id = nextId++;
	rig.sim
		.records(REFUNDS)
		.add(
			{ refund_id: id, refund_no: `TK${id}`, status: 20, type: 2, shop_no: 'SHOP01' },
			{ modifiedMs },
		);
	return id;
}
const refunds: INodeParameters = { event: 'refundChanged', options: {} };
const goods: INodeParameters = { event: 'goodsChanged', options: {} };

describe.each(TIME_FORMS)('timeForm %s', (form) => {
	it('Refund Created or Updated: each refund once across polls, a change again, modified as sent with its _iso', async () => {
		rig.sim.replies.timeForm = form;
		const created = addRefund(T0 + 10_000);
		const first = await pollMinutes(
			rig,
			'n8n2',
			stateAt('refundChanged', T0 - MINUTE),
			[1, 3],
			refunds,
		);
		expect(first.emitted.map((json) => json.refund_id)).toEqual([created]);
		expect(first.emitted[0]).toMatchObject({
			modified: timeInForm(T0 + 10_000, form),
			modified_iso: iso(T0 + 10_000),
		});
		rig.sim
			.records(REFUNDS)
			.modify(
				(record) => record.refund_id === created,
				{ status: 30 },
				{ modifiedMs: T0 + 4 * MINUTE },
			);
		const later = await pollMinutes(rig, 'n8n2', first.staticData, [5, 9], refunds);
		expect(later.emitted.map((json) => [json.refund_id, json.status])).toEqual([[created, 30]]);
		expect(later.staticData.emitted).toEqual({ [String(created)]: '2024-11-22 10:04:00' });
	});

	it('Goods Created or Updated: goods and spec changes once each, goods_modified and spec_modified with _iso', async () => {
		rig.sim.replies.timeForm = form;
		const id = nextId++;
		addGoods(rig.sim, id, T0 + 10_000);
		const first = await pollMinutes(
			rig,
			'n8n2',
			stateAt('goodsChanged', T0 - MINUTE),
			[1, 3],
			goods,
		);
		expect(first.emitted.map((json) => json.goods_id)).toEqual([id]);
		expect(first.emitted[0]).toMatchObject({
			goods_modified: timeInForm(T0 + 10_000, form),
			goods_modified_iso: iso(T0 + 10_000),
		});
		expect((first.emitted[0].spec_list as IDataObject[])[0]).toMatchObject({
			spec_modified: timeInForm(T0 + 10_000, form),
			spec_modified_iso: iso(T0 + 10_000),
		});
		changeSpec(rig.sim, id, { retail_price: 5 }, T0 + 4 * MINUTE, 'keepsGoodsModified');
		const spec = await pollMinutes(rig, 'n8n2', first.staticData, [5, 9], goods);
		expect(spec.emitted.map((json) => json.goods_id)).toEqual([id]);
		changeGoods(rig.sim, id, { remark: 'again' }, T0 + 10 * MINUTE);
		const again = await pollMinutes(rig, 'n8n2', spec.staticData, [11, 16], goods);
		expect(again.emitted.map((json) => [json.goods_id, json.remark])).toEqual([[id, 'again']]);
	});
});

it('a refund whose modified is no time stops the poll, naming the refund, and keeps the cursor', async () => {
	const id = addRefund(T0 + 10_000);
	rig.sim
		.records(REFUNDS)
		.modify((record) => record.refund_id === id, { modified: 'soon' }, { modifiedMs: T0 + 10_000 });
	rig.setTime(T0 + 2 * MINUTE);
	const before = stateAt('refundChanged', T0 - MINUTE);
	const result = await rig.poll({ persistence: 'n8n2', staticData: before, parameters: refunds });
	expect(result.error).toMatchObject({
		message: expect.stringContaining(`refund ${id} with a change time that is not a time: "soon"`),
	});
	expect(result.emitted).toEqual([]);
	expect(result.staticData.cursor).toBe(before.cursor);
});
