/**
 * Both of WDT's rate-limit replies end a read through n8n-core's engine against the simulator:
 * 超过每分钟最大调用频率限制 (calls per minute) and 超过每分钟最大并发次数限制 (concurrent calls). WDT
 * asks to rest the key 5–10 minutes after either, so nothing is read again in the run, and the
 * error says how far the read got.
 */
import { describe, expect, it } from 'vitest';

import { CONCURRENCY_LIMIT_MESSAGE, RATE_LIMIT_MESSAGE } from '../simulator';
import { jsonOf, useRig } from './rig';

const rig = useRig();
const SEARCH_CANCEL = 'wms.stockout.Sales.searchCancel';
const HOUR = 3_600_000;
const base = Date.parse('2024-11-21T00:00:00+08:00');

/** Three cancelled stockouts in each of the four hours from `base`. */
function addStockouts() {
	for (let hour = 0; hour < 4; hour++)
		for (let n = 1; n <= 3; n++)
			rig.sim.addStockout({
				stockoutNo: `CK${hour}${n}`,
				modifiedMs: base + hour * HOUR + n * 60_000,
			});
}

const getManyCancelled = (parallelRequests: number, extra = {}) => ({
	resource: 'salesStockout',
	operation: 'getManyCancelled',
	startTime: new Date(base).toISOString(),
	endTime: new Date(base + 4 * HOUR).toISOString(),
	returnAll: true,
	options: { parallelRequests },
	...extra,
});

const LIMITS = [
	['concurrencyLimit', CONCURRENCY_LIMIT_MESSAGE],
	['rateLimit', RATE_LIMIT_MESSAGE],
] as const;

describe.each(LIMITS)('a %s reply', (fault, message) => {
	it('in the third of four one-hour windows ends the read at once and says how far it got', async () => {
		addStockouts();
		// Windows 1 and 2 are read (one page each); the fault waits for the third call.
		let calls = 0;
		rig.sim.beforePage = ({ method }) => {
			if (method === SEARCH_CANCEL && ++calls === 2) rig.sim.faults.next(fault, 1, SEARCH_CANCEL);
		};
		try {
			const { error } = await rig.run(getManyCancelled(1));
			expect(error?.message).toContain(message);
			expect(error?.message).toMatch(
				/Read so far: windows 1–2 of 4 were read completely; window 3 \(2024-11-21 02:00:00 to 2024-11-21 03:00:00 CST\) failed after 0 page\(s\); 6 record\(s\) were collected and are not output; everything up to 2024-11-21 02:00:00 CST was read/,
			);
			expect(error?.description).toMatch(/Wait 5–10 minutes/);
			// Windows 1 and 2, then the refused call; nothing read again, window 4 never asked.
			expect(rig.sim.requestsFor(SEARCH_CANCEL)).toHaveLength(3);
			expect(rig.sim.requestsFor(SEARCH_CANCEL).at(-1)?.message).toBe(message);
		} finally {
			rig.sim.beforePage = undefined;
		}
	});

	it('with Parallel Requests 3 sends nothing after it: no window is read again', async () => {
		addStockouts();
		rig.sim.faults.next(fault, 1, SEARCH_CANCEL);
		const { error } = await rig.run(getManyCancelled(3));
		expect(error?.message).toContain(message);
		expect(error?.description).toMatch(/Wait 5–10 minutes/);
		// The three windows started together; the refused one is not asked again, window 4 never.
		const requests = rig.sim.requestsFor(SEARCH_CANCEL);
		expect(requests.length).toBeLessThanOrEqual(3);
		expect(requests.filter((request) => request.message === message)).toHaveLength(1);
	});

	it('stops the run: the later items are not sent, and say why', async () => {
		addStockouts();
		rig.sim.faults.next(fault, 1, SEARCH_CANCEL);
		const { outputs, error } = await rig.run(getManyCancelled(1), [{}, {}, {}], {
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		const errors = jsonOf(outputs[0]).map((item) => String(item.error));
		expect(errors).toHaveLength(3);
		expect(errors[0]).toContain(message);
		expect(errors[1]).toMatch(
			/not sent, because WDT rate-limited this API key earlier in this run/,
		);
		expect(errors[2]).toMatch(
			/not sent, because WDT rate-limited this API key earlier in this run/,
		);
		expect(rig.sim.requestsFor(SEARCH_CANCEL)).toHaveLength(1);
	});
});

describe('the simulator’s real concurrency limit (maxConcurrent)', () => {
	it('a parallel read over a key allowed one call at a time stops at the first refusal and re-reads nothing', async () => {
		addStockouts();
		rig.sim.maxConcurrent = 1;
		rig.sim.latencyMs = 50;
		try {
			const { error } = await rig.run(getManyCancelled(4));
			expect(error?.message).toContain(CONCURRENCY_LIMIT_MESSAGE);
			expect(error?.description).toMatch(/Wait 5–10 minutes/);
			const requests = rig.sim.requestsFor(SEARCH_CANCEL);
			// The four windows started together; no request was sent after the refusals.
			expect(requests.length).toBeLessThanOrEqual(4);
			expect(
				requests.filter((request) => request.message === CONCURRENCY_LIMIT_MESSAGE).length,
			).toBeGreaterThan(0);
			// Alone, the same read passes: the limit is about calls at once.
			rig.sim.clearRequests();
			const alone = await rig.run(getManyCancelled(1));
			expect(alone.error).toBeUndefined();
			expect(jsonOf(alone.outputs[0])).toHaveLength(12);
		} finally {
			rig.sim.maxConcurrent = undefined;
			rig.sim.latencyMs = 0;
		}
	});
});
