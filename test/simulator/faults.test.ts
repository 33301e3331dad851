/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
import { beforeEach, describe, expect, it } from 'vitest';

import type { FaultKind } from './faults';
import { CONCURRENCY_LIMIT_MESSAGE, RATE_LIMIT_MESSAGE } from './server';
import { NOW, startRig, useRig } from './testkit';

const UPLOAD = 'purchase.PurchaseApply.upload';
const SEARCH_CANCEL = 'wms.stockout.Sales.searchCancel';
const NOW_METHOD = 'system.Core.now';
const uploadArgs = (no?: string) => [
	{ purchase_apply_no: no, detail_list: [{ spec_no: 'A', num: 1 }] },
];
const searchArgs = [{ start_time: '2024-11-22 09:00:00', end_time: '2024-11-22 10:00:00' }];

const rig = useRig();
beforeEach(() => {
	rig.sim.resetData('empty');
	rig.sim.clearRequests();
	rig.sim.faults.clear();
	rig.sim.latencyMs = 0;
	rig.sim.rateLimitPerMinute = undefined;
	rig.sim.maxConcurrent = undefined;
	rig.sim.clock.set(NOW);
});

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
	const started = performance.now();
	const result = await work();
	return { result, ms: performance.now() - started };
}

describe('queued faults', () => {
	it('rateLimit and concurrencyLimit answer status 100 with the vendor messages', async () => {
		rig.sim.faults.next('rateLimit').next('concurrencyLimit');
		expect((await rig.client.call({ method: NOW_METHOD })).json).toEqual({
			status: 100,
			message: RATE_LIMIT_MESSAGE,
		});
		expect((await rig.client.call({ method: NOW_METHOD })).json).toEqual({
			status: 100,
			message: CONCURRENCY_LIMIT_MESSAGE,
		});
		expect((await rig.client.call({ method: NOW_METHOD })).json?.status).toBe(0);
		expect(rig.sim.requests.map((r) => r.status)).toEqual([
			'fault:rateLimit',
			'fault:concurrencyLimit',
			0,
		]);
	});

	it('html502 answers an nginx error page', async () => {
		rig.sim.faults.next('html502');
		const { httpStatus, headers, text, json } = await rig.client.call({ method: NOW_METHOD });
		expect(httpStatus).toBe(502);
		expect(headers['content-type']).toBe('text/html');
		expect(text).toContain('<center>nginx</center>');
		expect(json).toBeUndefined();
	});

	it('drop closes the connection without a reply; the next call works', async () => {
		rig.sim.faults.next('drop');
		await expect(rig.client.call({ method: NOW_METHOD })).rejects.toThrow();
		expect((await rig.client.call({ method: NOW_METHOD })).json?.status).toBe(0);
		expect(rig.sim.requests[0].status).toBe('fault:drop');
	});

	it('empty answers 200 with no body', async () => {
		rig.sim.faults.next('empty');
		const { httpStatus, text, json } = await rig.client.call({ method: NOW_METHOD });
		expect(httpStatus).toBe(200);
		expect(text).toBe('');
		expect(json).toBeUndefined();
	});

	it('truncated answers the first half of the real reply', async () => {
		rig.sim.addStockout({ modifiedMs: NOW - 60_000, receiverName: '王芳' });
		const pager = { pageNo: 0, pageSize: 10, calcTotal: true };
		rig.sim.faults.next('truncated');
		const cut = await rig.client.call({ method: SEARCH_CANCEL, args: searchArgs, pager });
		const full = await rig.client.call({ method: SEARCH_CANCEL, args: searchArgs, pager });
		expect(cut.httpStatus).toBe(200);
		expect(cut.json).toBeUndefined();
		expect(cut.text.length).toBe(Math.floor(full.text.length / 2));
		expect(full.text.startsWith(cut.text)).toBe(true);
	});

	it('slow delays a normal reply', async () => {
		rig.sim.faults.next('slow', 1, undefined, { delayMs: 300 });
		const { result, ms } = await timed(() =>
			rig.client.call({ method: UPLOAD, args: uploadArgs('SLOW-1') }),
		);
		expect(ms).toBeGreaterThanOrEqual(290);
		expect(result.json).toEqual({ status: 0, data: { status: 0, message: 'SLOW-1' } });
		expect(rig.sim.requests[0]).toMatchObject({ status: 0, fault: 'slow', reachedMethod: true });
	});

	it.each<FaultKind>(['rateLimit', 'concurrencyLimit', 'html502', 'drop', 'empty', 'truncated'])(
		'%s on a write changes no state',
		async (kind) => {
			rig.sim.faults.next(kind, 1, UPLOAD);
			await rig.client.call({ method: UPLOAD, args: uploadArgs('W-1') }).catch(() => undefined);
			expect(rig.sim.purchaseApplies.size).toBe(0);
			expect(rig.sim.writeRequests()).toEqual([]);
			expect(rig.sim.requests[0].status).toBe(`fault:${kind}`);
			// The retry goes through and creates the record once.
			expect(
				(await rig.client.call({ method: UPLOAD, args: uploadArgs('W-1') })).json?.data.message,
			).toBe('W-1');
			expect(rig.sim.writeRequests()).toHaveLength(1);
		},
	);

	it('dropAfterWrite runs the method, then loses the reply', async () => {
		rig.sim.faults.next('dropAfterWrite', 1, UPLOAD);
		await expect(rig.client.call({ method: UPLOAD, args: uploadArgs('LOST-1') })).rejects.toThrow();
		expect(rig.sim.purchaseApplies.has('LOST-1')).toBe(true);
		expect(rig.sim.writeRequests()).toEqual([
			expect.objectContaining({ status: 'fault:dropAfterWrite', reachedMethod: true }),
		]);
		// A blind retry now hits the duplicate check.
		const retry = await rig.client.call({ method: UPLOAD, args: uploadArgs('LOST-1') });
		expect(retry.json).toEqual({ status: 100, message: '采购申请单号已存在' });
	});

	it('honours count and onlyMethod; faults come after the signature checks', async () => {
		rig.sim.faults.next('rateLimit', 2, UPLOAD);
		expect(rig.sim.faults.pending).toBe(2);
		const bad = await rig.client.call({
			method: UPLOAD,
			args: uploadArgs(),
			credentials: { secret: 'wrong' },
		});
		expect(bad.json?.message).toBe('验证失败');
		expect((await rig.client.call({ method: NOW_METHOD })).json?.status).toBe(0);
		expect((await rig.client.call({ method: UPLOAD, args: uploadArgs() })).json?.message).toBe(
			RATE_LIMIT_MESSAGE,
		);
		expect((await rig.client.call({ method: UPLOAD, args: uploadArgs() })).json?.message).toBe(
			RATE_LIMIT_MESSAGE,
		);
		expect((await rig.client.call({ method: UPLOAD, args: uploadArgs() })).json?.status).toBe(0);
		expect(rig.sim.faults.pending).toBe(0);
	});
});

