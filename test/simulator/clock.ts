/**
 * The simulated clock. By default it follows real time; tests can shift it (set/advance keep it
 * running from the new point) or freeze it (then set/advance move the frozen instant).
 * Everything time-related in the simulator reads this clock: timestamp checks, `Date` headers,
 * `modified` values, visibility lag and the optional rate limit window.
 */
import { toWdtTimestamp } from './cst';

export class SimClock {
	private offsetMs = 0;
	private frozenAtMs: number | undefined;

	/** Simulated unix ms. */
	now(): number {
		return this.frozenAtMs ?? Date.now() + this.offsetMs;
	}

	/** Simulated time as a WDT timestamp (seconds since 2012-01-01 UTC). */
	wdtTimestamp(): number {
		return toWdtTimestamp(this.now());
	}

	get isFrozen(): boolean {
		return this.frozenAtMs !== undefined;
	}

	/** Jumps to `unixMs`; a running clock keeps running from there. */
	set(unixMs: number): this {
		if (this.frozenAtMs !== undefined) this.frozenAtMs = unixMs;
		else this.offsetMs = unixMs - Date.now();
		return this;
	}

	/** Moves the clock forward (or back, with a negative value). */
	advance(ms: number): this {
		return this.set(this.now() + ms);
	}

	/** Stops the clock at `atMs` (default: the current simulated time). */
	freeze(atMs: number = this.now()): this {
		this.frozenAtMs = atMs;
		return this;
	}

	/** Lets a frozen clock run again from where it stands. */
	unfreeze(): this {
		if (this.frozenAtMs !== undefined) {
			this.offsetMs = this.frozenAtMs - Date.now();
			this.frozenAtMs = undefined;
		}
		return this;
	}

	/** Back to real time: no offset, not frozen. */
	useRealTime(): this {
		this.offsetMs = 0;
		this.frozenAtMs = undefined;
		return this;
	}
}
