/**
 * Fault injection. Faults are drawn after the signature/parameter checks and before the method
 * runs, so a faulted write changes nothing, except:
 * - 'slow' only delays a normal reply (the method does run, after the delay), and
 * - 'dropAfterWrite' runs the method and then drops the connection (a create whose reply is lost).
 */

export type FaultKind =
	| 'rateLimit'
	| 'concurrencyLimit'
	| 'html502'
	| 'drop'
	| 'empty'
	| 'truncated'
	| 'slow'
	| 'dropAfterWrite';

export const FAULT_KINDS: readonly FaultKind[] = [
	'rateLimit',
	'concurrencyLimit',
	'html502',
	'drop',
	'empty',
	'truncated',
	'slow',
	'dropAfterWrite',
];

/** Kinds `random()` uses when none are given: the ones after which a retry is always safe. */
export const DEFAULT_RANDOM_KINDS: readonly FaultKind[] = [
	'rateLimit',
	'concurrencyLimit',
	'html502',
	'drop',
	'empty',
	'truncated',
];

export interface FaultOptions {
	/** Extra delay for 'slow' (default: `faults.slowDelayMs`). */
	delayMs?: number;
}

export interface RandomFaultOptions {
	/** Probability (0..1) that a request gets a fault. */
	rate: number;
	kinds?: readonly FaultKind[];
	/** PRNG seed; the same seed and request sequence give the same faults. Default 1. */
	seed?: number;
	/** Only requests for these methods are affected (default: all). */
	onlyMethods?: readonly string[];
	/** Delay used when 'slow' is drawn. */
	delayMs?: number;
}

/** A fault picked for one request. */
export interface DrawnFault {
	kind: FaultKind;
	delayMs: number;
}

interface QueuedFault {
	kind: FaultKind;
	remaining: number;
	onlyMethod?: string;
	delayMs?: number;
}

/** mulberry32: tiny, fast and good enough for spreading faults. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class FaultInjector {
	/** Delay of a 'slow' fault when none was given. */
	slowDelayMs = 1000;

	private queue: QueuedFault[] = [];
	private randomConfig: (RandomFaultOptions & { next: () => number }) | undefined;

	/** Queues `count` faults of `kind` for the next requests (for `onlyMethod` only, if given). */
	next(kind: FaultKind, count = 1, onlyMethod?: string, options: FaultOptions = {}): this {
		if (!FAULT_KINDS.includes(kind)) throw new Error(`unknown fault kind: ${String(kind)}`);
		if (count > 0)
			this.queue.push({ kind, remaining: count, onlyMethod, delayMs: options.delayMs });
		return this;
	}

	/** Gives every matching request a fault with probability `rate` (queued faults come first). */
	random(options: RandomFaultOptions): this {
		const kinds = options.kinds ?? DEFAULT_RANDOM_KINDS;
		if (kinds.length === 0) throw new Error('random faults need at least one kind');
		this.randomConfig = { ...options, kinds, next: seededRandom(options.seed ?? 1) };
		return this;
	}

	/** Removes queued and random faults. */
	clear(): this {
		this.queue = [];
		this.randomConfig = undefined;
		return this;
	}

	/** How many queued faults are still waiting. */
	get pending(): number {
		return this.queue.reduce((sum, fault) => sum + fault.remaining, 0);
	}

	/** Picks the fault for a request to `method`, if any (used by the server). */
	draw(method: string): DrawnFault | undefined {
		const index = this.queue.findIndex(
			(f) => f.onlyMethod === undefined || f.onlyMethod === method,
		);
		if (index >= 0) {
			const fault = this.queue[index];
			fault.remaining -= 1;
			if (fault.remaining <= 0) this.queue.splice(index, 1);
			return { kind: fault.kind, delayMs: fault.delayMs ?? this.slowDelayMs };
		}
		const random = this.randomConfig;
		if (!random) return undefined;
		if (random.onlyMethods && !random.onlyMethods.includes(method)) return undefined;
		if (random.next() >= random.rate) return undefined;
		const kinds = random.kinds ?? DEFAULT_RANDOM_KINDS;
		const kind = kinds[Math.floor(random.next() * kinds.length)];
		return { kind, delayMs: random.delayMs ?? this.slowDelayMs };
	}
}
