/**
 * The Sales Stockout Shipped event, run as n8n runs the poll (test/harness runPoll) against the
 * WDT simulator's wms.stockout.Sales.queryWithDetail with a frozen clock: activation, the
 * shipped statuses (110, and 90 unless turned off), one event per stockout, paging, the shop and
 * warehouse filters, lines, status names and ISO times, "Fetch test event", switching events.
 */
import type { INodeParameters } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { formatCst, METHODS, type MethodSpec } from '../simulator';
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

const QUERY = 'wms.stockout.Sales.queryWithDetail';
const EVENT = 'stockoutShipped';
const rig = useTriggerRig();

const shipped = (options: INodeParameters = {}): INodeParameters => ({ event: EVENT, options });

/** Both readings of status 90 (replies.status90): whether a Delayed Shipment carries consign_time. */
const STATUS_90 = ['notShipped', 'shipped'] as const;

describe.each(
	(['n8n1', 'n8n2'] as const).flatMap((persistence) =>
		STATUS_90.map((status90) => [persistence, status90] as const),
	),
)('%s, status 90 %s: Sales Stockout Shipped', (persistence, status90) => {
	beforeEach(() => {
		rig.sim.replies.status90 = status90;
	});
	afterEach(() => {
		rig.sim.replies.status90 = 'notShipped';
	});

	it('emits nothing shipped before the activation; each stockout shipped afterwards once, at 110 or at 90 with consign_time, and not again when a delayed shipment completes or is edited', async () => {
		rig.sim.addStockout({ status: 'done', modifiedMs: T0 - 2 * MINUTE });
		rig.sim.addStockout({ status: 'delayedShipping', modifiedMs: T0 - 10 * MINUTE });
		const toShip = [1, 2, 3].map(() =>
			rig.sim.addStockout({ status: 'toShip', modifiedMs: T0 - HOUR }),
		);

		const activation = await rig.poll({
			persistence,
			staticData: {},
			activationPoll: true,
			parameters: shipped(),
		});
		expect(activation.error).toBeUndefined();
		expect(activation.items).toBeNull();
		expect(activation.requests.map((request) => request.method)).toEqual([CORE_NOW]);
		if (persistence === 'n8n1') {
			expect(activation.staticData).toMatchObject({ event: EVENT, cursor: '2024-11-22 09:59:00' });
		}

		// Completed at 10:00:20; delayed shipment at 10:00:40, completed at 10:03:00; still to ship.
		rig.sim.modifyStockout(toShip[0].stockoutId, { status: 'done', modifiedMs: T0 + 20_000 });
		rig.sim.modifyStockout(toShip[1].stockoutId, {
			status: 'delayedShipping',
			modifiedMs: T0 + 40_000,
		});
		const first = await pollMinutes(rig, persistence, activation.staticData, [1, 3], shipped());
		if (status90 === 'shipped') {
			// The delayed shipment carries consign_time: it has shipped.
			expect(first.emitted.map((json) => json.stockout_id)).toEqual([
				toShip[0].stockoutId,
				toShip[1].stockoutId,
			]);
			expect(first.emitted[1]).toMatchObject({
				status: 90,
				status_name: '延时发货',
				consign_time: formatCst(T0 + 40_000),
			});
		} else {
			// No consign_time ("订单未发货不返回该字段"): not a shipment yet.
			expect(first.emitted.map((json) => json.stockout_id)).toEqual([toShip[0].stockoutId]);
		}
		expect(first.emitted[0]).toMatchObject({ status: 110, consign_time: formatCst(T0 + 20_000) });

		rig.sim.modifyStockout(toShip[1].stockoutId, { status: 'done', modifiedMs: T0 + 3 * MINUTE });
		rig.sim.modifyStockout(toShip[0].stockoutId, { status: 'done', modifiedMs: T0 + 3 * MINUTE });
		const later = await pollMinutes(rig, persistence, first.staticData, [4, 12], shipped());
		// Completing the delayed shipment is its shipment only when 90 was not one.
		expect(later.emitted.map((json) => [json.stockout_id, json.status])).toEqual(
			status90 === 'shipped' ? [] : [[toShip[1].stockoutId, 110]],
		);
		// Both are remembered at their latest change.
		expect(later.staticData.emitted).toEqual({
			[toShip[0].stockoutId]: formatCst(T0 + 3 * MINUTE),
			[toShip[1].stockoutId]: formatCst(T0 + 3 * MINUTE),
		});

		// Every search asked for the shipped statuses by modified time, one window at a time.
		const params = [...first.polls, ...later.polls].flatMap((poll) => paramsOf(poll, QUERY));
		expect(params.length).toBeGreaterThan(0);
		for (const param of params) {
			expect(param).toMatchObject({ status_type: 3, status: '90,110' });
			const span =
				Date.parse(`${String(param.end_time).replace(' ', 'T')}+08:00`) -
				Date.parse(`${String(param.start_time).replace(' ', 'T')}+08:00`);
			expect(span).toBeLessThanOrEqual(HOUR);
		}
	});
});