describe('random faults', () => {
	async function statuses(seed: number): Promise<string[]> {
		rig.sim.faults
			.clear()
			.random({ rate: 0.5, kinds: ['rateLimit', 'html502', 'empty', 'drop'], seed });
		const seen: string[] = [];
		for (let i = 0; i < 40; i++) {
			const outcome = await rig.client.call({ method: NOW_METHOD }).then(
				(r) => (r.httpStatus === 502 ? '502' : r.text === '' ? 'empty' : String(r.json?.status)),
				() => 'dropped',
			);
			seen.push(outcome);
		}
		return seen;
	}

	it('are reproducible for a seed and roughly at the asked rate', async () => {
		const first = await statuses(7);
		const second = await statuses(7);
		expect(second).toEqual(first);
		const faulted = first.filter((s) => s !== '0').length;
		expect(faulted).toBeGreaterThan(8);
		expect(faulted).toBeLessThan(32);
		expect(new Set(first)).toEqual(new Set(['0', '100', '502', 'empty', 'dropped']));
		expect(await statuses(8)).not.toEqual(first);
	});

	it('stop after clear()', async () => {
		rig.sim.faults.random({ rate: 1, kinds: ['rateLimit'] });
		expect((await rig.client.call({ method: NOW_METHOD })).json?.status).toBe(100);
		rig.sim.faults.clear();
		expect((await rig.client.call({ method: NOW_METHOD })).json?.status).toBe(0);
	});
});

describe('latency and real limits', () => {
	it('adds latencyMs before every reply', async () => {
		rig.sim.latencyMs = 150;
		const { ms } = await timed(() => rig.client.call({ method: NOW_METHOD }));
		expect(ms).toBeGreaterThanOrEqual(140);
	});

	it('rateLimitPerMinute limits calls per sid and method on the simulated clock', async () => {
		rig.sim.rateLimitPerMinute = 3;
		const results: number[] = [];
		for (let i = 0; i < 4; i++)
			results.push((await rig.client.call({ method: NOW_METHOD })).json!.status);
		expect(results).toEqual([0, 0, 0, 100]);
		expect(rig.sim.requests.at(-1)?.message).toBe(RATE_LIMIT_MESSAGE);
		// Another method has its own budget.
		expect(
			(
				await rig.client.call({
					method: SEARCH_CANCEL,
					args: searchArgs,
					pager: { pageNo: 0, pageSize: 1 },
				})
			).json?.status,
		).toBe(0);
		rig.sim.clock.advance(60_000);
		expect((await rig.client.call({ method: NOW_METHOD })).json?.status).toBe(0);
	});

	it('maxConcurrent rejects requests beyond the limit while others are in progress', async () => {
		rig.sim.maxConcurrent = 1;
		rig.sim.faults.next('slow', 1, undefined, { delayMs: 300 });
		const slow = rig.client.call({ method: NOW_METHOD });
		await new Promise((resolve) => setTimeout(resolve, 100));
		const second = await rig.client.call({ method: NOW_METHOD });
		expect(second.json).toEqual({ status: 100, message: CONCURRENCY_LIMIT_MESSAGE });
		expect((await slow).json?.status).toBe(0);
		expect((await rig.client.call({ method: NOW_METHOD })).json?.status).toBe(0);
	});
});

describe('close()', () => {
	it('abandons pending slow replies promptly', async () => {
		const other = await startRig();
		other.sim.faults.next('slow', 1, undefined, { delayMs: 30_000 });
		const pending = other.client.call({ method: NOW_METHOD }).catch((error: unknown) => error);
		await new Promise((resolve) => setTimeout(resolve, 50));
		const { ms } = await timed(() => other.close());
		expect(ms).toBeLessThan(2000);
		expect(await pending).toBeInstanceOf(Error);
	});
});
