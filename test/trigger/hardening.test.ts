/**
 * The trigger against hostile conditions, run as n8n runs the poll (test/harness runPoll, n8n 1.x
 * and 2.x persistence) against the WDT simulator: clock glitches, corrupt or foreign static
 * data, edits of stockouts already emitted, n8n 2.x's activation poll and its poll budget.
 * Every scenario counts lost and repeated events.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { formatCst } from '../simulator';
import {
	CORE_NOW,
	eventKey,
	HOUR,
	keyOf,
	MINUTE,
	SEARCH_CANCEL,
	staticDataProblems,
	useTriggerRig,
	T0,
	type PollOutcome,
} from './support';

const rig = useTriggerRig();

const DAY = 24 * HOUR;
type Persistence = 'n8n1' | 'n8n2';

/** An active trigger whose cursor is T0 − 1 min. */
const activeState = (): IDataObject => ({
	event: 'stockoutCancelled',
	cursor: formatCst(T0 - MINUTE),
	since: formatCst(T0 - MINUTE),
	emitted: {},
});

interface Scenario {
	persistence: Persistence;
	staticData: IDataObject;
	/** Minutes after T0 of the polls, in order (a minute may go back: the clocks stepped back). */
	minutes: number[];
	/** Called before each poll, after the clock moved. */
	before?: (minute: number, index: number) => void;
	parameters?: INodeParameters;
	pollBudgetMs?: number;
}

/** Runs the polls, each on the static data the previous one left; no poll may fail. */
async function runPolls(scenario: Scenario): Promise<{
	polls: PollOutcome[];
	emitted: string[];
	warnings: string[];
	staticData: IDataObject;
}> {
	const polls: PollOutcome[] = [];
	let staticData = scenario.staticData;
	for (const [index, minute] of scenario.minutes.entries()) {
		rig.setTime(T0 + minute * MINUTE);
		scenario.before?.(minute, index);
		const result = await rig.poll({
			persistence: scenario.persistence,
			staticData,
			parameters: scenario.parameters,
			pollBudgetMs: scenario.pollBudgetMs,
		});
		expect(result.error, `poll at T0 + ${minute} min`).toBeUndefined();
		expect(staticDataProblems(result.staticData), `poll at T0 + ${minute} min`).toEqual([]);
		polls.push(result);
		staticData = result.staticData;
	}
	return {
		polls,
		emitted: polls.flatMap((poll) => poll.emitted.map(keyOf)),
		warnings: polls.flatMap((poll) => poll.warnings),
		staticData,
	};
}

/** Each expected key exactly once, nothing else. */
function expectEachOnce(emitted: string[], expected: string[]) {
	const counts = new Map<string, number>();
	for (const key of emitted) counts.set(key, (counts.get(key) ?? 0) + 1);
	expect({
		lost: expected.filter((key) => !counts.has(key)),
		repeated: [...counts].filter(([, count]) => count > 1).map(([key]) => key),
		unexpected: [...counts.keys()].filter((key) => !expected.includes(key)),
	}).toEqual({ lost: [], repeated: [], unexpected: [] });
}