describe('the shipped statuses', () => {
	it('with Include Delayed Shipment off, a delayed shipment is emitted only when it completes', async () => {
		const stockout = rig.sim.addStockout({ status: 'toShip', modifiedMs: T0 - HOUR });
		const state = stateAt(EVENT, T0 - MINUTE);
		const parameters = shipped({ includeDelayedShipment: false });

		rig.sim.modifyStockout(stockout.stockoutId, {
			status: 'delayedShipping',
			modifiedMs: T0 + 10_000,
		});
		const delayed = await pollMinutes(rig, 'n8n1', state, [2, 4], parameters);
		expect(delayed.emitted).toEqual([]);
		expect(paramsOf(delayed.polls[0], QUERY)[0]).toMatchObject({ status_type: 3, status: '110' });

		rig.sim.modifyStockout(stockout.stockoutId, { status: 'done', modifiedMs: T0 + 5 * MINUTE });
		const done = await pollMinutes(rig, 'n8n1', delayed.staticData, [6, 8], parameters);
		expect(done.emitted.map((json) => [json.stockout_id, json.status])).toEqual([
			[stockout.stockoutId, 110],
		]);
	});

	it('never emits a row in another status, even when WDT returns one', async () => {
		const state = stateAt(EVENT, T0 - MINUTE);
		rig.sim.addStockout({ status: 'toShip', modifiedMs: T0 + 10_000 });
		const done = rig.sim.addStockout({ status: 'done', modifiedMs: T0 + 20_000 });
		// Status 90 without consign_time: WDT returns it, but it has not shipped.
		rig.sim.addStockout({ status: 'delayedShipping', modifiedMs: T0 + 30_000 });
		// A WDT that ignores the status filter (status_type dropped, then no default applied).
		const spec = METHODS.get(QUERY) as MethodSpec;
		const run = spec.run;
		spec.run = (call) => {
			const params = { ...(call.args[0] as Record<string, unknown>) };
			delete params.status_type;
			return run({ ...call, args: [params, ...call.args.slice(1)] });
		};
		rig.sim.replies.stockoutNoStatusType = 'all';
		try {
			rig.setTime(T0 + 2 * MINUTE);
			const result = await rig.poll({ staticData: state, parameters: shipped() });
			expect(result.error).toBeUndefined();
			expect(result.emitted.map((json) => json.stockout_id)).toEqual([done.stockoutId]);
		} finally {
			spec.run = run;
			rig.sim.replies.stockoutNoStatusType = 'cancelled';
		}
	});
});

