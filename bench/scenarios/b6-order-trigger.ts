/* eslint-disable -- bench code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * B6 the New or Updated Sales Order trigger (sales.TradeQuery.queryWithDetail) through n8n-core's
 * PollTriggerExecutor (harness runPoll, durable cursors), as B4 runs its event:
 *
 * - catch-up: the trigger was inactive for G hours while N orders changed (a shop's day: quiet
 *   night, busy evening). Its cursor is G hours old and remembers the orders the last poll before
 *   the outage emitted. Scheduled polls run until the cursor reaches now; calls are compared
 *   with the least for the windows the trigger read (from the generated orders alone), items
 *   with the orders changed.
 * - idle: the next scheduled poll a minute later, from the state the catch-up left, nothing
 *   changed since.
 *
 * The outage is modelled by the cursor, not by moving the simulator's clock (see B4).
 */
import type { IDataObject } from 'n8n-workflow';

import { DAY_MS, HOUR_MS, MINUTE_MS, parseWdtTime, toWdtTime } from '../../nodes/shared/protocol';
import { CLOSED_WINDOW_MARGIN_MS } from '../../nodes/shared/transport/search';
import { MAX_WINDOWS_PER_POLL, OVERLAP_MS, SAFETY_LAG_MS } from '../../nodes/WdtTrigger/cursor';
import { TRADE_QUERY_METHOD } from '../../nodes/WdtTrigger/events/salesOrderChanged';
import { seededRandom } from '../../test/simulator';
import { benchEngine, credentialsFor } from '../lib/engine';
import type { Row, ScenarioResult } from '../lib/report';
import type { SimProcess } from '../lib/sim-process';
import { constant, repeat, summarize } from '../lib/stats';
import {
	countInWindow,
	lastToFirstPages,
	minimumPages,
	orderHourWeights,
	ordersByHour,
	spreadByWeight,
	withMemoryPeak,
	type MemoryPeak,
} from '../lib/workload';
import { orderPageSize } from './b5-sales-orders';

const EVENT = 'salesOrderChanged';
const NOW_METHOD = 'system.Core.now';
/** Orders the last poll before the outage emitted (the hour before the cursor). */
const BEFORE_OUTAGE = 50;
/** Scheduled polls one catch-up may take before the bench calls it stuck. */
const MAX_CATCH_UP_POLLS = 10;

export interface B6Options {
	orders: number;
	gapHours: number;
	latencyMs: number;
	runs: number;
	warmup: number;
	seed: number;
	log: (line: string) => void;
}

interface Window {
	startMs: number;
	endMs: number;
	/** Orders in it, from the generated orders. */
	orders: number;
	/** Still open when the engine began it (end within CLOSED_WINDOW_MARGIN_MS of now). */
	open: boolean;
}

interface CatchUp {
	polls: number;
	calls: number;
	nowCalls: number;
	queryCalls: number;
	/** The distinct windows the trigger asked for, in order. */
	windows: Window[];
	items: number;
	cpuMs: number;
	wallMs: number;
	memory: MemoryPeak;
	/** Cursor after the last poll (WDT time). */
	cursor: string;
	finalState: IDataObject;
}

interface IdlePoll {
	calls: number;
	cpuMs: number;
	wallMs: number;
}

