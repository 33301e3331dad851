/**
 * Transfer Status Changed (wms.stocktransfer.Manage.queryWithDetail) as n8n runs the poll against
 * the simulator: one event per transfer and status (transfer_id + status), a change that keeps
 * the status (a remark, a partial stock-out) is not one, a return to an earlier status is;
 * Statuses sent to WDT; the shared paging, test-event and rate-limit behaviour.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { TRANSFER } from '../../nodes/shared/records';
import { MINUTE, paramsOf, pollMinutes, stateAt, T0, useTriggerRig } from './support';
import {
	activate,
	pagingAndTestEventTests,
	rateLimitTest,
	type WindowedEventCase,
} from './windowedEvents';

const QUERY = TRANSFER.method;
const EVENT = 'transferStatusChanged';
const rig = useTriggerRig();

const transfers = (options: INodeParameters = {}): INodeParameters => ({ event: EVENT, options });
const changes = (emitted: IDataObject[]) =>
	emitted.map((json) => `${String(json.transfer_id)}:${String(json.status)}`);

let nextId = 6000;
function addTransfer(modifiedMs: number, fields: IDataObject = {}): number {
	const id = nextId++;
	rig.sim.records(QUERY).add(
		{
			transfer_id: id,
			transfer_no: `TF${id}`,
			status: 20,
			details_list: [{ rec_id: id * 10, transfer_id: id, spec_no: 'SKU1', num: 2 }],
			...fields,
		},
		{ modifiedMs },
	);
	return id;
}
const change = (id: number, patch: IDataObject, modifiedMs: number) =>
	rig.sim.records(QUERY).modify((record) => record.transfer_id === id, patch, { modifiedMs });

const transferCase: WindowedEventCase = {
	rig,
	name: 'Transfer Status Changed',
	parameters: transfers(),
	method: QUERY,
	add: (modifiedMs) => addTransfer(modifiedMs),
	id: (json) => json.transfer_id,
};

describe.each(['n8n1', 'n8n2'] as const)('%s: Transfer Status Changed', (persistence) => {
	rateLimitTest(transferCase, persistence);

	it('one event per transfer and status: a same-status change is none, a new status is one', async () => {
		addTransfer(T0 - 2 * MINUTE);
		const activation = await activate(rig, persistence, transfers());
		const created = addTransfer(T0 + 10_000);
		const first = await pollMinutes(rig, persistence, activation.staticData, [1, 3], transfers());
		expect(changes(first.emitted)).toEqual([`${created}:20`]);
		change(created, { remark: 'edited' }, T0 + 4 * MINUTE);
		const edited = await pollMinutes(rig, persistence, first.staticData, [5, 7], transfers());
		expect(changes(edited.emitted)).toEqual([]);
		change(created, { status: 40 }, T0 + 8 * MINUTE);
		change(created, { status: 50 }, T0 + 8 * MINUTE + 5_000);
		const moved = await pollMinutes(rig, persistence, edited.staticData, [9, 11], transfers());
		// Both changes inside one poll: WDT shows only the latest status, which is the event.
		expect(changes(moved.emitted)).toEqual([`${created}:50`]);
		change(created, { status: 90 }, T0 + 12 * MINUTE);
		const done = await pollMinutes(rig, persistence, moved.staticData, [13, 15], transfers());
		expect(changes(done.emitted)).toEqual([`${created}:90`]);
	});
});

describe('options and output', () => {
	it('Statuses: sent to WDT comma-separated and checked here; lines kept', async () => {
		const reviewed = addTransfer(T0 + 10_000, { status: 40 });
		addTransfer(T0 + 20_000, { status: 20 });
		const result = await pollMinutes(
			rig,
			'n8n1',
			stateAt(EVENT, T0 - MINUTE),
			[2, 2],
			transfers({ statuses: ['40', '90'] }),
		);
		expect(changes(result.emitted)).toEqual([`${reviewed}:40`]);
		expect(result.emitted[0]).toMatchObject({ status_name: '已审核' });
		expect(result.emitted[0].details_list).toHaveLength(1);
		expect(paramsOf(result.polls[0], QUERY)[0]).toMatchObject({ status: '40,90' });
	});
});

pagingAndTestEventTests(transferCase);
