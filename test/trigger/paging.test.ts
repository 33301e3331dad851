/**
 * Page boundaries that shift between two page reads of one window. searchCancel pages by
 * position in a list sorted by `modified`; a record that changes while the trigger pages moves
 * in that list, and the rows behind it slide across the page boundary. Nothing may be lost.
 *
 * The change is made from a hook on the page-1 request, after page 0 was answered and before
 * page 1 is computed (see onRequest in support.ts).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { formatCst, type StockoutRecord } from '../simulator';
import {
	eventKey,
	keyOf,
	MINUTE,
	onRequest,
	SEARCH_CANCEL,
	staticDataProblems,
	useTriggerRig,
	T0,
} from './support';

const rig = useTriggerRig();

/**
 * A trigger whose cursor is 56 minutes behind WDT: its next poll reads one full one-hour window,
 * [T0 − 61 min, T0 − 1 min], which holds 150 cancellations (two pages of 100), one every 20 s.
 * All of them lie far before the overlap the following polls re-read.
 */
function arrangeTwoPageWindow(): { records: StockoutRecord[]; state: IDataObject } {
	const records: StockoutRecord[] = [];
	for (let i = 0; i < 150; i++) {
		records.push(rig.sim.addStockout({ modifiedMs: T0 - 61 * MINUTE + 10_000 + i * 20_000 }));
	}
	const state = {
		cursor: formatCst(T0 - 56 * MINUTE),
		since: formatCst(T0 - 48 * 60 * MINUTE),
		event: 'stockoutCancelled',
		emitted: {},
	};
	return { records, state };
}

/**
 * Polls once a minute until `polls` polls ran; returns every emitted key in order and how often
 * the first poll asked for page 0 (how often it read the window).
 */
async function pollFor(
	polls: number,
	persistence: 'n8n1' | 'n8n2',
	state: IDataObject,
	parameters: INodeParameters = {},
) {
	const emitted: string[] = [];
	let firstPollReads = 0;
	let staticData = state;
	for (let i = 0; i < polls; i++) {
		if (i > 0) rig.advance(MINUTE);
		const result = await rig.poll({ persistence, staticData, parameters });
		expect(result.error).toBeUndefined();
		expect(staticDataProblems(result.staticData)).toEqual([]);
		if (i === 0) {
			firstPollReads = result.requests.filter(
				(r) => r.method === SEARCH_CANCEL && r.pageNo === 0,
			).length;
		}
		emitted.push(...result.emitted.map(keyOf));
		staticData = result.staticData;
	}
	return { emitted, firstPollReads };
}

function expectEachOnce(emitted: string[], expected: string[]) {
	const counts = new Map<string, number>();
	for (const key of emitted) counts.set(key, (counts.get(key) ?? 0) + 1);
	const duplicated = [...counts].filter(([, count]) => count > 1).map(([key]) => key);
	const missing = expected.filter((key) => !counts.has(key));
	const unexpected = [...counts.keys()].filter((key) => !expected.includes(key));
	expect({ missing, duplicated, unexpected }).toEqual({
		missing: [],
		duplicated: [],
		unexpected: [],
	});
}

describe.each(['n8n1', 'n8n2'] as const)(
	'%s: page boundaries shifting between two page reads',
	(persistence) => {
		// With Emit Again When Changed every change is an event, so a change that moved a row
		// while paging must surface too.
		const everyChange = { options: { emitAgainWhenChanged: true } };

		it('a record on page 0 re-cancelled while paging (it leaves the window, the total drops): nothing lost, the re-cancel is a new event', async () => {
			const { records, state } = arrangeTwoPageWindow();
			const moved = records[5];
			const before = eventKey(moved.stockoutId, moved.modifiedMs);
			let hooked = 0;
			const unhook = onRequest(rig.sim, (request) => {
				if (request.method === SEARCH_CANCEL && request.pageNo === 1 && hooked++ === 0) {
					rig.sim.cancelStockout(moved.stockoutId, rig.now()); // modified = now: after the window
				}
			});
			try {
				const { emitted, firstPollReads } = await pollFor(8, persistence, state, everyChange);
				expect(hooked).toBeGreaterThan(0);
				expect(firstPollReads).toBe(2); // the total changed: the pager restarted the window
				expectEachOnce(emitted, [
					...records.map((record) =>
						record === moved ? before : eventKey(record.stockoutId, record.modifiedMs),
					),
					eventKey(moved.stockoutId, T0),
				]);
			} finally {
				unhook();
			}
		});

		it('a record on page 0 whose lagging update lands later in the same window (the total stays the same): nothing lost', async () => {
			const { records, state } = arrangeTwoPageWindow();
			const moved = records[5];
			const before = eventKey(moved.stockoutId, moved.modifiedMs);
			// Re-cancelled 2 minutes ago, visible only now (a 2-minute replication lag): its new
			// modified lies inside the window being paged, so it moves from row 5 to the last row and
			// rows 6..100 slide back by one: row 100 crosses from page 1 onto page 0 unseen.
			const newModified = T0 - 2 * MINUTE;
			let hooked = 0;
			const unhook = onRequest(rig.sim, (request) => {
				if (request.method === SEARCH_CANCEL && request.pageNo === 1 && hooked++ === 0) {
					rig.sim.modifyStockout(moved.stockoutId, {
						modifiedMs: newModified,
						visibleAfterMs: 2 * MINUTE,
					});
				}
			});
			try {
				const { emitted, firstPollReads } = await pollFor(8, persistence, state, everyChange);
				expect(hooked).toBeGreaterThan(0);
				// The same total: only the stockout seen at two modified times shows the move, and the
				// trigger reads the window again.
				expect(firstPollReads).toBe(2);
				expectEachOnce(emitted, [
					...records.map((record) =>
						record === moved ? before : eventKey(record.stockoutId, record.modifiedMs),
					),
					eventKey(moved.stockoutId, newModified),
				]);
			} finally {
				unhook();
			}
		});

		it('a lagging cancellation that becomes visible on page 0 while paging (the total grows): nothing lost', async () => {
			const { records, state } = arrangeTwoPageWindow();
			let late: StockoutRecord | undefined;
			let hooked = 0;
			const unhook = onRequest(rig.sim, (request) => {
				if (request.method === SEARCH_CANCEL && request.pageNo === 1 && hooked++ === 0) {
					// Modified in the window's first minutes, visible only from now on: it is sorted onto
					// page 0, pushing row 99 onto page 1.
					late = rig.sim.addStockout({ modifiedMs: T0 - 60 * MINUTE, visibleAfterMs: 0 });
				}
			});
			try {
				const { emitted, firstPollReads } = await pollFor(8, persistence, state);
				expect(late).toBeDefined();
				expect(firstPollReads).toBe(2);
				expectEachOnce(emitted, [
					...records.map((record) => eventKey(record.stockoutId, record.modifiedMs)),
					eventKey(late!.stockoutId, late!.modifiedMs),
				]);
			} finally {
				unhook();
			}
		});
	},
);
