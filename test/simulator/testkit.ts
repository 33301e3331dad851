/** Shared setup for the simulator's own tests. */
import { afterAll, beforeAll } from 'vitest';

import { TestClient } from './client';
import { startSimulator, type SimulatorOptions, type WdtSimulator } from './server';
import { DEFAULT_SELLER } from './sellers';

/** 2024-11-22 10:00:00 CST: a fixed "now" so dates in assertions are stable. */
export const NOW = Date.parse('2024-11-22T10:00:00+08:00');

export interface Rig {
	sim: WdtSimulator;
	client: TestClient;
	close(): Promise<void>;
}

/** A simulator with an empty store and a frozen clock at NOW (unless overridden), plus a client. */
export async function startRig(options: SimulatorOptions = {}): Promise<Rig> {
	const sim = await startSimulator({ seed: 'empty', now: NOW, freezeClock: true, ...options });
	const client = new TestClient(sim.url, { ...DEFAULT_SELLER }, () => sim.clock.now());
	return {
		sim,
		client,
		async close() {
			// Server first: it drops open connections, so the agent has nothing left to wait for.
			await sim.close();
			await client.close();
		},
	};
}

/** One rig for a test file (or describe block): started before its first test, closed after its last. */
export function useRig(options: SimulatorOptions = {}): Rig {
	const rig = {} as Rig;
	beforeAll(async () => {
		Object.assign(rig, await startRig(options));
	});
	afterAll(async () => await rig.close());
	return rig;
}
