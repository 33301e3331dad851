/* eslint-disable -- bench code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * Synthetic, seeded workloads shared by the scenarios: records spread over hours by a weight
 * per hour, and the peak memory of the bench process while something runs.
 */
import { HOUR_MS } from '../../nodes/shared/protocol';

/** The hour of day (0–23) in China Standard Time, where WDT's shops live. */
export function cstHour(ms: number): number {
	return new Date(ms + 8 * HOUR_MS).getUTCHours();
}

/**
 * Splits `total` over the hours by their weights (0: the hour stays empty). Largest-remainder
 * rounding makes the counts add up to exactly `total`. Hours that all weigh 0 (a short --quick
 * range that falls in the quiet night, depending on the time the bench runs) share it evenly.
 */
export function spreadByWeight(weights: readonly number[], total: number): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	if (sum === 0 && weights.length > 0) return spreadByWeight(weights.map(() => 1), total);
	const exact = weights.map((weight) => (weight / sum) * total);
	const counts = exact.map(Math.floor);
	let missing = total - counts.reduce((a, b) => a + b, 0);
	const byRemainder = exact
		.map((value, index) => ({ index, remainder: value - Math.floor(value) }))
		.sort((a, b) => b.remainder - a.remainder);
	for (const { index } of byRemainder) {
		if (missing <= 0) break;
		if (weights[index] === 0) continue;
		counts[index]++;
		missing--;
	}
	return counts;
}

/**
 * A modified time inside hour `hourIndex` after `startMs`: whole seconds 1 … 3598 into the hour
 * plus some ms, so never on a window boundary (WDT compares whole seconds inclusively, so a
 * record on a shared boundary second would belong to two windows).
 */
export function timeInHour(startMs: number, hourIndex: number, random: () => number): number {
	return startMs + hourIndex * HOUR_MS + (1 + Math.floor(random() * 3598)) * 1000 + Math.floor(random() * 1000);
}

export interface MemoryPeak {
	/** Highest process RSS seen (MB) and its growth over the value at start. */
	rssMb: number;
	rssGrowthMb: number;
	/** Highest V8 heap in use (MB) and its growth over the value at start. */
	heapMb: number;
	heapGrowthMb: number;
}

/** Runs `fn` while sampling process.memoryUsage() every 10 ms; returns its result and the peaks. */
export async function withMemoryPeak<T>(fn: () => Promise<T>): Promise<{ result: T; memory: MemoryPeak }> {
	const start = process.memoryUsage();
	let rss = start.rss;
	let heap = start.heapUsed;
	const sample = () => {
		const now = process.memoryUsage();
		rss = Math.max(rss, now.rss);
		heap = Math.max(heap, now.heapUsed);
	};
	const sampler = setInterval(sample, 10);
	try {
		const result = await fn();
		sample();
		const mb = (bytes: number) => bytes / 2 ** 20;
		return {
			result,
			memory: {
				rssMb: mb(rss),
				rssGrowthMb: mb(rss - start.rss),
				heapMb: mb(heap),
				heapGrowthMb: mb(heap - start.heapUsed),
			},
		};
	} finally {
		clearInterval(sampler);
	}
}

/**
 * Weights of a shop's sales-order changes per hour from `startMs`: a quiet night (nothing from
 * 02:00 to 07:00 CST), a slow early morning, a daytime base, busy evenings 19:00–23:00, and
 * late-night shopping around midnight; random ±50 %. On `saleDay` (a day index from the start,
 * if given) everything doubles and 20:00–21:00 is the sale's peak (16× an evening hour).
 */
export function orderHourWeights(
	startMs: number,
	hours: number,
	random: () => number,
	saleDay?: number,
): number[] {
	return Array.from({ length: hours }, (_, index) => {
		const hour = cstHour(startMs + index * HOUR_MS);
		if (hour >= 2 && hour < 7) return 0;
		let weight = hour < 2 || hour === 23 ? 1.5 : hour < 9 ? 0.5 : hour >= 19 ? 4 : 1;
		if (Math.floor(index / 24) === saleDay) weight *= hour === 20 ? 16 : 2;
		return weight * (0.5 + random());
	});
}

