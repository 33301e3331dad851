/**
 * The trigger plans every poll from WDT's clock (system.Core.now), a method without a doc page:
 * its `data` may be {now: <WDT seconds>}, a bare number of WDT seconds, unix ms or a CST string
 * (replies.coreNowData). Under each form, with WDT's clock 90 s behind the host's (within the
 * signing tolerance, so WDT's is the clock planned from; a form misread would be distrusted and
 * plan from the host's minus 120 s), the windows end at WDT's now minus the safety lag, the
 * cursor follows, and every cancellation is emitted once, by the poll whose window holds it.
 */
import type { IDataObject } from 'n8n-workflow';
import { afterEach, describe, expect, it } from 'vitest';

import { SAFETY_LAG_MS } from '../../nodes/WdtTrigger/cursor';
import { DEFAULT_REPLY_CHOICES, formatCst } from '../simulator';
import {
	CORE_NOW,
	eventKey,
	keyOf,
	MINUTE,
	paramsOf,
	SEARCH_CANCEL,
	stateAt,
	T0,
	useTriggerRig,
} from './support';

const rig = useTriggerRig();
afterEach(() => {
	rig.sim.replies.coreNowData = DEFAULT_REPLY_CHOICES.coreNowData;
});

/** WDT's clock behind the host's, inside the 120 s WDT allows for signatures. */
const WDT_BEHIND_MS = 90_000;

describe.each(['object', 'wdtSeconds', 'unixMs', 'cst'] as const)(
	'system.Core.now data as %s',
	(coreNowData) => {
		it.each(['n8n1', 'n8n2'] as const)(
			'%s: windows end at WDT now minus the lag, the cursor follows, every event once',
			async (persistence) => {
				rig.sim.replies.coreNowData = coreNowData;
				rig.skewCoreNow(-WDT_BEHIND_MS);
				// Cancelled at these offsets from T0: none on a window's edge (T0 + 30 s + k minutes).
				const offsets = [10_000, 20_000, 70_000, 140_000, 200_000, 260_000, 325_000];
				const stockouts = offsets.map((ms) => ({
					id: rig.sim.addStockout({ modifiedMs: T0 + ms }).stockoutId,
					ms,
				}));
				let staticData: IDataObject = stateAt('stockoutCancelled', T0 - MINUTE);
				const emittedPerPoll: string[][] = [];
				for (let minute = 3; minute <= 9; minute++) {
					const hostNow = T0 + minute * MINUTE;
					rig.setTime(hostNow);
					const poll = await rig.poll({ persistence, staticData });
					expect(poll.error, `poll at T0 + ${minute} min`).toBeUndefined();
					expect(poll.warnings.join('\n')).not.toMatch(/system\.Core\.now/);
					expect(poll.requests[0].method).toBe(CORE_NOW);
					const planned = hostNow - WDT_BEHIND_MS - SAFETY_LAG_MS;
					const ends = paramsOf(poll, SEARCH_CANCEL).map((params) => params.end_time);
					expect(ends.at(-1), `poll at T0 + ${minute} min`).toBe(formatCst(planned));
					expect(poll.staticData.cursor).toBe(formatCst(planned));
					emittedPerPoll.push(poll.emitted.map(keyOf));
					staticData = poll.staticData;
				}
				// Each poll emits what its window added: up to WDT's now (host − 90 s) less the lag.
				const dueAt = (minute: number) =>
					stockouts
						.filter(
							({ ms }) =>
								ms <= minute * MINUTE - WDT_BEHIND_MS - SAFETY_LAG_MS &&
								(minute === 3 || ms > (minute - 1) * MINUTE - WDT_BEHIND_MS - SAFETY_LAG_MS),
						)
						.map(({ id, ms }) => eventKey(id, T0 + ms));
				expect(emittedPerPoll).toEqual([3, 4, 5, 6, 7, 8, 9].map(dueAt));
				expect(emittedPerPoll.at(-1)).toEqual([]);
				expect(emittedPerPoll.flat().sort()).toEqual(
					stockouts.map(({ id, ms }) => eventKey(id, T0 + ms)).sort(),
				);
			},
		);
	},
);
