/**
 * Purchase Order Status Changed, run as n8n runs the poll against the simulator's
 * purchase.PurchaseOrder.queryWithDetail: activation, one event per status change (an edit that
 * keeps the status is none, a return to an earlier status is one), Statuses checked by the node
 * (never sent to WDT, so every status is remembered), lines kept or dropped, the shared output
 * shape, times as text or milliseconds (replies.timeForm), paging, "Fetch test event", bad
 * options, a rate limit.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { lineItems, shapeRecord } from '../../nodes/shared/read';
import { PURCHASE_ORDER } from '../../nodes/shared/records';
import { MINUTE, paramsOf, pollMinutes, stateAt, T0, useTriggerRig } from './support';
import {
	activate,
	pagingAndTestEventTests,
	rateLimitTest,
	type WindowedEventCase,
} from './windowedEvents';

const QUERY = PURCHASE_ORDER.method;
const EVENT = 'purchaseOrderStatusChanged';
const rig = useTriggerRig();

const orders = (options: INodeParameters = {}): INodeParameters => ({ event: EVENT, options });
const active = () => stateAt(EVENT, T0 - MINUTE);
const changes = (emitted: IDataObject[]) =>
	emitted.map((json) => `${String(json.purchase_id)}:${String(json.status)}`);

let nextId = 8000;
function addOrder(modifiedMs: number, fields: IDataObject = {}): number {
	const id = nextId++;
	rig.sim.records(QUERY).add(
		{
			purchase_id: id,
			purchase_no: `CG${id}`,
			status: 20,
			stockin_status: 0,
			detail_list: [{ rec_id: id * 10, purchase_id: id, spec_no: 'SKU1', num: 2 }],
			...fields,
		},
		{ modifiedMs },
	);
	return id;
}
const changeOrder = (id: number, status: number, modifiedMs: number) =>
	rig.sim.records(QUERY).modify((record) => record.purchase_id === id, { status }, { modifiedMs });
const editOrder = (id: number, modifiedMs: number) =>
	rig.sim
		.records(QUERY)
		.modify((record) => record.purchase_id === id, { remark: `at ${modifiedMs}` }, { modifiedMs });

const orderCase: WindowedEventCase = {
	rig,
	name: 'Purchase Order Status Changed',
	parameters: orders(),
	method: QUERY,
	add: (modifiedMs) => addOrder(modifiedMs),
	id: (json) => json.purchase_id,
};

describe.each(['n8n1', 'n8n2'] as const)('%s: Purchase Order Status Changed', (persistence) => {
	rateLimitTest(orderCase, persistence);

	it('emits nothing from before the activation; then each status change once, not an edit that keeps the status, and a return to an earlier status again', async () => {
		addOrder(T0 - 2 * MINUTE);
		const activation = await activate(rig, persistence, orders());
		const created = addOrder(T0 + 10_000);
		const first = await pollMinutes(rig, persistence, activation.staticData, [1, 3], orders());
		changeOrder(created, 40, T0 + 4 * MINUTE);
		const reviewed = await pollMinutes(rig, persistence, first.staticData, [5, 7], orders());
		editOrder(created, T0 + 8 * MINUTE);
		const edited = await pollMinutes(rig, persistence, reviewed.staticData, [9, 11], orders());
		changeOrder(created, 20, T0 + 12 * MINUTE);
		const back = await pollMinutes(rig, persistence, edited.staticData, [13, 15], orders());
		expect(changes(first.emitted)).toEqual([`${created}:20`]);
		expect(changes(reviewed.emitted)).toEqual([`${created}:40`]);
		expect(edited.emitted).toEqual([]);
		expect(changes(back.emitted)).toEqual([`${created}:20`]);
		expect(back.staticData).toMatchObject({ states: { [created]: '20' } });
	});
});

describe('options and output', () => {
	it('Statuses: checked by the node, never sent to WDT, so a change into a chosen status after an unchosen one is seen', async () => {
		const reviewed = addOrder(T0 + 10_000, { status: 40 });
		const editing = addOrder(T0 + 20_000, { status: 20 });
		const done = addOrder(T0 + 30_000, { status: 90 });
		const options = { statuses: ['90', '40'] };
		const result = await pollMinutes(rig, 'n8n1', active(), [2, 2], orders(options));
		expect(changes(result.emitted)).toEqual([`${reviewed}:40`, `${done}:90`]);
		changeOrder(editing, 40, T0 + 3 * MINUTE);
		const later = await pollMinutes(rig, 'n8n1', result.staticData, [4, 5], orders(options));
		expect(changes(later.emitted)).toEqual([`${editing}:40`]);
		for (const params of [...result.polls, ...later.polls].flatMap((poll) => paramsOf(poll, QUERY)))
			expect(params).not.toHaveProperty('status');
	});

	it.each(['text', 'ms', 'seconds', 'msText', 'secondsText'] as const)(
		'reads modified as WDT sends it (replies.timeForm %s): each change once',
		async (timeForm) => {
			rig.sim.replies.timeForm = timeForm;
			try {
				const id = addOrder(T0 + 10_000);
				const first = await pollMinutes(rig, 'n8n1', active(), [2, 2], orders());
				changeOrder(id, 40, T0 + 3 * MINUTE);
				const second = await pollMinutes(rig, 'n8n1', first.staticData, [4, 6], orders());
				expect(changes(first.emitted)).toEqual([`${id}:20`]);
				expect(changes(second.emitted)).toEqual([`${id}:40`]);
				expect(second.emitted[0].modified_iso).toBe('2024-11-22T10:03:00+08:00');
			} finally {
				rig.sim.replies.timeForm = 'text';
			}
		},
	);

	it('gives the fields Get Many gives (the shared pipeline); Include Lines off drops detail_list', async () => {
		const id = addOrder(T0 + 10_000, { status: 40, stockin_status: 1 });
		const result = await pollMinutes(rig, 'n8n1', active(), [2, 2], orders());
		const [item] = result.emitted;
		expect(item).toMatchObject({
			purchase_id: id,
			status_name: '已审核',
			stockin_status_name: '部分入库',
			modified_iso: '2024-11-22T10:00:10+08:00',
			detail_list: [expect.objectContaining({ purchase_id: id, spec_no: 'SKU1' })],
		});
		// Shaping the item again changes nothing: it is already the shared shape.
		expect(shapeRecord(PURCHASE_ORDER, item)).toEqual(item);
		const without = await pollMinutes(
			rig,
			'n8n1',
			active(),
			[2, 2],
			orders({ includeLines: false }),
		);
		expect(without.emitted[0]).not.toHaveProperty('detail_list');
	});

	it('One Item per Line keeps the order purchase_id beside the line purchase_id', () => {
		const [line] = lineItems(
			{ purchase_id: 1, purchase_no: 'CG1', detail_list: [{ purchase_id: 2, rec_id: 3 }] },
			PURCHASE_ORDER.lines!.list,
			PURCHASE_ORDER.lines!.prefix,
		);
		expect(line).toEqual({
			purchase_purchase_id: 1,
			purchase_no: 'CG1',
			purchase_id: 2,
			rec_id: 3,
		});
	});

	it('refuses a status WDT does not have before any call', async () => {
		const result = await rig.poll({
			staticData: active(),
			parameters: orders({ statuses: ['99'] }),
		});
		expect(result.requests).toEqual([]);
		expect(result.error).toMatchObject({
			message: 'Options → Statuses holds 99, which is not a purchase order status of WDT.',
		});
	});
});

pagingAndTestEventTests(orderCase);