/** WDT's sales-order statuses a busy day shows most (待客审, 已审核, 已发货, 已完成). */
const ORDER_STATUSES = [30, 55, 95, 110];

/** Sales orders for the simulator: `counts[i]` orders modified in hour i after `startMs`. */
export function ordersByHour(
	startMs: number,
	counts: readonly number[],
	random: () => number,
	firstTradeId = 1,
): Array<{ tradeId: number; modifiedMs: number; status: number }> {
	const orders: Array<{ tradeId: number; modifiedMs: number; status: number }> = [];
	counts.forEach((count, hour) => {
		for (let i = 0; i < count; i++) {
			orders.push({
				tradeId: firstTradeId + orders.length,
				modifiedMs: timeInHour(startMs, hour, random),
				status: ORDER_STATUSES[Math.floor(random() * ORDER_STATUSES.length)],
			});
		}
	});
	return orders;
}

/** How many of `modifiedMs` fall in [startMs, endMs] at WDT's whole-second resolution, both ends included. */
export function countInWindow(modifiedMs: readonly number[], startMs: number, endMs: number): number {
	let count = 0;
	for (const ms of modifiedMs) {
		const second = Math.floor(ms / 1000) * 1000;
		if (second >= startMs && second <= endMs) count++;
	}
	return count;
}

/** The fewest pages one window of `records` rows takes: one call even when it is empty. */
export function minimumPages(records: number, pageSize: number): number {
	return Math.max(1, Math.ceil(records / pageSize));
}

/**
 * The pages the read engine's last-to-first order reads for one window (protocol/paging.ts,
 * recommended by the page: 从后往前翻页): page 0 for the total, the last page back to page 1,
 * then page 0 again; one call when the window fits on one page.
 */
export function lastToFirstPages(records: number, pageSize: number): number {
	const pages = minimumPages(records, pageSize);
	return pages === 1 ? 1 : pages + 1;
}

/**
 * How long the read engine (nodes/shared/transport/search.ts) takes at pure latency: every
 * request takes `latencyMs` and no CPU. `parallel` workers take the windows in order; a window
 * reads page 0 (for the total), then its other pages: all at once when `concurrentPages` (a
 * window that closed before the read, at Parallel Requests > 1), else one after another. All
 * requests share `parallel` slots, handed out first come, first served, as search.ts's `inSlot`
 * does. `pagesPerWindow[i]` is the number of calls window i takes.
 */
export function readEngineMakespan(
	pagesPerWindow: readonly number[],
	parallel: number,
	latencyMs: number,
	concurrentPages: boolean,
): number {
	// Every request lasts exactly one latency and starts at 0 or when another ends, so time
	// advances in whole latencies: each step ends all requests in flight, oldest first.
	const slots = Math.max(1, Math.floor(parallel));
	const pagesLeft = [...pagesPerWindow];
	/** Pages of a window requested together and not back yet. */
	const outstanding = pagesPerWindow.map(() => 0);
	const waiting: number[] = [];
	let inFlight: number[] = [];
	let busy = 0;
	const send = (window: number) => {
		pagesLeft[window]--;
		if (busy < slots) {
			busy++;
			inFlight.push(window);
		} else waiting.push(window);
	};
	let nextWindow = 0;
	const startWindow = () => {
		if (nextWindow < pagesPerWindow.length) send(nextWindow++);
	};
	for (let worker = 0; worker < Math.min(slots, pagesPerWindow.length); worker++) startWindow();
	let steps = 0;
	while (inFlight.length) {
		const ending = inFlight;
		inFlight = [];
		steps++;
		for (const window of ending) {
			// The freed slot goes to the longest-waiting request, before this window goes on.
			busy--;
			const next = waiting.shift();
			if (next !== undefined) {
				busy++;
				inFlight.push(next);
			}
			if (outstanding[window] > 0) {
				if (--outstanding[window] === 0) startWindow();
			} else if (pagesLeft[window] === 0) startWindow();
			else if (concurrentPages) {
				// Page 0 is back: the window's other pages go out together.
				outstanding[window] = pagesLeft[window];
				while (pagesLeft[window] > 0) send(window);
			} else send(window);
		}
	}
	return steps * latencyMs;
}
