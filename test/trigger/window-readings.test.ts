/**
 * Trigger events under every reading of two points the pages leave open (docs/wdt-ambiguities.md):
 * which ends of a time window match (`windowEnds`: 'both', 'start', 'end'), and when a paged reply
 * carries `total_count` (`paging.totalCount`: 'calcTotal', 'always', 'never'). Run as n8n runs
 * the poll against the simulator with a frozen clock: a record exactly on the edge of a poll's
 * range, or of a window inside a catch-up poll, is emitted once over consecutive polls; a
 * catch-up of more than 100 records emits each once, in a stated number of calls.
 */
import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { windowFields } from '../../nodes/shared/records';
import { KINDS, pagesRead, type RecordKind } from '../engine/windowReadings';
import {
	DEFAULT_PAGING,
	formatCst,
	type PagingBehaviour,
	type StockoutRecord,
	type WindowEnds,
} from '../simulator';
import {
	eventKey,
	HOUR,
	keyOf,
	MINUTE,
	onRequest,
	pollMinutes,
	SEARCH_CANCEL,
	stateAt,
	T0,
	type PollOutcome,
	useTriggerRig,
} from './support';

const SECOND = 1000;
const DAY = 24 * HOUR;
const rig = useTriggerRig();
afterEach(() => {
	rig.sim.windowEnds = 'both';
	rig.sim.paging = { ...DEFAULT_PAGING };
});

/** One event and the records it reads. */
interface EventCase extends RecordKind {
	name: string;
	event: string;
	/** The longest window of the event's method: a catch-up poll is split into these. */
	windowMs: number;
	/** Its page recommends reading from the last page back (a closed window, with a total). */
	lastToFirst?: boolean;
}

const EVENTS: EventCase[] = [
	{
		...KINDS.salesOrder,
		name: 'New or Updated Sales Order',
		event: 'salesOrderChanged',
		windowMs: HOUR,
		lastToFirst: true,
	},
	{
		...KINDS.cancelledStockout,
		name: 'Sales Stockout Cancelled',
		event: 'stockoutCancelled',
		windowMs: HOUR,
	},
	{
		name: 'Sales Stockout Shipped',
		event: 'stockoutShipped',
		method: 'wms.stockout.Sales.queryWithDetail',
		windowMs: HOUR,
		// Shipped (110) at `modifiedMs`: its consign time too.
		add: (sim, modifiedMs) => String(sim.addStockout({ status: 'done', modifiedMs }).stockoutId),
		id: KINDS.cancelledStockout.id,
		lastToFirst: true,
	},
	{
		...KINDS.refund,
		name: 'Refund Created or Updated',
		event: 'refundChanged',
		windowMs: 30 * DAY,
	},
	{
		...KINDS.purchaseApply,
		name: 'Purchase Apply Status Changed',
		event: 'purchaseApplyStatusChanged',
		windowMs: 30 * DAY,
	},
	{
		...KINDS.purchaseOrder,
		name: 'Purchase Order Status Changed (issue 22)',
		event: 'purchaseOrderStatusChanged',
		windowMs: 30 * DAY,
	},
	{ ...KINDS.stockMovement, name: 'Stock Moved (issue 22)', event: 'stockMoved', windowMs: HOUR },
];

/** One scheduled poll at `atMs` on `staticData`, which must not fail. */
async function pollAt(atMs: number, staticData: IDataObject, event: string): Promise<PollOutcome> {
	rig.setTime(atMs);
	const result = await rig.poll({ persistence: 'n8n2', staticData, parameters: { event } });
	expect(result.error, `poll at ${formatCst(atMs)}`).toBeUndefined();
	return result;
}

/** The [start, end] of each window (its page 0) a poll read with `method`. */
function windowsOf(poll: PollOutcome, method: string): unknown[][] {
	const [startField, endField] = windowFields(method);
	return poll.requests
		.filter((request) => request.method === method && Number(request.pageNo) === 0)
		.map((request) => {
			const params = (request.args as IDataObject[])[0];
			return [params[startField], params[endField]];
		});
}

