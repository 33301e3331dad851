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
		event: 'stockoutCancelled',
		emitted: {},
	};
	rig.setTime(T0 + 2 * MINUTE);
	return { state, key: eventKey(stockout.stockoutId, stockout.modifiedMs) };
}

const faults: Array<{ kind: FaultKind; method: string; message: RegExp; description: RegExp }> = [
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
			// A poll that throws commits nothing: the cursor stays.
			expect(failed.staticData).toEqual(state);
			expect(failed.persistedStaticData).toEqual(state);

			rig.advance(MINUTE);
			const recovered = await rig.poll({ persistence, staticData: failed.staticData });
			expect(recovered.error).toBeUndefined();
			expect(recovered.emitted.map(keyOf)).toEqual([key]);
			expect(staticDataProblems(recovered.staticData)).toEqual([]);
		});
	}

	for (const method of [CORE_NOW, SEARCH_CANCEL]) {
		it(`a rate-limit reply on ${method} pauses 5 minutes, kept by both persistences (the poll returns null); the event comes after the pause`, async () => {
			const { state, key } = arrange();
			rig.sim.faults.next('rateLimit', 1, method);
			const limited = await rig.poll({ persistence, staticData: state });
			expect(limited.error).toBeUndefined();
			expect(limited.items).toBeNull();
			// A scheduled poll's cursor-only change: n8n 2.x commits it (a throwing poll would commit
			// nothing); n8n 1.x keeps it in the active workflow's memory.
			if (persistence === 'n8n2') expect(limited.persistedStaticData).toEqual(limited.staticData);
			expect(limited.staticData).toEqual({
				...state,
				pausedUntil: formatCst(T0 + 7 * MINUTE),
				rateLimitStreak: 1,
			});
			expect(limited.warnings.join('\n')).toMatch(
				/WDT rate-limited this key .*超过每分钟最大调用频率限制.*no calls until 2024-11-22 10:07:00/,
			);

			let staticData = limited.staticData;
			for (let minute = 1; minute <= 4; minute++) {
				rig.advance(MINUTE);
				const paused = await rig.poll({ persistence, staticData });
				expect(paused.requests).toEqual([]);
				expect(paused.items).toBeNull();
				expect(paused.error).toBeUndefined();
				staticData = paused.staticData;
			}
			rig.advance(MINUTE);
			const recovered = await rig.poll({ persistence, staticData });
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

describe.each(['n8n1', 'n8n2'] as const)(
	'%s: rate limits in a row pause 5, then 10 minutes (host clock); a good poll ends the pause',
	(persistence) => {
		it('backs off and recovers without losing the event', async () => {
			const { state, key } = arrange();
			let staticData: IDataObject = state;
			const timeline: string[] = [];
			const emitted: string[] = [];
			for (let poll = 0; poll < 30; poll++) {
				if (poll > 0) rig.advance(MINUTE);
				// Every call is rate-limited for the first 20 minutes.
				if (rig.now() < T0 + 22 * MINUTE) rig.sim.faults.next('rateLimit', 1, CORE_NOW);
				const result = await rig.poll({ persistence, staticData });
				rig.sim.faults.clear();
				expect(result.error).toBeUndefined();
				timeline.push(
					result.requests.length === 0
						? 'paused'
						: result.staticData.pausedUntil
							? `limited ${String(result.staticData.rateLimitStreak)}`
							: 'ok',
				);
				emitted.push(...result.emitted.map(keyOf));
				staticData = result.staticData;
			}
			const paused = (count: number) => Array<string>(count).fill('paused');
			expect(timeline.slice(0, 26)).toEqual([
				'limited 1', // T0+2: pause 5 min
				...paused(4),
				'limited 2', // T0+7: pause 10 min
				...paused(9),
				'limited 3', // T0+17: pause 10 min
				...paused(9),
				'ok', // T0+27
			]);
			expect(emitted).toEqual([key]);
		});
	},
);
