import { afterEach, describe, expect, it, vi } from 'vitest';

import { SimClock } from './clock';

describe('SimClock', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('follows real time by default', () => {
		vi.useFakeTimers({ now: 1_700_000_000_000 });
		const clock = new SimClock();
		expect(clock.now()).toBe(1_700_000_000_000);
		vi.advanceTimersByTime(1500);
		expect(clock.now()).toBe(1_700_000_001_500);
		expect(clock.wdtTimestamp()).toBe(1_700_000_001 - 1325347200);
	});

	it('set and advance shift a running clock, which keeps running', () => {
		vi.useFakeTimers({ now: 1_700_000_000_000 });
		const clock = new SimClock().set(1_000_000);
		vi.advanceTimersByTime(10);
		expect(clock.now()).toBe(1_000_010);
		clock.advance(-10);
		expect(clock.now()).toBe(1_000_000);
		expect(clock.isFrozen).toBe(false);
	});

	it('freeze stops it; set/advance move the frozen instant; unfreeze and useRealTime resume', () => {
		vi.useFakeTimers({ now: 1_700_000_000_000 });
		const clock = new SimClock().freeze(5000);
		vi.advanceTimersByTime(1000);
		expect(clock.now()).toBe(5000);
		clock.advance(250).set(clock.now() + 250);
		expect(clock.now()).toBe(5500);
		clock.unfreeze();
		vi.advanceTimersByTime(100);
		expect(clock.now()).toBe(5600);
		clock.freeze().useRealTime();
		expect(clock.now()).toBe(Date.now());
	});
});