const WINDOW_ENDS: WindowEnds[] = ['both', 'start', 'end'];

describe.each(WINDOW_ENDS)('windowEnds %s: records on the edges of polls', (ends) => {
	beforeEach(() => {
		rig.sim.windowEnds = ends;
	});

	describe.each(EVENTS)('$name', (eventCase) => {
		it("a record on the start or end of a poll's range is emitted once over consecutive polls", async () => {
			// Polls once a minute from T0 + 1 min: the poll at T0 + m min reads
			// [T0 + (m − 7) min, T0 + (m − 1) min] (5 minutes of overlap, 1 of safety lag), so every
			// whole minute is the end of one poll's range and the start of another's.
			eventCase.add(rig.sim, T0 - 2 * MINUTE); // before the activation: never an event
			const expected: string[] = [];
			for (let minute = -1; minute <= 10; minute++) {
				expected.push(eventCase.add(rig.sim, T0 + minute * MINUTE));
				if (minute < 10) expected.push(eventCase.add(rig.sim, T0 + minute * MINUTE + 30 * SECOND));
			}
			const run = await pollMinutes(rig, 'n8n2', stateAt(eventCase.event, T0 - MINUTE), [1, 12], {
				event: eventCase.event,
			});
			expect(run.emitted.map(eventCase.id)).toEqual(expected);
			expect(windowsOf(run.polls[0], eventCase.method)).toEqual([
				[formatCst(T0 - 6 * MINUTE), formatCst(T0)],
			]);
		});

		it("after an outage, records on the edges of the catch-up poll's windows are emitted once", async () => {
			// The catch-up poll at T0 + 3 h reads from T0 − 6 min to T0 + 179 min, in windows of
			// the method's length; the polls after it re-read the last 5 minutes.
			const start = T0 - 6 * MINUTE;
			const end = T0 + 179 * MINUTE;
			const edges: number[] = [];
			for (let edge = start + eventCase.windowMs; edge < end; edge += eventCase.windowMs)
				edges.push(edge);
			edges.push(end);
			const expected: string[] = [eventCase.add(rig.sim, T0)];
			for (const edge of edges)
				for (const at of [edge - SECOND, edge, edge + SECOND])
					expected.push(eventCase.add(rig.sim, at));

			const catchUp = await pollAt(
				T0 + 3 * HOUR,
				stateAt(eventCase.event, T0 - MINUTE),
				eventCase.event,
			);
			const windows = windowsOf(catchUp, eventCase.method);
			expect(windows).toHaveLength(eventCase.windowMs === HOUR ? 4 : 1);
			expect(windows.map(([, windowEnd]) => windowEnd)).toEqual(
				eventCase.windowMs === HOUR ? edges.map(formatCst) : [formatCst(end)],
			);
			// The record on the poll's own end: in it unless WDT leaves a window's end out, and then
			// in the next poll's overlap.
			const onEnd = expected[expected.length - 2];
			expect(catchUp.emitted.map(eventCase.id).includes(onEnd)).toBe(ends !== 'start');
			const later = await pollMinutes(rig, 'n8n2', catchUp.staticData, [181, 183], {
				event: eventCase.event,
			});
			expect([...catchUp.emitted, ...later.emitted].map(eventCase.id)).toEqual(expected);
		});
	});
});

const TOTAL_COUNT: Array<PagingBehaviour['totalCount']> = ['calcTotal', 'always', 'never'];

