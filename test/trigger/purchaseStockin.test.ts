/**
 * Purchase Stock-In Created, run as n8n runs the poll against the simulator's
 * wms.stockin.Purchase.queryWithDetail: activation, each stock-in once (a later change is no
 * second event), Statuses sent to WDT and checked here (a stock-in first seen in another status
 * comes once it reaches a chosen one), both times always sent, lines, times as text or
 * milliseconds (replies.timeForm), paging, "Fetch test event", bad options, a rate limit; and a
 * stock-in booked against a purchase order through the simulator's flow (receivePurchase).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { addPurchaseOrder, receivePurchase } from '../simulator';
import { TIME_FORMS } from '../simulator/timeForms';
import { MINUTE, paramsOf, pollMinutes, stateAt, T0, useTriggerRig } from './support';
import {
	activate,
	pagingAndTestEventTests,
	rateLimitTest,
	type WindowedEventCase,
} from './windowedEvents';

const QUERY = 'wms.stockin.Purchase.queryWithDetail';
const EVENT = 'purchaseStockinCreated';
const rig = useTriggerRig();

const stockins = (options: INodeParameters = {}): INodeParameters => ({ event: EVENT, options });
const active = () => stateAt(EVENT, T0 - MINUTE);
const ids = (emitted: IDataObject[]) => emitted.map((json) => json.stockin_id);

let nextId = 6000;
function addStockin(modifiedMs: number, fields: IDataObject = {}): number {
	const id = nextId++;
	rig.sim.records(QUERY).add(
		{
			stockin_id: id,
			order_no: `RK${id}`,
			purchase_no: `CG${id}`,
			status: 80,
			details_list: [{ rec_id: id * 10, spec_no: 'SKU1', num: 2 }],
			...fields,
		},
		{ modifiedMs },
	);
	return id;
}
const changeStockin = (id: number, fields: IDataObject, modifiedMs: number) =>
	rig.sim.records(QUERY).modify((record) => record.stockin_id === id, fields, { modifiedMs });

const stockinCase: WindowedEventCase = {
	rig,
	name: 'Purchase Stock-In Created',
	parameters: stockins(),
	method: QUERY,
	add: (modifiedMs) => addStockin(modifiedMs),
	id: (json) => json.stockin_id,
};

describe.each(['n8n1', 'n8n2'] as const)('%s: Purchase Stock-In Created', (persistence) => {
	rateLimitTest(stockinCase, persistence);

	it('emits nothing from before the activation; then each new stock-in once, not its later changes', async () => {
		addStockin(T0 - 2 * MINUTE);
		const activation = await activate(rig, persistence, stockins());
		const created = addStockin(T0 + 10_000, { status: 20 });
		const first = await pollMinutes(rig, persistence, activation.staticData, [1, 3], stockins());
		changeStockin(created, { status: 80 }, T0 + 4 * MINUTE);
		const later = await pollMinutes(rig, persistence, first.staticData, [5, 7], stockins());
		expect(ids(first.emitted)).toEqual([created]);
		expect(later.emitted).toEqual([]);
		for (const params of [...first.polls, ...later.polls].flatMap((poll) => paramsOf(poll, QUERY)))
			expect(params).toMatchObject({
				start_time: expect.any(String),
				end_time: expect.any(String),
			});
	});
});

describe('options and output', () => {
	it('Statuses: sent to WDT comma-separated and checked here; a stock-in comes once it reaches a chosen status', async () => {
		const editing = addStockin(T0 + 10_000, { status: 20 });
		const done = addStockin(T0 + 20_000, { status: 80 });
		const options = { statuses: ['80', '40'] };
		const first = await pollMinutes(rig, 'n8n1', active(), [2, 2], stockins(options));
		expect(ids(first.emitted)).toEqual([done]);
		expect(paramsOf(first.polls[0], QUERY)[0]).toMatchObject({ status: '80,40' });
		changeStockin(editing, { status: 80 }, T0 + 3 * MINUTE);
		const second = await pollMinutes(rig, 'n8n1', first.staticData, [4, 6], stockins(options));
		expect(ids(second.emitted)).toEqual([editing]);
	});

	it('a receipt booked against a purchase order: the order number to reconcile by, lines, status names; Include Lines off drops details_list', async () => {
		const order = addPurchaseOrder(rig.sim, {
			providerNo: 'P001',
			warehouseNo: 'WH01',
			createdMs: T0 - 3600_000,
			status: 40,
			lines: [{ specNo: 'TS-001-BLK-M', num: 5, price: 2 }],
		});
		receivePurchase(rig.sim, String(order.purchase_no), {
			atMs: T0 + 10_000,
			lines: { 'TS-001-BLK-M': 3 },
		});
		const result = await pollMinutes(rig, 'n8n1', active(), [2, 2], stockins());
		expect(result.emitted).toEqual([
			expect.objectContaining({
				purchase_no: order.purchase_no,
				purchase_id: order.purchase_id,
				status: 80,
				status_name: '已完成',
				details_list: [expect.objectContaining({ spec_no: 'TS-001-BLK-M', num: 3 })],
			}),
		]);
		const without = await pollMinutes(
			rig,
			'n8n1',
			active(),
			[2, 2],
			stockins({ includeLines: false }),
		);
		expect(without.emitted[0]).not.toHaveProperty('details_list');
	});

	it.each(TIME_FORMS)(
		'reads modified as WDT sends it (replies.timeForm %s): each stock-in once',
		async (timeForm) => {
			rig.sim.replies.timeForm = timeForm;
			try {
				const id = addStockin(T0 + 10_000);
				const first = await pollMinutes(rig, 'n8n1', active(), [2, 2], stockins());
				changeStockin(id, { remark: 'checked' }, T0 + 3 * MINUTE);
				const second = await pollMinutes(rig, 'n8n1', first.staticData, [4, 6], stockins());
				expect(ids(first.emitted)).toEqual([id]);
				expect(first.emitted[0].modified_iso).toBe('2024-11-22T10:00:10+08:00');
				expect(second.emitted).toEqual([]);
			} finally {
				rig.sim.replies.timeForm = 'text';
			}
		},
	);

	it('refuses a status WDT does not have before any call', async () => {
		const result = await rig.poll({
			staticData: active(),
			parameters: stockins({ statuses: ['99'] }),
		});
		expect(result.requests).toEqual([]);
		expect(result.error).toMatchObject({
			message: 'Options → Statuses holds 99, which is not a purchase stock-in status of WDT.',
		});
	});
});

pagingAndTestEventTests(stockinCase);
