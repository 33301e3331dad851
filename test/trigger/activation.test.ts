/**
 * First activation, backfill, the Statuses option and bad options, run as n8n runs the poll
 * (test/harness runPoll) against the WDT simulator with a frozen clock.
 */
import { describe, expect, it } from 'vitest';

import { formatCst } from '../simulator';
import {
	CORE_NOW,
	eventKey,
	HOUR,
	keyOf,
	MINUTE,
	paramsOf,
	pollMinutes,
	SEARCH_CANCEL,
	useTriggerRig,
	T0,
} from './support';

const rig = useTriggerRig();

const DAY = 24 * HOUR;

describe.each(['n8n1', 'n8n2'] as const)('%s: first activation', (persistence) => {
	it('emits nothing old; a stockout cancelled afterwards is emitted once, and the next polls emit nothing new', async () => {
		// Cancelled 3 days, 3 hours, 10 minutes, 2 minutes and 61 s before activation, and one
		// modified 3 minutes before whose replication lag shows it only 30 s after activation.
		const old = [3 * DAY, 3 * HOUR, 10 * MINUTE, 2 * MINUTE, 61_000].map((ago) =>
			rig.sim.addStockout({ modifiedMs: T0 - ago }),
		);
		old.push(
			rig.sim.addStockout({ modifiedMs: T0 - 3 * MINUTE, visibleAfterMs: 3 * MINUTE + 30_000 }),
		);
		const pending = rig.sim.addStockout({ status: 'toShip', modifiedMs: T0 - DAY });

		// The poll n8n runs when the workflow is activated.
		const activation = await rig.poll({ persistence, staticData: {}, activationPoll: true });
		expect(activation.error).toBeUndefined();
		expect(activation.items).toBeNull();
		// Nothing is read on activation: one system.Core.now for WDT's clock, no search.
		expect(activation.requests.map((request) => request.method)).toEqual([CORE_NOW]);
		if (persistence === 'n8n1') {
			// The cursor starts at WDT's now minus the 1-minute safety lag; nothing before `since` is ever emitted.
			expect(activation.staticData).toEqual({
				event: 'stockoutCancelled',
				cursor: '2024-11-22 09:59:00',
				since: '2024-11-22 09:59:00',
				emitted: {},
			});
		} else {
			// n8n 2.x commits nothing after an activation poll that returned null; the first
			// scheduled poll takes the activation's state from this process (see the n8n 2.x tests).
			expect(activation.staticData).toEqual({});
		}

		rig.setTime(T0 + 20_000);
		rig.sim.cancelStockout(pending.stockoutId); // modified 10:00:20
		const { polls, staticData } = await pollMinutes(
			rig,
			persistence,
			activation.staticData,
			[1, 12],
		);

		const emitted = polls.map((poll) => poll.emitted.map(keyOf));
		// 10:00:20 is read by the first poll whose window ends after it: T0 + 2 min reads up to 10:01:00.
		expect(emitted).toEqual([
			[],
			[eventKey(pending.stockoutId, T0 + 20_000)],
			[],
			[],
			[],
			[],
			[],
			[],
			[],
			[],
			[],
			[],
		]);
		const item = polls[1].emitted[0];
		expect(item).toMatchObject({
			stockout_id: pending.stockoutId,
			stockout_no: pending.stockoutNo,
			status: 5,
			modified: '2024-11-22 10:00:20',
		});
		// The stockout is remembered (30 days, at most 5,000), so it is emitted once.
		expect(staticData).toEqual({
			event: 'stockoutCancelled',
			cursor: '2024-11-22 10:11:00',
			since: '2024-11-22 09:59:00',
			emitted: { [pending.stockoutId]: '2024-11-22 10:00:20' },
		});
		// Every poll after the first read exactly one window (the overlap): 2 calls.
		expect(polls.slice(1).map((poll) => poll.requests.length)).toEqual(polls.slice(1).map(() => 2));
	});

	it('with backfill of 3 hours emits what was cancelled in those hours, once', async () => {
		const inside = [2 * HOUR + 59 * MINUTE, 90 * MINUTE, 2 * MINUTE].map((ago) =>
			rig.sim.addStockout({ modifiedMs: T0 - ago }),
		);
		const outside = [3 * HOUR + 2 * MINUTE, 2 * DAY].map((ago) =>
			rig.sim.addStockout({ modifiedMs: T0 - ago }),
		);
		// After the activation's safe end (WDT now − 1 min): the next poll emits it.
		const recent = rig.sim.addStockout({ modifiedMs: T0 - 30_000 });
		const parameters = { options: { backfillHours: 3 } };

		const activation = await rig.poll({
			persistence,
			staticData: {},
			activationPoll: true,
			parameters,
		});
		expect(activation.error).toBeUndefined();
		expect(activation.emitted.map(keyOf)).toEqual(
			inside.map((s) => eventKey(s.stockoutId, s.modifiedMs)),
		);
		// 3 one-hour windows back from 09:59:00.
		expect(paramsOf(activation, SEARCH_CANCEL)).toEqual([
			{ start_time: '2024-11-22 06:59:00', end_time: '2024-11-22 07:59:00' },
			{ start_time: '2024-11-22 07:59:00', end_time: '2024-11-22 08:59:00' },
			{ start_time: '2024-11-22 08:59:00', end_time: '2024-11-22 09:59:00' },
		]);
		// It emitted, so both persistences saved the state.
		expect(activation.persistedStaticData).toEqual({
			event: 'stockoutCancelled',
			cursor: '2024-11-22 09:59:00',
			since: '2024-11-22 06:59:00',
			emitted: Object.fromEntries(inside.map((s) => [s.stockoutId, formatCst(s.modifiedMs)])),
		});

		const start = activation.staticData;
		const { polls } = await pollMinutes(rig, persistence, start, [1, 8], parameters);
		expect(polls.map((poll) => poll.emitted.map(keyOf))).toEqual([
			[eventKey(recent.stockoutId, recent.modifiedMs)],
			[],
			[],
			[],
			[],
			[],
			[],
			[],
		]);
		const all = [...activation.emitted, ...polls.flatMap((poll) => poll.emitted)].map(
			(json) => json.stockout_id,
		);
		for (const s of outside) expect(all).not.toContain(s.stockoutId);
	});

	it('with backfill of 48 hours catches up over two polls (24 one-hour windows each), each event once', async () => {
		const agos = [
			47 * HOUR + 30 * MINUTE,
			30 * HOUR,
			24 * HOUR + 30 * MINUTE,
			23 * HOUR + 30 * MINUTE,
			12 * HOUR,
			HOUR,
			3 * MINUTE,
		];
		const records = agos.map((ago) => rig.sim.addStockout({ modifiedMs: T0 - ago }));
		rig.sim.addStockout({ modifiedMs: T0 - 49 * HOUR });
		const parameters = { options: { backfillHours: 48 } };

		const activation = await rig.poll({
			persistence,
			staticData: {},
			activationPoll: true,
			parameters,
		});
		expect(activation.error).toBeUndefined();
		expect(activation.requests).toHaveLength(1 + 24);
		// The first 24 windows end at 48 h − 24 h before the safe end.
		expect(activation.emitted.map(keyOf)).toEqual(
			records.slice(0, 3).map((s) => eventKey(s.stockoutId, s.modifiedMs)),
		);
		expect(activation.staticData.cursor).toBe(formatCst(T0 - MINUTE - 24 * HOUR));

		const start = activation.staticData;
		const { polls } = await pollMinutes(rig, persistence, start, [1, 8], parameters);
		// 24 h and the 5-minute overlap are 25 windows: the second poll reads 24 of them, up to
		// T0 − 6 min, and the third one the rest.
		expect(polls[0].requests).toHaveLength(1 + 24);
		expect(polls[0].staticData.cursor).toBe(formatCst(T0 - 6 * MINUTE));
		expect(polls.map((poll) => poll.emitted.map(keyOf))).toEqual([
			records.slice(3, 6).map((s) => eventKey(s.stockoutId, s.modifiedMs)),
			[eventKey(records[6].stockoutId, records[6].modifiedMs)],
			[],
			[],
			[],
			[],
			[],
			[],
		]);
		expect(polls[1].requests).toHaveLength(2);
	});
});

