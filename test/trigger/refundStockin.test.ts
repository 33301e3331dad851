/**
 * Refund Stock-In Received, run as n8n runs the poll against the simulator's
 * wms.stockin.Refund.queryWithDetail: one event per stock-in reaching Completed (80), status and
 * time_type 0 sent to WDT, a completed stock-in's later change not another event, Shops and
 * Warehouse sent, lines kept or dropped, paging, "Fetch test event", a rate limit.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { REFUND_STOCKIN } from '../../nodes/shared/records';
import { MINUTE, paramsOf, pollMinutes, stateAt, T0, useTriggerRig } from './support';
import {
	activate,
	pagingAndTestEventTests,
	rateLimitTest,
	type WindowedEventCase,
} from './windowedEvents';

const QUERY = REFUND_STOCKIN.method;
const EVENT = 'refundStockinReceived';
const rig = useTriggerRig();

const received = (options: INodeParameters = {}): INodeParameters => ({ event: EVENT, options });
const active = () => stateAt(EVENT, T0 - MINUTE);
const ids = (emitted: IDataObject[]) => emitted.map((json) => json.stockin_id);

let nextId = 7000;
function addStockin(modifiedMs: number, fields: IDataObject = {}): number {
	const id = nextId++;
	rig.sim.records(QUERY).add(
		{
			stockin_id: id,
			order_no: `TR${id}`,
			refund_no: `RF${id}`,
			status: 80,
			shop_no: 'MALL01',
			warehouse_no: 'WH001',
			details_list: [{ rec_id: id * 10, stockin_id: id, spec_no: 'SKU1', num: 1 }],
			...fields,
		},
		{ modifiedMs },
	);
	return id;
}
const change = (id: number, fields: IDataObject, modifiedMs: number) =>
	rig.sim.records(QUERY).modify((record) => record.stockin_id === id, fields, { modifiedMs });

const stockinCase: WindowedEventCase = {
	rig,
	name: 'Refund Stock-In Received',
	parameters: received(),
	method: QUERY,
	add: (modifiedMs) => addStockin(modifiedMs),
	id: (json) => json.stockin_id,
};

describe.each(['n8n1', 'n8n2'] as const)('%s: Refund Stock-In Received', (persistence) => {
	rateLimitTest(stockinCase, persistence);

	it('emits each stock-in once when it reaches Completed, never before, never again', async () => {
		addStockin(T0 - 2 * MINUTE);
		const activation = await activate(rig, persistence, received());
		const pending = addStockin(T0 + 10_000, { status: 20 });
		const first = await pollMinutes(rig, persistence, activation.staticData, [1, 3], received());
		expect(ids(first.emitted)).toEqual([]);
		expect(paramsOf(first.polls[0], QUERY)[0]).toMatchObject({ status: '80', time_type: 0 });
		change(pending, { status: 80 }, T0 + 4 * MINUTE);
		const done = await pollMinutes(rig, persistence, first.staticData, [5, 7], received());
		expect(ids(done.emitted)).toEqual([pending]);
		expect(done.emitted[0]).toMatchObject({ status_name: '已完成' });
		// Settled later (process_status 80): still the same stock-in received once.
		change(pending, { process_status: 80 }, T0 + 8 * MINUTE);
		const later = await pollMinutes(rig, persistence, done.staticData, [9, 11], received());
		expect(ids(later.emitted)).toEqual([]);
	});
});

describe('options and output', () => {
	it('Shops and Warehouse are sent to WDT; Include Lines off drops details_list', async () => {
		const id = addStockin(T0 + 10_000);
		const result = await pollMinutes(
			rig,
			'n8n1',
			active(),
			[2, 2],
			received({
				shopNos: { __rl: true, mode: 'list', value: 'MALL01' },
				warehouseNo: { __rl: true, mode: 'list', value: 'WH001' },
				includeLines: false,
			}),
		);
		expect(paramsOf(result.polls[0], QUERY)[0]).toMatchObject({
			shop_nos: 'MALL01',
			warehouse_no: 'WH001',
		});
		expect(ids(result.emitted)).toEqual([id]);
		expect(result.emitted[0]).not.toHaveProperty('details_list');
	});

	it('a row WDT returns in another status is not emitted', async () => {
		rig.sim.records(QUERY).filter('status', () => true); // the simulator ignores status
		addStockin(T0 + 10_000, { status: 30 });
		const result = await pollMinutes(rig, 'n8n1', active(), [2, 2], received());
		expect(result.emitted).toEqual([]);
	});
});

pagingAndTestEventTests(stockinCase);