describe.each(TOTAL_COUNT)('paging.totalCount %s: a catch-up of 350 records', (totalCount) => {
	beforeEach(() => {
		rig.sim.paging = { ...DEFAULT_PAGING, totalCount };
	});
	const withTotal = totalCount !== 'never';

	it.each(EVENTS.filter((event) => event.windowMs === HOUR).map((event) => [event.name, event]))(
		'%s: every record once, calls bounded',
		async (_name, eventCase) => {
			// The poll at T0 + 2 h reads [T0 − 6, T0 + 54], [T0 + 54, T0 + 114], [T0 + 114, T0 + 119]
			// (minutes): 250 records in the first window, one full page (100) in the second.
			const ids = [
				...Array.from({ length: 250 }, (_, i) => eventCase.add(rig.sim, T0 + i * 10 * SECOND)),
				...Array.from({ length: 100 }, (_, i) =>
					eventCase.add(rig.sim, T0 + HOUR + i * 10 * SECOND),
				),
			];
			const catchUp = await pollAt(
				T0 + 2 * HOUR,
				stateAt(eventCase.event, T0 - MINUTE),
				eventCase.event,
			);
			expect(catchUp.emitted.map(eventCase.id)).toEqual(ids);
			const pages = catchUp.requests
				.filter((request) => request.method === eventCase.method)
				.map((request) => Number(request.pageNo));
			expect(pages).toEqual(expectedPages(eventCase, withTotal));
			const next = await pollAt(T0 + 2 * HOUR + MINUTE, catchUp.staticData, eventCase.event);
			expect(next.emitted).toEqual([]);
		},
	);
});

/**
 * The pages of the catch-up poll's three windows (pagesRead): with a total, an event whose page
 * recommends it reads a closed window (ended 10 minutes before the read) from its last page
 * back; the second window is still open, one page. The third window is empty.
 */
function expectedPages(eventCase: EventCase, withTotal: boolean): number[] {
	return [
		...pagesRead(250, { withTotal, lastToFirst: eventCase.lastToFirst }),
		...pagesRead(100, { withTotal }),
		...pagesRead(0, { withTotal }),
	];
}

describe.each(TOTAL_COUNT)(
	'paging.totalCount %s: the list moves while a window is paged',
	(totalCount) => {
		beforeEach(() => {
			rig.sim.paging = { ...DEFAULT_PAGING, totalCount };
		});

		it.each([
			[
				'a record on page 0 is cancelled again and leaves the window',
				(records: StockoutRecord[]) => rig.sim.cancelStockout(records[5].stockoutId, rig.now()),
			],
			[
				'a lagging cancellation shows up on page 0',
				() => rig.sim.addStockout({ modifiedMs: T0 - 60 * MINUTE + 5 * SECOND, visibleAfterMs: 0 }),
			],
		])('%s before page 1 is read: every cancellation emitted once', async (_name, change) => {
			// 150 cancellations (two pages) in the one-hour window the next poll reads,
			// [T0 − 61 min, T0 − 1 min]; the change comes between its page 0 and page 1, so the rows
			// behind it slide across the page boundary.
			const records = Array.from({ length: 150 }, (_, i) =>
				rig.sim.addStockout({ modifiedMs: T0 - 61 * MINUTE + 10 * SECOND + i * 20 * SECOND }),
			);
			const expected = records.map((record) => eventKey(record.stockoutId, record.modifiedMs));
			let changed: StockoutRecord | undefined;
			const unhook = onRequest(rig.sim, (request) => {
				if (request.method === SEARCH_CANCEL && request.pageNo === 1 && !changed)
					changed = change(records);
			});
			try {
				const state = {
					...stateAt('stockoutCancelled', T0 - 56 * MINUTE),
					since: formatCst(T0 - 2 * HOUR),
				};
				const run = await pollMinutes(rig, 'n8n2', state, [0, 7], {
					event: 'stockoutCancelled',
					options: { emitAgainWhenChanged: true },
				});
				expect(changed).toBeDefined();
				expected.push(eventKey(changed!.stockoutId, changed!.modifiedMs));
				expect(run.emitted.map(keyOf).sort()).toEqual(expected.sort());
			} finally {
				unhook();
			}
		});
	},
);