const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** Cancels a stockout at `atMs` (WDT's clock) and returns its event key. */
function cancelAt(atMs: number): string {
	const stockout = rig.sim.addStockout({ modifiedMs: atMs });
	return eventKey(stockout.stockoutId, atMs);
}

describe.each(['n8n1', 'n8n2'] as const)('%s: clock glitches lose nothing', (persistence) => {
	it('system.Core.now answers a year ahead once: the reply is distrusted (it is far from the host clock)', async () => {
		const expected = [cancelAt(T0 + 30_000), cancelAt(T0 + 90_000), cancelAt(T0 + 150_000)];
		const run = await runPolls({
			persistence,
			staticData: activeState(),
			minutes: range(2, 8),
			before: (minute) => rig.skewCoreNow(minute === 2 ? 365 * DAY : 0),
		});
		expectEachOnce(run.emitted, expected);
		expect(run.warnings.join('\n')).toMatch(
			/system\.Core\.now said 2025-11-22 10:02:00, more than 120 s from this host's 2024-11-22 10:02:00; planning from 2024-11-22 10:00:00 instead/,
		);
		// The glitching poll read no window ahead of the host's clock.
		const searches = run.polls[0].requests.filter((request) => request.method === SEARCH_CANCEL);
		expect(searches.map((request) => (request.args as IDataObject[])[0].end_time)).toEqual([
			'2024-11-22 09:59:00',
		]);
	});

	it("WDT's clock jumps 2 hours ahead for two polls, then is corrected", async () => {
		const expected = [30_000, 150_000, 4 * MINUTE, 6 * MINUTE].map((ms) => cancelAt(T0 + ms));
		const run = await runPolls({
			persistence,
			staticData: activeState(),
			minutes: range(2, 10),
			before: (minute) => rig.skewCoreNow(minute === 2 || minute === 3 ? 2 * HOUR : 0),
		});
		expectEachOnce(run.emitted, expected);
		expect(run.staticData.cursor).toBe(formatCst(T0 + 9 * MINUTE));
	});

	it('both clocks step back 10 minutes: WDT is behind the cursor, so the trigger reads again from its time', async () => {
		// Before the step: emitted normally.
		const expected = [cancelAt(T0 + 30_000), cancelAt(T0 + 3 * MINUTE)];
		// After the step back at T0 + 6 min to T0 − 4 min, WDT stamps new rows with its stepped-back
		// clock: behind the cursor (T0 + 5 min).
		const afterStep = [-3.5, -1, 1.5, 4.5, 7].map((minutes) => T0 + minutes * MINUTE);
		const minutes = [...range(1, 6), ...range(-4, 12)];
		const run = await runPolls({
			persistence,
			// Activated an hour before: rows stamped before the activation are never emitted, even
			// when a clock stepped back stamps them so.
			staticData: { ...activeState(), since: formatCst(T0 - HOUR) },
			minutes,
			before: (minute, index) => {
				if (index < 6) return;
				for (const atMs of afterStep) {
					if (atMs <= T0 + minute * MINUTE && atMs > T0 + (minute - 1) * MINUTE) {
						expected.push(cancelAt(atMs));
					}
				}
			},
		});
		expect(expected).toHaveLength(7);
		expectEachOnce(run.emitted, expected);
		expect(run.warnings.join('\n')).toMatch(
			/WDT's time 2024-11-22 09:56:00 is behind the cursor 2024-11-22 10:05:00; reading again from WDT's time/,
		);
	});

	it('a cursor a day ahead of WDT is brought back to WDT time', async () => {
		const expected = [cancelAt(T0 + 30_000), cancelAt(T0 + 2 * MINUTE)];
		const run = await runPolls({
			persistence,
			staticData: { ...activeState(), cursor: formatCst(T0 + DAY) },
			minutes: range(1, 6),
		});
		expectEachOnce(run.emitted, expected);
		expect(run.staticData.cursor).toBe(formatCst(T0 + 5 * MINUTE));
	});
});

describe.each(['n8n1', 'n8n2'] as const)(
	'%s: corrupt or foreign static data is repaired or reset, and logged; the poll never dies',
	(persistence) => {
		const base = activeState();
		const cases: Array<{ name: string; staticData: IDataObject; warning: RegExp | null }> = [
			{
				name: 'cursor "garbage"',
				staticData: { ...base, cursor: 'garbage' },
				warning: /cursor was "garbage"; resuming from 2024-11-22 09:59:00/,
			},
			{
				name: 'cursor as ISO string',
				staticData: { ...base, cursor: new Date(T0 - MINUTE).toISOString() },
				warning: /cursor "2024-11-22T01:59:00.000Z" read as 2024-11-22 09:59:00/,
			},
			{
				name: 'cursor as a number (unix ms)',
				staticData: { ...base, cursor: T0 - MINUTE },
				warning: /cursor 1732240740000 read as 2024-11-22 09:59:00/,
			},
			{
				name: 'cursor as an object',
				staticData: { ...base, cursor: { at: 1 } },
				warning: /cursor was \{"at":1\}; resuming from 2024-11-22 09:59:00/,
			},
			{
				name: 'version 1 state with recentlyEmitted not an array',
				staticData: {
					cursor: base.cursor,
					since: base.since,
					recentlyEmitted: 'oops',
				},
				warning: /recentlyEmitted was "oops"; reset to none/,
			},
			{
				name: 'version 1 state (migrated silently)',
				staticData: {
					cursor: base.cursor,
					since: base.since,
					recentlyEmitted: [`1@${formatCst(T0 - 2 * MINUTE)}`],
				},
				warning: null,
			},
			{
				name: 'pausedUntil 42',
				staticData: { ...base, pausedUntil: 42, rateLimitStreak: 1 },
				warning: /pause \{"pausedUntil":42,"rateLimitStreak":1\} reset/,
			},
			{
				name: 'rateLimitStreak -3',
				staticData: { ...base, pausedUntil: formatCst(T0 + 3 * MINUTE), rateLimitStreak: -3 },
				warning: /pause .* reset/,
			},
			{
				name: 'a pause far beyond the longest one',
				staticData: { ...base, pausedUntil: formatCst(T0 + DAY), rateLimitStreak: 1 },
				warning: null,
			},
			{
				name: 'emitted as an array',
				staticData: { ...base, emitted: ['x'] },
				warning: /emitted was \["x"\]; reset to none/,
			},
			{
				name: 'emitted with unreadable times',
				staticData: { ...base, emitted: { 7: 'yesterday', 8: formatCst(T0 - 2 * MINUTE) } },
				warning: /dropped 1 unreadable remembered key/,
			},
			{
				name: 'since 7',
				staticData: { ...base, since: 7 },
				warning: /since was 7; set to the cursor/,
			},
			{
				name: 'event 5 and an unknown field',
				staticData: { ...base, event: 5, extra: true },
				warning: /event was 5; taken as "stockoutCancelled"[\s\S]*removed unknown field extra/,
			},
		];
		for (const { name, staticData, warning } of cases) {
			it(name, async () => {
				const expected = [cancelAt(T0 + 10_000)];
				const run = await runPolls({ persistence, staticData, minutes: range(2, 4) });
				expectEachOnce(run.emitted, expected);
				if (warning) expect(run.warnings.join('\n')).toMatch(warning);
				else expect(run.warnings).toEqual([]);
				// Repaired once: the committed state needs no repair.
				if (warning) expect(run.polls[2].warnings).toEqual([]);
			});
		}

		it('static data with nothing usable starts fresh and says so', async () => {
			cancelAt(T0 + 10_000); // before the fresh start: not emitted
			const later = cancelAt(T0 + 3 * MINUTE);
			const run = await runPolls({
				persistence,
				staticData: { cursor: 'garbage', since: null, recentlyEmitted: 42 },
				minutes: range(2, 6),
			});
			expectEachOnce(run.emitted, [later]);
			expect(run.warnings.join('\n')).toMatch(
				/cursor was "garbage" and nothing else is known; starting fresh/,
			);
		});

		it('a state of another event is not used: a fresh cursor for this event', async () => {
			cancelAt(T0 + 10_000); // before the switch: not emitted
			const later = cancelAt(T0 + 3 * MINUTE);
			const run = await runPolls({
				persistence,
				staticData: { ...base, event: 'salesOrderChanged', cursor: formatCst(T0 - DAY) },
				minutes: range(2, 6),
			});
			expectEachOnce(run.emitted, [later]);
			expect(run.warnings.join('\n')).toMatch(
				/the saved cursor belongs to event "salesOrderChanged"; starting a fresh cursor for "stockoutCancelled"/,
			);
			expect(run.staticData).toMatchObject({ event: 'stockoutCancelled' });
		});
	},
);

describe.each(['n8n1', 'n8n2'] as const)('%s: one event per stockout', (persistence) => {
	/** A stockout cancelled at T0 + 10 s, edited in WDT (still cancelled) at T0 + 3 min and T0 + 2 h. */
	async function editedTwice(parameters: INodeParameters) {
		const stockout = rig.sim.addStockout({ modifiedMs: T0 + 10_000 });
		const edits = [T0 + 3 * MINUTE, T0 + 2 * HOUR];
		const run = await runPolls({
			persistence,
			staticData: activeState(),
			minutes: [...range(2, 8), ...range(120, 126)],
			parameters,
			before: (minute) => {
				if (minute === 3 || minute === 120) {
					rig.sim.modifyStockout(stockout.stockoutId, { modifiedMs: rig.now() });
				}
			},
		});
		return { stockout, edits, run };
	}

	it('by default an edit of an already emitted stockout (a new modified) does not fire again', async () => {
		const { stockout, run } = await editedTwice({});
		expectEachOnce(run.emitted, [eventKey(stockout.stockoutId, T0 + 10_000)]);
		// Remembered with its latest change, for 30 days from it.
		expect((run.staticData.emitted as IDataObject)[stockout.stockoutId]).toBe(
			formatCst(T0 + 2 * HOUR),
		);
	});

	it('Emit Again When Changed emits each change once', async () => {
		const { stockout, edits, run } = await editedTwice({ options: { emitAgainWhenChanged: true } });
		expectEachOnce(run.emitted, [
			eventKey(stockout.stockoutId, T0 + 10_000),
			...edits.map((ms) => eventKey(stockout.stockoutId, ms)),
		]);
	});
});

describe.each(['n8n1', 'n8n2'] as const)('%s: hourly polling after activation', (persistence) => {
	it('the first scheduled poll starts from the activation instant (n8n 2.x does not keep the activation poll)', async () => {
		const activation = await rig.poll({ persistence, staticData: {}, activationPoll: true });
		expect(activation.error).toBeUndefined();
		const expected = [10, 30, 50].map((minutes) => cancelAt(T0 + minutes * MINUTE));
		const run = await runPolls({
			persistence,
			staticData: activation.staticData,
			minutes: [60, 120, 180],
		});
		expect(run.polls[0].emitted.map(keyOf)).toEqual(expected);
		expectEachOnce(run.emitted, expected);
		expect(run.staticData.since).toBe(formatCst(T0 - MINUTE));
	});

	it("another workflow's activation is not taken for this one", async () => {
		await rig.poll({ persistence, staticData: {}, activationPoll: true });
		cancelAt(T0 + 10 * MINUTE);
		rig.workflowId = `${rig.workflowId}-other`;
		rig.setTime(T0 + 60 * MINUTE);
		const other = await rig.poll({ persistence, staticData: {} });
		expect(other.emitted).toEqual([]);
		expect(other.staticData.since ?? formatCst(T0 + 59 * MINUTE)).toBe(formatCst(T0 + 59 * MINUTE));
	});
});

describe('n8n2: the poll budget (getPollBudgetMs)', () => {
	it('a catch-up poll stops reading well inside its budget, commits what it read, and the next polls finish the rest', async () => {
		// 30 hours behind, one cancellation every 20 minutes.
		const expected = range(1, 89).map((i) => cancelAt(T0 - 30 * HOUR + i * 20 * MINUTE));
		rig.sim.latencyMs = 60;
		try {
			const startedAt = performance.now();
			const first = await rig.poll({
				persistence: 'n8n2',
				staticData: {
					...activeState(),
					cursor: formatCst(T0 - 30 * HOUR),
					since: formatCst(T0 - 30 * HOUR),
				},
				pollBudgetMs: 1000,
			});
			const tookMs = performance.now() - startedAt;
			expect(first.error).toBeUndefined();
			// Stopped at half the budget: fewer than the 24 windows of a poll without a budget.
			const windows = first.requests.filter((r) => r.method === SEARCH_CANCEL).length;
			expect(windows).toBeGreaterThan(0);
			expect(windows).toBeLessThan(24);
			expect(tookMs).toBeLessThan(1000);
			// Committed up to the end of the last window read completely.
			expect(first.persistedStaticData.cursor).toBe(
				formatCst(T0 - 30 * HOUR - 5 * MINUTE + windows * HOUR),
			);
			const run = await runPolls({
				persistence: 'n8n2',
				staticData: first.staticData,
				minutes: range(1, 12),
				pollBudgetMs: 1000,
			});
			expectEachOnce([...first.emitted.map(keyOf), ...run.emitted], expected);
			expect(run.polls.every((poll) => poll.requests[0].method === CORE_NOW)).toBe(true);
		} finally {
			rig.sim.latencyMs = 0;
		}
	});
});
