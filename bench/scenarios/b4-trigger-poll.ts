/* eslint-disable -- bench code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * B4 trigger polls: what one scheduled poll of the WDT Trigger costs when nothing has changed
 * (an existing cursor from a poll one minute earlier), and what catching up after an outage of
 * G hours costs. Both through n8n-core's PollTriggerExecutor (harness runPoll, durable cursors).
 *
 * The outage is modelled by the cursor, not by moving the simulator's clock: the node signs with
 * the host clock and WDT rejects timestamps more than 120 s off, so a simulator clock 12 h ahead
 * would answer 时间戳错误. A cursor G hours old is exactly what the trigger finds after G hours down.
 */
import type { IDataObject } from 'n8n-workflow';

import { HOUR_MS, MINUTE_MS, toWdtTime } from '../../nodes/shared/protocol';
import { MAX_WINDOWS_PER_POLL, OVERLAP_MS, SAFETY_LAG_MS } from '../../nodes/WdtTrigger/cursor';
import { benchEngine, credentialsFor } from '../lib/engine';
import type { Row, ScenarioResult } from '../lib/report';
import { repeat, summarize } from '../lib/stats';
import type { SimProcess } from '../lib/sim-process';

const SEARCH_CANCEL = 'wms.stockout.Sales.searchCancel';
const NOW_METHOD = 'system.Core.now';

export interface B4Options {
	latencyMs: number;
	gapHours: number;
	runs: number;
	warmup: number;
	log: (line: string) => void;
}

interface PollMeasure {
	calls: number;
	searchCalls: number;
	nowCalls: number;
	cpuMs: number;
	wallMs: number;
	cursorMoved: boolean;
}

export async function runB4(sim: SimProcess, options: B4Options): Promise<ScenarioResult> {
	const { latencyMs, gapHours, log } = options;
	await sim.setLatency(latencyMs);
	const engine = benchEngine();
	const credentials = credentialsFor(sim.url);

	/** One scheduled poll from a cursor `ageMs` old (the previous poll ran that long ago). */
	const pollFrom = async (ageMs: number): Promise<PollMeasure> => {
		const cursorMs = Date.now() - SAFETY_LAG_MS - ageMs;
		const staticData: IDataObject = { cursor: toWdtTime(cursorMs), recentlyEmitted: [] };
		await sim.clearRequests();
		const cpuBefore = process.cpuUsage();
		const started = performance.now();
		const poll = await engine.runPoll({
			nodeType: 'wdtTrigger',
			mode: 'trigger',
			persistence: 'n8n2',
			parameters: { event: 'stockoutCancelled', options: {} },
			credentials,
			staticData,
			timezone: 'Asia/Shanghai',
		});
		const wallMs = performance.now() - started;
		const cpu = process.cpuUsage(cpuBefore);
		engine.credentialsHelper.authenticateCalls.length = 0;
		if (poll.error !== undefined) throw new Error(`B4 poll failed: ${(poll.error as Error).message ?? String(poll.error)}`);
		if (poll.items !== null) throw new Error('B4: the poll emitted items, but nothing changed');
		const count = await sim.count();
		if (count.statuses.join() !== '0') throw new Error(`B4: WDT answered ${count.statuses.join()}`);
		const newCursor = String(poll.staticData.cursor ?? '');
		return {
			calls: count.total,
			searchCalls: count.byMethod[SEARCH_CANCEL] ?? 0,
			nowCalls: count.byMethod[NOW_METHOD] ?? 0,
			cpuMs: (cpu.user + cpu.system) / 1000,
			wallMs,
			cursorMoved: newCursor > String(staticData.cursor),
		};
	};

	const idle = await repeat('B4 idle poll', options, async () => await pollFrom(MINUTE_MS), log);
	const catchUp = await repeat(`B4 catch-up poll (${gapHours} h gap)`, options, async () => await pollFrom(gapHours * HOUR_MS), log);
	if (idle.some((poll) => !poll.cursorMoved) || catchUp.some((poll) => !poll.cursorMoved)) {
		throw new Error('B4: a poll did not move the cursor forward');
	}

	// What a poll has to read after a G-hour gap: from the old cursor minus the overlap it always
	// re-reads, to now minus the safety lag. WDT allows one hour per call.
	const spanMs = gapHours * HOUR_MS + OVERLAP_MS;
	const minimumWindows = Math.ceil(spanMs / HOUR_MS);
	const catchUpMinimum = Math.min(minimumWindows, MAX_WINDOWS_PER_POLL) + 1;
	const idleCalls = summarize(idle.map((poll) => poll.calls));
	const catchUpCalls = summarize(catchUp.map((poll) => poll.calls));
	const perHour = summarize(catchUp.map((poll) => poll.searchCalls / gapHours));
	const rows: Row[] = [
		{
			id: 'B4.idle.calls',
			scenario: 'B4',
			figure: 'idle poll: calls (nothing changed)',
			unit: 'calls',
			value: idleCalls,
			goal: '≤ 2',
			met: idleCalls.max <= 2,
		},
		{ id: 'B4.idle.cpu', scenario: 'B4', figure: 'idle poll: CPU time (process.cpuUsage)', unit: 'ms', value: summarize(idle.map((poll) => poll.cpuMs)) },
		{ id: 'B4.idle.wall', scenario: 'B4', figure: 'idle poll: wall time', unit: 'ms', value: summarize(idle.map((poll) => poll.wallMs)) },
		{
			id: 'B4.catchup.calls',
			scenario: 'B4',
			figure: `catch-up after a ${gapHours} h gap: calls`,
			unit: 'calls',
			value: catchUpCalls,
			goal: `= ${catchUpMinimum} (${minimumWindows} windows + 1 now)`,
			met: catchUpCalls.min === catchUpMinimum && catchUpCalls.max === catchUpMinimum,
		},
		{
			id: 'B4.catchup.perHour',
			scenario: 'B4',
			figure: 'catch-up: searchCancel calls per hour of gap',
			unit: 'x',
			value: perHour,
			goal: `1 (+1 for the ${OVERLAP_MS / MINUTE_MS} min overlap)`,
			met: catchUp.every((poll) => poll.searchCalls === minimumWindows && poll.nowCalls === 1),
		},
		{ id: 'B4.catchup.cpu', scenario: 'B4', figure: 'catch-up poll: CPU time', unit: 'ms', value: summarize(catchUp.map((poll) => poll.cpuMs)) },
		{ id: 'B4.catchup.wall', scenario: 'B4', figure: 'catch-up poll: wall time', unit: 'ms', value: summarize(catchUp.map((poll) => poll.wallMs)) },
	];
	return {
		scenario: 'B4',
		title: `B4 trigger polls: idle, and catch-up after ${gapHours} h`,
		rows,
		notes: [
			'B4: CPU time is process.cpuUsage() (user + system) of the bench process around one runPoll (n8n PollTriggerExecutor, ' +
				'harness included); the simulator runs in its own process, so its work is not counted.',
			`B4: a ${gapHours} h gap means reading ${gapHours} h + ${OVERLAP_MS / MINUTE_MS} min (the overlap re-read for rows that become visible late), ` +
				`so ${minimumWindows} one-hour windows: one searchCancel call per empty hour plus one for the overlap, and one system.Core.now per poll.`,
		],
		details: { latencyMs, gapHours, spanMs, minimumWindows, idle, catchUp },
	};
}
