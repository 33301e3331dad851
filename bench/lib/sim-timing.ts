/**
 * Measures the in-process simulator's own work per request: the method logic (e.g. searchCancel
 * filtering and sorting every stored stockout, then formatting a page) and writing the reply
 * (not its JSON.stringify, which happens before the call to write; a fraction of a ms). The
 * real WDT spends its own time per call too, but the latency floor (calls × latency) has none of
 * it, so the bench reports it next to the floor instead of charging it silently to the node.
 * Wraps two (TypeScript-private) methods of this one simulator instance; nothing else changes.
 */
import type { WdtSimulator } from '../../test/simulator';

type AnyMethod = (...args: unknown[]) => unknown;

export interface SimTimer {
	/** Milliseconds spent in the simulator's method logic and reply writing since reset(). */
	ms(): number;
	reset(): void;
}

export function timeSimulator(sim: WdtSimulator): SimTimer {
	let total = 0;
	const target = sim as unknown as Record<'runMethod' | 'write', AnyMethod>;
	for (const name of ['runMethod', 'write'] as const) {
		const original = target[name];
		if (typeof original !== 'function') throw new Error(`the simulator has no ${name} method to time`);
		target[name] = function timed(this: unknown, ...args: unknown[]) {
			const started = performance.now();
			try {
				return original.apply(this, args);
			} finally {
				total += performance.now() - started;
			}
		};
	}
	return {
		ms: () => total,
		reset: () => {
			total = 0;
		},
	};
}
