/**
 * The Refund Created or Updated event, run as n8n runs the poll (test/harness runPoll) against
 * the WDT simulator's aftersales.refund.Refund.search (the generic catalog handler, filled with
 * documented fields) with a frozen clock: activation, every change an event by default (or one
 * per refund), Statuses (one sent to WDT, several filtered here), Type and Shops, paging,
 * lines, status names and ISO times, "Fetch test event", bad options, a rate limit.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { WdtTrigger } from '../../nodes/WdtTrigger/WdtTrigger.node';
import { createEngine } from '../harness';
import { formatCst } from '../simulator';
import { HOUR, MINUTE, paramsOf, pollMinutes, stateAt, T0, useTriggerRig } from './support';
import {
	activate,
	pagingAndTestEventTests,
	rateLimitTest,
	type WindowedEventCase,
} from './windowedEvents';

const QUERY = 'aftersales.refund.Refund.search';
const EVENT = 'refundChanged';
const DAY = 24 * HOUR;
const rig = useTriggerRig();

const refunds = (options: INodeParameters = {}): INodeParameters => ({ event: EVENT, options });
const active = () => stateAt(EVENT, T0 - MINUTE);
const changes = (emitted: IDataObject[]) =>
	emitted.map((json) => `${String(json.refund_id)}:${String(json.status)}`);

let nextId = 9000;
/** The method's records; shop_nos (no record field of that name) selects by shop_no. */
function store() {
	return rig.sim
		.records(QUERY)
		.filter('shop_nos', (record, value) =>
			String(value).split(',').includes(String(record.shop_no)),
		);
}
function addRefund(modifiedMs: number, fields: IDataObject = {}): number {
	const id = nextId++;
	store().add(
		{
			refund_id: id,
			refund_no: `TK${id}`,
			status: 20,
			type: 2,
			shop_no: 'SHOP01',
			detail_list: [{ rec_id: id * 10, refund_id: id, goods_no: 'G1', refund_num: 1 }],
			...fields,
		},
		{ modifiedMs },
	);
	return id;
}
const changeRefund = (id: number, status: number, modifiedMs: number) =>
	store().modify((record) => record.refund_id === id, { status }, { modifiedMs });

const refundCase: WindowedEventCase = {
	rig,
	name: 'Refund Created or Updated',
	parameters: refunds(),
	method: QUERY,
	add: (modifiedMs) => addRefund(modifiedMs),
	id: (json) => json.refund_id,
};

describe.each(['n8n1', 'n8n2'] as const)('%s: Refund Created or Updated', (persistence) => {
	rateLimitTest(refundCase, persistence);

	it('emits nothing from before the activation, then every new refund and every later change once', async () => {
		addRefund(T0 - 2 * MINUTE);
		const existing = addRefund(T0 - 3 * DAY);

		const activation = await activate(rig, persistence, refunds());

		const created = addRefund(T0 + 10_000);
		changeRefund(existing, 30, T0 + 20_000);
		const first = await pollMinutes(rig, persistence, activation.staticData, [1, 3], refunds());
		expect(changes(first.emitted)).toEqual([`${created}:20`, `${existing}:30`]);

		changeRefund(created, 30, T0 + 4 * MINUTE);
		const reviewed = await pollMinutes(rig, persistence, first.staticData, [5, 5], refunds());
		changeRefund(created, 90, T0 + 6 * MINUTE);
		const done = await pollMinutes(rig, persistence, reviewed.staticData, [7, 12], refunds());
		expect(changes([...reviewed.emitted, ...done.emitted])).toEqual([
			`${created}:30`,
			`${created}:90`,
		]);
		expect(done.staticData.emitted).toMatchObject({ [created]: formatCst(T0 + 6 * MINUTE) });
		const params = [...first.polls, ...done.polls].flatMap((poll) => paramsOf(poll, QUERY));
		expect(params.length).toBeGreaterThan(0);
		for (const param of params)
			expect(Object.keys(param).sort()).toEqual(['modified_from', 'modified_to']);
	});
});

