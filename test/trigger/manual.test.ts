/**
 * "Fetch test event": the editor runs the trigger in manual mode (WorkflowExecute, PollContext
 * in 'manual' mode). It shows the most recent matching stockouts whatever the cursor says, and
 * never touches the trigger's static data.
 */
import { PollContext } from 'n8n-core';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { formatCst } from '../simulator';
import { eventKey, HOUR, keyOf, MINUTE, SEARCH_CANCEL, useTriggerRig, T0 } from './support';

const rig = useTriggerRig();

afterEach(() => {
	vi.restoreAllMocks();
});

describe('manual mode (Fetch test event)', () => {
	it('returns the most recent matching stockouts, newest first, even when older than the cursor', async () => {
		const records = [5 * HOUR, 50 * MINUTE, 40 * MINUTE, 30 * MINUTE, 20 * MINUTE].map((ago) =>
			rig.sim.addStockout({ modifiedMs: T0 - ago }),
		);
		// The trigger has read everything up to T0 − 1 min long ago.
		const state = {
			cursor: formatCst(T0 - MINUTE),
			since: formatCst(T0 - 48 * HOUR),
			event: 'stockoutCancelled',
			emitted: {},
		};
		const staticDataReads = vi.spyOn(PollContext.prototype, 'getWorkflowStaticData');

		const manual = await rig.poll({ mode: 'manual', staticData: state });
		expect(manual.error).toBeUndefined();
		expect(manual.run?.status).toBe('success');
		expect(manual.emitted.map(keyOf)).toEqual(
			[records[4], records[3], records[2]].map((s) => eventKey(s.stockoutId, s.modifiedMs)),
		);
		expect(manual.emitted[0]).toMatchObject({
			status: 5,
			status_name: '已取消',
			stockout_no: records[4].stockoutNo,
		});
		// The newest one-hour window (ending at WDT now − 1 min) already had matches: one search.
		expect(manual.requests.filter((r) => r.method === SEARCH_CANCEL)).toHaveLength(1);
		// The trigger never even read its static data, so it cannot have moved the cursor.
		expect(staticDataReads).not.toHaveBeenCalled();
		expect(manual.staticData).toEqual(state);
	});

	it('never moves the cursor: a cancellation shown as test event is still emitted by the next scheduled poll', async () => {
		const state = {
			cursor: formatCst(T0 - 2 * MINUTE),
			since: formatCst(T0 - 2 * MINUTE),
			event: 'stockoutCancelled',
			emitted: {},
		};
		const fresh = rig.sim.addStockout({ modifiedMs: T0 - 90_000 });
		const key = eventKey(fresh.stockoutId, fresh.modifiedMs);

		const manual = await rig.poll({ mode: 'manual', staticData: state });
		expect(manual.emitted.map(keyOf)).toEqual([key]);
		expect(manual.staticData).toEqual(state);

		rig.setTime(T0 + MINUTE);
		for (const persistence of ['n8n1', 'n8n2'] as const) {
			const scheduled = await rig.poll({ persistence, staticData: manual.staticData });
			expect(scheduled.emitted.map(keyOf)).toEqual([key]);
		}
	});

	it('looks back window by window (newest first) up to 24 hours', async () => {
		const older = rig.sim.addStockout({ modifiedMs: T0 - 20 * HOUR });
		const manual = await rig.poll({ mode: 'manual', staticData: {} });
		expect(manual.emitted.map(keyOf)).toEqual([eventKey(older.stockoutId, older.modifiedMs)]);
		const searches = manual.requests.filter((r) => r.method === SEARCH_CANCEL);
		expect(searches.length).toBe(20); // T0 − 20 h lies in the 20th window back from 09:59:00
		expect(searches[0].args).toEqual([
			{ start_time: '2024-11-22 08:59:00', end_time: '2024-11-22 09:59:00' },
		]);
	});

	it('says clearly when nothing matches', async () => {
		rig.sim.searchCancelStatuses = 'all';
		rig.sim.addStockout({ modifiedMs: T0 - 25 * HOUR }); // cancelled, but too old
		rig.sim.addStockout({ status: 'done', cancelled: true, modifiedMs: T0 - HOUR }); // recent, status 110
		const parameters = { options: { statuses: [5] } };
		const manual = await rig.poll({ mode: 'manual', staticData: {}, parameters });
		expect(manual.items).toBeNull();
		expect(manual.error).toMatchObject({
			name: 'NodeOperationError',
			message:
				'No Sales Stockout Cancelled event in the last 24 hours, so there is no test event to show.',
			description:
				'Cancel a stockout in WDT (or clear Options → Statuses) and fetch again. Activating the workflow does not depend on this.',
		});
		expect(manual.run?.status).toBe('error');
		expect(manual.requests.filter((r) => r.method === SEARCH_CANCEL)).toHaveLength(24);

		// The default (every status searchCancel returns) finds the completed one.
		const all = await rig.poll({ mode: 'manual', staticData: {} });
		expect(all.emitted.map((json) => [json.status, json.modified])).toEqual([
			[110, formatCst(T0 - HOUR)],
		]);
	});

	it('a WDT error surfaces with the fix', async () => {
		const manual = await rig.poll({
			mode: 'manual',
			staticData: {},
			credentials: { wdtApi: { ...rig.credentials.wdtApi, key: 'not-the-key' } },
		});
		expect(manual.error).toMatchObject({
			message: 'WDT system.Core.now failed: WDT rejected the signature (status 1: "app auth fail")',
		});
		expect((manual.error as { description: string }).description).toMatch(/^Check the API Key/);
	});
});