describe('output and options', () => {
	const state = () => stateAt(EVENT, T0 - MINUTE);

	it('keeps every documented field WDT sent, adds status names and ISO times, and drops lines when asked', async () => {
		const stockout = rig.sim.addStockout({ status: 'done', modifiedMs: T0 + 10_000 });
		rig.setTime(T0 + 2 * MINUTE);
		const withLines = await rig.poll({ staticData: state(), parameters: shipped() });
		expect(withLines.error).toBeUndefined();
		expect(withLines.emitted).toHaveLength(1);
		const item = withLines.emitted[0];
		expect(item).toMatchObject({
			stockout_id: stockout.stockoutId,
			order_no: stockout.stockoutNo,
			status: 110,
			status_name: '已完成',
			modified: formatCst(T0 + 10_000),
			modified_iso: '2024-11-22T10:00:10+08:00',
			created_date_iso: expect.stringMatching(/\+08:00$/),
			details_list: [],
		});
		// Names and ISO times sit right after their fields.
		const keys = Object.keys(item);
		expect(keys[keys.indexOf('status') + 1]).toBe('status_name');
		expect(keys[keys.indexOf('modified') + 1]).toBe('modified_iso');

		const withoutLines = await rig.poll({
			staticData: state(),
			parameters: shipped({ includeLines: false }),
		});
		expect(withoutLines.emitted).toHaveLength(1);
		expect(withoutLines.emitted[0]).not.toHaveProperty('details_list');
		expect(withoutLines.emitted[0]).toMatchObject({ stockout_id: stockout.stockoutId });
	});

	it.each([
		[
			'several shop codes By Code, a warehouse From List',
			{ __rl: true, mode: 'code', value: ' SHOP_A， SHOP_B,, ' },
			{ __rl: true, mode: 'list', value: 'WH01' },
		],
		['plain codes, as saved before they were dropdowns', ' SHOP_A， SHOP_B,, ', ' WH01 '],
	])(
		'passes Shops as shop_nos and Warehouse as warehouse_no (%s), and emits only their stockouts',
		async (_how, shopNos, warehouseNo) => {
			const a = rig.sim.addStockout({ status: 'done', shopNo: 'SHOP_A', modifiedMs: T0 + 10_000 });
			rig.sim.addStockout({ status: 'done', shopNo: 'SHOP_C', modifiedMs: T0 + 11_000 });
			const b = rig.sim.addStockout({ status: 'done', shopNo: 'SHOP_B', modifiedMs: T0 + 12_000 });
			rig.sim.addStockout({
				status: 'done',
				shopNo: 'SHOP_B',
				warehouseNo: 'WH02',
				modifiedMs: T0 + 13_000,
			});
			rig.setTime(T0 + 2 * MINUTE);
			const result = await rig.poll({
				staticData: state(),
				parameters: shipped({ shopNos, warehouseNo }),
			});
			expect(result.error).toBeUndefined();
			expect(paramsOf(result, QUERY)[0]).toMatchObject({
				shop_nos: 'SHOP_A,SHOP_B',
				warehouse_no: 'WH01',
			});
			expect(result.emitted.map((json) => json.stockout_id)).toEqual([a.stockoutId, b.stockoutId]);
		},
	);

	it('refuses a Warehouse longer than WDT accepts, before any call', async () => {
		const result = await rig.poll({
			staticData: state(),
			parameters: shipped({ warehouseNo: { __rl: true, mode: 'code', value: 'W'.repeat(41) } }),
		});
		expect(result.requests).toEqual([]);
		expect(result.error).toMatchObject({
			message: expect.stringContaining('Options → Warehouse is 41 characters long'),
		});
	});
});

describe.each(STATUS_90)('paging and catch-up, status 90 %s', (status90) => {
	beforeEach(() => {
		rig.sim.replies.status90 = status90;
	});
	afterEach(() => {
		rig.sim.replies.status90 = 'notShipped';
	});

	it('reads every page of a busy hour and several windows after an outage, emitting each stockout once', async () => {
		const state = stateAt(EVENT, T0 - MINUTE);
		// 150 completed within the first hour (two pages of 100), 30 more over the next two hours.
		const busy = Array.from({ length: 150 }, (_, i) =>
			rig.sim.addStockout({ status: 'done', modifiedMs: T0 + 10_000 + i * 20_000 }),
		);
		const later = Array.from({ length: 30 }, (_, i) =>
			rig.sim.addStockout({ status: 'delayedShipping', modifiedMs: T0 + HOUR + i * 4 * MINUTE }),
		);
		rig.setTime(T0 + 3 * HOUR);
		const result = await rig.poll({ staticData: state, parameters: shipped() });
		expect(result.error).toBeUndefined();
		const ids = result.emitted.map((json) => json.stockout_id);
		// The delayed shipments are shipments only when they carry consign_time.
		expect(ids).toEqual(
			(status90 === 'shipped' ? [...busy, ...later] : busy).map((s) => s.stockoutId),
		);
		const searches = result.requests.filter((request) => request.method === QUERY);
		expect(searches.some((request) => request.pageNo === 1)).toBe(true);
		expect(
			new Set(
				searches.map((request) =>
					JSON.stringify(paramsOf({ ...result, requests: [request] }, QUERY)[0]),
				),
			).size,
		).toBeGreaterThanOrEqual(3);

		// The next poll re-reads the overlap and emits nothing again.
		rig.setTime(T0 + 3 * HOUR + MINUTE);
		const next = await rig.poll({ staticData: result.staticData, parameters: shipped() });
		expect(next.error).toBeUndefined();
		expect(next.emitted).toEqual([]);
	});
});