describe('the Statuses option', () => {
	it('by default emits every row searchCancel returns, whatever its current status; a chosen list narrows that', async () => {
		rig.sim.searchCancelStatuses = 'all';
		const cancelled = rig.sim.addStockout({ modifiedMs: T0 + 10_000 });
		// Cancelled, then restored and completed: searchCancel lists it with its current status.
		const done = rig.sim.addStockout({ status: 'done', cancelled: true, modifiedMs: T0 + 20_000 });
		const state = {
			event: 'stockoutCancelled',
			cursor: formatCst(T0 - MINUTE),
			since: formatCst(T0 - MINUTE),
			emitted: {},
		};

		rig.setTime(T0 + 2 * MINUTE);
		const defaults = await rig.poll({ persistence: 'n8n2', staticData: state });
		expect(defaults.emitted.map((json) => [json.stockout_id, json.status])).toEqual([
			[cancelled.stockoutId, 5],
			[done.stockoutId, 110],
		]);

		const chosen = await rig.poll({
			persistence: 'n8n2',
			staticData: state,
			parameters: { options: { statuses: [5] } },
		});
		expect(chosen.emitted.map(keyOf)).toEqual([
			eventKey(cancelled.stockoutId, cancelled.modifiedMs),
		]);
	});
});

describe('bad options are refused with a clear message, before any call', () => {
	const cases = [
		{
			options: { backfillHours: 999 },
			message: 'Options → Backfill Hours on First Activation must be between 0 and 168, got 999.',
		},
		{
			options: { backfillHours: -1 },
			message: 'Options → Backfill Hours on First Activation must be between 0 and 168, got -1.',
		},
		{
			options: { statuses: [7] },
			message: 'Options → Statuses holds 7, which is not a sales stockout status of WDT.',
		},
	];
	for (const { options, message } of cases) {
		it(`${JSON.stringify(options)}`, async () => {
			const state = {
				event: 'stockoutCancelled',
				cursor: formatCst(T0 - MINUTE),
				since: formatCst(T0 - MINUTE),
				emitted: {},
			};
			rig.sim.addStockout({ modifiedMs: T0 - 30_000 });
			rig.setTime(T0 + MINUTE);
			for (const persistence of ['n8n1', 'n8n2'] as const) {
				const scheduled = await rig.poll({
					persistence,
					staticData: state,
					parameters: { options },
				});
				expect(scheduled.error).toMatchObject({ name: 'NodeOperationError', message });
				expect(scheduled.items).toBeNull();
				expect(scheduled.staticData).toEqual(state);
				expect(scheduled.requests).toEqual([]);

				const activation = await rig.poll({
					persistence,
					staticData: {},
					activationPoll: true,
					parameters: { options },
				});
				expect(activation.error).toMatchObject({ name: 'NodeOperationError', message });
				expect(activation.staticData).toEqual({});
				expect(activation.requests).toEqual([]);
			}
			const manual = await rig.poll({ mode: 'manual', staticData: state, parameters: { options } });
			expect(manual.error).toMatchObject({ message });
			expect(manual.requests).toEqual([]);
		});
	}
});
