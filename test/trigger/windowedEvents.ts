/**
 * Tests every event over a windowed search shares (Refund, Goods, Purchase Apply): activation,
 * a rate limit, paging of a busy day after an outage, "Fetch test event". Each event's test file
 * calls them with how to add one of its records.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import {
	CORE_NOW,
	HOUR,
	MINUTE,
	pollThroughRateLimit,
	stateAt,
	T0,
	type Persistence,
	type PollOutcome,
	type TriggerRig,
} from './support';

export interface WindowedEventCase {
	rig: TriggerRig;
	/** The event's name in the Event list. */
	name: string;
	parameters: INodeParameters;
	/** The WDT method it reads. */
	method: string;
	/** Adds a record that is an event when it changed at `modifiedMs`; returns its id. */
	add(modifiedMs: number): unknown;
	/** The id of an emitted item. */
	id(json: IDataObject): unknown;
}

/** The activation poll: it reads WDT's clock only, and emits nothing. */
export async function activate(
	rig: TriggerRig,
	persistence: Persistence,
	parameters: INodeParameters,
): Promise<PollOutcome> {
	const first = { persistence, staticData: {}, parameters };
	const activation = await rig.poll({ ...first, activationPoll: true });
	expect(activation.error).toBeUndefined();
	expect(activation.items).toBeNull();
	expect(activation.requests.map((request) => request.method)).toEqual([CORE_NOW]);
	return activation;
}

/** A rate-limit reply on the event's search pauses it; the record comes after the pause, once. */
export function rateLimitTest(event: WindowedEventCase, persistence: Persistence): void {
	it('a rate-limit reply on the search pauses the trigger; the event comes after the pause, once', async () => {
		const { rig, parameters } = event;
		const id = event.add(T0 + 10_000);
		rig.setTime(T0 + 2 * MINUTE);
		const state = stateAt(String(parameters.event), T0 - MINUTE);
		const emitted = await pollThroughRateLimit(rig, persistence, state, parameters, event.method);
		expect(emitted.map(event.id)).toEqual([id]);
	});
}

/** Paging of a busy day in one 30-day window, and "Fetch test event" with and without events. */
export function pagingAndTestEventTests(event: WindowedEventCase): void {
	const { rig, parameters, method } = event;
	const active = () => stateAt(String(parameters.event), T0 - MINUTE);
	describe('paging, catch-up and Fetch test event', () => {
		it('reads every page of a busy day in one 30-day window after an outage, each record once', async () => {
			const ids = Array.from({ length: 230 }, (_, i) => event.add(T0 + 10_000 + i * 5 * MINUTE));
			rig.setTime(T0 + 20 * HOUR);
			const result = await rig.poll({ staticData: active(), parameters });
			expect(result.error).toBeUndefined();
			expect(result.emitted.map(event.id)).toEqual(ids);
			const searches = result.requests.filter((request) => request.method === method);
			expect(searches.map((request) => request.pageNo)).toEqual([0, 1, 2]);
			expect(new Set(searches.map((request) => request.bodyText)).size).toBe(1);

			rig.setTime(T0 + 20 * HOUR + MINUTE);
			const next = await rig.poll({ staticData: result.staticData, parameters });
			expect(next.error).toBeUndefined();
			expect(next.emitted).toEqual([]);
		});

		it('Fetch test event shows the latest records without touching the cursor, and says so when there are none', async () => {
			const recent = [50, 40, 30, 20].map((minutes) => event.add(T0 - minutes * MINUTE));
			const state = active();
			const manual = await rig.poll({ mode: 'manual', staticData: state, parameters });
			expect(manual.error).toBeUndefined();
			expect(manual.emitted.map(event.id)).toEqual([recent[3], recent[2], recent[1]]);
			expect(manual.staticData).toEqual(state);

			rig.sim.resetData('empty');
			event.add(T0 - 25 * HOUR);
			const none = await rig.poll({ mode: 'manual', staticData: {}, parameters });
			expect(none.items).toBeNull();
			expect(none.error).toMatchObject({
				message: `No ${event.name} event in the last 24 hours, so there is no test event to show.`,
			});
		});
	});
}