describe('Fetch test event and switching events', () => {
	it('shows the latest shipped stockouts, newest first, without touching the cursor', async () => {
		const records = [5 * HOUR, 50 * MINUTE, 40 * MINUTE, 30 * MINUTE, 20 * MINUTE].map((ago) =>
			rig.sim.addStockout({ status: 'done', modifiedMs: T0 - ago }),
		);
		rig.sim.addStockout({ status: 'toShip', modifiedMs: T0 - 10 * MINUTE });
		const state = {
			event: EVENT,
			cursor: formatCst(T0 - MINUTE),
			since: formatCst(T0 - 48 * HOUR),
			emitted: {},
		};
		const manual = await rig.poll({ mode: 'manual', staticData: state, parameters: shipped() });
		expect(manual.error).toBeUndefined();
		expect(manual.emitted.map((json) => json.stockout_id)).toEqual(
			[records[4], records[3], records[2]].map((s) => s.stockoutId),
		);
		expect(manual.emitted[0]).toMatchObject({ status_name: '已完成' });
		expect(manual.staticData).toEqual(state);
	});

	it('says clearly when nothing was shipped in the last 24 hours', async () => {
		rig.sim.addStockout({ status: 'done', modifiedMs: T0 - 25 * HOUR });
		rig.sim.addStockout({ status: 'toShip', modifiedMs: T0 - HOUR });
		const manual = await rig.poll({ mode: 'manual', staticData: {}, parameters: shipped() });
		expect(manual.items).toBeNull();
		expect(manual.error).toMatchObject({
			name: 'NodeOperationError',
			message:
				'No Sales Stockout Shipped event in the last 24 hours, so there is no test event to show.',
		});
	});

	it.each(['n8n1', 'n8n2'] as const)(
		'%s: switching an active trigger from Sales Stockout Cancelled starts a fresh cursor for the new event',
		async (persistence) => {
			const cancelledState = {
				event: 'stockoutCancelled',
				cursor: formatCst(T0 - 3 * HOUR),
				since: formatCst(T0 - 3 * HOUR),
				emitted: { 1: formatCst(T0 - 3 * HOUR) },
			};
			// Shipped while the trigger was still on the old event: before the new cursor.
			rig.sim.addStockout({ status: 'done', modifiedMs: T0 - HOUR });
			const switched = await rig.poll({
				persistence,
				staticData: cancelledState,
				parameters: shipped(),
			});
			expect(switched.error).toBeUndefined();
			expect(switched.emitted).toEqual([]);
			expect(switched.warnings.join('\n')).toContain(
				'the saved cursor belongs to event "stockoutCancelled"; starting a fresh cursor for "stockoutShipped"',
			);
			const fresh = rig.sim.addStockout({ status: 'done', modifiedMs: T0 + 10_000 });
			rig.setTime(T0 + 2 * MINUTE);
			const next = await rig.poll({
				persistence,
				staticData: switched.staticData,
				parameters: shipped(),
			});
			expect(next.error).toBeUndefined();
			expect(next.emitted.map((json) => json.stockout_id)).toEqual([fresh.stockoutId]);
			expect(next.staticData).toMatchObject({ event: EVENT, since: formatCst(T0 - MINUTE) });
		},
	);
});