export async function runB6(sim: SimProcess, options: B6Options): Promise<ScenarioResult> {
	const { orders: total, gapHours, latencyMs, log } = options;
	await sim.setLatency(latencyMs);
	const engine = benchEngine();
	const credentials = credentialsFor(sim.url);
	const random = seededRandom(options.seed);
	const pageSize = orderPageSize();

	// The cursor the trigger left when it stopped, G hours before what a poll now reads up to.
	const cursorMs = Math.floor((Date.now() - SAFETY_LAG_MS) / 1000) * 1000 - gapHours * HOUR_MS;
	const before = ordersByHour(cursorMs - HOUR_MS, [BEFORE_OUTAGE], random);
	const changed = ordersByHour(
		cursorMs,
		spreadByWeight(orderHourWeights(cursorMs, gapHours, random), total),
		random,
		BEFORE_OUTAGE + 1,
	);
	await sim.setTrades([...before, ...changed]);
	const modifiedMs = [...before, ...changed].map((order) => order.modifiedMs);
	const initialState: IDataObject = {
		event: EVENT,
		cursor: toWdtTime(cursorMs),
		since: toWdtTime(cursorMs - DAY_MS),
		emitted: Object.fromEntries(before.map((order) => [String(order.tradeId), toWdtTime(order.modifiedMs)])),
	};

	const poll = async (staticData: IDataObject) => {
		const result = await engine.runPoll({
			nodeType: 'wdtTrigger',
			mode: 'trigger',
			persistence: 'n8n2',
			parameters: { event: EVENT, options: {} },
			credentials,
			staticData,
			timezone: 'Asia/Shanghai',
		});
		engine.credentialsHelper.authenticateCalls.length = 0;
		if (result.error !== undefined) throw new Error(`B6 poll failed: ${(result.error as Error).message ?? String(result.error)}`);
		return result;
	};

	const catchUpOnce = async (): Promise<CatchUp> => {
		await sim.clearRequests();
		const targetMs = Math.floor((Date.now() - SAFETY_LAG_MS) / 1000) * 1000 - 2000;
		const cpuBefore = process.cpuUsage();
		const started = performance.now();
		const { result, memory } = await withMemoryPeak(async () => {
			let staticData = structuredClone(initialState);
			const emitted: IDataObject[] = [];
			let polls = 0;
			do {
				if (++polls > MAX_CATCH_UP_POLLS) throw new Error(`B6: ${MAX_CATCH_UP_POLLS} polls did not catch up`);
				const result = await poll(staticData);
				emitted.push(...(result.items?.[0] ?? []).map((item) => item.json));
				staticData = result.staticData;
			} while ((parseWdtTime(String(staticData.cursor)) ?? 0) < targetMs);
			return { polls, emitted, staticData };
		});
		const wallMs = performance.now() - started;
		const cpu = process.cpuUsage(cpuBefore);
		const ids = new Set(result.emitted.map((json) => Number(json.trade_id)));
		if (result.emitted.length !== total || ids.size !== total || changed.some((order) => !ids.has(order.tradeId)))
			throw new Error(`B6: the catch-up emitted ${result.emitted.length} items (${ids.size} orders), expected the ${total} changed orders once each`);
		const calls = await sim.log();
		const windows: Window[] = [];
		for (const call of calls) {
			if (call.status !== '0') throw new Error(`B6: WDT answered ${call.status} to ${call.method}`);
			if (call.method === NOW_METHOD) continue;
			if (call.method !== TRADE_QUERY_METHOD) throw new Error(`B6: unexpected request ${call.method}`);
			const startMs = parseWdtTime(call.start ?? '');
			const endMs = parseWdtTime(call.end ?? '');
			if (startMs === undefined || endMs === undefined || endMs - startMs > HOUR_MS) throw new Error(`B6: bad window ${call.start} to ${call.end}`);
			const last = windows[windows.length - 1];
			if (last?.startMs !== startMs || last.endMs !== endMs)
				windows.push({
					startMs,
					endMs,
					orders: countInWindow(modifiedMs, startMs, endMs),
					// The engine's rule when it began the window (search.ts): closed once its end is
					// more than the margin before now; an open window reads page 0 again.
					open: endMs >= call.at - CLOSED_WINDOW_MARGIN_MS,
				});
		}
		const nowCalls = calls.filter((call) => call.method === NOW_METHOD).length;
		return {
			polls: result.polls,
			calls: calls.length,
			nowCalls,
			queryCalls: calls.length - nowCalls,
			windows,
			items: result.emitted.length,
			cpuMs: (cpu.user + cpu.system) / 1000,
			wallMs,
			memory,
			cursor: String(result.staticData.cursor),
			finalState: result.staticData,
		};
	};
	const catchUp = await repeat(`B6 catch-up (${gapHours} h inactive, ${total} orders changed)`, options, catchUpOnce, log);

	// Idle: the state the last catch-up left (its memory of emitted orders), as the next
	// scheduled poll finds it one poll interval (a minute) later; nothing changed since.
	const idleState = catchUp[catchUp.length - 1].finalState;
	const idleOnce = async (): Promise<IdlePoll> => {
		await sim.clearRequests();
		const state = { ...structuredClone(idleState), cursor: toWdtTime(Date.now() - SAFETY_LAG_MS - MINUTE_MS) };
		const cpuBefore = process.cpuUsage();
		const started = performance.now();
		const result = await poll(state);
		const wallMs = performance.now() - started;
		const cpu = process.cpuUsage(cpuBefore);
		if (result.items !== null) throw new Error('B6: the idle poll emitted items, but nothing changed');
		const count = await sim.count();
		if (count.statuses.join() !== '0') throw new Error(`B6: WDT answered ${count.statuses.join()}`);
		if (!(String(result.staticData.cursor) > String(state.cursor))) throw new Error('B6: the idle poll did not move the cursor');
		return { calls: count.total, cpuMs: (cpu.user + cpu.system) / 1000, wallMs };
	};
	const idle = await repeat('B6 idle poll', options, idleOnce, log);

	// The least for the windows the trigger read: one call per window at least, full pages, and
	// one system.Core.now per poll (the trigger plans from WDT's clock).
	const reference = catchUp[catchUp.length - 1];
	const sum = (pages: (orders: number, open: boolean) => number) =>
		reference.windows.reduce((total, window) => total + pages(window.orders, window.open), 0);
	// A window still open when read (its end within the last 10 minutes) reads page 0 again, so
	// that a row leaving it while it is paged shows; a closed one does not need to.
	const windowMinimum =
		sum((orders, open) => (open ? lastToFirstPages : minimumPages)(orders, pageSize)) + reference.polls;
	const openMultiPage = reference.windows.filter((window) => window.open && window.orders > pageSize).length;
	const lastToFirstMinimum = sum((orders) => lastToFirstPages(orders, pageSize)) + reference.polls;
	// The least any client could do for the outage itself: the span from the old cursor to the
	// new one in whole-hour windows from the cursor, one poll, no overlap re-read.
	const endMs = parseWdtTime(reference.cursor) as number;
	const outageWindows = Math.ceil((endMs - cursorMs) / HOUR_MS);
	const outageMinimum =
		Array.from({ length: outageWindows }, (_, i) =>
			minimumPages(countInWindow(modifiedMs, cursorMs + i * HOUR_MS, Math.min(cursorMs + (i + 1) * HOUR_MS, endMs)), pageSize),
		).reduce((a, b) => a + b, 0) + 1;
	const multiPage = reference.windows.filter((window) => window.orders > pageSize).length;

	const calls = summarize(catchUp.map((run) => run.calls));
	const items = summarize(catchUp.map((run) => run.items));
	const idleCalls = summarize(idle.map((run) => run.calls));
	const rows: Row[] = [
		{ id: 'B6.idle.calls', scenario: 'B6', figure: 'idle poll: calls (nothing changed)', unit: 'calls', value: idleCalls, goal: '≤ 2', met: idleCalls.max <= 2 },
		{ id: 'B6.idle.cpu', scenario: 'B6', figure: 'idle poll: CPU time (process.cpuUsage)', unit: 'ms', value: summarize(idle.map((run) => run.cpuMs)) },
		{ id: 'B6.idle.wall', scenario: 'B6', figure: 'idle poll: wall time', unit: 'ms', value: summarize(idle.map((run) => run.wallMs)) },
		{
			id: 'B6.catchup.calls',
			scenario: 'B6',
			figure: `catch-up after ${gapHours} h inactive: calls (${reference.polls} poll${reference.polls > 1 ? 's' : ''})`,
			unit: 'calls',
			value: calls,
			goal: `= ${windowMinimum} (minimum for its windows)`,
			met: calls.min === windowMinimum && calls.max === windowMinimum,
		},
		{ id: 'B6.catchup.calls.lastToFirst', scenario: 'B6', figure: 'minimum with last-to-first paging', unit: 'calls', value: constant(lastToFirstMinimum) },
		{ id: 'B6.catchup.calls.outage', scenario: 'B6', figure: 'least for the outage itself (one poll, no overlap)', unit: 'calls', value: constant(outageMinimum) },
		{ id: 'B6.catchup.items', scenario: 'B6', figure: 'catch-up: items emitted', unit: 'count', value: items, goal: `= ${total} (orders changed)`, met: items.min === total && items.max === total },
		{ id: 'B6.catchup.wall', scenario: 'B6', figure: 'catch-up: wall time (all polls)', unit: 'ms', value: summarize(catchUp.map((run) => run.wallMs)) },
		{ id: 'B6.catchup.cpu', scenario: 'B6', figure: 'catch-up: CPU time', unit: 'ms', value: summarize(catchUp.map((run) => run.cpuMs)) },
		{ id: 'B6.catchup.floor.ms', scenario: 'B6', figure: 'catch-up: latency floor (minimum × latency)', unit: 'ms', value: constant(windowMinimum * latencyMs) },
		{ id: 'B6.catchup.rss.peak', scenario: 'B6', figure: 'catch-up: peak RSS (bench process)', unit: 'MB', value: summarize(catchUp.map((run) => run.memory.rssMb)) },
		{ id: 'B6.catchup.heap.peak', scenario: 'B6', figure: 'catch-up: peak V8 heap in use', unit: 'MB', value: summarize(catchUp.map((run) => run.memory.heapMb)) },
	];
	const spanMinutes = (endMs - cursorMs + OVERLAP_MS) / MINUTE_MS;
	return {
		scenario: 'B6',
		title: `B6 New or Updated Sales Order trigger: idle poll, and catch-up after ${gapHours} h inactive (${total} orders changed)`,
		rows,
		notes: [
			`B6 catch-up: ${reference.polls} scheduled poll(s) read ${reference.windows.length} windows (${spanMinutes.toFixed(0)} min: the ${gapHours} h plus the ${OVERLAP_MS / MINUTE_MS} min overlap ` +
				`each poll re-reads; at most ${MAX_WINDOWS_PER_POLL} windows per poll), ${multiPage} of them over one page of ${pageSize}, ` +
				`and ${reference.nowCalls} system.Core.now. The ${BEFORE_OUTAGE} orders of the hour before the outage were emitted before it and are remembered: none is emitted again.`,
			`B6 calls: minimum for the trigger's windows = Σ max(1, ⌈orders / ${pageSize}⌉), + 1 for each multi-page window still open when read (${openMultiPage} here: page 0 read again), + one system.Core.now per poll = ${windowMinimum}; ` +
				`reading page 0 again in each multi-page window (last-to-first paging of a window still open, see B5) would cost ${lastToFirstMinimum}. ` +
				`The least for the outage alone (one poll, no overlap) would be ${outageMinimum}` +
				(outageMinimum === windowMinimum
					? '.'
					: `; the ${windowMinimum - outageMinimum} more are the overlap re-read and the ${MAX_WINDOWS_PER_POLL}-window cap per poll (another poll, its system.Core.now and its overlap), both by design.`),
			'B6 CPU time is process.cpuUsage() of the bench process around the polls (n8n PollTriggerExecutor, harness included); the simulator runs in its own process. ' +
				`The idle poll starts from the state the catch-up left (it remembers ${Object.keys((idleState.emitted as IDataObject) ?? {}).length} emitted orders), its cursor one minute old.`,
		],
		details: {
			orders: total,
			gapHours,
			latencyMs,
			pageSize,
			cursor: toWdtTime(cursorMs),
			windows: reference.windows.map((window) => ({ start: toWdtTime(window.startMs), end: toWdtTime(window.endMs), orders: window.orders })),
			windowMinimum,
			lastToFirstMinimum,
			outageMinimum,
			catchUp: catchUp.map(({ finalState: _state, windows: _windows, ...run }) => run),
			idle,
		},
	};
}
