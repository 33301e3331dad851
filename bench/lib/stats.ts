/* eslint-disable -- bench code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/** Summaries of repeated measurements: median with min and max. */

export interface Summary {
	median: number;
	min: number;
	max: number;
	/** Every measured value, in run order. */
	runs: number[];
}

export function summarize(values: readonly number[]): Summary {
	if (values.length === 0) throw new RangeError('nothing measured');
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: [...values] };
}

/** A constant (a count that does not vary, a goal): median = min = max. */
export function constant(value: number): Summary {
	return { median: value, min: value, max: value, runs: [value] };
}

/**
 * a / b for two summaries: the median of the ratio is median(a) / median(b); the range is the
 * widest combination (min a / max b … max a / min b), so it is never narrower than the data.
 */
export function ratioOf(a: Summary, b: Summary): Summary {
	return {
		median: a.median / b.median,
		min: a.min / b.max,
		max: a.max / b.min,
		runs: [],
	};
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns what each run measured. */
export async function repeat<T>(
	label: string,
	{ warmup, runs }: { warmup: number; runs: number },
	fn: (index: number) => Promise<T>,
	log: (line: string) => void,
): Promise<T[]> {
	for (let i = 0; i < warmup; i++) {
		log(`${label}: warm-up ${i + 1}/${warmup}`);
		await fn(-1 - i);
	}
	const results: T[] = [];
	for (let i = 0; i < runs; i++) {
		collectGarbage();
		log(`${label}: run ${i + 1}/${runs}`);
		results.push(await fn(i));
	}
	return results;
}

/** A full GC between runs when the process has --expose-gc (bench/run.ts passes it). */
export function collectGarbage(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc) gc();
}

/** " (within noise: the runs overlap)" when the two summaries' min–max ranges overlap, else "". */
export function noiseNote(a: Summary, b: Summary): string {
	return a.min <= b.max && b.min <= a.max ? ' (within noise: the min–max ranges overlap)' : '';
}
