/**
 * A failing poll in trigger mode: n8n gets the error (PollTriggerExecutor → __emitError, or
 * thrown to the activator), with WDT's status and the fix in message and description; the
 * cursor stays, and the next good poll emits what the failed one would have.
 */
import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { DEFAULT_SELLER, formatCst, type FaultKind } from '../simulator';
import {
	CORE_NOW,
	eventKey,
	keyOf,
	MINUTE,
	SEARCH_CANCEL,
	staticDataProblems,
	useTriggerRig,
	T0,
} from './support';

const rig = useTriggerRig();

/** An active trigger whose cursor is T0 − 1 min, and a stockout cancelled at T0 + 10 s. */
function arrange(): { state: IDataObject; key: string } {
	const stockout = rig.sim.addStockout({ modifiedMs: T0 + 10_000 });
	const state = {
		cursor: formatCst(T0 - MINUTE),
		since: formatCst(T0 - MINUTE),
		recentlyEmitted: [],
	};
	rig.setTime(T0 + 2 * MINUTE);
	return { state, key: eventKey(stockout.stockoutId, stockout.modifiedMs) };
}

const faults: Array<{ kind: FaultKind; method: string; message: RegExp; description: RegExp }> = [
	{
		kind: 'rateLimit',
		method: SEARCH_CANCEL,
		message:
			/WDT wms\.stockout\.Sales\.searchCancel failed: WDT is rate-limiting this API key \(status 100: "超过每分钟最大调用频率限制/,
		description: /^WDT limits calls per minute for this key/,
	},
	{
		kind: 'html502',
		method: CORE_NOW,
		message: /WDT system\.Core\.now returned an HTML page \("502 Bad Gateway"\) with HTTP 502/,
		description: /did not answer with JSON/,
	},
	{
		kind: 'drop',
		method: SEARCH_CANCEL,
		message: /WDT wms\.stockout\.Sales\.searchCancel: the connection was reset before WDT replied/,
		description: /^The connection to WDT failed or was cut/,
	},
	{
		kind: 'truncated',
		method: SEARCH_CANCEL,
		message: /WDT wms\.stockout\.Sales\.searchCancel returned truncated or malformed JSON/,
		description: /did not answer with JSON/,
	},
];

describe.each(['n8n1', 'n8n2'] as const)('%s: a failed poll', (persistence) => {
	for (const { kind, method, message, description } of faults) {
		it(`${kind} on ${method}: the error surfaces with the fix; the cursor stays; the event comes with the next poll`, async () => {
			const { state, key } = arrange();
			rig.sim.faults.next(kind, 1, method);
			const failed = await rig.poll({ persistence, staticData: state });
			expect(failed.items).toBeNull();
			expect(failed.error).toMatchObject({ name: 'NodeApiError' });
			const error = failed.error as { message: string; description: string };
			expect(error.message).toMatch(
				/^WDT Trigger poll failed; the next poll repeats the same time range: /,
			);
			expect(error.message).toMatch(message);
			expect(error.description).toMatch(description);
			// A poll that throws commits nothing: the cursor stays (n8n1 keeps the rate-limit pause in memory).
			const { pausedUntil, rateLimitStreak, ...rest } = failed.staticData;
			expect(rest).toEqual(state);
			expect(failed.persistedStaticData).toEqual(state);
			expect(staticDataProblems(failed.staticData)).toEqual([]);

			let next = failed;
			if (kind === 'rateLimit' && persistence === 'n8n1') {
				// Paused for 2 minutes on the host clock: the poll a minute later makes no call.
				expect({ pausedUntil, rateLimitStreak }).toEqual({
					pausedUntil: formatCst(T0 + 4 * MINUTE),
					rateLimitStreak: 1,
				});
				rig.advance(MINUTE);
				next = await rig.poll({ persistence, staticData: failed.staticData });
				expect(next.requests).toEqual([]);
				expect(next.items).toBeNull();
				expect(next.error).toBeUndefined();
			} else {
				// n8n 2.x commits nothing from a poll that threw, so the pause is not kept there either.
				expect({ pausedUntil, rateLimitStreak }).toEqual({
					pausedUntil: undefined,
					rateLimitStreak: undefined,
				});
			}
			rig.advance(MINUTE);
			const recovered = await rig.poll({ persistence, staticData: next.staticData });
			expect(recovered.error).toBeUndefined();
			expect(recovered.emitted.map(keyOf)).toEqual([key]);
			expect(recovered.staticData).not.toHaveProperty('pausedUntil');
			expect(recovered.staticData).not.toHaveProperty('rateLimitStreak');
		});
	}

	it('rejected credentials: WDT status 1 验证失败 and which fields to check', async () => {
		const { state } = arrange();
		const failed = await rig.poll({
			persistence,
			staticData: state,
			credentials: { wdtApi: { ...rig.credentials.wdtApi, secret: 'not-the-secret' } },
		});
		expect(failed.error).toMatchObject({
			name: 'NodeApiError',
			message:
				'WDT Trigger poll failed; the next poll repeats the same time range: WDT system.Core.now failed: WDT rejected the signature (status 1: "验证失败")',
		});
		expect((failed.error as { description: string }).description).toMatch(
			/^Check the API Key, Secret and Salt/,
		);
		expect(failed.staticData).toEqual(state);
	});

	it('a method the key is not granted: WDT status 100 权限不足 and where to request it', async () => {
		const { state } = arrange();
		rig.sim.addSeller({ ...DEFAULT_SELLER, sid: 'no-search-grant', grantedMethods: [CORE_NOW] });
		const failed = await rig.poll({
			persistence,
			staticData: state,
			credentials: { wdtApi: { ...rig.credentials.wdtApi, sid: 'no-search-grant' } },
		});
		expect(failed.error).toMatchObject({
			name: 'NodeApiError',
			message:
				'WDT Trigger poll failed; the next poll repeats the same time range: WDT wms.stockout.Sales.searchCancel failed: this API key is not granted the method (status 100: "权限不足")',
		});
		expect((failed.error as { description: string }).description).toMatch(
			/not granted this method.*自助对接 → 应用管理/,
		);
		expect(failed.staticData).toEqual(state);
	});

	it('the activation poll throws its error to the activator', async () => {
		rig.sim.faults.next('html502', 1, CORE_NOW);
		const failed = await rig.poll({ persistence, staticData: {}, activationPoll: true });
		expect(failed.error).toMatchObject({ name: 'NodeApiError' });
		expect((failed.error as Error).message).toMatch(/HTTP 502/);
		expect(failed.staticData).toEqual({});
	});
});

describe('n8n1: rate limits in a row pause 2, 4, 8 minutes (host clock); a good poll ends the pause', () => {
	it('backs off and recovers without losing the event', async () => {
		const { state, key } = arrange();
		let staticData: IDataObject = state;
		const timeline: string[] = [];
		const emitted: string[] = [];
		for (let poll = 0; poll < 20; poll++) {
			if (poll > 0) rig.advance(MINUTE);
			// Every call is rate-limited for the first 10 minutes.
			if (rig.now() < T0 + 12 * MINUTE) rig.sim.faults.next('rateLimit', 1, CORE_NOW);
			const result = await rig.poll({ persistence: 'n8n1', staticData });
			rig.sim.faults.clear();
			timeline.push(result.requests.length === 0 ? 'paused' : result.error ? 'limited' : 'ok');
			emitted.push(...result.emitted.map(keyOf));
			staticData = result.staticData;
		}
		expect(timeline.slice(0, 16)).toEqual([
			'limited', // T0+2: pause 2 min
			'paused',
			'limited', // T0+4: pause 4 min
			'paused',
			'paused',
			'paused',
			'limited', // T0+8: pause 8 min
			'paused',
			'paused',
			'paused',
			'paused',
			'paused',
			'paused',
			'paused',
			'ok', // T0+16
			'ok',
		]);
		expect(emitted).toEqual([key]);
	});
});