describe('options', () => {
	it('Emit Again When Changed off: one event per refund', async () => {
		const id = addRefund(T0 + 10_000);
		const once = refunds({ emitAgainWhenChanged: false });
		const first = await pollMinutes(rig, 'n8n1', active(), [2, 2], once);
		changeRefund(id, 30, T0 + 2 * MINUTE + 10_000);
		const later = await pollMinutes(rig, 'n8n1', first.staticData, [4, 6], once);
		expect(changes([...first.emitted, ...later.emitted])).toEqual([`${id}:20`]);
	});

	it('Statuses: one is sent to WDT; several are filtered here, as WDT takes one', async () => {
		const reviewed = addRefund(T0 + 10_000, { status: 30 });
		addRefund(T0 + 20_000, { status: 20 });
		const done = addRefund(T0 + 30_000, { status: 90 });
		const one = await pollMinutes(rig, 'n8n1', active(), [2, 2], refunds({ statuses: ['90'] }));
		expect(paramsOf(one.polls[0], QUERY)[0]).toMatchObject({ status: 90 });
		expect(changes(one.emitted)).toEqual([`${done}:90`]);

		const several = await pollMinutes(
			rig,
			'n8n1',
			active(),
			[2, 2],
			refunds({ statuses: ['90', '30'] }),
		);
		expect(paramsOf(several.polls[0], QUERY)[0]).not.toHaveProperty('status');
		expect(changes(several.emitted)).toEqual([`${reviewed}:30`, `${done}:90`]);
	});

	it('Shops (from the list, or several codes) and Type: passed as shop_nos and type; only their refunds are emitted', async () => {
		const match = addRefund(T0 + 10_000, { shop_no: 'SHOP_A', type: 3 });
		addRefund(T0 + 11_000, { shop_no: 'SHOP_A', type: 2 });
		const other = addRefund(T0 + 12_000, { shop_no: 'SHOP_B', type: 3 });
		const third = addRefund(T0 + 13_000, { shop_no: 'SHOP_C', type: 3 });
		const result = await pollMinutes(
			rig,
			'n8n1',
			active(),
			[2, 2],
			refunds({ shopNos: { __rl: true, mode: 'code', value: ' SHOP_A， SHOP_B ' }, type: '3' }),
		);
		expect(paramsOf(result.polls[0], QUERY)[0]).toMatchObject({
			shop_nos: 'SHOP_A,SHOP_B',
			type: 3,
		});
		expect(result.emitted.map((json) => json.refund_id)).toEqual([match, other]);
		const listed = await pollMinutes(
			rig,
			'n8n1',
			active(),
			[2, 2],
			refunds({ shopNos: { __rl: true, mode: 'list', value: 'SHOP_C' } }),
		);
		expect(paramsOf(listed.polls[0], QUERY)[0]).toMatchObject({ shop_nos: 'SHOP_C' });
		expect(listed.emitted.map((json) => json.refund_id)).toEqual([third]);
	});

	it('adds status names and ISO times; Include Lines off drops detail_list', async () => {
		const id = addRefund(T0 + 10_000, { status: 30, type: 4 });
		const withLines = await pollMinutes(rig, 'n8n1', active(), [2, 2], refunds());
		expect(withLines.emitted).toHaveLength(1);
		const item = withLines.emitted[0];
		expect(item).toMatchObject({
			refund_id: id,
			status: 30,
			status_name: '已审核',
			type: 4,
			type_name: '退款不退货',
			modified: formatCst(T0 + 10_000),
			modified_iso: '2024-11-22T10:00:10+08:00',
			created_iso: '2024-11-22T10:00:10+08:00',
			detail_list: [expect.objectContaining({ refund_id: id, goods_no: 'G1' })],
		});
		const keys = Object.keys(item);
		expect(keys[keys.indexOf('status') + 1]).toBe('status_name');
		expect(keys[keys.indexOf('modified') + 1]).toBe('modified_iso');
		const without = await pollMinutes(
			rig,
			'n8n1',
			active(),
			[2, 2],
			refunds({ includeLines: false }),
		);
		expect(without.emitted[0]).not.toHaveProperty('detail_list');
		expect(without.emitted[0]).toMatchObject({ refund_id: id });
	});

	it('an item is the refund Refund → Get Many outputs: the same fields, names and ISO times', async () => {
		const id = addRefund(T0 + 10_000, {
			status: 30,
			type: 4,
			warehouse_type: 1,
			current_phase_timeout: formatCst(T0 + DAY),
		});
		const event = await pollMinutes(rig, 'n8n1', active(), [2, 2], refunds());
		// The action node in an engine of its own (the trigger rig's engine holds the trigger only).
		const actions = createEngine({ nodes: [Wdt] });
		const { outputs, error } = await actions.runNode({
			type: 'wdt',
			parameters: {
				resource: 'refund',
				operation: 'getMany',
				startTime: new Date(T0).toISOString(),
				endTime: new Date(T0 + MINUTE).toISOString(),
				returnAll: true,
			},
			credentials: rig.credentials as { wdtApi: ICredentialDataDecryptedObject },
		});
		expect(error).toBeUndefined();
		const [fromGetMany] = (outputs[0] ?? []).map((item) => item.json);
		expect(event.emitted).toHaveLength(1);
		expect(event.emitted[0]).toEqual(fromGetMany);
		expect(fromGetMany).toMatchObject({
			refund_id: id,
			warehouse_type_name: expect.any(String),
			current_phase_timeout_iso: '2024-11-23T10:00:00+08:00',
		});
	});

	it.each([
		[{ statuses: ['99'] }, 'Options → Statuses holds 99, which is not a refund status of WDT.'],
		[{ type: '5' }, 'Options → Type holds 5, which is not a refund type of WDT.'],
		[
			{ shopNos: 'S'.repeat(256) },
			'Options → Shops is 256 characters long; WDT accepts at most 255.',
		],
	])('refuses %j before any call', async (options, message) => {
		const result = await rig.poll({ staticData: active(), parameters: refunds(options) });
		expect(result.requests).toEqual([]);
		expect(result.error).toMatchObject({ message });
	});

	it('says that WDT leaves out Taobao/Tmall, Pinduoduo and system-distribution refunds; every change is an event by default', () => {
		const { properties } = new WdtTrigger().description;
		const event = properties
			.find((p) => p.name === 'event')
			?.options?.find((option) => 'value' in option && option.value === EVENT);
		expect(event).toMatchObject({
			description: expect.stringContaining('Taobao/Tmall, Pinduoduo'),
		});
		const options = properties.find(
			(p) => p.name === 'options' && p.displayOptions?.show?.event?.includes(EVENT),
		)?.options as Array<{ name: string; default?: unknown; description?: string }>;
		expect(options.find((o) => o.name === 'shopNos')?.description).toContain('system-distribution');
		expect(options.find((o) => o.name === 'emitAgainWhenChanged')?.default).toBe(true);
	});
});

pagingAndTestEventTests(refundCase);
