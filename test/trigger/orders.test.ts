/**
 * The New or Updated Sales Order event, run as n8n runs the poll (test/harness runPoll) against
 * the WDT simulator's sales.TradeQuery.queryWithDetail with a frozen clock: activation, every
 * change an event by default (or one per order), the Statuses, shop and warehouse filters,
 * paging, lines, status names and ISO times, "Fetch test event", bad options.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { WdtTrigger } from '../../nodes/WdtTrigger/WdtTrigger.node';
import { formatCst } from '../simulator';
import {
	CORE_NOW,
	HOUR,
	MINUTE,
	paramsOf,
	pollMinutes,
	stateAt,
	T0,
	useTriggerRig,
} from './support';

const QUERY = 'sales.TradeQuery.queryWithDetail';
const EVENT = 'salesOrderChanged';
const rig = useTriggerRig();

const orders = (options: INodeParameters = {}): INodeParameters => ({ event: EVENT, options });
const changes = (emitted: IDataObject[]) =>
	emitted.map((json) => `${String(json.trade_id)}:${String(json.trade_status)}`);

describe.each(['n8n1', 'n8n2'] as const)('%s: New or Updated Sales Order', (persistence) => {
	it('emits nothing from before the activation, then every new order and every later change once', async () => {
		rig.sim.addTrade({ status: 30, modifiedMs: T0 - 2 * MINUTE });
		const existing = rig.sim.addTrade({ status: 30, modifiedMs: T0 - HOUR });

		const activation = await rig.poll({
			persistence,
			staticData: {},
			activationPoll: true,
			parameters: orders(),
		});
		expect(activation.error).toBeUndefined();
		expect(activation.items).toBeNull();
		expect(activation.requests.map((request) => request.method)).toEqual([CORE_NOW]);

		const created = rig.sim.addTrade({ status: 30, modifiedMs: T0 + 10_000 });
		rig.sim.modifyTrade(existing.tradeId, { status: 55, modifiedMs: T0 + 20_000 });
		const first = await pollMinutes(rig, persistence, activation.staticData, [1, 3], orders());
		expect(changes(first.emitted)).toEqual([`${created.tradeId}:30`, `${existing.tradeId}:55`]);

		// Reviewed, then shipped: two more events of the same order; a poll re-reading the overlap
		// emits none again.
		rig.sim.modifyTrade(created.tradeId, { status: 55, modifiedMs: T0 + 4 * MINUTE });
		const reviewed = await pollMinutes(rig, persistence, first.staticData, [5, 5], orders());
		rig.sim.modifyTrade(created.tradeId, { status: 95, modifiedMs: T0 + 6 * MINUTE });
		const shipped = await pollMinutes(rig, persistence, reviewed.staticData, [7, 12], orders());
		const seen = [...reviewed.emitted, ...shipped.emitted];
		const { staticData } = shipped;
		expect(changes(seen)).toEqual([`${created.tradeId}:55`, `${created.tradeId}:95`]);
		expect(staticData.emitted).toMatchObject({ [created.tradeId]: formatCst(T0 + 6 * MINUTE) });
		for (const param of [...first.polls].flatMap((poll) => paramsOf(poll, QUERY))) {
			expect(param).not.toHaveProperty('status');
			expect(Object.keys(param).sort()).toEqual(['end_time', 'start_time']);
		}
	});
});

describe('options', () => {
	it('Emit Again When Changed off: one event per order', async () => {
		const order = rig.sim.addTrade({ status: 30, modifiedMs: T0 + 10_000 });
		const once = orders({ emitAgainWhenChanged: false });
		const first = await pollMinutes(rig, 'n8n1', stateAt(EVENT, T0 - MINUTE), [2, 2], once);
		rig.sim.modifyTrade(order.tradeId, { status: 55, modifiedMs: T0 + 2 * MINUTE + 10_000 });
		const later = await pollMinutes(rig, 'n8n1', first.staticData, [4, 6], once);
		expect(changes([...first.emitted, ...later.emitted])).toEqual([`${order.tradeId}:30`]);
	});

	it('Statuses: asks WDT for those statuses only and emits nothing else, even when WDT returns it', async () => {
		const reviewed = rig.sim.addTrade({ status: 55, modifiedMs: T0 + 10_000 });
		rig.sim.addTrade({ status: 30, modifiedMs: T0 + 20_000 });
		const shipped = rig.sim.addTrade({ status: 95, modifiedMs: T0 + 30_000 });
		const result = await pollMinutes(
			rig,
			'n8n1',
			stateAt(EVENT, T0 - MINUTE),
			[2, 2],
			orders({ statuses: [95, 55] }),
		);
		expect(paramsOf(result.polls[0], QUERY)[0]).toMatchObject({ status: '95,55' });
		expect(changes(result.emitted)).toEqual([`${reviewed.tradeId}:55`, `${shipped.tradeId}:95`]);
	});

	it.each([
		[
			'dropdowns (From List, By Code)',
			{ __rl: true, mode: 'list', value: 'SHOP_A' },
			{ __rl: true, mode: 'code', value: ' WH02 ' },
		],
		['plain codes, as saved before they were dropdowns', ' SHOP_A ', 'WH02'],
	])(
		'Shop and Warehouse as %s: passed as shop_no and warehouse_no; only their orders are emitted',
		async (_how, shopNo, warehouseNo) => {
			const match = rig.sim.addTrade({
				shopNo: 'SHOP_A',
				warehouseNo: 'WH02',
				modifiedMs: T0 + 10_000,
			});
			rig.sim.addTrade({ shopNo: 'SHOP_A', warehouseNo: 'WH01', modifiedMs: T0 + 11_000 });
			rig.sim.addTrade({ shopNo: 'SHOP_B', warehouseNo: 'WH02', modifiedMs: T0 + 12_000 });
			const result = await pollMinutes(
				rig,
				'n8n1',
				stateAt(EVENT, T0 - MINUTE),
				[2, 2],
				orders({ shopNo, warehouseNo }),
			);
			expect(paramsOf(result.polls[0], QUERY)[0]).toMatchObject({
				shop_no: 'SHOP_A',
				warehouse_no: 'WH02',
			});
			expect(result.emitted.map((json) => json.trade_id)).toEqual([match.tradeId]);
		},
	);

	it('adds status names and ISO times; Include Lines off drops detail_list', async () => {
		const order = rig.sim.addTrade({ status: 95, modifiedMs: T0 + 10_000 });
		const withLines = await pollMinutes(rig, 'n8n1', stateAt(EVENT, T0 - MINUTE), [2, 2], orders());
		expect(withLines.emitted).toHaveLength(1);
		expect(withLines.emitted[0]).toMatchObject({
			trade_id: order.tradeId,
			trade_no: order.tradeNo,
			trade_status: 95,
			trade_status_name: '已发货',
			modified: formatCst(T0 + 10_000),
			modified_iso: '2024-11-22T10:00:10+08:00',
			detail_list: [],
		});
		const keys = Object.keys(withLines.emitted[0]);
		expect(keys[keys.indexOf('trade_status') + 1]).toBe('trade_status_name');
		const without = await pollMinutes(
			rig,
			'n8n1',
			stateAt(EVENT, T0 - MINUTE),
			[2, 2],
			orders({ includeLines: false }),
		);
		expect(without.emitted[0]).not.toHaveProperty('detail_list');
		expect(without.emitted[0]).toMatchObject({ trade_id: order.tradeId });
	});

	it.each([
		[{ statuses: [94] }, 'Options → Statuses holds 94, which is not a sales order status of WDT.'],
		[
			{ shopNo: { __rl: true, mode: 'code', value: 'S'.repeat(21) } },
			'Options → Shop is 21 characters long; WDT accepts at most 20.',
		],
	])('refuses %j before any call', async (options, message) => {
		const result = await rig.poll({
			staticData: stateAt(EVENT, T0 - MINUTE),
			parameters: orders(options),
		});
		expect(result.requests).toEqual([]);
		expect(result.error).toMatchObject({ message });
	});

	it('the Emit Again When Changed option is on by default for this event only', () => {
		const collections = new WdtTrigger().description.properties.filter((p) => p.name === 'options');
		const emitAgain = (event: string) =>
			collections
				.find((p) => p.displayOptions?.show?.event?.includes(event))
				?.options?.find((option) => option.name === 'emitAgainWhenChanged') as
				| { default: unknown }
				| undefined;
		expect(emitAgain(EVENT)?.default).toBe(true);
		expect(emitAgain('stockoutShipped')?.default).toBe(false);
		expect(emitAgain('stockoutCancelled')?.default).toBe(false);
	});
});

describe('paging, catch-up and Fetch test event', () => {
	it('reads every page of a busy hour and the windows after an outage', async () => {
		const busy = Array.from({ length: 130 }, (_, i) =>
			rig.sim.addTrade({ modifiedMs: T0 + 10_000 + i * 25_000 }),
		);
		const later = Array.from({ length: 20 }, (_, i) =>
			rig.sim.addTrade({ modifiedMs: T0 + HOUR + i * 5 * MINUTE }),
		);
		rig.setTime(T0 + 3 * HOUR);
		const result = await rig.poll({
			staticData: stateAt(EVENT, T0 - MINUTE),
			parameters: orders(),
		});
		expect(result.error).toBeUndefined();
		expect(result.emitted.map((json) => json.trade_id)).toEqual(
			[...busy, ...later].map((order) => order.tradeId),
		);
		const searches = result.requests.filter((request) => request.method === QUERY);
		expect(searches.some((request) => request.pageNo === 1)).toBe(true);
		expect(new Set(paramsOf(result, QUERY).map((param) => param.start_time)).size).toBe(4);
	});

	it('Fetch test event shows the latest changed orders without touching the cursor, and says so when there are none', async () => {
		const recent = [50, 40, 30, 20].map((minutes) =>
			rig.sim.addTrade({ modifiedMs: T0 - minutes * MINUTE }),
		);
		const state = stateAt(EVENT, T0 - MINUTE);
		const manual = await rig.poll({ mode: 'manual', staticData: state, parameters: orders() });
		expect(manual.error).toBeUndefined();
		expect(manual.emitted.map((json) => json.trade_id)).toEqual(
			[recent[3], recent[2], recent[1]].map((order) => order.tradeId),
		);
		expect(manual.staticData).toEqual(state);

		rig.sim.resetData('empty');
		rig.sim.addTrade({ modifiedMs: T0 - 25 * HOUR });
		const none = await rig.poll({ mode: 'manual', staticData: {}, parameters: orders() });
		expect(none.items).toBeNull();
		expect(none.error).toMatchObject({
			message:
				'No New or Updated Sales Order event in the last 24 hours, so there is no test event to show.',
		});
	});
});
